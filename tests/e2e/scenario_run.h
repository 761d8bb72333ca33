#pragma once
// A shipped scenario run headless with one of its bots, once per test process (or once per
// scripts/test), and what the e2e tests ask of the record it leaves.
#include <gtest/gtest.h>

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
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

/// Runs `citydrill run scenes/<scene>.toml --headless --bot scenes/bots/<bot>.toml` into dir.
inline void runScenarioInto(ScenarioRun& r, const std::string& scene, const std::string& bot) {
    const auto t0 = std::chrono::steady_clock::now();
    r.result = runCitydrill("run scenes/" + scene + ".toml --headless --bot scenes/bots/" + bot + ".toml --out " + r.dir);
    r.wallS = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

/// The run, shared by every test process of one `scripts/test` (CITYDRILL_E2E_RUNS names a
/// folder it made for that invocation): ctest runs each test in a process of its own, so without
/// this every test that asks for the same scene and bot ran it again. The first process to ask
/// runs it under a lock (ctest -j) and leaves its exit code, wall time and output beside it; the
/// others wait for the lock and read them. Tests only read a run's folder or add files of their own.
inline ScenarioRun sharedScenarioRun(const std::filesystem::path& base, const std::string& scene, const std::string& bot) {
    ScenarioRun r;
    const std::filesystem::path dir = base / (scene + "_" + bot);
    r.dir = dir.string();
    std::filesystem::create_directories(base);
    const int lock = ::open((r.dir + ".lock").c_str(), O_CREAT | O_RDWR, 0644);
    if (lock >= 0) ::flock(lock, LOCK_EX);
    const std::string status = r.dir + ".status";
    if (std::ifstream in(status); in && (in >> r.result.exitCode >> r.wallS)) {
        r.result.output = readText(r.dir + ".output");
    } else {
        std::filesystem::remove_all(dir);
        std::filesystem::create_directories(dir);
        runScenarioInto(r, scene, bot);
        std::ofstream(r.dir + ".output") << r.result.output;
        std::ofstream(status) << r.result.exitCode << " " << r.wallS << "\n";
    }
    if (lock >= 0) {
        ::flock(lock, LOCK_UN);
        ::close(lock);
    }
    return r;
}

/// `citydrill run scenes/<scene>.toml --headless --bot scenes/bots/<bot>.toml`, once per test
/// process, and once per `scripts/test` when it shares the runs (above).
inline const ScenarioRun& scenarioRun(const std::string& scene, const std::string& bot) {
    static std::map<std::string, ScenarioRun> runs;
    const std::string key = scene + "/" + bot;
    if (auto it = runs.find(key); it != runs.end()) return it->second;
    ScenarioRun r;
    if (const char* shared = std::getenv("CITYDRILL_E2E_RUNS"); shared && *shared) {
        r = sharedScenarioRun(shared, scene, bot);
    } else {
        r.dir = freshDir(scene + "_" + bot);
        runScenarioInto(r, scene, bot);
    }
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
