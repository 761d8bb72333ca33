// Alpert (1972) ceiling-jet correlations (SFPE Handbook 5th ed. ch. 14) against hand values,
// and sprinkler/heat-detector activation with a response time index against the closed-form
// solution of the link equation and an independent RK4 integration of it.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "fire/ceiling_jet.h"
#include "fire/layered_ceiling_jet.h"
#include "fire/smoke_optics.h"
#include "fire_fixture.h"

using namespace cd::fire;
using namespace cd::fire::test;

namespace {
// The gas a ceiling device sees at deviceZ, radiusM off the axis of the model's fire f (at the
// floor) under a ceiling ceilingZ high, from the model's HRR, plume flow and layers: Alpert's jet
// over the lower layer; in the upper layer that of the plume entering it (layered_ceiling_jet.h,
// densities 352.98 / T as CFAST); 0.1 m/s at least.
void jetOverModelLayers(const FireModel& model, const FireDef& f, double ceilingZ, double deviceZ, double radiusM,
                        double& gasK, double& velocityMS) {
    const double q = model.fireState(0).hrrKw;
    const bool inLayer = model.roomState(0).layerHeightM <= deviceZ;
    const CeilingJetConvectionInput in = fireUnderModelLayers(model, f.radiativeFraction, ceilingZ);
    const CeilingJet jet = inLayer ? layeredCeilingJet(in, q, radiusM) : alpertCeilingJet(q, ceilingZ, radiusM);
    gasK = (inLayer ? in.upperK : in.lowerK) + jet.excessTempK;
    velocityMS = std::max(0.1, jet.velocityMS);
}
}  // namespace

TEST(AlpertCeilingJet, NearTheAxisTemperatureAndVelocityMatchHandValues) {
    // Q = 1000 kW, H = 5 m, r = 0.5 m (r/H = 0.1): dT = 16.9 Q^(2/3)/H^(5/3) = 115.6 K,
    // U = 0.96 (Q/H)^(1/3) = 5.61 m/s. Tolerance 0.2 %.
    CeilingJet jet = alpertCeilingJet(1000.0, 5.0, 0.5);
    EXPECT_NEAR(jet.excessTempK, 115.58, 0.23);
    EXPECT_NEAR(jet.velocityMS, 5.614, 0.011);
}

TEST(AlpertCeilingJet, AwayFromTheAxisTemperatureAndVelocityMatchHandValues) {
    // r = 3 m (r/H = 0.6): dT = 5.38 (Q/r)^(2/3)/H = 51.73 K, U = 0.195 Q^(1/3) H^(1/2)/r^(5/6) = 1.746 m/s.
    CeilingJet jet = alpertCeilingJet(1000.0, 5.0, 3.0);
    EXPECT_NEAR(jet.excessTempK, 51.73, 0.1);
    EXPECT_NEAR(jet.velocityMS, 1.746, 0.004);
}

TEST(AlpertCeilingJet, BranchesMeetAtTheirBoundaries) {
    double h = 4.0, q = 2000.0;
    double a = alpertCeilingJet(q, h, 0.18 * h - 1e-9).excessTempK;
    double b = alpertCeilingJet(q, h, 0.18 * h + 1e-9).excessTempK;
    EXPECT_NEAR(a, b, 0.005 * a);
    double u1 = alpertCeilingJet(q, h, 0.15 * h - 1e-9).velocityMS;
    double u2 = alpertCeilingJet(q, h, 0.15 * h + 1e-9).velocityMS;
    EXPECT_NEAR(u1, u2, 0.02 * u1);  // the published velocity branches differ by 1.3 % here
}

