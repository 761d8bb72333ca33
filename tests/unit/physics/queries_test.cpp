// Rays and sweeps for interaction, line of sight and what the trainee is looking at; doors.
#include <cmath>

#include "fixture.h"

namespace cd::physics {
namespace {

TEST(Queries, ARayReportsTheTaggedWallItHitsAndLineOfSightIsBlocked) {
    WorldDef def = test::floorWorld();
    def.staticBoxes.push_back(test::box({3.0f, -2.0f, 0.0f}, {3.2f, 2.0f, 3.0f}, 42));
    auto w = test::build(def);
    const auto hit = w->raycast({0.0f, 0.0f, 1.5f}, {10.0f, 0.0f, 1.5f});
    ASSERT_TRUE(hit.has_value());
    EXPECT_EQ(hit->tag, 42u);
    EXPECT_TRUE(hit->isStatic);
    EXPECT_NEAR(hit->pointM.x, 3.0f, 1e-3f);
    EXPECT_NEAR(hit->distanceM, 3.0f, 1e-3f);
    EXPECT_NEAR(hit->normal.x, -1.0f, 1e-3f);
    EXPECT_FALSE(w->lineOfSight({0.0f, 0.0f, 1.5f}, {5.0f, 0.0f, 1.5f}));
    EXPECT_TRUE(w->lineOfSight({0.0f, 0.0f, 1.5f}, {0.0f, 5.0f, 1.5f}));
    // Masks: the same ray ignoring static geometry sees nothing.
    EXPECT_FALSE(w->raycast({0.0f, 0.0f, 1.5f}, {10.0f, 0.0f, 1.5f}, kQueryDynamic | kQueryDebris).has_value());
}

TEST(Queries, TheTraineeLooksAtTheExtinguisherInFrontOfThem) {
    WorldDef def = test::floorWorld();
    DynamicBodyDef ext;
    ext.kind = BodyKind::Extinguisher;
    ext.shape = ShapeKind::Cylinder;
    ext.centerM = {0.0f, 1.5f, 1.3f};
    ext.halfExtentsM = {0.08f, 0.08f, 0.3f};
    ext.material = materials::steel();
    ext.anchorBreakForceN = 2000.0f;  // on its wall bracket
    ext.tag = 7;
    def.bodies.push_back(ext);
    auto w = test::build(def);
    CharacterDef c;
    const CharacterId me = w->addCharacter(c).value();
    CharacterInput in;
    in.yawRad = 1.5707963f;   // facing +y
    in.pitchRad = -0.2f;      // slightly down towards it
    w->setCharacterInput(me, in);
    w->step();
    const auto seen = w->lookingAt(me, 3.0f);
    ASSERT_TRUE(seen.has_value());
    EXPECT_EQ(seen->kind, BodyKind::Extinguisher);
    EXPECT_EQ(seen->tag, 7u);
    in.yawRad = -1.5707963f;  // turned away
    w->setCharacterInput(me, in);
    w->step();
    const auto away = w->lookingAt(me, 3.0f);
    EXPECT_TRUE(!away.has_value() || away->kind != BodyKind::Extinguisher);
}

TEST(Queries, ASphereSweepStopsAtTheFirstObstacle) {
    WorldDef def = test::floorWorld();
    def.staticBoxes.push_back(test::box({4.0f, -1.0f, 0.0f}, {4.5f, 1.0f, 2.0f}, 9));
    auto w = test::build(def);
    const auto hit = w->sweepSphere({0.0f, 0.0f, 1.0f}, {8.0f, 0.0f, 1.0f}, 0.3f);
    ASSERT_TRUE(hit.has_value());
    EXPECT_EQ(hit->tag, 9u);
    EXPECT_NEAR(hit->fraction * 8.0f, 3.7f, 0.02f);  // centre stops one radius short of x = 4
}

TEST(Doors, ADoorSwingsOnItsHingeWhenPushedAndStopsAtItsLimit) {
    WorldDef def = test::floorWorld();
    DoorDef door;
    door.hingeM = {0.0f, 0.0f, 0.0f};
    door.closedDir = {1.0f, 0.0f, 0.0f};
    door.openLimitRad = 1.5f;
    door.hingeDamping = 0.0f;
    door.tag = 3;
    def.doors.push_back(door);
    auto w = test::build(def);
    const BodyId d{1u, 0u};  // the floor is body 0, the door 1
    const glm::vec3 closedCentre = w->bodyState(d).positionM;
    w->applyImpulse(d, {0.0f, 30.0f, 0.0f}, closedCentre + glm::vec3(0.3f, 0.0f, 0.0f));
    test::run(*w, 3.0);
    const BodyState s = w->bodyState(d);
    // Still on its hinge: the leaf centre stays half a width from the hinge line.
    EXPECT_NEAR(std::hypot(s.positionM.x, s.positionM.y), 0.45f, 0.02f);
    EXPECT_NEAR(s.positionM.z, closedCentre.z, 0.02f);
    const float angle = std::atan2(s.positionM.y, s.positionM.x);
    EXPECT_GT(angle, 0.3f);
    EXPECT_LT(angle, 1.5f + 0.05f);
}

}  // namespace
}  // namespace cd::physics
