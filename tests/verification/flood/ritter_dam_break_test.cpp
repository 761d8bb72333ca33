// Ritter (1892) dam break on a dry, frictionless, flat bed against the analytic solution
// (Delestre et al. 2013, SWASHES, sec. 4.1.2 eq. 4.6; Toro 2001 sec. 4.3):
//   h = h0 for x < -c0 t;  h = (2 c0 - x/t)^2 / (9 g) for -c0 t <= x <= 2 c0 t;  h = 0 beyond.
// L1 error of h at three resolutions; the observed order log2(E_n / E_2n) must exceed 0.6.
// Why 0.6 and not 2: the solution has a kink at the rarefaction head and a dry front where
// h ~ (x_f - x)^2 is not smooth at the wet/dry boundary, so even a second-order scheme shows
// about first order (we measure 0.99 and 0.80: the finer the grid, the more the 0.1 mm
// thin-film threshold holds back the tip of the front, so the order drops).
#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>

#include "flood/flood_model.h"

using namespace cd::flood;

namespace {

double ritterDepth(double x, double t, double h0, double g) {
    const double c0 = std::sqrt(g * h0);
    if (x <= -c0 * t) return h0;
    if (x >= 2.0 * c0 * t) return 0.0;
    const double a = 2.0 * c0 - x / t;
    return a * a / (9.0 * g);
}

// L1 error (m^2, per unit width) of a 1D dam break on [-60, 100] m at t = 10 s, dam at x = 0.
double ritterL1(int cells) {
    const double length = 160.0, h0 = 1.0, g = 9.81, t = 10.0;
    FloodSetup s;
    s.nx = cells;
    s.ny = 3;
    s.cellSizeM = length / cells;
    s.originXM = -60.0;
    s.bedM.assign(static_cast<size_t>(s.nx) * s.ny, 0.0);
    s.initialDepthM.assign(s.bedM.size(), 0.0);
    for (int j = 0; j < s.ny; ++j)
        for (int i = 0; i < s.nx; ++i)
            if (s.originXM + (i + 0.5) * s.cellSizeM < 0.0) s.initialDepthM[static_cast<size_t>(j) * s.nx + i] = h0;
    s.manningN = 0.0;
    s.gravityMs2 = g;
    s.threads = 2;
    auto m = FloodModel::create(s);
    EXPECT_TRUE(m.ok());
    m.value()->advanceTo(t);
    const FloodGrid grid = m.value()->grid();
    double l1 = 0.0;
    const int j = 1;
    for (int i = 0; i < grid.nx; ++i) {
        const double x = grid.originXM + (i + 0.5) * grid.cellSizeM;
        l1 += std::fabs(grid.depthM[static_cast<size_t>(j) * grid.nx + i] - ritterDepth(x, t, h0, g)) * grid.cellSizeM;
    }
    return l1;
}

}  // namespace

TEST(RitterDamBreak, ConvergesToTheAnalyticSolutionWithTheExpectedOrder) {
    const double e1 = ritterL1(200), e2 = ritterL1(400), e3 = ritterL1(800);
    const double p12 = std::log2(e1 / e2), p23 = std::log2(e2 / e3);
    std::printf("Ritter L1 (m^2): dx=0.8 %.5f  dx=0.4 %.5f  dx=0.2 %.5f  order %.2f %.2f\n", e1, e2, e3, p12, p23);
    EXPECT_LT(e3, e2);
    EXPECT_LT(e2, e1);
    EXPECT_GT(p12, 0.6);
    EXPECT_GT(p23, 0.6);
    EXPECT_LT(e3, 0.15);  // 0.15 m^2 over a 160 m reach: under 1 mm mean depth error
}
