// Case files: the issue's example parses; bad input names file, line and field.
#include <gtest/gtest.h>

#include <algorithm>

#include "fire/fire_case.h"

using namespace cd::fire;

namespace {

const char* kExample = R"([[room]]
id = "atrium"
origin = [0.0, 0.0, 0.0]
size = [20.0, 20.0, 10.0]

[[opening]]
from = "atrium"
to = "outside"
width = 1.0
height = 2.0
sill = 0.0

[[fire]]
room = "atrium"
position = [10.0, 10.0, 0.0]
alpha = 0.0469
peak_hrr_kw = 5000.0
area_m2 = 1.0
soot_yield = 0.015
co_yield = 0.004

[[probe]]
id = "p1"
position = [10.0, 10.0, 1.8]
quantities = ["layer_height_m", "upper_temp_c", "lower_temp_c", "visibility_m", "co_ppm", "o2_pct", "fed"]
)";

std::string errorOf(const std::string& text) {
    auto c = parseFireCase(text, "case.toml");
    return c ? std::string("no error") : c.error().str();
}

std::string replace(std::string s, const std::string& from, const std::string& to) {
    auto at = s.find(from);
    EXPECT_NE(at, std::string::npos) << from;
    return s.replace(at, from.size(), to);
}

// A wall material of the case format's own (fibreboard-like).
const char* const kBoard = R"(
[[material]]
id = "board"
conductivity_w_mk = 0.2
density_kg_m3 = 800
specific_heat_j_kgk = 1000
thickness_m = 0.02
)";

}  // namespace

TEST(FireCase, TheIssueExampleParsesWithItsRoomOpeningFireAndProbe) {
    auto c = parseFireCase(kExample, "case.toml");
    ASSERT_TRUE(c) << c.error().str();
    ASSERT_EQ(c->model.rooms.size(), 1u);
    EXPECT_DOUBLE_EQ(c->model.rooms[0].sizeM.z, 10.0);
    ASSERT_EQ(c->model.openings.size(), 1u);
    EXPECT_EQ(c->model.openings[0].roomB, "outside");
    ASSERT_EQ(c->model.fires.size(), 1u);
    EXPECT_DOUBLE_EQ(c->model.fires[0].alphaKwS2, 0.0469);
    ASSERT_EQ(c->probes.size(), 1u);
    EXPECT_EQ(c->probes[0].quantities.size(), 7u);
    EXPECT_EQ(c->probes[0].quantities.back(), ProbeQuantity::Fed);
}

TEST(FireCase, ARoomWithZeroVolumeIsRejectedAtItsSizeLine) {
    EXPECT_EQ(errorOf(replace(kExample, "[20.0, 20.0, 10.0]", "[20.0, 0.0, 10.0]")),
              "case.toml:4: room.size: room has zero volume (every size must be > 0)");
}

TEST(FireCase, AnOpeningToAnUnknownRoomIsRejected) {
    EXPECT_EQ(errorOf(replace(kExample, "to = \"outside\"", "to = \"lobby\"")),
              "case.toml:8: opening.to: unknown room 'lobby'");
}

TEST(FireCase, ANegativeHeatReleaseRateIsRejected) {
    EXPECT_EQ(errorOf(replace(kExample, "peak_hrr_kw = 5000.0", "peak_hrr_kw = -5.0")),
              "case.toml:17: fire.peak_hrr_kw: heat release rate must be >= 0");
}

TEST(FireCase, AnUnknownQuantityIsRejectedNamingIt) {
    std::string e = errorOf(replace(kExample, "\"co_ppm\"", "\"smoke_colour\""));
    EXPECT_EQ(e.rfind("case.toml:25: probe.quantities: unknown quantity 'smoke_colour'", 0), 0u) << e;
}

TEST(FireCase, AProbeInNoRoomOrWithAnIdAlreadyUsedIsRejected) {
    EXPECT_EQ(errorOf(replace(kExample, "[10.0, 10.0, 1.8]", "[50.0, 10.0, 1.8]")),
              "case.toml:24: probe.position: position (50, 10, 1.8) lies in no room");
    std::string twice = kExample;
    twice += "\n[[probe]]\nid = \"p1\"\nposition = [1.0, 1.0, 1.0]\nquantities = [\"fed\"]\n";
    std::string e = errorOf(twice);
    EXPECT_NE(e.find(": probe.id: duplicate probe id 'p1' (first at line 22)"), std::string::npos) << e;
}

