#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "scenario/scenario_loader.h"

using namespace cd::scenario;

namespace {

const char* kGood = R"(
[scenario]
id = "drill"
title = "Drill"
district = "../assets/districts/x.json"
duration_s = 120
assembly_point = "field"
instructions = ["Leave the building."]

[trainee]
role = "student"
start_room = "A.0.room1"

[[fire]]
id = "f1"
room = "A.0.room2"
at_s = 5
growth = "fast"
peak_hrr_kw = 2000

[[event]]
kind = "alarm"
on = "fire.detected"
delay_s = 3
text = "Fire alarm"

[rubric]
id = "r"
[[rubric.criterion]]
id = "out"
kind = "reach_assembly"
description = "Reach the assembly point"
points = 50
target_s = 90
limit_s = 120
[[rubric.criterion]]
id = "smoke_rooms"
kind = "avoid_rooms"
description = "Stay out of the burning rooms"
points = 10
rooms = ["a", "b"]
)";

std::string join(const std::vector<cd::Error>& errors) {
    std::string s;
    for (const auto& e : errors) s += e.str() + "\n";
    return s;
}

}  // namespace

TEST(ScenarioLoader, AWellFormedScenarioLoadsWithEveryField) {
    auto r = parseScenario(kGood, "scenes/drill.toml");
    ASSERT_TRUE(r.ok()) << join(r.errors);
    EXPECT_EQ(r.def.id, "drill");
    EXPECT_EQ(r.def.districtPath, "assets/districts/x.json");
    EXPECT_DOUBLE_EQ(r.def.durationS, 120.0);
    ASSERT_EQ(r.def.fires.size(), 1u);
    EXPECT_DOUBLE_EQ(r.def.fires[0].alphaKwS2, 0.0469);
    EXPECT_EQ(r.def.fires[0].source.line, 14);
    ASSERT_EQ(r.def.timeline.size(), 1u);
    EXPECT_EQ(r.def.timeline[0].on, "fire.detected");
    ASSERT_EQ(r.def.rubric.criteria.size(), 2u);
    EXPECT_DOUBLE_EQ(r.def.rubric.criteria[0].numbers.at("target_s"), 90.0);
    EXPECT_EQ(r.def.rubric.criteria[1].strings.at("rooms").size(), 2u);
}

TEST(ScenarioLoader, ASyntaxErrorNamesTheLine) {
    auto r = parseScenario("[scenario]\nid = \"x\"\ntitle = \n", "bad.toml");
    ASSERT_EQ(r.errors.size(), 1u);
    EXPECT_EQ(r.errors[0].file, "bad.toml");
    EXPECT_EQ(r.errors[0].line, 3);
}

TEST(ScenarioLoader, AMisspeltKeyIsAnErrorNotASilentDefault) {
    std::string text = kGood;
    text.replace(text.find("peak_hrr_kw"), 11, "peak_hrr_kW");
    auto r = parseScenario(text, "s.toml");
    ASSERT_FALSE(r.ok());
    std::string all = join(r.errors);
    EXPECT_NE(all.find("s.toml:19: fire[0].peak_hrr_kW: unknown key"), std::string::npos) << all;
    EXPECT_NE(all.find("fire[0].peak_hrr_kw: missing"), std::string::npos) << all;
}

TEST(ScenarioLoader, ANegativeHeatReleaseRateNamesFileLineAndField) {
    std::string text = kGood;
    text.replace(text.find("peak_hrr_kw = 2000"), 18, "peak_hrr_kw = -5");
    auto r = parseScenario(text, "s.toml");
    ASSERT_EQ(r.errors.size(), 1u) << join(r.errors);
    EXPECT_EQ(r.errors[0].str().rfind("s.toml:19: fire[0].peak_hrr_kw: value -5 is outside", 0), 0u) << r.errors[0].str();
}

TEST(ScenarioLoader, WrongTypesAndUnknownGrowthClassesAreReported) {
    std::string text = kGood;
    text.replace(text.find("growth = \"fast\""), 15, "growth = \"quick\"");
    text.replace(text.find("duration_s = 120"), 16, "duration_s = \"long\"");
    auto r = parseScenario(text, "s.toml");
    std::string all = join(r.errors);
    EXPECT_NE(all.find("s.toml:6: scenario.duration_s: expected a number"), std::string::npos) << all;
    EXPECT_NE(all.find("fire[0].growth: expected \"slow\""), std::string::npos) << all;
}

