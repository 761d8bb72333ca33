// The shipped rescue scenario end to end: after the school earthquake a responder waits out the
// shaking, climbs to the collapsed end of the top-floor corridor, lifts the debris off the pupil
// trapped there piece by piece and triages them.
#include <gtest/gtest.h>

#include "scenario_run.h"

using namespace cd::e2e;

TEST(SchoolRescue, TheRescueScenarioValidates) {
    auto r = runCitydrill("validate scenes/earthquake_rescue.toml");
    EXPECT_EQ(r.exitCode, 0) << r.output;
}

TEST(SchoolRescue, TheTeamWaitsOutTheShakingThenLiftsTheDebrisOffThePupilAndPasses) {
    const auto& r = scenarioRun("earthquake_rescue", "quake_rescue");
    ASSERT_EQ(r.result.exitCode, 0) << r.result.output;
    auto log = cd::record::loadSession(r.dir + "/session.db");
    ASSERT_TRUE(log.ok()) << log.error().str();
    const auto* trapped = findEvent(*log, "casualty.trapped", "pupil_in_corridor");
    const auto* end = findEvent(*log, "earthquake.end");
    const auto* settled = findEvent(*log, "structure.settled");
    const auto* start = findEvent(*log, "rescue.start", "pupil_in_corridor");
    const auto* rescued = findEvent(*log, "casualty.rescued", "pupil_in_corridor");
    ASSERT_NE(trapped, nullptr);
    ASSERT_NE(end, nullptr);
    ASSERT_NE(settled, nullptr);
    ASSERT_NE(start, nullptr) << "the team reaches the debris on the pupil";
    ASSERT_NE(rescued, nullptr) << "and frees them";
    EXPECT_GT(start->timeS, end->timeS);
    EXPECT_GT(start->timeS, settled->timeS);
    // Every piece takes its handling time (10 s + 0.06 s/kg) after the one before.
    double previousS = start->timeS, liftedKg = 0.0;
    int pieces = 0;
    for (const auto& e : log->events) {
        if (e.kind != "rescue.piece_cleared") continue;
        EXPECT_GE(e.timeS - previousS, 10.0 + 0.06 * e.value - 0.05) << e.text;
        EXPECT_GT(e.value, 0.0);
        previousS = e.timeS;
        liftedKg += e.value;
        ++pieces;
    }
    ASSERT_GT(pieces, 0);
    EXPECT_LE(liftedKg, 12000.0 * pieces) << "no piece beyond the team's 12 t lifting bags";
    EXPECT_NEAR(rescued->value, pieces, 1e-9);
    EXPECT_GE(rescued->timeS, previousS);
    // Whether the first piece on the pupil lies beyond reach of the corridor's clear end (the
    // team then steps into the heap: DebrisRescue's own tests) is the heap's detail, and the
    // collapse is chaotic in its details: the leaves that came down with the east stair door's
    // wall on 29 Nov left the piece within reach.
    // The classes walk out of the intact classrooms long before the aftershock, round the desks
    // the shaking moved (until 29 Nov class A.4.3 walked into a pocket among them and was out
    // only at 458 s; the floor field now prices slots narrower than a body out).
    const auto* allOut = findEvent(*log, "crowd.all_out");
    ASSERT_NE(allOut, nullptr);
    EXPECT_LT(allOut->timeS, 300.0);
    EXPECT_EQ(findEvent(*log, "rescue.too_heavy"), nullptr);
    EXPECT_EQ(findEvent(*log, "trainee.struck_by_debris"), nullptr);
    EXPECT_NE(findEvent(*log, "casualty.tagged", "pupil_in_corridor"), nullptr);
    // The aftershock (150-158 s) stops the work at once, nothing is lifted while it lasts, and
    // the team starts again after it.
    const auto* after = findEvent(*log, "earthquake.aftershock");
    const auto* afterEnd = findEvent(*log, "earthquake.aftershock_end");
    ASSERT_NE(after, nullptr);
    ASSERT_NE(afterEnd, nullptr);
    EXPECT_NEAR(after->timeS, 150.0, 0.05);
    EXPECT_NEAR(afterEnd->timeS, 158.0, 0.05);
    const cd::record::SimEvent* stopped = nullptr;
    const cd::record::SimEvent* restarted = nullptr;
    for (const auto& e : log->events) {
        if (e.kind == "rescue.stopped" && !stopped) stopped = &e;
        if (e.kind == "rescue.start" && e.timeS > afterEnd->timeS && !restarted) restarted = &e;
        if (e.kind == "rescue.piece_cleared") {
            EXPECT_FALSE(e.timeS >= after->timeS && e.timeS <= afterEnd->timeS) << e.timeS;
        }
    }
    ASSERT_NE(stopped, nullptr);
    EXPECT_NEAR(stopped->timeS, after->timeS, 0.05);
    EXPECT_NE(stopped->text.find("the ground shakes again"), std::string::npos) << stopped->text;
    ASSERT_NE(restarted, nullptr) << "the bot starts again at 162 s";
    EXPECT_LT(restarted->timeS, rescued->timeS);
    EXPECT_TRUE(r.report["score"]["passed"].get<bool>()) << r.report.dump(2);
    // Full marks for waiting and for triage; the freeing's points fall after 10 minutes, and how
    // long it takes is the heap's detail (1 piece, freed at 294 s, since 30 Nov, when the rotation
    // step changed: docs/physics.md).
    EXPECT_GE(r.report["score"]["percent"].get<double>(), 90.0);
}
