// citydrill review SESSION.db [--scenario S] [--xapi OUT.json --actor NAME --activity IRI]
// After-action review of a recorded session: verifies the hash chain, re-scores it against a
// scenario's (possibly changed) rubric, and exports xAPI statements for a learning record store.
#include <cstdio>

#include "command.h"
#include "core/files.h"
#include "record/session_store.h"
#include "record/xapi.h"
#include "scenario/rubric_builder.h"
#include "scenario/scenario_loader.h"
#include "score/scorer.h"

namespace cd::app {
namespace {

int usage(const std::string& why) {
    std::fprintf(stderr, "citydrill review: %s\nusage: citydrill review SESSION.db [--scenario S] [--xapi OUT.json --actor NAME --activity IRI]\n",
                 why.c_str());
    return 2;
}

int runReview(const std::vector<std::string>& args) {
    std::string db, scenarioPath, xapiPath, actor, activity;
    for (std::size_t i = 0; i < args.size(); ++i) {
        auto value = [&](std::string& out) {
            if (i + 1 >= args.size()) return false;
            out = args[++i];
            return true;
        };
        if (args[i] == "--scenario") { if (!value(scenarioPath)) return usage("--scenario needs a file"); }
        else if (args[i] == "--xapi") { if (!value(xapiPath)) return usage("--xapi needs a file"); }
        else if (args[i] == "--actor") { if (!value(actor)) return usage("--actor needs a name"); }
        else if (args[i] == "--activity") { if (!value(activity)) return usage("--activity needs an IRI"); }
        else if (args[i].rfind("--", 0) == 0) return usage("unknown option '" + args[i] + "'");
        else if (db.empty()) db = args[i];
        else return usage("more than one session given");
    }
    if (db.empty()) return usage("no session database given");
    if (!xapiPath.empty() && (actor.empty() || activity.empty())) return usage("--xapi needs --actor and --activity");

    auto chain = record::verifyChain(db);
    if (!chain) { std::fprintf(stderr, "%s\n", chain.error().str().c_str()); return 1; }
    auto log = record::loadSession(db);
    if (!log) { std::fprintf(stderr, "%s\n", log.error().str().c_str()); return 1; }
    std::printf("session: %s (%s, seed %llu, %.1f s, %zu actions, %zu events)\n", db.c_str(), log->meta.scenarioId.c_str(),
                static_cast<unsigned long long>(log->meta.seed), log->meta.durationS, log->actions.size(), log->events.size());
    std::printf("chain: %s%s, %lld rows, head %s\n", chain->intact ? "intact" : "BROKEN: ", chain->intact ? "" : chain->message.c_str(),
                static_cast<long long>(chain->rows), chain->head.c_str());
    if (!chain->closed) std::printf("warning: the session never recorded its end (a crash, or the file was cut short)\n");

    std::optional<record::XapiOutcome> outcome;
    if (!scenarioPath.empty()) {
        auto load = scenario::loadScenario(scenarioPath);
        for (const auto& e : load.errors) std::fprintf(stderr, "%s\n", e.str().c_str());
        if (!load.ok()) return 1;
        auto rubric = scenario::buildRubric(load.def.rubric);
        if (!rubric) { std::fprintf(stderr, "%s\n", rubric.error().str().c_str()); return 1; }
        score::ScoreResult s = score::scoreSession(*log, *rubric);
        for (const auto& c : s.criteria)
            std::printf("  %-14s %6.1f / %-6.1f %s\n", c.id.c_str(), c.points, c.maxPoints, c.evidence.c_str());
        std::printf("score: %.1f %% (%.1f of %.1f points) %s\n", s.percent, s.points, s.maxPoints, s.passed ? "PASSED" : "NOT PASSED");
        outcome = score::toXapiOutcome(s);
    }
    if (!xapiPath.empty()) {
        auto statements = record::toXapiStatements(*log, actor, activity, outcome);
        if (!statements) { std::fprintf(stderr, "%s\n", statements.error().str().c_str()); return 1; }
        if (auto st = writeTextFile(xapiPath, statements->dump(2) + "\n"); !st) {
            std::fprintf(stderr, "%s\n", st.error().str().c_str());
            return 1;
        }
        std::printf("xapi: %zu statements written to %s\n", statements->size(), xapiPath.c_str());
    }
    return chain->intact ? 0 : 1;
}

}  // namespace

CD_COMMAND(review, "review", "review SESSION.db [--scenario S] [--xapi OUT.json --actor NAME --activity IRI]",
           "Verify a session's hash chain, re-score it against a scenario's rubric, export xAPI statements; "
           "exit 1 when the chain is broken.",
           runReview);

}  // namespace cd::app
