// District windows in a session's fire: shut single glazing that the hot layer breaks out
// (fire::kSingleGlazingFalloutC), named by the window in a "fire.window_broke" event, and that a
// scenario opens and shuts (open_window / close_window). Tiny district: f1 burns in R1 (4 x 4 x
// 3 m), whose door D1 to R2 stands open; the tests give R1 a 1.5 x 1.5 m window in its south wall.
#include <gtest/gtest.h>

#include <cstdio>

#include "fire/fire_model_def.h"
#include "fire_hazard.h"
#include "scenario_checks.h"
#include "scene_view.h"
#include "session_text.h"
#include "tiny_district.h"
#include "tiny_session.h"

using namespace cd;

namespace {

// The tiny district's manifest, with R1's window (its glazing fields from `glass`) or without.
nlohmann::ordered_json districtJson(bool window, const nlohmann::ordered_json& glass = nlohmann::ordered_json::object()) {
    nlohmann::ordered_json j = test::tinyDistrict();
    if (window) {
        nlohmann::ordered_json w = {{"id", "R1.window1"}, {"room", "R1"}, {"centerM", {2, -0.1, 0.9}}, {"normal", {0, -1, 0}}, {"widthM", 1.5}, {"heightM", 1.5}};
        w.update(glass);
        j["windows"] = nlohmann::ordered_json::array({w});
    }
    return j;
}

world::District districtWithWindow(bool window, const nlohmann::ordered_json& glass = nlohmann::ordered_json::object()) {
    auto d = world::parseDistrict(districtJson(window, glass).dump(), "tiny.json");
    EXPECT_TRUE(d.ok()) << d.error().str();
    return d.ok() ? std::move(*d) : world::District{};
}

struct Burn {
    double crackedAtS = -1;  ///< the first "fire.window_cracked"
    double flamesAtS = -1;   ///< "fire.external_flames" out of the window
    int flamesDrawn = 0;     ///< FireHazard::flames() outside the building then
    int cracks = 0;
    double brokeAtS = -1;
    double brokeLayerC = 0;
    std::string subject;
    double o2BeforePct = 0;  ///< R1's upper layer when the glass broke (or at 330 s)
    double layerBeforeM = 0; ///< R1's smoke interface then
    double o2AfterPct = 0;   ///< 60 s later
    double layerAfterM = 0;
};

Burn burn(bool window, const nlohmann::ordered_json& glass = nlohmann::ordered_json::object(), double peakKw = 2500.0, double untilS = 390.0) {
    scenario::ScenarioDef sc = test::tinyScenario("tiny", 900.0);
    sc.fires.push_back(test::tinyFire());
    sc.fires.back().peakHrrKw = peakKw;
    const world::District d = districtWithWindow(window, glass);
    auto fire = app::FireHazard::build(sc, d);
    EXPECT_TRUE(fire.ok()) << fire.error().str();
    Burn run;
    if (!fire.ok()) return run;
    app::FireHazard& f = **fire;
    EXPECT_TRUE(f.ignite("f1").ok());
    EXPECT_TRUE(f.setDoorOpen("D2", true).ok());  // the exit stands open: the fire draws air through R2
    const world::Room* r1 = d.findRoom("R1");
    const glm::vec3 underCeiling(2.0f, 2.0f, 2.8f);
    double t = 0, beforeAtS = untilS - 60.0;
    for (; t < beforeAtS + 60.0; t += 0.5) {
        f.step(0.5);
        for (const auto& e : f.drainEvents()) {
            if (e.kind == "fire.window_cracked") {
                EXPECT_EQ(e.subject, "R1.window1");
                if (run.cracks++ == 0) run.crackedAtS = t + 0.5;
            }
            if (e.kind == "fire.external_flames" && e.subject == "R1.window1" && run.flamesAtS < 0) {
                run.flamesAtS = t + 0.5;
                for (const app::FlameView& v : f.flames()) run.flamesDrawn += v.room == nullptr && v.baseM.y < -0.1f;
            }
            if (e.kind == "fire.window_broke") {
                run.brokeAtS = t + 0.5;
                run.brokeLayerC = e.value;
                run.subject = e.subject;
                beforeAtS = run.brokeAtS;
            }
        }
        if (t + 0.5 == beforeAtS) {
            const app::HazardSample before = f.sample(underCeiling, r1);
            run.o2BeforePct = before.o2Pct;
            run.layerBeforeM = before.layerHeightM;
        }
    }
    const app::HazardSample after = f.sample(underCeiling, r1);
    run.o2AfterPct = after.o2Pct;
    run.layerAfterM = after.layerHeightM;
    return run;
}

}  // namespace

