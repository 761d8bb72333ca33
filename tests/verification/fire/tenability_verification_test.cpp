// Fractional effective dose for constant exposures computed by hand from ISO 13571:2012
// (asphyxiants with the CO2 hyperventilation factor, convected heat) and Purser's low-oxygen
// term (SFPE Handbook 5th ed. ch. 63); visibility from soot density with Jin's S = K/sigma and
// Mulholland's K_m = 8700 m^2/kg. Tolerance 0.1 % (round-off of the hand values). The CO dose
// at other breathing rates than light work follows Purser's activity levels, checked against the
// COHb of resting subjects.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>

#include "fire/fed_accumulator.h"
#include "fire/smoke_optics.h"

using namespace cd::fire;

namespace {
FireSample air() {
    FireSample s;
    s.temperatureC = 20;
    s.o2Pct = 20.9;
    return s;
}
double expose(const FireSample& s, double minutes, FedAccumulator& fed) {
    for (int i = 0; i < static_cast<int>(minutes * 60); ++i) fed.accumulate(s, 1.0);
    return fed.fed();
}
}  // namespace

TEST(FedAccumulator, ThousandPpmCoForTenMinutesGivesTenThirtyFifths) {
    FireSample s = air();
    s.coPpm = 1000;
    FedAccumulator fed;
    EXPECT_NEAR(expose(s, 10, fed), 10.0 * 1000 / 35000, 1e-4);  // 0.2857
}

TEST(FedAccumulator, FivePercentCo2RaisesTheCoDoseByTheHyperventilationFactor) {
    FireSample s = air();
    s.coPpm = 1000;
    s.co2Pct = 5;
    FedAccumulator fed;
    double v = 1 + (std::exp(0.14 * 3) - 1) / 2;  // 1.2610
    EXPECT_NEAR(expose(s, 10, fed), 10.0 * 1000 / 35000 * v, 1e-4);  // 0.3603
}

TEST(FedAccumulator, HundredPpmHcnForTenMinutes) {
    FireSample s = air();
    s.hcnPpm = 100;
    FedAccumulator fed;
    EXPECT_NEAR(expose(s, 10, fed), 10.0 * std::pow(100.0, 2.36) / 1.2e6, 1e-3);  // 0.4378
}

// The CO dose goes with the air breathed (Purser's activity levels, fed_accumulator.h): a
// quarter of light work's at rest (8.5 L/min, 40 % COHb), three times it in heavy work (50 L/min,
// 20 %). HCN, CO2's hyperventilation and the heat are as ISO 13571 gives them.
TEST(FedAccumulator, TheCoDoseGoesWithTheAirBreathed) {
    FireSample s = air();
    s.coPpm = 1000;
    s.hcnPpm = 50;
    s.temperatureC = 60;
    const double co = 10.0 * 1000 / 35000, hcn = 10.0 * std::pow(50.0, 2.36) / 1.2e6, heat = 10.0 / (5e7 * std::pow(60.0, -3.4));
    const double rest = (8.5 / 40.0) / (25.0 / 30.0), heavy = (50.0 / 20.0) / (25.0 / 30.0);
    FedAccumulator atRest, light, hard;
    for (int i = 0; i < 600; ++i) {
        atRest.accumulate(s, 1.0, {}, 8.5);
        light.accumulate(s, 1.0, {}, 25.0);
        hard.accumulate(s, 1.0, {}, 50.0);
    }
    EXPECT_NEAR(atRest.fed(), rest * co + hcn + heat, 1e-4);  // 0.255 of the CO dose
    EXPECT_NEAR(light.fed(), co + hcn + heat, 1e-4);
    EXPECT_NEAR(hard.fed(), heavy * co + hcn + heat, 1e-4);   // 3 times
    EXPECT_NEAR(atRest.heatFed(), light.heatFed(), 1e-12);
    // Between the levels the factor rises steadily with the breathing.
    double last = 0;
    for (double v = 4; v <= 80; v += 0.5) {
        const double f = FedAccumulator::coUptakeFactor(v);
        EXPECT_GT(f, last) << v << " L/min";
        last = f;
    }
    EXPECT_NEAR(FedAccumulator::coUptakeFactor(25.0), 1.0, 1e-12);
    EXPECT_EQ(FedAccumulator::coUptakeFactor(0.0), 0.0);
}

