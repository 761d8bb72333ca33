#include <gtest/gtest.h>

#include <map>

#include "scenario_run.h"

using namespace cd::e2e;

namespace {
// Runs the default scenario headless with a bot; each bot runs once per test binary.
const ScenarioRun& drill(const std::string& bot) { return scenarioRun("school_fire_drill", bot); }
}  // namespace

class SchoolFireDrill : public ::testing::Test {};

TEST_F(SchoolFireDrill, AHeadlessRunWritesTheDatabaseReportsAndPicture) {
    const auto& r = drill("walks_out");
    ASSERT_EQ(r.result.exitCode, 0) << r.result.output;
    for (const char* f : {"session.db", "report.json", "report.html", "final.png"})
        EXPECT_TRUE(std::filesystem::exists(r.dir + "/" + f)) << f;
    EXPECT_NE(r.result.output.find(r.dir), std::string::npos) << "prints the output folder";
    EXPECT_NE(r.result.output.find("score"), std::string::npos) << "prints the score";
    std::string png = readText(r.dir + "/final.png");
    ASSERT_GT(png.size(), 8u);
    EXPECT_EQ(png.substr(1, 3), "PNG");
    std::string html = readText(r.dir + "/report.html");
    EXPECT_NE(html.find("<svg"), std::string::npos);
}

TEST_F(SchoolFireDrill, TheSessionDatabaseHoldsTheBotsActionsAndTheHazardEvents) {
    const auto& r = drill("walks_out");
    ASSERT_EQ(r.result.exitCode, 0) << r.result.output;
    auto log = cd::record::loadSession(r.dir + "/session.db");
    ASSERT_TRUE(log.ok()) << log.error().str();
    EXPECT_GE(log->actions.size(), 5u);
    auto has = [&](const std::string& kind) {
        for (const auto& e : log->events) if (e.kind == kind) return true;
        return false;
    };
    EXPECT_TRUE(has("fire.ignite"));
    EXPECT_TRUE(has("alarm.sound"));
    EXPECT_TRUE(has("trainee.left_building"));
    EXPECT_TRUE(has("trainee.reached_assembly"));
    // The exit door is shut (exits are): the bot walks into it and so opens it, as its action.
    bool pushedOpen = false;
    for (const auto& a : log->actions)
        pushedOpen = pushedOpen || (a.kind == cd::record::ActionKind::OpenDoor && a.target == "A.stairW.exit" && a.text == "walked into it");
    EXPECT_TRUE(pushedOpen);
    // Pushed open in passing, it swings shut behind the trainee (its closer, 5 s).
    const auto* opened = findEvent(*log, "door.open", "A.stairW.exit");
    const cd::record::SimEvent* shut = nullptr;
    for (const auto& e : log->events)
        if (!shut && e.kind == "door.close" && e.subject == "A.stairW.exit") shut = &e;
    ASSERT_NE(opened, nullptr);
    ASSERT_NE(shut, nullptr);
    EXPECT_EQ(shut->text, "swung shut behind the trainee");
    EXPECT_GE(shut->timeS - opened->timeS, 5.0);
    EXPECT_GT(log->poses.size(), 100u);
    auto chain = cd::record::verifyChain(r.dir + "/session.db");
    ASSERT_TRUE(chain.ok());
    EXPECT_TRUE(chain->intact) << chain->message;
    EXPECT_TRUE(chain->closed);
}

TEST_F(SchoolFireDrill, WalkingIntoTheSmokeScoresLowerThanWalkingOut) {
    const auto& good = drill("walks_out");
    const auto& bad = drill("walks_into_smoke");
    ASSERT_EQ(good.result.exitCode, 0) << good.result.output;
    ASSERT_EQ(bad.result.exitCode, 0) << bad.result.output;
    double goodPct = good.report["score"]["percent"].get<double>();
    double badPct = bad.report["score"]["percent"].get<double>();
    EXPECT_GT(goodPct, badPct + 20.0) << "good " << goodPct << " bad " << badPct;
    EXPECT_TRUE(good.report["score"]["passed"].get<bool>());
    EXPECT_FALSE(bad.report["score"]["passed"].get<bool>());
    EXPECT_GT(bad.report["max_fed"].get<double>(), good.report["max_fed"].get<double>());
    EXPECT_LT(good.report["max_fed"].get<double>(), 0.1);
    EXPECT_FALSE(good.report["time_to_assembly_s"].is_null());
}

TEST_F(SchoolFireDrill, TheSameSeedAndBotGiveTheSameStateHashes) {
    expectSameStateHashes(drill("walks_out"), "school_fire_drill", "walks_out");
}

TEST_F(SchoolFireDrill, AReviewVerifiesTheChainRescoresAndExportsXapi) {
    const auto& r = drill("walks_into_smoke");
    ASSERT_EQ(r.result.exitCode, 0) << r.result.output;
    std::string xapi = r.dir + "/statements.json";
    auto review = runCitydrill("review " + r.dir + "/session.db --scenario scenes/school_fire_drill.toml --xapi " + xapi +
                               " --actor trainee7 --activity https://citydrill.org/scenarios/school_fire_drill");
    ASSERT_EQ(review.exitCode, 0) << review.output;
    EXPECT_NE(review.output.find("chain: intact"), std::string::npos) << review.output;
    // Re-scoring the recorded log gives the score the session reported.
    char expected[64];
    std::snprintf(expected, sizeof expected, "score: %.1f %%", r.report["score"]["percent"].get<double>());
    EXPECT_NE(review.output.find(expected), std::string::npos) << review.output;
    auto statements = readJson(xapi);
    ASSERT_TRUE(statements.is_array());
    EXPECT_GT(statements.size(), 5u);
    for (const auto& s : statements) {
        EXPECT_TRUE(s.contains("actor") && s.contains("verb") && s.contains("object") && s.contains("timestamp"));
    }
}
