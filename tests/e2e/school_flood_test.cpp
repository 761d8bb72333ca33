#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <functional>
#include <map>

#include "e2e_fixture.h"
#include "record/session_store.h"

using namespace cd::e2e;

namespace {

struct FloodRun {
    CommandResult result;
    std::string dir;
    nlohmann::json report;
    double wallS = 0.0;
};

// Runs the flood scenario headless with a bot; each bot runs once per test binary.
const FloodRun& floodRun(const std::string& bot) {
    static std::map<std::string, FloodRun> runs;
    auto it = runs.find(bot);
    if (it != runs.end()) return it->second;
    FloodRun r;
    r.dir = freshDir(bot);
    auto t0 = std::chrono::steady_clock::now();
    r.result = runCitydrill("run scenes/school_flood.toml --headless --bot scenes/bots/" + bot + ".toml --out " + r.dir);
    r.wallS = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    r.report = readJson(r.dir + "/report.json");
    return runs.emplace(bot, std::move(r)).first->second;
}

const cd::record::SimEvent* findEvent(const cd::record::SessionLog& log, const std::string& kind) {
    for (const auto& e : log.events)
        if (e.kind == kind) return &e;
    return nullptr;
}

}  // namespace

TEST(SchoolFlood, TheFloodScenarioValidates) {
    auto r = runCitydrill("validate scenes/school_flood.toml");
    EXPECT_EQ(r.exitCode, 0) << r.output;
}

TEST(SchoolFlood, TheGoodBotStaysDryAndReachesTheAssemblyPoint) {
    const auto& r = floodRun("flood_walks_out");
    ASSERT_EQ(r.result.exitCode, 0) << r.result.output;
    auto log = cd::record::loadSession(r.dir + "/session.db");
    ASSERT_TRUE(log.ok()) << log.error().str();
    EXPECT_NE(findEvent(*log, "trainee.reached_assembly"), nullptr);
    EXPECT_EQ(findEvent(*log, "trainee.flood_exposure"), nullptr);
    EXPECT_EQ(findEvent(*log, "trainee.swept"), nullptr);
    EXPECT_TRUE(r.report["score"]["passed"].get<bool>());
    EXPECT_TRUE(std::filesystem::exists(r.dir + "/final.png"));
    std::printf("flood_walks_out: %.2f s wall\n", r.wallS);
}

TEST(SchoolFlood, TheBadBotIsExposedToTheFloodAndScoresLower) {
    const auto& good = floodRun("flood_walks_out");
    const auto& bad = floodRun("flood_walks_into_water");
    ASSERT_EQ(good.result.exitCode, 0) << good.result.output;
    ASSERT_EQ(bad.result.exitCode, 0) << bad.result.output;
    auto log = cd::record::loadSession(bad.dir + "/session.db");
    ASSERT_TRUE(log.ok()) << log.error().str();
    const auto* exposure = findEvent(*log, "trainee.flood_exposure");
    ASSERT_NE(exposure, nullptr) << "the bad bot walks into the flooded meadow";
    EXPECT_GE(exposure->value, 0.75) << "hazard rating of 'danger for some' (Defra FD2321/TR1)";
    double goodPct = good.report["score"]["percent"].get<double>();
    double badPct = bad.report["score"]["percent"].get<double>();
    EXPECT_GT(goodPct, badPct + 20.0) << "good " << goodPct << " bad " << badPct;
    std::printf("flood_walks_into_water: %.2f s wall, score %.1f vs %.1f\n", bad.wallS, badPct, goodPct);
}

TEST(SchoolFlood, TheSameBotGivesTheSameStateHashesWithTheFloodInThem) {
    const auto& first = floodRun("flood_walks_into_water");
    ASSERT_EQ(first.result.exitCode, 0);
    std::string dir = freshDir("flood_again");
    auto again = runCitydrill("run scenes/school_flood.toml --headless --bot scenes/bots/flood_walks_into_water.toml --out " + dir);
    ASSERT_EQ(again.exitCode, 0) << again.output;
    auto a = cd::record::loadSession(first.dir + "/session.db");
    auto b = cd::record::loadSession(dir + "/session.db");
    ASSERT_TRUE(a.ok() && b.ok());
    ASSERT_EQ(a->hashes.size(), b->hashes.size());
    ASSERT_GT(a->hashes.size(), 10u);
    for (std::size_t i = 0; i < a->hashes.size(); ++i) EXPECT_EQ(a->hashes[i].hash, b->hashes[i].hash) << "at " << i;
}

