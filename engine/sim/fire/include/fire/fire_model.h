#pragma once
/// Two-zone compartment fire model in the family of NIST CFAST (Peacock et al., CFAST
/// Technical Reference Guide, NIST SP 1889v1): each room has a hot upper and a cool lower
/// layer; fires, Heskestad plumes, vent flows, wall conduction, detectors, sprinklers and
/// extinguishing agents move mass, energy and species between them.
///
/// Usage from the tick loop:
///   auto model = FireModel::create(def);        // validates def
///   model->step(1.0 / 60.0);                     // sub-steps internally, never allocates
///   for (auto& e : model->drainEvents()) ...;    // flashover, detector, sprinkler, ...
///   FireSample s = model->sample({x, y, z});     // temperature, visibility, gases
///   fed.accumulate(s, dt);                       // per person
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/hash.h"
#include "core/result.h"
#include "fire/external_flame.h"
#include "fire/water_spray.h"
#include "fire/extinguishing_agent.h"
#include "fire/fire_event.h"
#include "fire/fire_model_def.h"
#include "fire/fire_sample.h"

namespace cd::fire {

/// Running totals for conservation checks (SI units).
struct ConservationTotals {
    double gasMassKg = 0;              ///< all rooms, both layers
    double gasInternalEnergyJ = 0;     ///< sum of cv m T over all layers
    double fuelAddedKg = 0;            ///< pyrolysate added by fires
    double netMassOutKg = 0;           ///< net mass that left through openings to outside
    double heatIntoGasJ = 0;           ///< convective fire heat + pyrolysate enthalpy - losses to walls
    double netEnthalpyOutJ = 0;        ///< net enthalpy that left through openings to outside
    double heatReleasedJ = 0;          ///< total heat released by all fires
    double filteredKg = 0;             ///< soot kept by fan filters (left the gas)
    double filteredEnthalpyJ = 0;      ///< enthalpy of that soot, cp T m (left the gas)
    double sootProducedKg = 0;         ///< by fires and door-jet fires
    double sootOutKg = 0;              ///< net soot that left through openings and fans to outside
    double gasSootKg = 0;              ///< soot in all rooms, both layers
    double depositedKg = 0;            ///< soot settled on the linings (thermophoresis; left the gas)
    double depositedEnthalpyJ = 0;     ///< enthalpy of that soot, cp T m (left the gas)
    double waterEvaporatedKg = 0;      ///< sprayed water turned to steam in the gas (sprayIntoLayer)
    double heatToWaterJ = 0;           ///< heat that water took from the gas (part of heatIntoGasJ)
};

/// A stretch of a room's plan under its smoke layer (FireModel::smokeCover).
struct SmokeCover {
    double x0 = 0, y0 = 0, x1 = 0, y1 = 0;  ///< m
    double layerHeightM = 0;                ///< interface above the room's floor
};

/// Work done by the integrator so far (for benchmarks and tuning).
struct SolverStats {
    long subSteps = 0;
    long pressureSweeps = 0;
    long residualEvaluations = 0;
};

class FireModel {
public:
    /// Validates def (errors name file, line and field) and builds the model at ambient.
    static Result<FireModel> create(const FireModelDef& def);

    FireModel(FireModel&&) noexcept;
    FireModel& operator=(FireModel&&) noexcept;
    ~FireModel();

    /// Advances by exactly dtS seconds, sub-stepping internally (sub-steps <= def.maxStepS,
    /// shorter while a layer drains fast). Never allocates (except when an item ignites).
    void step(double dtS);
    /// For a fast tick loop: advances in whole internal steps of def.maxStepS towards the
    /// caller's clock, so the model lags it by less than maxStepS and a 60 Hz loop costs what
    /// a 2 Hz one does. Deterministic for the same sequence of clock values.
    void advanceTo(double clockS);
    double timeS() const;

