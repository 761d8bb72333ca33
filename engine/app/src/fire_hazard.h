#pragma once
// The fire and smoke of a session: the zone fire model (engine/sim/fire) run over the
// district's rooms and doors, with the scenario's fires. The session asks it for the
// conditions at the trainee's eyes; the renderer for each room's smoke layer and the flames.
#include <memory>
#include <string>
#include <vector>

#include <glm/common.hpp>
#include <glm/geometric.hpp>
#include <glm/vec3.hpp>

#include "core/hash.h"
#include "core/result.h"
#include "scenario/scenario_def.h"
#include "world/district.h"

namespace cd::app {

/// Conditions at a point: what a person there breathes, sees and feels.
struct HazardSample {
    double temperatureC = 20.0;
    double layerHeightM = 99.0;   ///< smoke interface height above the floor
    double visibilityM = 30.0;    ///< light-reflecting signs (K = 3)
    double coPpm = 0.0;
    double co2Pct = 0.04;
    double o2Pct = 20.9;
    double hcnPpm = 0.0;
    double sootKgM3 = 0.0;
    double radiantFluxKwM2 = 0.0; ///< the hot layer's and the flames' (fire::FireSample)
};

/// A hazard event pulled after the step ("fire.flashover", "fire.detected", ...).
struct HazardEvent {
    std::string kind;
    std::string subject;
    double value = 0.0;
    std::string text;
};

/// One room's smoke, for drawing: over the whole room, or over the stretch of a corridor its
/// front has reached (a room may have several).
struct RoomSmoke {
    const world::Room* room = nullptr;
    world::Aabb box;             ///< the part of the room under the layer
    double layerHeightM = 99.0;  ///< above the floor
    double upperTempC = 20.0;
    double extinctionPerM = 0.0; ///< of the upper layer
};

/// Where a scenario fire sits, burning or not: its base and the floor of its room below it.
struct FireSeat {
    glm::vec3 baseM{0.0f};
    double diameterM = 0.0;
    float floorZ = 0.0f;
};

/// A fuel item of the scenario with a drawn size, and how it stands.
struct ItemView {
    glm::vec3 centerM{0.0f};
    glm::vec3 halfExtentsM{0.0f};
    bool caught = false;  ///< it has caught fire (burning, put out or burnt out)
};

/// A sprinkler head under a ceiling: where its deflector is, and whether it has opened.
struct SprinklerView {
    glm::vec3 positionM{0.0f};
    bool open = false;
};

struct FlameView {
    const world::Room* room = nullptr;  ///< the room it burns in; nullptr: outside, out of a window or exit door
    glm::vec3 baseM{0.0f};
    double hrrKw = 0.0;
    double heightM = 0.0;
    double diameterM = 0.0;
};

/// The accumulated fractional effective dose of one person (ISO 13571).
class FedDose {
public:
    FedDose();
    ~FedDose();
    FedDose(FedDose&&) noexcept;
    FedDose& operator=(FedDose&&) noexcept;
    /// suppliedAir: breathing from a breathing apparatus (the gases add nothing); turnoutGear:
    /// firefighters' protective clothing (radiant heat against its TPP in place of ISO 13571's
    /// heat dose; fire::Protection); ventilationLMin: the air they breathe a minute (the CO they
    /// take up; ISO 13571's light work when not known).
    void accumulate(const HazardSample& s, double dtS, bool suppliedAir = false, bool turnoutGear = false,
                    double ventilationLMin = kLightWorkVentilationLMin);
    static constexpr double kLightWorkVentilationLMin = 25.0;  ///< fire::FedAccumulator's
    double fed() const;
    double heatFed() const;  ///< the heat part of fed(): convected and radiant

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

class FireHazard {
public:
    static Result<std::unique_ptr<FireHazard>> build(const scenario::ScenarioDef& scenario,
                                                     const world::District& district);
    ~FireHazard();

    Status ignite(const std::string& fireId);
    /// An extinguisher or hose turned on a burning fire by someone standing at feetM in `room`
    /// (nullptr outdoors): agent "water", "foam", "co2", "powder", "wet_chemical" (a portable
    /// unit's whole charge at its typical flow, fire/extinguishing_agent.h) or "hose" (a
    /// fire-service stream for kHoseBurstS). They must stand in the fire's room; the distance is
    /// to the fire's base, in plan. Returns that distance; what the agent does (knock-down,
    /// flare-up, shock hazard, out of range or the wrong agent) comes as fire events. Errors:
    /// unknown fire or agent, the fire not burning, the fire in another room.
    Result<double> applyAgent(const std::string& fireId, const std::string& agent, const glm::vec3& feetM, const world::Room* room);
    /// The burning fire in `room` nearest to p (plan distance), or "" if none burns there.
    std::string nearestBurningFire(const glm::vec3& p, const world::Room* room) const;
    /// Plan distance from p to the base of the scenario fire of that id (-1 if none).
    double distanceToFire(const std::string& fireId, const glm::vec3& p) const;
    /// How far an agent ("water", ..., "hose") throws, m (0 if unknown).
    static double agentReachM(const std::string& agent);
    /// Radiant heat flux from the flames of `room` on a person's front at p, facing them, kW/m^2:
    /// each burning fire a point source at half its flame height (fire::flameFluxKwM2, Modak's
    /// point-source model), and each door-jet fire burning into the room a point source in its
    /// doorway. Fires in other rooms are behind walls: none.
    double flameFluxKwM2(const glm::vec3& p, const world::Room* room) const;
    static constexpr double kHoseBurstS = 30.0;
    /// A fog pulse from the hose into the hot layer overhead (gas cooling, fire/water_spray.h)
    /// by someone in `room` with the nozzle at nozzleZM (absolute), for pulseS seconds. Returns
    /// the part of the water that turns to steam in the layer as it is now.
    Result<double> sprayIntoLayer(const world::Room* room, double nozzleZM, double pulseS);

    Status setDoorOpen(const std::string& doorId, bool open);
    /// Opens or shuts a district window (shut single glazing at the start; one whose glass fell
    /// out in the heat stays open). Opening the window of an oxygen-starved room raises
    /// fire.backdraft_risk, as a door does.
    Status setWindowOpen(const std::string& windowId, bool open);
    bool windowOpen(const std::string& windowId) const;
    /// Whether a door stands open (doors inside one compartment count as open).
    bool doorOpen(const std::string& doorId) const;
    /// Steps the model to the session clock and pulls its events. When the last burning fire
    /// goes out (put out or burnt out, the scenario's fires and the items they spread to), it
    /// adds "fire.all_out" (value: how many fires burned).
    void step(double dtS);
    /// Ids of the fires burning now (scenario fires and ignited items).
    std::vector<std::string> burning() const;
    /// Conditions at p; `room` (where the person stands, nullptr outdoors) settles points
    /// in a doorway or on a wall line, which belong to no room box.
    HazardSample sample(const glm::vec3& p, const world::Room* room) const;
    std::vector<HazardEvent> drainEvents();
    void hash(StateHasher& h) const;

    std::vector<RoomSmoke> smoke() const;
    std::vector<FlameView> flames() const;
    /// Every fire of the scenario, ignited or not, and every item without a drawn size (what a
    /// raised fire burns on is drawn from it).
    std::vector<FireSeat> seats() const;
    /// The scenario's items with a drawn size.
    std::vector<ItemView> items() const;
    std::vector<SprinklerView> sprinklers() const;

    struct Impl;

private:
    explicit FireHazard(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

}  // namespace cd::app