TEST(FireCase, MisspeltKeysAndBadSyntaxAreErrorsNotSilentDefaults) {
    EXPECT_EQ(errorOf(replace(kExample, "sill = 0.0", "sil = 0.0")), "case.toml:11: opening.sil: unknown field");
    std::string e = errorOf(replace(kExample, "width = 1.0", "width = "));
    EXPECT_EQ(e.rfind("case.toml:9: toml:", 0), 0u) << e;
}

TEST(FireCase, GrowthClassesAgentsDetectorsAndMaterialsAreRead) {
    std::string text = replace(kExample, "alpha = 0.0469", "growth = \"ultrafast\"\nclass = \"F\"\nid = \"pan\"");
    text += kBoard;
    text += R"(
[[detector]]
id = "sd1"
room = "atrium"
position = [10.0, 12.0, 9.9]
kind = "smoke"
characteristic_length_m = 1.8

[[sprinkler]]
id = "s1"
room = "atrium"
position = [11.0, 10.0, 9.9]
rti = 50

[[extinguisher]]
fire = "pan"
agent = "wet_chemical"
start_s = 30
distance_m = 2
)";
    auto c = parseFireCase(text, "case.toml");
    ASSERT_TRUE(c) << c.error().str();
    EXPECT_DOUBLE_EQ(c->model.fires[0].alphaKwS2, kAlphaUltrafast);
    EXPECT_EQ(c->model.fires[0].fireClass, FireClass::F);
    EXPECT_EQ(c->model.detectors.size(), 1u);
    EXPECT_DOUBLE_EQ(c->model.detectors[0].characteristicLengthM, 1.8);
    EXPECT_DOUBLE_EQ(c->model.sprinklers[0].rtiMS, 50);
    std::string negative = replace(text, "characteristic_length_m = 1.8", "characteristic_length_m = -1.8");
    const int lengthLine = 1 + static_cast<int>(std::count(negative.begin(), negative.begin() + negative.find("characteristic_length_m"), '\n'));
    EXPECT_EQ(errorOf(negative).rfind("case.toml:" + std::to_string(lengthLine) + ": detector.characteristic_length_m:", 0), 0u)
        << errorOf(negative);
    ASSERT_EQ(c->agents.size(), 1u);
    EXPECT_EQ(c->agents[0].application.agent, Agent::WetChemical);
    std::string bad = replace(text, "fire = \"pan\"", "fire = \"wok\"");
    int line = 1 + static_cast<int>(std::count(bad.begin(), bad.begin() + bad.find("fire = \"wok\""), '\n'));
    EXPECT_EQ(errorOf(bad), "case.toml:" + std::to_string(line) + ": extinguisher.fire: unknown fire 'wok'");
}

// Gas cooling in a case file: [[spray]] into a room's layer, its drops and flow checked with the
// ranges FireModel::sprayIntoLayer accepts; a room that does not exist is an error at its line.
TEST(FireCase, SpraysIntoTheLayerAreReadAndChecked) {
    std::string text = kExample + std::string(R"(
[[spray]]
room = "atrium"
start_s = 120
duration_s = 5
droplet_diameter_m = 0.0005
)");
    auto c = parseFireCase(text, "case.toml");
    ASSERT_TRUE(c) << c.error().str();
    ASSERT_EQ(c->sprays.size(), 1u);
    EXPECT_EQ(c->sprays[0].room, "atrium");
    EXPECT_DOUBLE_EQ(c->sprays[0].startS, 120.0);
    EXPECT_DOUBLE_EQ(c->sprays[0].spray.durationS, 5.0);
    EXPECT_DOUBLE_EQ(c->sprays[0].spray.dropletDiameterM, 0.0005);
    EXPECT_DOUBLE_EQ(c->sprays[0].spray.flowKgS, 2.0);  // a hose line's default
    auto lineOf = [](const std::string& t, const std::string& what) {
        return 1 + static_cast<int>(std::count(t.begin(), t.begin() + t.find(what), '\n'));
    };
    std::string big = replace(text, "droplet_diameter_m = 0.0005", "droplet_diameter_m = 0.5");
    EXPECT_EQ(errorOf(big).rfind("case.toml:" + std::to_string(lineOf(big, "droplet_diameter_m")) +
                                     ": spray.droplet_diameter_m: must be from",
                                 0),
              0u)
        << errorOf(big);
    std::string nowhere = replace(text, "room = \"atrium\"\nstart_s = 120", "room = \"attic\"\nstart_s = 120");
    EXPECT_NE(errorOf(nowhere).find("spray.room"), std::string::npos) << errorOf(nowhere);
}

