// FloodModel behaviour: determinism across threads, buildings as walls, drains, breaches,
// inflows, boundaries and set-up errors.
#include <gtest/gtest.h>

#include <cmath>

#include "flood/flood_model.h"

using namespace cd::flood;

namespace {

FloodSetup flatBox(int nx, int ny, double dx = 1.0) {
    FloodSetup s;
    s.nx = nx;
    s.ny = ny;
    s.cellSizeM = dx;
    s.bedM.assign(static_cast<size_t>(nx) * ny, 0.0);
    s.manningN = 0.0;
    return s;
}

std::unique_ptr<FloodModel> make(FloodSetup s) {
    auto m = FloodModel::create(std::move(s));
    EXPECT_TRUE(m.ok()) << (m.ok() ? "" : m.error().str());
    return m.ok() ? std::move(m.value()) : nullptr;
}

// A bumpy partly dry dam break with rain, an inflow and a building: exercises every path.
FloodSetup busyCase(unsigned threads) {
    // 140 x 120 cells: above the size below which the model stays on one thread.
    FloodSetup s = flatBox(140, 120, 1.0);
    s.closed.assign(s.bedM.size(), 0);
    s.initialDepthM.assign(s.bedM.size(), 0.0);
    for (int j = 0; j < s.ny; ++j) {
        for (int i = 0; i < s.nx; ++i) {
            const size_t k = static_cast<size_t>(j) * s.nx + i;
            s.bedM[k] = 0.3 * std::sin(0.3 * i) * std::cos(0.2 * j);
            if (i < 45) s.initialDepthM[k] = std::max(0.0, 1.0 - s.bedM[k]);
            if (i >= 90 && i < 100 && j >= 30 && j < 60) s.closed[k] = 1;
        }
    }
    s.manningN = 0.03;
    s.rainMmPerH = TimeSeries::constant(50.0);
    InflowSpec in;
    in.dischargeM3s = TimeSeries::constant(2.0);
    in.x0M = 60;
    in.y0M = 70;
    in.x1M = 70;
    in.y1M = 70;
    s.inflows.push_back(in);
    s.boundaries[static_cast<int>(Side::East)].kind = BoundaryKind::Open;
    s.threads = threads;
    return s;
}

}  // namespace

TEST(FloodModel, TwoThreadsGiveBitIdenticalStateToOne) {
    auto one = make(busyCase(1));
    auto two = make(busyCase(2));
    auto three = make(busyCase(3));
    one->advanceTo(8.0);
    two->advanceTo(8.0);
    three->advanceTo(8.0);
    cd::StateHasher h1, h2, h3;
    one->hash(h1);
    two->hash(h2);
    three->hash(h3);
    EXPECT_EQ(one->stepCount(), two->stepCount());
    EXPECT_EQ(h1.value(), h2.value());
    EXPECT_EQ(h1.value(), h3.value());
}

TEST(FloodModel, BuildingsAsClosedCellsChannelTheFlowAlongTheStreet) {
    // A 10 m street (x in [40, 50)) between two building blocks; water enters at its south end.
    FloodSetup s = flatBox(90, 100, 1.0);
    s.closed.assign(s.bedM.size(), 0);
    for (int j = 20; j < 80; ++j)
        for (int i = 0; i < 90; ++i)
            if ((i >= 10 && i < 40) || (i >= 50 && i < 80)) s.closed[static_cast<size_t>(j) * 90 + i] = 1;
    s.manningN = 0.02;
    InflowSpec in;
    in.dischargeM3s = TimeSeries::constant(5.0);
    in.x0M = 40;
    in.y0M = 2;
    in.x1M = 50;
    in.y1M = 2;
    s.inflows.push_back(in);
    s.threads = 2;
    auto m = make(std::move(s));
    m->advanceTo(120.0);
    const FloodGrid g = m->grid();
    double inBuildings = 0.0;
    for (size_t k = 0; k < static_cast<size_t>(g.nx) * g.ny; ++k)
        if (g.closed[k]) inBuildings += g.depthM[k];
    EXPECT_EQ(inBuildings, 0.0);
    // The street carries water north between the blocks, flowing north.
    const FloodSample mid = m->sample(45.0, 50.0);
    EXPECT_TRUE(mid.inside);
    EXPECT_GT(mid.depthM, 0.02);
    EXPECT_GT(mid.vMs, 0.0);
    EXPECT_GT(std::fabs(mid.vMs), 5.0 * std::fabs(mid.uMs));
    EXPECT_FALSE(m->sample(25.0, 50.0).inside);  // a point inside a building
    // Mass: everything that came in is in the grid.
    const FloodVolumes v = m->volumes();
    EXPECT_NEAR(v.storedM3, 600.0, 1e-9 * 600.0);
    EXPECT_NEAR(v.imbalanceM3(), 0.0, 1e-9 * v.storedM3);
}

TEST(FloodModel, DrainRemovesAtMostItsCapacity) {
    FloodSetup s = flatBox(10, 10, 1.0);
    s.initialLevelM = 0.5;
    s.drains.push_back({5.5, 5.5, 0.01});
    auto m = make(std::move(s));
    m->advanceTo(100.0);
    const FloodVolumes v = m->volumes();
    EXPECT_NEAR(v.drainedM3, 1.0, 1e-9);
    EXPECT_NEAR(v.storedM3, 50.0 - 1.0, 1e-9);
}

