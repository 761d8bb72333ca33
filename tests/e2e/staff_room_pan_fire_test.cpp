// The staff-room pan fire (scenes/staff_room_pan_fire.toml): the trainee's extinguisher reaches
// the fire model through `citydrill run`. The wet-chemical unit puts the class F fire out and
// the run passes; water makes it flare up, a critical error.
#include "scenario_run.h"

namespace cd::e2e {

class StaffRoomPanFire : public ::testing::Test {};

TEST_F(StaffRoomPanFire, TheWetChemicalExtinguisherPutsThePanFireOutAndPasses) {
    const ScenarioRun& run = scenarioRun("staff_room_pan_fire", "puts_out_pan_fire");
    ASSERT_EQ(run.result.exitCode, 0) << run.result.output;
    auto log = record::loadSession(run.dir + "/session.db");
    ASSERT_TRUE(log.ok());
    const record::SimEvent* applied = findEvent(*log, "fire.agent_applied", "pan_fire");
    ASSERT_NE(applied, nullptr);
    EXPECT_NEAR(applied->value, 2.1, 0.2);  // the bot stands 2.1 m from the pan (the unit throws 3 m)
    const record::SimEvent* out = findEvent(*log, "fire.extinguished");
    ASSERT_NE(out, nullptr);
    EXPECT_LT(out->timeS - applied->timeS, 5.0);
    EXPECT_EQ(findEvent(*log, "fire.flare_up"), nullptr);
    EXPECT_TRUE(run.report["score"]["passed"].get<bool>());
    EXPECT_NEAR(run.report["score"]["percent"].get<double>(), 100.0, 1e-9);
    // The debrief names the extinguisher used and what became of the fire.
    const std::string html = readText(run.dir + "/report.html");
    EXPECT_NE(html.find("Fire fighting: wet_chemical turned on pan_fire from 2.1 m at 12 s. Fires put out: 1; flare-ups: 0"),
              std::string::npos);
    // Without a breathing apparatus the exposure section plots the air the trainee breathes, on
    // which the smoke's CO dose depends.
    EXPECT_NE(html.find("aria-label=\"Air the trainee breathes"), std::string::npos);
}

TEST_F(StaffRoomPanFire, WaterOnTheBurningOilFlaresUpAndFailsTheRun) {
    const ScenarioRun& run = scenarioRun("staff_room_pan_fire", "water_on_pan_fire");
    ASSERT_EQ(run.result.exitCode, 0) << run.result.output;
    auto log = record::loadSession(run.dir + "/session.db");
    ASSERT_TRUE(log.ok());
    const record::SimEvent* applied = findEvent(*log, "fire.agent_applied", "pan_fire");
    ASSERT_NE(applied, nullptr);
    const record::SimEvent* flare = findEvent(*log, "fire.flare_up");
    ASSERT_NE(flare, nullptr);
    EXPECT_LT(flare->timeS - applied->timeS, 0.5);
    EXPECT_EQ(findEvent(*log, "fire.extinguished"), nullptr);
    EXPECT_FALSE(run.report["score"]["passed"].get<bool>());
    EXPECT_TRUE(run.report["score"]["critical_failure"].get<bool>());
}

}  // namespace cd::e2e
