#pragma once
// A shipped scenario run headless with one of its bots, once per test binary, and what the
// e2e tests ask of the record it leaves.
#include <gtest/gtest.h>

#include <chrono>
#include <map>
#include <string>

#include "e2e_fixture.h"
#include "record/session_store.h"

namespace cd::e2e {

struct ScenarioRun {
    CommandResult result;
    std::string dir;
    nlohmann::json report;
    double wallS = 0.0;
};

/// `citydrill run scenes/<scene>.toml --headless --bot scenes/bots/<bot>.toml`, cached.
inline const ScenarioRun& scenarioRun(const std::string& scene, const std::string& bot) {
    static std::map<std::string, ScenarioRun> runs;
    const std::string key = scene + "/" + bot;
    if (auto it = runs.find(key); it != runs.end()) return it->second;
    ScenarioRun r;
    r.dir = freshDir(scene + "_" + bot);
    const auto t0 = std::chrono::steady_clock::now();
    r.result = runCitydrill("run scenes/" + scene + ".toml --headless --bot scenes/bots/" + bot + ".toml --out " + r.dir);
    r.wallS = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    r.report = readJson(r.dir + "/report.json");
    return runs.emplace(key, std::move(r)).first->second;
}

/// The first event of this kind (and subject, when given), or nullptr.
inline const record::SimEvent* findEvent(const record::SessionLog& log, const std::string& kind,
                                         const std::string& subject = {}) {
    for (const auto& e : log.events)
        if (e.kind == kind && (subject.empty() || e.subject == subject)) return &e;
    return nullptr;
}

/// Runs the scenario and bot of `first` again: every state hash must be the same.
inline void expectSameStateHashes(const ScenarioRun& first, const std::string& scene, const std::string& bot) {
    ASSERT_EQ(first.result.exitCode, 0) << first.result.output;
    const std::string dir = freshDir(scene + "_" + bot + "_again");
    auto again = runCitydrill("run scenes/" + scene + ".toml --headless --bot scenes/bots/" + bot + ".toml --out " + dir);
    ASSERT_EQ(again.exitCode, 0) << again.output;
    auto a = record::loadSession(first.dir + "/session.db");
    auto b = record::loadSession(dir + "/session.db");
    ASSERT_TRUE(a.ok() && b.ok());
    ASSERT_EQ(a->hashes.size(), b->hashes.size());
    ASSERT_GT(a->hashes.size(), 10u);
    for (std::size_t i = 0; i < a->hashes.size(); ++i) EXPECT_EQ(a->hashes[i].hash, b->hashes[i].hash) << "at " << i;
}

}  // namespace cd::e2e
