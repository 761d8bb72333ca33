// A scenario's fuel items ([[item]]) in a session: the fire spreads to them by radiant heat (the
// fire model's ItemDef), they burn as fires of their own (drawn, fought, named in events), and
// "fire.all_out" comes when the last fire is out. Tiny district: f1 burns in the middle of R1
// (4 x 4 x 3 m), the trainee starts next door in R2.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "fire_hazard.h"
#include "scene_view.h"
#include "session_text.h"
#include "tiny_session.h"

using namespace cd;

namespace {

/// A chair of upholstered furniture 1 m from f1's base, at seat height; it burns as a fast fire.
scenario::FuelItemDef chair(double criticalFluxKwM2) {
    scenario::FuelItemDef it;
    it.fire.id = "chair";
    it.name = "the armchair";
    it.fire.room = "R1";
    it.fire.position = scenario::Vec3{2.0, 1.0, 0.45};
    it.fire.alphaKwS2 = 0.0469;
    it.fire.peakHrrKw = 300.0;
    it.fire.source = {"tiny.toml", 40, "item[0]"};
    it.criticalFluxKwM2 = criticalFluxKwM2;
    it.fluxTimeProductKjM2 = 100.0;
    it.size = scenario::Vec3{0.6, 0.6, 0.9};
    return it;
}

scenario::ScenarioDef spreadScenario(double criticalFluxKwM2, double durationS) {
    scenario::ScenarioDef s = test::tinyScenario("tiny", durationS);
    s.trainee.extinguisher = "hose";
    s.trainee.turnoutGear = true;
    s.fires.push_back(test::tinyFire());
    s.items.push_back(chair(criticalFluxKwM2));
    return s;
}

scenario::BotStep step(const std::string& action, double waitS = 0.0) {
    scenario::BotStep st;
    st.action = action;
    st.waitS = waitS;
    return st;
}

struct Seen {
    record::SessionLog log;
    std::vector<std::string> messages;
    bool chairFlamesDrawn = false;  ///< flames() had the chair, at its place
    bool chairBoxCharred = false;   ///< the scene drew its box, caught
    bool chairBoxDrawn = false;
};

Seen run(const scenario::ScenarioDef& sc, const scenario::BotScript& bot) {
    Seen seen;
    auto onTick = [&](const app::Session& s) {
        for (const auto& f : s.fire().flames())
            if (std::abs(f.baseM.x - 2.0f) < 1e-4f && std::abs(f.baseM.z - 0.45f) < 1e-4f) seen.chairFlamesDrawn = true;
        for (const auto& it : s.fire().items()) {
            seen.chairBoxDrawn = true;
            EXPECT_NEAR(it.halfExtentsM.z, 0.45f, 1e-6f);
            seen.chairBoxCharred |= it.caught;
        }
    };
    test::runTinySession(sc, bot, onTick, [&](const app::Session& s) {
        seen.log = s.log();
        for (const auto& m : s.messages()) seen.messages.push_back(m.text);
    });
    return seen;
}

}  // namespace

TEST(FireSpread, TheFireSpreadsToAChairByItsRadiantHeatAndItBurnsAsAFireOfItsOwn) {
    scenario::BotScript idle;
    idle.steps.push_back(step("wait", 100.0));
    const Seen s = run(spreadScenario(10.0, 100.0), idle);
    const record::SimEvent* caught = test::firstEvent(s.log, "fire.item_ignited");
    ASSERT_NE(caught, nullptr);
    EXPECT_EQ(caught->subject, "chair");
    // The flux on it when it caught is above its critical flux (the dose only grows above it).
    EXPECT_GT(caught->value, 10.0);
    // The flux on the chair (f1's flames and R1's layer) passes 10 kW/m2 only when f1 has grown
    // to some 400 kW, about 48 s in; then 100 kJ/m2 above it take some seconds more.
    EXPECT_GT(caught->timeS, 45.0);
    EXPECT_TRUE(s.chairFlamesDrawn);
    EXPECT_TRUE(s.chairBoxDrawn);
    EXPECT_TRUE(s.chairBoxCharred);
    EXPECT_TRUE(std::any_of(s.messages.begin(), s.messages.end(), [](const std::string& m) {
        return m == std::string(app::say::kFireSpread.en) + "the armchair";
    }));
    EXPECT_EQ(test::firstEvent(s.log, "fire.all_out"), nullptr);  // both burn on
}

