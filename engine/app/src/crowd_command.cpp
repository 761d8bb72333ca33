// citydrill crowd CASE.toml --until T --csv AGENTS.csv [--trajectories TRAJ.csv --every DT]
// Runs a crowd case without graphics and writes one row per person (and optional trajectories).
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "core/parse_number.h"
#include "command.h"
#include "core/files.h"
#include "crowd/crowd_case.h"

namespace {

bool parseNumber(const std::string& s, double& out) { return cd::parseDouble(s, out); }

int usage(const char* why) {
    std::fprintf(stderr, "citydrill crowd: %s\nusage: citydrill crowd CASE.toml --until T --csv AGENTS.csv [--trajectories TRAJ.csv --every DT]\n", why);
    return 2;
}

std::string fmt(double v) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.3f", v);
    return buf;
}

int runCrowd(const std::vector<std::string>& args) {
    std::string casePath, csvPath, trajPath;
    double until = -1.0, every = 1.0;
    for (size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        auto next = [&](std::string& out) {
            if (i + 1 >= args.size()) return false;
            out = args[++i];
            return true;
        };
        std::string v;
        if (a == "--until") {
            if (!next(v) || !parseNumber(v, until) || until < 0.0) return usage("--until needs a time in seconds >= 0");
        } else if (a == "--every") {
            if (!next(v) || !parseNumber(v, every) || every <= 0.0) return usage("--every needs a positive time in seconds");
        } else if (a == "--csv") {
            if (!next(csvPath)) return usage("--csv needs a file");
        } else if (a == "--trajectories") {
            if (!next(trajPath)) return usage("--trajectories needs a file");
        } else if (!a.empty() && a[0] == '-') {
            return usage(("unknown option " + a).c_str());
        } else if (casePath.empty()) {
            casePath = a;
        } else {
            return usage("only one case file");
        }
    }
    if (casePath.empty()) return usage("missing CASE.toml");
    if (until < 0.0) return usage("missing --until T");
    if (csvPath.empty()) return usage("missing --csv AGENTS.csv");

    auto crowdCase = cd::crowd::loadCrowdCase(casePath);
    if (!crowdCase) {
        std::fprintf(stderr, "%s\n", crowdCase.error().str().c_str());
        return 1;
    }
    auto built = cd::crowd::buildCrowdSim(*crowdCase);
    if (!built) {
        std::fprintf(stderr, "%s\n", built.error().str().c_str());
        return 1;
    }
    cd::crowd::CrowdSim& sim = **built;
    const auto& agents = sim.agents();
    const auto& b = sim.building();

    std::string traj;
    if (!trajPath.empty()) traj = "time_s,agent,x,y,level\n";
    auto sample = [&] {
        for (size_t i = 0; i < agents.size(); ++i) {
            const auto& a = agents[i];
            if (a.state == cd::crowd::AgentState::Out) continue;
            traj += fmt(sim.timeS()) + "," + std::to_string(i) + "," + fmt(a.pos.x) + "," + fmt(a.pos.y) + "," +
                    std::to_string(a.level) + "\n";
        }
    };
    double nextSample = 0.0;
    const double dt = crowdCase->settings.dtS;
    while (sim.timeS() + 0.5 * dt < until && sim.insideCount() > 0) {
        if (!trajPath.empty() && sim.timeS() + 0.5 * dt >= nextSample) {
            sample();
            nextSample += every;
        }
        sim.step();
    }
    if (!trajPath.empty() && sim.timeS() + 0.5 * dt >= nextSample) sample();

    std::string csv = "agent,group,start_x,start_y,exit,exit_time_s,path_length_m\n";
    for (size_t i = 0; i < agents.size(); ++i) {
        const auto& a = agents[i];
        const bool out = a.state == cd::crowd::AgentState::Out;
        csv += std::to_string(i) + "," + sim.groups()[a.group].id + "," + fmt(a.startPos.x) + "," + fmt(a.startPos.y) + "," +
               (out ? b.doors[a.exitDoor].id : std::string()) + "," + (out ? fmt(a.exitTimeS) : std::string()) + "," +
               fmt(a.pathLengthM) + "\n";
    }
    if (auto s = cd::writeTextFile(csvPath, csv); !s) {
        std::fprintf(stderr, "%s\n", s.error().str().c_str());
        return 1;
    }
    if (!trajPath.empty())
        if (auto s = cd::writeTextFile(trajPath, traj); !s) {
            std::fprintf(stderr, "%s\n", s.error().str().c_str());
            return 1;
        }
    std::printf("crowd: %d of %zu people out by %.1f s\n", sim.evacuatedCount(), agents.size(), sim.timeS());
    return 0;
}

}  // namespace

CD_COMMAND(crowd, "crowd", "crowd CASE.toml --until T --csv AGENTS.csv [--trajectories TRAJ.csv --every DT]",
           "Run a crowd evacuation case headless; one CSV row per person (exit, exit time, path length).", runCrowd);
