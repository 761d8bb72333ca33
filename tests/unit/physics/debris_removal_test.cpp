// Freeing a trapped casualty: the debris that holds them (highest first), and pieces carried
// out of the world so that what rested on them falls.
#include "fixture.h"

namespace cd::physics {
namespace {

// A slab piece propped on two wall stubs 1.2 m apart, 0.85 m high.
WorldDef proppedSlab() {
    WorldDef def = test::floorWorld();
    def.bodies.push_back(test::debris({0.0f, 0.0f, 0.95f}, {0.8f, 0.8f, 0.1f}));
    def.staticBoxes.push_back(test::box({-0.9f, -0.9f, 0.0f}, {-0.6f, 0.9f, 0.85f}));
    def.staticBoxes.push_back(test::box({0.6f, -0.9f, 0.0f}, {0.9f, 0.9f, 0.85f}));
    return def;
}

// Someone lying under it; the world then runs 2 s for the debris to settle.
CasualtyId underTheSlab(PhysicsWorld& w) {
    CasualtyDef c;
    c.pointM = {0.0f, 0.0f, 0.3f};
    const CasualtyId id = w.addCasualty(c).value();
    test::run(w, 2.0);
    return id;
}

TEST(DebrisRemoval, TheDebrisOnACasualtyIsListedHighestFirstAndNothingBesideThem) {
    WorldDef def = proppedSlab();
    def.bodies.push_back(test::debris({0.0f, 0.0f, 1.5f}, {0.3f, 0.3f, 0.2f}));  // a block on the slab piece
    def.bodies.push_back(test::debris({3.0f, 0.0f, 0.3f}, {0.3f, 0.3f, 0.3f}));  // a block 3 m away
    auto w = test::build(def);
    const CasualtyId id = underTheSlab(*w);
    ASSERT_TRUE(w->isCasualtyTrapped(id));
    const auto pieces = w->debrisTrapping(id);
    ASSERT_EQ(pieces.size(), 2u);
    EXPECT_GT(w->bodyState(pieces[0]).positionM.z, w->bodyState(pieces[1]).positionM.z) << "the block on top comes off first";
    for (BodyId p : pieces) EXPECT_LT(std::abs(w->bodyState(p).positionM.x), 0.1f) << "the block 3 m away holds nobody down";
}

TEST(DebrisRemoval, CarryingAwayWhatHoldsACasualtyDownFreesThem) {
    auto w = test::build(proppedSlab());
    const CasualtyId id = underTheSlab(*w);
    ASSERT_TRUE(w->isCasualtyTrapped(id));
    (void)w->pullEvents();
    for (BodyId p : w->debrisTrapping(id)) ASSERT_TRUE(w->removeBody(p).ok());
    w->refreshBlockage();
    EXPECT_FALSE(w->isCasualtyTrapped(id));
    bool freed = false;
    for (const PhysicsEvent& e : w->pullEvents()) freed = freed || e.kind == PhysicsEventKind::CasualtyFreed;
    EXPECT_TRUE(freed);
    EXPECT_TRUE(w->debrisTrapping(id).empty());
}

TEST(DebrisRemoval, WhatRestedOnACarriedAwayPieceFallsEvenFromSleep) {
    WorldDef def = test::floorWorld();
    def.bodies.push_back(test::debris({0.0f, 0.0f, 0.25f}, {0.5f, 0.5f, 0.25f}));  // the lower block
    def.bodies.push_back(test::debris({0.0f, 0.0f, 0.75f}, {0.3f, 0.3f, 0.25f}));  // resting on it
    auto w = test::build(def);
    test::run(*w, 5.0);  // long enough for the pile to fall asleep
    const BodyId lower = makeId<BodyId>(1), upper = makeId<BodyId>(2);  // after the floor slab
    ASSERT_FALSE(w->bodyState(upper).awake) << "the pile sleeps before the test takes it apart";
    const float zBefore = w->bodyState(upper).positionM.z;
    ASSERT_NEAR(zBefore, 0.75f, 0.02f);
    ASSERT_TRUE(w->removeBody(lower).ok());
    EXPECT_TRUE(w->bodyState(lower).removed);
    test::run(*w, 1.0);
    // It drops the lower block's 0.5 m height onto the floor.
    EXPECT_NEAR(w->bodyState(upper).positionM.z, 0.25f, 0.02f);
    EXPECT_FALSE(w->raycast({0.45f, 0.45f, 2.0f}, {0.45f, 0.45f, 0.01f}, kQueryDebris).has_value())
        << "nothing is left where the lower block's corner stood";
}

TEST(DebrisRemoval, StaticBodiesDoorLeavesAndPiecesAlreadyGoneCannotBeCarriedAway) {
    WorldDef def = test::floorWorld();
    def.bodies.push_back(test::debris({0.0f, 0.0f, 0.25f}, {0.5f, 0.5f, 0.25f}));
    DoorDef door;
    door.hingeM = {5.0f, 0.0f, 0.0f};
    def.doors.push_back(door);
    auto w = test::build(def);
    EXPECT_EQ(w->removeBody(makeId<BodyId>(0)).error().field, "body") << "the floor slab";
    EXPECT_EQ(w->removeBody(makeId<BodyId>(2)).error().field, "body") << "the door leaf";
    ASSERT_TRUE(w->removeBody(makeId<BodyId>(1)).ok());
    EXPECT_FALSE(w->removeBody(makeId<BodyId>(1)).ok()) << "twice";
    EXPECT_FALSE(w->removeBody(makeId<BodyId>(99)).ok());
    const std::uint64_t h = w->stateHash();
    test::run(*w, 0.5);
    EXPECT_NE(h, w->stateHash()) << "the world steps on without the piece (the tick is in the hash)";
}

}  // namespace
TEST(DebrisRemoval, ABodyThatFallsThroughTheGroundIsTakenOutOncePastTheWorldsBottom) {
    // The floor is 1 m thick (-1 to 0 m) and 120 m wide: a block dropped beyond its edge falls
    // for ever, as one that tunnelled through a heightfield would.
    WorldDef def = test::floorWorld();
    def.bodies.push_back(test::debris({0.0f, 0.0f, 0.3f}, {0.3f, 0.3f, 0.3f}));   // on the floor
    def.bodies.push_back(test::debris({80.0f, 0.0f, 0.3f}, {0.3f, 0.3f, 0.3f}));  // beyond its edge
    auto w = test::build(def);
    const BodyId onFloor = makeId<BodyId>(1), falling = makeId<BodyId>(2);
    // 50 m below the floor's bottom (-1 m) after sqrt(2 x 51.3 / g) = 3.23 s; checked once a second.
    test::run(*w, 3.0);
    EXPECT_FALSE(w->bodyState(falling).removed);
    int lost = 0;
    for (const PhysicsEvent& e : w->pullEvents()) lost += e.kind == PhysicsEventKind::BodyLost;
    EXPECT_EQ(lost, 0);
    test::run(*w, 1.1);
    EXPECT_TRUE(w->bodyState(falling).removed);
    EXPECT_FALSE(w->bodyState(onFloor).removed);
    for (const PhysicsEvent& e : w->pullEvents()) {
        if (e.kind != PhysicsEventKind::BodyLost) continue;
        ++lost;
        EXPECT_EQ(e.bodyA.index, falling.index);
    }
    EXPECT_EQ(lost, 1);
    test::run(*w, 1.0);
    for (const PhysicsEvent& e : w->pullEvents()) EXPECT_NE(e.kind, PhysicsEventKind::BodyLost) << "once";
}

}  // namespace cd::physics