// A material value no solid has (a slip of the keyboard or of the units) is an error naming the
// material's line and field, not a wall that soaks up heat for ever.
TEST(FireCase, AMaterialValueNoSolidHasIsRejected) {
    const std::string board = kExample + std::string(kBoard);
    ASSERT_TRUE(parseFireCase(board, "case.toml")) << "the board itself is a material";
    const int line = 1 + static_cast<int>(std::count(board.begin(), board.begin() + board.find("specific_heat_j_kgk"), '\n'));
    EXPECT_EQ(errorOf(replace(board, "specific_heat_j_kgk = 1000", "specific_heat_j_kgk = 99999999999")),
              "case.toml:" + std::to_string(line) +
                  ": material.specific_heat_j_kgk: must be from 100 to 5000 (J/kg/K, real solids), not 1e+11");
    EXPECT_NE(errorOf(replace(board, "thickness_m = 0.02", "thickness_m = 20")).find("material.thickness_m: must be from"),
              std::string::npos);
    EXPECT_NE(errorOf(replace(board, "conductivity_w_mk = 0.2", "conductivity_w_mk = 0.0001")).find("material.conductivity_w_mk"),
              std::string::npos);
    EXPECT_NE(errorOf(replace(board, "density_kg_m3 = 800", "density_kg_m3 = 800000")).find("material.density_kg_m3"),
              std::string::npos);
    // The built-in materials lie inside the ranges, copper-like steel and foil-thin linings too.
    EXPECT_TRUE(parseFireCase(replace(board, "conductivity_w_mk = 0.2", "conductivity_w_mk = 48"), "case.toml"));
    EXPECT_TRUE(parseFireCase(replace(board, "thickness_m = 0.02", "thickness_m = 0.003"), "case.toml"));
}

TEST(FireCase, CeilingJetConvectionIsOnByDefaultAndCanBeTurnedOff) {
    auto on = parseFireCase(kExample, "case.toml");
    ASSERT_TRUE(on) << on.error().str();
    EXPECT_TRUE(on->model.ceilingJetConvection);
    auto off = parseFireCase("[settings]\nceiling_jet_convection = false\n" + std::string(kExample), "case.toml");
    ASSERT_TRUE(off) << off.error().str();
    EXPECT_FALSE(off->model.ceilingJetConvection);
    EXPECT_NE(errorOf("[settings]\nceiling_jet_convection = \"yes\"\n" + std::string(kExample)).find("ceiling_jet_convection"),
              std::string::npos);
}

TEST(FireCase, SootDepositionIsOnByDefaultAndCanBeTurnedOff) {
    auto on = parseFireCase(kExample, "case.toml");
    ASSERT_TRUE(on) << on.error().str();
    EXPECT_TRUE(on->model.sootDeposition);
    auto off = parseFireCase("[settings]\nsoot_deposition = false\n" + std::string(kExample), "case.toml");
    ASSERT_TRUE(off) << off.error().str();
    EXPECT_FALSE(off->model.sootDeposition);
    EXPECT_NE(errorOf("[settings]\nsoot_deposition = 0\n" + std::string(kExample)).find("case.toml:2: settings.soot_deposition"),
              std::string::npos)
        << errorOf("[settings]\nsoot_deposition = 0\n" + std::string(kExample));
}

TEST(FireCase, AnIntegerWhereABooleanBelongsIsAnErrorNamingFileLineAndField) {
    // toml++ would read open = 1 as true; the case reader takes only true or false.
    std::string withOne = replace(kExample, "sill = 0.0", "sill = 0.0\nopen = 1");
    EXPECT_EQ(errorOf(withOne), "case.toml:12: opening.open: must be true or false, not an integer");
    std::string withZero = replace(kExample, "sill = 0.0", "sill = 0.0\nopen = 0");
    EXPECT_EQ(errorOf(withZero), "case.toml:12: opening.open: must be true or false, not an integer");
    EXPECT_EQ(errorOf("[settings]\ndoor_jet_fires = 1\n" + std::string(kExample)),
              "case.toml:2: settings.door_jet_fires: must be true or false, not an integer");
    std::string fan = std::string(kExample) + "\n[[fan]]\nfrom = \"atrium\"\nfrom_height = 9.0\nflow_m3_s = 2.0\non = 1.0\n";
    int line = 1 + static_cast<int>(std::count(fan.begin(), fan.begin() + fan.find("on = 1.0"), '\n'));
    EXPECT_EQ(errorOf(fan), "case.toml:" + std::to_string(line) + ": fan.on: must be true or false, not a float");
    // The booleans themselves still read.
    auto closed = parseFireCase(replace(kExample, "sill = 0.0", "sill = 0.0\nopen = false"), "case.toml");
    ASSERT_TRUE(closed) << closed.error().str();
    EXPECT_FALSE(closed->model.openings[0].open);
}

