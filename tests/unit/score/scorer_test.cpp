// Scoring each criterion kind on hand-made logs, with the expected points worked out by hand.
#include <gtest/gtest.h>

#include "sample_session.h"
#include "score/scorer.h"

using namespace cd::score;
using cd::record::ActionKind;
using cd::record::SessionLog;

namespace {

constexpr double kTol = 1e-9;

RubricCriterion timed(CriterionKind kind, double target, double limit, double points = 10.0) {
    RubricCriterion c;
    c.id = "c";
    c.kind = kind;
    c.points = points;
    c.targetS = target;
    c.limitS = limit;
    return c;
}

RubricCriterion action(CriterionKind kind, ActionKind a, std::string target = {}, double before = 0.0) {
    RubricCriterion c;
    c.id = "c";
    c.kind = kind;
    c.points = 4.0;
    c.action = a;
    c.target = std::move(target);
    c.targetS = c.limitS = before;
    return c;
}

void eraseEvents(SessionLog& log, const std::string& kind) {
    std::erase_if(log.events, [&](const cd::record::SimEvent& e) { return e.kind == kind; });
}

}  // namespace

TEST(ReachAssembly, FullPointsByTheTargetFallingLinearlyToTheLimit) {
    SessionLog log = cd::testdata::sampleSession();  // reached at 150 s
    EXPECT_NEAR(scoreCriterion(log, timed(CriterionKind::ReachAssembly, 150, 240)).points, 10.0, kTol);
    auto r = scoreCriterion(log, timed(CriterionKind::ReachAssembly, 120, 240));
    EXPECT_NEAR(r.points, 10.0 * (240 - 150) / 120.0, kTol);  // 7.5
    EXPECT_FALSE(r.met);
    EXPECT_NE(r.evidence.find("150.0 s"), std::string::npos) << r.evidence;
    EXPECT_NEAR(scoreCriterion(log, timed(CriterionKind::ReachAssembly, 100, 150)).points, 0.0, kTol);
}

TEST(ReachAssembly, NeverReachingTheAssemblyPointScoresZeroAndSaysSo) {
    SessionLog log = cd::testdata::sampleSession();
    eraseEvents(log, "trainee.reached_assembly");
    auto c = timed(CriterionKind::ReachAssembly, 120, 240);
    c.critical = true;
    auto r = scoreCriterion(log, c);
    EXPECT_EQ(r.points, 0.0);
    EXPECT_TRUE(r.criticalFailure);
    EXPECT_NE(r.evidence.find("never"), std::string::npos) << r.evidence;
}

TEST(ReachAssembly, ASubjectLimitsWhichAssemblyPointCounts) {
    SessionLog log = cd::testdata::sampleSession();
    auto c = timed(CriterionKind::ReachAssembly, 200, 200);
    c.subject = "assembly_car_park";
    EXPECT_EQ(scoreCriterion(log, c).points, 0.0);
    c.subject = "assembly_field";
    EXPECT_EQ(scoreCriterion(log, c).points, 10.0);
}

TEST(LeaveBuildingBy, AStepDeadlineGivesAllOrNothing) {
    SessionLog log = cd::testdata::sampleSession();  // left at 100 s
    EXPECT_EQ(scoreCriterion(log, timed(CriterionKind::LeaveBuildingBy, 100, 100)).points, 10.0);
    EXPECT_EQ(scoreCriterion(log, timed(CriterionKind::LeaveBuildingBy, 99.9, 99.9)).points, 0.0);
    EXPECT_NEAR(scoreCriterion(log, timed(CriterionKind::LeaveBuildingBy, 80, 120)).points, 5.0, kTol);
}

TEST(MaxFed, FullBelowTheLowMarkLinearBetweenAndZeroAtTheHighMark) {
    SessionLog log = cd::testdata::sampleSession();  // FED peaks at 0.1
    RubricCriterion c;
    c.id = "fed";
    c.kind = CriterionKind::MaxFed;
    c.points = 6.0;
    EXPECT_NEAR(scoreCriterion(log, c).points, 6.0, kTol);
    log.poses[15].fed = 0.2;  // halfway from 0.1 to 0.3
    auto r = scoreCriterion(log, c);
    EXPECT_NEAR(r.points, 3.0, kTol);
    EXPECT_NE(r.evidence.find("0.200"), std::string::npos) << r.evidence;
    EXPECT_NE(r.evidence.find("150.0 s"), std::string::npos) << r.evidence;
    log.poses[15].fed = 0.3;
    EXPECT_NEAR(scoreCriterion(log, c).points, 0.0, kTol);
    EXPECT_FALSE(scoreCriterion(log, c).criticalFailure);
}

