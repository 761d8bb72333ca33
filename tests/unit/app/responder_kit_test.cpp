// The responder's kit (breathing_apparatus.h, session_senses.cpp, session_extinguisher.cpp):
// a breathing apparatus that keeps the gases out until it runs down, turnout gear that takes the
// heat out of the ISO 13571 dose, and fog pulses from the hose into the hot layer (gas cooling).
// Tiny district: the fire burns in the middle of
// R1 (4 x 4 m), the trainee starts next door in R2.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <optional>

#include "breathing_apparatus.h"
#include "breathing_rate.h"
#include "crowd/hazard_speed.h"
#include "fire/fed_accumulator.h"
#include "session_text.h"
#include "tiny_session.h"

using namespace cd;

namespace {

// The fire-service rule: contents = capacity x pressure. 6.8 L at 300 bar, 40 L/min: the whistle
// (55 bar) after (300 - 55) x 6.8 / 40 = 41.65 min, empty after 300 x 6.8 / 40 = 51.0 min.
TEST(BreathingApparatus, TheWhistleAndTheEndOfTheAirComeWhenTheCylinderSaysTheyWill) {
    scenario::BreathingApparatusDef def;
    def.consumptionLMin = 40.0;
    app::BreathingApparatus ba(def);
    EXPECT_NEAR(ba.minutesLeft(), 51.0, 1e-9);
    EXPECT_NEAR(ba.minutesToWhistle(), 41.65, 1e-9);
    double whistleS = -1.0, emptyS = -1.0;
    const double dt = 0.05;
    for (int i = 1; i <= 70 * 60 * 20; ++i) {
        const auto change = ba.breathe(dt);
        if (change == app::BreathingApparatus::Change::Whistle) {
            EXPECT_LT(whistleS, 0.0) << "once";
            whistleS = i * dt;
        }
        if (change == app::BreathingApparatus::Change::Empty) {
            EXPECT_LT(emptyS, 0.0) << "once";
            emptyS = i * dt;
        }
    }
    EXPECT_NEAR(whistleS, 41.65 * 60.0, dt + 1e-6);
    EXPECT_NEAR(emptyS, 51.0 * 60.0, dt + 1e-6);
    EXPECT_FALSE(ba.supplying());
    EXPECT_EQ(ba.pressureBar(), 0.0);
}

struct Exposure {
    record::SessionLog log;
    std::vector<std::string> messages;
    double fed = 0.0, heatFed = 0.0;
};

// The trainee walks into the burning R1 at 3 s and stays; the given actions (cool_gas pulses)
// from actAtS.
Exposure standInTheFire(const scenario::ScenarioDef& sc, std::vector<scenario::BotStep> actions = {}, double actAtS = 50.0) {
    scenario::BotScript bot;
    scenario::BotStep wait, move, rest;
    wait.action = "wait";
    wait.waitS = 3.0;
    move.action = "move";
    move.to = "room:R1";
    bot.steps = {wait, move};
    if (!actions.empty()) {
        actions.front().notBeforeS = actAtS;
        for (auto& s : actions) bot.steps.push_back(s);
    }
    rest.action = "wait";
    rest.waitS = 600.0;
    bot.steps.push_back(rest);
    Exposure e;
    test::runTinySession(sc, bot, [](const app::Session&) {}, [&](const app::Session& s) {
        e.log = s.log();
        e.fed = s.fed();
        e.heatFed = s.heatFed();
        for (const auto& m : s.messages()) e.messages.push_back(m.text);
    });
    return e;
}

scenario::ScenarioDef smokyRoom(double durationS) {
    scenario::ScenarioDef s = test::tinyScenario("tiny", durationS);
    s.fires.push_back(test::tinyFire());
    return s;
}

const record::SimEvent* find(const record::SessionLog& log, const std::string& kind) { return test::firstEvent(log, kind); }

bool said(const Exposure& e, const app::SessionText& t) { return test::saidAny(e.messages, t); }

TEST(BreathingApparatus, OnAirTheSmokeAddsNoDoseOnlyTheHeatDoesAndTurnoutGearTakesThatToo) {
    // A minute and a half in a small room with a sooty, CO-rich fire.
    scenario::ScenarioDef plain = smokyRoom(90.0);
    const Exposure bare = standInTheFire(plain);
    scenario::ScenarioDef withBa = plain;
    withBa.trainee.breathingApparatus = scenario::BreathingApparatusDef{};
    const Exposure onAir = standInTheFire(withBa);
    scenario::ScenarioDef kitted = withBa;
    kitted.trainee.turnoutGear = true;
    const Exposure full = standInTheFire(kitted);
    std::printf("FED bare %.3f (heat %.3f), on air %.3f (heat %.3f), with turnout gear %.3f\n", bare.fed, bare.heatFed,
                onAir.fed, onAir.heatFed, full.fed);
    // Standing, the trainee breathes a third of light work's air: a quarter of its CO dose.
    ASSERT_GT(bare.fed - bare.heatFed, 0.01) << "the smoke must carry a dose for the test to mean anything";
    // Bare, in the fire's room, the heat (the layer's and the flames' radiation, the hot gas) is
    // what takes them down, and they are told so.
    const record::SimEvent* down = find(bare.log, "trainee.incapacitated");
    ASSERT_NE(down, nullptr);
    EXPECT_EQ(down->text, "incapacitated by heat");
    EXPECT_TRUE(said(bare, app::say::kOvercomeByHeat));
    EXPECT_TRUE(said(bare, app::say::kHeatDose));
    // Same walk, same room: the heat dose is the same; the gases' part is gone.
    EXPECT_NEAR(onAir.heatFed, bare.heatFed, 1e-9);
    EXPECT_NEAR(onAir.fed, onAir.heatFed, 1e-12);
    // Turnout gear counts neither the gases nor ISO 13571's heat for ordinary clothing: only the
    // radiation through the gear, against its TPP, a small fraction of the bare heat dose.
    EXPECT_NEAR(full.fed, full.heatFed, 1e-12);
    EXPECT_GT(full.fed, 0.0) << "a person standing in an 800 kW fire's room takes radiation through the gear";
    EXPECT_LT(full.fed, 0.05 * bare.heatFed);
    EXPECT_EQ(find(full.log, "trainee.ba_whistle"), nullptr);
}

// The CO the trainee takes up goes with the air they breathe (fire::FedAccumulator, Purser's
// activity levels). Two trainees stand in the same smoke, one carrying 40 kg: standing, that load
// makes them breathe more (Pandolf), and their gas dose is larger by the ratio of the CO uptake
// factors at the two resting rates (within 5 %: the walk in at the start, and the HCN, whose dose
// does not scale). The heat is the same.
TEST(TraineeBreathing, TheSmokesDoseGoesWithHowHardTheTraineeBreathes) {
    scenario::ScenarioDef plain = smokyRoom(90.0);
    scenario::ScenarioDef laden = plain;
    laden.trainee.loadKg = 40.0;
    const Exposure light = standInTheFire(plain), heavy = standInTheFire(laden);
    const double vLight = app::BreathingRate(app::Breather{plain.trainee.bodyMassKg, 0.0, plain.trainee.vo2MaxMlKgMin}).minuteVentilationLMin();
    const double vHeavy = app::BreathingRate(app::Breather{plain.trainee.bodyMassKg, 40.0, plain.trainee.vo2MaxMlKgMin}).minuteVentilationLMin();
    const double expected = fire::FedAccumulator::coUptakeFactor(vHeavy) / fire::FedAccumulator::coUptakeFactor(vLight);
    const double gasLight = light.fed - light.heatFed, gasHeavy = heavy.fed - heavy.heatFed;
    std::printf("standing at %.1f and %.1f L/min: gas FED %.4f and %.4f (ratio %.3f, uptake factors' %.3f)\n", vLight, vHeavy,
                gasLight, gasHeavy, gasHeavy / gasLight, expected);
    ASSERT_GT(gasLight, 0.01);
    EXPECT_GT(expected, 1.5);
    EXPECT_NEAR(gasHeavy / gasLight, expected, 0.05 * expected);
    EXPECT_NEAR(heavy.heatFed, light.heatFed, 1e-9);
}

TEST(BreathingApparatus, ASmallCylinderWhistlesRunsOutAndThenTheSmokeCounts) {
    // 1 L at 60 bar, 60 L/min: 1 min of air; the whistle at 55 bar after 5 s.
    scenario::ScenarioDef sc = smokyRoom(40.0);
    scenario::BreathingApparatusDef tiny;
    tiny.cylinderL = 1.0;
    tiny.pressureBar = 60.0;
    tiny.consumptionLMin = 60.0;
    tiny.whistleBar = 55.0;
    sc.trainee.breathingApparatus = tiny;
    Exposure e = standInTheFire(sc);
    const record::SimEvent* whistle = find(e.log, "trainee.ba_whistle");
    ASSERT_NE(whistle, nullptr);
    EXPECT_NEAR(whistle->timeS, 5.0, 0.06);
    EXPECT_NEAR(whistle->value, 55.0, 0.1);
    EXPECT_TRUE(said(e, app::say::kBaWhistle));
    EXPECT_EQ(find(e.log, "trainee.ba_empty"), nullptr) << "a minute of air outlasts this 40 s run";
    sc.durationS = 90.0;  // the smoke is thick by the end
    e = standInTheFire(sc);
    const record::SimEvent* empty = find(e.log, "trainee.ba_empty");
    ASSERT_NE(empty, nullptr);
    EXPECT_NEAR(empty->timeS, 60.0, 0.06);
    EXPECT_TRUE(said(e, app::say::kBaEmpty));
    EXPECT_GT(e.fed - e.heatFed, 0.0) << "breathing the room's air after the cylinder ran out";
}

scenario::BotStep coolGasStep() {
    scenario::BotStep s;
    s.action = "cool_gas";
    s.value = 2.0;
    return s;
}

TEST(GasCoolingAction, AFogPulseIntoTheHotLayerTurnsPartOfTheWaterToSteam) {
    scenario::ScenarioDef sc = smokyRoom(80.0);
    sc.trainee.extinguisher = "hose";
    // Kitted out as a firefighter: bare, the radiation of the room takes them down before 75 s.
    sc.trainee.breathingApparatus = scenario::BreathingApparatusDef{};
    sc.trainee.turnoutGear = true;
    const Exposure e = standInTheFire(sc, {coolGasStep()}, 75.0);
    const record::SimEvent* pulse = find(e.log, "fire.gas_cooling");
    ASSERT_NE(pulse, nullptr);
    EXPECT_EQ(pulse->subject, "R1");
    EXPECT_NEAR(pulse->timeS, 75.0, 0.06);
    EXPECT_GT(pulse->value, 0.05) << "an 800 kW fire's layer in a small room is hot enough";
    EXPECT_LT(pulse->value, 1.0);
    EXPECT_TRUE(said(e, app::say::kGasCooling));
}

TEST(GasCoolingAction, WithoutAHoseThereIsNoPulseAndInACoolRoomNothingBoils) {
    scenario::ScenarioDef sc = smokyRoom(60.0);
    sc.trainee.extinguisher = "powder";
    Exposure e = standInTheFire(sc, {coolGasStep()});
    EXPECT_EQ(find(e.log, "fire.gas_cooling"), nullptr);
    EXPECT_TRUE(said(e, app::say::kNeedHose));
    // No fire at all: the pulse is recorded and nothing turns to steam.
    scenario::ScenarioDef cold = test::tinyScenario("tiny", 60.0);
    cold.trainee.extinguisher = "hose";
    e = standInTheFire(cold, {coolGasStep()});
    const record::SimEvent* pulse = find(e.log, "fire.gas_cooling");
    ASSERT_NE(pulse, nullptr);
    EXPECT_EQ(pulse->value, 0.0);
    EXPECT_TRUE(said(e, app::say::kLayerNotHot));
}

}  // namespace

