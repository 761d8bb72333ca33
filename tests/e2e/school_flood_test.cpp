#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <functional>

#include "scenario_run.h"

using namespace cd::e2e;

namespace {
// Runs the flood scenario headless with a bot; each bot runs once per test binary.
const ScenarioRun& floodRun(const std::string& bot) { return scenarioRun("school_flood", bot); }
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

// The exits are shut (inner doors stand open): the classes open them as they come out, and
// each swings shut behind the last of them after its closer's 5 s (ADA 404.2.8.1), into the
// fire model's openings (door events).
TEST(SchoolFlood, TheClassesOpenTheShutExitsAsTheyGoAndTheyCloseBehindThem) {
    const auto& r = floodRun("flood_walks_out");
    ASSERT_EQ(r.result.exitCode, 0) << r.result.output;
    auto log = cd::record::loadSession(r.dir + "/session.db");
    ASSERT_TRUE(log.ok()) << log.error().str();
    int opened = 0;
    for (std::size_t i = 0; i < log->events.size(); ++i) {
        const auto& e = log->events[i];
        if (e.kind != "door.open" || e.text != "by the crowd passing through") continue;
        ++opened;
        EXPECT_NE(e.subject.find(".exit"), std::string::npos) << e.subject << ": only the exits were shut";
        const cd::record::SimEvent* closed = nullptr;
        for (std::size_t k = i + 1; k < log->events.size() && !closed; ++k)
            if (log->events[k].kind == "door.close" && log->events[k].subject == e.subject) closed = &log->events[k];
        if (!closed) continue;  // still in use when the session ended
        EXPECT_EQ(closed->text, "swung shut behind the crowd");
        EXPECT_GE(closed->timeS - e.timeS, 5.0);
    }
    EXPECT_GE(opened, 2) << "the west stair exit and the main door";
}

// The classes of block A: the hill's runoff floods the west stair exit while they come out;
// those who see it leave by the main door. The staff car parked on the surcharging gully floats.
TEST(SchoolFlood, TheCrowdAvoidsTheFloodedExitItsExposureIsRecordedAndTheCarOnTheGullyIsAtRisk) {
    const auto& r = floodRun("flood_walks_out");
    ASSERT_EQ(r.result.exitCode, 0) << r.result.output;
    auto log = cd::record::loadSession(r.dir + "/session.db");
    ASSERT_TRUE(log.ok()) << log.error().str();
    auto all = [&](const std::string& kind) {
        std::vector<const cd::record::SimEvent*> out;
        for (const auto& e : log->events)
            if (e.kind == kind) out.push_back(&e);
        return out;
    };
    const auto flooded = all("crowd.exit_flooded");
    ASSERT_EQ(flooded.size(), 1u);
    EXPECT_EQ(flooded[0]->subject, "A.stairW.exit");
    EXPECT_GE(flooded[0]->value, 0.75) << "danger for some (Defra FD2321/TR1)";
    const double floodedS = flooded[0]->timeS;
    const auto out = all("crowd.evacuated");
    EXPECT_EQ(out.size(), 73u) << "three classes and their teachers";
    int byMain = 0;
    for (const auto* e : out) {
        // The crowd steps every 3 ticks: allow one step for the door's judgement to be seen.
        if (e->timeS > floodedS + 0.2) {
            EXPECT_EQ(e->text.find("A.stairW.exit"), std::string::npos) << e->subject << " at " << e->timeS;
        }
        byMain += e->text.find("A.main.exit") != std::string::npos ? 1 : 0;
    }
    EXPECT_GE(byMain, 70);
    EXPECT_EQ(all("crowd.all_assembled").size(), 1u) << "everybody reaches the sports field";
    EXPECT_TRUE(all("crowd.swept").empty());

    // Exposure: the run summary's figures agree with the per-person events.
    const auto exposed = all("crowd.flood_exposure");
    EXPECT_GE(exposed.size(), 1u) << "the last one out of the west stair exit meets the rising water";
    for (const auto* e : exposed) EXPECT_GE(e->value, 0.75);
    int people = -1, swept = -1;
    double maxS = -1.0, totalS = -1.0;
    const auto at = r.result.output.find("crowd flood: ");
    ASSERT_NE(at, std::string::npos) << r.result.output;
    ASSERT_EQ(std::sscanf(r.result.output.c_str() + at, "crowd flood: %*d exits flooded, %d exposed (max %lf s, total %lf s), %d swept",
                          &people, &maxS, &totalS, &swept), 4)
        << r.result.output.substr(at, 120);
    EXPECT_EQ(people, static_cast<int>(exposed.size()));
    EXPECT_GT(maxS, 0.0);
    EXPECT_GE(totalS, maxS);
    EXPECT_EQ(swept, 0);

    // Vehicles (Shand et al. 2011): the small car on the gully floats, the others stay put.
    const auto cars = all("flood.vehicle_at_risk");
    ASSERT_EQ(cars.size(), 1u);
    EXPECT_EQ(cars[0]->subject, "car.staff1");
    EXPECT_GE(cars[0]->value, 0.3) << "still-water limit of a small car";
    EXPECT_NE(readText(r.dir + "/report.html").find("car.staff1 (small_car) at risk"), std::string::npos) << "the report's note";
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
    // The debrief shows the bad bot's view in the worst water it met (no such picture for the
    // good one, who never met 'danger for some').
    const std::string html = readText(bad.dir + "/report.html");
    const std::size_t caption = html.find("view in the most dangerous water they met: ");
    ASSERT_NE(caption, std::string::npos);
    double atS = 0.0, rating = 0.0;
    ASSERT_EQ(std::sscanf(html.c_str() + caption, "view in the most dangerous water they met: %lf s, hazard rating %lf", &atS,
                          &rating), 2);
    EXPECT_GE(rating, exposure->value - 0.06) << "the worst rating is at least the first one past 0.75, to its 0.05 steps";
    EXPECT_GE(atS, exposure->timeS - 0.5);
    EXPECT_TRUE(std::filesystem::exists(bad.dir + "/worst.png"));
    EXPECT_FALSE(std::filesystem::exists(good.dir + "/worst.png"));
    EXPECT_FALSE(std::filesystem::exists(bad.dir + "/worst_no_smoke.png")) << "no smoke in a flood";
    double goodPct = good.report["score"]["percent"].get<double>();
    double badPct = bad.report["score"]["percent"].get<double>();
    EXPECT_GT(goodPct, badPct + 20.0) << "good " << goodPct << " bad " << badPct;
    std::printf("flood_walks_into_water: %.2f s wall, score %.1f vs %.1f\n", bad.wallS, badPct, goodPct);
}

TEST(SchoolFlood, TheSameBotGivesTheSameStateHashesWithTheFloodInThem) {
    expectSameStateHashes(floodRun("flood_walks_into_water"), "school_flood", "flood_walks_into_water");
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
        t.replace(t.find("duration_s = 360"), 16, "duration_s = 12");
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