TEST(MaxFed, FedReachingOneIsACriticalFailureThatFailsTheSession) {
    SessionLog log = cd::testdata::sampleSession();
    log.events.push_back({170.0, "trainee.fed", "trainee", 1.02, ""});  // from an event, not a pose
    Rubric rubric;
    rubric.id = "r";
    rubric.passMark = 10.0;
    RubricCriterion fed;
    fed.id = "fed";
    fed.kind = CriterionKind::MaxFed;
    fed.points = 1.0;
    rubric.criteria = {fed, timed(CriterionKind::ReachAssembly, 200, 200, 99.0)};
    ScoreResult s = scoreSession(log, rubric);
    EXPECT_NEAR(s.points, 99.0, kTol);
    EXPECT_GT(s.percent, rubric.passMark);
    EXPECT_TRUE(s.criticalFailure);
    EXPECT_FALSE(s.passed);
    ASSERT_EQ(s.criticalReasons.size(), 1u);
    EXPECT_NE(s.criticalReasons[0].find("incapacitation"), std::string::npos) << s.criticalReasons[0];
}

TEST(MaxFed, AnIncapacitatedEventIsACriticalFailureWhateverTheFed) {
    SessionLog log = cd::testdata::sampleSession();
    log.events.push_back({120.0, "trainee.incapacitated", "trainee", 0.0, "heat"});
    RubricCriterion c;
    c.id = "fed";
    c.kind = CriterionKind::MaxFed;
    auto r = scoreCriterion(log, c);
    EXPECT_EQ(r.points, 0.0);
    EXPECT_TRUE(r.criticalFailure);
    EXPECT_NE(r.evidence.find("120.0 s"), std::string::npos) << r.evidence;
}

TEST(AvoidRooms, SecondsInTheRoomBeyondTheGraceCostPointsPerSecond) {
    SessionLog log = cd::testdata::sampleSession();  // corridor poses at 40, 50, 60 s: 30 s
    RubricCriterion c;
    c.id = "rooms";
    c.kind = CriterionKind::AvoidRooms;
    c.points = 5.0;
    c.rooms = {"corridor"};
    c.penaltyPerS = 0.1;
    c.graceS = 10.0;
    auto r = scoreCriterion(log, c);
    EXPECT_NEAR(r.points, 5.0 - 0.1 * 20.0, kTol);
    EXPECT_NE(r.evidence.find("30.0 s"), std::string::npos) << r.evidence;
    c.penaltyPerS = 1.0;  // the penalty stops at the criterion's points
    EXPECT_NEAR(scoreCriterion(log, c).points, 0.0, kTol);
    c.rooms = {"lab"};
    EXPECT_NEAR(scoreCriterion(log, c).points, 5.0, kTol);
}

TEST(AvoidRooms, TheLastPoseHoldsUntilTheEndOfTheSession) {
    SessionLog log = cd::testdata::sampleSession();
    log.meta.durationS = 230.0;  // last pose at 200 s, outside
    RubricCriterion c;
    c.id = "out";
    c.kind = CriterionKind::AvoidRooms;
    c.points = 100.0;
    c.rooms = {"outside"};
    c.penaltyPerS = 1.0;
    // outside from 100 s (pose 10) to 230 s = 130 s
    EXPECT_NEAR(scoreCriterion(log, c).points, 100.0 - 100.0, kTol);
    c.points = 200.0;
    EXPECT_NEAR(scoreCriterion(log, c).points, 70.0, kTol);
}

TEST(AvoidSmoke, TimeInLowVisibilityOrHeatIsPenalised) {
    SessionLog log = cd::testdata::sampleSession();
    log.poses[5].visibilityM = 3.0;    // 50-60 s
    log.poses[6].temperatureC = 80.0;  // 60-70 s
    RubricCriterion c;
    c.id = "smoke";
    c.kind = CriterionKind::AvoidSmoke;
    c.points = 5.0;
    c.penaltyPerS = 0.1;
    c.visibilityBelowM = 5.0;
    EXPECT_NEAR(scoreCriterion(log, c).points, 4.0, kTol);
    c.temperatureAboveC = 60.0;
    auto r = scoreCriterion(log, c);
    EXPECT_NEAR(r.points, 3.0, kTol);
    EXPECT_NE(r.evidence.find("first at 50.0 s"), std::string::npos) << r.evidence;
}

