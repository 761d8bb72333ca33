// Fan filters (CFAST 7 MVENT FILTER_EFFICIENCY / FILTER_TIME): the case-file keys, their errors,
// and what a filter does to the soot a fan moves.
#include <gtest/gtest.h>

#include <string>

#include "fire/fire_case.h"
#include "fire/fire_model.h"

using namespace cd::fire;

namespace {

std::string errorOf(const std::string& text) {
    auto c = parseFireCase(text, "case.toml");
    return c ? std::string("no error") : c.error().str();
}

// Line 5 is [[fan]]; its keys follow from line 6.
const char* kRoomAndFan = R"([[room]]
id = "lab"
size = [5.0, 5.0, 3.0]

[[fan]]
from = "lab"
from_height = 2.5
flow_m3_s = 0.5
)";

// A room whose upper layer fills with smoke from a 60 s fire, with one fan from the top of the
// room to outside (an exhaust) carrying a filter of the given efficiency.
FireModelDef smokyRoomWithExhaust(double efficiency, double filterAtS) {
    FireModelDef def;
    RoomDef r;
    r.id = "lab";
    r.sizeM = {5, 5, 3};
    r.leakageAreaM2 = 0.01;
    def.rooms.push_back(r);
    FireDef f;
    f.id = "bin";
    f.room = "lab";
    f.positionM = {2.5, 2.5, 0};
    f.hrrTable = {{0, 100}, {60, 100}, {61, 0}};
    f.sootYield = 0.05;
    def.fires.push_back(f);
    FanDef fan;
    fan.id = "exhaust";
    fan.from = "lab";
    fan.fromHeightM = 2.9;
    fan.flowM3S = 0.2;
    fan.filterEfficiency = efficiency;
    fan.filterAtS = filterAtS;
    def.fans.push_back(fan);
    return def;
}

}  // namespace

TEST(FanFilterCase, EfficiencyIsReadInPercentLikeCfastAndTimeInSeconds) {
    auto c = parseFireCase(std::string(kRoomAndFan) + "filter_efficiency = 40\nfilter_at = 90.0\n", "case.toml");
    ASSERT_TRUE(c) << c.error().str();
    ASSERT_EQ(c->model.fans.size(), 1u);
    EXPECT_DOUBLE_EQ(c->model.fans[0].filterEfficiency, 0.4);
    EXPECT_DOUBLE_EQ(c->model.fans[0].filterAtS, 90.0);
}

TEST(FanFilterCase, AFanWithoutFilterKeysHasNoFilterFromTimeZero) {
    auto c = parseFireCase(kRoomAndFan, "case.toml");
    ASSERT_TRUE(c) << c.error().str();
    EXPECT_EQ(c->model.fans[0].filterEfficiency, 0.0);
    EXPECT_EQ(c->model.fans[0].filterAtS, 0.0);
}

TEST(FanFilterCase, OutOfRangeEfficiencyAndNegativeTimeNameFileLineAndField) {
    EXPECT_EQ(errorOf(std::string(kRoomAndFan) + "filter_efficiency = 120\n"),
              "case.toml:9: fan.filter_efficiency: must be a percentage from 0 to 100");
    EXPECT_EQ(errorOf(std::string(kRoomAndFan) + "filter_efficiency = -1\n"),
              "case.toml:9: fan.filter_efficiency: must be a percentage from 0 to 100");
    EXPECT_EQ(errorOf(std::string(kRoomAndFan) + "filter_efficiency = \"high\"\n"),
              "case.toml:9: fan.filter_efficiency: must be a number, not a string");
    EXPECT_EQ(errorOf(std::string(kRoomAndFan) + "filter_at = -5.0\n"), "case.toml:9: fan.filter_at: must be >= 0");
}

TEST(FanFilterCase, ARecirculatingFanIsAllowedButNotOneFromOutsideToOutside) {
    EXPECT_EQ(errorOf(std::string(kRoomAndFan) + "to = \"lab\"\nto_height = 2.5\nfilter_efficiency = 100\n"),
              "no error");
    EXPECT_EQ(errorOf("[[room]]\nid = \"lab\"\nsize = [5.0, 5.0, 3.0]\n\n[[fan]]\nflow_m3_s = 1.0\n"),
              "case.toml:5: fan.to: a fan moves gas between two different places (set from or to to a room)");
}