TEST(WindowBreak, TheHotLayerBreaksTheWindowWhichVentsTheSmokeAndLetsAirIn) {
    const Burn with = burn(true);
    ASSERT_GT(with.brokeAtS, 0) << "the glass never broke";
    EXPECT_EQ(with.subject, "R1.window1");
    EXPECT_GE(with.brokeLayerC, cd::fire::kSingleGlazingFalloutC);
    // A manifest window without glazing fields is one 4 mm pane of float glass: it cracks first.
    EXPECT_EQ(with.cracks, 1);
    EXPECT_GT(with.crackedAtS, 0);
    EXPECT_LT(with.crackedAtS, with.brokeAtS - 30.0);
    std::printf("broke at %.1f s (layer %.0f C): O2 %.1f %%, interface %.2f m; 60 s later O2 %.1f %%, interface %.2f m\n", with.brokeAtS,
                with.brokeLayerC, with.o2BeforePct, with.layerBeforeM, with.o2AfterPct, with.layerAfterM);
    // Before, the room's smoke was vitiated and low (its door, and the open exit next door, were
    // all the vent it had).
    EXPECT_LT(with.o2BeforePct, 8.0);
    EXPECT_LT(with.layerBeforeM, 0.9);
    // The window vents the smoke out and lets air in: the layer's oxygen and the interface rise.
    EXPECT_GT(with.o2AfterPct, with.o2BeforePct + 4.0);
    EXPECT_GT(with.layerAfterM, with.layerBeforeM + 0.3);
    // The same fire without the window: no such change.
    const Burn without = burn(false);
    EXPECT_LT(without.brokeAtS, 0);
    std::printf("no window: O2 %.1f %%, interface %.2f m\n", without.o2AfterPct, without.layerAfterM);
    EXPECT_LT(without.o2AfterPct, 8.0);
    EXPECT_LT(without.layerAfterM, 0.9);
}

namespace {

/// The tiny session with R1's window, the exits shut (the drill's default): f1 starves R1. The
/// scenario opens the window at openAtS (< 0: never). R1's upper-layer oxygen at 180 s.
struct Vented {
    std::vector<record::SimEvent> windowEvents;
    bool openAtEnd = false;
    double o2At180Pct = 0;
    std::vector<render::Aabb> hidden;  ///< what the drawing leaves out of the district mesh
};

Vented ventAt(double openAtS) {
    scenario::ScenarioDef sc = test::tinyScenario("tiny", 180.0);
    sc.fires.push_back(test::tinyFire());
    if (openAtS >= 0) {
        scenario::TimelineEvent ev;
        ev.kind = "open_window";
        ev.atS = openAtS;
        ev.target = "R1.window1";
        sc.timeline.push_back(ev);
    }
    const world::District d = districtWithWindow(true);
    EXPECT_TRUE(app::checkScenarioAgainstDistrict(sc, d).empty());
    Vented v;
    test::runSession(sc, scenario::BotScript{}, d, [](const app::Session&) {}, [&](const app::Session& s) {
        for (const auto& e : s.log().events)
            if (e.kind.rfind("window.", 0) == 0) v.windowEvents.push_back(e);
        v.openAtEnd = s.fire().windowOpen("R1.window1");
        v.o2At180Pct = s.fire().sample({2.0f, 2.0f, 2.8f}, d.findRoom("R1")).o2Pct;
        v.hidden = app::hazardSnapshot(s).hiddenBoxes;
    });
    return v;
}

}  // namespace

TEST(WindowVent, TheScenarioOpensTheWindowOfAStarvedRoomAndAirComesIn) {
    const Vented shut = ventAt(-1.0), vented = ventAt(120.0);
    EXPECT_TRUE(shut.windowEvents.empty());
    EXPECT_FALSE(shut.openAtEnd);
    ASSERT_EQ(vented.windowEvents.size(), 1u);
    EXPECT_EQ(vented.windowEvents[0].kind, "window.open");
    EXPECT_EQ(vented.windowEvents[0].subject, "R1.window1");
    EXPECT_NEAR(vented.windowEvents[0].timeS, 120.0, 0.05);
    EXPECT_TRUE(vented.openAtEnd);
    std::printf("R1 upper layer O2 at 180 s: %.1f %% shut, %.1f %% with the window open from 120 s\n", shut.o2At180Pct, vented.o2At180Pct);
    EXPECT_GT(vented.o2At180Pct, shut.o2At180Pct + 2.0);
    // Drawn open: the pane (x 1.25-2.75, z 0.9-2.4 in the wall's mid-plane y -0.1) is cut out of
    // the district mesh, 3 cm short of the opening's edges so that its reveals stay.
    EXPECT_TRUE(shut.hidden.empty());
    ASSERT_EQ(vented.hidden.size(), 1u);
    const render::Aabb& cut = vented.hidden[0];
    EXPECT_NEAR(cut.min.x, 1.28f, 1e-4f);
    EXPECT_NEAR(cut.max.x, 2.72f, 1e-4f);
    EXPECT_NEAR(cut.min.z, 0.93f, 1e-4f);
    EXPECT_NEAR(cut.max.z, 2.37f, 1e-4f);
    EXPECT_NEAR(cut.min.y, -0.15f, 1e-4f);
    EXPECT_NEAR(cut.max.y, -0.05f, 1e-4f);
}

