// Routing on the walk graph: exact lengths on a hand-made district, then blocking and
// re-routing on the generated campus.
#include <gtest/gtest.h>

#include <cstdlib>

#include <glm/geometric.hpp>

#include "core/files.h"
#include "tiny_district.h"
#include "world/district.h"
#include "world/walk_graph.h"

namespace {

using namespace cd::world;

District tiny() {
    auto r = parseDistrict(cd::test::tinyDistrict().dump(2), "tiny.json");
    EXPECT_TRUE(r.ok()) << r.error().str();
    return r.ok() ? std::move(*r) : District{};
}

TEST(WalkGraphTiny, PathFromRoomCentreToAssemblyHasTheHandComputedLength) {
    const District d = tiny();
    WalkGraph g(d);
    // R1 centre (2,2) -> D1 (4.1,2): 2.1; D1 -> D2 (8.1,2) across R2: 4.0; D2 -> outside (10,2): 1.9;
    // outside -> assembly (20,2): 10. Total 18.0 m.
    const WalkPath p = g.pathToAssembly("R1");
    ASSERT_TRUE(p.found);
    EXPECT_NEAR(p.lengthM, 18.0f, 1e-4f);
    EXPECT_EQ(p.exitId, "E1");
    EXPECT_EQ(p.assemblyPointId, "AP");
    EXPECT_EQ(g.nodes()[p.nodes.front()].ref, "R1");
    EXPECT_EQ(g.nodes()[p.nodes.back()].ref, "AP");
}

TEST(WalkGraphTiny, PathFromAPointStartsThereAndGoesStraightToTheRoomsDoor) {
    const District d = tiny();
    WalkGraph g(d);
    const WalkPath p = g.pathToNearestExit(glm::vec3(1.0f, 2.0f, 0.0f));
    ASSERT_TRUE(p.found);
    EXPECT_EQ(p.pointsM.front(), glm::vec3(1.0f, 2.0f, 0.0f));
    // (1,2) -> D1: 3.1, D1 -> D2: 4.0, D2 -> outside: 1.9.
    EXPECT_NEAR(p.lengthM, 9.0f, 1e-4f);
    // Outdoors, a point walks straight to the assembly point.
    const WalkPath out = g.pathToAssembly(glm::vec3(20.0f, 12.0f, 0.0f));
    ASSERT_TRUE(out.found);
    EXPECT_NEAR(out.lengthM, 10.0f, 1e-4f);
}

TEST(WalkGraphTiny, BlockingTheOnlyDoorLeavesNoWayOutUntilCleared) {
    const District d = tiny();
    WalkGraph g(d);
    g.setDoorBlocked("D1", true);
    EXPECT_TRUE(g.isDoorBlocked("D1"));
    EXPECT_FALSE(g.pathToNearestExit("R1").found);
    EXPECT_TRUE(g.pathToNearestExit("R2").found);
    g.setRoomBlocked("R2", true);
    g.setDoorBlocked("D1", false);
    EXPECT_FALSE(g.pathToNearestExit("R1").found) << "R2 is impassable";
    g.clearBlocks();
    EXPECT_TRUE(g.pathToNearestExit("R1").found);
}

class CampusRouting : public ::testing::Test {
protected:
    void SetUp() override {
        const char* s = std::getenv("CITYDRILL_SOURCE_DIR");
        auto r = loadDistrict(cd::joinPath(s ? s : ".", "assets/districts/school_campus/school_campus.json"));
        ASSERT_TRUE(r.ok()) << r.error().str();
        district = std::move(*r);
    }
    /// A classroom on the top storey of the tallest building.
    const Room& topClassroom() const {
        const Building* tallest = &district.buildings[0];
        for (const Building& b : district.buildings)
            if (b.storeys > tallest->storeys) tallest = &b;
        for (const Room& r : district.rooms)
            if (r.building == tallest->id && r.storey == tallest->storeys - 1 && r.kind == RoomKind::Classroom) return r;
        return district.rooms[0];
    }
    District district;
};

TEST_F(CampusRouting, TopFloorClassroomGoesDownTheStairsToAGroundFloorExit) {
    WalkGraph g(district);
    const Room& room = topClassroom();
    ASSERT_GT(room.storey, 0);
    const WalkPath p = g.pathToNearestExit(room.id);
    ASSERT_TRUE(p.found);
    int stairEnds = 0;
    for (int n : p.nodes) stairEnds += g.nodes()[n].kind == WalkNodeKind::StairEnd;
    EXPECT_EQ(stairEnds, 2 * room.storey) << "two ends per flight, one flight per storey";
    const Exit* exit = district.findExit(p.exitId);
    ASSERT_NE(exit, nullptr);
    // Never shorter than the straight line from the room to the exit.
    EXPECT_GE(p.lengthM, glm::length(exit->positionM - glm::vec3(room.box.center().x, room.box.center().y, room.box.min.z)));
}

TEST_F(CampusRouting, BlockingTheChosenStairwellDoorReroutesThroughTheOtherStairwell) {
    WalkGraph g(district);
    const Room& room = topClassroom();
    const WalkPath first = g.pathToNearestExit(room.id);
    ASSERT_TRUE(first.found);
    // The stairwell-to-corridor door the first route takes on the classroom's storey.
    std::string stairDoor;
    for (int n : first.nodes) {
        const WalkNode& node = g.nodes()[n];
        if (node.kind != WalkNodeKind::Door) continue;
        const Door* d = district.findDoor(node.ref);
        const Room* a = district.findRoom(d->roomA);
        if (a->kind == RoomKind::Stairwell && a->storey == room.storey) stairDoor = d->id;
    }
    ASSERT_FALSE(stairDoor.empty());
    g.setDoorBlocked(stairDoor, true);
    const WalkPath second = g.pathToNearestExit(room.id);
    ASSERT_TRUE(second.found);
    for (int n : second.nodes) EXPECT_NE(g.nodes()[n].ref, stairDoor);
    EXPECT_GT(second.lengthM, first.lengthM);
}

TEST_F(CampusRouting, SmokeInTheCorridorMakesTheRouteCostlierButStillFindsOne) {
    WalkGraph g(district);
    const Room& room = topClassroom();
    const WalkPath clear = g.pathToNearestExit(room.id);
    const std::string corridor = room.building + "." + std::to_string(room.storey) + ".corridor";
    g.setRoomCostFactor(corridor, 5.0f);
    const WalkPath smoky = g.pathToNearestExit(room.id);
    ASSERT_TRUE(smoky.found);
    EXPECT_GT(smoky.costM, clear.costM);
    EXPECT_GE(smoky.lengthM, clear.lengthM - 1e-3f);
}

TEST_F(CampusRouting, BlockingAMainExitSendsTheHallToAnotherExit) {
    WalkGraph g(district);
    for (const Exit& e : district.exits) {
        const Door* d = district.findDoor(e.door);
        const WalkPath before = g.pathToNearestExit(d->roomA);
        ASSERT_TRUE(before.found);
        EXPECT_EQ(before.exitId, e.id) << "a room with an exit door leaves by it";
        g.setDoorBlocked(e.door, true);
        const WalkPath after = g.pathToNearestExit(d->roomA);
        ASSERT_TRUE(after.found) << "every building has more than one exit";
        EXPECT_NE(after.exitId, e.id);
        g.clearBlocks();
    }
}

}  // namespace
