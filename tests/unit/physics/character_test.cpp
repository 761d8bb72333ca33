// The trainee's capsule: walking speeds, steps, slopes, walls, crouching, being shoved.
#include <cmath>

#include "fixture.h"

namespace cd::physics {
namespace {

struct Trainee {
    std::unique_ptr<PhysicsWorld> world;
    CharacterId id;
    explicit Trainee(WorldDef def, glm::vec3 feet = {0.0f, 0.0f, 0.0f}) : world(test::build(def)) {
        CharacterDef c;
        c.feetM = feet;
        id = world->addCharacter(c).value();
    }
    CharacterState walk(glm::vec2 dir, Gait gait, double seconds) {
        CharacterInput in;
        in.moveDir = dir;
        in.gait = gait;
        world->setCharacterInput(id, in);
        test::run(*world, seconds);
        return world->character(id);
    }
};

TEST(Character, WalksAndRunsAtTheirSpeedsOnFlatGround) {
    Trainee t(test::floorWorld());
    CharacterState s = t.walk({1.0f, 0.0f}, Gait::Walk, 1.0);
    EXPECT_NEAR(s.feetM.x, 1.4f, 0.05f);
    EXPECT_NEAR(s.feetM.z, 0.0f, 0.03f);
    EXPECT_TRUE(s.grounded);
    const float x0 = s.feetM.x;
    s = t.walk({1.0f, 0.0f}, Gait::Run, 1.0);
    EXPECT_NEAR(s.feetM.x - x0, 3.5f, 0.1f);
}

TEST(Character, ClimbsAStairOfEighteenCentimetreRisers) {
    WorldDef def = test::floorWorld();
    for (int i = 0; i < 6; ++i)  // risers 0.18 m, treads 0.28 m
        def.staticBoxes.push_back(test::box({1.0f + 0.28f * i, -1.0f, 0.0f}, {9.0f, 1.0f, 0.18f * (i + 1)}));
    Trainee t(def);
    const CharacterState s = t.walk({1.0f, 0.0f}, Gait::Walk, 3.0);
    EXPECT_GT(s.feetM.x, 3.0f);
    EXPECT_NEAR(s.feetM.z, 1.08f, 0.03f);
    EXPECT_TRUE(s.grounded);
}

TEST(Character, DoesNotClimbAHalfMetreLedge) {
    WorldDef def = test::floorWorld();
    def.staticBoxes.push_back(test::box({1.0f, -2.0f, 0.0f}, {3.0f, 2.0f, 0.5f}));
    Trainee t(def);
    const CharacterState s = t.walk({1.0f, 0.0f}, Gait::Run, 2.0);
    EXPECT_LT(s.feetM.x, 1.0f - 0.25f + 0.02f);
    EXPECT_NEAR(s.feetM.z, 0.0f, 0.03f);
}

TEST(Character, CannotRunThroughAWallAndSlidesAlongIt) {
    WorldDef def = test::floorWorld();
    def.staticBoxes.push_back(test::box({2.0f, -5.0f, 0.0f}, {2.2f, 5.0f, 3.0f}));
    Trainee t(def);
    const CharacterState s = t.walk(glm::normalize(glm::vec2(1.0f, 0.5f)), Gait::Run, 3.0);
    EXPECT_LT(s.feetM.x, 2.0f - 0.25f + 0.001f);
    EXPECT_GT(s.feetM.y, 2.0f);  // kept its sideways motion along the wall
}

WorldDef rampWorld(float slopeDeg) {
    WorldDef def;
    def.source = "ramp";
    TerrainDef t;
    t.nx = 41;
    t.ny = 11;
    t.cellM = 0.25f;
    t.originM = {-2.0f, -1.25f};
    for (int j = 0; j < t.ny; ++j)
        for (int i = 0; i < t.nx; ++i) {
            const float x = t.originM.x + t.cellM * i;
            t.heightsM.push_back(std::max(0.0f, x - 1.0f) * std::tan(slopeDeg * 3.14159265f / 180.0f));
        }
    def.terrain = t;
    return def;
}

TEST(Character, WalksUpATwentyDegreeSlope) {
    Trainee t(rampWorld(20.0f), {0.0f, 0.0f, 0.05f});
    const CharacterState s = t.walk({1.0f, 0.0f}, Gait::Walk, 3.0);
    EXPECT_GT(s.feetM.x, 3.5f);
    EXPECT_NEAR(s.feetM.z, (s.feetM.x - 1.0f) * std::tan(20.0f * 3.14159265f / 180.0f), 0.15f);
}

TEST(Character, IsStoppedByASixtyDegreeSlope) {
    Trainee t(rampWorld(60.0f), {0.0f, 0.0f, 0.05f});
    const CharacterState s = t.walk({1.0f, 0.0f}, Gait::Walk, 3.0);
    EXPECT_LT(s.feetM.z, 0.35f);  // at most a step height up the face
    EXPECT_LT(s.feetM.x, 1.2f);
}

TEST(Character, CrouchesUnderALowBeamAndStaysCrouchedBeneathIt) {
    WorldDef def = test::floorWorld();
    def.staticBoxes.push_back(test::box({1.5f, -2.0f, 1.35f}, {3.0f, 2.0f, 1.6f}));  // 1.35 m headroom
    Trainee t(def);
    CharacterState s = t.walk({1.0f, 0.0f}, Gait::Walk, 2.0);
    EXPECT_LT(s.feetM.x, 1.5f - 0.2f);  // standing, blocked by the beam
    s = t.walk({1.0f, 0.0f}, Gait::Crouch, 1.0);
    EXPECT_TRUE(s.crouched);
    EXPECT_GT(s.feetM.x, 1.6f);
    EXPECT_NEAR(s.heightM, 1.1f, 1e-5f);
    s = t.walk({0.0f, 0.0f}, Gait::Walk, 0.2);  // wants to stand: no room
    EXPECT_TRUE(s.crouched);
    s = t.walk({1.0f, 0.0f}, Gait::Crouch, 2.0);
    s = t.walk({0.0f, 0.0f}, Gait::Walk, 0.2);  // clear of the beam
    EXPECT_FALSE(s.crouched);
    EXPECT_NEAR(s.eyeM.z, s.feetM.z + 1.75f - 0.12f, 1e-4f);
}

TEST(Character, FallsOffALedgeAndLands) {
    WorldDef def = test::floorWorld();
    def.staticBoxes.push_back(test::box({-2.0f, -2.0f, 0.0f}, {1.0f, 2.0f, 2.0f}));
    Trainee t(def, {0.0f, 0.0f, 2.0f});
    CharacterState s = t.walk({1.0f, 0.0f}, Gait::Walk, 0.2);
    EXPECT_NEAR(s.feetM.z, 2.0f, 0.03f);
    s = t.walk({1.0f, 0.0f}, Gait::Walk, 2.0);
    EXPECT_GT(s.feetM.x, 1.3f);
    EXPECT_NEAR(s.feetM.z, 0.0f, 0.03f);
    EXPECT_TRUE(s.grounded);
}

TEST(Character, IsShovedByMovingDebris) {
    WorldDef def = test::floorWorld();
    DynamicBodyDef slab;
    slab.kind = BodyKind::Debris;
    slab.centerM = {2.0f, 0.0f, 0.6f};
    slab.halfExtentsM = {0.5f, 1.0f, 0.5f};
    slab.velocityMS = {-4.0f, 0.0f, 0.0f};
    slab.material = materials::concrete();
    slab.material.frictionCoeff = 0.0f;  // keeps sliding into the trainee
    def.bodies.push_back(slab);
    Trainee t(def);
    bool pushed = false;
    for (int i = 0; i < 60; ++i) {
        t.world->step();
        pushed = pushed || t.world->character(t.id).pushed;
    }
    EXPECT_TRUE(pushed);
    EXPECT_LT(t.world->character(t.id).feetM.x, -0.3f);
}

TEST(Character, StepsAreDeterministic) {
    auto runOnce = [] {
        WorldDef def = test::floorWorld();
        for (int i = 0; i < 4; ++i)
            def.staticBoxes.push_back(test::box({1.0f + 0.3f * i, -1.0f, 0.0f}, {3.0f, 1.0f, 0.15f * (i + 1)}));
        Trainee t(def);
        t.walk({0.9f, 0.3f}, Gait::Run, 2.0);
        return t.world->stateHash();
    };
    EXPECT_EQ(runOnce(), runOnce());
}

}  // namespace
}  // namespace cd::physics