TEST(WindowVent, AWindowTheDistrictLacksIsAnErrorAtTheEventsLine) {
    scenario::ScenarioDef sc = test::tinyScenario("tiny", 60.0);
    scenario::TimelineEvent ev;
    ev.kind = "close_window";
    ev.atS = 10.0;
    ev.target = "R1.window9";
    ev.source = {"tiny.toml", 31, "event[0]"};
    sc.timeline.push_back(ev);
    const auto errors = app::checkScenarioAgainstDistrict(sc, districtWithWindow(true));
    ASSERT_EQ(errors.size(), 1u);
    EXPECT_EQ(errors[0].str(), "tiny.toml:31: event[0].target: no window 'R1.window9' in district tiny.json");
    // A window event never names a door, nor a door event a window.
    sc.timeline[0].target = "D1";
    EXPECT_EQ(app::checkScenarioAgainstDistrict(sc, districtWithWindow(true)).size(), 1u);
    sc.timeline[0].kind = "open_door";
    EXPECT_TRUE(app::checkScenarioAgainstDistrict(sc, districtWithWindow(true)).empty());
}

namespace {

scenario::BotStep botStep(const std::string& action, const std::string& target = "") {
    scenario::BotStep st;
    st.action = action;
    st.target = target;
    st.source = {"bot.toml", 1, "step[0]"};
    return st;
}

}  // namespace

TEST(WindowVent, TheTraineeOpensAndShutsAWindowWithinReachAndNotFromAcrossTheRoom) {
    scenario::ScenarioDef sc = test::tinyScenario("tiny", 30.0);
    const world::District d = districtWithWindow(true);
    world::WalkGraph graph(d);
    scenario::BotScript bot;
    bot.steps.push_back(botStep("open_window", "R1.window1"));  // from R2: out of reach
    scenario::BotStep toWindow = botStep("move");
    toWindow.position = scenario::Vec3{2.0, 0.7, 0.0};  // in R1, 0.8 m in from the window
    bot.steps.push_back(toWindow);
    bot.steps.push_back(botStep("open_window", "R1.window1"));
    scenario::BotStep wait = botStep("wait");
    wait.waitS = 2.0;
    bot.steps.push_back(wait);
    bot.steps.push_back(botStep("close_window", "R1.window1"));
    ASSERT_TRUE(app::BotDriver(bot, d, graph).validate().ok());
    bool openSeen = false, openAtEnd = true;
    std::vector<std::string> kinds, texts;
    int outOfReach = 0, windowActions = 0;
    test::runSession(sc, bot, d, [&](const app::Session& s) { openSeen |= s.fire().windowOpen("R1.window1"); }, [&](const app::Session& s) {
        for (const auto& e : s.log().events)
            if (e.kind.rfind("window.", 0) == 0) {
                kinds.push_back(e.kind);
                texts.push_back(e.text);
                EXPECT_EQ(e.subject, "R1.window1");
            }
        openAtEnd = s.fire().windowOpen("R1.window1");
        for (const auto& m : s.messages()) outOfReach += m.text == app::say::kWindowOutOfReach.en;
        for (const auto& a : s.log().actions) windowActions += a.kind == record::ActionKind::OpenWindow || a.kind == record::ActionKind::CloseWindow;
    });
    EXPECT_EQ(kinds, (std::vector<std::string>{"window.open", "window.close"}));
    EXPECT_EQ(texts, (std::vector<std::string>{"by the trainee", "by the trainee"}));
    EXPECT_TRUE(openSeen);
    EXPECT_FALSE(openAtEnd);
    EXPECT_EQ(outOfReach, 1);
    // The actions are recorded as the trainee's, by name.
    EXPECT_EQ(windowActions, 3);
    // A bot that names a window the district lacks is refused before it runs.
    scenario::BotScript badBot;
    badBot.steps.push_back(botStep("close_window", "R1.window7"));
    app::BotDriver bad(badBot, d, graph);
    const Status st = bad.validate();
    ASSERT_FALSE(st.ok());
    EXPECT_EQ(st.error().str(), "bot.toml:1: step[0].target: no window 'R1.window7' in the district");
}

