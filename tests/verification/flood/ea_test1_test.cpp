// UK Environment Agency 2D benchmark, Test 1 "Flooding a disconnected water body"
// (Néelz & Pender 2013, "Benchmarking the latest generation of 2D hydraulic modelling packages",
// EA report SC120002, sec. 2.1; first edition Néelz & Pender 2010, SC080035).
// The report's DEM is not redistributed here: the geometry is rebuilt from its description -
// a 700 m long strip (40 m wide here: the flow is one-dimensional), a river-side water level rising from 9.7 m to 10.35 m and falling back,
// a sill (crest 10.25 m) separating a dry depression. Expected result from the report: the
// pond is filled over the sill and ends level with the sill crest, 10.25 m.
// Tolerance: final pond level within 10.25 m +0.01 / -0.005 m.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "flood/flood_model.h"

using namespace cd::flood;

namespace {

double bedAt(double x) {
    // River bank sloping up to the sill, sill crest at 10.25 m, pond floor at 9.0 m, rising east.
    const double xs[] = {0, 250, 300, 320, 380, 600, 700};
    const double zs[] = {9.0, 10.0, 10.25, 10.25, 9.0, 9.0, 11.0};
    for (int k = 1; k < 7; ++k)
        if (x <= xs[k]) return zs[k - 1] + (zs[k] - zs[k - 1]) * (x - xs[k - 1]) / (xs[k] - xs[k - 1]);
    return zs[6];
}

}  // namespace

TEST(EaTest1, PondEndsLevelWithTheSill) {
    FloodSetup s;
    s.nx = 70;
    s.ny = 4;
    s.cellSizeM = 10.0;
    s.bedM.resize(static_cast<size_t>(s.nx) * s.ny);
    for (int j = 0; j < s.ny; ++j)
        for (int i = 0; i < s.nx; ++i) s.bedM[static_cast<size_t>(j) * s.nx + i] = bedAt((i + 0.5) * s.cellSizeM);
    // The crest cells sit exactly at the sill level.
    for (int j = 0; j < s.ny; ++j) s.bedM[static_cast<size_t>(j) * s.nx + 30] = 10.25;
    s.manningN = 0.03;
    s.initialLevelM = 9.7;
    // Only the river side starts wet: the pond is dry (it is "disconnected").
    s.initialDepthM.assign(s.bedM.size(), 0.0);
    for (int j = 0; j < s.ny; ++j)
        for (int i = 0; i < 30; ++i) {
            const size_t k = static_cast<size_t>(j) * s.nx + i;
            s.initialDepthM[k] = std::max(0.0, 9.7 - s.bedM[k]);
        }
    s.initialLevelM.reset();
    auto level = TimeSeries::make({0, 3600, 36000, 39600, 72000}, {9.7, 10.35, 10.35, 9.7, 9.7});
    ASSERT_TRUE(level.ok());
    auto& west = s.boundaries[static_cast<int>(Side::West)];
    west.kind = BoundaryKind::Level;
    west.levelSeries = *level;
    s.threads = 2;
    auto m = FloodModel::create(s);
    ASSERT_TRUE(m.ok()) << m.error().str();
    auto& model = *m.value();
    model.advanceTo(36000.0);
    const double peakPond = model.sample(500.0, 20.0).levelM;
    model.advanceTo(72000.0);
    const double finalPond = model.sample(500.0, 20.0).levelM;
    std::printf("EA Test 1: pond level at 10 h %.4f m, at 20 h %.4f m (sill 10.25 m)\n", peakPond, finalPond);
    EXPECT_GT(peakPond, 10.30);  // filled over the sill while the river was high
    EXPECT_LE(finalPond, 10.25 + 0.01);
    EXPECT_GE(finalPond, 10.25 - 0.005);
    EXPECT_NEAR(model.volumes().imbalanceM3(), 0.0, 1e-8 * model.volumes().storedM3);
}
