// The trainee opens a hinged door by walking into it (CharacterDef::pushForceN), both ways, and
// shoves a light loose body along; walls, heavy furniture and a zero push force still stop the
// capsule. A one-way door is pushed open
// from one side and pulled open from the other, never swung past its stop.
#include <cmath>
#include <cstdio>
#include <tuple>

#include "fixture.h"

namespace cd::physics {
namespace {

// A 0.2 m thick wall along the x axis (y = -0.1 .. 0.1) with a 0.96 m opening (x = -0.03 ..
// 0.93) closed by a 0.9 m leaf hinged at the origin, 3 cm clear of each jamb: a double-acting
// door. Its stop is at 1.6 rad either way, before the leaf's hinge end would meet the jamb
// (about 1.68 rad here; a fast swing into that corner can jam the thin leaf through it).
struct DoorScene {
    std::unique_ptr<PhysicsWorld> world;
    BodyId door;
    CharacterId trainee;

    /// opens: DoorDef::opens (0: double-acting; +1: opens towards +y only, the frame's stop at shut).
    explicit DoorScene(glm::vec3 feet, float pushForceN = CharacterDef{}.pushForceN, bool withDesk = false, int opens = 0) {
        WorldDef def = test::floorWorld();
        def.staticBoxes.push_back(test::box({-5.0f, -0.1f, 0.0f}, {-0.03f, 0.1f, 2.5f}));
        def.staticBoxes.push_back(test::box({0.93f, -0.1f, 0.0f}, {5.0f, 0.1f, 2.5f}));
        if (withDesk) {
            DynamicBodyDef desk;  // 1.2 x 0.6 x 0.75 m, about 20 kg of board
            desk.centerM = {-2.5f, -1.0f, 0.375f};
            desk.halfExtentsM = {0.6f, 0.3f, 0.375f};
            desk.material = materials::furniture();
            desk.material.densityKgM3 = 40.0f;
            def.bodies.push_back(desk);
        }
        world = test::build(def);
        DoorDef d;
        d.hingeM = {0.0f, 0.0f, 0.0f};
        d.closedDir = {1.0f, 0.0f, 0.0f};
        d.openLimitRad = 1.6f;
        d.opens = opens;
        door = world->addDoor(d).value();
        CharacterDef c;
        c.feetM = feet;
        c.pushForceN = pushForceN;
        trainee = world->addCharacter(c).value();
    }
    void input(glm::vec2 dir) {
        CharacterInput in;
        in.moveDir = dir;
        world->setCharacterInput(trainee, in);
    }
    /// Leaf angle about the hinge, + = swung towards +y.
    float doorAngleRad() const {
        const glm::quat q = world->bodyState(door).orientation;
        return 2.0f * std::atan2(q.z, q.w);
    }
    /// Clear width between the leaf's free edge and the far jamb (x = 0.93).
    float clearWidthM() const { return 0.93f - 0.9f * std::cos(doorAngleRad()) - 0.02f * std::abs(std::sin(doorAngleRad())); }
    /// Walks along dir until the feet pass the line y = untilY (sign of dir.y) or maxS runs out.
    double walkUntil(glm::vec2 dir, float untilY, double maxS, bool* pushedDoor = nullptr) {
        input(dir);
        const double t0 = world->timeS();
        while (world->timeS() - t0 < maxS) {
            world->step();
            const CharacterState s = world->character(trainee);
            if (pushedDoor && s.pushingDoor) *pushedDoor = true;
            if (dir.y > 0 ? s.feetM.y > untilY : s.feetM.y < untilY) return world->timeS() - t0;
        }
        return maxS + 1.0;
    }
};

constexpr float kCapsuleWidthM = 0.5f;

TEST(DoorPush, WalkingIntoAClosedDoorSwingsItOpenAndTheTraineeGetsThrough) {
    DoorScene s({0.45f, -1.5f, 0.0f});
    test::run(*s.world, 2.5);  // the leaf settles and falls asleep: the push must wake it
    EXPECT_FALSE(s.world->bodyState(s.door).awake);
    bool pushed = false;
    const double crossS = s.walkUntil({0.0f, 1.0f}, 1.5f, 6.0, &pushed);
    std::printf("crossed 3 m through the closed door in %.2f s (%.2f s unobstructed), leaf at %.2f rad, clear %.2f m\n",
                crossS, 3.0 / 1.4, s.doorAngleRad(), s.clearWidthM());
    EXPECT_TRUE(pushed);
    EXPECT_LT(crossS, 3.0);  // 2.14 s at 1.4 m/s unobstructed
    EXPECT_GT(s.doorAngleRad(), 0.8f);  // swung away from the trainee (+y)
    EXPECT_GT(s.clearWidthM(), kCapsuleWidthM);
    const CharacterState c = s.world->character(s.trainee);
    EXPECT_TRUE(c.grounded);
    EXPECT_NEAR(c.feetM.z, 0.0f, 0.03f);
    // Left alone, the leaf comes to rest off its stop (hinge damping), still open for a person.
    s.input({0.0f, 0.0f});
    test::run(*s.world, 4.0);
    std::printf("leaf at rest at %.2f rad, clear %.2f m\n", s.doorAngleRad(), s.clearWidthM());
    EXPECT_FALSE(s.world->bodyState(s.door).awake);
    EXPECT_GT(s.doorAngleRad(), 0.8f);
    EXPECT_GT(s.clearWidthM(), kCapsuleWidthM);
}

TEST(DoorPush, WalkingBackThroughTheHalfOpenDoorPushesItShutAndThrough) {
    DoorScene s({0.45f, -1.5f, 0.0f});
    s.walkUntil({0.0f, 1.0f}, 1.5f, 6.0);
    s.input({0.0f, 0.0f});
    test::run(*s.world, 4.0);
    const float openRad = s.doorAngleRad();
    ASSERT_GT(openRad, 0.8f);
    ASSERT_LT(openRad, 1.5f);  // open towards +y, its face across the way back
    // Step sideways to x = 0.3 m, on the leaf's hinge side: walking back meets its face.
    const float dx = 0.3f - s.world->character(s.trainee).feetM.x;
    s.input({dx > 0 ? 1.0f : -1.0f, 0.0f});
    test::run(*s.world, std::abs(dx) / 1.4f);
    bool pushed = false;
    const double backS = s.walkUntil({0.0f, -1.0f}, -1.5f, 6.0, &pushed);
    std::printf("walked back through the door open at %.2f rad in %.2f s, leaf now at %.2f rad\n", openRad, backS,
                s.doorAngleRad());
    EXPECT_TRUE(pushed);
    EXPECT_LT(backS, 3.5);
    EXPECT_LT(s.doorAngleRad(), 0.0f);  // swung shut and through, open towards -y
}

TEST(DoorPush, TheSameDoorOpensTheOtherWayFromTheOtherSide) {
    DoorScene s({0.45f, 1.5f, 0.0f});
    const double crossS = s.walkUntil({0.0f, -1.0f}, -1.5f, 6.0);
    std::printf("crossed the other way in %.2f s, leaf at %.2f rad\n", crossS, s.doorAngleRad());
    EXPECT_LT(crossS, 3.0);
    EXPECT_LT(s.doorAngleRad(), -0.8f);
    EXPECT_GT(s.clearWidthM(), kCapsuleWidthM);
}

TEST(DoorPush, AOneWayDoorOpensAwayFromTheTraineeOnItsPushSide) {
    DoorScene s({0.45f, -1.5f, 0.0f}, CharacterDef{}.pushForceN, false, +1);
    const double crossS = s.walkUntil({0.0f, 1.0f}, 1.5f, 6.0);
    EXPECT_LT(crossS, 3.0);
    EXPECT_GT(s.doorAngleRad(), 0.8f);
    EXPECT_LE(s.doorAngleRad(), 1.6f + 0.02f);
}

TEST(DoorPush, AOneWayDoorIsPulledOpenFromItsStopSideAndNeverSwingsPastIt) {
    // The leaf opens towards +y; the trainee comes from +y, so pressing it would drive it into
    // its stop. They take the handle: it swings open towards them and they go through.
    DoorScene s({0.45f, 1.5f, 0.0f}, CharacterDef{}.pushForceN, false, +1);
    test::run(*s.world, 1.0);
    s.input({0.0f, -1.0f});
    float lowestRad = 0.0f;
    double crossS = -1.0;
    for (int i = 0; i < 6 * 60 && crossS < 0.0; ++i) {
        s.world->step();
        lowestRad = std::min(lowestRad, s.doorAngleRad());
        if (s.world->character(s.trainee).feetM.y < -1.5f) crossS = (i + 1) / 60.0;
    }
    std::printf("pulled the one-way door open and crossed in %.2f s (%.2f s unobstructed), leaf at %.2f rad, lowest %.3f rad\n",
                crossS, 3.0 / 1.4, s.doorAngleRad(), lowestRad);
    ASSERT_GT(crossS, 0.0) << "the trainee got through";
    EXPECT_LT(crossS, 4.0);
    EXPECT_GT(lowestRad, -0.03f) << "the stop holds the leaf at shut (Bullet's soft limit: a few hundredths of a radian)";
    EXPECT_GT(s.doorAngleRad(), 0.8f) << "pulled open towards the side the trainee came from";
    // Through and beyond its reach they let go of it (while held it passes them by): swung
    // nearly shut, the leaf is met and pushed again on the way back.
    s.walkUntil({0.0f, -1.0f}, -1.8f, 2.0);
    ASSERT_TRUE(s.world->swingDoorLeaf(s.door, 0.3f).ok());
    s.input({0.0f, 0.0f});
    test::run(*s.world, 2.0);
    bool pushed = false;
    EXPECT_LT(s.walkUntil({0.0f, 1.0f}, 1.5f, 6.0, &pushed), 4.0);
    EXPECT_TRUE(pushed) << "the leaf was let go of: it is a leaf to push again";
}

TEST(DoorPush, AOneWayLeafAtItsStopIsPulledOpenByTheHandleAndAnOpenOneIsLeftAlone) {
    DoorScene s({3.0f, 1.5f, 0.0f}, CharacterDef{}.pushForceN, false, +1);  // the trainee well aside
    test::run(*s.world, 1.0);
    ASSERT_TRUE(s.world->doorLeafAtStop(s.door));
    s.world->pullDoorLeaf(s.door);
    test::run(*s.world, 2.0);
    EXPECT_NEAR(s.doorAngleRad(), 1.5f, 0.05f) << "open to 0.1 rad short of its 1.6 rad limit";
    EXPECT_FALSE(s.world->doorLeafAtStop(s.door));
    ASSERT_TRUE(s.world->swingDoorLeaf(s.door, 0.8f).ok());
    test::run(*s.world, 4.0);  // swung there, let go, come to rest
    const float restRad = s.doorAngleRad();
    ASSERT_GT(restRad, 0.3f);
    s.world->pullDoorLeaf(s.door);  // not at its stop: nothing happens
    test::run(*s.world, 2.0);
    EXPECT_NEAR(s.doorAngleRad(), restRad, 0.01f);
}

TEST(DoorPush, AStartAngleBeyondTheStopOrAnUnknownSwingIsRejectedNamingTheField) {
    for (const auto& [start, opens, field] : {std::tuple{-0.5f, 1, "startAngleRad"}, std::tuple{0.5f, -1, "startAngleRad"},
                                              std::tuple{0.0f, 2, "opens"}}) {
        auto w = PhysicsWorld::create(test::floorWorld());
        ASSERT_TRUE(w.ok());
        DoorDef d;
        d.startAngleRad = start;
        d.opens = opens;
        auto r = w.value()->addDoor(d);
        ASSERT_FALSE(r.ok());
        EXPECT_EQ(r.error().field, field);
    }
}

TEST(DoorPush, TheWallBesideTheDoorStillStopsTheTrainee) {
    DoorScene s({-1.5f, -1.5f, 0.0f});
    s.walkUntil({0.0f, 1.0f}, 1.5f, 3.0);
    const CharacterState c = s.world->character(s.trainee);
    EXPECT_LT(c.feetM.y, -0.1f - 0.25f + 0.001f);
    EXPECT_NEAR(c.feetM.x, -1.5f, 0.001f);
    EXPECT_NEAR(s.doorAngleRad(), 0.0f, 0.01f);
}

// A 20 kg desk on the floor holds against more than the walker's 60 N (friction 0.5 x 0.8 of
// the floor: 78 N): it does not move and stops them.
TEST(DoorPush, ADeskHeavierThanThePushCanShiftIsAnObstacle) {
    DoorScene s({-2.5f, -3.0f, 0.0f}, CharacterDef{}.pushForceN, true);
    const BodyId desk = makeId<BodyId>(3);  // floor, two walls, then the desk
    ASSERT_EQ(s.world->bodyState(desk).kind, BodyKind::Furniture);
    test::run(*s.world, 0.5);
    const glm::vec3 before = s.world->bodyState(desk).positionM;
    s.walkUntil({0.0f, 1.0f}, 0.0f, 3.0);
    EXPECT_LT(glm::length(s.world->bodyState(desk).positionM - before), 0.001f);
    EXPECT_LT(s.world->character(s.trainee).feetM.y, -1.3f - 0.25f + 0.001f);
}

// A 5 kg chair in the way (friction 0.4 x 5 x 9.81 = 20 N, less than the walker's 60 N) is
// shoved along ahead of them: it moves the way they walk and they keep going, slowed. With no
// push force it is an obstacle like the desk.
TEST(DoorPush, ALightChairInTheWayIsShovedAlong) {
    for (float force : {CharacterDef{}.pushForceN, 0.0f}) {
        WorldDef def = test::floorWorld();
        DynamicBodyDef chair;  // 0.45 x 0.45 x 0.9 m, 5 kg
        chair.centerM = {0.0f, 1.0f, 0.45f};
        chair.halfExtentsM = {0.225f, 0.225f, 0.45f};
        chair.material = materials::furniture();
        chair.material.densityKgM3 = 5.0f / (0.45f * 0.45f * 0.9f);
        def.bodies.push_back(chair);
        auto world = test::build(def);
        CharacterDef c;
        c.pushForceN = force;
        const CharacterId t = world->addCharacter(c).value();
        const BodyId body = makeId<BodyId>(1);  // the floor, then the chair
        test::run(*world, 0.5);
        const glm::vec3 before = world->bodyState(body).positionM;
        CharacterInput in;
        in.moveDir = {0.0f, 1.0f};
        world->setCharacterInput(t, in);
        test::run(*world, 3.0);
        const glm::vec3 moved = world->bodyState(body).positionM - before;
        const float walked = world->character(t).feetM.y;
        std::printf("push %.0f N: the chair moved %.2f m along, %.2f m across; the walker got %.2f m\n", force, moved.y,
                    std::fabs(moved.x), walked);
        if (force > 0.0f) {
            EXPECT_GT(moved.y, 1.0f) << "pushed along the way they walk";
            EXPECT_GT(walked, 1.5f) << "they keep going behind it";
            EXPECT_LT(walked, 1.4f * 3.0f) << "but no faster than they walk";
        } else {
            EXPECT_LT(glm::length(moved), 0.001f);
            EXPECT_LT(walked, 1.0f - 0.225f - 0.25f + 0.001f);
        }
    }
}

TEST(DoorPush, WithNoPushForceADoorIsAWall) {
    DoorScene s({0.45f, -1.5f, 0.0f}, 0.0f);
    s.walkUntil({0.0f, 1.0f}, 1.5f, 3.0);
    EXPECT_LT(s.world->character(s.trainee).feetM.y, -0.02f - 0.25f + 0.001f);
    EXPECT_NEAR(s.doorAngleRad(), 0.0f, 0.01f);
}

TEST(DoorPush, ANegativePushForceIsRejectedNamingTheField) {
    auto w = PhysicsWorld::create(test::floorWorld());
    ASSERT_TRUE(w.ok());
    CharacterDef c;
    c.pushForceN = -1.0f;
    auto r = w.value()->addCharacter(c);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().field, "pushForceN");
}

TEST(DoorPush, PushingThroughADoorIsDeterministic) {
    auto runOnce = [] {
        DoorScene s({0.3f, -1.5f, 0.0f});
        bool pushed = false;
        s.walkUntil(glm::normalize(glm::vec2(0.2f, 1.0f)), 1.5f, 4.0, &pushed);
        EXPECT_TRUE(pushed);
        s.input({0.0f, 0.0f});
        test::run(*s.world, 1.0);
        return s.world->stateHash();
    };
    const std::uint64_t a = runOnce();
    EXPECT_EQ(a, runOnce());
}

}  // namespace
}  // namespace cd::physics
