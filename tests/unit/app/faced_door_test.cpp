// The door the E key works on is the one the trainee faces: at the foot of block A's west stair
// the exit (south) and the corridor door (east) are about as far away.
#include <gtest/gtest.h>

#include "campus_district.h"
#include "faced_door.h"

using namespace cd;
using testdata::campus;

namespace {
const glm::vec3 kFoot(105.6f, 168.9f, 10.2f);  // 0.86 m from the exit, 0.89 m from the corridor door
}

TEST(FacedDoor, TheDoorAheadIsWorkedNotTheNearest) {
    const world::Door* south = app::facedDoor(campus(), kFoot, -90.0f);
    const world::Door* east = app::facedDoor(campus(), kFoot, 0.0f);
    ASSERT_NE(south, nullptr);
    ASSERT_NE(east, nullptr);
    EXPECT_EQ(south->id, "A.stairW.exit");
    EXPECT_EQ(east->id, "A.0.stairW.corridor");
}

TEST(FacedDoor, NoneBehindOrOutOfReachOrOnAnotherFloor) {
    EXPECT_EQ(app::facedDoor(campus(), kFoot, 135.0f), nullptr) << "both doors behind, 0.86 m away";
    EXPECT_EQ(app::facedDoor(campus(), kFoot + glm::vec3(-2.0f, 2.5f, 0.0f), -90.0f), nullptr) << "out of reach";
    EXPECT_EQ(app::facedDoor(campus(), kFoot + glm::vec3(0.0f, 0.0f, 3.2f), -90.0f), nullptr) << "the floor above";
}

TEST(FacedDoor, StandingInTheDoorwayItCountsWhicheverWayTheyFace) {
    const world::Door* d = app::facedDoor(campus(), glm::vec3(105.21f, 168.2f, 10.2f), 90.0f);
    ASSERT_NE(d, nullptr);
    EXPECT_EQ(d->id, "A.stairW.exit");
}

// Classroom A.0.classroom2's north windows, sills at 11.1 m, centres at x 124.385 and 128.385 on
// the facade line y 177.625; its floor is at 10.2 m.
TEST(FacedWindow, TheWindowAheadWithinReachOnThisFloor) {
    const glm::vec3 feet(128.0f, 176.6f, 10.2f);  // 1.1 m in from the east window
    const world::Window* ahead = app::facedWindow(campus(), feet, 90.0f);
    ASSERT_NE(ahead, nullptr);
    EXPECT_EQ(ahead->id, "A.0.classroom2.window2");
    EXPECT_EQ(app::facedWindow(campus(), feet, -90.0f), nullptr) << "facing into the room";
    EXPECT_EQ(app::facedWindow(campus(), feet - glm::vec3(0.0f, 1.5f, 0.0f), 90.0f), nullptr) << "2.6 m from the wall";
    // One floor up (floor at 13.7 m) the same spot faces that floor's window, not this one.
    const world::Window* above = app::facedWindow(campus(), feet + glm::vec3(0.0f, 0.0f, 3.5f), 90.0f);
    ASSERT_NE(above, nullptr);
    EXPECT_EQ(above->room.rfind("A.1.", 0), 0u) << above->id;
    EXPECT_FLOAT_EQ(above->centerM.z, 14.6f);
}