TEST(ScenarioLoader, AFuelItemIsReadWithItsIgnitionPropertiesAndTheFireItBecomes) {
    std::string text = kGood;
    text += R"(
[[item]]
id = "curtains"
name = "the curtains"
name_zh = "窗帘"
room = "A.0.room2"
position = [1.0, 2.0, 1.5]
size = [0.06, 1.6, 1.8]
critical_flux_kw_m2 = 10
flux_time_product_kj_m2 = 113
growth = "ultrafast"
peak_hrr_kw = 250
fuel_mass_kg = 3
class = "A"
)";
    auto r = parseScenario(text, "s.toml");
    ASSERT_TRUE(r.ok()) << join(r.errors);
    ASSERT_EQ(r.def.items.size(), 1u);
    const FuelItemDef& it = r.def.items[0];
    EXPECT_EQ(it.fire.id, "curtains");
    EXPECT_EQ(it.fire.room, "A.0.room2");
    EXPECT_EQ(it.name, "the curtains");
    EXPECT_EQ(it.nameZh, "窗帘");
    ASSERT_TRUE(it.fire.position.has_value());
    EXPECT_DOUBLE_EQ(it.fire.position->z, 1.5);
    ASSERT_TRUE(it.size.has_value());
    EXPECT_DOUBLE_EQ(it.size->y, 1.6);
    EXPECT_DOUBLE_EQ(it.criticalFluxKwM2, 10.0);
    EXPECT_DOUBLE_EQ(it.fluxTimeProductKjM2, 113.0);
    EXPECT_DOUBLE_EQ(it.fluxTimeExponent, 1.0);  // thin: the default
    EXPECT_DOUBLE_EQ(it.fire.alphaKwS2, 0.1876);
    EXPECT_DOUBLE_EQ(it.fire.peakHrrKw, 250.0);
    EXPECT_DOUBLE_EQ(it.fire.fuelMassKg, 3.0);
    EXPECT_EQ(it.fire.source.field, "item[0]");
    EXPECT_FALSE(it.igniteAtS.has_value()) << "lit by the heat only";
    // Lit by the scenario: ignite_at_s (not at_s, which an item does not take), not negative.
    text.replace(text.find("class = \"A\""), 11, "class = \"A\"\nignite_at_s = 30");
    r = parseScenario(text, "s.toml");
    ASSERT_TRUE(r.ok()) << join(r.errors);
    ASSERT_TRUE(r.def.items[0].igniteAtS.has_value());
    EXPECT_DOUBLE_EQ(*r.def.items[0].igniteAtS, 30.0);
    text.replace(text.find("ignite_at_s = 30"), 16, "ignite_at_s = -5");
    r = parseScenario(text, "s.toml");
    ASSERT_FALSE(r.ok());
    EXPECT_NE(join(r.errors).find("item[0].ignite_at_s: value -5 is outside"), std::string::npos) << join(r.errors);
}

TEST(ScenarioLoader, ABadFuelItemNamesFileLineAndField) {
    std::string text = kGood;
    const int first = static_cast<int>(std::count(text.begin(), text.end(), '\n')) + 2;  // the [[item]] line
    text += R"(
[[item]]
id = "f1"
room = "A.0.room2"
at_s = 10
critical_flux_kw_m2 = -1
flux_time_exponent = 2.5
size = [0.0, 1.0, 1.0]
growth = "fast"
peak_hrr_kw = 100
)";
    auto r = parseScenario(text, "s.toml");
    ASSERT_FALSE(r.ok());
    const std::string all = join(r.errors);
    // Its id is taken by the fire: one namespace for both.
    EXPECT_NE(all.find("item[0].id: duplicate item id 'f1' (fires and items share their ids)"), std::string::npos) << all;
    // No default place for an item, and no ignition time: it catches from the heat.
    EXPECT_NE(all.find("s.toml:" + std::to_string(first) + ": item[0].position: missing"), std::string::npos) << all;
    EXPECT_NE(all.find("s.toml:" + std::to_string(first + 3) + ": item[0].at_s: unknown key"), std::string::npos) << all;
    EXPECT_NE(all.find("item[0].critical_flux_kw_m2: value -1 is outside"), std::string::npos) << all;
    EXPECT_NE(all.find("item[0].size: each extent must be between 0.01 and 50 m"), std::string::npos) << all;
    EXPECT_NE(all.find("item[0].flux_time_exponent: value 2.5 is outside"), std::string::npos) << all;
}

TEST(ScenarioLoader, AThickFuelItemTakesItsFluxTimeExponent) {
    std::string text = kGood;
    text += R"(
[[item]]
id = "desk"
room = "A.0.room2"
position = [1.0, 2.0, 0.75]
critical_flux_kw_m2 = 11
flux_time_product_kj_m2 = 12142
flux_time_exponent = 1.82
growth = "medium"
peak_hrr_kw = 400
)";
    auto r = parseScenario(text, "s.toml");
    ASSERT_TRUE(r.ok()) << join(r.errors);
    ASSERT_EQ(r.def.items.size(), 1u);
    EXPECT_DOUBLE_EQ(r.def.items[0].fluxTimeExponent, 1.82);
    EXPECT_DOUBLE_EQ(r.def.items[0].fluxTimeProductKjM2, 12142.0);
}

TEST(ScenarioLoader, WindowEventsNameTheirWindow) {
    std::string text = kGood;
    text += R"(
[[event]]
kind = "open_window"
at_s = 60
target = "A.0.room2.window1"

[[event]]
kind = "close_window"
at_s = 90
)";
    auto r = parseScenario(text, "s.toml");
    ASSERT_FALSE(r.ok());
    const std::string all = join(r.errors);
    EXPECT_NE(all.find("event[2].target: a window event needs the window id"), std::string::npos) << all;
    EXPECT_EQ(all.find("event[1]"), std::string::npos) << all;
    text.resize(text.rfind("\n[[event]]"));
    auto good = parseScenario(text, "s.toml");
    ASSERT_TRUE(good.ok()) << join(good.errors);
    ASSERT_EQ(good.def.timeline.size(), 2u);
    EXPECT_EQ(good.def.timeline[1].kind, "open_window");
    EXPECT_EQ(good.def.timeline[1].target, "A.0.room2.window1");
}