TEST(FloodModel, LeveeBreachLetsTheRiverIntoTheTown) {
    // A wall of ground (levee crest 2 m) splits a river (west, level 1.5 m) from the town (east).
    FloodSetup s = flatBox(40, 20, 1.0);
    for (int j = 0; j < 20; ++j) s.bedM[static_cast<size_t>(j) * 40 + 20] = 2.0;
    s.initialDepthM.assign(s.bedM.size(), 0.0);
    for (int j = 0; j < 20; ++j)
        for (int i = 0; i < 20; ++i) s.initialDepthM[static_cast<size_t>(j) * 40 + i] = 1.5;
    s.threads = 2;
    auto m = make(std::move(s));
    m->advanceTo(20.0);
    EXPECT_EQ(m->sample(30.5, 10.5).depthM, 0.0);
    EXPECT_GT(m->lowerBed(20.5, 8.0, 20.5, 12.0, 1.0, 0.0), 0);
    m->advanceTo(60.0);
    EXPECT_GT(m->sample(30.5, 10.5).depthM, 0.05);
    EXPECT_NEAR(m->volumes().imbalanceM3(), 0.0, 1e-9 * m->volumes().storedM3);
}

TEST(FloodModel, InflowCanBeAddedAndRemovedAtRunTime) {
    FloodSetup s = flatBox(20, 20, 1.0);
    auto m = make(std::move(s));
    InflowSpec in;
    in.dischargeM3s = TimeSeries::constant(1.0);
    in.isPoint = true;
    in.x0M = 10.5;
    in.y0M = 10.5;
    auto id = m->addInflow(in);
    ASSERT_TRUE(id.ok());
    m->advanceTo(10.0);
    EXPECT_TRUE(m->removeInflow(*id));
    m->advanceTo(20.0);
    EXPECT_NEAR(m->volumes().storedM3, 10.0, 1e-9);
    EXPECT_FALSE(m->removeInflow(*id));
}

TEST(FloodModel, OpenSideLetsWaterLeaveAndAccountsForIt) {
    // A dam break towards an open east side: the water runs out and the account says so.
    FloodSetup s = flatBox(30, 5, 1.0);
    s.initialDepthM.assign(s.bedM.size(), 0.0);
    for (int j = 0; j < 5; ++j)
        for (int i = 0; i < 15; ++i) s.initialDepthM[static_cast<size_t>(j) * 30 + i] = 1.0;
    s.boundaries[static_cast<int>(Side::East)].kind = BoundaryKind::Open;
    auto m = make(std::move(s));
    m->advanceTo(30.0);
    const FloodVolumes v = m->volumes();
    EXPECT_LT(v.storedM3, 0.8 * v.initialM3);
    EXPECT_LT(v.boundaryInM3, 0.0);
    EXPECT_NEAR(v.imbalanceM3(), 0.0, 1e-9 * v.initialM3);
}

TEST(FloodModel, LevelSideFillsADryBasinToThatLevel) {
    FloodSetup s = flatBox(20, 4, 1.0);
    s.boundaries[static_cast<int>(Side::West)].kind = BoundaryKind::Level;
    s.boundaries[static_cast<int>(Side::West)].levelM = 0.3;
    s.manningN = 0.03;
    auto m = make(std::move(s));
    m->advanceTo(1500.0);
    EXPECT_NEAR(m->sample(15.5, 2.5).levelM, 0.3, 5e-3);  // a decaying seiche still rocks the basin
}

TEST(FloodModel, SampleReportsHazardOfFastDeepWater) {
    FloodSetup s = flatBox(10, 10, 1.0);
    s.initialLevelM = 1.0;
    auto m = make(std::move(s));
    const FloodSample p = m->sample(5.0, 5.0);
    EXPECT_TRUE(p.inside);
    EXPECT_DOUBLE_EQ(p.depthM, 1.0);
    EXPECT_DOUBLE_EQ(p.hazardRating, 1.0 * 0.5 + 1.0);
    EXPECT_EQ(p.hazardClass, HazardClass::Significant);
    EXPECT_FALSE(m->sample(-1.0, 5.0).inside);
}

TEST(FloodModel, NegativeManningIsRejectedNamingTheField) {
    FloodSetup s = flatBox(4, 4);
    s.manningN = -0.01;
    auto m = FloodModel::create(std::move(s));
    ASSERT_FALSE(m.ok());
    EXPECT_EQ(m.error().field, "manningN");
}

TEST(FloodModel, InflowOutsideTheGridIsRejected) {
    FloodSetup s = flatBox(4, 4);
    InflowSpec in;
    in.dischargeM3s = TimeSeries::constant(1.0);
    in.isPoint = true;
    in.x0M = 50;
    in.y0M = 50;
    in.name = "q.csv";
    s.inflows.push_back(in);
    auto m = FloodModel::create(std::move(s));
    ASSERT_FALSE(m.ok());
    EXPECT_EQ(m.error().file, "q.csv");
}

TEST(FloodModel, StrongInflowIntoADryPlainStartsWithShortSteps) {
    // 20 m^3/s on 4 cells of 25 m^2: a 30 s first step would pile up 6 m of water at once.
    FloodSetup s = flatBox(40, 40, 5.0);
    InflowSpec in;
    in.dischargeM3s = TimeSeries::constant(20.0);
    in.x0M = 0.0;
    in.y0M = 90.0;
    in.x1M = 0.0;
    in.y1M = 110.0;
    s.inflows.push_back(in);
    auto m = make(std::move(s));
    const double dt = m->stepOnce(30.0);
    EXPECT_LT(dt, 2.0);
    EXPECT_LT(m->sample(2.5, 100.0).depthM, 0.5);
    m->advanceTo(60.0);
    EXPECT_NEAR(m->volumes().storedM3, 1200.0, 1e-9 * 1200.0);
}
