#pragma once
/// CrowdSim: an evacuating crowd stepped at a fixed time step.
/// Operational level: collision-free speed model, Tordeux, Chraibi & Seyfried (2016),
/// "Collision-free speed model for pedestrian dynamics", Traffic and Granular Flow '15,
/// Eqs. (1)-(4): v_i = min(v0, max(0, (s_i - l)/T)), e_i = normalise(e0 + sum R(s_ij) n_ij + walls),
/// R(s) = a exp((l - s)/D). First order: no inertia, so no oscillation, cheap and stable at dt = 0.05 s.
/// Walls: the into-wall part of the wish is removed near walls (no arches at door jambs), and a
/// hard post-step constraint guarantees nobody crosses a wall.
/// Tactical: per-area floor fields to each gate (door or stair landing); strategic: Dijkstra over
/// the gate graph by travel time, with exit choice by distance, queue and familiarity.
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/result.h"
#include "crowd/agent.h"
#include "crowd/building.h"

namespace cd {
class JobPool;
}

namespace cd::crowd {

class NavMap;

struct CrowdSettings {
    double dtS = 0.05;
    double fieldCellM = 0.25;  ///< floor-field grid spacing
    unsigned threads = 1;      ///< results are bit-identical for any count
    std::uint64_t seed = 1;
    // Collision-free speed model, JuPedSim defaults (Tordeux et al. 2016).
    double timeGapS = 0.5;  // paper: 1 s; 0.5 s fits Weidmann and measured bottleneck flows (docs/crowd.md)
    double neighbourStrength = 8.0;
    double neighbourRangeM = 0.1;
    double wallStrength = 5.0;
    double wallRangeM = 0.02;
    // Route choice.
    double replanIntervalS = 1.0;
    double queueFlowPerMs = 1.3;      ///< specific flow assumed to drain a queue, 1/(m s)
    double queueRadiusM = 4.0;        ///< slow people this close to a gate count as its queue
    double switchMargin = 0.15;       ///< a new route must be this fraction cheaper (hysteresis)
    double followDistanceM = 2.0;     ///< followers close up to their leader beyond this
    // Hazards that make a door impassable for route choice.
    double smokeBlockPerM = 1.0;      ///< Ks at which a door counts as smoke-logged (visibility 3 m)
    double floodBlockM2 = 0.125;      ///< specific force M0 at which a door counts as flooded
};

/// A group of people who share familiarity with exits (e.g. a class, a family, the public).
struct CrowdGroup {
    std::string id;
    std::vector<int> knownExits;      ///< door indices; empty = every exit is familiar
    double familiarityPenaltyS = 0.0; ///< added to the cost of exits not in knownExits
};

/// A trainee's intervention on the crowd, with its effect.
struct CrowdAction {
    enum class Kind { DirectGroup, LeadGroup };
    Kind kind = Kind::DirectGroup;
    double timeS = 0.0;
    int group = -1;
    int exitDoor = -1;    ///< DirectGroup
    int leaderAgent = -1; ///< LeadGroup
    int affected = 0;     ///< how many people changed behaviour
};

class CrowdSim {
public:
    /// Validates the building and prepares floor fields and route tables.
    static Result<std::unique_ptr<CrowdSim>> create(Building building, const CrowdSettings& settings);
    ~CrowdSim();
    CrowdSim(const CrowdSim&) = delete;
    CrowdSim& operator=(const CrowdSim&) = delete;

    // --- Setup ---------------------------------------------------------------------------
    int addGroup(const CrowdGroup& group);
    /// Adds a person (fields group, desiredSpeedMps, radiusM, premovementS, assignedExit, leader,
    /// pos, area are read); returns the agent index. area < 0: found from pos and level.
    Result<int> addAgent(Agent agent);
    /// A trainee or responder moved by the caller: others avoid and may follow them.
    int addExternalAgent(Vec2 pos, int area, double radiusM = 0.2);
    void setExternalAgent(int agent, Vec2 pos, int area);
    /// Area holding a point on a level, -1 if none.
    int areaAt(Vec2 pos, int level) const;
    /// Is a person of this radius at pos inside the area, clear of walls and obstacles?
    bool fitsGeometry(Vec2 pos, int area, double radiusM) const;
    /// Replaces the building's obstacles (e.g. furniture that moved in an earthquake) and
    /// rebuilds the floor fields and route costs; people keep their places and routes (the
    /// caller moves anyone a new obstacle covers). Errors as validateBuilding's; on error
    /// nothing changes.
    Status setObstacles(std::vector<Obstacle> obstacles);