TEST(ActionBefore, AnActionInTimeScoresAndOneAfterTheDeadlineDoesNot) {
    SessionLog log = cd::testdata::sampleSession();  // pull_alarm at 20 s
    EXPECT_EQ(scoreCriterion(log, action(CriterionKind::ActionBefore, ActionKind::PullAlarm, "", 60)).points, 4.0);
    auto late = scoreCriterion(log, action(CriterionKind::ActionBefore, ActionKind::PullAlarm, "", 10));
    EXPECT_EQ(late.points, 0.0);
    EXPECT_NE(late.evidence.find("too late"), std::string::npos) << late.evidence;
    auto graded = action(CriterionKind::ActionBefore, ActionKind::PullAlarm, "", 10);
    graded.limitS = 30;
    EXPECT_NEAR(scoreCriterion(log, graded).points, 2.0, kTol);
    // The target must match when given: the trainee closed the classroom door, not the lab's.
    EXPECT_EQ(scoreCriterion(log, action(CriterionKind::ActionBefore, ActionKind::CloseDoor, "d_lab", 120)).points, 0.0);
    EXPECT_EQ(scoreCriterion(log, action(CriterionKind::ActionBefore, ActionKind::CloseDoor, "d_class_corr", 120)).points, 4.0);
    auto never = scoreCriterion(log, action(CriterionKind::ActionBefore, ActionKind::CallEmergency, "", 120));
    EXPECT_EQ(never.points, 0.0);
    EXPECT_NE(never.evidence.find("no call_emergency"), std::string::npos);
}

TEST(ActionNever, AForbiddenActionCostsThePointsAndCanBeCritical) {
    SessionLog log = cd::testdata::sampleSession();
    auto c = action(CriterionKind::ActionNever, ActionKind::UseLift);
    c.critical = true;
    auto ok = scoreCriterion(log, c);
    EXPECT_EQ(ok.points, 4.0);
    EXPECT_TRUE(ok.met);
    log.actions.push_back({75.0, "trainee", ActionKind::UseLift, "lift_1", 0, 0, 0, 0, ""});
    auto bad = scoreCriterion(log, c);
    EXPECT_EQ(bad.points, 0.0);
    EXPECT_TRUE(bad.criticalFailure);
    EXPECT_NE(bad.evidence.find("75.0 s"), std::string::npos) << bad.evidence;
    // Opening a different door than the forbidden one is fine.
    EXPECT_EQ(scoreCriterion(log, action(CriterionKind::ActionNever, ActionKind::OpenDoor, "d_lab")).points, 4.0);
}

TEST(RouteVia, TheSafeStairScoresAndTheUnsafeOneDoesNot) {
    SessionLog log = cd::testdata::sampleSession();  // went via stair_b
    RubricCriterion c;
    c.id = "route";
    c.kind = CriterionKind::RouteVia;
    c.points = 3.0;
    c.via = {"stair_b", "stair_c"};
    c.notVia = {"stair_a"};
    auto r = scoreCriterion(log, c);
    EXPECT_EQ(r.points, 3.0);
    EXPECT_NE(r.evidence.find("stair_b at 70.0 s"), std::string::npos) << r.evidence;
    std::swap(c.via, c.notVia);
    c.notVia = {"stair_b"};
    c.via = {"stair_a"};
    EXPECT_EQ(scoreCriterion(log, c).points, 0.0);
    // A door counts too, from an open_door action.
    c.via = {"d_class_corr"};
    c.notVia = {};
    EXPECT_EQ(scoreCriterion(log, c).points, 3.0);
}

TEST(ScoreSession, WalkingIntoSmokeScoresLowerThanTheSameDrillWithout) {
    Rubric rubric;
    rubric.id = "school_fire";
    rubric.passMark = 70.0;
    RubricCriterion smoke;
    smoke.id = "avoid_smoke";
    smoke.kind = CriterionKind::AvoidSmoke;
    smoke.points = 3.0;
    smoke.visibilityBelowM = 5.0;
    smoke.penaltyPerS = 0.1;
    RubricCriterion fed;
    fed.id = "fed";
    fed.kind = CriterionKind::MaxFed;
    fed.points = 3.0;
    rubric.criteria = {timed(CriterionKind::ReachAssembly, 180, 300, 4.0), smoke, fed};
    rubric.criteria[0].id = "assembly";

    SessionLog clean = cd::testdata::sampleSession();
    SessionLog smoky = clean;
    for (int i = 4; i < 7; ++i) {  // the corridor is full of smoke this time
        smoky.poses[static_cast<std::size_t>(i)].visibilityM = 2.0;
        smoky.poses[static_cast<std::size_t>(i)].fed += 0.15;
    }
    ScoreResult a = scoreSession(clean, rubric);
    ScoreResult b = scoreSession(smoky, rubric);
    EXPECT_NEAR(a.points, 10.0, kTol);
    EXPECT_TRUE(a.passed);
    EXPECT_LT(b.points, a.points);
    EXPECT_LT(b.percent, a.percent);
    EXPECT_NEAR(b.criteria[1].points, 0.0, kTol);  // 30 s * 0.1 = 3 points lost
}