TEST(ScenarioLoader, TheTraineesExtinguisherIsOneOfTheAgents) {
    std::string text = kGood;
    text.replace(text.find("start_room = \"A.0.room1\""), 24, "start_room = \"A.0.room1\"\nextinguisher = \"co2\"");
    auto r = parseScenario(text, "s.toml");
    ASSERT_TRUE(r.errors.empty()) << join(r.errors);
    EXPECT_EQ(r.def.trainee.extinguisher, "co2");
    text.replace(text.find("extinguisher = \"co2\""), 20, "extinguisher = \"sand\"");
    r = parseScenario(text, "s.toml");
    ASSERT_EQ(r.errors.size(), 1u) << join(r.errors);
    EXPECT_EQ(r.errors[0].str(),
              "s.toml:13: trainee.extinguisher: expected one of water, foam, co2, powder, wet_chemical, hose");
}

// A responder's kit: turnout gear and a breathing apparatus whose figures are checked, each
// error naming its line and field.
TEST(ScenarioLoader, TheRespondersBreathingApparatusAndTurnoutGear) {
    std::string text = kGood;
    const std::string at = "start_room = \"A.0.room1\"";
    text.replace(text.find(at), at.size(),
                 at + "\nturnout_gear = true\n[trainee.breathing_apparatus]\ncylinder_l = 9.0\npressure_bar = 200\n"
                      "consumption_l_min = 60\n");
    auto r = parseScenario(text, "s.toml");
    ASSERT_TRUE(r.errors.empty()) << join(r.errors);
    EXPECT_TRUE(r.def.trainee.turnoutGear);
    ASSERT_TRUE(r.def.trainee.breathingApparatus.has_value());
    EXPECT_EQ(r.def.trainee.breathingApparatus->cylinderL, 9.0);
    EXPECT_EQ(r.def.trainee.breathingApparatus->pressureBar, 200.0);
    EXPECT_EQ(r.def.trainee.breathingApparatus->consumptionLMin, 60.0);
    EXPECT_EQ(r.def.trainee.breathingApparatus->whistleBar, 55.0);  // EN 137
    // Without a fixed consumption the wearer's body sets the rate: its mass, load and fitness.
    text.replace(text.find("consumption_l_min = 60\n"), 23, "mass_kg = 15.5\n");
    text.replace(text.find("turnout_gear = true"), 19, "turnout_gear = true\nbody_mass_kg = 82\nload_kg = 9\nvo2max_ml_kg_min = 48");
    r = parseScenario(text, "s.toml");
    ASSERT_TRUE(r.errors.empty()) << join(r.errors);
    EXPECT_FALSE(r.def.trainee.breathingApparatus->consumptionLMin.has_value());
    EXPECT_EQ(r.def.trainee.breathingApparatus->massKg, 15.5);
    EXPECT_EQ(r.def.trainee.bodyMassKg, 82.0);
    EXPECT_EQ(r.def.trainee.loadKg, 9.0);
    EXPECT_EQ(r.def.trainee.vo2MaxMlKgMin, 48.0);
    std::string bad = text;
    bad.replace(bad.find("body_mass_kg = 82"), 17, "body_mass_kg = 0");
    bad.replace(bad.find("mass_kg = 15.5"), 14, "mass_kg = -1");
    r = parseScenario(bad, "s.toml");
    ASSERT_EQ(r.errors.size(), 2u) << join(r.errors);
    EXPECT_NE(join(r.errors).find("trainee.body_mass_kg"), std::string::npos) << join(r.errors);
    EXPECT_NE(join(r.errors).find("trainee.breathing_apparatus.mass_kg"), std::string::npos) << join(r.errors);
    text.replace(text.find("mass_kg = 15.5\n"), 15, "consumption_l_min = 60\n");
    text.replace(text.find("pressure_bar = 200"), 18, "pressure_bar = 900");
    text.replace(text.find("consumption_l_min = 60"), 22, "consumpton_l_min = 60");
    r = parseScenario(text, "s.toml");
    ASSERT_EQ(r.errors.size(), 2u) << join(r.errors);
    const std::string all = join(r.errors);
    EXPECT_NE(all.find("s.toml:19: trainee.breathing_apparatus.pressure_bar"), std::string::npos) << all;
    EXPECT_NE(all.find("trainee.breathing_apparatus.consumpton_l_min"), std::string::npos) << all;
    // The default whistle (55 bar) above a half-empty cylinder's 50 bar.
    text.replace(text.find("pressure_bar = 900"), 18, "pressure_bar = 50");
    text.replace(text.find("consumpton_l_min = 60"), 21, "consumption_l_min = 60");
    r = parseScenario(text, "s.toml");
    ASSERT_EQ(r.errors.size(), 1u) << join(r.errors);
    EXPECT_NE(r.errors[0].str().find("trainee.breathing_apparatus.whistle_bar: must be below pressure_bar (55 bar is not below 50)"),
              std::string::npos)
        << r.errors[0].str();
}

TEST(ScenarioLoader, ARubricParameterTheKindDoesNotTakeNamesItsCriterionLine) {
    std::string text = kGood;
    text.replace(text.find("limit_s = 120"), 13, "limit_s = 120\nrooms = [\"x\"]");
    auto r = parseScenario(text, "s.toml");
    ASSERT_EQ(r.errors.size(), 1u) << join(r.errors);
    EXPECT_EQ(r.errors[0].line, 36);  // the line of the offending key
    EXPECT_EQ(r.errors[0].field.rfind("rubric.criterion[0].rooms", 0), 0u) << r.errors[0].str();
}

