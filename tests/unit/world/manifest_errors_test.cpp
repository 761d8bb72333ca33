// Malformed manifests: each gives an error naming the file, the field path and its line.
#include <gtest/gtest.h>

#include <cctype>
#include <filesystem>
#include <fstream>
#include <functional>

#include "tiny_district.h"
#include "world/district.h"

namespace {

using cd::world::parseDistrict;
using J = nlohmann::ordered_json;

/// Line (1-based) of the first occurrence of `needle` in text at or after `from`.
int lineOf(const std::string& text, const std::string& needle, std::size_t from = 0) {
    const std::size_t at = text.find(needle, from);
    if (at == std::string::npos) return -1;
    int line = 1;
    for (std::size_t i = 0; i < at; ++i) line += text[i] == '\n';
    return line;
}

/// A 1.5 m window on R1's south wall, sill at 0.9 m.
J window(const char* room) {
    return {{"id", "W1"}, {"room", room}, {"centerM", {2, -0.1, 0.9}}, {"normal", {0, -1, 0}}, {"widthM", 1.5}, {"heightM", 1.5}};
}

struct Case {
    const char* what;
    std::function<void(J&)> mutate;
    const char* field;
    const char* messagePart;
};

class ManifestErrors : public ::testing::TestWithParam<Case> {};

TEST_P(ManifestErrors, NameTheFieldAndItsLine) {
    const Case& c = GetParam();
    J j = cd::test::tinyDistrict();
    c.mutate(j);
    const std::string text = j.dump(2);
    auto r = parseDistrict(text, "bad.json");
    ASSERT_FALSE(r.ok()) << c.what << " was accepted";
    EXPECT_EQ(r.error().file, "bad.json");
    EXPECT_EQ(r.error().field, c.field) << r.error().str();
    EXPECT_NE(r.error().message.find(c.messagePart), std::string::npos) << r.error().str();
    EXPECT_GT(r.error().line, 0) << r.error().str();
    EXPECT_NE(r.error().str().find("bad.json:" + std::to_string(r.error().line) + ": " + c.field), std::string::npos) << r.error().str();
}

const Case kCases[] = {
    {"door to an unknown room", [](J& j) { j["doors"][0]["roomB"] = "R9"; }, "doors[0].roomB", "unknown room 'R9'"},
    {"door from an unknown room", [](J& j) { j["doors"][1]["roomA"] = "nowhere"; }, "doors[1].roomA", "unknown room"},
    {"duplicate room id", [](J& j) { j["rooms"][1]["id"] = "R1"; }, "rooms[1].id", "duplicate room id"},
    {"duplicate door id", [](J& j) { j["doors"][1]["id"] = "D1"; }, "doors[1].id", "duplicate door id"},
    {"zero-volume room", [](J& j) { j["rooms"][0]["box"]["max"][2] = 0; }, "rooms[0].box", "zero or negative volume"},
    {"door far from the shared wall", [](J& j) { j["doors"][0]["centerM"][0] = 2.0; }, "doors[0].centerM", "not on the boundary of roomB"},
    {"door wider than the wall it is in", [](J& j) { j["doors"][0]["widthM"] = 6.0; }, "doors[0].centerM", "not on the boundary"},
    {"door above the floor", [](J& j) { j["doors"][0]["centerM"][2] = 1.5; }, "doors[0].centerM", "floor level"},
    {"door normal pointing back", [](J& j) { j["doors"][0]["normal"] = {-1, 0, 0}; }, "doors[0].normal", "must point away from roomA"},
    {"vertical door normal", [](J& j) { j["doors"][0]["normal"] = {0, 0, 1}; }, "doors[0].normal", "horizontal"},
    {"missing door width", [](J& j) { j["doors"][0].erase("widthM"); }, "doors[0].widthM", "missing required field"},
    {"string where a number belongs", [](J& j) { j["doors"][0]["heightM"] = "tall"; }, "doors[0].heightM", "must be a number"},
    {"exit flag on an inner door", [](J& j) { j["doors"][0]["isExit"] = true; }, "doors[0].isExit", "only a door with roomB"},
    {"unknown field (typo)", [](J& j) { j["rooms"][0]["colour"] = "red"; }, "rooms[0].colour", "unknown field"},
    {"overlapping rooms", [](J& j) { j["rooms"][1]["box"]["min"][0] = 3.0; }, "rooms[1].box", "overlaps room 'R1'"},
    {"unknown room kind", [](J& j) { j["rooms"][0]["kind"] = "gym"; }, "rooms[0].kind", "unknown room kind 'gym'"},
    {"room on a storey the building lacks", [](J& j) { j["rooms"][0]["storey"] = 3; }, "rooms[0].storey", "outside building"},
    {"room in an unknown building", [](J& j) { j["rooms"][0]["building"] = "Z"; }, "rooms[0].building", "unknown building"},
    {"exit through an inner door", [](J& j) { j["exits"][0]["door"] = "D1"; }, "exits[0].door", "does not lead outside"},
    {"exit point indoors", [](J& j) { j["exits"][0]["positionM"] = {6, 2, 0}; }, "exits[0].positionM", "must lie outside"},
    {"stair between non-stairwells",
     [](J& j) {
         j["stairs"] = J::array({{{"id", "S"}, {"lowerRoom", "R1"}, {"upperRoom", "R2"}, {"lengthM", 7}, {"bottomM", {1, 1, 0}}, {"topM", {1, 3, 3.5}}}});
     },
     "stairs[0].lowerRoom", "not a stairwell"},
    {"terrain heights of the wrong count", [](J& j) { j["terrain"]["heightsM"] = {1, 2, 3}; }, "terrain.heightsM", "nx * ny = 6"},
    {"unsupported version", [](J& j) { j["version"] = 2; }, "version", "unsupported version 2"},
    {"wrong format tag", [](J& j) { j["format"] = "gltf"; }, "format", "citydrill-district"},
    {"missing exits", [](J& j) { j.erase("exits"); }, "exits", "missing required field"},
    {"negative assembly radius", [](J& j) { j["assemblyPoints"][0]["radiusM"] = -1; }, "assemblyPoints[0].radiusM", "must be positive"},
    {"window in an unknown room", [](J& j) { j["windows"] = J::array({window("R9")}); }, "windows[0].room", "unknown room 'R9'"},
    {"window off the room's walls",
     [](J& j) {
         J w = window("R1");
         w["centerM"] = {2, 2, 0.9};
         j["windows"] = J::array({w});
     },
     "windows[0].centerM", "not on the boundary of room 'R1'"},
    {"window above the ceiling",
     [](J& j) {
         J w = window("R1");
         w["heightM"] = 2.5;
         j["windows"] = J::array({w});
     },
     "windows[0].heightM", "between the floor and ceiling"},
    {"window facing into its room",
     [](J& j) {
         J w = window("R1");
         w["normal"] = {0, 1, 0};
         j["windows"] = J::array({w});
     },
     "windows[0].normal", "must point out of room 'R1'"},
    {"window with a door's id", [](J& j) { J w = window("R1"); w["id"] = "D1"; j["windows"] = J::array({w}); }, "windows[0].id", "duplicate window or door id"},
    {"low area of two points", [](J& j) { j["lowArea"]["polygonM"] = {{0, 0}, {1, 1}}; }, "lowArea.polygonM", "at least 3"},
};

INSTANTIATE_TEST_SUITE_P(Malformed, ManifestErrors, ::testing::ValuesIn(kCases), [](const ::testing::TestParamInfo<Case>& info) {
    std::string name;
    for (const char* p = info.param.what; *p; ++p)
        if (std::isalnum(static_cast<unsigned char>(*p))) name += *p;
    return name;
});

TEST(ManifestWindows, AWindowIsReadWithItsNormalMadeUnitLength) {
    J j = cd::test::tinyDistrict();
    J w = window("R1");
    w["normal"] = {0, -2, 0};
    j["windows"] = J::array({w});
    auto r = parseDistrict(j.dump(2), "ok.json");
    ASSERT_TRUE(r.ok()) << r.error().str();
    ASSERT_EQ(r->windows.size(), 1u);
    EXPECT_EQ(r->windows[0].room, "R1");
    EXPECT_FLOAT_EQ(r->windows[0].normal.y, -1.0f);
    EXPECT_FLOAT_EQ(r->windows[0].centerM.z, 0.9f);
    EXPECT_FLOAT_EQ(r->windows[0].heightM, 1.5f);
    // Windows are optional: the tiny district has none.
    auto none = parseDistrict(cd::test::tinyDistrict().dump(2), "ok.json");
    ASSERT_TRUE(none.ok());
    EXPECT_TRUE(none->windows.empty());
}

TEST(ManifestLines, TheReportedLineIsTheLineOfTheOffendingKey) {
    J j = cd::test::tinyDistrict();
    j["doors"][1]["roomA"] = "ghost";
    const std::string text = j.dump(2);
    auto r = parseDistrict(text, "bad.json");
    ASSERT_FALSE(r.ok());
    // The second door's "roomA" key: after the first door's.
    const int expected = lineOf(text, "\"roomA\"", text.find("\"D2\""));
    EXPECT_EQ(r.error().line, expected) << r.error().str();
}

TEST(ManifestLines, InvalidJsonReportsTheLineOfTheSyntaxError) {
    auto r = parseDistrict("{\n  \"format\": \"citydrill-district\",\n  \"version\": 1,\n  \"name\": oops\n}\n", "broken.json");
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().file, "broken.json");
    EXPECT_EQ(r.error().line, 4);
    EXPECT_NE(r.error().message.find("invalid JSON"), std::string::npos);
}

