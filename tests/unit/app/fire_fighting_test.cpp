// The trainee turning an extinguisher on a fire (session_extinguisher.cpp, FireHazard::applyAgent):
// the action reaches the fire model, whose agent chart (EN 3-7 / NFPA 10) decides what happens,
// and the trainee is told. Tiny district: the fire burns in the middle of R1 (4 x 4 m), the
// trainee starts next door in R2.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>

#include "fire/fed_accumulator.h"
#include "fire_hazard.h"
#include "scene_view.h"
#include "session_text.h"
#include "tiny_session.h"

using namespace cd;

namespace {

scenario::ScenarioDef fireScenario(const std::string& fireClass, const std::string& carried) {
    scenario::ScenarioDef s = test::tinyScenario("tiny", 30.0);
    s.trainee.extinguisher = carried;
    scenario::FireDef f = test::tinyFire();
    f.fireClass = fireClass;
    s.fires.push_back(f);
    return s;
}

struct Outcome {
    record::SessionLog log;
    std::vector<std::string> messages;
    double hrrAtUseKw = 0.0;      ///< the fire's heat release when the agent went on
    double hrrPeakAfterKw = 0.0;  ///< its highest in the 5 s after
};

// The trainee walks into R1 (or stays in R2), then uses `agent` on `fire` (empty: what they
// carry, on the nearest fire of their room) and waits.
Outcome fight(const scenario::ScenarioDef& sc, const std::string& agent, const std::string& fire, bool goIn = true,
              std::optional<scenario::Vec3> standAt = std::nullopt, std::optional<scenario::Vec3> thenAt = std::nullopt) {
    scenario::BotScript bot;
    scenario::BotStep wait;
    wait.action = "wait";
    wait.waitS = 3.0;
    bot.steps.push_back(wait);
    if (goIn) {
        scenario::BotStep move;
        move.action = "move";
        if (standAt) move.position = standAt;
        else move.to = "room:R1";
        bot.steps.push_back(move);
    }
    scenario::BotStep use;
    use.action = "use_extinguisher";
    use.target = fire;
    use.text = agent;
    bot.steps.push_back(use);
    if (thenAt) {  // step in and try again
        scenario::BotStep closer;
        closer.action = "move";
        closer.position = thenAt;
        bot.steps.push_back(closer);
        bot.steps.push_back(use);
    }
    Outcome o;
    double usedAtS = -1.0;
    auto onTick = [&](const app::Session& s) {
        double hrr = 0.0;
        for (const auto& f : s.fire().flames()) hrr += f.hrrKw;
        if (usedAtS < 0.0) {
            for (const auto& e : s.log().events)
                if (e.kind == "fire.agent_applied") {
                    usedAtS = e.timeS;
                    o.hrrAtUseKw = hrr;
                }
        } else if (s.timeS() <= usedAtS + 5.0) {
            o.hrrPeakAfterKw = std::max(o.hrrPeakAfterKw, hrr);
        }
    };
    test::runTinySession(sc, bot, onTick, [&](const app::Session& s) {
        o.log = s.log();
        for (const auto& m : s.messages()) o.messages.push_back(m.text);
    });
    return o;
}

const record::SimEvent* find(const record::SessionLog& log, const std::string& kind) { return test::firstEvent(log, kind); }

bool said(const Outcome& o, const app::SessionText& t) { return test::saidAny(o.messages, t); }

}  // namespace

TEST(FireFighting, ThePowderTheTraineeCarriesPutsOutTheYoungFireOfTheirRoom) {
    const Outcome o = fight(fireScenario("A", "powder"), "", "");
    const record::SimEvent* applied = find(o.log, "fire.agent_applied");
    ASSERT_NE(applied, nullptr);
    EXPECT_EQ(applied->subject, "f1");
    EXPECT_LT(applied->value, 2.9);  // from inside the 4 x 4 m room, to the fire in its middle
    const record::SimEvent* out = find(o.log, "fire.extinguished");
    ASSERT_NE(out, nullptr);
    // A 6 kg ABC unit (0.4 kg/s at 10 MJ/kg, 4 MW of knock-down power) on a young fire of a
    // few kW: out within seconds.
    EXPECT_LT(out->timeS - applied->timeS, 3.0);
    EXPECT_TRUE(said(o, app::say::kFireOut));
    EXPECT_GT(o.hrrAtUseKw, 1.0);  // it was burning (4 kW, 4.7 s after ignition)
    EXPECT_EQ(o.log.events.back().kind, "scenario.end");
}

