// FireModel API: creation, determinism, hashing, sampling, no allocation in step().
#include <gtest/gtest.h>

#include <atomic>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <new>
#include <optional>

#include "fire/fire_model.h"

using namespace cd::fire;

// Counts heap allocations so a test can assert that step() makes none.
#pragma GCC diagnostic ignored "-Wmismatched-new-delete"
static std::atomic<long> gAllocations{0};
void* operator new(std::size_t n) {
    gAllocations++;
    if (void* p = std::malloc(n ? n : 1)) return p;
    throw std::bad_alloc();
}
void operator delete(void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }

namespace {

FireModelDef twoRooms() {
    FireModelDef def;
    RoomDef a;
    a.id = "kitchen";
    a.sizeM = {4, 4, 2.5};
    RoomDef b;
    b.id = "hall";
    b.originM = {4, 0, 0};
    b.sizeM = {6, 2, 2.5};
    b.leakageAreaM2 = 0.01;
    b.corridor = true;  // its smoke front is part of the state
    def.rooms = {a, b};
    OpeningDef door;
    door.id = "door";
    door.roomA = "kitchen";
    door.roomB = "hall";
    door.widthM = 0.9;
    door.heightM = 2.0;
    OpeningDef front;
    front.id = "front";
    front.roomA = "hall";
    front.widthM = 0.9;
    front.heightM = 2.0;
    front.open = false;
    def.openings = {door, front};
    FireDef f;
    f.id = "pan";
    f.room = "kitchen";
    f.positionM = {2, 2, 0.9};
    f.alphaKwS2 = kAlphaFast;
    f.peakHrrKw = 800;
    f.coYield = 0.02;
    f.hcnYield = 0.002;
    f.nitrogenAtoms = 0.1;
    def.fires = {f};
    return def;
}

}  // namespace

TEST(FireModel, SameInputsGiveBitIdenticalStateHashes) {
    auto run = [] {
        auto m = FireModel::create(twoRooms());
        for (int i = 0; i < 600; ++i) {
            m->step(0.1);
            if (i == 300) m->setOpeningOpen(1, true);
        }
        cd::StateHasher h;
        m->hash(h);
        return h.value();
    };
    std::uint64_t a = run(), b = run();
    EXPECT_EQ(a, b);
    auto other = FireModel::create(twoRooms());
    other->step(60.0);
    cd::StateHasher h;
    other->hash(h);
    EXPECT_NE(h.value(), a);  // different history, different hash
}

TEST(FireModel, StepDoesNotAllocateOnceRunning) {
    auto m = FireModel::create(twoRooms());
    m->step(1.0);
    m->drainEvents();
    long before = gAllocations.load();
    for (int i = 0; i < 600; ++i) m->step(1.0 / 60.0);
    EXPECT_EQ(gAllocations.load() - before, 0);
    // And while the smoke runs along the hall.
    while (m->timeS() < 300 && m->smokeCoverM(1) <= 0) m->step(0.5);
    ASSERT_GT(m->smokeCoverM(1), 0.0);
    m->drainEvents();
    before = gAllocations.load();
    for (int i = 0; i < 120; ++i) m->step(1.0 / 60.0);
    EXPECT_EQ(gAllocations.load() - before, 0);
    EXPECT_LT(m->smokeCoverM(1), 6.0) << "still moving";
}

TEST(FireModel, SmokeFlowsThroughTheDoorAndSamplesReadTheLayerAtTheirHeight) {
    auto m = FireModel::create(twoRooms());
    m->step(120.0);
    RoomState hall = m->roomState(1);
    EXPECT_GT(hall.upperTempC, 30.0);
    EXPECT_LT(hall.layerHeightM, 2.4);
    FireSample high = m->sample({7, 1, 2.45});
    FireSample low = m->sample({7, 1, 0.1});
    EXPECT_TRUE(high.inUpperLayer);
    EXPECT_FALSE(low.inUpperLayer);
    EXPECT_GT(high.temperatureC, low.temperatureC);
    EXPECT_GT(high.coPpm, low.coPpm);
    EXPECT_GT(high.hcnPpm, 0.0);
    EXPECT_LT(high.o2Pct, 20.9);
    EXPECT_LT(high.visibilityM, low.visibilityM);
    FireSample outside = m->sample({100, 100, 1});
    EXPECT_EQ(outside.room, -1);
    EXPECT_NEAR(outside.o2Pct, 20.9, 0.1);
}

