#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include <glm/geometric.hpp>

#include "campus_district.h"
#include "earthquake_hazard.h"
#include "trainee_capsule.h"

using namespace cd;

namespace {

using testdata::campus;

// Block A with its classrooms furnished; the ground stays still (the shaking starts later).
scenario::ScenarioDef furnishedBlockA() {
    scenario::ScenarioDef s;
    s.path = "quake.toml";
    s.seed = 1;
    scenario::EarthquakeDef q;
    q.atS = 1000.0;
    q.building = "A";
    q.shaking.pgaG = 0.05;
    q.furniture = true;
    q.source = {"quake.toml", 12, "earthquake"};
    s.earthquake = q;
    s.trainee.source = {"quake.toml", 3, "trainee"};
    return s;
}

// Whether a body of radius 0.25 m at p cuts into an upright desk by more than 2 cm (in plan).
bool insideADesk(const app::EarthquakeHazard& q, const glm::vec3& p) {
    for (const auto& b : q.boxes()) {
        if (b.halfExtents.z > 0.6f || b.halfExtents.z < 0.3f) continue;  // desks only
        if (std::fabs(p.z - (b.center.z - b.halfExtents.z)) > 0.3f) continue;
        const glm::vec3 d = glm::abs(p - b.center);
        const float ox = std::max(0.0f, d.x - b.halfExtents.x), oy = std::max(0.0f, d.y - b.halfExtents.y);
        if (ox * ox + oy * oy < 0.23f * 0.23f) return true;
    }
    return false;
}

}  // namespace

TEST(TraineeCapsule, WalksRoundAColumnOfDesksNotThroughIt) {
    const auto s = furnishedBlockA();
    auto q = app::EarthquakeHazard::build(s, campus());
    ASSERT_TRUE(q.ok()) << q.error().str();
    // Classroom 3 on the top floor: desks stand in three columns running north-south. From the
    // east aisle to the west one the straight line crosses the first column.
    const world::Room* room = campus().findRoom("A.4.classroom3");
    const glm::vec3 from(126.2f, 173.5f, room->box.min.z), to(124.7f, 173.5f, room->box.min.z);
    auto c = app::TraineeCapsule::place(**q, s.trainee, from);
    ASSERT_TRUE(c.ok()) << c.error().str();
    EXPECT_FALSE((*q)->clearWalk(from, to, 0.25f, 1.72f, 0.3f));
    const double tickS = 1.0 / 30.0;
    double t = 0.0, walked = 0.0;
    glm::vec3 last = c->state().feetM;
    app::TraineeCapsule::Progress p = app::TraineeCapsule::Progress::Moving;
    while (t < 30.0 && p == app::TraineeCapsule::Progress::Moving) {
        p = c->steerTo(to, 1.0f, false, false, static_cast<float>(tickS));
        t += tickS;
        (*q)->advanceTo(t);
        const glm::vec3 feet = c->state().feetM;
        ASSERT_FALSE(insideADesk(**q, feet)) << "at " << feet.x << "," << feet.y << " after " << t << " s";
        walked += glm::length(feet - last);
        last = feet;
    }
    ASSERT_EQ(p, app::TraineeCapsule::Progress::Arrived);
    EXPECT_LT(glm::length(glm::vec2(c->state().feetM - to)), 0.2f);
    // Round the end of the column: the desks span most of the room, so the way round is several
    // times the 1.5 m straight line, but not a lost wander (below 3 x the room's depth).
    EXPECT_GT(walked, 3.0 * 1.5);
    EXPECT_LT(walked, 3.0 * (room->box.max.y - room->box.min.y));
}

TEST(TraineeCapsule, AStartUnderADeskStandsBesideIt) {
    const auto s = furnishedBlockA();
    auto q = app::EarthquakeHazard::build(s, campus());
    ASSERT_TRUE(q.ok()) << q.error().str();
    const world::Room* room = campus().findRoom("A.4.classroom3");
    const glm::vec3 desk(125.385f, 173.47f, room->box.min.z);  // a desk of the first column
    ASSERT_TRUE(insideADesk(**q, desk));
    auto c = app::TraineeCapsule::place(**q, s.trainee, desk);
    ASSERT_TRUE(c.ok()) << c.error().str();
    const glm::vec3 feet = c->state().feetM;
    EXPECT_FALSE(insideADesk(**q, feet));
    EXPECT_LT(glm::length(glm::vec2(feet - desk)), 1.0f);
    EXPECT_TRUE((*q)->standable(feet, 0.25f, 1.72f, 0.3f));
}

