// Design-fire heat release: t-squared growth Q = alpha t^2 to the peak (NFPA 92 (2021)
// sec. 5.2; class coefficients of the issue), fuel burnout with the EN 1991-1-2 Annex E.4
// linear decay after 70 % of the fuel, and the fuel mass balance (heat released = fuel burnt
// x heat of combustion). Tolerances stated per test.
#include <gtest/gtest.h>

#include <cmath>

#include "fire/heat_release.h"
#include "fire_fixture.h"

using namespace cd::fire;
using namespace cd::fire::test;

TEST(HeatRelease, TSquaredClassesReachAMegawattAtTheirTextbookTimes) {
    // Time to 1055 kW: slow 600 s, medium 300 s, fast 150 s, ultrafast 75 s (NFPA 92 table).
    FireDef f;
    f.peakHrrKw = 1e9;
    const double alpha[] = {kAlphaSlow, kAlphaMedium, kAlphaFast, kAlphaUltrafast};
    const double t1055[] = {600, 300, 150, 75};
    for (int i = 0; i < 4; ++i) {
        f.alphaKwS2 = alpha[i];
        EXPECT_NEAR(growthCurveHrrKw(f, t1055[i]), 1055.0, 0.01 * 1055.0);  // class alphas are rounded
    }
}

TEST(HeatRelease, GrowthIsCappedAtThePeakAndTablesInterpolate) {
    FireDef f;
    f.alphaKwS2 = kAlphaFast;
    f.peakHrrKw = 500;
    EXPECT_DOUBLE_EQ(growthCurveHrrKw(f, 50), kAlphaFast * 2500);
    EXPECT_DOUBLE_EQ(growthCurveHrrKw(f, 1000), 500);
    f.hrrTable = {{0, 0}, {100, 1000}, {200, 1000}, {300, 0}};
    EXPECT_DOUBLE_EQ(growthCurveHrrKw(f, 50), 500);
    EXPECT_DOUBLE_EQ(growthCurveHrrKw(f, 250), 500);
    EXPECT_DOUBLE_EQ(growthCurveHrrKw(f, 400), 0);
}

TEST(HeatRelease, FuelLoadBurnsOutWithTheEurocodeDecayAndBalancesTheFuelMass) {
    // 1000 kW at once, 10 kg at 20 MJ/kg: 70 % gone at 140 s, then a linear decay of
    // 2 x 0.3 x 200 MJ / 1000 kW = 120 s, burnout at 260 s. Tolerance 1 s; mass balance 1e-9.
    FireModelDef def = singleRoom(20, 20, 6);
    def.openings.push_back(floorVent("room", 4, 2.5));
    FireDef f = centreFire(def, 1000, 1e9);
    f.fuelMassKg = 10;
    f.heatOfCombustionKjKg = 20000;
    def.fires.push_back(f);
    def.maxStepS = 0.1;
    FireModel model = makeModel(def);
    double burnout = -1, released = 0;
    for (int i = 0; i < 4000 && burnout < 0; ++i) {
        model.step(0.1);
        released += model.fireState(0).hrrKw * 0.1;
        for (const auto& e : model.drainEvents())
            if (e.type == FireEventType::Burnout) burnout = e.timeS;
    }
    EXPECT_NEAR(burnout, 260.0, 1.0);
    EXPECT_NEAR(model.fireState(0).fuelPyrolysedKg, 10.0, 1e-9);
    EXPECT_TRUE(model.fireState(0).burnedOut);
    // Well ventilated: all of it burnt, so heat released = 10 kg x 20 MJ/kg within 0.5 %.
    EXPECT_NEAR(released, 200000.0, 1000.0);
    EXPECT_NEAR(model.conservation().heatReleasedJ, 2.0e8, 1e6);
}

TEST(HeatRelease, ModelFollowsTheTSquaredCurveWhileWellVentilated) {
    FireModelDef def = singleRoom(20, 20, 6);
    def.openings.push_back(floorVent("room", 4, 2.5));
    def.fires.push_back(centreFire(def, 3000, kAlphaMedium));
    def.maxStepS = 0.1;
    FireModel model = makeModel(def);
    for (int s = 1; s <= 300; ++s) {
        model.step(1.0);
        if (s % 60) continue;
        double t = model.timeS() - 0.05;  // the last sub-step used the HRR at its middle
        EXPECT_NEAR(model.fireState(0).hrrKw, std::min(kAlphaMedium * t * t, 3000.0), 1e-6) << "t " << t;
    }
}