TEST(SchoolFlood, AMalformedFloodTableGivesFileLineAndField) {
    std::string text = readText("scenes/school_flood.toml");
    auto pos = text.find("manning = 0.035");
    ASSERT_NE(pos, std::string::npos);
    text.replace(pos, 15, "manning = -0.02");
    std::string dir = freshDir("flood_bad");
    std::string path = dir + "/bad_flood.toml";
    {
        std::ofstream out(path);
        out << text;
    }
    const long line = 1 + std::count(text.begin(), text.begin() + static_cast<long>(pos), '\n');
    auto r = runCitydrill("validate " + path);
    EXPECT_EQ(r.exitCode, 1) << r.output;
    EXPECT_NE(r.output.find(path + ":" + std::to_string(line) + ": flood.manning:"), std::string::npos) << r.output;
}

namespace {

// The shipped flood scenario, copied to dir with absolute paths and edited by `edit`.
std::string floodVariant(const std::string& dir, const std::string& name, const std::function<void(std::string&)>& edit) {
    std::string text = readText("scenes/school_flood.toml");
    const std::string root = std::filesystem::absolute(".").string();
    auto replaceAll = [&](const std::string& from, const std::string& to) {
        for (auto p = text.find(from); p != std::string::npos; p = text.find(from, p + to.size())) text.replace(p, from.size(), to);
    };
    replaceAll("\"../assets/", "\"" + root + "/assets/");
    replaceAll("\"bots/", "\"" + root + "/scenes/bots/");
    edit(text);
    std::string path = dir + "/" + name;
    std::ofstream(path) << text;
    return path;
}

}  // namespace

TEST(SchoolFlood, ALeveeBreachOpensAtItsTimeAndIsRecorded) {
    std::string dir = freshDir("flood_breach");
    std::string path = floodVariant(dir, "breach.toml", [](std::string& t) {
        t.replace(t.find("duration_s = 300"), 16, "duration_s = 12");
        t += "\n[[flood.breach]]\nat_s = 5\nsegment = [[100.0, 40.0], [120.0, 40.0]]\ncrest_m = 7.0\nwidth_m = 4\n";
    });
    auto r = runCitydrill("run " + path + " --headless --bot scenes/bots/flood_walks_out.toml --out " + dir + "/out");
    ASSERT_EQ(r.exitCode, 0) << r.output;
    auto log = cd::record::loadSession(dir + "/out/session.db");
    ASSERT_TRUE(log.ok()) << log.error().str();
    const auto* breach = findEvent(*log, "flood.breach");
    ASSERT_NE(breach, nullptr);
    EXPECT_NEAR(breach->timeS, 5.0, 0.3);
    EXPECT_GT(breach->value, 10.0) << "cells lowered under a 20 m x 4 m breach of 2 m cells";
}

TEST(SchoolFlood, AnInflowOffTheDemIsRejectedWithItsLine) {
    std::string dir = freshDir("flood_offgrid");
    long line = 0;
    std::string path = floodVariant(dir, "offgrid.toml", [&](std::string& t) {
        auto p = t.find("segment = [[2.0, 24.0], [298.0, 30.0]]");
        t.replace(p, 38, "segment = [[900.0, 24.0], [950.0, 30.0]]");
        line = 1 + std::count(t.begin(), t.begin() + static_cast<long>(p), '\n');
    });
    auto r = runCitydrill("validate " + path);
    EXPECT_EQ(r.exitCode, 1) << r.output;
    // The error names the line of the [[flood.inflow]] table, just above its segment.
    EXPECT_NE(r.output.find(path + ":" + std::to_string(line - 1) + ": flood.inflow[0].segment:"), std::string::npos) << r.output;
}