// A door, like a window, is worked within reach (1.6 m of its centre): from the middle of R2
// (2 m from D1) a bot's close_door is refused with the HUD's word; a step towards it, it shuts.
TEST(DoorReach, TheTraineeShutsADoorWithinReachAndNotFromAcrossTheRoom) {
    scenario::ScenarioDef sc = test::tinyScenario("tiny", 20.0);
    const world::District d = districtWithWindow(false);
    world::WalkGraph graph(d);
    scenario::BotScript bot;
    bot.steps.push_back(botStep("close_door", "D1"));  // from R2's middle: 2 m away
    scenario::BotStep toDoor = botStep("move");
    toDoor.position = scenario::Vec3{5.2, 2.0, 0.0};  // 1.1 m from D1
    bot.steps.push_back(toDoor);
    bot.steps.push_back(botStep("close_door", "D1"));
    ASSERT_TRUE(app::BotDriver(bot, d, graph).validate().ok());
    std::vector<double> closedAtS;
    int outOfReach = 0;
    bool openAtEnd = true;
    test::runSession(sc, bot, d, [](const app::Session&) {}, [&](const app::Session& s) {
        for (const auto& e : s.log().events)
            if (e.kind == "door.close" && e.subject == "D1") closedAtS.push_back(e.timeS);
        for (const auto& m : s.messages()) outOfReach += m.text == app::say::kDoorOutOfReach.en;
        openAtEnd = s.fire().doorOpen("D1");
    });
    EXPECT_EQ(outOfReach, 1);
    ASSERT_EQ(closedAtS.size(), 1u);
    EXPECT_GT(closedAtS[0], 0.3);  // after the walk, not at the first step
    EXPECT_FALSE(openAtEnd);
}

// The manifest's glazing: toughened glass falls out as it breaks, later than float glass cracks;
// double float glazing cracks both panes, the outer one later, and opens no sooner than one pane.
TEST(WindowBreak, TheManifestsGlazingSetsHowTheWindowBreaks) {
    const Burn single = burn(true);
    const Burn toughened = burn(true, {{"glazing", "toughened"}, {"glassThicknessM", 0.006}});
    const Burn twoPanes = burn(true, {{"panes", 2}});
    std::printf("float: cracked %.1f s, out %.1f s; toughened: out %.1f s (%.0f C); double: cracked %.1f s, %d cracks, out %.1f s\n",
                single.crackedAtS, single.brokeAtS, toughened.brokeAtS, toughened.brokeLayerC, twoPanes.crackedAtS, twoPanes.cracks,
                twoPanes.brokeAtS);
    ASSERT_GT(toughened.brokeAtS, 0);
    EXPECT_EQ(toughened.cracks, 1);
    EXPECT_EQ(toughened.crackedAtS, toughened.brokeAtS);
    EXPECT_GT(toughened.crackedAtS, single.crackedAtS + 30.0);
    ASSERT_GT(twoPanes.brokeAtS, 0);
    EXPECT_EQ(twoPanes.cracks, 2);
    EXPECT_GE(twoPanes.brokeAtS, single.brokeAtS);
    const auto bad = [](const nlohmann::ordered_json& glass) {
        auto d = world::parseDistrict(districtJson(true, glass).dump(), "tiny.json");
        return d.ok() ? std::string("no error") : d.error().str();
    };
    EXPECT_NE(bad({{"glazing", "wired"}}).find("windows[0].glazing: must be \"float\" or \"toughened\""), std::string::npos) << bad({{"glazing", "wired"}});
    EXPECT_NE(bad({{"panes", 3}}).find("windows[0].panes: must be 1 or 2"), std::string::npos) << bad({{"panes", 3}});
    EXPECT_NE(bad({{"glassThicknessM", 4}}).find("windows[0].glassThicknessM: must be between"), std::string::npos) << bad({{"glassThicknessM", 4}});
}

// A bigger fire flashes the room over once its window is out: flames reach out of the window
// (EN 1991-1-2 Annex B), the session records them and draws them outside the south wall.
TEST(WindowBreak, AFlashedOverRoomSendsFlamesOutOfItsWindow) {
    const Burn big = burn(true, nlohmann::ordered_json::object(), 8000.0, 900.0);
    std::printf("glass out at %.1f s; flames out of the window at %.1f s (%d drawn outside)\n", big.brokeAtS, big.flamesAtS, big.flamesDrawn);
    ASSERT_GT(big.brokeAtS, 0);
    ASSERT_GT(big.flamesAtS, big.brokeAtS);
    EXPECT_EQ(big.flamesDrawn, 1);
    EXPECT_LT(burn(true).flamesAtS, 0);  // 2.5 MW: no flames out of it
}
