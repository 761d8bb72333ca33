// Debris and door leaves as the crowd's obstacles, on small buildings made in code: a heap in a
// corridor that leaves a gap is walked round through the gap and never crossed, debris too low
// is stepped over, a heap's chunks become few polygons, and a leaf hanging half-closed in a
// door slows the flow through it.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>

#include <glm/glm.hpp>
#include <glm/gtc/quaternion.hpp>

#include "crowd/crowd_sim.h"
#include "crowd_debris.h"
#include "crowd_obstacle_geometry.h"

using namespace cd;

namespace {

world::Room room(const std::string& id, glm::vec3 lo, glm::vec3 hi) {
    world::Room r;
    r.id = id;
    r.box.min = lo;
    r.box.max = hi;
    return r;
}

crowd::Area area(const std::string& id, double x0, double y0, double x1, double y1) {
    crowd::Area a;
    a.id = id;
    a.polygon = {{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}};
    return a;
}

// A chunk of given size lying with its centre at c, turned yawDeg about Z and rolled rollDeg about its own x.
render::BoxInstance chunk(glm::vec3 c, glm::vec3 half, float yawDeg = 0.0f, float rollDeg = 0.0f) {
    const glm::quat q = glm::angleAxis(glm::radians(yawDeg), glm::vec3(0, 0, 1)) * glm::angleAxis(glm::radians(rollDeg), glm::vec3(1, 0, 0));
    return {c, half, q, glm::vec3(0.5f)};
}

// A door leaf (0.04 m thick, 2 m high) hinged at hingeM, its closed direction along +y, swung
// openRad towards -x (into the room west of the door).
render::BoxInstance leaf(glm::vec3 hingeM, float widthM, float openRad) {
    const glm::vec3 dir(-std::sin(openRad), std::cos(openRad), 0.0f);
    const glm::quat q = glm::angleAxis(std::atan2(dir.y, dir.x), glm::vec3(0, 0, 1));
    return {hingeM + dir * (0.5f * widthM) + glm::vec3(0, 0, 1.0f), glm::vec3(0.5f * widthM, 0.02f, 1.0f), q, glm::vec3(0.5f)};
}

// A corridor 20 m by 3 m, its exit the whole east end; people start in its west 5 m.
struct Corridor {
    world::Room r = room("corridor", {0, 0, 0}, {20, 3, 3});
    crowd::Building b;
    std::vector<const world::Room*> areaRoom{&r};
    Corridor() {
        b.sourceFile = "corridor";
        b.areas.push_back(area("corridor", 0, 0, 20, 3));
        crowd::Door exit;
        exit.id = "east";
        exit.fromArea = 0;
        exit.segment = {{20, 0.05}, {20, 2.95}};
        b.doors.push_back(exit);
    }
};

std::unique_ptr<crowd::CrowdSim> simWithPeople(crowd::Building b, int people, double x0, double x1, double y0, double y1) {
    crowd::CrowdSettings s;
    s.seed = 7;
    auto sim = crowd::CrowdSim::create(std::move(b), s);
    EXPECT_TRUE(sim.ok()) << sim.error().str();
    if (!sim.ok()) return nullptr;
    (*sim)->addGroup({});
    int placed = 0;
    for (double y = y0 + 0.3; y <= y1 - 0.3 && placed < people; y += 0.55)
        for (double x = x0 + 0.3; x <= x1 - 0.3 && placed < people; x += 0.55) {
            crowd::Agent a;
            a.group = 0;
            a.pos = {x, y};
            a.desiredSpeedMps = 1.2;
            EXPECT_TRUE((*sim)->addAgent(a).ok());
            ++placed;
        }
    EXPECT_EQ(placed, people);
    return std::move(*sim);
}

bool inAny(crowd::Vec2 p, const std::vector<crowd::Polygon>& polys) {
    for (const auto& poly : polys)
        if (crowd::pointInPolygon(p, poly)) return true;
    return false;
}

}  // namespace

