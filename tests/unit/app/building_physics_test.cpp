#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "building_physics.h"
#include "physics/physics_world.h"
#include "campus_district.h"
#include "world/district.h"

using namespace cd;

namespace {

using testdata::campus;

struct Box {
    glm::vec3 lo, hi;
};

Box boxOf(const glm::vec3& c, const glm::vec3& h) { return {c - h, c + h}; }

// Shrunk by a millimetre: boxes that only touch (up to float rounding) do not overlap.
Box inset(const glm::vec3& c, const glm::vec3& h) { return {c - h + glm::vec3(1e-3f), c + h - glm::vec3(1e-3f)}; }

float overlapVolume(const Box& a, const Box& b) {
    float v = 1.0f;
    for (int k = 0; k < 3; ++k) v *= std::max(0.0f, std::min(a.hi[k], b.hi[k]) - std::max(a.lo[k], b.lo[k]));
    return v;
}

bool contains(const Box& b, const glm::vec3& p) {
    return p.x > b.lo.x && p.x < b.hi.x && p.y > b.lo.y && p.y < b.hi.y && p.z > b.lo.z && p.z < b.hi.z;
}

std::vector<Box> solids(const app::BuildingPhysics& bp) {
    std::vector<Box> out;
    for (const auto& s : bp.world.staticBoxes) out.push_back(boxOf(s.centerM, s.halfExtentsM));
    if (bp.structure)
        for (const auto& m : bp.structure->members) out.push_back(boxOf(m.centerM, m.halfExtentsM));
    return out;
}

app::BuildingPhysics blockA(std::vector<std::string> structureRooms = {"A.4.corridor"}) {
    app::BuildingPhysicsOptions o;
    o.building = "A";
    o.structureRooms = std::move(structureRooms);
    o.source = "test.toml";
    auto r = app::buildingPhysicsFromDistrict(campus(), o);
    EXPECT_TRUE(r.ok()) << r.error().str();
    return r.ok() ? *r : app::BuildingPhysics{};
}

}  // namespace

TEST(BuildingPhysics, EveryDoorOfTheBuildingIsAnOpeningThroughItsWalls) {
    const auto bp = blockA();
    const auto boxes = solids(bp);
    int doors = 0;
    for (const auto& door : campus().doors) {
        const world::Room* a = campus().findRoom(door.roomA);
        if (!a || a->building != "A") continue;
        ++doors;
        // Clear from the threshold to just under the lintel, in the middle of the opening and 0.3 m
        // to either side (a floor strip once hung across the top of openings in breakable walls).
        glm::vec3 along(-door.normal.y, door.normal.x, 0.0f);
        for (float s : {-0.3f, 0.0f, 0.3f})
            for (float z : {0.05f, 0.5f, 1.0f, 1.5f, 1.9f, door.heightM - 0.05f}) {
                glm::vec3 p = door.centerM + along * s + glm::vec3(0.0f, 0.0f, z);
                for (const Box& b : boxes) ASSERT_FALSE(contains(b, p)) << door.id << " is walled up at offset " << s << ", " << z << " m up";
            }
        // In a breakable wall (the floor is laid on under it), floor under the threshold too.
        // Elsewhere the threshold is the wall's 0.25 m between the two rooms' floors, which a
        // walker's 0.5 m body spans.
        if (door.roomA != "A.4.corridor" && door.roomB != "A.4.corridor") continue;
        const glm::vec3 below = door.centerM - glm::vec3(0.0f, 0.0f, 0.05f);
        EXPECT_TRUE(std::any_of(boxes.begin(), boxes.end(), [&](const Box& b) { return contains(b, below); }))
            << door.id << " has no floor under its threshold";
    }
    EXPECT_GT(doors, 20);
    EXPECT_EQ(bp.passages.size(), static_cast<std::size_t>(doors));
}

