#include <cmath>

#include <gtest/gtest.h>

#include "physics/fire_reduction.h"

namespace cd::physics {
namespace {

TEST(FireReduction, ConcreteFollowsEn1992Table31) {
    EXPECT_FLOAT_EQ(strengthReductionFactor(FireCurve::ConcreteSiliceous, 20.0f), 1.0f);
    EXPECT_FLOAT_EQ(strengthReductionFactor(FireCurve::ConcreteSiliceous, 500.0f), 0.60f);
    EXPECT_FLOAT_EQ(strengthReductionFactor(FireCurve::ConcreteSiliceous, 800.0f), 0.15f);
    EXPECT_NEAR(strengthReductionFactor(FireCurve::ConcreteSiliceous, 550.0f), 0.525f, 1e-6f);
    EXPECT_FLOAT_EQ(strengthReductionFactor(FireCurve::ConcreteSiliceous, 1300.0f), 0.0f);
}

TEST(FireReduction, SteelFollowsEn1993Table31) {
    EXPECT_FLOAT_EQ(strengthReductionFactor(FireCurve::Steel, 400.0f), 1.0f);
    EXPECT_FLOAT_EQ(strengthReductionFactor(FireCurve::Steel, 600.0f), 0.47f);
    EXPECT_FLOAT_EQ(strengthReductionFactor(FireCurve::Steel, 700.0f), 0.23f);
}

TEST(FireReduction, UnweakenedMaterialsAndColdOrBadTemperaturesKeepFullStrength) {
    EXPECT_FLOAT_EQ(strengthReductionFactor(FireCurve::None, 1000.0f), 1.0f);
    EXPECT_FLOAT_EQ(strengthReductionFactor(FireCurve::Steel, -40.0f), 1.0f);
    EXPECT_FLOAT_EQ(strengthReductionFactor(FireCurve::Steel, std::nanf("")), 1.0f);
}

}  // namespace
}  // namespace cd::physics