TEST(CrowdDebris, DebrisBelowTheStepOverHeightIsNoObstacleAndAboveItIsTheSliceAboveThatHeight) {
    Corridor c;
    app::DebrisObstacleCount n;
    // A slab piece lying flat, 0.2 m thick: stepped over.
    auto low = app::obstaclesOfDebris({chunk({5, 1.5f, 0.1f}, {0.75f, 0.75f, 0.1f})}, c.b, c.areaRoom, n);
    EXPECT_TRUE(low.empty());
    EXPECT_EQ(n.pieces, 0);
    // A wall piece standing 1.2 m high: its whole footprint, 1.5 m long, its 0.2 m thickness
    // grown to 0.26 m (so that the floor field's 0.25 m cells cannot miss it).
    auto high = app::obstaclesOfDebris({chunk({5, 1.5f, 0.6f}, {0.75f, 0.1f, 0.6f})}, c.b, c.areaRoom, n);
    ASSERT_EQ(high.size(), 1u);
    EXPECT_NEAR(std::fabs(crowd::signedArea(high[0].polygon)), 1.5 * 0.26, 1e-3);
    // A slab leaning on the floor at 30 degrees, 1.5 m long: only the part above 0.3 m is in the way.
    const float h = 0.75f * std::sin(glm::radians(30.0f));
    auto leaning = app::obstaclesOfDebris({chunk({5, 1.5f, h}, {0.75f, 0.75f, 0.02f}, 0.0f, 30.0f)}, c.b, c.areaRoom, n);
    ASSERT_EQ(leaning.size(), 1u);
    double y0 = 1e9, y1 = -1e9;
    for (auto p : leaning[0].polygon) y0 = std::min(y0, p.y), y1 = std::max(y1, p.y);
    // Its top face rises (y - y_low) tan 30 from 0.02 / cos 30 above the floor at the low edge,
    // y_low = 1.5 - 0.75 cos 30 (the mid-plane's low edge is on the floor).
    const double yLow = 1.5 - 0.75 * std::cos(glm::radians(30.0));
    EXPECT_NEAR(y0, yLow + (0.3 - 0.02 / std::cos(glm::radians(30.0))) / std::tan(glm::radians(30.0)), 0.01);
    EXPECT_NEAR(y1, 1.5 + 0.75 * std::cos(glm::radians(30.0)), 0.03);
    // Hanging above the crouched height (1.4 m): ducked under.
    EXPECT_TRUE(app::obstaclesOfDebris({chunk({5, 1.5f, 2.5f}, {0.75f, 0.1f, 0.3f})}, c.b, c.areaRoom, n).empty());
}

TEST(CrowdDebris, AHeapOfOverlappingChunksIsOnePolygonAndASlotNarrowerThanABodyIsClosed) {
    Corridor c;
    app::DebrisObstacleCount n;
    // Five wall and slab chunks piled over each other, across the south 2 m of the corridor.
    const std::vector<render::BoxInstance> heap = {
        chunk({10.0f, 0.8f, 0.5f}, {0.75f, 0.12f, 0.5f}, 10.0f),  chunk({10.3f, 1.2f, 0.4f}, {0.7f, 0.12f, 0.4f}, -20.0f),
        chunk({9.8f, 0.5f, 0.7f}, {0.6f, 0.4f, 0.1f}, 5.0f, 15.0f), chunk({10.6f, 0.9f, 0.35f}, {0.4f, 0.5f, 0.35f}),
        chunk({10.1f, 1.5f, 0.45f}, {0.6f, 0.15f, 0.45f}, 35.0f)};
    auto obstacles = app::obstaclesOfDebris(heap, c.b, c.areaRoom, n);
    EXPECT_EQ(n.pieces, 5);
    EXPECT_LE(n.obstacles, 2) << "a heap is one or two polygons, not one per chunk";
    EXPECT_EQ(n.obstacles, static_cast<int>(obstacles.size()));
    // Two wall pieces 0.25 m apart, side by side along the corridor: nobody fits between, so the slot is closed.
    auto pair = app::obstaclesOfDebris({chunk({14, 0.8f, 0.5f}, {0.75f, 0.1f, 0.5f}), chunk({14, 1.15f, 0.5f}, {0.75f, 0.1f, 0.5f})},
                                       c.b, c.areaRoom, n);
    std::vector<crowd::Polygon> polys;
    for (const auto& o : pair) polys.push_back(o.polygon);
    EXPECT_TRUE(inAny({14.0, 0.975}, polys)) << "the middle of the slot is covered";
    // Two pieces 1 m apart stay apart: people pass between them.
    auto apart = app::obstaclesOfDebris({chunk({14, 0.4f, 0.5f}, {0.75f, 0.1f, 0.5f}), chunk({14, 1.6f, 0.5f}, {0.75f, 0.1f, 0.5f})},
                                        c.b, c.areaRoom, n);
    polys.clear();
    for (const auto& o : apart) polys.push_back(o.polygon);
    EXPECT_EQ(apart.size(), 2u);
    EXPECT_FALSE(inAny({14.0, 1.0}, polys));
}