TEST(FanFilterDef, ValidateRejectsAFractionAboveOneAndANegativeStart) {
    FireModelDef def = smokyRoomWithExhaust(1.2, 0);
    def.sourceFile = "lab.toml";
    def.fans[0].line = 7;
    auto s = validate(def);
    ASSERT_FALSE(s);
    EXPECT_EQ(s.error().str(), "lab.toml:7: fan.filter_efficiency: must be a fraction between 0 and 1");
    def.fans[0].filterEfficiency = 0.5;
    def.fans[0].filterAtS = -1;
    s = validate(def);
    ASSERT_FALSE(s);
    EXPECT_EQ(s.error().str(), "lab.toml:7: fan.filter_at: must be >= 0");
}

TEST(FanFilterModel, AFullFilterOnAnExhaustKeepsAllTheSootItDrawsAndReleasesNone) {
    auto m = FireModel::create(smokyRoomWithExhaust(1.0, 0));
    ASSERT_TRUE(m) << m.error().str();
    m->step(120.0);
    ConservationTotals t = m->conservation();
    EXPECT_GT(m->fanFilteredKg(0), 1e-4);
    EXPECT_DOUBLE_EQ(m->fanFilteredKg(0), t.filteredKg);
    // Only the leaks let soot out (the fan releases none): far less than the filter kept.
    EXPECT_LT(t.sootOutKg, 0.2 * t.filteredKg);
}

TEST(FanFilterModel, NoFilterActsBeforeItsStartTime) {
    auto late = FireModel::create(smokyRoomWithExhaust(1.0, 100.0));
    auto none = FireModel::create(smokyRoomWithExhaust(0.0, 0.0));
    ASSERT_TRUE(late && none);
    late->step(99.0);
    none->step(99.0);
    EXPECT_EQ(late->fanFilteredKg(0), 0.0);
    EXPECT_DOUBLE_EQ(late->conservation().gasSootKg, none->conservation().gasSootKg);
    late->step(21.0);
    none->step(21.0);
    EXPECT_GT(late->fanFilteredKg(0), 0.0);
    EXPECT_LT(late->conservation().sootOutKg, none->conservation().sootOutKg);
}

TEST(FanFilterModel, AHalfFilterKeepsHalfTheSootAFullOneWouldAtTheSameFlow) {
    // The filter takes soot out of the flow, not gas out of the room: the room's soot is drawn
    // the same way by both fans, so over a short run the kept soot scales with the efficiency.
    auto half = FireModel::create(smokyRoomWithExhaust(0.5, 0));
    auto full = FireModel::create(smokyRoomWithExhaust(1.0, 0));
    ASSERT_TRUE(half && full);
    half->step(60.0);
    full->step(60.0);
    EXPECT_NEAR(half->fanFilteredKg(0) / full->fanFilteredKg(0), 0.5, 0.01);
    EXPECT_NEAR(half->conservation().gasSootKg, full->conservation().gasSootKg,
                1e-3 * full->conservation().gasSootKg);
}

TEST(FanFilterModel, TheFilterRampsUpOverOneSecondFromItsStartAsInCfast) {
    // CFAST 7 (input_namelist.f90): filter_final_time = filter_time + 1 s, linear in between, so
    // the first second keeps half of what the next one does while the soot flow barely changes.
    auto m = FireModel::create(smokyRoomWithExhaust(1.0, 100.0));
    ASSERT_TRUE(m);
    m->step(100.0);
    EXPECT_EQ(m->fanFilteredKg(0), 0.0);
    m->step(1.0);
    double first = m->fanFilteredKg(0);
    m->step(1.0);
    double second = m->fanFilteredKg(0) - first;
    EXPECT_GT(first, 0.0);
    EXPECT_NEAR(first / second, 0.5, 0.01);
}