TEST(ScenarioLoader, MissingSectionsAndFileAreReportedNotCrashed) {
    auto r = parseScenario("", "empty.toml");
    std::string all = join(r.errors);
    EXPECT_NE(all.find("empty.toml:1: scenario: missing"), std::string::npos) << all;
    EXPECT_NE(all.find("rubric: missing"), std::string::npos) << all;
    auto m = loadScenario("/nonexistent/s.toml");
    ASSERT_EQ(m.errors.size(), 1u);
    EXPECT_NE(m.errors[0].str().find("/nonexistent/s.toml"), std::string::npos);
}

TEST(ScenarioLoader, AMissingFileItNamesIsAnErrorAtItsLineAndKey) {
    const std::string dir = ::testing::TempDir() + "/missing_file_case";
    std::filesystem::create_directories(dir);
    const std::string text = kGood;  // names ../assets/districts/x.json, which is not there
    const int line = 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<long>(text.find("district =")), '\n'));
    {
        std::ofstream out(dir + "/s.toml");
        out << text;
    }
    auto r = loadScenario(dir + "/s.toml");
    const std::string all = join(r.errors);
    EXPECT_NE(all.find("s.toml:" + std::to_string(line) + ": scenario.district: no such file: "), std::string::npos) << all;
    EXPECT_NE(all.find("assets/districts/x.json"), std::string::npos) << all;
    // Parsing alone does not look at the disk (the checks above run where the file is loaded).
    EXPECT_TRUE(parseScenario(text, "s.toml").ok());
}

TEST(ScenarioLoader, EveryShippedScenarioIsValid) {
    for (const char* path : {"scenes/school_fire_drill.toml"}) {
        auto r = loadScenario(path);
        EXPECT_TRUE(r.ok()) << join(r.errors);
    }
}

TEST(GrowthClasses, MatchTheNfpaAlphaValues) {
    double a = 0;
    ASSERT_TRUE(growthAlpha("slow", a));
    EXPECT_DOUBLE_EQ(a, 0.00293);
    ASSERT_TRUE(growthAlpha("ultrafast", a));
    EXPECT_DOUBLE_EQ(a, 0.1876);
    EXPECT_FALSE(growthAlpha("rapid", a));
}

#include "scenario/scenario_rules.h"

TEST(ScenarioRules, TimedAndTriggeredEventsFireOnceInOrder) {
    auto r = parseScenario(kGood, "s.toml");
    ASSERT_TRUE(r.ok());
    ScenarioRules rules(r.def);
    EXPECT_TRUE(rules.due(4.9).empty());
    auto at5 = rules.due(5.0);
    ASSERT_EQ(at5.size(), 1u);
    EXPECT_EQ(at5[0].kind, CommandKind::Ignite);
    EXPECT_EQ(at5[0].target, "f1");
    EXPECT_TRUE(rules.due(100.0).empty());  // the alarm waits for detection
    rules.observe("fire.detected", 40.0);
    EXPECT_TRUE(rules.due(42.9).empty());
    auto alarm = rules.due(43.0);
    ASSERT_EQ(alarm.size(), 1u);
    EXPECT_EQ(alarm[0].kind, CommandKind::Alarm);
    EXPECT_EQ(alarm[0].text, "Fire alarm");
    rules.observe("fire.detected", 50.0);
    EXPECT_TRUE(rules.due(60.0).empty());
}

namespace {

int lineOf(const std::string& text, const std::string& needle) {
    return 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<long>(text.find(needle)), '\n'));
}

}  // namespace

TEST(ScenarioLoader, CrowdGroupsLoadWithTheirTeacherSpeedsAndKnownExits) {
    std::string text = std::string(kGood) + R"(
[[crowd]]
id = "class1"
room = "A.0.room1"
count = 24
speed = "weidmann-child"
premovement_s = [10, 30]
take_cover_s = [1, 4]
leader = "teacher"
known_exits = ["exit.west"]

[[crowd]]
id = "visitors"
room = "A.0.room2"
count = 3
speed_mps = [1.0, 1.2]
)";
    auto r = parseScenario(text, "s.toml");
    ASSERT_TRUE(r.ok()) << join(r.errors);
    ASSERT_EQ(r.def.crowd.size(), 2u);
    const CrowdGroupDef& c = r.def.crowd[0];
    EXPECT_EQ(c.id, "class1");
    EXPECT_EQ(c.room, "A.0.room1");
    EXPECT_EQ(c.count, 24);
    EXPECT_EQ(c.speedProfile, "weidmann-child");
    EXPECT_FALSE(c.hasSpeedRange);
    EXPECT_DOUBLE_EQ(c.premovementMinS, 10.0);
    EXPECT_DOUBLE_EQ(c.premovementMaxS, 30.0);
    EXPECT_TRUE(c.hasTakeCover);
    EXPECT_DOUBLE_EQ(c.takeCoverMinS, 1.0);
    EXPECT_DOUBLE_EQ(c.takeCoverMaxS, 4.0);
    EXPECT_FALSE(r.def.crowd[1].hasTakeCover) << "without take_cover_s they stand through the shaking";
    EXPECT_EQ(c.leader, "teacher");
    ASSERT_EQ(c.knownExits.size(), 1u);
    EXPECT_EQ(c.source.line, lineOf(text, "[[crowd]]"));
    EXPECT_EQ(c.source.field, "crowd[0]");
    EXPECT_TRUE(r.def.crowd[1].hasSpeedRange);
    EXPECT_DOUBLE_EQ(r.def.crowd[1].speedMaxMps, 1.2);
    EXPECT_TRUE(r.def.crowd[1].leader.empty());
}