namespace {
scenario::BotStep botStep(const std::string& action, const std::string& to = "", double notBeforeS = 0.0) {
    scenario::BotStep s;
    s.action = action;
    s.to = to;
    s.notBeforeS = notBeforeS;
    if (action == "wait") s.waitS = 600.0;
    return s;
}

// The set's air use, tick by tick, and the mean at the end.
struct AirUse {
    std::vector<double> lMin;
    double mean = 0.0;
};
AirUse breatheThrough(const scenario::ScenarioDef& sc, const scenario::BotScript& bot) {
    AirUse a;
    test::runTinySession(sc, bot, [&](const app::Session& s) { a.lMin.push_back(s.breathingApparatus()->consumptionLMin()); },
                         [&](const app::Session& s) { a.mean = s.breathingApparatus()->meanConsumptionLMin(); });
    return a;
}
}  // namespace

// Without a fixed consumption the set runs down at the rate the trainee breathes
// (breathing_rate.h): at rest while they stand, faster as they walk to and fro (never faster
// than steady walking asks), and at the Compendium's firefighting 8 METs while they work the hose.
TEST(BreathingApparatus, TheSetRunsDownAtTheRateTheTraineeWorks) {
    scenario::ScenarioDef sc = test::tinyScenario("tiny", 120.0);
    sc.trainee.breathingApparatus = scenario::BreathingApparatusDef{};
    const app::BreathingRate model(app::Breather{sc.trainee.bodyMassKg, sc.trainee.breathingApparatus->massKg, sc.trainee.vo2MaxMlKgMin});
    const double rest = model.minuteVentilationLMin();
    scenario::BotScript still;
    still.steps = {botStep("wait")};
    const AirUse standing = breatheThrough(sc, still);
    EXPECT_NEAR(standing.mean, rest, 1e-6 * rest);

    scenario::BotScript pacing;
    for (int i = 0; i < 40; ++i) pacing.steps.push_back(botStep("move", i % 2 ? "room:R2" : "room:R1"));
    pacing.steps.push_back(botStep("wait"));
    const AirUse walking = breatheThrough(sc, pacing);
    const double walkSteady = app::ventilatoryEquivalent(0.0) * model.demandLMin(sc.trainee.walkSpeedMps, 0.0);
    const double peak = *std::max_element(walking.lMin.begin(), walking.lMin.end());
    std::printf("standing %.2f L/min; pacing between the rooms %.2f L/min on average, %.2f at most (steady walking %.2f)\n",
                standing.mean, walking.mean, peak, walkSteady);
    EXPECT_GT(walking.mean, 1.5 * rest);
    EXPECT_LE(peak, walkSteady * (1.0 + 1e-9));

    // Into the burning room at 3 s, the hose on the fire from 10 s for its 30 s burst, then standing.
    scenario::ScenarioDef fight = smokyRoom(120.0);
    fight.trainee.breathingApparatus = scenario::BreathingApparatusDef{};
    fight.trainee.extinguisher = "hose";
    fight.trainee.turnoutGear = true;
    scenario::BotScript hose;
    hose.steps = {botStep("move", "room:R1", 3.0), botStep("use_extinguisher", "", 10.0), botStep("wait")};
    hose.steps[1].target = "f1";
    const AirUse working = breatheThrough(fight, hose);
    const double work = app::ventilatoryEquivalent(model.demandLMin(0.0, 0.0, app::kFirefightingMets) / model.breather().vo2MaxLMin()) *
                        model.demandLMin(0.0, 0.0, app::kFirefightingMets);
    const auto at = [&](double t) { return working.lMin[static_cast<size_t>(t * fight.tickHz) - 1]; };
    std::printf("working the hose: %.1f L/min at 10 s, %.1f at 40 s (steady %.1f), %.1f at 100 s\n", at(10.0), at(40.0), work, at(100.0));
    EXPECT_GT(work, 55.0) << "8 METs for 75 kg: 2.1 L/min of O2, 63 % of VO2max";
    // 30 s of the burst is one time constant: about 63 % of the way up, then back down.
    EXPECT_GT(at(40.0), at(10.0) + 0.55 * (work - at(10.0)));
    EXPECT_LT(at(40.0), work);
    EXPECT_LT(at(100.0), 0.5 * at(40.0));
}