TEST(FireFighting, WaterOnCookingOilFlaresUpAndOnLiveEquipmentIsAShockHazard) {
    const Outcome oil = fight(fireScenario("F", ""), "water", "f1");
    ASSERT_NE(find(oil.log, "fire.agent_applied"), nullptr);
    const record::SimEvent* flare = find(oil.log, "fire.flare_up");
    ASSERT_NE(flare, nullptr);
    EXPECT_EQ(flare->value, 3.0);  // the HRR multiplier of the flare-up
    // The fire still grows (t-squared); the flare-up triples it on top of that for 5 s.
    EXPECT_GT(oil.hrrPeakAfterKw, 3.0 * oil.hrrAtUseKw);
    EXPECT_EQ(find(oil.log, "fire.extinguished"), nullptr);
    EXPECT_TRUE(said(oil, app::say::kFlareUp));

    const Outcome live = fight(fireScenario("E", ""), "water", "f1");
    ASSERT_NE(find(live.log, "fire.shock_hazard"), nullptr);
    EXPECT_EQ(find(live.log, "fire.extinguished"), nullptr);
    EXPECT_TRUE(said(live, app::say::kShockHazard));

    // The right agents for the same fires.
    EXPECT_NE(find(fight(fireScenario("F", ""), "wet_chemical", "f1").log, "fire.extinguished"), nullptr);
    EXPECT_NE(find(fight(fireScenario("E", ""), "co2", "f1").log, "fire.extinguished"), nullptr);
}

TEST(FireFighting, OutOfReachOrFromAnotherRoomTheAgentDoesNothing) {
    // CO2 throws 2 m: from a corner of R1, 2.4 m from the fire, it does not reach.
    const Outcome far = fight(fireScenario("B", ""), "co2", "f1", true, scenario::Vec3{0.5, 0.5, 0.0});
    const record::SimEvent* applied = find(far.log, "fire.agent_applied");
    ASSERT_NE(applied, nullptr);
    EXPECT_GT(applied->value, 2.0);
    const record::SimEvent* miss = find(far.log, "fire.agent_ineffective");
    ASSERT_NE(miss, nullptr);
    EXPECT_NEAR(miss->value, applied->value, 1e-9);
    EXPECT_EQ(find(far.log, "fire.extinguished"), nullptr);
    EXPECT_TRUE(said(far, app::say::kAgentNoUse));

    // Through the wall from R2: refused, nothing recorded as applied.
    const Outcome wall = fight(fireScenario("A", ""), "powder", "f1", false);
    EXPECT_EQ(find(wall.log, "fire.agent_applied"), nullptr);
    EXPECT_TRUE(std::any_of(wall.messages.begin(), wall.messages.end(),
                            [](const std::string& m) { return m.find("burns in R1: go into that room") != std::string::npos; }));
}

TEST(FireFighting, NoExtinguisherAnUnknownAgentOrNoFireIsSaidNotIgnored) {
    const Outcome none = fight(fireScenario("A", ""), "", "");
    EXPECT_TRUE(said(none, app::say::kNoExtinguisher));
    EXPECT_EQ(find(none.log, "fire.agent_applied"), nullptr);

    const Outcome sand = fight(fireScenario("A", ""), "sand", "f1");
    EXPECT_EQ(find(sand.log, "fire.agent_applied"), nullptr);
    EXPECT_TRUE(std::any_of(sand.messages.begin(), sand.messages.end(),
                            [](const std::string& m) { return m.find("unknown agent 'sand'") != std::string::npos; }));

    // In R2 no fire burns: the nearest fire of the room is none.
    const Outcome empty = fight(fireScenario("A", "powder"), "", "", false);
    EXPECT_TRUE(said(empty, app::say::kNoFireHere));
}

// One portable unit, one discharge: emptied from too far away, it is not there for a second try
// from close by. The hose does not run dry.
TEST(FireFighting, APortableUnitDischargedOutOfReachIsEmptyForTheSecondTry) {
    const Outcome o = fight(fireScenario("B", "co2"), "", "", true, scenario::Vec3{0.5, 0.5, 0.0}, scenario::Vec3{1.5, 1.5, 0.0});
    int applied = 0;
    for (const auto& e : o.log.events) applied += e.kind == "fire.agent_applied";
    EXPECT_EQ(applied, 1);
    ASSERT_NE(find(o.log, "fire.agent_ineffective"), nullptr);
    EXPECT_EQ(find(o.log, "fire.extinguished"), nullptr);
    EXPECT_TRUE(said(o, app::say::kExtinguisherEmpty));

    // Water does nothing to a burning liquid (class B), so the fire still burns for the second go.
    const Outcome hose = fight(fireScenario("B", "hose"), "", "", true, scenario::Vec3{0.5, 0.5, 0.0}, scenario::Vec3{1.5, 1.5, 0.0});
    applied = 0;
    for (const auto& e : hose.log.events) applied += e.kind == "fire.agent_applied";
    EXPECT_EQ(applied, 2);
    EXPECT_FALSE(said(hose, app::say::kExtinguisherEmpty));
}

