// Hazard rating HR = d (v + 0.5) + DF against hand-worked values from FD2320/FD2321.
#include <gtest/gtest.h>

#include "flood/hazard_rating.h"

using namespace cd::flood;

TEST(HazardRating, ShallowStillWaterHasNoDebrisFactor) {
    EXPECT_DOUBLE_EQ(hazardRating(0.2, 0.0), 0.1);
    EXPECT_EQ(hazardClass(hazardRating(0.2, 0.0)), HazardClass::Low);
}

TEST(HazardRating, UrbanDebrisFactorIsOneAboveQuarterMetre) {
    // 0.5 m at 1 m/s in town: 0.5 * 1.5 + 1 = 1.75 -> significant (danger for most).
    EXPECT_DOUBLE_EQ(hazardRating(0.5, 1.0, LandUse::Urban), 1.75);
    EXPECT_EQ(hazardClass(1.75), HazardClass::Significant);
}

TEST(HazardRating, DebrisFactorFollowsLandUseTable) {
    EXPECT_DOUBLE_EQ(debrisFactor(0.5, 0.5, LandUse::PastureArable), 0.0);
    EXPECT_DOUBLE_EQ(debrisFactor(0.5, 0.5, LandUse::Woodland), 0.5);
    EXPECT_DOUBLE_EQ(debrisFactor(1.0, 0.5, LandUse::PastureArable), 0.5);
    EXPECT_DOUBLE_EQ(debrisFactor(0.5, 2.5, LandUse::Woodland), 1.0);
}

TEST(HazardRating, ClassBoundariesAreThePublishedOnes) {
    EXPECT_EQ(hazardClass(0.74), HazardClass::Low);
    EXPECT_EQ(hazardClass(0.75), HazardClass::Moderate);
    EXPECT_EQ(hazardClass(1.25), HazardClass::Significant);
    EXPECT_EQ(hazardClass(2.0), HazardClass::Extreme);
    EXPECT_DOUBLE_EQ(hazardRating(0.0, 3.0), 0.0);
}