TEST(ManifestFiles, MissingManifestAndMissingDemNameTheirFiles) {
    auto missing = cd::world::loadDistrict("/nonexistent/campus.json");
    ASSERT_FALSE(missing.ok());
    EXPECT_EQ(missing.error().file, "/nonexistent/campus.json");

    const auto dir = std::filesystem::temp_directory_path() / "cd_world_dem_test";
    std::filesystem::create_directories(dir);
    J j = cd::test::tinyDistrict();
    j["terrain"] = {{"dem", "absent.asc"}};
    std::ofstream(dir / "m.json") << j.dump(2);
    auto r = cd::world::loadDistrict((dir / "m.json").string());
    ASSERT_FALSE(r.ok());
    EXPECT_NE(r.error().file.find("absent.asc"), std::string::npos) << r.error().str();
    EXPECT_NE(r.error().message.find("m.json"), std::string::npos) << r.error().str();

    // A present DEM is read relative to the manifest.
    std::ofstream(dir / "absent.asc") << "ncols 2\nnrows 2\nxllcorner 0\nyllcorner 0\ncellsize 5\n3 4\n1 2\n";
    auto ok = cd::world::loadDistrict((dir / "m.json").string());
    ASSERT_TRUE(ok.ok()) << ok.error().str();
    EXPECT_FLOAT_EQ(ok->terrain.heightAt(2.5f, 2.5f), 1.0f);
    std::filesystem::remove_all(dir);
}

TEST(ManifestValid, TheTinyDistrictLoadsWithItsRoomsAndDoors) {
    auto r = parseDistrict(cd::test::tinyDistrict().dump(), "tiny.json");
    ASSERT_TRUE(r.ok()) << r.error().str();
    EXPECT_EQ(r->rooms.size(), 2u);
    ASSERT_NE(r->findDoor("D2"), nullptr);
    EXPECT_TRUE(r->findDoor("D2")->isExit);
    EXPECT_FALSE(r->findDoor("D1")->isExit);
    EXPECT_EQ(r->findRoom("R2")->kind, cd::world::RoomKind::Corridor);
    EXPECT_EQ(r->findRoom("nope"), nullptr);
    EXPECT_FLOAT_EQ(r->terrain.heightAt(5.0f, 5.0f), 0.0f);
    EXPECT_FLOAT_EQ(r->terrain.heightAt(10.0f, 5.0f), 0.125f);
}

}  // namespace