// The HUD tells a trainee with a charged extinguisher in a burning room how far the fire is
// against how far the agent throws, and stops once the unit is spent.
TEST(FireFighting, TheHudPromptsTheExtinguisherWithTheDistanceToTheFireAndItsReach) {
    const scenario::ScenarioDef sc = fireScenario("A", "powder");
    scenario::BotScript bot;
    scenario::BotStep move;
    move.action = "move";
    move.position = scenario::Vec3{0.5, 2.0, 0.0};  // 1.5 m west of the fire in the middle of R1
    bot.steps.push_back(move);
    scenario::BotStep wait;
    wait.action = "wait";
    wait.waitS = 10.0;
    bot.steps.push_back(wait);
    scenario::BotStep use;
    use.action = "use_extinguisher";
    bot.steps.push_back(use);
    std::string before, after;
    test::runTinySession(sc, bot, [&](const app::Session& s) {
        const std::string p = app::hudModel(s, false).trainee.prompt;
        if (s.timeS() > 8.0 && s.timeS() < 9.0) before = p;
        if (s.timeS() > 25.0) after = p;
    }, [](const app::Session&) {});
    double metres = 0.0;
    char reach[32] = "";
    ASSERT_EQ(std::sscanf(before.c_str(), "X: dry powder on the fire, %lf m away; it reaches %31[^\n]", &metres, reach), 2) << before;
    EXPECT_NEAR(metres, 1.5, 0.15) << before;  // the walker stops within a few cm of its goal
    EXPECT_STREQ(reach, "5 m");
    EXPECT_TRUE(after.empty()) << after;
}

// Radiant heat from the flames (FireHazard::flameFluxKwM2): a point source at half the flame
// height, chi_r Q cos(theta) / (4 pi R^2) on a chest facing it (Modak); nothing through a wall.
TEST(RadiantHeat, TheFlamesAreAPointSourceOnTheFacingChestAndAWallStopsThem) {
    const scenario::ScenarioDef sc = fireScenario("A", "");
    world::District d = test::tinyWorld();
    auto hazard = app::FireHazard::build(sc, d);
    ASSERT_TRUE(hazard.ok()) << hazard.error().str();
    app::FireHazard& fire = **hazard;
    ASSERT_TRUE(fire.ignite("f1").ok());
    for (int i = 0; i < 400; ++i) fire.step(0.05);  // 20 s: 0.1876 x 20^2 = 75 kW
    const auto flames = fire.flames();
    ASSERT_EQ(flames.size(), 1u);
    const app::FlameView& f = flames[0];
    const glm::vec3 chest(0.5f, 2.0f, 1.2f);  // in R1, 1.5 m west of the fire in its middle
    const glm::vec3 source = f.baseM + glm::vec3(0.0f, 0.0f, static_cast<float>(0.5 * f.heightM));
    const double r2 = glm::dot(source - chest, source - chest);
    const double expected = 0.35 * f.hrrKw * (1.5 / std::sqrt(r2)) / (4.0 * M_PI * r2);
    EXPECT_NEAR(fire.flameFluxKwM2(chest, d.findRoom("R1")), expected, 1e-6 * expected);
    EXPECT_GT(expected, 0.3);
    // The sample a person's dose is taken from carries the flames' flux on top of the layer's.
    const double sampled = fire.sample(chest, d.findRoom("R1")).radiantFluxKwM2;
    EXPECT_GE(sampled, expected);
    EXPECT_LT(sampled, expected + 0.05) << "a 75 kW fire's layer is barely warm after 20 s";
    // The same distance through the 0.2 m wall, in R2: no line of sight.
    EXPECT_EQ(fire.flameFluxKwM2(glm::vec3(4.5f, 2.0f, 1.2f), d.findRoom("R2")), 0.0);
}

