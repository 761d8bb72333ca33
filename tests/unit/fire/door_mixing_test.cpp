// Door mixing (CFAST spill plumes at wall openings): the switch in the case file and what the
// model reports about it.
#include <gtest/gtest.h>

#include <string>

#include "fire/fire_case.h"
#include "fire/fire_model.h"

using namespace cd::fire;

namespace {

const char* kRoom = "[[room]]\nid = \"r\"\nsize = [3.0, 3.0, 3.0]\n";

}  // namespace

TEST(DoorMixingSetting, IsOnByDefaultAndTheCaseFileCanTurnItOff) {
    auto on = parseFireCase(kRoom, "case.toml");
    ASSERT_TRUE(on) << on.error().str();
    EXPECT_TRUE(on->model.doorMixing);
    auto off = parseFireCase(std::string("[settings]\ndoor_mixing = false\n") + kRoom, "case.toml");
    ASSERT_TRUE(off) << off.error().str();
    EXPECT_FALSE(off->model.doorMixing);
}

TEST(DoorMixingSetting, RejectsANonBooleanWithFileLineAndField) {
    auto bad = parseFireCase(std::string("[settings]\ndoor_mixing = 1\n") + kRoom, "case.toml");
    ASSERT_FALSE(bad);
    EXPECT_EQ(bad.error().str(), "case.toml:2: settings.door_mixing: must be true or false, not an integer");
}

TEST(DoorMixingReport, IsZeroForUnknownOpeningsLeaksAndWhenSwitchedOff) {
    FireModelDef def;
    RoomDef a;
    a.id = "a";
    a.sizeM = {4, 4, 2.5};
    a.leakageAreaM2 = 0.01;
    RoomDef b = a;
    b.id = "b";
    b.originM = {4, 0, 0};
    b.sizeM = {8, 2, 3};
    def.rooms = {a, b};
    OpeningDef door;
    door.id = "door";
    door.roomA = "a";
    door.roomB = "b";
    door.widthM = 0.9;
    door.heightM = 2.0;
    def.openings = {door};
    FireDef f;
    f.room = "a";
    f.positionM = {2, 2, 0};
    f.alphaKwS2 = kAlphaFast;
    f.peakHrrKw = 300;
    def.fires = {f};
    def.doorMixing = false;
    auto off = FireModel::create(def);
    ASSERT_TRUE(off) << off.error().str();
    off->step(40.0);
    EXPECT_EQ(off->openingMixingKgS(0, true), 0.0);
    def.doorMixing = true;
    auto on = FireModel::create(def);
    ASSERT_TRUE(on) << on.error().str();
    on->step(40.0);
    EXPECT_GT(on->openingMixingKgS(0, true), 0.0);  // smoke spilling into b's lower layer
    EXPECT_EQ(on->openingMixingKgS(-1, true), 0.0);
    EXPECT_EQ(on->openingMixingKgS(1, true), 0.0);  // index 1 is not an opening (leaks are internal)
}