TEST(CorridorCeilingJet, TemperatureAndVelocityMatchHandValuesAndDecayExponentially) {
    // Delichatsios (1981) as CFAST 7 codes it: dT_p = 100 K, H = 3 m, W = 2 m, y = 10 m:
    // dT = 100 x 0.37 x 1.5^(1/3) x exp(-0.16 x 10/3 x (2/3)^(1/3)) = 26.580 K,
    // U = 0.114 (3 x 26.580)^(1/2) x 1.5^(1/6) = 1.0892 m/s. Tolerance 0.01 %.
    const CeilingJet jet = corridorCeilingJet(100.0, 3.0, 2.0, 10.0);
    EXPECT_NEAR(jet.excessTempK, 26.580, 0.003);
    EXPECT_NEAR(jet.velocityMS, 1.0892, 0.0001);
    // Every 3 m further along the excess falls by exp(-0.16 (W/H)^(1/3)) = 0.8695.
    EXPECT_NEAR(corridorCeilingJet(100.0, 3.0, 2.0, 13.0).excessTempK / jet.excessTempK,
                std::exp(-0.16 * std::cbrt(2.0 / 3.0)), 1e-12);
    // Before it meets the side walls (y <= W / 2) the jet is radial: none from this correlation.
    EXPECT_EQ(corridorCeilingJet(100.0, 3.0, 2.0, 1.0).excessTempK, 0.0);
    EXPECT_EQ(corridorCeilingJet(100.0, 3.0, 2.0, 1.0).velocityMS, 0.0);
}

TEST(SprinklerLink, ActivationTimeInAConstantJetMatchesTheClosedForm) {
    // dTl/dt = sqrt(u)/RTI (Tg - Tl)  =>  t_act = RTI/sqrt(u) ln((Tg - T0)/(Tg - Tact)).
    double rti = 100, u = 2.0, tg = 400.0, t0 = 293.15, tact = 273.15 + 68.0;
    double exact = rti / std::sqrt(u) * std::log((tg - t0) / (tg - tact));
    double link = t0, t = 0, dt = 0.01;
    while (link < tact) {
        link = advanceLinkTemperatureK(link, tg, u, t0, rti, 0.0, dt);
        t += dt;
    }
    EXPECT_NEAR(t, exact, 0.011);  // one step
}

TEST(SprinklerLink, ActivationInTheModelMatchesAnIndependentIntegrationOfTheLinkEquation) {
    // A t-squared fire under a 3 m ceiling; the sprinkler sits 2 m from the axis. The model's
    // activation time is compared with an RK4 integration (0.01 s) of the RTI equation driven
    // by the model's own HRR and layers (Alpert's jet; in the upper layer that of the plume
    // entering it, layered_ceiling_jet.h). Tolerance 1 %.
    FireModelDef def = singleRoom(10, 10, 3);
    def.openings.push_back(floorVent("room", 2.0, 2.0));
    FireDef f = centreFire(def, 5000, kAlphaFast);
    def.fires.push_back(f);
    SprinklerDef s;
    s.id = "spk";
    s.room = "room";
    s.positionM = {7.0, 5.0, 2.95};
    def.sprinklers.push_back(s);
    def.maxStepS = 0.05;
    FireModel model = makeModel(def);
    double link = 293.15, t = 0, tAct = -1, modelAct = -1;
    while (t < 600 && (tAct < 0 || modelAct < 0)) {
        model.step(0.05);
        double gas = 0, u = 0;
        jetOverModelLayers(model, f, 3.0, s.positionM.z, 2.0, gas, u);
        auto rhs = [&](double l) { return std::sqrt(u) / s.rtiMS * (gas - l); };
        for (int k = 0; k < 5; ++k) {
            double h = 0.01;
            double k1 = rhs(link), k2 = rhs(link + 0.5 * h * k1), k3 = rhs(link + 0.5 * h * k2), k4 = rhs(link + h * k3);
            link += h / 6 * (k1 + 2 * k2 + 2 * k3 + k4);
        }
        t += 0.05;
        if (tAct < 0 && link >= s.activationTempC + 273.15) tAct = t;
        for (const auto& e : model.drainEvents())
            if (e.type == FireEventType::SprinklerActivated) modelAct = e.timeS;
    }
    ASSERT_GT(tAct, 0);
    ASSERT_GT(modelAct, 0);
    EXPECT_NEAR(modelAct, tAct, 0.01 * tAct);
}