// The heap above fills the corridor's south 2 m: the 1 m left on the north side is the way out.
TEST(CrowdDebris, PeopleWalkThroughTheGapBesideAHeapAndNobodyCrossesTheHeap) {
    Corridor c;
    const std::vector<render::BoxInstance> heap = {
        chunk({10.0f, 0.5f, 0.5f}, {0.75f, 0.5f, 0.5f}, 10.0f), chunk({10.3f, 1.3f, 0.4f}, {0.7f, 0.12f, 0.4f}, -10.0f),
        chunk({10.8f, 0.9f, 0.6f}, {0.3f, 0.6f, 0.1f}, 0.0f, 40.0f), chunk({9.4f, 1.0f, 0.45f}, {0.4f, 0.6f, 0.45f}, 20.0f)};
    // And a flat slab piece 0.15 m high across the gap further on: stepped over, not walked round.
    const render::BoxInstance low = chunk({15.0f, 1.5f, 0.075f}, {0.6f, 1.4f, 0.075f});
    std::vector<render::BoxInstance> all = heap;
    all.push_back(low);
    app::DebrisObstacleCount n;
    c.b.obstacles = app::obstaclesOfDebris(all, c.b, c.areaRoom, n);
    EXPECT_EQ(n.pieces, 4) << "the low slab is no piece";
    // The heap as it really is (the part above the step-over height, chunk by chunk), and its north edge.
    std::vector<crowd::Polygon> real;
    double heapNorth = 0.0;
    for (const auto& h : heap) {
        real.push_back(app::boxSliceFootprint(h, app::kDebrisStepOverM, app::kDebrisHeadroomM));
        for (auto p : real.back()) heapNorth = std::max(heapNorth, p.y);
    }
    ASSERT_LT(heapNorth, 2.3) << "the heap leaves a gap of at least 0.7 m";
    const crowd::Polygon lowFoot = app::boxFootprint(low, 0.0);
    auto sim = simWithPeople(c.b, 30, 0.0, 5.0, 0.0, 3.0);
    ASSERT_TRUE(sim);
    int crossings = 0, overLow = 0, throughGap = 0;
    std::vector<char> passed(30, 0);
    while (sim->timeS() < 120.0 && sim->evacuatedCount() < 30) {
        sim->step();
        for (int i = 0; i < 30; ++i) {
            const crowd::Agent& a = sim->agents()[static_cast<size_t>(i)];
            if (a.state == crowd::AgentState::Out) continue;
            crossings += inAny(a.pos, real);
            overLow += crowd::pointInPolygon(a.pos, lowFoot);
            if (!passed[static_cast<size_t>(i)] && a.pos.x > 10.0 && a.pos.x < 10.5) {
                passed[static_cast<size_t>(i)] = 1;
                throughGap += a.pos.y > heapNorth;
            }
        }
    }
    std::printf("heap: %d pieces -> %d obstacles; all out at %.1f s\n", n.pieces, n.obstacles, sim->timeS());
    EXPECT_EQ(sim->evacuatedCount(), 30) << "everybody gets past the heap";
    EXPECT_EQ(crossings, 0) << "person-steps with a centre inside the heap";
    EXPECT_EQ(throughGap, 30) << "all went by on the north side of the heap";
    EXPECT_GT(overLow, 0) << "the low slab is walked over";
}

// Two rooms 6 m square joined by a 1 m door at x = 6; 24 people in the west room leave by the
// east room's exit. A leaf hinged at the door's south jamb swings into the west room.
struct TwoRooms {
    world::Room west = room("west", {0, 0, 0}, {6, 6, 3});
    world::Room east = room("east", {6, 0, 0}, {12, 6, 3});
    crowd::Building b;
    std::vector<const world::Room*> areaRoom{&west, &east};
    TwoRooms() {
        b.sourceFile = "two rooms";
        b.areas.push_back(area("west", 0, 0, 6, 6));
        b.areas.push_back(area("east", 6, 0, 12, 6));
        crowd::Door d;
        d.id = "door";
        d.fromArea = 0;
        d.toArea = 1;
        d.segment = {{6, 2.1}, {6, 3.9}};  // a 1.8 m double-width door
        b.doors.push_back(d);
        crowd::Door exit;
        exit.id = "exit";
        exit.fromArea = 1;
        exit.segment = {{12, 1}, {12, 5}};
        b.doors.push_back(exit);
    }
};

