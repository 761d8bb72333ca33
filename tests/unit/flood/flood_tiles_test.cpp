// Dry-tile skipping: a stage updates only the tiles holding water and their neighbours. The
// answer must be exactly the one of updating every tile, whatever the thread count.
#include <gtest/gtest.h>

#include <cmath>
#include <cstring>

#include "flood/flood_model.h"

using namespace cd::flood;

namespace {

// 300 x 220 cells of 1 m: a bumpy town with building blocks, a partial dam break in the
// south-west, a pond that a drain empties (its tiles dry out again), an inflow, an open east
// side that water leaves through, and a level north side. Most of it stays dry for a while.
FloodSetup partlyWetTown(unsigned threads, bool skip) {
    FloodSetup s;
    s.nx = 300;
    s.ny = 220;
    s.cellSizeM = 1.0;
    const size_t n = static_cast<size_t>(s.nx) * s.ny;
    s.bedM.assign(n, 0.0);
    s.closed.assign(n, 0);
    s.initialDepthM.assign(n, 0.0);
    s.manningGrid.assign(n, 0.02);
    for (int j = 0; j < s.ny; ++j) {
        for (int i = 0; i < s.nx; ++i) {
            const size_t k = static_cast<size_t>(j) * s.nx + i;
            s.bedM[k] = 0.2 * std::sin(0.21 * i) * std::cos(0.17 * j) + 0.002 * j;
            const bool block = (i % 40) >= 12 && (i % 40) < 34 && (j % 36) >= 10 && (j % 36) < 30;
            if (block && i > 20) s.closed[k] = 1;
            if (i < 60 && j < 50 && !s.closed[k]) s.initialDepthM[k] = std::max(0.0, 0.8 - s.bedM[k]);
            if (i >= 200 && i < 204 && j >= 158 && j < 162) s.initialDepthM[k] = 0.05;  // a pond the drains empty
            if ((i % 40) < 12) s.manningGrid[k] = 0.015;
        }
    }
    for (int d = 0; d < 16; ++d) s.drains.push_back({200.5 + d % 4, 158.5 + d / 4, 0.1});
    InflowSpec in;
    in.dischargeM3s = TimeSeries::make({0.0, 10.0, 20.0}, {0.0, 3.0, 0.0}).value();
    in.x0M = 150.0;
    in.y0M = 5.5;
    in.x1M = 158.0;
    in.y1M = 5.5;
    s.inflows.push_back(in);
    s.boundaries[static_cast<int>(Side::East)].kind = BoundaryKind::Open;
    s.boundaries[static_cast<int>(Side::North)].kind = BoundaryKind::Level;
    s.boundaries[static_cast<int>(Side::North)].levelM = 0.1;  // below the ground there: stays dry
    s.threads = threads;
    s.skipDryTiles = skip;
    return s;
}

std::unique_ptr<FloodModel> make(FloodSetup s) {
    auto m = FloodModel::create(std::move(s));
    EXPECT_TRUE(m.ok()) << (m.ok() ? "" : m.error().str());
    return m.ok() ? std::move(m.value()) : nullptr;
}

bool sameBits(const double* a, const double* b, size_t n) { return std::memcmp(a, b, n * sizeof(double)) == 0; }

}  // namespace

TEST(FloodTiles, SkippingDryTilesGivesBitIdenticalResultsToUpdatingEveryTile) {
    auto full = make(partlyWetTown(1, false));
    auto skip1 = make(partlyWetTown(1, true));
    auto skip2 = make(partlyWetTown(2, true));
    ASSERT_TRUE(full && skip1 && skip2);
    for (double t : {3.0, 8.0, 15.0}) {
        full->advanceTo(t);
        skip1->advanceTo(t);
        skip2->advanceTo(t);
        cd::StateHasher hf, h1, h2;
        full->hash(hf);
        skip1->hash(h1);
        skip2->hash(h2);
        EXPECT_EQ(full->stepCount(), skip1->stepCount()) << "t = " << t;
        EXPECT_EQ(hf.value(), h1.value()) << "t = " << t;
        EXPECT_EQ(hf.value(), h2.value()) << "t = " << t;
        const FloodGrid a = full->grid(), b = skip2->grid();
        const size_t n = static_cast<size_t>(a.nx) * a.ny;
        EXPECT_TRUE(sameBits(a.maxDepthM, b.maxDepthM, n)) << "t = " << t;
        EXPECT_TRUE(sameBits(a.arrivalTimeS, b.arrivalTimeS, n)) << "t = " << t;
        EXPECT_NEAR(full->volumes().storedM3, skip2->volumes().storedM3, 1e-9 * full->volumes().storedM3);
        EXPECT_LT(std::fabs(skip2->volumes().imbalanceM3()), 1e-9 * skip2->volumes().storedM3);
    }
    // The drained pond has really dried out, so tiles left the active set on the way.
    EXPECT_EQ(skip2->sample(201.5, 159.5).depthM, 0.0);
    // And the skipping did skip: the partly wet town needs far fewer cell updates.
    EXPECT_LT(skip1->cellUpdates(), 0.8 * full->cellUpdates());
}

TEST(FloodTiles, RainWakesEveryTile) {
    FloodSetup s = partlyWetTown(2, true);
    s.rainMmPerH = TimeSeries::constant(100.0);
    FloodSetup f = s;
    f.skipDryTiles = false;
    auto skip = make(std::move(s));
    auto full = make(std::move(f));
    skip->advanceTo(1.5);
    full->advanceTo(1.5);
    cd::StateHasher a, b;
    skip->hash(a);
    full->hash(b);
    EXPECT_EQ(a.value(), b.value());
    EXPECT_GT(skip->sample(290.5, 210.5).depthM, 0.0);  // far from any other water
}