    // --- Step ----------------------------------------------------------------------------
    void step();
    /// Steps until timeS or until everybody is out.
    void runUntil(double timeS);
    double timeS() const { return timeS_; }

    // --- Hazards (filled by the caller between steps) ---------------------------------------
    /// Smoke and water in a whole area; used for speeds and to judge doors smoke-logged or flooded.
    void setAreaHazard(int area, const LocalHazard& hazard);
    /// Marks a door smoke-logged or flooded as judged by the caller (e.g. from the fire model's
    /// visibility at the door). People learn it only when they are in an area next to it.
    void setDoorHazardBlocked(int door, bool blocked);
    /// Agent-local conditions sampled by the caller at positions(): agents()[i].hazard.
    Agent& agent(int i) { return agents_[static_cast<size_t>(i)]; }

    // --- Trainee interaction (record these as trainee actions) ------------------------------
    /// Tells everybody still inside of a group to use an exit door; returns how many changed.
    int directGroup(int group, int exitDoor);
    /// Makes a group follow an agent (a teacher, or the trainee's external agent).
    int leadGroup(int leaderAgent, int group);
    /// Opens or closes a door for everybody (structural, known to all).
    void setDoorOpen(int door, bool open);
    const std::vector<CrowdAction>& actions() const { return actions_; }

    // --- Read-only views ----------------------------------------------------------------------
    const std::vector<Agent>& agents() const { return agents_; }
    const std::vector<CrowdGroup>& groups() const { return groups_; }
    const Building& building() const { return building_; }
    /// Positions of all agents (index = agent), for sampling hazards.
    void positions(std::vector<Vec2>& out) const;
    int evacuatedCount() const { return evacuated_; }
    int insideCount() const { return static_cast<int>(agents_.size()) - evacuated_; }
    /// Hash of all agent positions and states, for determinism checks.
    std::uint64_t stateHash() const;
    /// Walls (area edges without doors, obstacle edges) with their level.
    const std::vector<Segment>& walls() const;
    const std::vector<int>& wallLevels() const;

private:
    CrowdSim(Building building, const CrowdSettings& settings);
    Status init();
    void rebuildGrid();
    void replan(size_t i);
    void moveAgent(size_t i);
    void commit();
    void stepStairs();
    void countQueues();
    double gateWaitS(int gate) const;
    bool gateHazardBlocked(int gate, int fromArea) const;
    double effectiveSpeed(const Agent& a) const;

    Building building_;
    CrowdSettings settings_;
    std::unique_ptr<NavMap> nav_;
    std::unique_ptr<JobPool> pool_;
    std::vector<Agent> agents_;
    std::vector<CrowdGroup> groups_;
    std::vector<LocalHazard> areaHazard_;
    std::vector<char> doorHazardBlocked_;
    std::vector<CrowdAction> actions_;
    double timeS_ = 0.0;
    std::uint64_t stepIndex_ = 0;
    int evacuated_ = 0;

    // Per-step scratch, sized when agents are added (no allocation in the hot loop).
    std::vector<Vec2> nextPos_;
    std::vector<Vec2> nextVel_;
    std::vector<int> event_;          ///< gate crossed or reached this step, -1 none
    std::vector<int> prevExit_;       ///< chosenExit at step start (for followers)
    std::vector<std::uint32_t> active_;
    std::vector<int> queue_;          ///< per gate: slow people waiting near it
    // Uniform hash grid of people on the floor, rebuilt every step by counting sort.
    double gridCellM_ = 0.75;  ///< 5 x 5 cells cover the 1.5 m interaction radius
    Vec2 gridOrigin_;
    int gridNx_ = 1, gridNy_ = 1, gridLevels_ = 1;
    int minLevel_ = 0;
    std::vector<std::uint32_t> cellStart_;
    std::vector<std::uint32_t> cellAgents_;
    std::vector<Vec2> cellPos_;        ///< positions in cell order (hot, contiguous)
    std::vector<double> cellRadius_;   ///< radii in cell order
    std::vector<char> cellStanding_;   ///< in cell order: standing (the trainee still, or waiting to move): walked round
    // Stairs: per stair and direction, FIFO of people on it.
    struct StairLane {
        std::vector<int> fifo;
        size_t head = 0;
        double lastEntryS = -1e9;
        double lastReadyS = -1e9;
        int onStair = 0;
    };
    std::vector<StairLane> lanes_;  ///< 2 per stair: [0] from->to, [1] to->from
    std::vector<int> placedThisStep_;
    int cellIndex(Vec2 p, int level) const;
    bool landingFree(Vec2 p, int level, double radiusM) const;
    bool knows(const Agent& a, int gate) const;
};

}  // namespace cd::crowd
