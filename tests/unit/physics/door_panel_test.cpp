// Doors that are opened and shut: a shut panel stops the walker and tells which door they press
// against; open, it is out of the world; it is not shut on anyone standing in the opening, and
// what rested on it falls when it opens.
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

}  // namespace
}  // namespace cd::physics