    /// Opens or closes a door/window at run time (by id or index). Opening a door onto an
    /// oxygen-starved, fuel-rich hot layer raises a BackdraftRisk event.
    Status setOpeningOpen(std::string_view openingId, bool open);
    void setOpeningOpen(int openingIndex, bool open);
    bool openingOpen(int openingIndex) const;
    /// Mass flow (kg/s) through an opening in the last sub-step: leaving its `from` room
    /// (fromA) or entering it (!fromA). For a ceiling vent: up through it, or down.
    double openingMassFlowKgS(int openingIndex, bool fromA) const;
    /// Door mixing at a wall opening in the last sub-step (CFAST spill plumes, door_mixing.h), in
    /// its `to` room (inTo) or its `from` room, kg/s: lower-layer gas carried into the upper layer
    /// by a hot inflow, minus upper-layer gas carried down by a cold one. 0 when def.doorMixing
    /// is off, for the outside, ceiling vents and leaks.
    double openingMixingKgS(int openingIndex, bool inTo) const;
    /// Heat released in the last sub-step by the door-jet fire burning in `room` (a model room
    /// index, either side of the opening) with fuel from the other side, kW; 0 for none.
    double openingJetHrrKw(int openingIndex, int room) const;
    /// Radiant flux at p from the door-jet fires burning into `room` through placed wall openings
    /// (OpeningDef::placed), kW/m^2: each a point source in its doorway, based at the middle of
    /// the opening's height with flames of half that height and the opening's width
    /// (flameFluxKwM2, Modak), chi_r = 0.35. With them, the flames outside the room's open
    /// windows, rising from windows below on the facade, each seen as a panel filling the opening.
    double jetFlameFluxKwM2(int room, const Point3& p) const;
    /// The flame out of an opening to outside in the last sub-step (EN 1991-1-2 Annex B): present
    /// once its room has flashed over and the opening is open (external_flame.h).
    ExternalFlame externalFlame(int openingIndex) const;

    /// Switches a fan (mechanical vent) on or off at run time (by id or index).
    Status setFanOn(std::string_view fanId, bool on);
    void setFanOn(int fanIndex, bool on);
    bool fanOn(int fanIndex) const;
    /// Mass flow the fan moved in the last sub-step, kg/s.
    double fanMassFlowKgS(int fanIndex) const;
    /// Soot the fan's filter has kept so far, kg (0 without a filter).
    double fanFilteredKg(int fanIndex) const;
    int fanCount() const;
    int fanIndex(std::string_view id) const;  ///< -1 if unknown

    /// Starts a new fire now (its startS is taken relative to now). Returns its index.
    Result<int> ignite(const FireDef& fire);
    /// Applies an extinguishing agent to a fire from the next step on, for app.durationS.
    Status applyAgent(std::string_view fireId, const AgentApplication& app);
    Status applyAgent(int fireIndex, const AgentApplication& app);

    /// Water sprayed into a room's upper layer from now for spray.durationS (gas cooling,
    /// water_spray.h). Returns the part of it that evaporates in flight at the layer as it is now.
    Result<double> sprayIntoLayer(int roomIndex, const WaterSpray& spray);
    Result<double> sprayIntoLayer(std::string_view roomId, const WaterSpray& spray);
    /// The part of a spray that would evaporate in flight in a room's upper layer now.
    double sprayEvaporatedFraction(int roomIndex, const WaterSpray& spray) const;

    /// Conditions at a point (outside every room: ambient).
    FireSample sample(const Point3& pointM) const;
    /// Conditions at height zM (absolute) in a known room; faster than sample(). The layer's
    /// radiation is seen from the room's centre, or from (xM, yM) when given.
    FireSample sampleRoom(int roomIndex, double zM) const;
    FireSample sampleRoom(int roomIndex, double xM, double yM, double zM) const;
    /// The plume and ceiling jet at a point (ambient outside every room).
    PlumeSample plumeAt(const Point3& pointM) const;

    /// The parts of a room's floor plan its smoke layer lies over, each with the interface's
    /// height there (m above the room's floor): the whole room, or in a corridor whose smoke
    /// front is still moving (smoke_front.h) the stretches the smoke has reached, none before.
    std::vector<SmokeCover> smokeCover(int roomIndex) const;
    /// Whether the room is a corridor (RoomDef::corridor), and how far along it, in
    /// m, its smoke reaches in all (the whole length once it has reached both ends).
    bool isCorridor(int roomIndex) const;
    double smokeCoverM(int roomIndex) const;

    RoomState roomState(int roomIndex) const;
    Result<RoomState> roomState(std::string_view roomId) const;
    FireState fireState(int fireIndex) const;
    /// When sprinkler i (in def().sprinklers) opened, s; -1 while shut.
    double sprinklerOpenedS(int sprinklerIndex) const;

    int roomCount() const;
    int openingCount() const;
    int fireCount() const;
    int roomIndex(std::string_view id) const;     ///< -1 if unknown
    int openingIndex(std::string_view id) const;  ///< -1 if unknown
    int fireIndex(std::string_view id) const;     ///< -1 if unknown
    const FireModelDef& def() const;
    const std::string& fireId(int fireIndex) const;

    /// Events since the last call, in the order they happened.
    std::vector<FireEvent> drainEvents();
    /// One line for a log: "120.0 s flashover room kitchen".
    std::string describe(const FireEvent& e) const;

    /// Feeds every state variable into the hasher (determinism checks, replays).
    void hash(StateHasher& hasher) const;
    ConservationTotals conservation() const;
    SolverStats solverStats() const;

    struct Impl;

private:
    explicit FireModel(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

}  // namespace cd::fire
