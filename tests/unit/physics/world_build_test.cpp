#include <cmath>

#include <glm/gtc/quaternion.hpp>

#include "fixture.h"

namespace cd::physics {
namespace {

TEST(WorldBuild, TerrainWithTheWrongNumberOfHeightsNamesTheField) {
    WorldDef def;
    def.source = "district.json";
    TerrainDef t;
    t.nx = 4;
    t.ny = 4;
    t.heightsM.assign(15, 0.0f);
    def.terrain = t;
    auto w = PhysicsWorld::create(def);
    ASSERT_FALSE(w.ok());
    EXPECT_EQ(w.error().file, "district.json");
    EXPECT_EQ(w.error().field, "terrain.heightsM");
}

TEST(WorldBuild, BadBodiesAndDoorsNameTheirIndexAndField) {
    WorldDef def = test::floorWorld();
    DynamicBodyDef desk;
    desk.centerM = {0, 0, 1};
    def.bodies.push_back(desk);
    desk.material.restitution = 3.0f;
    def.bodies.push_back(desk);
    EXPECT_EQ(PhysicsWorld::create(def).error().field, "bodies[1].material.restitution");
    def = test::floorWorld();
    DoorDef door;
    door.closedDir = {0.0f, 0.0f, 1.0f};  // not horizontal
    def.doors.push_back(door);
    EXPECT_EQ(PhysicsWorld::create(def).error().field, "doors[0].closedDir");
    def = test::floorWorld();
    def.staticBoxes[0].halfExtentsM.x = std::nanf("");
    EXPECT_EQ(PhysicsWorld::create(def).error().field, "staticBoxes[0].halfExtentsM");
    // A wall tie: a horizontal direction, an upright body, not also hung from an anchor.
    def = test::floorWorld();
    DynamicBodyDef shelf;
    shelf.centerM = {0, 0, 1};
    shelf.wallTieBreakForceN = 500.0f;
    shelf.wallTieDir = {0.0f, 0.6f, 0.8f};
    def.bodies.push_back(shelf);
    EXPECT_EQ(PhysicsWorld::create(def).error().field, "bodies[0].wallTieDir");
    def.bodies[0].wallTieDir = {0.0f, 1.0f, 0.0f};
    def.bodies[0].orientation = glm::angleAxis(0.3f, glm::vec3(1.0f, 0.0f, 0.0f));
    EXPECT_EQ(PhysicsWorld::create(def).error().field, "bodies[0].orientation");
    def.bodies[0].orientation = glm::angleAxis(0.3f, glm::vec3(0.0f, 0.0f, 1.0f));  // turned on the floor: fine
    EXPECT_TRUE(PhysicsWorld::create(def).ok());
    def.bodies[0].anchorBreakForceN = 100.0f;
    EXPECT_EQ(PhysicsWorld::create(def).error().field, "bodies[0].wallTieBreakForceN");
    def.bodies[0].anchorBreakForceN = 0.0f;
    def.bodies[0].wallTieBreakForceN = -1.0f;
    EXPECT_EQ(PhysicsWorld::create(def).error().field, "bodies[0].wallTieBreakForceN");
}

TEST(WorldBuild, ABuildingWithNoGeometryIsAnErrorAndTheWorldGoesOn) {
    auto w = test::build(test::floorWorld());
    StructureDef empty;
    empty.name = "school";
    auto s = w->addStructure(empty);
    ASSERT_FALSE(s.ok());
    EXPECT_EQ(s.error().field, "members");
    EXPECT_EQ(s.error().file, "unit");
    w->step();  // the session goes on
    EXPECT_EQ(w->tick(), 1);
}

// A flat heightfield 20 x 20 m round the origin, at heightM.
WorldDef plateau(float heightM) {
    WorldDef def;
    TerrainDef t;
    t.nx = 11;
    t.ny = 11;
    t.cellM = 2.0f;
    t.originM = {-10.0f, -10.0f};
    t.heightsM.assign(static_cast<std::size_t>(t.nx * t.ny), heightM);
    def.terrain = t;
    return def;
}

TEST(WorldBuild, ABallComesToRestOnTheTerrainHeightfield) {
    auto w = test::build(plateau(3.0f));
    DynamicBodyDef ball;
    ball.shape = ShapeKind::Sphere;
    ball.halfExtentsM = glm::vec3(0.2f);
    ball.centerM = {0.5f, 0.5f, 6.0f};
    ball.material.restitution = 0.0f;
    const BodyId id = w->addBody(ball).value();
    test::run(*w, 3.0);
    EXPECT_NEAR(w->bodyState(id).positionM.z, 3.2f, 0.03f);
    const auto hit = w->raycast({2.0f, 2.0f, 10.0f}, {2.0f, 2.0f, -10.0f});
    ASSERT_TRUE(hit.has_value());
    EXPECT_NEAR(hit->pointM.z, 3.0f, 1e-3f);
    EXPECT_FALSE(hit->body.valid());  // terrain is not a body
}

}  // namespace
TEST(WorldBuild, AWallChunkFallingOntoTheTerrainDoesNotSinkThroughIt) {
    // The terrain's heightfield is a surface: a body that ends a step with its centre below it
    // is pushed on down and falls for ever. A 0.25 m thick chunk dropped from 4 to 11.5 m lands
    // at 8.9-15.0 m/s, 0.15-0.25 m a step at 60 Hz: more than half its thickness, so it must be
    // swept (continuous collision). Swept only past its full thickness (until 29 Nov), 9 of
    // these 128 drops sank through (flat from 4.5, 6, 7.5 and 9 m; tilted from 9.5 m and up),
    // as a wall chunk of the rescue scene's heap did.
    int sunk = 0;
    for (float h = 4.0f; h <= 11.5f; h += 0.5f)
        for (float tiltRad = 0.0f; tiltRad <= 1.6f; tiltRad += 0.2f) {
            WorldDef def = plateau(0.0f);
            DynamicBodyDef chunk = test::debris({0.3f, 0.2f, h}, {0.6f, 0.4f, 0.125f});
            chunk.orientation = glm::angleAxis(tiltRad, glm::normalize(glm::vec3(1.0f, 0.3f, 0.0f)));
            def.bodies.push_back(chunk);
            auto w = test::build(def);
            test::run(*w, 4.0);
            const float z = w->bodyState(makeId<BodyId>(0)).positionM.z;
            sunk += z < 0.0f;
            EXPECT_GT(z, 0.1f) << "dropped from " << h << " m, tilted " << tiltRad << " rad";
            EXPECT_LT(z, 0.7f) << "dropped from " << h << " m, tilted " << tiltRad << " rad";
        }
    EXPECT_EQ(sunk, 0);
}

}  // namespace cd::physics