TEST(FireSpread, AnItemWhoseCriticalFluxIsNeverReachedDoesNotCatch) {
    scenario::BotScript idle;
    idle.steps.push_back(step("wait", 100.0));
    // 60 kW/m2 is more than f1's flames and R1's layer give at the chair (about 20 kW/m2).
    const Seen s = run(spreadScenario(60.0, 100.0), idle);
    EXPECT_EQ(test::firstEvent(s.log, "fire.item_ignited"), nullptr);
    EXPECT_TRUE(s.chairBoxDrawn);
    EXPECT_FALSE(s.chairBoxCharred);
    EXPECT_FALSE(s.chairFlamesDrawn);
}

TEST(FireSpread, PuttingOutTheFirstFireLeavesTheChairBurningAndAllOutComesWithTheLast) {
    scenario::BotScript bot;
    scenario::BotStep untilCaught = step("wait", 120.0);
    untilCaught.untilEvent = "fire.item_ignited";
    bot.steps.push_back(untilCaught);
    scenario::BotStep in;
    in.action = "move";
    in.position = scenario::Vec3{3.3, 2.0, 0.0};
    bot.steps.push_back(in);
    scenario::BotStep hoseF1 = step("use_extinguisher");
    hoseF1.target = "f1";
    bot.steps.push_back(hoseF1);
    bot.steps.push_back(step("wait", 8.0));
    bot.steps.push_back(step("use_extinguisher"));  // the nearest still burning: the chair
    bot.steps.push_back(step("wait", 20.0));
    scenario::ScenarioDef sc = spreadScenario(10.0, 150.0);
    sc.trainee.breathingApparatus = scenario::BreathingApparatusDef{};
    const Seen s = run(sc, bot);
    ASSERT_NE(test::firstEvent(s.log, "fire.item_ignited"), nullptr);
    EXPECT_EQ(test::firstEvent(s.log, "trainee.incapacitated"), nullptr);
    std::vector<const record::SimEvent*> applied, out;
    const record::SimEvent* allOut = nullptr;
    for (const auto& e : s.log.events) {
        if (e.kind == "fire.agent_applied") applied.push_back(&e);
        if (e.kind == "fire.extinguished") out.push_back(&e);
        if (e.kind == "fire.all_out" && !allOut) allOut = &e;
    }
    ASSERT_EQ(applied.size(), 2u);
    EXPECT_EQ(applied[0]->subject, "f1");
    EXPECT_EQ(applied[1]->subject, "chair");
    ASSERT_EQ(out.size(), 2u);
    ASSERT_NE(allOut, nullptr);
    EXPECT_DOUBLE_EQ(allOut->timeS, out[1]->timeS);  // with the last one, not the first
    EXPECT_EQ(allOut->value, 2.0);                   // two fires burned
    EXPECT_NE(allOut->text.find("2 put out, 0 burnt out"), std::string::npos) << allOut->text;
    EXPECT_TRUE(std::any_of(s.messages.begin(), s.messages.end(), [](const std::string& m) {
        return m == std::string(app::say::kOneFireOut.en) + "the armchair";
    }));
    EXPECT_TRUE(test::saidAny(s.messages, app::say::kFireOut));
}

TEST(FireSpread, AnItemCannotBeIgnitedByCommandAndItsRoomMustExist) {
    world::District d = test::tinyWorld();
    scenario::ScenarioDef sc = spreadScenario(10.0, 10.0);
    auto hazard = app::FireHazard::build(sc, d);
    ASSERT_TRUE(hazard.ok()) << hazard.error().str();
    auto st = (*hazard)->ignite("chair");
    ASSERT_FALSE(st.ok());
    EXPECT_NE(st.error().message.find("[[item]]"), std::string::npos) << st.error().str();
    EXPECT_TRUE((*hazard)->burning().empty());

    sc.items[0].fire.room = "R9";
    auto bad = app::FireHazard::build(sc, d);
    ASSERT_FALSE(bad.ok());
    EXPECT_EQ(bad.error().line, 40);
    EXPECT_EQ(bad.error().field, "item[0].room");
}