TEST(TraineeCapsule, AWayShutByDebrisIsGivenUp) {
    const auto s = furnishedBlockA();
    auto q = app::EarthquakeHazard::build(s, campus());
    ASSERT_TRUE(q.ok()) << q.error().str();
    // A target outside the building's wall, from inside a room with no door that way: no path
    // on this floor reaches it, and the capsule gives up within a few seconds instead of pushing forever.
    const world::Room* room = campus().findRoom("A.4.classroom3");
    auto c = app::TraineeCapsule::place(**q, s.trainee, glm::vec3(127.0f, 176.5f, room->box.min.z));
    ASSERT_TRUE(c.ok());
    const glm::vec3 to(127.0f, room->box.max.y + 3.0f, room->box.min.z);
    double t = 0.0;
    app::TraineeCapsule::Progress p = app::TraineeCapsule::Progress::Moving;
    while (t < 20.0 && p == app::TraineeCapsule::Progress::Moving) {
        p = c->steerTo(to, 1.0f, false, false, 1.0f / 30.0f);
        t += 1.0 / 30.0;
        (*q)->advanceTo(t);
    }
    EXPECT_NE(p, app::TraineeCapsule::Progress::Moving);
    EXPECT_LT(t, 20.0);
    EXPECT_LT(c->state().feetM.y, room->box.max.y);  // still inside: walls hold
}

TEST(TraineeCapsule, DoorLeavesSwingInTheShakingAndTheTraineePushesThroughThem) {
    auto s = furnishedBlockA();
    s.earthquake->atS = 0.5;
    s.earthquake->shaking.pgaG = 0.3;
    s.earthquake->shaking.periodS = 0.4;
    s.earthquake->shaking.durationS = 8.0;
    s.earthquake->doors = true;
    auto q = app::EarthquakeHazard::build(s, campus());
    ASSERT_TRUE(q.ok()) << q.error().str();
    const world::Door* door = campus().findDoor("A.3.classroom3.door");
    ASSERT_NE(door, nullptr);
    // Leaves are drawn (timber colour); note where they stand before the shaking.
    auto leaves = [&] {
        std::vector<glm::quat> out;
        for (const auto& b : (*q)->boxes())
            if (b.color == glm::vec3(0.55f, 0.38f, 0.22f)) out.push_back(b.orientation);
        return out;
    };
    const auto before = leaves();
    ASSERT_GE(before.size(), 20u);
    // From the corridor, 2 m out from the door, into the classroom 2 m in, while the ground shakes.
    const glm::vec3 n = door->normal;  // from the classroom (roomA) into the corridor
    auto c = app::TraineeCapsule::place(**q, s.trainee, door->centerM + 2.0f * n);
    ASSERT_TRUE(c.ok()) << c.error().str();
    const glm::vec3 to = door->centerM - 2.0f * n;
    double t = 0.0;
    app::TraineeCapsule::Progress p = app::TraineeCapsule::Progress::Moving;
    while (t < 20.0 && p == app::TraineeCapsule::Progress::Moving) {
        p = c->steerTo(to, 0.5f, false, false, 1.0f / 30.0f);
        t += 1.0 / 30.0;
        (*q)->advanceTo(t);
    }
    EXPECT_EQ(p, app::TraineeCapsule::Progress::Arrived) << "after " << t << " s";
    (*q)->advanceTo(8.0);
    const auto after = leaves();
    ASSERT_EQ(after.size(), before.size());
    int swung = 0;
    for (std::size_t i = 0; i < after.size(); ++i) swung += std::fabs(glm::dot(before[i], after[i])) < std::cos(0.5f * 0.05f);
    EXPECT_GT(swung, static_cast<int>(before.size()) / 2) << "of " << before.size() << " leaves, turned more than 0.05 rad";
}
