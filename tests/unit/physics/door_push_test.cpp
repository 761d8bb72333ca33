// The trainee opens a hinged door by walking into it (CharacterDef::pushForceN), both ways;
// walls, furniture and a zero push force still stop the capsule.
#include <cmath>
#include <cstdio>

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

    explicit DoorScene(glm::vec3 feet, float pushForceN = CharacterDef{}.pushForceN, bool withDesk = false) {
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

TEST(DoorPush, TheWallBesideTheDoorStillStopsTheTrainee) {
    DoorScene s({-1.5f, -1.5f, 0.0f});
    s.walkUntil({0.0f, 1.0f}, 1.5f, 3.0);
    const CharacterState c = s.world->character(s.trainee);
    EXPECT_LT(c.feetM.y, -0.1f - 0.25f + 0.001f);
    EXPECT_NEAR(c.feetM.x, -1.5f, 0.001f);
    EXPECT_NEAR(s.doorAngleRad(), 0.0f, 0.01f);
}

TEST(DoorPush, FurnitureIsAnObstacleNotPushedAside) {
    DoorScene s({-2.5f, -3.0f, 0.0f}, CharacterDef{}.pushForceN, true);
    const BodyId desk = makeId<BodyId>(3);  // floor, two walls, then the desk
    ASSERT_EQ(s.world->bodyState(desk).kind, BodyKind::Furniture);
    test::run(*s.world, 0.5);
    const glm::vec3 before = s.world->bodyState(desk).positionM;
    s.walkUntil({0.0f, 1.0f}, 0.0f, 3.0);
    EXPECT_LT(glm::length(s.world->bodyState(desk).positionM - before), 0.001f);
    EXPECT_LT(s.world->character(s.trainee).feetM.y, -1.3f - 0.25f + 0.001f);
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
