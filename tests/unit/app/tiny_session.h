#pragma once
// Sessions on the tiny district (tests/unit/world/tiny_district.h: R1 and R2 side by side,
// door D1 between them, exit E1 from R2, assembly point AP): the scenario every such test
// starts from, its standard fire, and a run driven by a bot.
#include <gtest/gtest.h>

#include <string>

#include "bot_driver.h"
#include "session.h"
#include "session_text.h"
#include "tiny_district.h"

namespace cd::test {

inline world::District tinyWorld() {
    auto d = world::parseDistrict(tinyDistrict().dump(), "tiny.json");
    EXPECT_TRUE(d.ok()) << (d.ok() ? "" : d.error().str());
    return d.ok() ? std::move(*d) : world::District{};
}

/// A scenario on the tiny district: the trainee in R2, the assembly point AP, 20 Hz.
inline scenario::ScenarioDef tinyScenario(const std::string& id, double durationS) {
    scenario::ScenarioDef s;
    s.path = "tiny.toml";
    s.id = id;
    s.durationS = durationS;
    s.tickHz = 20.0;
    s.assemblyPoint = "AP";
    s.trainee.startRoom = "R2";
    return s;
}

/// f1: an ultrafast fire to 800 kW in the middle of R1 from 1 s (the small room fills within a
/// test), sooty and CO-rich (0.1 kg/kg each).
inline scenario::FireDef tinyFire() {
    scenario::FireDef f;
    f.id = "f1";
    f.room = "R1";
    f.atS = 1.0;
    f.alphaKwS2 = 0.1876;
    f.peakHrrKw = 800.0;
    f.sootYield = 0.1;
    f.coYield = 0.1;
    return f;
}

/// The first event of this kind in the log, or nullptr.
inline const record::SimEvent* firstEvent(const record::SessionLog& log, const std::string& kind) {
    for (const auto& e : log.events)
        if (e.kind == kind) return &e;
    return nullptr;
}

/// Whether any of the messages shown holds the text's English.
inline bool saidAny(const std::vector<std::string>& messages, const app::SessionText& t) {
    for (const auto& m : messages)
        if (m.find(t.en) != std::string::npos) return true;
    return false;
}

/// Runs the scenario on district d to its end with the bot; onTick(session) after every tick.
/// The session is alive only inside onTick, and returned for a last look through `last`.
template <class OnTick, class Last>
void runSession(const scenario::ScenarioDef& sc, const scenario::BotScript& bot, const world::District& d, OnTick onTick, Last last) {
    world::WalkGraph graph(d);
    app::SessionSetup setup;
    setup.scenario = &sc;
    setup.district = &d;
    setup.durationS = sc.durationS;
    auto session = app::Session::start(setup);
    ASSERT_TRUE(session.ok()) << (session.ok() ? "" : session.error().str());
    app::BotDriver driver(bot, d, graph);
    app::Session& s = **session;
    while (!s.ended()) {
        driver.update(s);
        s.tick();
        onTick(s);
    }
    last(s);
}

/// runSession on the tiny district.
template <class OnTick, class Last>
void runTinySession(const scenario::ScenarioDef& sc, const scenario::BotScript& bot, OnTick onTick, Last last) {
    const world::District d = tinyWorld();
    runSession(sc, bot, d, onTick, last);
}

}  // namespace cd::test
