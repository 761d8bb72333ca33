#include <gtest/gtest.h>

#include "scenario/bot_script.h"

using namespace cd::scenario;

namespace {
const std::vector<std::string> kActions{"move", "crouch", "pull_alarm", "open_door"};
}

TEST(BotScript, StepsKeepTheirOrderAndGoals) {
    auto r = parseBotScript(R"(
[bot]
name = "out"
[[step]]
action = "crouch"
[[step]]
action = "move"
to = "exit:A.e1"
run = true
[[step]]
action = "wait"
seconds = 4
[[step]]
action = "move"
position = [1.0, 2.0, 0.0]
not_before_s = 30
)", "b.toml", kActions);
    ASSERT_TRUE(r.ok()) << (r.errors.empty() ? "" : r.errors[0].str());
    ASSERT_EQ(r.bot.steps.size(), 4u);
    EXPECT_EQ(r.bot.steps[1].to, "exit:A.e1");
    EXPECT_TRUE(r.bot.steps[1].run);
    EXPECT_DOUBLE_EQ(r.bot.steps[2].waitS, 4.0);
    ASSERT_TRUE(r.bot.steps[3].position);
    EXPECT_DOUBLE_EQ(r.bot.steps[3].position->y, 2.0);
    EXPECT_DOUBLE_EQ(*r.bot.steps[3].notBeforeS, 30.0);
}

TEST(BotScript, AWaitCanEndAtAnEventAndOnlyAWait) {
    auto r = parseBotScript(R"(
[bot]
name = "waits"
[[step]]
action = "wait"
until = "casualty.freed"
target = "p1"
seconds = 600
[[step]]
action = "crouch"
until = "alarm.sound"
)", "b.toml", kActions);
    ASSERT_EQ(r.errors.size(), 1u);
    EXPECT_EQ(r.errors[0].str(), "b.toml:11: step[1].until: only a wait step waits for an event");
    ASSERT_EQ(r.bot.steps.size(), 2u);
    EXPECT_EQ(r.bot.steps[0].untilEvent, "casualty.freed");
    EXPECT_EQ(r.bot.steps[0].target, "p1");
    EXPECT_DOUBLE_EQ(r.bot.steps[0].waitS, 600.0);
}

TEST(BotScript, UnknownActionsAndBadGoalsNameTheStep) {
    auto r = parseBotScript(R"(
[bot]
name = "bad"
[[step]]
action = "fly"
[[step]]
action = "move"
to = "kitchen"
)", "b.toml", kActions);
    ASSERT_EQ(r.errors.size(), 2u);
    EXPECT_EQ(r.errors[0].str(), "b.toml:5: step[0].action: unknown action 'fly'");
    EXPECT_EQ(r.errors[1].str().rfind("b.toml:8: step[1].to: expected room:<id>", 0), 0u) << r.errors[1].str();
}
