// Outdoor routing on the walk graph's visibility graph: routes go round buildings, never
// through them, and are straight where the way is clear. Hand-worked lengths on a two-box
// district, then every route from the campus's north blocks to the playground.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>

#include <glm/geometric.hpp>
#include <nlohmann/json.hpp>

#include "core/files.h"
#include "world/district.h"
#include "world/footprint.h"
#include "world/walk_graph.h"

namespace {

using namespace cd::world;

// North block N (x 0..10, y 20..30) with one exit door on its south wall at (5, 20); its
// outside point is (5, 18). A long obstacle S (x -10..30, y 5..12) lies between it and the
// assembly point AP at (5, 0). The short way round S is by its west end.
District twoBoxes() {
    using J = nlohmann::ordered_json;
    J j;
    j["format"] = "citydrill-district";
    j["version"] = 1;
    j["name"] = "two-boxes";
    j["model"] = "two_boxes.gltf";
    j["terrain"] = {{"nx", 2}, {"ny", 2}, {"cellM", 50.0}, {"originM", {-50, -50}}, {"heightsM", {0, 0, 0, 0}}};
    j["buildings"] = J::array({
        {{"id", "N"}, {"name", "North"}, {"box", {{"min", {0, 20, 0}}, {"max", {10, 30, 3.5}}}}, {"storeys", 1}, {"storeyHeightM", 3.5}},
        {{"id", "S"}, {"name", "South"}, {"box", {{"min", {-10, 5, 0}}, {"max", {30, 12, 3.5}}}}, {"storeys", 1}, {"storeyHeightM", 3.5}},
    });
    j["rooms"] = J::array({
        {{"id", "N.hall"}, {"building", "N"}, {"storey", 0}, {"kind", "hall"}, {"box", {{"min", {0.2, 20.2, 0}}, {"max", {9.8, 29.8, 3}}}}},
        {{"id", "S.hall"}, {"building", "S"}, {"storey", 0}, {"kind", "hall"}, {"box", {{"min", {-9.8, 5.2, 0}}, {"max", {29.8, 11.8, 3}}}}},
    });
    j["doors"] = J::array({
        {{"id", "N.exit"}, {"roomA", "N.hall"}, {"roomB", "outside"}, {"centerM", {5, 20.1, 0}}, {"normal", {0, -1, 0}}, {"widthM", 1.2}, {"heightM", 2.1}, {"isExit", true}},
        {{"id", "S.exit"}, {"roomA", "S.hall"}, {"roomB", "outside"}, {"centerM", {29.9, 8, 0}}, {"normal", {1, 0, 0}}, {"widthM", 1.2}, {"heightM", 2.1}, {"isExit", true}},
    });
    j["stairs"] = J::array();
    j["exits"] = J::array({
        {{"id", "E.N"}, {"door", "N.exit"}, {"positionM", {5, 18, 0}}},
        {{"id", "E.S"}, {"door", "S.exit"}, {"positionM", {32, 8, 0}}},
    });
    j["assemblyPoints"] = J::array({{{"id", "AP"}, {"positionM", {5, 0, 0}}, {"radiusM", 3}}});
    j["lowArea"] = {{"polygonM", {{-20, -5}, {40, -5}, {40, 2}, {-20, 2}}}};
    auto r = parseDistrict(j.dump(2), "two_boxes.json");
    EXPECT_TRUE(r.ok()) << r.error().str();
    return r.ok() ? std::move(*r) : District{};
}

float len2(float dx, float dy) { return std::sqrt(dx * dx + dy * dy); }

/// Every leg of the polyline, from index `from` on, keeps off every footprint shrunk by only
/// 1 cm (a free start point may graze a corner exactly; the graph itself allows 5 cm).
void expectClearOfBuildings(const District& d, const std::vector<glm::vec3>& pts, std::size_t from = 0) {
    for (std::size_t i = from; i + 1 < pts.size(); ++i)
        for (const Building& b : d.buildings)
            EXPECT_FALSE(segmentCrossesFootprint(b.box, {pts[i].x, pts[i].y}, {pts[i + 1].x, pts[i + 1].y}, 0.01f))
                << "leg " << i << " (" << pts[i].x << ", " << pts[i].y << ") -> (" << pts[i + 1].x << ", " << pts[i + 1].y
                << ") crosses building " << b.id;
}

TEST(Footprint, ASegmentThroughABoxCrossesItAndOneAlongItsWallDoesNot) {
    Aabb box{{0, 0, 0}, {10, 5, 3}};
    EXPECT_TRUE(segmentCrossesFootprint(box, {-1, 2}, {11, 2}));
    EXPECT_TRUE(segmentCrossesFootprint(box, {5, 2}, {5, 2.5f}));  // wholly inside
    EXPECT_FALSE(segmentCrossesFootprint(box, {-1, 5}, {11, 5}));  // along the north wall
    EXPECT_FALSE(segmentCrossesFootprint(box, {-1, 6}, {11, 6}));
    EXPECT_FALSE(segmentCrossesFootprint(box, {-1, 1}, {1, -1}));  // grazes the south-west corner
    EXPECT_FALSE(segmentCrossesFootprint(box, {-5, -5}, {-1, 10}));
}

TEST(OutdoorRouting, EveryBuildingCornerGetsAWaypointAClearanceOutside) {
    const District d = twoBoxes();
    WalkGraph g(d);
    int corners = 0;
    for (const WalkNode& n : g.nodes()) {
        if (n.kind != WalkNodeKind::Corner) continue;
        ++corners;
        const Building* b = d.findBuilding(n.ref);
        ASSERT_NE(b, nullptr);
        EXPECT_NEAR(std::abs(n.positionM.x - b->box.center().x), b->box.size().x / 2 + kOutdoorClearanceM, 1e-4f);
        EXPECT_NEAR(std::abs(n.positionM.y - b->box.center().y), b->box.size().y / 2 + kOutdoorClearanceM, 1e-4f);
    }
    EXPECT_EQ(corners, 8);
    EXPECT_EQ(g.outdoorNodes().size(), 8u + 2u + 1u) << "corners, exits, assembly point";
}

TEST(OutdoorRouting, AnExitBehindAnotherBuildingGoesRoundItsNearEndWithTheHandWorkedLength) {
    const District d = twoBoxes();
    WalkGraph g(d);
    const WalkPath p = g.shortestPath(g.exitNode("E.N"), {g.assemblyNode("AP")});
    ASSERT_TRUE(p.found);
    expectClearOfBuildings(d, p.pointsM);
    // Round S's west end by its corner waypoints (-11, 13) and (-11, 4):
    // (5,18)->(-11,13) sqrt(16^2+5^2), down the west side 9, (-11,4)->(5,0) sqrt(16^2+4^2): 42.255 m.
    const float expected = len2(16, 5) + 9.0f + len2(16, 4);
    EXPECT_NEAR(p.lengthM, expected, 1e-3f);
    // The shortest path round the bare box (corners (-10,12), (-10,5)): 38.966 m. The 1 m
    // clearance may cost no more than 15 %.
    const float lowerBound = len2(15, 6) + 7.0f + len2(15, 5);
    EXPECT_GE(p.lengthM, lowerBound);
    EXPECT_LE(p.lengthM, 1.15f * lowerBound);
    // The straight line, which the old graph walked, goes through S.
    EXPECT_FALSE(segmentClearOfBuildings(d, d.findExit("E.N")->positionM, d.findAssemblyPoint("AP")->positionM));
}

TEST(OutdoorRouting, FromARoomTheRouteLeavesByTheExitThenGoesRoundTheObstacle) {
    const District d = twoBoxes();
    WalkGraph g(d);
    const WalkPath p = g.pathToAssembly("N.hall");
    ASSERT_TRUE(p.found);
    EXPECT_EQ(p.exitId, "E.N");
    EXPECT_EQ(p.assemblyPointId, "AP");
    std::size_t exitAt = 0;
    for (std::size_t i = 0; i < p.nodes.size(); ++i)
        if (g.nodes()[p.nodes[i]].kind == WalkNodeKind::ExitOutside) exitAt = i + 1;  // +1: pointsM starts with the start point
    ASSERT_GT(exitAt, 0u);
    expectClearOfBuildings(d, p.pointsM, exitAt);
    // Hall centre (5,25) -> door (5,20.1) -> outside (5,18), then round S as above.
    EXPECT_NEAR(p.lengthM, 4.9f + 2.1f + len2(16, 5) + 9.0f + len2(16, 4), 1e-3f);
}

TEST(OutdoorRouting, WithAClearLineOfSightTheRouteIsTheStraightLine) {
    const District d = twoBoxes();
    WalkGraph g(d);
    // South of S the assembly point is in plain sight.
    const glm::vec3 from(25.0f, 1.0f, 0.0f);
    const WalkPath p = g.pathToAssembly(from);
    ASSERT_TRUE(p.found);
    ASSERT_EQ(p.pointsM.size(), 2u);
    EXPECT_EQ(p.pointsM.front(), from);
    EXPECT_NEAR(p.lengthM, glm::length(d.findAssemblyPoint("AP")->positionM - from), 1e-4f);
    // Node to node: any two outdoor nodes in sight of each other are one straight edge apart.
    int pairsInSight = 0;
    for (int a : g.outdoorNodes()) {
        for (int b : g.outdoorNodes()) {
            const glm::vec3 &pa = g.nodes()[a].positionM, &pb = g.nodes()[b].positionM;
            if (a >= b || !segmentClearOfBuildings(d, pa, pb)) continue;
            ++pairsInSight;
            const WalkPath q = g.shortestPath(a, {b});
            ASSERT_TRUE(q.found);
            EXPECT_EQ(q.nodes.size(), 2u);
            EXPECT_NEAR(q.lengthM, glm::length(pb - pa), 1e-3f);
        }
    }
    EXPECT_GT(pairsInSight, 20);
    // S's exit on its east wall does not see the assembly point: it rounds S's south-east
    // corner waypoint (31, 4): sqrt(1^2+4^2) + sqrt(26^2+4^2) = 30.429 m.
    const WalkPath round = g.shortestPath(g.exitNode("E.S"), {g.assemblyNode("AP")});
    ASSERT_TRUE(round.found);
    EXPECT_EQ(round.nodes.size(), 3u);
    EXPECT_NEAR(round.lengthM, len2(1, 4) + len2(26, 4), 1e-3f);
}

TEST(OutdoorRouting, AFreePointBehindABuildingStartsFromAWaypointItCanSee) {
    const District d = twoBoxes();
    WalkGraph g(d);
    // Between N and S: the assembly point is hidden behind S.
    const glm::vec3 from(5.0f, 15.0f, 0.0f);
    const WalkPath p = g.pathToAssembly(from);
    ASSERT_TRUE(p.found);
    expectClearOfBuildings(d, p.pointsM);
    EXPECT_NEAR(p.lengthM, len2(16, 2) + 9.0f + len2(16, 4), 1e-3f);
    // The nearest exit is in sight: straight there.
    const WalkPath e = g.pathToNearestExit(from);
    ASSERT_TRUE(e.found);
    EXPECT_EQ(e.exitId, "E.N");
    EXPECT_NEAR(e.lengthM, 3.0f, 1e-4f);
    // Every outdoor point on a grid starts towards a node it can see.
    for (float x = -20.0f; x <= 40.0f; x += 2.5f) {
        for (float y = -5.0f; y <= 35.0f; y += 2.5f) {
            const glm::vec3 pt(x, y, 0.0f);
            bool inside = false;
            for (const Building& b : d.buildings) inside = inside || insideFootprint(b.box, {x, y}, -0.5f);
            if (inside) continue;
            const int n = g.nearestOutdoorNode(pt);
            ASSERT_GE(n, 0);
            EXPECT_TRUE(segmentClearOfBuildings(d, pt, g.nodes()[n].positionM)) << x << ", " << y;
            const WalkPath r = g.pathToAssembly(pt);
            ASSERT_TRUE(r.found) << x << ", " << y;
            expectClearOfBuildings(d, r.pointsM);
        }
    }
}

TEST(OutdoorRouting, BlockingTheExitDoorStillBlocksTheRouteOut) {
    const District d = twoBoxes();
    WalkGraph g(d);
    g.setDoorBlocked("N.exit", true);
    EXPECT_FALSE(g.pathToAssembly("N.hall").found);
    g.clearBlocks();
    EXPECT_TRUE(g.pathToAssembly("N.hall").found);
}

class CampusOutdoor : public ::testing::Test {
protected:
    void SetUp() override {
        const char* s = std::getenv("CITYDRILL_SOURCE_DIR");
        auto r = loadDistrict(cd::joinPath(s ? s : ".", "assets/districts/school_campus/school_campus.json"));
        ASSERT_TRUE(r.ok()) << r.error().str();
        district = std::move(*r);
    }
    District district;
};

TEST_F(CampusOutdoor, EveryRouteFromTheNorthBlocksToThePlaygroundKeepsOffEveryBuilding) {
    WalkGraph g(district);
    const AssemblyPoint* playground = district.findAssemblyPoint("assembly.playground");
    ASSERT_NE(playground, nullptr);
    int straightThroughABuilding = 0;
    for (const Exit& e : district.exits) {
        const Building* b = district.findBuilding(district.findRoom(district.findDoor(e.door)->roomA)->building);
        if (b->id != "C" && b->id != "D") continue;
        const WalkPath p = g.shortestPath(g.exitNode(e.id), {g.assemblyNode(playground->id)});
        ASSERT_TRUE(p.found) << e.id;
        expectClearOfBuildings(district, p.pointsM);
        const float straight = glm::length(playground->positionM - e.positionM);
        EXPECT_GE(p.lengthM, straight - 1e-3f) << e.id;
        EXPECT_LE(p.lengthM, 1.3f * straight) << e.id << ": a detour round a block, not a tour of the campus";
        straightThroughABuilding += !segmentClearOfBuildings(district, e.positionM, playground->positionM);
    }
    EXPECT_GT(straightThroughABuilding, 0) << "the case this guards: a straight line from a north block crosses a south block";
}

TEST_F(CampusOutdoor, ARouteFromANorthClassroomToThePlaygroundKeepsOffOtherBuildingsOnceOut) {
    WalkGraph g(district);
    for (const Room& room : district.rooms) {
        if (room.building != "D" || room.kind != RoomKind::Classroom) continue;
        const WalkPath p = g.pathToAssembly(room.id, "assembly.playground");
        ASSERT_TRUE(p.found) << room.id;
        std::size_t exitAt = 0;
        for (std::size_t i = 0; i < p.nodes.size() && exitAt == 0; ++i)
            if (g.nodes()[p.nodes[i]].kind == WalkNodeKind::ExitOutside) exitAt = i + 1;
        ASSERT_GT(exitAt, 0u) << room.id;
        expectClearOfBuildings(district, p.pointsM, exitAt);
    }
}

}  // namespace