TEST(BuildingPhysics, RoomsAreEmptyOfWallsAndClosedByThem) {
    const auto bp = blockA();
    const auto boxes = solids(bp);
    for (const world::Room* r : campus().roomsOn("A", 2)) {
        if (r->kind == world::RoomKind::Stairwell) continue;  // flights and rails stand in them
        Box inner{r->box.min + glm::vec3(0.02f), r->box.max - glm::vec3(0.02f)};
        for (const Box& b : boxes) ASSERT_LT(overlapVolume(inner, b), 1e-6f) << r->id;
        // Just beyond each side, at mid height, a wall stands somewhere along it (doors are gaps).
        const glm::vec3 lo = r->box.min, hi = r->box.max, c = r->box.center();
        for (int side = 0; side < 4; ++side) {
            bool walled = false;
            for (float f : {0.1f, 0.5f, 0.9f}) {
                glm::vec3 p = side < 2 ? glm::vec3(side == 0 ? lo.x - 0.1f : hi.x + 0.1f, lo.y + f * (hi.y - lo.y), c.z)
                                       : glm::vec3(lo.x + f * (hi.x - lo.x), side == 2 ? lo.y - 0.1f : hi.y + 0.1f, c.z);
                for (const Box& b : boxes) walled = walled || contains(b, p);
            }
            EXPECT_TRUE(walled) << r->id << " side " << side;
        }
    }
}

TEST(BuildingPhysics, TheStructureMembersTouchFaceToFaceWithoutOverlapping) {
    const auto bp = blockA();
    ASSERT_TRUE(bp.structure.has_value());
    const auto& m = bp.structure->members;
    ASSERT_GE(m.size(), 6u);  // four walls (cut at doors) and the slab
    for (std::size_t i = 0; i < m.size(); ++i)
        for (std::size_t j = i + 1; j < m.size(); ++j)
            EXPECT_EQ(overlapVolume(inset(m[i].centerM, m[i].halfExtentsM), inset(m[j].centerM, m[j].halfExtentsM)), 0.0f) << i << " " << j;
    // Nothing static takes the structure's place.
    for (const auto& s : bp.world.staticBoxes)
        for (const auto& mm : m)
            EXPECT_EQ(overlapVolume(inset(s.centerM, s.halfExtentsM), inset(mm.centerM, mm.halfExtentsM)), 0.0f);
    // The walls stand on the corridor's floor, the ground of the structure.
    const world::Room* corridor = campus().findRoom("A.4.corridor");
    EXPECT_FLOAT_EQ(bp.structure->groundZM, corridor->box.min.z);
}

TEST(BuildingPhysics, TheWholeBlockCanBeBreakableStructureStoreyOnStorey) {
    std::vector<std::string> all;
    for (const auto& r : campus().rooms)
        if (r.building == "A") all.push_back(r.id);
    const auto bp = blockA(all);
    ASSERT_TRUE(bp.structure.has_value());
    const auto& m = bp.structure->members;
    // Members touch face to face without overlapping, storey on storey.
    for (std::size_t i = 0; i < m.size(); ++i)
        for (std::size_t j = i + 1; j < m.size(); ++j)
            ASSERT_EQ(overlapVolume(inset(m[i].centerM, m[i].halfExtentsM), inset(m[j].centerM, m[j].halfExtentsM)), 0.0f) << i << " " << j;
    // Nothing static but the ground floor's floors, the flights and the rails inside the block.
    const world::Building* a = campus().findBuilding("A");
    for (const auto& st : bp.world.staticBoxes) {
        // Steps of a flight running along y are boxes turned a quarter turn: swap their half extents.
        glm::vec3 half = st.halfExtentsM;
        if (std::fabs(std::sin(st.yawRad)) > 0.5f) std::swap(half.x, half.y);
        const glm::vec3 lo = st.centerM - half;
        if (lo.x < a->box.min.x || lo.x > a->box.max.x || lo.y < a->box.min.y || lo.y > a->box.max.y) continue;  // other buildings
        for (const auto& mm : m)
            ASSERT_EQ(overlapVolume(inset(st.centerM, half), inset(mm.centerM, mm.halfExtentsM)), 0.0f)
                << "static at " << st.centerM.x << "," << st.centerM.y << "," << st.centerM.z;
    }
    EXPECT_FLOAT_EQ(bp.structure->groundZM, campus().findRoom("A.0.corridor")->box.min.z);
    // Every storey's stairwell slab leaves the hole the flight above comes up through.
    int slabs = 0, storeys[5] = {0, 0, 0, 0, 0};
    for (const auto& mm : m) {
        slabs += mm.kind == physics::MemberKind::Slab;
        if (mm.storey >= 0 && mm.storey < 5) ++storeys[mm.storey];
    }
    for (int k = 0; k < 5; ++k) EXPECT_GT(storeys[k], 10) << "storey " << k;
    for (const auto& st : campus().stairs) {
        if (st.id.rfind("A.", 0) != 0) continue;
        const glm::vec3 mid = 0.5f * (st.bottomM + st.topM) + glm::vec3(0.0f, 0.0f, 1.0f);  // over the flight's middle
        for (const auto& mm : m) ASSERT_FALSE(contains(boxOf(mm.centerM, mm.halfExtentsM), mid)) << st.id;
    }
    EXPECT_GT(slabs, 30);
}