// Smoke detector entry lag (Heskestad 1975, "Generalization of smoke entry and sensing
// characteristics of a smoke detector"; NFPA 72 Annex B): the chamber follows the smoke outside
// as dY/dt = (u / L)(Y_out - Y_in), so in a constant jet Y_in = Y_out (1 - exp(-u t / L)) and the
// detector alarms at t = (L / u) ln(Y_out / (Y_out - Y_thr)).
TEST(SmokeDetectorLag, ActivationInAConstantJetMatchesTheClosedForm) {
    const double lengthM = 1.8, u = 0.5;  // L of an ionization detector (Heskestad); a slow jet
    // The soot density at the CFAST default threshold, 8 %/ft (23.93 %/m), by bisection.
    double lo = 0.0, hi = 1e-2;
    for (int i = 0; i < 200; ++i) ((obscurationPctPerM(0.5 * (lo + hi)) < 23.93) ? lo : hi) = 0.5 * (lo + hi);
    const double threshold = 0.5 * (lo + hi), outside = 3.0 * threshold;
    const double exact = lengthM / u * std::log(outside / (outside - threshold));  // 3.6 ln 1.5 = 1.46 s
    double inside = 0.0, t = 0.0;
    const double dt = 0.01;
    while (obscurationPctPerM(inside) < 23.93) {
        inside = advanceDetectorSmoke(inside, outside, u, lengthM, dt);
        t += dt;
    }
    EXPECT_NEAR(t, exact, dt + 1e-9);  // one step
    EXPECT_DOUBLE_EQ(advanceDetectorSmoke(0.0, outside, u, 0.0, dt), outside) << "L = 0: no lag (CFAST)";
}

TEST(SmokeDetectorLag, InTheModelTheLagMatchesAnIndependentIntegrationAndDelaysTheAlarm) {
    // Two smoke detectors 3 m from a t-squared fire under a 3 m ceiling, one without lag (CFAST)
    // and one with L = 1.8 m. The lagged one's alarm time is compared with an RK4 integration
    // (0.01 s) of the lag equation driven by the model's upper-layer soot and the jet velocity
    // there (Alpert's, in the upper layer that of the plume entering it). Tolerance 1 % (the model holds the jet and the layer over its 0.05 s step).
    FireModelDef def = singleRoom(10, 10, 3);
    def.openings.push_back(floorVent("room", 2.0, 2.0));
    FireDef f = centreFire(def, 2000, kAlphaFast);
    f.sootYield = 0.05;
    def.fires.push_back(f);
    for (double length : {0.0, 1.8}) {
        DetectorDef d;
        d.id = length > 0 ? "lagged" : "plain";
        d.room = "room";
        d.positionM = {8.0, 5.0, 2.95};
        d.characteristicLengthM = length;
        def.detectors.push_back(d);
    }
    def.maxStepS = 0.05;
    FireModel model = makeModel(def);
    double inside = 0.0, t = 0.0, rk4Act = -1, plainAct = -1, laggedAct = -1;
    while (t < 600 && (rk4Act < 0 || plainAct < 0 || laggedAct < 0)) {
        model.step(0.05);
        const auto room = model.roomState(0);
        const double soot = room.layerHeightM <= 2.95 ? room.upperSootKgM3 : room.lowerSootKgM3;
        double gas = 0, u = 0;
        jetOverModelLayers(model, f, 3.0, 2.95, 3.0, gas, u);
        auto rhs = [&](double y) { return u / 1.8 * (soot - y); };
        for (int k = 0; k < 5; ++k) {
            const double h = 0.01;
            const double k1 = rhs(inside), k2 = rhs(inside + 0.5 * h * k1), k3 = rhs(inside + 0.5 * h * k2), k4 = rhs(inside + h * k3);
            inside += h / 6 * (k1 + 2 * k2 + 2 * k3 + k4);
        }
        t += 0.05;
        if (rk4Act < 0 && obscurationPctPerM(inside) >= 23.93) rk4Act = t;
        for (const auto& e : model.drainEvents())
            if (e.type == FireEventType::DetectorActivated) (e.device == 0 ? plainAct : laggedAct) = e.timeS;
    }
    ASSERT_GT(plainAct, 0);
    ASSERT_GT(laggedAct, 0);
    ASSERT_GT(rk4Act, 0);
    EXPECT_GT(laggedAct, plainAct);
    EXPECT_NEAR(laggedAct, rk4Act, 0.01 * rk4Act);
    std::printf("smoke detector 3 m off axis: alarm at %.2f s without lag, %.2f s with L = 1.8 m\n", plainAct, laggedAct);
}
