// citydrill run SCENARIO: a training session, in a window or headless.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <ctime>

#include "bot_driver.h"
#include "command.h"
#include "core/files.h"
#include "core/log.h"
#include "desktop_loop.h"
#include "run_options.h"
#include "scenario/scenario_loader.h"
#include "scenario_checks.h"
#include "session_outputs.h"
#include "world/walk_graph.h"

namespace cd::app {
namespace {

std::string utcStamp(const char* fmt) {
    std::time_t t = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[64];
    std::strftime(buf, sizeof buf, fmt, &tm);
    return buf;
}

bool hasDisplay() {
    const char* x = std::getenv("DISPLAY");
    const char* w = std::getenv("WAYLAND_DISPLAY");
    return (x && *x) || (w && *w);
}

int printErrors(const std::vector<Error>& errors) {
    for (const auto& e : errors) std::fprintf(stderr, "%s\n", e.str().c_str());
    return 1;
}

int runRun(const std::vector<std::string>& args) {
    auto opts = parseRunOptions(args);
    if (!opts) {
        std::fprintf(stderr, "citydrill run: %s\nusage: citydrill run SCENARIO [--headless] [--seconds S] [--seed N] [--bot FILE] [--out DIR]\n",
                     opts.error().str().c_str());
        return 2;
    }
    auto load = scenario::loadScenario(opts->scenarioPath);
    if (!load.ok()) return printErrors(load.errors);
    scenario::ScenarioDef& def = load.def;
    if (!opts->language.empty()) def.language = opts->language;

    auto district = world::loadDistrict(def.districtPath);
    if (!district) return printErrors({district.error()});
    if (auto errors = checkScenarioAgainstDistrict(def, *district); !errors.empty()) return printErrors(errors);
    world::WalkGraph graph(*district);

    const bool headless = opts->headless || !hasDisplay();
    std::string botPath = opts->botPath;
    if (botPath.empty() && headless) botPath = def.defaultBot;
    std::optional<BotDriver> bot;
    if (!botPath.empty()) {
        auto botLoad = scenario::loadBotScript(botPath, record::actionKindNames());
        if (!botLoad.ok()) return printErrors(botLoad.errors);
        bot.emplace(std::move(botLoad.bot), *district, graph);
        if (auto st = bot->validate(); !st) return printErrors({st.error()});
    }

    std::uint64_t seed = opts->seed.value_or(def.seed);
    std::string outDir = opts->outDir.empty() ? "out/" + utcStamp("%Y-%m-%d_%H-%M-%S") : opts->outDir;
    const bool outDirExisted = std::filesystem::exists(outDir);
    if (auto st = makeDirectories(outDir); !st) return printErrors({st.error()});

    SessionSetup setup;
    setup.scenario = &def;
    setup.district = &*district;
    setup.seed = seed;
    setup.durationS = opts->seconds.value_or(def.durationS);
    setup.input = bot ? "bot:" + botPath : "desktop";
    setup.databasePath = joinPath(outDir, "session.db");
    setup.sessionId = def.id + "-" + utcStamp("%Y%m%dT%H%M%SZ") + "-" + std::to_string(seed);
    setup.startedAtUtc = utcStamp("%Y-%m-%dT%H:%M:%SZ");
    auto session = Session::start(setup);
    if (!session) {
        // The hazards did not build (a bad DEM or ground-motion record): leave no empty folder.
        std::error_code ec;
        if (!outDirExisted && std::filesystem::is_empty(outDir, ec)) std::filesystem::remove(outDir, ec);
        return printErrors({session.error()});
    }
    Session& s = **session;
    if (bot) bot->useGraph(s.walkGraph());

    auto wallStart = std::chrono::steady_clock::now();
    bool ranHeadless = headless;
    WorstMoment worst(static_cast<std::uint32_t>(opts->width), static_cast<std::uint32_t>(opts->height));
    if (!headless) {
        DesktopLoopOptions d;
        d.width = opts->width;
        d.height = opts->height;
        d.screenshotPath = opts->screenshotPath;
        d.worst = &worst;
        auto st = runDesktopLoop(s, bot ? &*bot : nullptr, d);
        if (!st) {
            std::fprintf(stderr, "citydrill: no window (%s); running headless\n", st.error().str().c_str());
            ranHeadless = true;
        }
    }
    if (ranHeadless) {
        while (!s.ended()) {
            if (bot) bot->update(s);
            s.tick();
            worst.observe(s);
        }
    }
    double wallS = std::chrono::duration<double>(std::chrono::steady_clock::now() - wallStart).count();
    if (auto st = s.finish(); !st) std::fprintf(stderr, "%s\n", st.error().str().c_str());

    auto outcome = writeSessionOutputs(s, outDir, opts->width, opts->height, &worst);
    std::printf("session: %s (%.0f s simulated in %.1f s)\n", outDir.c_str(), s.timeS(), wallS);
    if (!outcome) {
        std::fprintf(stderr, "%s\n", outcome.error().str().c_str());
        return 1;
    }
    std::printf("score: %.1f %% (%.1f of %.1f points) %s\n", outcome->scorePercent, outcome->points, outcome->maxPoints,
                outcome->passed ? "PASSED" : "NOT PASSED");
    std::printf("report: %s\n", outcome->reportHtml.c_str());
    return 0;
}

}  // namespace

CD_COMMAND(run, "run", "run SCENARIO [--headless] [--seconds S] [--seed N] [--bot FILE] [--out DIR] [--lang en|zh] [--size WxH] [--screenshot PNG]",
           "Run a training session: in a window when there is a display, else headless; writes session.db, "
           "report.json, report.html and final.png to DIR (default out/<date-time>/).",
           runRun);

}  // namespace cd::app