// A fire too big for its room's door: the fuel-rich layer flowing out burns in the next room
// where it meets that room's air (a door-jet fire, the flames out of the doorway), and those
// flames radiate on whoever stands in front of the door: a point source in the doorway at the
// centre of its upper half (1.575 m up a 2.1 m door). An 8 MW fire behind a 1 x 2.1 m door
// (Kawagoe: 1.5 kg/s of air, about 4.6 MW) with R2's exit open.
TEST(RadiantHeat, FlamesOutOfAnUnderventilatedRoomsDoorRadiateOnThePersonInFrontOfIt) {
    scenario::ScenarioDef sc = fireScenario("A", "");
    sc.fires[0].peakHrrKw = 8000.0;
    world::District d = test::tinyWorld();
    auto hazard = app::FireHazard::build(sc, d);
    ASSERT_TRUE(hazard.ok()) << hazard.error().str();
    app::FireHazard& fire = **hazard;
    ASSERT_TRUE(fire.setDoorOpen("D2", true).ok());
    ASSERT_TRUE(fire.ignite("f1").ok());
    const world::Room* r2 = d.findRoom("R2");
    const glm::vec3 near(5.1f, 2.0f, 1.2f), far(6.1f, 2.0f, 1.2f);  // 1 and 2 m in front of D1
    double firstS = -1.0, peak = 0.0;
    for (int i = 1; i <= 3600; ++i) {  // 180 s
        fire.step(0.05);
        const double qNear = fire.flameFluxKwM2(near, r2);
        if (qNear <= 0.0) continue;
        if (firstS < 0.0) firstS = i * 0.05;
        peak = std::max(peak, qNear);
        // One point source: the two fluxes are in the ratio of cos(theta) / R^2.
        const double h = 1.575 - 1.2;
        const double rn2 = 1.0 + h * h, rf2 = 4.0 + h * h;
        const double ratio = (1.0 / std::sqrt(rn2) / rn2) / (2.0 / std::sqrt(rf2) / rf2);
        EXPECT_NEAR(qNear / fire.flameFluxKwM2(far, r2), ratio, 1e-5 * ratio);
    }
    ASSERT_GT(firstS, 0.0) << "no flames came out of the door";
    EXPECT_GT(firstS, 100.0) << "the fire outgrows its door only late in its growth";
    EXPECT_GT(peak, 10.0) << "the flames out of the door burn whoever stands in front of it";
    std::printf("door jet: first at %.1f s, peak %.1f kW/m2 1 m in front of the door\n", firstS, peak);
}

// Standing 1 m from the fire as it grows to hundreds of kW, the trainee is told to back away, once.
TEST(RadiantHeat, StandingCloseToAGrownFireWarnsOnce) {
    scenario::BotScript bot;
    scenario::BotStep wait;
    wait.action = "wait";
    wait.waitS = 3.0;
    scenario::BotStep move;
    move.action = "move";
    move.position = scenario::Vec3{1.0, 2.0, 0.0};
    bot.steps = {wait, move};
    scenario::ScenarioDef sc = fireScenario("A", "");
    sc.durationS = 50.0;  // 0.1876 x 49^2 = 450 kW at the end
    ui::TraineeStatus hud;
    double sampled = 0.0, fed = 0.0, heatFed = 0.0;
    const Outcome o = [&] {
        Outcome out;
        test::runTinySession(sc, bot, [](const app::Session&) {}, [&](const app::Session& s) {
            out.log = s.log();
            for (const auto& m : s.messages()) out.messages.push_back(m.text);
            hud = app::hudModel(s, false).trainee;
            sampled = s.lastSample().radiantFluxKwM2;
            fed = s.fed();
            heatFed = s.heatFed();
        });
        return out;
    }();
    // The HUD reads the flux the dose is taken from, amber from 2.5 kW/m2; at the end, 1 m from
    // a 450 kW fire, it is well above that, and the dose is mostly heat.
    EXPECT_FLOAT_EQ(hud.radiantFluxKwM2, static_cast<float>(sampled));
    EXPECT_GT(hud.radiantFluxKwM2, hud.radiantWarnKwM2);
    EXPECT_GT(heatFed, 0.5 * fed);
    int warnings = 0;
    for (const auto& e : o.log.events) warnings += e.kind == "trainee.radiant_heat";
    EXPECT_EQ(warnings, 1);
    const record::SimEvent* w = find(o.log, "trainee.radiant_heat");
    ASSERT_NE(w, nullptr);
    EXPECT_GE(w->value, cd::fire::FedAccumulator::kRadiantThresholdKwM2);
    EXPECT_TRUE(said(o, app::say::kTooHot));
}
