// Doors that are opened and shut: a shut panel stops the walker and tells which door they press
// against; open, it is out of the world; it is not shut on anyone standing in the opening, and
// what rested on it falls when it opens.
#include <cmath>

#include "fixture.h"

namespace cd::physics {
namespace {

// A 0.2 m wall along the x axis (y = -0.1 .. 0.1) with a 1 m opening (x = 0 .. 1), 2.1 m high,
// closed by a 4 cm panel in the wall's middle plane.
struct PanelScene {
    std::unique_ptr<PhysicsWorld> world;
    BodyId panel;
    CharacterId walker;

    explicit PanelScene(glm::vec3 feet, bool shut = true) {
        WorldDef def = test::floorWorld();
        def.staticBoxes.push_back(test::box({-5.0f, -0.1f, 0.0f}, {0.0f, 0.1f, 2.5f}));
        def.staticBoxes.push_back(test::box({1.0f, -0.1f, 0.0f}, {6.0f, 0.1f, 2.5f}));
        def.staticBoxes.push_back(test::box({0.0f, -0.1f, 2.1f}, {1.0f, 0.1f, 2.5f}));  // lintel
        world = test::build(def);
        panel = world->addDoorPanel(test::box({0.0f, -0.02f, 0.0f}, {1.0f, 0.02f, 2.1f}), shut).value();
        CharacterDef c;
        c.feetM = feet;
        walker = world->addCharacter(c).value();
    }
    /// Walks along dir for seconds; true when the walker pressed against a shut panel on the way.
    bool walk(glm::vec2 dir, double seconds) {
        CharacterInput in;
        in.moveDir = dir;
        world->setCharacterInput(walker, in);
        bool pressed = false;
        for (int i = 0; i < static_cast<int>(seconds / world->stepS()); ++i) {
            world->step();
            const BodyId d = world->character(walker).shutDoor;
            if (d.valid()) {
                EXPECT_EQ(d.index, panel.index);
                pressed = true;
            }
        }
        return pressed;
    }
    float y() const { return world->character(walker).feetM.y; }
};

TEST(DoorPanel, AShutDoorStopsTheWalkerAndSaysWhichDoorTheyPressOn) {
    PanelScene s({0.5f, -1.5f, 0.0f});
    EXPECT_TRUE(s.world->doorPanelShut(s.panel));
    EXPECT_TRUE(s.walk({0.0f, 1.0f}, 3.0));
    // Stopped at the panel's face: capsule radius 0.25 m + half the panel 0.02 m, 1 cm skin.
    EXPECT_NEAR(s.y(), -0.27f, 0.02f);
    // Opened, the way is free.
    ASSERT_TRUE(s.world->setDoorPanelShut(s.panel, false).value());
    EXPECT_FALSE(s.world->doorPanelShut(s.panel));
    EXPECT_TRUE(s.world->bodyState(s.panel).removed);
    EXPECT_FALSE(s.walk({0.0f, 1.0f}, 2.0));
    EXPECT_GT(s.y(), 1.0f);
}

TEST(DoorPanel, WalkingAlongTheWallPastAShutDoorIsNotPressingOnIt) {
    PanelScene s({-2.0f, -0.4f, 0.0f});
    EXPECT_FALSE(s.walk({1.0f, 0.0f}, 3.0));
    EXPECT_GT(s.world->character(s.walker).feetM.x, 1.5f);
}

TEST(DoorPanel, ADoorIsNotShutOnSomeoneStandingInTheOpening) {
    PanelScene s({0.5f, 0.0f, 0.0f}, /*shut=*/false);
    s.world->step();
    EXPECT_FALSE(s.world->setDoorPanelShut(s.panel, true).value());
    EXPECT_FALSE(s.world->doorPanelShut(s.panel));
    s.walk({0.0f, 1.0f}, 1.0);  // out of the doorway
    EXPECT_TRUE(s.world->setDoorPanelShut(s.panel, true).value());
    EXPECT_TRUE(s.world->doorPanelShut(s.panel));
    // Walking back, they meet it from the other side.
    EXPECT_TRUE(s.walk({0.0f, -1.0f}, 2.0));
    EXPECT_NEAR(s.y(), 0.27f, 0.02f);
}

TEST(DoorPanel, RaysStopAtAShutDoorOnly) {
    PanelScene s({3.0f, -3.0f, 0.0f});
    const glm::vec3 a(0.5f, -1.0f, 1.0f), b(0.5f, 1.0f, 1.0f);
    auto hit = s.world->raycast(a, b, kQueryDoors);
    ASSERT_TRUE(hit.has_value());
    EXPECT_EQ(hit->body.index, s.panel.index);
    EXPECT_FALSE(s.world->raycast(a, b, kQueryStatic | kQueryDebris).has_value());  // doors are their own kind
    ASSERT_TRUE(s.world->setDoorPanelShut(s.panel, false).value());
    EXPECT_FALSE(s.world->raycast(a, b, kQueryAll).has_value());
}

TEST(DoorPanel, WhatRestedOnAHatchFallsWhenItOpens) {
    // A panel as a hatch in a raised floor: a sleeping block on it drops through when it opens.
    WorldDef def = test::floorWorld();
    def.staticBoxes.push_back(test::box({-3.0f, -3.0f, 1.9f}, {0.0f, 3.0f, 2.0f}));
    def.staticBoxes.push_back(test::box({1.0f, -3.0f, 1.9f}, {4.0f, 3.0f, 2.0f}));
    def.bodies.push_back(test::debris({0.5f, 0.0f, 2.2f}, {0.2f, 0.2f, 0.2f}));
    auto w = test::build(def);
    const BodyId hatch = w->addDoorPanel(test::box({0.0f, -3.0f, 1.9f}, {1.0f, 3.0f, 2.0f}), true).value();
    const BodyId block = makeId<BodyId>(static_cast<std::uint32_t>(def.staticBoxes.size()));
    test::run(*w, 4.0);
    ASSERT_FALSE(w->bodyState(block).awake);  // asleep on the hatch
    EXPECT_NEAR(w->bodyState(block).positionM.z, 2.2f, 0.02f);
    ASSERT_TRUE(w->setDoorPanelShut(hatch, false).value());
    test::run(*w, 1.5);
    EXPECT_NEAR(w->bodyState(block).positionM.z, 0.2f, 0.02f);  // on the floor below
}

TEST(DoorPanel, OnlyDoorPanelsOpenAndShutAndTheyAreNotCarriedAway) {
    PanelScene s({3.0f, -3.0f, 0.0f});
    const BodyId wall = makeId<BodyId>(1);
    auto r = s.world->setDoorPanelShut(wall, false);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().field, "panel");
    EXPECT_FALSE(s.world->removeBody(s.panel).ok());
    EXPECT_FALSE(s.world->doorPanelShut(wall));
}

// A hinged leaf (as the earthquake scenes hang in inner doors) swung shut and open by the door's
// state: the same 0.2 m wall, a 0.94 m leaf hinged 3 cm in from the west jamb, open at 1.5 rad.
struct LeafScene {
    std::unique_ptr<PhysicsWorld> world;
    BodyId leaf;
    CharacterId walker;