TEST(ScenarioLoader, ABadCrowdGroupNamesFileLineAndField) {
    std::string text = std::string(kGood) + R"(
[[crowd]]
id = "class1"
room = "A.0.room1"
count = 0
leader = "headmaster"
premovement_s = [30, 10]
take_cover_s = [2, 90]
)";
    auto r = parseScenario(text, "s.toml");
    ASSERT_FALSE(r.ok());
    std::string all = join(r.errors);
    EXPECT_NE(all.find("s.toml:" + std::to_string(lineOf(text, "count = 0")) + ": crowd[0].count:"), std::string::npos) << all;
    EXPECT_NE(all.find("s.toml:" + std::to_string(lineOf(text, "leader =")) + ": crowd[0].leader: expected \"teacher\""), std::string::npos) << all;
    EXPECT_NE(all.find("s.toml:" + std::to_string(lineOf(text, "premovement_s")) + ": crowd[0].premovement_s:"), std::string::npos) << all;
    EXPECT_NE(all.find("s.toml:" + std::to_string(lineOf(text, "take_cover_s")) + ": crowd[0].take_cover_s: expected [lo, hi] with 0 <= lo <= hi <= 60 s"),
              std::string::npos) << all;
}

namespace {

std::string withFlood(const std::string& floodToml) { return std::string(kGood) + "\n" + floodToml; }

}  // namespace

