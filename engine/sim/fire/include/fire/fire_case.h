#pragma once
/// Fire case files (TOML) for `citydrill fire`: rooms, openings, fires, detectors, sprinklers,
/// fuel items, materials, scheduled extinguisher use and probes. See docs/fire.md.
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "fire/water_spray.h"
#include "fire/extinguishing_agent.h"
#include "fire/fed_accumulator.h"
#include "fire/fire_model_def.h"

namespace cd::fire {

enum class ProbeQuantity {
    LayerHeightM, UpperTempC, LowerTempC, TempC, VisibilityM, VisibilityLitSignM, CoPpm, Co2Pct, O2Pct, HcnPpm,
    SootKgM3, Fed, FedAsphyxiant, FedHeat, PressurePa, HrrKw,
    PlumeTempC, PlumeKgS, FlameHeightM, JetTempC, JetVelocityMps, RadiantFluxKwM2,
    // Of an opening (a probe given `opening` instead of `position`):
    OutKgS, InKgS,
};

/// True for the quantities an opening probe reads (the others need a position).
bool isOpeningQuantity(ProbeQuantity q);

/// Name as written in a case file and in CSV headers ("layer_height_m"); nullptr if none.
const char* probeQuantityName(ProbeQuantity q);
bool parseProbeQuantity(std::string_view name, ProbeQuantity& out);

struct ProbeDef {
    std::string id;
    Point3 positionM;
    std::string opening;  ///< an opening probe's opening id (then positionM is unused)
    std::vector<ProbeQuantity> quantities;
    /// The air breathed by the person the FED columns are for (L/min; FedAccumulator: 8.5 at
    /// rest, 25 light work, 50 heavy work).
    double ventilationLMin = FedAccumulator::kLightWorkVentilationLMin;
    int line = 0;
};

/// An extinguisher or hose used on a fire at a given time.
struct ScheduledAgent {
    std::string fire;
    double startS = 0;
    AgentApplication application;
    int line = 0;
};

/// Water sprayed into a room's hot layer at a given time (gas cooling, water_spray.h).
struct ScheduledSpray {
    std::string room;
    double startS = 0;
    WaterSpray spray;
    int line = 0;
};

struct FireCase {
    FireModelDef model;
    std::vector<ProbeDef> probes;
    std::vector<ScheduledAgent> agents;
    std::vector<ScheduledSpray> sprays;
};

/// Parses and validates a case; errors are "file:line: field: message".
Result<FireCase> parseFireCase(std::string_view text, const std::string& fileName);
Result<FireCase> loadFireCase(const std::string& path);

}  // namespace cd::fire