TEST(BuildingPhysics, ClassroomsGetDesksABookcaseAndHangingLights) {
    const auto bp = blockA();
    int desks = 0, lights = 0, extinguishers = 0;
    for (const auto& b : bp.world.bodies) {
        const world::Room* r = campus().roomAt(b.centerM);
        ASSERT_NE(r, nullptr);
        if (b.kind == physics::BodyKind::Extinguisher) {
            // On the corridor wall by a stair door, its top at most 1.53 m up (NFPA 10).
            EXPECT_EQ(r->kind, world::RoomKind::Corridor);
            EXPECT_LE(b.centerM.z + b.halfExtentsM.z - r->box.min.z, 1.53f);
            EXPECT_GT(b.anchorBreakForceN, 0.0f);
            ++extinguishers;
            continue;
        }
        EXPECT_EQ(r->kind, world::RoomKind::Classroom);
        if (b.kind == physics::BodyKind::HangingItem) ++lights;
        else if (b.halfExtentsM.z < 0.6f) ++desks;
    }
    const int classrooms = 14;  // block A: 2 on the ground floor, 3 on each of the four upper
    EXPECT_EQ(lights, 2 * classrooms);
    EXPECT_EQ(extinguishers, 2 * 4);  // both stair doors of every corridor but the breakable one
    EXPECT_EQ(desks, 12 * classrooms);
    // A desk weighs what a school desk does (about 20 kg), not a solid block of wood.
    EXPECT_NEAR(app::schoolDesk().densityKgM3 * 1.2f * 0.6f * 0.75f, 20.0f, 0.01f);
}

TEST(BuildingPhysics, BadStructureRoomsAreErrorsNamingTheField) {
    app::BuildingPhysicsOptions o;
    o.building = "A";
    o.source = "quake.toml";
    o.sourceLine = 40;
    o.structureRooms = {"A.4.nowhere"};
    auto r = app::buildingPhysicsFromDistrict(campus(), o);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().field, "earthquake.structure_rooms");
    EXPECT_EQ(r.error().line, 40);
    o.structureRooms = {"B.1.corridor"};
    EXPECT_FALSE(app::buildingPhysicsFromDistrict(campus(), o).ok());
    o.building = "Z";
    o.structureRooms = {};
    EXPECT_FALSE(app::buildingPhysicsFromDistrict(campus(), o).ok());
}

namespace {

// Walks a capsule to `to` on a straight heading, re-aimed every step; returns when within 0.15 m
// in plan (or after maxS simulated seconds).
double walkTo(physics::PhysicsWorld& w, physics::CharacterId c, const glm::vec3& to, double maxS) {
    const double t0 = w.timeS();
    while (w.timeS() - t0 < maxS) {
        const glm::vec3 feet = w.character(c).feetM;
        glm::vec2 d(to.x - feet.x, to.y - feet.y);
        if (glm::length(d) < 0.15f) break;
        physics::CharacterInput in;
        in.moveDir = d / glm::length(d);
        w.setCharacterInput(c, in);
        w.step();
    }
    return w.timeS() - t0;
}

}  // namespace

// Block A without furniture or breakable rooms, as a physics world.
static Result<std::unique_ptr<physics::PhysicsWorld>> bareBlockAWorld() {
    app::BuildingPhysicsOptions o;
    o.building = "A";
    o.furniture = false;
    o.source = "test.toml";
    auto bp = app::buildingPhysicsFromDistrict(campus(), o);
    if (!bp) return bp.error();
    return physics::PhysicsWorld::create(bp->world);
}