    LeafScene() {
        WorldDef def = test::floorWorld();
        def.staticBoxes.push_back(test::box({-5.0f, -0.1f, 0.0f}, {0.0f, 0.1f, 2.5f}));
        def.staticBoxes.push_back(test::box({1.0f, -0.1f, 0.0f}, {6.0f, 0.1f, 2.5f}));
        def.staticBoxes.push_back(test::box({0.0f, -0.1f, 2.1f}, {1.0f, 0.1f, 2.5f}));
        world = test::build(def);
        DoorDef d;
        d.hingeM = {0.03f, 0.0f, 0.0f};
        d.closedDir = {1.0f, 0.0f, 0.0f};
        d.widthM = 0.94f;
        d.heightM = 2.05f;
        d.openLimitRad = 1.6f;
        d.startAngleRad = 1.5f;
        leaf = world->addDoor(d).value();
        CharacterDef c;
        c.feetM = {0.5f, -1.5f, 0.0f};
        walker = world->addCharacter(c).value();
    }
    float angleRad() const {
        const glm::quat q = world->bodyState(leaf).orientation;
        return 2.0f * std::atan2(q.z, q.w);
    }
};

TEST(DoorLeaf, SwungShutItLatchesAndAWalkerPressingOnItIsNamedNotLetThrough) {
    LeafScene s;
    test::run(*s.world, 0.5);
    EXPECT_NEAR(s.angleRad(), 1.5f, 0.05f);
    ASSERT_TRUE(s.world->swingDoorLeaf(s.leaf, 0.0f).ok());
    test::run(*s.world, 3.0);  // 1.5 rad at up to 1.5 rad/s
    EXPECT_TRUE(s.world->doorLeafLatched(s.leaf));
    EXPECT_NEAR(s.angleRad(), 0.0f, 0.03f);
    CharacterInput in;
    in.moveDir = {0.0f, 1.0f};
    s.world->setCharacterInput(s.walker, in);
    bool pressed = false;
    for (int i = 0; i < 180; ++i) {
        s.world->step();
        pressed = pressed || s.world->character(s.walker).shutDoor.index == s.leaf.index;
    }
    EXPECT_TRUE(pressed);
    EXPECT_LT(s.world->character(s.walker).feetM.y, -0.2f) << "not through";
    EXPECT_NEAR(s.angleRad(), 0.0f, 0.03f) << "a latched leaf is not pushed open";
    // Swung open again (away from the walker), the walker goes through.
    ASSERT_TRUE(s.world->swingDoorLeaf(s.leaf, 1.5f).ok());
    EXPECT_FALSE(s.world->doorLeafLatched(s.leaf));
    in.moveDir = {0.0f, 0.0f};
    s.world->setCharacterInput(s.walker, in);
    test::run(*s.world, 2.5);
    EXPECT_NEAR(s.angleRad(), 1.5f, 0.05f);
    in.moveDir = {0.0f, 1.0f};
    s.world->setCharacterInput(s.walker, in);
    test::run(*s.world, 3.0);
    EXPECT_GT(s.world->character(s.walker).feetM.y, 1.0f) << "x " << s.world->character(s.walker).feetM.x;
}

TEST(DoorLeaf, OnlyLeavesSwingAndWithinTheirLimit) {
    LeafScene s;
    EXPECT_FALSE(s.world->swingDoorLeaf(makeId<BodyId>(1), 0.0f).ok());
    auto far = s.world->swingDoorLeaf(s.leaf, 2.0f);
    ASSERT_FALSE(far.ok());
    EXPECT_EQ(far.error().field, "angleRad");
}

}  // namespace
}  // namespace cd::physics
