// Fractional effective dose for constant exposures computed by hand from ISO 13571:2012
// (asphyxiants with the CO2 hyperventilation factor, convected heat) and Purser's low-oxygen
// term (SFPE Handbook 5th ed. ch. 63); visibility from soot density with Jin's S = K/sigma and
// Mulholland's K_m = 8700 m^2/kg. Tolerance 0.1 % (round-off of the hand values).
#include <gtest/gtest.h>

#include <cmath>

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