TEST(BuildingPhysics, FlightsRiseInRisersOfAtMost18cm) {
    app::BuildingPhysicsOptions o;
    o.building = "A";
    o.source = "test.toml";
    auto bp = app::buildingPhysicsFromDistrict(campus(), o);
    ASSERT_TRUE(bp.ok()) << bp.error().str();
    const world::Stair* st = nullptr;
    for (const auto& s : campus().stairs)
        if (s.id == "A.stairW.0-1") st = &s;
    ASSERT_NE(st, nullptr);
    // The steps of this flight: static boxes standing on its floor inside its strip.
    std::vector<float> tops;
    for (const auto& b : bp->world.staticBoxes) {
        const float bottom = b.centerM.z - b.halfExtentsM.z, top = b.centerM.z + b.halfExtentsM.z;
        if (std::fabs(bottom - st->bottomM.z) > 1e-3f || top <= st->bottomM.z + 0.01f || top > st->topM.z + 1e-3f) continue;
        if (std::fabs(b.centerM.x - st->bottomM.x) > 0.05f || b.centerM.y < st->bottomM.y || b.centerM.y > st->topM.y) continue;
        tops.push_back(top);
    }
    std::sort(tops.begin(), tops.end());
    ASSERT_GE(tops.size(), 10u);
    EXPECT_NEAR(tops.back(), st->topM.z, 1e-3f);
    float prev = st->bottomM.z;
    for (float t : tops) {
        EXPECT_LE(t - prev, 0.18f + 1e-4f);
        EXPECT_GT(t - prev, 0.1f);
        prev = t;
    }
}

TEST(BuildingPhysics, ACapsuleClimbsTheWestStairToTheTopFloorAndComesBackDown) {
    auto w = bareBlockAWorld();
    ASSERT_TRUE(w.ok()) << w.error().str();
    std::vector<const world::Stair*> flights;
    for (int s = 0; s < 4; ++s)
        for (const auto& st : campus().stairs)
            if (st.id == "A.stairW." + std::to_string(s) + "-" + std::to_string(s + 1)) flights.push_back(&st);
    ASSERT_EQ(flights.size(), 4u);
    physics::CharacterDef def;
    def.feetM = flights[0]->bottomM;
    auto c = (*w)->addCharacter(def);
    ASSERT_TRUE(c.ok());
    for (const world::Stair* st : flights) {
        // From the foot of this flight (where the last one left us, along the landing) up it.
        walkTo(**w, *c, st->bottomM, 10.0);
        ASSERT_NEAR((*w)->character(*c).feetM.z, st->bottomM.z, 0.05f) << st->id;
        const double t = walkTo(**w, *c, st->topM, 20.0);
        const glm::vec3 feet = (*w)->character(*c).feetM;
        ASSERT_NEAR(feet.z, st->topM.z, 0.05f) << st->id;
        ASSERT_LT(glm::length(glm::vec2(feet - st->topM)), 0.2f) << st->id;
        // At most a third slower than walking the flight's length on the level at 1.4 m/s.
        EXPECT_LT(t, 1.34 * st->lengthM / 1.4) << st->id;
    }
    for (auto it = flights.rbegin(); it != flights.rend(); ++it) {
        walkTo(**w, *c, (*it)->topM, 10.0);
        // Down to the foot, and on a step onto the landing (off the last riser's edge).
        const glm::vec3 run = glm::normalize((*it)->bottomM - (*it)->topM) * glm::vec3(1.0f, 1.0f, 0.0f);
        walkTo(**w, *c, (*it)->bottomM, 20.0);
        walkTo(**w, *c, (*it)->bottomM + 0.4f * glm::normalize(run), 5.0);
        ASSERT_NEAR((*w)->character(*c).feetM.z, (*it)->bottomM.z, 0.05f) << (*it)->id;
    }
}

TEST(BuildingPhysics, RailsKeepPeopleFromWalkingIntoTheStairHole) {
    auto w = bareBlockAWorld();
    ASSERT_TRUE(w.ok());
    // Top floor, west stairwell: the flight from storey 3 comes up through the floor. Walk at
    // the hole across it from the far side of the well, and along it from its far end.
    const world::Room* well = campus().findRoom("A.4.stairW");
    const world::Stair* st = nullptr;
    for (const auto& s : campus().stairs)
        if (s.id == "A.stairW.3-4") st = &s;
    ASSERT_NE(st, nullptr);
    const glm::vec3 mid = 0.5f * (st->bottomM + st->topM);
    const glm::vec3 starts[2] = {{well->box.max.x - 0.4f, mid.y, well->box.min.z},
                                 {st->bottomM.x, st->bottomM.y - (st->topM.y - st->bottomM.y) * 0.02f, well->box.min.z}};
    for (const glm::vec3& start : starts) {
        physics::CharacterDef def;
        def.feetM = start;
        auto c = (*w)->addCharacter(def);
        ASSERT_TRUE(c.ok());
        walkTo(**w, *c, glm::vec3(mid.x, mid.y, well->box.min.z), 6.0);
        EXPECT_NEAR((*w)->character(*c).feetM.z, well->box.min.z, 0.05f) << "fell from " << start.x << "," << start.y;
    }
}