TEST(ScenarioLoaderFlood, AFloodTableIsReadWithItsInflowsRainAndBreaches) {
    auto load = parseScenario(withFlood(R"(
[flood]
dem = "dem.asc"
manning = 0.04
cell_m = 2
rain = [[0, 0], [60, 50]]
[[flood.inflow]]
segment = [[0, 10], [100, 12]]
hydrograph = [[0, 0], [30, 80], [300, 10]]
[[flood.breach]]
at_s = 45
segment = [[50, 5], [60, 5]]
crest_m = 6.5
)"), "scenes/s.toml");
    ASSERT_TRUE(load.errors.empty()) << join(load.errors);
    ASSERT_TRUE(load.def.flood.has_value());
    const auto& f = *load.def.flood;
    EXPECT_EQ(f.demPath, "scenes/dem.asc");
    EXPECT_DOUBLE_EQ(f.manningN, 0.04);
    EXPECT_DOUBLE_EQ(f.cellM, 2.0);
    ASSERT_EQ(f.inflows.size(), 1u);
    EXPECT_DOUBLE_EQ(f.inflows[0].x1, 100.0);
    EXPECT_DOUBLE_EQ(f.inflows[0].y1, 12.0);
    EXPECT_EQ(f.inflows[0].dischargeM3s, (std::vector<double>{0, 80, 10}));
    EXPECT_EQ(f.rainMmPerH, (std::vector<double>{0, 50}));
    ASSERT_EQ(f.breaches.size(), 1u);
    EXPECT_DOUBLE_EQ(f.breaches[0].atS, 45.0);
    EXPECT_DOUBLE_EQ(f.breaches[0].crestM, 6.5);
}

TEST(ScenarioLoaderFlood, AScenarioWithoutFloodHasNone) {
    auto load = parseScenario(kGood, "s.toml");
    ASSERT_TRUE(load.errors.empty()) << join(load.errors);
    EXPECT_FALSE(load.def.flood.has_value());
}

TEST(ScenarioLoaderFlood, BadFloodFieldsNameFileLineAndField) {
    const std::string base = kGood;
    const long floodLine = 1 + std::count(base.begin(), base.end(), '\n') + 1;  // line of [flood]
    auto load = parseScenario(withFlood(R"([flood]
dem = "dem.asc"
manning = -0.1
[[flood.inflow]]
segment = [[0, 10]]
hydrograph = [[0, 0], [0, 5]]
)"), "s.toml");
    std::string all = join(load.errors);
    EXPECT_NE(all.find("s.toml:" + std::to_string(floodLine + 2) + ": flood.manning:"), std::string::npos) << all;
    EXPECT_NE(all.find("s.toml:" + std::to_string(floodLine + 4) + ": flood.inflow[0].segment:"), std::string::npos) << all;
    EXPECT_NE(all.find("s.toml:" + std::to_string(floodLine + 5) + ": flood.inflow[0].hydrograph: row 2"), std::string::npos) << all;
}

TEST(ScenarioLoaderFlood, AFloodWithoutInflowOrRainIsRejected) {
    auto load = parseScenario(withFlood("[flood]\ndem = \"dem.asc\"\n"), "s.toml");
    std::string all = join(load.errors);
    EXPECT_NE(all.find("flood.inflow: a flood needs"), std::string::npos) << all;
}

TEST(ScenarioLoaderEarthquake, AnEarthquakeIsReadWithItsStructureAndCollapses) {
    auto load = parseScenario(std::string(kGood) + R"(
[earthquake]
at_s = 5
building = "A"
record = "quake.csv"
structure_rooms = ["A.4.corridor"]
design_pga_g = 0.2
furniture = false
[[earthquake.collapse]]
at_s = 12
room = "A.4.corridor"
from = [130.7, 170.9]
to = [126.0, 167.9]
)", "scenes/s.toml");
    ASSERT_TRUE(load.errors.empty()) << join(load.errors);
    ASSERT_TRUE(load.def.earthquake.has_value());
    const auto& q = *load.def.earthquake;
    EXPECT_EQ(q.shaking.recordPath, "scenes/quake.csv");
    EXPECT_EQ(q.building, "A");
    EXPECT_DOUBLE_EQ(q.designPgaG, 0.2);
    EXPECT_FALSE(q.furniture);
    ASSERT_EQ(q.collapses.size(), 1u);
    EXPECT_TRUE(q.collapses[0].hasPart);
    EXPECT_DOUBLE_EQ(q.collapses[0].x0, 126.0);  // corners in either order
    EXPECT_DOUBLE_EQ(q.collapses[0].y1, 170.9);
    EXPECT_FALSE(parseScenario(kGood, "s.toml").def.earthquake.has_value());
}

TEST(ScenarioLoaderEarthquake, BadEarthquakeFieldsNameFileLineAndField) {
    const std::string base = kGood;
    const long line = 1 + std::count(base.begin(), base.end(), '\n') + 1;  // line of [earthquake]
    auto load = parseScenario(base + "\n" + R"([earthquake]
at_s = 5
building = "A"
record = "quake.csv"
pga_g = 0.3
structure_rooms = ["A.4.corridor"]
[[earthquake.collapse]]
at_s = 12
room = "A.3.corridor"
from = [1.0, 1.0]
)", "s.toml");
    std::string all = join(load.errors);
    EXPECT_NE(all.find("s.toml:" + std::to_string(line + 3) + ": earthquake.record: give either record"), std::string::npos) << all;
    EXPECT_NE(all.find("s.toml:" + std::to_string(line + 8) + ": earthquake.collapse[0].room: 'A.3.corridor' is not one of"), std::string::npos) << all;
    EXPECT_NE(all.find("earthquake.collapse[0].from: give both"), std::string::npos) << all;
    // A parametric record needs its peak acceleration, within reason.
    load = parseScenario(base + "\n[earthquake]\nat_s = 1\nbuilding = \"A\"\npga_g = 9\n", "s.toml");
    EXPECT_NE(join(load.errors).find("earthquake.pga_g"), std::string::npos) << join(load.errors);
    // A target JMA intensity is read, within the scale; not for a still ground.
    load = parseScenario(base + "\n[earthquake]\nat_s = 1\nbuilding = \"A\"\npga_g = 0.2\njma_intensity = 5.8\n", "s.toml");
    ASSERT_TRUE(load.errors.empty()) << join(load.errors);
    EXPECT_DOUBLE_EQ(load.def.earthquake->shaking.jmaIntensity, 5.8);
    load = parseScenario(base + "\n[earthquake]\nat_s = 1\nbuilding = \"A\"\npga_g = 0.2\njma_intensity = 9\n", "s.toml");
    EXPECT_NE(join(load.errors).find("earthquake.jma_intensity"), std::string::npos) << join(load.errors);
    load = parseScenario(base + "\n[earthquake]\nground_motion = false\nbuilding = \"A\"\njma_intensity = 5\n", "s.toml");
    EXPECT_NE(join(load.errors).find("earthquake.jma_intensity: not with ground_motion = false"), std::string::npos) << join(load.errors);
    // Bookcases tied to their walls: a force in N, not negative, and only where there is furniture.
    load = parseScenario(base + "\n[earthquake]\nat_s = 1\nbuilding = \"A\"\npga_g = 0.2\nbookcase_tie_n = 800\n", "s.toml");
    ASSERT_TRUE(load.errors.empty()) << join(load.errors);
    EXPECT_DOUBLE_EQ(load.def.earthquake->bookcaseTieN, 800.0);
    load = parseScenario(base + "\n[earthquake]\nat_s = 1\nbuilding = \"A\"\npga_g = 0.2\nbookcase_tie_n = -5\n", "s.toml");
    EXPECT_NE(join(load.errors).find("earthquake.bookcase_tie_n"), std::string::npos) << join(load.errors);
    load = parseScenario(base + "\n[earthquake]\nat_s = 1\nbuilding = \"A\"\npga_g = 0.2\nfurniture = false\nbookcase_tie_n = 800\n", "s.toml");
    EXPECT_NE(join(load.errors).find("earthquake.bookcase_tie_n: ties bookcases, but furniture = false"), std::string::npos) << join(load.errors);
    // Floor response: ASCE 7's amplification by default, or the building's sway with its period
    // and damping (which mean nothing without it).
    load = parseScenario(base + "\n[earthquake]\nat_s = 1\nbuilding = \"A\"\npga_g = 0.2\n", "s.toml");
    ASSERT_TRUE(load.errors.empty()) << join(load.errors);
    EXPECT_EQ(load.def.earthquake->floorResponse, "asce7");
    load = parseScenario(base + "\n[earthquake]\nat_s = 1\nbuilding = \"A\"\npga_g = 0.2\nfloor_response = \"sway\"\nbuilding_period_s = 0.5\nbuilding_damping = 0.03\n", "s.toml");
    ASSERT_TRUE(load.errors.empty()) << join(load.errors);
    EXPECT_EQ(load.def.earthquake->floorResponse, "sway");
    EXPECT_DOUBLE_EQ(load.def.earthquake->buildingPeriodS, 0.5);
    EXPECT_DOUBLE_EQ(load.def.earthquake->buildingDamping, 0.03);
    load = parseScenario(base + "\n[earthquake]\nat_s = 1\nbuilding = \"A\"\npga_g = 0.2\nfloor_response = \"wobble\"\n", "s.toml");
    EXPECT_NE(join(load.errors).find("earthquake.floor_response: must be"), std::string::npos) << join(load.errors);
    load = parseScenario(base + "\n[earthquake]\nat_s = 1\nbuilding = \"A\"\npga_g = 0.2\nbuilding_period_s = 0.5\n", "s.toml");
    EXPECT_NE(join(load.errors).find("earthquake.building_period_s: only with floor_response"), std::string::npos) << join(load.errors);
    load = parseScenario(base + "\n[earthquake]\nat_s = 1\nbuilding = \"A\"\npga_g = 0.2\nfloor_response = \"sway\"\nbuilding_period_s = 0.01\n", "s.toml");
    EXPECT_NE(join(load.errors).find("earthquake.building_period_s"), std::string::npos) << join(load.errors);
    load = parseScenario(base + "\n[earthquake]\nat_s = 1\nbuilding = \"A\"\npga_g = 0.2\nfloor_response = \"sway\"\nbuilding_damping = 0\n", "s.toml");
    EXPECT_NE(join(load.errors).find("earthquake.building_damping"), std::string::npos) << join(load.errors);
    // Yielding storeys: 0 (elastic) or [0.02, 2], and only with the sway.
    load = parseScenario(base + "\n[earthquake]\nat_s = 1\nbuilding = \"A\"\npga_g = 0.2\nfloor_response = \"sway\"\nbuilding_yield_coefficient = 0.2\n", "s.toml");
    ASSERT_TRUE(load.errors.empty()) << join(load.errors);
    EXPECT_DOUBLE_EQ(load.def.earthquake->buildingYieldCoefficient, 0.2);
    load = parseScenario(base + "\n[earthquake]\nat_s = 1\nbuilding = \"A\"\npga_g = 0.2\nfloor_response = \"sway\"\nbuilding_yield_coefficient = 0.01\n", "s.toml");
    EXPECT_NE(join(load.errors).find("earthquake.building_yield_coefficient: must be 0"), std::string::npos) << join(load.errors);
    load = parseScenario(base + "\n[earthquake]\nat_s = 1\nbuilding = \"A\"\npga_g = 0.2\nbuilding_yield_coefficient = 0.2\n", "s.toml");
    EXPECT_NE(join(load.errors).find("earthquake.building_yield_coefficient: only with floor_response"), std::string::npos) << join(load.errors);
    // HAZUS's damage grading: building_type and seismic_design together, with the sway (their
    // values are checked against HAZUS's table by the session: EarthquakeHazard).
    const std::string sway = base + "\n[earthquake]\nat_s = 1\nbuilding = \"A\"\npga_g = 0.2\nfloor_response = \"sway\"\n";
    load = parseScenario(sway + "building_type = \"C1M\"\nseismic_design = \"moderate\"\n", "s.toml");
    ASSERT_TRUE(load.errors.empty()) << join(load.errors);
    EXPECT_EQ(load.def.earthquake->buildingType, "C1M");
    EXPECT_EQ(load.def.earthquake->seismicDesign, "moderate");
    load = parseScenario(sway + "building_type = \"C1M\"\n", "s.toml");
    EXPECT_NE(join(load.errors).find("earthquake.seismic_design: grading the storeys' damage needs both"), std::string::npos) << join(load.errors);
    load = parseScenario(base + "\n[earthquake]\nat_s = 1\nbuilding = \"A\"\npga_g = 0.2\nbuilding_type = \"C1M\"\nseismic_design = \"low\"\n", "s.toml");
    EXPECT_NE(join(load.errors).find("earthquake.building_type: only with floor_response"), std::string::npos) << join(load.errors);
}

TEST(ScenarioLoaderEarthquake, AftershocksAreReadInOrderEachAfterTheShakingBeforeIt) {
    // The main shaking: 5 s to 25 s.
    const std::string mainShaking = std::string(kGood) + "\n[earthquake]\nat_s = 5\nbuilding = \"A\"\npga_g = 0.3\nduration_s = 20\n";
    const std::string quake = mainShaking + R"(
[[earthquake.aftershock]]
at_s = 300
pga_g = 0.1
period_s = 0.3
duration_s = 8
record_seed = 7
[[earthquake.aftershock]]
at_s = 600
record = "after.csv"
)";
    auto load = parseScenario(quake, "scenes/s.toml");
    ASSERT_TRUE(load.errors.empty()) << join(load.errors);
    const auto& q = *load.def.earthquake;
    ASSERT_EQ(q.aftershocks.size(), 2u);
    EXPECT_DOUBLE_EQ(q.aftershocks[0].atS, 300.0);
    EXPECT_DOUBLE_EQ(q.aftershocks[0].shaking.pgaG, 0.1);
    EXPECT_DOUBLE_EQ(q.aftershocks[0].shaking.periodS, 0.3);
    EXPECT_DOUBLE_EQ(q.aftershocks[0].shaking.durationS, 8.0);
    EXPECT_EQ(q.aftershocks[0].shaking.recordSeed, 7u);
    EXPECT_EQ(q.aftershocks[1].shaking.recordPath, "scenes/after.csv");
    EXPECT_EQ(q.aftershocks[1].source.line, lineOf(quake, "at_s = 600") - 1);
    EXPECT_DOUBLE_EQ(q.shaking.durationS, 20.0);

    // One that starts while the main shaking (5 + 20 s) still runs, one with both a record and a
    // peak acceleration, and one under a still ground.
    std::string bad = mainShaking + R"(
[[earthquake.aftershock]]
at_s = 24
pga_g = 0.1
[[earthquake.aftershock]]
at_s = 100
record = "after.csv"
pga_g = 0.1
)";
    load = parseScenario(bad, "s.toml");
    std::string all = join(load.errors);
    EXPECT_NE(all.find("s.toml:" + std::to_string(lineOf(bad, "at_s = 24")) +
                       ": earthquake.aftershock[0].at_s: must be after the shaking before it has stopped (at 25 s)"),
              std::string::npos) << all;
    EXPECT_NE(all.find("earthquake.aftershock[1].record: give either record"), std::string::npos) << all;
    load = parseScenario(std::string(kGood) + "\n[earthquake]\nground_motion = false\nbuilding = \"A\"\n[[earthquake.aftershock]]\nat_s = 9\npga_g = 0.1\n",
                         "s.toml");
    EXPECT_NE(join(load.errors).find("earthquake.aftershock: not with ground_motion = false"), std::string::npos) << join(load.errors);
}

