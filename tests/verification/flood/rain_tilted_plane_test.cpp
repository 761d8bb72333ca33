// Rainfall on a closed tilted plane: every drop stays, so the stored volume equals the
// integral of the hyetograph times the area (conservation of mass; the hyetograph is
// integrated exactly per step). Tolerance 1e-9 relative. Also: the water gathers at the low
// (west) wall.
#include <gtest/gtest.h>

#include <cmath>

#include "flood/flood_model.h"

using namespace cd::flood;

TEST(RainOnTiltedPlane, StoredVolumeEqualsRainInput) {
    FloodSetup s;
    s.nx = 40;
    s.ny = 16;
    s.cellSizeM = 2.0;
    s.bedM.resize(static_cast<size_t>(s.nx) * s.ny);
    for (int j = 0; j < s.ny; ++j)
        for (int i = 0; i < s.nx; ++i) s.bedM[static_cast<size_t>(j) * s.nx + i] = 0.02 * (i + 0.5) * s.cellSizeM;  // 2 % slope
    s.manningN = 0.03;
    auto rain = TimeSeries::make({0, 600, 1800, 2400}, {0, 60, 60, 0});  // mm/h
    ASSERT_TRUE(rain.ok());
    s.rainMmPerH = *rain;
    s.threads = 2;
    auto m = FloodModel::create(s);
    ASSERT_TRUE(m.ok()) << m.error().str();
    m.value()->advanceTo(3600.0);
    const double area = s.nx * s.ny * s.cellSizeM * s.cellSizeM;
    const double rainDepthM = (0.5 * 600 * 60 + 1200 * 60 + 0.5 * 600 * 60) / 3.6e6;  // 0.03 m
    const FloodVolumes v = m.value()->volumes();
    EXPECT_NEAR(v.rainM3, rainDepthM * area, 1e-9 * rainDepthM * area);
    EXPECT_NEAR(v.storedM3, rainDepthM * area, 1e-9 * rainDepthM * area);
    // Ponded at the low end: deeper at the west wall than on the upper slope.
    EXPECT_GT(m.value()->sample(1.0, 16.0).depthM, 10.0 * m.value()->sample(75.0, 16.0).depthM);
}
