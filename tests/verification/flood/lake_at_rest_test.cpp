// Lake at rest over a bumpy bed with islands: the C-property of a well-balanced scheme
// (Audusse et al. 2004, SIAM J. Sci. Comput. 25(6), sec. 2.2, Proposition 2.1; test set-up after
// Delestre et al. 2013, SWASHES, Int. J. Numer. Meth. Fluids 72, sec. 4.1 "lake at rest with an
// emerged bump"). Tolerance: |v| < 1e-10 m/s and surface flat to 1e-12 m (machine precision
// times the number of steps), dry islands stay dry.
#include <gtest/gtest.h>

#include <cmath>

#include "flood/flood_model.h"

using namespace cd::flood;

TEST(LakeAtRest, StaysAtRestOverBumpsAndIslands) {
    FloodSetup s;
    s.nx = 60;
    s.ny = 50;
    s.cellSizeM = 1.0;
    s.bedM.resize(static_cast<size_t>(s.nx) * s.ny);
    for (int j = 0; j < s.ny; ++j) {
        for (int i = 0; i < s.nx; ++i) {
            const double x = i + 0.5, y = j + 0.5;
            const double bump = 0.8 * std::exp(-((x - 20) * (x - 20) + (y - 25) * (y - 25)) / 40.0);  // submerged
            const double island = 1.4 * std::exp(-((x - 42) * (x - 42) + (y - 20) * (y - 20)) / 30.0);  // emerges
            s.bedM[static_cast<size_t>(j) * s.nx + i] = bump + island + 0.1 * std::sin(0.7 * x) * std::cos(0.5 * y);
        }
    }
    s.initialLevelM = 1.0;
    s.manningN = 0.02;
    s.threads = 2;
    auto m = FloodModel::create(s);
    ASSERT_TRUE(m.ok()) << m.error().str();
    auto& model = *m.value();
    for (int k = 0; k < 1000; ++k) model.stepOnce(1.0);
    const FloodGrid g = model.grid();
    double maxSpeed = 0.0, maxLevelError = 0.0;
    int dryIslandCells = 0;
    for (int j = 0; j < g.ny; ++j) {
        for (int i = 0; i < g.nx; ++i) {
            const size_t k = static_cast<size_t>(j) * g.nx + i;
            double u, v;
            model.velocity(i, j, u, v);
            maxSpeed = std::max(maxSpeed, std::hypot(u, v));
            if (g.bedM[k] < 1.0) maxLevelError = std::max(maxLevelError, std::fabs(g.bedM[k] + g.depthM[k] - 1.0));
            else {
                EXPECT_EQ(g.depthM[k], 0.0) << "island cell " << i << "," << j;
                ++dryIslandCells;
            }
        }
    }
    EXPECT_GT(dryIslandCells, 10);
    EXPECT_LT(maxSpeed, 1e-10);
    EXPECT_LT(maxLevelError, 1e-12);
    EXPECT_EQ(model.stepCount(), 1000u);
}