TEST(ScenarioLoaderEarthquake, AStillGroundTakesNoRecordAndRefusesOne) {
    auto load = parseScenario(std::string(kGood) + "\n[earthquake]\nground_motion = false\nbuilding = \"A\"\nstructure_rooms = [\"A.4.corridor\"]\n",
                              "s.toml");
    ASSERT_TRUE(load.errors.empty()) << join(load.errors);
    ASSERT_TRUE(load.def.earthquake.has_value());
    EXPECT_FALSE(load.def.earthquake->groundMotion);
    load = parseScenario(std::string(kGood) + "\n[earthquake]\nground_motion = false\nbuilding = \"A\"\npga_g = 0.3\n", "s.toml");
    EXPECT_NE(join(load.errors).find("earthquake.pga_g: not with ground_motion = false"), std::string::npos) << join(load.errors);
    load = parseScenario(std::string(kGood) + "\n[earthquake]\nground_motion = 0\nbuilding = \"A\"\n", "s.toml");
    EXPECT_NE(join(load.errors).find("earthquake.ground_motion"), std::string::npos) << join(load.errors);
}

TEST(ScenarioLoader, ASprinklerSystemReadsItsRoomsResponseAndDesign) {
    auto r = parseScenario(std::string(kGood) + R"(
[sprinklers]
rooms = ["A.0.room2", "A.0.corridor"]
response = "standard"
activation_c = 79
density_mm_min = 5
spacing_m = 4.0
)",
                           "s.toml");
    ASSERT_TRUE(r.ok()) << join(r.errors);
    ASSERT_TRUE(r.def.sprinklers.has_value());
    const SprinklerSystemDef& sp = *r.def.sprinklers;
    EXPECT_EQ(sp.rooms, (std::vector<std::string>{"A.0.room2", "A.0.corridor"}));
    EXPECT_DOUBLE_EQ(sp.rtiMS, 130.0);
    EXPECT_DOUBLE_EQ(sp.activationTempC, 79.0);
    EXPECT_DOUBLE_EQ(sp.densityMmMin, 5.0);
    EXPECT_DOUBLE_EQ(sp.spacingM, 4.0);
    EXPECT_EQ(sp.source.line, 44);
    EXPECT_EQ(sp.source.field, "sprinklers.rooms");
    // Defaults: quick response (RTI 50), 68 C, NFPA 13 light hazard's 4.1 mm/min and 4.6 m.
    auto d = parseScenario(std::string(kGood) + "\n[sprinklers]\nrooms = \"A.0.room2\"\n", "s.toml");
    ASSERT_TRUE(d.ok()) << join(d.errors);
    EXPECT_DOUBLE_EQ(d.def.sprinklers->rtiMS, 50.0);
    EXPECT_DOUBLE_EQ(d.def.sprinklers->activationTempC, 68.0);
    EXPECT_DOUBLE_EQ(d.def.sprinklers->densityMmMin, 4.1);
    EXPECT_DOUBLE_EQ(d.def.sprinklers->spacingM, 4.6);
    EXPECT_FALSE(parseScenario(kGood, "s.toml").def.sprinklers.has_value());
}