TEST(FireModel, InvalidDefinitionsNameTheFieldAndIgnitionIsValidatedToo) {
    FireModelDef def = twoRooms();
    def.fires[0].peakHrrKw = -1;
    auto m = FireModel::create(def);
    ASSERT_FALSE(m);
    EXPECT_EQ(m.error().str(), "fire[0].peak_hrr_kw: heat release rate must be >= 0");
    def = twoRooms();
    def.openings[0].roomB = "garage";
    EXPECT_EQ(FireModel::create(def).error().str(), "opening[0].to: unknown room 'garage'");
    auto ok = FireModel::create(twoRooms());
    FireDef f = twoRooms().fires[0];
    f.room = "attic";
    auto r = ok->ignite(f);
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().field, "ignite.room");
}

TEST(FireModel, AdvanceToFollowsTheCallersClockInWholeInternalSteps) {
    auto m = FireModel::create(twoRooms());
    for (int i = 1; i <= 600; ++i) m->advanceTo(i / 60.0);
    EXPECT_NEAR(m->timeS(), 10.0, 1e-9);
    m->advanceTo(10.3);
    EXPECT_NEAR(m->timeS(), 10.0, 1e-9);  // less than one internal step behind
    m->advanceTo(10.5);
    EXPECT_NEAR(m->timeS(), 10.5, 1e-9);
}

// A room's own ceiling and floor linings (RoomDef::ceiling / floor): naming the walls' lining for
// them changes nothing (the two-slab path, to the bit); a concrete ceiling and floor under
// gypsum walls take more heat from the layer than gypsum, less than concrete all round, and keep
// the ceiling's surface cooler; the gas still balances its mass and energy.
TEST(FireModel, ARoomsOwnCeilingAndFloorLiningsSitBetweenItsAllGypsumAndAllConcreteSelves) {
    WallMaterial gypsum, concrete;
    ASSERT_TRUE(builtinWallMaterial("gypsum", gypsum));
    ASSERT_TRUE(builtinWallMaterial("concrete", concrete));
    struct Run {
        double upperC, ceilingC;
        std::uint64_t hash;
        ConservationTotals before, after;
    };
    auto run = [&](const WallMaterial& walls, std::optional<WallMaterial> ceiling, std::optional<WallMaterial> floor) {
        FireModelDef def;
        RoomDef room;
        room.id = "classroom";
        room.sizeM = {7.0, 6.0, 3.0};
        room.wall = walls;
        room.ceiling = ceiling;
        room.floor = floor;
        def.rooms = {room};
        OpeningDef door;
        door.id = "door";
        door.roomA = "classroom";
        door.widthM = 0.9;
        door.heightM = 2.0;
        def.openings = {door};
        FireDef fire;
        fire.id = "fire";
        fire.room = "classroom";
        fire.positionM = {3.5, 3.0, 0.0};
        fire.peakHrrKw = 400.0;
        fire.alphaKwS2 = kAlphaFast;
        def.fires = {fire};
        auto m = FireModel::create(def);
        EXPECT_TRUE(m) << m.error().str();
        Run r{};
        r.before = m->conservation();
        m->step(600.0);
        r.after = m->conservation();
        r.upperC = m->roomState(0).upperTempC;
        r.ceilingC = m->roomState(0).ceilingTempC;
        cd::StateHasher h;
        m->hash(h);
        r.hash = h.value();
        return r;
    };
    const Run allGypsum = run(gypsum, std::nullopt, std::nullopt);
    const Run named = run(gypsum, gypsum, gypsum);
    const Run slabs = run(gypsum, concrete, concrete);
    const Run allConcrete = run(concrete, std::nullopt, std::nullopt);
    std::printf("upper layer at 600 s: gypsum %.1f C, gypsum walls under a concrete slab %.1f C, concrete %.1f C; ceiling %.1f / %.1f / %.1f C\n",
                allGypsum.upperC, slabs.upperC, allConcrete.upperC, allGypsum.ceilingC, slabs.ceilingC, allConcrete.ceilingC);
    EXPECT_EQ(named.hash, allGypsum.hash);
    EXPECT_LT(slabs.upperC, allGypsum.upperC - 5.0);
    EXPECT_GT(slabs.upperC, allConcrete.upperC + 5.0);
    EXPECT_LT(slabs.ceilingC, allGypsum.ceilingC - 20.0);
    EXPECT_NEAR(slabs.ceilingC, allConcrete.ceilingC, 0.1 * (allGypsum.ceilingC - allConcrete.ceilingC));
    const double massIn = slabs.after.fuelAddedKg - slabs.after.netMassOutKg - slabs.after.depositedKg;
    EXPECT_NEAR(slabs.after.gasMassKg - slabs.before.gasMassKg, massIn, 1e-10 * slabs.after.gasMassKg);
    const double energyIn = slabs.after.heatIntoGasJ - slabs.after.netEnthalpyOutJ - slabs.after.depositedEnthalpyJ;
    EXPECT_NEAR(slabs.after.gasInternalEnergyJ - slabs.before.gasInternalEnergyJ, energyIn, 1e-10 * slabs.after.gasInternalEnergyJ);
}
