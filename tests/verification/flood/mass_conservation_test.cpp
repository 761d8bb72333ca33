// Mass conservation in a closed domain with wetting and drying: a finite-volume scheme in flux
// form conserves volume to round-off (LeVeque 2002, "Finite Volume Methods for Hyperbolic
// Problems", sec. 2.6). A water column collapses over a bumpy, partly emerged bed with friction
// for 10 000 steps; tolerance: |V - V0| / V0 <= 1e-9 and depth never negative.
#include <gtest/gtest.h>

#include <cmath>

#include "flood/flood_model.h"

using namespace cd::flood;

TEST(MassConservation, ClosedBasinKeepsItsVolumeOverTenThousandSteps) {
    FloodSetup s;
    s.nx = 36;
    s.ny = 30;
    s.cellSizeM = 1.0;
    s.bedM.resize(static_cast<size_t>(s.nx) * s.ny);
    s.initialDepthM.assign(s.bedM.size(), 0.0);
    for (int j = 0; j < s.ny; ++j) {
        for (int i = 0; i < s.nx; ++i) {
            const size_t k = static_cast<size_t>(j) * s.nx + i;
            s.bedM[k] = 0.4 * std::sin(0.25 * i) * std::sin(0.3 * j) + 0.01 * i;
            const double r2 = (i - 10.0) * (i - 10.0) + (j - 15.0) * (j - 15.0);
            if (r2 < 64.0) s.initialDepthM[k] = std::max(0.0, 1.2 - s.bedM[k]);
        }
    }
    s.manningN = 0.02;
    s.threads = 2;
    auto m = FloodModel::create(s);
    ASSERT_TRUE(m.ok()) << m.error().str();
    auto& model = *m.value();
    const double v0 = model.volumes().storedM3;
    double minDepth = 0.0;
    for (int k = 0; k < 10000; ++k) {
        model.stepOnce(1.0);
        if (k % 1000 == 0) {
            const FloodGrid g = model.grid();
            for (size_t c = 0; c < static_cast<size_t>(g.nx) * g.ny; ++c) minDepth = std::min(minDepth, g.depthM[c]);
        }
    }
    const FloodVolumes v = model.volumes();
    EXPECT_EQ(model.stepCount(), 10000u);
    EXPECT_LE(std::fabs(v.storedM3 - v0) / v0, 1e-9);
    EXPECT_LE(std::fabs(v.clippedM3) / v0, 1e-9);
    EXPECT_GE(minDepth, 0.0);
    // Wetting really happened: far more cells were wet at some time than at the start.
    const FloodGrid g = model.grid();
    int everWet = 0, wetAtStart = 0;
    for (size_t c = 0; c < static_cast<size_t>(g.nx) * g.ny; ++c) {
        everWet += g.maxDepthM[c] > 0.0;
        wetAtStart += s.initialDepthM[c] > 0.0;
    }
    EXPECT_GT(everWet, 3 * wetAtStart);
}
