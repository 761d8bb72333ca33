#include <gtest/gtest.h>

#include <algorithm>

#include "e2e_fixture.h"

using namespace cd::e2e;

TEST(Cli, VersionAndHelpExitZeroAndNameTheCommands) {
    auto v = runCitydrill("--version");
    EXPECT_EQ(v.exitCode, 0);
    EXPECT_NE(v.output.find("citydrill "), std::string::npos);
    auto h = runCitydrill("--help");
    EXPECT_EQ(h.exitCode, 0);
    for (const char* c : {"run SCENARIO", "validate SCENARIO"}) EXPECT_NE(h.output.find(c), std::string::npos) << c;
}

TEST(Cli, TheDefaultScenarioValidates) {
    auto r = runCitydrill("validate scenes/school_fire_drill.toml");
    EXPECT_EQ(r.exitCode, 0) << r.output;
}

TEST(Cli, AMalformedScenarioGivesFileLineErrorsAndExitOne) {
    std::string dir = freshDir("bad_scenario");
    std::string path = dir + "/bad.toml";
    std::ofstream(path) << "[scenario]\nid = \"x\"\ntitle = \"X\"\ndistrict = \"nowhere.json\"\nduration_s = -4\n"
                           "assembly_point = \"a\"\ninstructions = [\"go\"]\n[trainee]\nrole = \"pilot\"\nstart_room = \"r\"\n";
    auto r = runCitydrill("validate " + path);
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_NE(r.output.find(path + ":5: scenario.duration_s: value -4 is outside"), std::string::npos) << r.output;
    EXPECT_NE(r.output.find(path + ":9: trainee.role:"), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("rubric: missing"), std::string::npos) << r.output;
}

namespace {

// A shipped scene's text, to be written to a temporary folder: the files it names (district,
// bot, hooks) keep pointing at the shipped ones, since a missing one is an error of its own.
std::string namingShippedFiles(std::string text) {
    for (const std::string key : {"district = \"", "bot = \"", "hooks = \""}) {
        auto d = text.find(key);
        if (d == std::string::npos) continue;
        auto end = text.find('"', d + key.size());
        std::string rel = text.substr(d + key.size(), end - d - key.size());
        text.replace(d + key.size(), rel.size(), std::filesystem::absolute("scenes/" + rel).lexically_normal().string());
    }
    return text;
}

}  // namespace

TEST(Cli, AScenarioNamingAMissingRoomIsRejectedWithItsLine) {
    std::string dir = freshDir("bad_room");
    std::string text = readText("scenes/school_fire_drill.toml");
    auto at = text.find("start_room = \"");
    ASSERT_NE(at, std::string::npos);
    text.insert(at + 14, "no_such_");
    std::string path = dir + "/s.toml";
    std::ofstream(path) << namingShippedFiles(text);
    auto r = runCitydrill("validate " + path);
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_NE(r.output.find("trainee.start_room: no room 'no_such_"), std::string::npos) << r.output;
}

TEST(Cli, TakingCoverWithoutAnEarthquakeIsRejectedWithTheGroupsLine) {
    std::string dir = freshDir("cover_without_quake");
    std::string text = readText("scenes/school_fire_drill.toml");
    auto at = text.find("[[crowd]]\n");
    ASSERT_NE(at, std::string::npos);
    text.insert(at + 10, "take_cover_s = [1, 4]\n");
    const int line = static_cast<int>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(at), '\n')) + 1;
    std::ofstream(dir + "/s.toml") << namingShippedFiles(text);
    auto r = runCitydrill("validate " + dir + "/s.toml");
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_NE(r.output.find("s.toml:" + std::to_string(line) + ": crowd[0].take_cover_s: people take cover from an earthquake"), std::string::npos)
        << r.output;
}

TEST(Cli, AFuelItemOutsideItsRoomIsRejectedWithItsLine) {
    std::string dir = freshDir("item_outside");
    std::string text = readText("scenes/classroom_fire_attack.toml");
    auto at = text.find("position = [128.4, 177.35, 11.7]");
    ASSERT_NE(at, std::string::npos);
    text.replace(at, 32, "position = [138.4, 177.35, 11.7]");
    const int item = static_cast<int>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(text.find("[[item]]")), '\n')) + 1;
    std::ofstream(dir + "/s.toml") << namingShippedFiles(text);
    auto r = runCitydrill("validate " + dir + "/s.toml");
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_NE(r.output.find("s.toml:" + std::to_string(item) + ": item[0].position: the item is not inside room 'A.0.classroom2'"),
              std::string::npos)
        << r.output;
}

TEST(Cli, RunRejectsUnknownOptionsAndMissingFiles) {
    EXPECT_EQ(runCitydrill("run scenes/school_fire_drill.toml --bogus").exitCode, 2);
    auto r = runCitydrill("run /nonexistent/s.toml --headless");
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_NE(r.output.find("/nonexistent/s.toml"), std::string::npos) << r.output;
}

TEST(Cli, AnEarthquakeWithAMalformedRecordFailsValidationAtTheRecordsLineAndColumn) {
    std::string dir = freshDir("bad_record");
    std::string text = readText("scenes/earthquake_school.toml");
    text = namingShippedFiles(text);
    const std::string record = "record = \"../assets/ground_motion/synthetic_kt_m6.csv\"";
    auto at = text.find(record);
    ASSERT_NE(at, std::string::npos);
    text.replace(at, record.size(), "record = \"quake.csv\"");
    std::ofstream(dir + "/quake.csv") << "time_s,ax,ay,az\n0,0,0,0\n0.01,0.5,abc,0\n";
    std::ofstream(dir + "/s.toml") << text;
    auto r = runCitydrill("validate " + dir + "/s.toml");
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_NE(r.output.find("quake.csv:3: ay: not a finite number: 'abc'"), std::string::npos) << r.output;
}
