#include <gtest/gtest.h>

#include "crowd/geometry.h"
#include "crowd/hazard_speed.h"

namespace cd::crowd {
namespace {

TEST(CrowdGeometry, ABowTiePolygonIsSelfIntersectingAndASquareIsNot) {
    EXPECT_TRUE(isSelfIntersecting({{0, 0}, {1, 1}, {1, 0}, {0, 1}}));
    EXPECT_FALSE(isSelfIntersecting({{0, 0}, {1, 0}, {1, 1}, {0, 1}}));
}

TEST(CrowdGeometry, ADoorGapIsCutOutOfAWallEdge) {
    const auto parts = subtractCollinear({{0, 0}, {10, 0}}, {{{4, 0}, {5, 0}}});
    ASSERT_EQ(parts.size(), 2u);
    EXPECT_NEAR(parts[0].b.x, 4.0, 1e-9);
    EXPECT_NEAR(parts[1].a.x, 5.0, 1e-9);
}

TEST(CrowdGeometry, ASegmentOnAnEdgeIsFoundAndOneOffItIsNot) {
    const Polygon sq{{0, 0}, {8, 0}, {8, 5}, {0, 5}};
    EXPECT_EQ(edgeContainingSegment(sq, {{8, 2}, {8, 3}}), 1);
    EXPECT_EQ(edgeContainingSegment(sq, {{7, 2}, {7, 3}}), -1);
}

// Frantzich & Nilsson (2003) as in FDS+Evac: v/v0 = 1 + (-0.057 / 0.706) Ks, at least 0.1.
TEST(CrowdHazardSpeed, SmokeSlowsPeopleAsFrantzichAndNilssonMeasuredDownToATenthOfTheirSpeed) {
    EXPECT_DOUBLE_EQ(smokeSpeedFactor(0.0), 1.0);
    EXPECT_NEAR(smokeSpeedFactor(5.0), 1.0 - 0.057 / 0.706 * 5.0, 1e-12);
    EXPECT_DOUBLE_EQ(smokeSpeedFactor(20.0), 0.1);
}

// Ishigaki et al. (2009): M0 = u^2 h / g + h^2 / 2; walking stops at 0.125 m^2 (adults).
TEST(CrowdHazardSpeed, StillWaterHalfAMetreDeepStopsWalkingAndShallowWaterSlowsIt) {
    EXPECT_NEAR(floodSpecificForceM2(0.5, 0.0), 0.125, 1e-12);
    EXPECT_DOUBLE_EQ(floodSpeedFactor(0.5, 0.0), 0.0);
    EXPECT_NEAR(floodSpeedFactor(0.2, 0.0), 1.0 - 0.02 / 0.125, 1e-12);
    EXPECT_LT(floodSpeedFactor(0.2, 1.5), floodSpeedFactor(0.2, 0.0));
    EXPECT_DOUBLE_EQ(floodSpeedFactor(0.0, 3.0), 1.0);
}

}  // namespace
}  // namespace cd::crowd