TEST(ScenarioLoader, ABadSprinklerSystemNamesFileLineAndField) {
    auto bad = [](const std::string& body) { return parseScenario(std::string(kGood) + "\n[sprinklers]\n" + body, "s.toml"); };
    auto r = bad("rooms = []\n");
    ASSERT_EQ(r.errors.size(), 1u) << join(r.errors);
    EXPECT_NE(r.errors[0].str().find("s.toml:44: sprinklers.rooms: list at least one room"), std::string::npos) << r.errors[0].str();
    r = bad("rooms = [\"a\"]\nresponse = \"fast\"\n");
    ASSERT_EQ(r.errors.size(), 1u) << join(r.errors);
    EXPECT_NE(r.errors[0].str().find("sprinklers.response: expected \"quick\" or \"standard\""), std::string::npos) << r.errors[0].str();
    r = bad("rooms = [\"a\"]\nspacing_m = 6\n");
    ASSERT_EQ(r.errors.size(), 1u) << join(r.errors);
    EXPECT_NE(r.errors[0].str().find("s.toml:45: sprinklers.spacing_m"), std::string::npos) << r.errors[0].str();
    r = bad("rooms = [\"a\"]\nresponse = \"quick\"\nrti = 80\n");
    ASSERT_EQ(r.errors.size(), 1u) << join(r.errors);
    EXPECT_NE(r.errors[0].str().find("sprinklers.rti: give response or rti, not both"), std::string::npos) << r.errors[0].str();
    EXPECT_EQ(bad("response = \"quick\"\n").errors.size(), 1u) << "rooms is required";
}