// A scripted move (a bot's) walks through smoke as people did in Frantzich & Nilsson's
// experiments (crowd::smokeSpeedFactor, as the crowd): a student pacing between the smoky R1 and
// R2 from 30 s walks, at a steady pace, at the gait's speed times the factor of the smoke at
// their eyes (median within 5 %); the same walk by a responder is not slowed.
TEST(TraineeInSmoke, AScriptedWalkSlowsAsPeopleDidInSmoke) {
    auto pace = [](const std::string& role) {
        scenario::ScenarioDef sc = smokyRoom(90.0);
        sc.trainee.role = role;
        scenario::BotScript bot;
        bot.steps.push_back(botStep("move", "room:R1", 30.0));
        for (int i = 0; i < 20; ++i) bot.steps.push_back(botStep("move", i % 2 ? "room:R1" : "room:R2"));
        bot.steps.push_back(botStep("wait"));
        std::vector<double> ratios;
        double slowest = 1.0, lastSpeed = -1.0;
        std::optional<glm::vec3> last;
        test::runTinySession(sc, bot, [&](const app::Session& s) {
            const glm::vec3 feet = s.body().feetM;
            const double v = last ? std::hypot(feet.x - last->x, feet.y - last->y) * sc.tickHz : 0.0;
            last = feet;
            const double vis = s.lastSample().visibilityM;
            const double factor = vis < 29.0 ? crowd::smokeSpeedFactor(3.0 / std::max(vis, 0.1)) : 1.0;
            // Steady walking only: not starting, stopping or turning at a room's target.
            if (s.timeS() > 30.0 && v > 0.05 && lastSpeed > 0.0 && std::fabs(v - lastSpeed) < 0.01 * v) {
                ratios.push_back(v / sc.trainee.walkSpeedMps / (role == "responder" ? 1.0 : factor));
                slowest = std::min(slowest, factor);
            }
            lastSpeed = v;
        }, [](const app::Session&) {});
        std::sort(ratios.begin(), ratios.end());
        std::printf("%s: %zu steady ticks, median speed over the expected %.3f, the smoke's factor down to %.2f\n", role.c_str(),
                    ratios.size(), ratios.empty() ? 0.0 : ratios[ratios.size() / 2], slowest);
        return std::make_pair(ratios.empty() ? 0.0 : ratios[ratios.size() / 2], slowest);
    };
    const auto student = pace("student");
    EXPECT_LT(student.second, 0.8) << "the walk must meet smoke thick enough to slow it";
    EXPECT_NEAR(student.first, 1.0, 0.05);
    const auto responder = pace("responder");
    EXPECT_NEAR(responder.first, 1.0, 0.05);
}
