// The crowd and an earthquake's furniture: the classes of the shipped school earthquake start
// clear of the desks, and once the shaking has stopped they walk around the desks where these
// now stand (and around toppled bookcases) on their way out.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include <glm/glm.hpp>
#include <glm/gtc/quaternion.hpp>

#include "crowd_population.h"
#include "earthquake_hazard.h"
#include "fire_hazard.h"
#include "scenario/scenario_loader.h"

using namespace cd;

namespace {

// A person's centre may come this close to a desk's real footprint (the model's wall clearance
// is 5 cm; the obstacle is grown by 10 cm), never closer.
constexpr float kToleranceM = 0.02f;

bool isDesk(const render::BoxInstance& b) {
    return glm::all(glm::lessThan(glm::abs(b.halfExtents - glm::vec3(0.3f, 0.6f, 0.375f)), glm::vec3(1e-4f)));
}
bool isBookcase(const render::BoxInstance& b) {
    return glm::all(glm::lessThan(glm::abs(b.halfExtents - glm::vec3(0.45f, 0.125f, 1.0f)), glm::vec3(1e-4f)));
}

// Whether feetM (on the piece's storey) lies in the piece's footprint shrunk by kToleranceM: the
// horizontal slice of the box through its centre, in the box's own frame (so a toppled bookcase
// counts lying down).
bool inPiece(const glm::vec3& feetM, const render::BoxInstance& box) {
    const float z = feetM.z - box.center.z;
    if (z > 0.0f || z < -1.2f) return false;  // another storey
    const glm::vec3 local = glm::inverse(box.orientation) * (glm::vec3(feetM.x, feetM.y, box.center.z) - box.center);
    return glm::all(glm::lessThan(glm::abs(local), box.halfExtents - glm::vec3(kToleranceM)));
}

// Pieces debris lies against are not counted: people shove or climb them (crowd_population_quake.cpp).
int peopleInFurniture(const app::CrowdPopulation& pop, const std::vector<render::BoxInstance>& boxes) {
    int n = 0;
    const std::vector<int>& shoved = pop.shovedFurniture();
    for (const app::CrowdPersonView& v : pop.people()) {
        if (v.out) continue;
        for (std::size_t i = 0; i < boxes.size(); ++i) {
            if (std::find(shoved.begin(), shoved.end(), static_cast<int>(i)) != shoved.end()) continue;
            n += (isDesk(boxes[i]) || isBookcase(boxes[i])) && inPiece(v.feetM, boxes[i]);
        }
    }
    return n;
}

}  // namespace

// The shipped scenario at its own tick (30 Hz), with the trainee standing where it starts (the
// middle of A.4.classroom3, in an aisle) the whole time: the shaking (5-25 s) moves the desks and
// topples bookcases; at the alarm (28 s) the crowd takes the furniture where it came to rest.
TEST(CrowdFurniture, TheClassesStartClearOfTheDesksWalkAroundThemAfterTheShakingAndAllGetOut) {
    auto sc = scenario::loadScenario("scenes/earthquake_school.toml");
    ASSERT_TRUE(sc.ok());
    auto d = world::loadDistrict(sc.def.districtPath);
    ASSERT_TRUE(d.ok()) << d.error().str();
    auto quake = app::EarthquakeHazard::build(sc.def, *d);
    ASSERT_TRUE(quake.ok()) << quake.error().str();
    auto fire = app::FireHazard::build(sc.def, *d);
    ASSERT_TRUE(fire.ok()) << fire.error().str();
    const double tickS = 1.0 / sc.def.tickHz;
    auto p = app::CrowdPopulation::build(sc.def, *d, tickS, sc.def.seed);
    ASSERT_TRUE(p.ok()) << p.error().str();
    app::CrowdPopulation& pop = **p;
    app::EarthquakeHazard& q = **quake;
    const world::Room* room = d->findRoom(sc.def.trainee.startRoom);
    ASSERT_NE(room, nullptr);
    const glm::vec3 trainee(room->box.center().x, room->box.center().y, room->box.min.z);
    EXPECT_GT(pop.furniturePieces(), 0);
    EXPECT_EQ(pop.furniturePieces() % 13, 0) << "12 desks and a bookcase in each classroom of block A";
    EXPECT_GE(pop.furnitureObstacles(), pop.furniturePieces() * 3 / 4) << "few pieces stand by a door";
    const int before = pop.furnitureObstacles();
    EXPECT_EQ(peopleInFurniture(pop, q.boxes()), 0) << "nobody starts inside a desk or bookcase";

    std::vector<app::HazardEvent> events;
    const double alarmS = 28.0;
    long long tick = 0;
    for (; tick * tickS < alarmS - 1e-9; ++tick) {
        const double t = tick * tickS;
        q.advanceTo(t + tickS);
        for (const auto& e : q.drainEvents()) {
            if (e.kind == "passage.blocked") {
                ASSERT_TRUE(pop.setDoorBlocked(e.subject, true).ok());
            }
        }
        pop.tick(t, **fire, trainee, room, events);
    }
    const app::EarthquakeFigures qf = q.figures();
    EXPECT_GT(qf.furnitureMoved, 0) << "the shaking moves furniture";
    EXPECT_GT(qf.furnitureToppled, 0) << "some bookcases lie on the floor";
    ASSERT_TRUE(pop.settleFurniture(q).ok());
    const std::vector<render::BoxInstance> settled = q.boxes();
    EXPECT_EQ(peopleInFurniture(pop, settled), 0) << "whoever a piece slid onto stepped off it";

    pop.startEvacuation(alarmS);
    int inside = 0, worst = 0;
    for (; tick * tickS < alarmS + 240.0 && pop.figures().out < pop.figures().people; ++tick) {
        const double t = tick * tickS;
        q.advanceTo(t + tickS);  // at rest: nothing moves after the shaking
        // As the session steps it: whoever is shut in among the furniture pushes it aside.
        ASSERT_TRUE(pop.followEarthquake(t + tickS, q).ok());
        pop.tick(t, **fire, trainee, room, events);
        const int n = peopleInFurniture(pop, settled);
        inside += n;
        worst = std::max(worst, n);
    }
    const app::CrowdFigures f = pop.figures();
    std::printf("furniture: %d pieces, obstacles %d before and %d after the shaking; %d moved, %d toppled, %d with debris against them; last out %.1f s after the alarm\n",
                pop.furniturePieces(), before, pop.furnitureObstacles(), qf.furnitureMoved, qf.furnitureToppled,
                static_cast<int>(pop.shovedFurniture().size()), f.lastOutS - alarmS);
    EXPECT_EQ(inside, 0) << "person-ticks with a centre inside a desk or bookcase (at most " << worst << " at once)";
    EXPECT_EQ(f.people, 73);
    EXPECT_EQ(f.out, 73);
    // Pre-movement 10-30 s, then one or two storeys of stairs, the top floor round the debris:
    // about 155 s (157 s in the shipped session with furniture, 154.5 s without).
    EXPECT_LT(f.lastOutS - alarmS, 200.0);
}
