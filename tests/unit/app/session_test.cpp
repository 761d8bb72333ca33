#include <gtest/gtest.h>

#include "tiny_session.h"

using namespace cd;

namespace {

scenario::ScenarioDef drillScenario() {
    scenario::ScenarioDef s = test::tinyScenario("tiny", 90.0);
    s.title = "Tiny drill";
    s.fires.push_back(test::tinyFire());
    scenario::TimelineEvent alarm;
    alarm.kind = "alarm";
    alarm.on = "fire.detected";
    alarm.text = "Fire!";
    s.timeline.push_back(alarm);
    return s;
}

struct Drill {
    std::vector<record::StateHash> hashes;
    record::SessionLog log;
    double fed = 0.0;
};

// The trainee either walks out at 20 s, or walks into the burning room and stays; or, with
// untilEvent, walks out when that event is recorded (at 80 s at the latest).
Drill play(bool intoTheFire, const std::string& untilEvent = "") {
    const scenario::ScenarioDef sc = drillScenario();
    scenario::BotScript bot;
    scenario::BotStep wait;
    wait.action = "wait";
    wait.waitS = untilEvent.empty() ? 20.0 : 80.0;
    wait.untilEvent = untilEvent;
    scenario::BotStep move;
    move.action = "move";
    move.to = intoTheFire ? "room:R1" : "assembly:AP";
    bot.steps = {wait, move};
    Drill out;
    test::runTinySession(sc, bot, [](const app::Session&) {},
                         [&](const app::Session& s) { out = Drill{s.log().hashes, s.log(), s.fed()}; });
    return out;
}

bool hasEvent(const record::SessionLog& log, const std::string& kind) {
    for (const auto& e : log.events) if (e.kind == kind) return true;
    return false;
}

}  // namespace

TEST(Session, TheFireIsDetectedTheAlarmSoundsAndTheTraineeWalksOut) {
    Drill out = play(false);
    EXPECT_TRUE(hasEvent(out.log, "fire.ignite"));
    EXPECT_TRUE(hasEvent(out.log, "fire.detected"));
    EXPECT_TRUE(hasEvent(out.log, "alarm.sound"));
    EXPECT_TRUE(hasEvent(out.log, "trainee.left_building"));
    EXPECT_TRUE(hasEvent(out.log, "trainee.reached_assembly"));
    // 4 poses a second, one hash a second, over the whole 90 s.
    EXPECT_NEAR(static_cast<double>(out.log.poses.size()), 90.0 * 4.0, 1.0);
    EXPECT_NEAR(static_cast<double>(out.hashes.size()), 90.0, 1.0);
}

TEST(Session, ABotWaitingForTheAlarmSetsOffWhenItSounds) {
    Drill out = play(false, "alarm.sound");
    const record::SimEvent* alarm = nullptr;
    for (const auto& e : out.log.events)
        if (e.kind == "alarm.sound" && !alarm) alarm = &e;
    ASSERT_NE(alarm, nullptr);
    ASSERT_LT(alarm->timeS, 60.0) << "the wait's 80 s cap would hide an early end";
    ASSERT_FALSE(out.log.actions.empty());
    EXPECT_EQ(out.log.actions.front().kind, record::ActionKind::Move);
    // The bot sees the event before the next tick (20 Hz).
    EXPECT_GE(out.log.actions.front().timeS, alarm->timeS);
    EXPECT_LE(out.log.actions.front().timeS, alarm->timeS + 0.05 + 1e-9);
}

// A wait for an event that was recorded before the wait began ends at once: "wait until the
// pupil is freed" when the pupil is already free (a heap that came down lighter than the bot's
// author saw) must not stand the trainee there to the wait's cap.
TEST(Session, AWaitForAnEventAlreadyRecordedEndsAtOnce) {
    scenario::BotScript bot;
    scenario::BotStep first, until, move;
    first.action = "wait";
    first.waitS = 30.0;
    until.action = "wait";
    until.waitS = 50.0;
    until.untilEvent = "fire.ignite";
    move.action = "move";
    move.to = "assembly:AP";
    bot.steps = {first, until, move};
    record::SessionLog log;
    test::runTinySession(drillScenario(), bot, [](const app::Session&) {}, [&](const app::Session& s) { log = s.log(); });
    const record::SimEvent* ignite = nullptr;
    for (const auto& e : log.events)
        if (e.kind == "fire.ignite" && !ignite) ignite = &e;
    ASSERT_NE(ignite, nullptr);
    ASSERT_LT(ignite->timeS, 30.0) << "the fire must start before the second wait";
    ASSERT_FALSE(log.actions.empty());
    EXPECT_EQ(log.actions.front().kind, record::ActionKind::Move);
    EXPECT_NEAR(log.actions.front().timeS, 30.0, 0.05 + 1e-9) << "not at the cap, 80 s";
}

TEST(Session, StandingInTheBurningRoomGivesAFarHigherDoseThanLeaving) {
    Drill out = play(false);
    Drill in = play(true);
    EXPECT_LT(out.fed, 0.05);
    EXPECT_GT(in.fed, 0.3) << "60 s in a small room with an 800 kW fire";
    EXPECT_GT(in.fed, 10.0 * std::max(out.fed, 1e-3));
}

TEST(Session, SameScenarioAndActionsGiveTheSameStateHashes) {
    Drill a = play(true);
    Drill b = play(true);
    ASSERT_EQ(a.hashes.size(), b.hashes.size());
    for (std::size_t i = 0; i < a.hashes.size(); ++i) EXPECT_EQ(a.hashes[i].hash, b.hashes[i].hash) << i;
    Drill c = play(false);
    EXPECT_NE(a.hashes.back().hash, c.hashes.back().hash);
}

// A bot's move to a position far outside the district (a typo's kilometres) is an error naming
// the step, not a trainee walking towards it until the time is up; one in the street beside the
// buildings is a goal like any other.
TEST(Session, ABotSentFarOutsideTheDistrictIsRejectedNamingItsStep) {
    auto d = world::parseDistrict(test::tinyDistrict().dump(), "tiny.json");
    ASSERT_TRUE(d.ok());
    world::WalkGraph graph(*d);
    auto botTo = [](scenario::Vec3 p) {
        scenario::BotScript bot;
        scenario::BotStep move;
        move.action = "move";
        move.position = p;
        move.source = {"bot.toml", 7, "step[0]"};
        bot.steps = {move};
        return bot;
    };
    EXPECT_TRUE(app::BotDriver(botTo({12.0, 2.0, 0.0}), *d, graph).validate().ok()) << "in the street by the block";
    EXPECT_TRUE(app::BotDriver(botTo({-60.0, 2.0, 0.0}), *d, graph).validate().ok()) << "within 100 m of it";
    const Status far = app::BotDriver(botTo({1e9, 2.0, 0.0}), *d, graph).validate();
    ASSERT_FALSE(far.ok());
    EXPECT_EQ(far.error().str(), "bot.toml:7: step[0].position: (1e+09, 2, 0) lies outside the district (x 0 to 30, y 0 to 20 m, and 100 m round it)");
    EXPECT_FALSE(app::BotDriver(botTo({12.0, 2.0, 500.0}), *d, graph).validate().ok()) << "500 m up";
}
