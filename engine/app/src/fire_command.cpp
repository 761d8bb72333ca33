// citydrill fire CASE.toml --until T --every DT --csv OUT.csv
// Runs a compartment fire case without graphics and writes one CSV row per output time:
// time_s, then <probe id>.<quantity> for each probe (file order) and quantity (listed order).
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "core/parse_number.h"
#include "command.h"
#include "core/files.h"
#include "fire/fed_accumulator.h"
#include "fire/fire_case.h"
#include "fire/fire_model.h"

namespace {

using namespace cd::fire;

bool parseSeconds(const std::string& s, double& out) { return cd::parseDouble(s, out); }

double probeValue(const FireModel& model, const FireSample& s, const PlumeSample& plume, const FedAccumulator& fed,
                  ProbeQuantity q) {
    switch (q) {
        case ProbeQuantity::LayerHeightM: return s.room >= 0 ? s.layerHeightM : 0.0;
        case ProbeQuantity::UpperTempC: return s.upperTempC;
        case ProbeQuantity::LowerTempC: return s.lowerTempC;
        case ProbeQuantity::TempC: return s.temperatureC;
        case ProbeQuantity::VisibilityM: return s.visibilityM;
        case ProbeQuantity::VisibilityLitSignM: return s.visibilityLitSignM;
        case ProbeQuantity::CoPpm: return s.coPpm;
        case ProbeQuantity::Co2Pct: return s.co2Pct;
        case ProbeQuantity::O2Pct: return s.o2Pct;
        case ProbeQuantity::HcnPpm: return s.hcnPpm;
        case ProbeQuantity::SootKgM3: return s.sootKgM3;
        case ProbeQuantity::Fed: return fed.fed();
        case ProbeQuantity::FedAsphyxiant: return fed.asphyxiantFed();
        case ProbeQuantity::FedHeat: return fed.heatFed();
        case ProbeQuantity::PressurePa: return s.room >= 0 ? model.roomState(s.room).pressurePa : 0.0;
        case ProbeQuantity::HrrKw: return s.room >= 0 ? model.roomState(s.room).hrrKw : 0.0;
        case ProbeQuantity::PlumeTempC: return plume.plumeTempC;
        case ProbeQuantity::PlumeKgS: return plume.plumeMassFlowKgS;
        case ProbeQuantity::FlameHeightM: return plume.flameHeightM;
        case ProbeQuantity::JetTempC: return plume.jetTempC;
        case ProbeQuantity::JetVelocityMps: return plume.jetVelocityMS;
        case ProbeQuantity::RadiantFluxKwM2: return s.radiantFluxKwM2;
        case ProbeQuantity::OutKgS:
        case ProbeQuantity::InKgS: break;  // opening probes: written by the caller
    }
    return 0.0;
}

constexpr double kMaxRows = 1e7;

int usage(const char* msg) {
    std::fprintf(stderr, "citydrill fire: %s\nusage: citydrill fire CASE.toml --until T --every DT --csv OUT.csv\n", msg);
    return 1;
}

int runFire(const std::vector<std::string>& args) {
    std::string casePath, csvPath;
    double until = -1, every = -1;
    for (size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        auto next = [&](std::string& out) {
            if (i + 1 >= args.size()) return false;
            out = args[++i];
            return true;
        };
        std::string v;
        if (a == "--until") {
            if (!next(v) || !parseSeconds(v, until) || until <= 0) return usage("--until needs a time in s > 0");
        } else if (a == "--every") {
            if (!next(v) || !parseSeconds(v, every) || every <= 0) return usage("--every needs a time in s > 0");
        } else if (a == "--csv") {
            if (!next(csvPath)) return usage("--csv needs a file name");
        } else if (!a.empty() && a[0] == '-') {
            return usage(("unknown option " + a).c_str());
        } else if (casePath.empty()) {
            casePath = a;
        } else {
            return usage("only one case file");
        }
    }
    if (casePath.empty() || until < 0 || every < 0 || csvPath.empty()) return usage("missing arguments");
    // The row count must fit a long (1e300 / 1e-300 overflowed to no rows at all, silently).
    if (!(until / every <= kMaxRows)) return usage("--until / --every asks for more than 10 000 000 rows");

    auto fireCase = loadFireCase(casePath);
    if (!fireCase) {
        std::fprintf(stderr, "%s\n", fireCase.error().str().c_str());
        return 1;
    }
    auto model = FireModel::create(fireCase->model);
    if (!model) {
        std::fprintf(stderr, "%s\n", model.error().str().c_str());
        return 1;
    }
    const auto& probes = fireCase->probes;
    std::vector<FedAccumulator> fed(probes.size());
    auto agents = fireCase->agents;
    std::stable_sort(agents.begin(), agents.end(),
                     [](const ScheduledAgent& a, const ScheduledAgent& b) { return a.startS < b.startS; });
    size_t nextAgent = 0;
    auto sprays = fireCase->sprays;
    std::stable_sort(sprays.begin(), sprays.end(),
                     [](const ScheduledSpray& a, const ScheduledSpray& b) { return a.startS < b.startS; });
    size_t nextSpray = 0;

    std::string csv = "time_s";
    for (const auto& p : probes)
        for (auto q : p.quantities) csv += "," + p.id + "." + probeQuantityName(q);
    csv += "\n";
    auto writeRow = [&](double t) {
        char buf[64];
        std::snprintf(buf, sizeof buf, "%.6g", t);
        csv += buf;
        for (size_t i = 0; i < probes.size(); ++i) {
            if (!probes[i].opening.empty()) {
                const int o = model->openingIndex(probes[i].opening);
                for (auto q : probes[i].quantities) {
                    std::snprintf(buf, sizeof buf, ",%.6g", model->openingMassFlowKgS(o, q == ProbeQuantity::OutKgS));
                    csv += buf;
                }
                continue;
            }
            const FireSample s = model->sample(probes[i].positionM);
            const PlumeSample plume = model->plumeAt(probes[i].positionM);  // once per probe, not per column
            for (auto q : probes[i].quantities) {
                std::snprintf(buf, sizeof buf, ",%.6g", probeValue(*model, s, plume, fed[i], q));
                csv += buf;
            }
        }
        csv += "\n";
    };
    auto printEvents = [&]() {
        for (const auto& e : model->drainEvents()) std::printf("event: %s\n", model->describe(e).c_str());
    };

    // FED is accumulated at a finer tick than the output interval.
    int ticksPerRow = std::max(1, static_cast<int>(std::ceil(every / 0.25 - 1e-9)));
    double tick = every / ticksPerRow;
    long rows = static_cast<long>(std::floor(until / every + 1e-9));
    writeRow(0.0);
    for (long row = 1; row <= rows; ++row) {
        for (int k = 0; k < ticksPerRow; ++k) {
            while (nextAgent < agents.size() && agents[nextAgent].startS <= model->timeS() + 1e-9) {
                auto st = model->applyAgent(agents[nextAgent].fire, agents[nextAgent].application);
                if (!st) std::fprintf(stderr, "warning: %s\n", st.error().str().c_str());
                ++nextAgent;
            }
            while (nextSpray < sprays.size() && sprays[nextSpray].startS <= model->timeS() + 1e-9) {
                const ScheduledSpray& w = sprays[nextSpray++];
                auto f = model->sprayIntoLayer(w.room, w.spray);
                if (!f) std::fprintf(stderr, "warning: %s:%d: spray: %s\n", casePath.c_str(), w.line, f.error().str().c_str());
                else std::printf("spray: %.1f s into %s, %.1f %% evaporating in the layer now\n", model->timeS(), w.room.c_str(), 100.0 * *f);
            }
            model->step(tick);
            for (size_t i = 0; i < probes.size(); ++i)
                if (probes[i].opening.empty()) fed[i].accumulate(model->sample(probes[i].positionM), tick, {}, probes[i].ventilationLMin);
            printEvents();
        }
        writeRow(row * every);
    }
    auto written = cd::writeTextFile(csvPath, csv);
    if (!written) {
        std::fprintf(stderr, "%s\n", written.error().str().c_str());
        return 1;
    }
    return 0;
}

}  // namespace

CD_COMMAND(fire, "fire", "fire CASE.toml --until T --every DT --csv OUT.csv",
           "Runs a compartment fire case (zone model) and writes probe values to CSV.", runFire);
