#pragma once
// The flood of a session: the shallow-water model (engine/sim/flood) over the scenario's DEM,
// with its river inflows, rain and levee breaches, stepped on the session clock. The session
// asks it for the water where the trainee stands; the renderer for the water grid.
#include <memory>
#include <string>
#include <vector>

#include "core/hash.h"
#include "core/result.h"
#include "fire_hazard.h"
#include "render/render_snapshot.h"
#include "scenario/scenario_def.h"
#include "world/district.h"

namespace cd::app {

/// The water at a point, for the trainee.
struct FloodPointSample {
    double depthM = 0.0;
    double speedMs = 0.0;
    double hazardRating = 0.0;  ///< HR = d (v + 0.5) + DF (Defra FD2321/TR1)
    int hazardClass = 0;        ///< 0 low, 1 "danger for some", 2 "danger for most", 3 "danger for all"
    double specificForceM2 = 0.0;  ///< M0 = u^2 h / g + h^2 / 2 (Ishigaki et al. 2009)
};

/// Walking in water. Source: Ishigaki, Kawanaka, Ozaki & Toda (2009), "Stability criteria for
/// evacuation from underground spaces": people cannot walk on beyond a specific force per unit
/// width M0 = u^2 h / g + h^2 / 2 of 0.125 m^2 (the limit docs/crowd.md uses too). The linear
/// fall of speed from 1 in dry ground to 0 at that limit is our assumption.
constexpr double kWadeLimitM2 = 0.125;
double wadingSpeedFactor(double specificForceM2);

/// A [[flood.vehicle]] and what the water has done to it (vehicle_stability.h).
struct FloodVehicleState {
    std::string id;
    std::string kind;           ///< "small_car", "large_car", "4wd"
    double xM = 0.0, yM = 0.0;
    bool atRisk = false;        ///< beyond its stability limits at some time
    double atRiskS = -1.0;      ///< flood time it first was, -1 never
    double depthM = 0.0, speedMs = 0.0;  ///< water when it became at risk (else the deepest so far)
    double maxDepthM = 0.0;
};

class FloodHazard {
public:
    /// nullptr (and no error) when the scenario has no [flood].
    static Result<std::unique_ptr<FloodHazard>> build(const scenario::ScenarioDef& scenario,
                                                      const world::District& district, unsigned threads = 2);
    ~FloodHazard();

    /// Advances the water to the session time timeS; breaches open when their time comes;
    /// vehicles are checked against their stability limits ("flood.vehicle_at_risk", once each).
    void advanceTo(double timeS);
    double timeS() const;
    FloodPointSample sample(double xM, double yM) const;
    const std::vector<FloodVehicleState>& vehicles() const;
    /// Breach and vehicle events ("flood.breach", "flood.vehicle_at_risk") since the last call.
    std::vector<HazardEvent> drainEvents();
    void hash(StateHasher& h) const;
    /// The water for drawing, decimated to cells of at least minCellM.
    render::WaterGrid waterGrid(double minCellM = 1.0) const;
    /// Wet area (depth > 1 cm), m^2, and the deepest water, m.
    double wetAreaM2() const;
    double maxDepthM() const;
    double cellSizeM() const;

    struct Impl;

private:
    explicit FloodHazard(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

}  // namespace cd::app
