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