TEST(FireCase, NumbersStringsAndTablesOfTheWrongTypeAreErrorsSayingWhatWasGiven) {
    // A number accepts an integer or a float (peak_hrr_kw = 5000 is natural), nothing else.
    EXPECT_EQ(errorOf(replace(kExample, "peak_hrr_kw = 5000.0", "peak_hrr_kw = \"5000\"")),
              "case.toml:17: fire.peak_hrr_kw: must be a number, not a string");
    EXPECT_EQ(errorOf(replace(kExample, "peak_hrr_kw = 5000.0", "peak_hrr_kw = true")),
              "case.toml:17: fire.peak_hrr_kw: must be a number, not a boolean");
    EXPECT_EQ(errorOf(replace(kExample, "peak_hrr_kw = 5000.0", "peak_hrr_kw = inf")),
              "case.toml:17: fire.peak_hrr_kw: must be a finite number");
    auto integer = parseFireCase(replace(kExample, "peak_hrr_kw = 5000.0", "peak_hrr_kw = 5000"), "case.toml");
    ASSERT_TRUE(integer) << integer.error().str();
    EXPECT_DOUBLE_EQ(integer->model.fires[0].peakHrrKw, 5000.0);
    EXPECT_EQ(errorOf(replace(kExample, "to = \"outside\"", "to = 7")),
              "case.toml:8: opening.to: must be a string, not an integer");
    EXPECT_EQ(errorOf(replace(kExample, "origin = [0.0, 0.0, 0.0]", "origin = [0.0, false, 0.0]")),
              "case.toml:3: room.origin: must be an array of 3 numbers [x, y, z]");
    // A heat-release table entry must be two finite numbers.
    std::string table = replace(kExample, "peak_hrr_kw = 5000.0", "hrr_table = [[0, 0], [60, nan]]");
    EXPECT_EQ(errorOf(table).rfind("case.toml:17: fire.hrr_table: must be an array of [time_s, hrr_kw] pairs", 0), 0u)
        << errorOf(table);
}

// A room's ceiling and floor may have their own linings (CFAST's CEILING_MATL_ID / FLOOR_MATL_ID),
// built-in or the case's own; an unknown one is an error at its line naming the field.
TEST(FireCase, ARoomsCeilingAndFloorLiningsAreReadAndAnUnknownOneIsNamed) {
    const std::string text = replace(kExample, "size = [20.0, 20.0, 10.0]",
                                     "size = [20.0, 20.0, 10.0]\nwall = \"gypsum\"\nceiling = \"concrete\"\nfloor = \"board\"") +
                             kBoard;
    auto c = parseFireCase(text, "case.toml");
    ASSERT_TRUE(c) << c.error().str();
    const RoomDef& room = c->model.rooms[0];
    EXPECT_DOUBLE_EQ(room.wall.conductivityWMK, 0.16);
    ASSERT_TRUE(room.ceiling.has_value());
    EXPECT_DOUBLE_EQ(room.ceiling->conductivityWMK, 1.75);
    ASSERT_TRUE(room.floor.has_value());
    EXPECT_DOUBLE_EQ(room.floor->conductivityWMK, 0.2);
    auto plain = parseFireCase(kExample, "case.toml");
    ASSERT_TRUE(plain);
    EXPECT_FALSE(plain->model.rooms[0].ceiling.has_value());
    EXPECT_FALSE(plain->model.rooms[0].floor.has_value());
    EXPECT_EQ(errorOf(replace(text, "ceiling = \"concrete\"", "ceiling = \"marble\"")),
              "case.toml:6: room.ceiling: unknown material 'marble'");
    EXPECT_EQ(errorOf(replace(text, "floor = \"board\"", "floor = \"parquet\"")), "case.toml:7: room.floor: unknown material 'parquet'");
}