// Resting men breathing 1 500 ppm of CO for 5 min, and 7 500 ppm for 1 min (the same dose of
// 7 500 ppm min), gained 2.08 +/- 0.27 % and 2.05 +/- 0.29 % COHb (mean +/- SD, 11 subjects;
// Tikuisis, Buick & Kane, J. Appl. Physiol. 63(2) (1987) 820-827). The model's COHb is its CO
// dose at rest (8.5 L/min) times the COHb that incapacitates at rest, 40 %: 2.19 % for both.
// Stewart's equation alone, at 8.5 L/min, gives 2.75 and 2.92 %. Asserted within the SD.
TEST(FedAccumulator, AtRestTheCoDoseGivesTheCarboxyhaemoglobinOfRestingSubjects) {
    struct Case {
        double ppm, minutes, measuredPct, sdPct;
    };
    for (const Case c : {Case{1500, 5, 2.08, 0.27}, Case{7500, 1, 2.05, 0.29}}) {
        FireSample s = air();
        s.coPpm = c.ppm;
        s.co2Pct = 0.04;
        FedAccumulator fed;
        for (int i = 0; i < static_cast<int>(c.minutes * 60); ++i) fed.accumulate(s, 1.0, {}, 8.5);
        const double cohb = fed.asphyxiantFed() * FedAccumulator::incapacitatingCohbPct(8.5);
        const double stewart = 3.317e-5 * std::pow(c.ppm, 1.036) * 8.5 * c.minutes;
        std::printf("%.0f ppm for %.0f min at rest: COHb +%.2f %% (measured %.2f +/- %.2f; Stewart's equation %.2f)\n", c.ppm,
                    c.minutes, cohb, c.measuredPct, c.sdPct, stewart);
        EXPECT_NEAR(cohb, c.measuredPct, c.sdPct);
    }
}

TEST(FedAccumulator, HundredDegreeAirGivesTheIsoConvectedHeatDose) {
    FireSample s = air();
    s.temperatureC = 100;
    FedAccumulator fed;
    double tIncap = 5e7 * std::pow(100.0, -3.4);  // 7.92 min
    EXPECT_NEAR(expose(s, 5, fed), 5.0 / tIncap, 1e-4);
    EXPECT_NEAR(fed.heatFed(), fed.fed(), 1e-12);
}

TEST(FedAccumulator, TwelvePercentOxygenFollowsPurser) {
    FireSample s = air();
    s.o2Pct = 12;
    FedAccumulator fed;
    EXPECT_NEAR(expose(s, 10, fed), 10.0 / std::exp(8.13 - 0.54 * 8.9), 1e-4);  // 0.360
}

TEST(FedAccumulator, ThresholdFlagsAreRaisedOnceWhenCrossed) {
    FireSample s = air();
    s.coPpm = 3500;  // 0.1 per minute
    FedAccumulator fed;
    int crossed03 = 0, crossed10 = 0;
    double t03 = -1, t10 = -1;
    for (int i = 1; i <= 15 * 60; ++i) {
        auto c = fed.accumulate(s, 1.0);
        if (c.reached03) crossed03++, t03 = i;
        if (c.reached10) crossed10++, t10 = i;
    }
    EXPECT_EQ(crossed03, 1);
    EXPECT_EQ(crossed10, 1);
    EXPECT_NEAR(t03, 180, 1);
    EXPECT_NEAR(t10, 600, 1);
}

TEST(Visibility, SootDensityGivesJinsVisibilityForBothSignKinds) {
    // 1e-4 kg/m^3: sigma = 0.87 1/m, S = 3/0.87 = 3.448 m (reflecting), 8/0.87 = 9.195 m (lit).
    EXPECT_NEAR(visibilityM(1e-4, kVisibilityReflectingSign), 3.448, 0.004);
    EXPECT_NEAR(visibilityM(1e-4, kVisibilityLightEmittingSign), 9.195, 0.009);
    EXPECT_DOUBLE_EQ(visibilityM(0.0), kClearAirVisibilityM);
}