TEST(ScoreSession, ScoringIsPureAndIgnoresTheOrderOfPoses) {
    Rubric rubric;
    rubric.id = "r";
    RubricCriterion rooms;
    rooms.id = "rooms";
    rooms.kind = CriterionKind::AvoidRooms;
    rooms.points = 5;
    rooms.rooms = {"corridor"};
    rubric.criteria = {rooms};
    SessionLog log = cd::testdata::sampleSession();
    ScoreResult a = scoreSession(log, rubric);
    std::reverse(log.poses.begin(), log.poses.end());
    ScoreResult b = scoreSession(log, rubric);
    EXPECT_EQ(a.points, b.points);
    EXPECT_EQ(a.criteria[0].evidence, b.criteria[0].evidence);
    EXPECT_EQ(scoreSession(log, rubric).points, b.points);
}

TEST(ScoreSession, PercentAtThePassMarkPassesAndAnInvalidCriterionScoresZero) {
    Rubric rubric;
    rubric.id = "r";
    rubric.passMark = 50.0;
    RubricCriterion bad;  // a route with no via: invalid
    bad.id = "bad";
    bad.kind = CriterionKind::RouteVia;
    rubric.criteria = {timed(CriterionKind::ReachAssembly, 200, 200, 1.0), bad};
    ScoreResult s = scoreSession(cd::testdata::sampleSession(), rubric);
    EXPECT_NEAR(s.percent, 50.0, kTol);
    EXPECT_TRUE(s.passed);
    EXPECT_NE(s.criteria[1].evidence.find("invalid criterion"), std::string::npos);
    EXPECT_NE(s.criteria[1].evidence.find("via"), std::string::npos);
}

TEST(ScoreSession, XapiOutcomeCarriesTheScore) {
    ScoreResult s;
    s.points = 3;
    s.maxPoints = 4;
    s.passed = true;
    auto o = toXapiOutcome(s);
    EXPECT_EQ(o.rawPoints, 3);
    EXPECT_EQ(o.maxPoints, 4);
    EXPECT_TRUE(o.passed);
}

TEST(EventNever, FullPointsWithoutTheEventNoneAndACriticalFailureWithIt) {
    SessionLog log = cd::testdata::sampleSession();
    RubricCriterion c;
    c.id = "debris";
    c.kind = CriterionKind::EventNever;
    c.points = 20.0;
    c.critical = true;
    c.event = "trainee.struck_by_debris";
    CriterionResult r = scoreCriterion(log, c);
    EXPECT_NEAR(r.points, 20.0, kTol);
    EXPECT_FALSE(r.criticalFailure);
    log.events.push_back({41.5, "trainee.struck_by_debris", "A.4.corridor", 0.0, "struck"});
    log.events.push_back({42.0, "trainee.struck_by_debris", "A.4.corridor", 0.0, "struck"});
    r = scoreCriterion(log, c);
    EXPECT_NEAR(r.points, 0.0, kTol);
    EXPECT_TRUE(r.criticalFailure);
    EXPECT_NE(r.evidence.find("41.5 s (2 times)"), std::string::npos) << r.evidence;
    // A subject narrows which events count.
    c.subject = "A.3.corridor";
    EXPECT_NEAR(scoreCriterion(log, c).points, 20.0, kTol);
}

TEST(EventBefore, FullPointsByTheTargetFallingToNoneAtTheLimitAndNoneWithoutTheEvent) {
    SessionLog log = cd::testdata::sampleSession();
    RubricCriterion c;
    c.id = "freed";
    c.kind = CriterionKind::EventBefore;
    c.points = 50.0;
    c.event = "casualty.rescued";
    c.subject = "pupil";
    c.targetS = 100.0;
    c.limitS = 300.0;
    CriterionResult r = scoreCriterion(log, c);
    EXPECT_NEAR(r.points, 0.0, kTol);
    EXPECT_NE(r.evidence.find("never"), std::string::npos) << r.evidence;
    log.events.push_back({150.0, "casualty.rescued", "someone_else", 1.0, "freed"});
    EXPECT_NEAR(scoreCriterion(log, c).points, 0.0, kTol) << "another casualty does not count";
    log.events.push_back({200.0, "casualty.rescued", "pupil", 1.0, "freed"});
    EXPECT_NEAR(scoreCriterion(log, c).points, 25.0, kTol) << "halfway from target to limit: half the points";
    log.events.push_back({90.0, "casualty.rescued", "pupil", 1.0, "freed"});
    EXPECT_NEAR(scoreCriterion(log, c).points, 50.0, kTol) << "the first one counts";
}
