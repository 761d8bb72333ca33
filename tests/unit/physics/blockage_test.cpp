// Debris blocking a corridor or doorway, and trapping a casualty: the queries the walkable
// graph and the rescue tasks use.
#include "fixture.h"

namespace cd::physics {
namespace {

PassageDef doorway() {
    PassageDef p;
    p.centerM = {0.0f, 0.0f, 1.05f};
    p.halfExtentsM = {0.5f, 0.45f, 1.05f};
    p.tag = 77;
    return p;
}

TEST(Blockage, ASlabOfRubbleInTheDoorwayBlocksItAndRaisesAnEvent) {
    WorldDef def = test::floorWorld();
    def.bodies.push_back(test::debris({0.0f, 0.0f, 1.5f}, {0.6f, 0.6f, 0.4f}));
    auto w = test::build(def);
    const PassageId door = w->watchPassage(doorway()).value();
    bool event = false;
    for (int i = 0; i < 120; ++i) {
        w->step();
        for (const PhysicsEvent& e : w->pullEvents())
            if (e.kind == PhysicsEventKind::PassageBlocked && e.tag == 77) event = true;
    }
    EXPECT_TRUE(w->isPassageBlocked(door));
    EXPECT_TRUE(event);
}

TEST(Blockage, LowRubbleThatCanBeSteppedOverDoesNotBlock) {
    WorldDef def = test::floorWorld();
    def.bodies.push_back(test::debris({0.0f, 0.0f, 0.5f}, {0.5f, 0.5f, 0.1f}));  // 0.2 m high when down
    auto w = test::build(def);
    const PassageId door = w->watchPassage(doorway()).value();
    test::run(*w, 2.0);
    EXPECT_FALSE(w->isPassageBlocked(door));
}

TEST(Blockage, AGapBesideTheRubbleLeavesACorridorOpen) {
    WorldDef def = test::floorWorld();
    def.bodies.push_back(test::debris({0.0f, -0.9f, 0.5f}, {1.0f, 0.6f, 0.5f}));  // fills the south half
    auto w = test::build(def);
    PassageDef corridor;
    corridor.centerM = {0.0f, 0.0f, 1.25f};
    corridor.halfExtentsM = {2.0f, 1.0f, 1.25f};
    const PassageId c = w->watchPassage(corridor).value();
    test::run(*w, 1.0);
    w->refreshBlockage();
    EXPECT_FALSE(w->isPassageBlocked(c));
}

TEST(Blockage, ACasualtyUnderFallenRubbleIsTrappedAndOneBesideItIsNot) {
    WorldDef def = test::floorWorld();
    def.bodies.push_back(test::debris({0.0f, 0.0f, 2.0f}, {1.0f, 1.0f, 0.15f}));  // a slab piece falls
    def.staticBoxes.push_back(test::box({-1.5f, -1.5f, 0.0f}, {-1.2f, 1.5f, 0.6f}));  // a low wall props it
    auto w = test::build(def);
    CasualtyDef under;
    under.pointM = {-0.5f, 0.0f, 0.2f};
    under.tag = 1;
    CasualtyDef clear;
    clear.pointM = {4.0f, 0.0f, 0.2f};
    clear.tag = 2;
    const CasualtyId a = w->addCasualty(under).value();
    const CasualtyId b = w->addCasualty(clear).value();
    int trappedEvents = 0;
    for (int i = 0; i < 180; ++i) {
        w->step();
        for (const PhysicsEvent& e : w->pullEvents())
            if (e.kind == PhysicsEventKind::CasualtyTrapped) ++trappedEvents;
    }
    EXPECT_TRUE(w->isCasualtyTrapped(a));
    EXPECT_FALSE(w->isCasualtyTrapped(b));
    EXPECT_EQ(trappedEvents, 1);
}

TEST(Blockage, BadPassageAndCasualtyDefinitionsAreErrors) {
    auto w = test::build(test::floorWorld());
    PassageDef p = doorway();
    p.passRadiusM = 2.0f;  // wider than the opening
    EXPECT_EQ(w->watchPassage(p).error().field, "passRadiusM");
    CasualtyDef c;
    c.radiusM = 0.0f;
    EXPECT_EQ(w->addCasualty(c).error().field, "radiusM");
}

}  // namespace
}  // namespace cd::physics