// Seconds until all 24 are through the door, and person-steps with a centre inside the leaf.
double throughTheDoorS(double openRad, int& inLeaf, int& obstacles) {
    TwoRooms r;
    const render::BoxInstance l = leaf({6.0f, 2.13f, 0.0f}, 1.74f, static_cast<float>(openRad));
    if (openRad >= 0.0) r.b.obstacles = app::obstaclesOfDoorLeaves({l}, r.b, r.areaRoom);
    obstacles = static_cast<int>(r.b.obstacles.size());
    const crowd::Polygon foot = app::boxFootprint(l, 0.0);
    auto sim = simWithPeople(r.b, 24, 0.5, 4.0, 0.5, 5.5);
    if (!sim) return -1.0;
    inLeaf = 0;
    double lastS = -1.0;
    while (sim->timeS() < 200.0 && lastS < 0.0) {
        sim->step();
        int east = 0;
        for (const auto& a : sim->agents()) {
            east += a.state == crowd::AgentState::Out || a.area == 1;
            inLeaf += a.state != crowd::AgentState::Out && crowd::pointInPolygon(a.pos, foot);
        }
        if (east == 24) lastS = sim->timeS();
    }


    return lastS;
}

TEST(CrowdDebris, ALeafHangingHalfClosedInADoorSlowsTheFlowAndNobodyWalksThroughIt) {
    int inOpen = 0, inHalf = 0, nOpen = 0, nHalf = 0;
    int inNone = 0, nNone = 0;
    const double none = throughTheDoorS(-1.0, inNone, nNone);
    const double open = throughTheDoorS(1.5, inOpen, nOpen);  // as the school's leaves stand in a lesson
    // Half-closed, 43 degrees open: 1.21 m between the leaf and the far jamb of the 1.8 m door,
    // 1.08 m past the leaf as the crowd sees it (grown to 0.26 m thick), more than a doorway's
    // 0.815 m clear width, so nobody pushes it further: the door is narrowed.
    const double half = throughTheDoorS(0.75, inHalf, nHalf);
    std::printf("24 through a 1.8 m door: no leaf %.1f s, leaf open %.1f s, leaf at 43 degrees %.1f s\n", none, open, half);
    EXPECT_EQ(nNone, 0);
    EXPECT_GE(nOpen, 1);
    EXPECT_GE(nHalf, 1);
    EXPECT_LT(open, 1.2 * none) << "a leaf swung open against the jamb hardly matters";
    ASSERT_GT(open, 0.0);
    ASSERT_GT(half, 0.0) << "a half-closed leaf narrows the door, it does not shut it";
    EXPECT_EQ(inOpen, 0);
    EXPECT_EQ(inHalf, 0) << "person-steps with a centre inside the leaf";
    EXPECT_GT(half, 1.3 * open) << "flow through the narrowed door drops";
}

TEST(CrowdDebris, ALeafLiesInTheRoomItSwungIntoAndOneThatAlmostShutsItsDoorIsPushedOpen) {
    TwoRooms r;
    // Swung the other way, 1.2 rad (and 1.5 rad) into the east room: it lies there only. Its
    // grown footprint crosses the door's line at the hinge; that sliver in the west room stood
    // in the doorway's end, where the floor field took the corner behind it for the way to the
    // door and people stayed in it (the school's stair doors under the building sway, 3 Dec).
    for (const float rad : {-1.2f, -1.5f}) {
        auto east = app::obstaclesOfDoorLeaves({leaf({6.0f, 2.13f, 0.0f}, 1.74f, rad)}, r.b, r.areaRoom);
        ASSERT_GE(east.size(), 1u);
        double inEast = 0.0, inWest = 0.0;
        for (const auto& o : east) (o.area == 1 ? inEast : inWest) += std::fabs(crowd::signedArea(o.polygon));
        EXPECT_GT(inEast, 0.3) << rad << " rad";
        EXPECT_EQ(inWest, 0.0) << rad << " rad";
    }
    // 0.3 rad from closed: 0.39 m left between it and the far jamb as the crowd sees it, less
    // than the 0.815 m clear width a doorway must give: the first to come pushes it open, so it
    // is no obstacle. So is a single 1 m door's leaf half open (0.75 rad: 0.52 m left).
    EXPECT_TRUE(app::obstaclesOfDoorLeaves({leaf({6.0f, 2.13f, 0.0f}, 1.74f, 0.3f)}, r.b, r.areaRoom).empty());
    EXPECT_TRUE(app::obstaclesOfDoorLeaves({leaf({6.0f, 2.13f, 0.0f}, 1.74f, -0.3f)}, r.b, r.areaRoom).empty());
    {
        TwoRooms single;
        single.b.doors[0].segment = {{6, 2.5}, {6, 3.5}};
        EXPECT_TRUE(app::obstaclesOfDoorLeaves({leaf({6.0f, 2.53f, 0.0f}, 0.94f, 0.75f)}, single.b, single.areaRoom).empty());
    }
    // A leaf on the storey above (its bottom 3.2 m up) is not in these rooms.
    EXPECT_TRUE(app::obstaclesOfDoorLeaves({leaf({6.0f, 2.13f, 3.2f}, 1.74f, 1.0f)}, r.b, r.areaRoom).empty());
}
