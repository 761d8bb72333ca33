#pragma once
// The scenario's people (classes, teachers) moving through the district with the crowd model
// (engine/sim/crowd), breathing the fire's smoke and wading the flood's water. Built from the
// district's rooms, doors and stairs; stepped by the session after the hazards; read by the
// renderer and the report. Out of the building, each person walks on to the assembly point
// (through the scenario's [flood] crowd_route when it has one), slowed by the water.
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include <glm/vec3.hpp>

#include "core/hash.h"
#include "core/result.h"
#include "crowd/crowd_sim.h"
#include "felt_shaking.h"
#include "fire_hazard.h"
#include "flood_hazard.h"
#include "furniture_push.h"
#include "render/render_snapshot.h"
#include "scenario/scenario_def.h"
#include "world/district.h"

namespace cd::app {

class EarthquakeHazard;

/// The crowd geometry of the district's buildings listed (all buildings when empty): one area
/// per room, grown to the wall centre line on every side that has a door, so that a door is a
/// segment on the edge the two areas share; exits lead to crowd::kSafeArea; stairs join the
/// stairwells of consecutive storeys with landings at the flight's foot and head.
Result<crowd::Building> crowdBuildingFromDistrict(const world::District& district,
                                                  const std::vector<std::string>& buildings);

/// One person as drawn: where, facing where, what colour.
struct CrowdPersonView {
    glm::vec3 feetM{0.0f};
    float headingDeg = 0.0f;
    glm::vec3 color{0.2f, 0.4f, 0.9f};
    float heightM = 1.4f;
    bool teacher = false;
    bool overcome = false;
    bool out = false;
    bool swept = false;      ///< swept off their feet by the flood
    bool struck = false;     ///< struck down by falling debris (seriously injured)
    bool hurt = false;       ///< hurt by falling debris, walking on (drawn pink)
    bool coverUp = false;    ///< dropped and covering (on hands and knees; heightM is that height)
    bool assembled = false;  ///< at the assembly point
};

/// Figures for the report and the run summary.
struct CrowdFigures {
    int people = 0;
    int out = 0;
    int overcome = 0;          ///< FED reached 1 (ISO 13571 incapacitation)
    int struck = 0;            ///< struck down by falling debris (seriously injured: debris_strike.h)
    int hurt = 0;              ///< hurt by falling debris, walked on (and not struck down since)
    int cutOff = 0;            ///< inside with every way out blocked (crowd.cut_off), now
    int underDesks = 0;        ///< took cover under a desk while the ground shook (holdOn)
    int inTheOpen = 0;         ///< dropped and covered with no desk free within reach
    int thrownDown = 0;        ///< standing (not dropping of themselves) when their floor's shaking
                               ///< reached JMA 6 upper: thrown to the floor (holdOn)
    double lastOutS = -1.0;    ///< session time the last person so far passed an exit, -1 none
    double startS = -1.0;      ///< session time the evacuation started (the alarm), -1 not yet
    double maxFed = 0.0;
    // The walk from the exits to the assembly point.
    int assembled = 0;            ///< reached the assembly point (within its radius)
    double lastAssembledS = -1.0; ///< session time the last of them arrived, -1 none
    // The flood (all zero without one).
    int floodExposed = 0;         ///< people who stood in water of "danger for some" or worse (HR >= 0.75)
    double maxFloodExposureS = 0.0;   ///< longest time one person spent in such water
    double totalFloodExposureS = 0.0; ///< summed over everybody
    int swept = 0;                ///< people swept off their feet (M0 beyond the wading limit)
    int exitsFlooded = 0;         ///< exits judged flooded at some time
};

/// The crowd's obstacles taken from an earthquake's physics world (settleFurniture,
/// followEarthquake): how many of each kind now, and what taking them cost (wall clock, not
/// part of the state hash).
struct CrowdObstacleFigures {
    int furnitureObstacles = 0;   ///< polygons from desks and bookcases (pieces kept plus bridges)
    int furnitureShoved = 0;      ///< of those, left out: debris lies against them (people shove or climb them)
    int debrisPieces = 0;         ///< chunk parts above the step-over height, per area
    int debrisObstacles = 0;      ///< polygons from them after merging and bridging
    int leafObstacles = 0;        ///< polygons from door leaves
    int refreshes = 0;            ///< times the obstacles were taken (the first at the alarm)
    int checks = 0;               ///< times followEarthquake compared the bodies with the obstacles
    int steppedOff = 0;           ///< people moved off a new obstacle, all refreshes together
    int stuck = 0;                ///< people left inside an obstacle (no free spot in their area) now
    int pushedAside = 0;          ///< furniture pieces pushed aside by someone who made no headway among them
    double refreshMsTotal = 0.0;  ///< wall clock of all refreshes (geometry, floor fields, step-off)
    double refreshMsMax = 0.0;
};

/// Water just outside an exit at which the crowd treats the exit as flooded: beyond the wading
/// limit (M0 >= kWadeLimitM2, Ishigaki et al. 2009) or of hazard rating "danger for some" and
/// worse (HR >= 0.75, Defra FD2321/TR1 Table 3.2): a teacher does not lead children through it.
bool exitFlooded(const FloodPointSample& outside);

class CrowdPopulation {
public:
    /// Builds the geometry of the buildings that hold the scenario's crowd groups and places
    /// the groups (seeded). tickS is the session's fixed step; the crowd steps every
    /// round(0.05 s / tickS) ticks. Errors name the scenario file, line and field.
    static Result<std::unique_ptr<CrowdPopulation>> build(const scenario::ScenarioDef& scenario,
                                                          const world::District& district, double tickS,
                                                          std::uint64_t seed);
    ~CrowdPopulation();

    /// The alarm: people start their pre-movement time now (first call only).
    void startEvacuation(double sessionTimeS);
    bool started() const { return startS_ >= 0.0; }
    /// One session tick: moves the trainee's body in the crowd, steps the crowd when due
    /// (areas' smoke from the fire; with a flood, the water outside the exits and where people
    /// walk out), accumulates everyone's FED and flood exposure, walks those out on to the
    /// assembly point; events are appended ("crowd.evacuated", "crowd.exit_flooded",
    /// "crowd.flood_exposure", "crowd.swept", "crowd.all_out", "crowd.all_assembled", ...).
    void tick(double sessionTimeS, const FireHazard& fire, const glm::vec3& traineeFeetM,
              const world::Room* traineeRoom, std::vector<HazardEvent>& events,
              const FloodHazard* flood = nullptr);

    /// Blocks or unblocks a district door for the crowd (debris, a jammed door). People learn it
    /// as they learn smoke-logged doors: when they are in a room next to it; then they route
    /// elsewhere (and remember it). A door of the district outside the crowd's buildings is
    /// accepted and changes nothing; an id the district does not have is an error.
    Status setDoorBlocked(const std::string& districtDoorId, bool blocked);
    /// An earthquake's bodies where they now are: the desks and bookcases (a toppled bookcase
    /// lies on the floor, its footprint larger), the loose debris above the step-over height
    /// (crowd_debris.h) and the door leaves become the crowd's obstacles in place of those taken
    /// at build time, and anyone one of them now covers steps to the nearest free spot. The
    /// session calls it at the alarm, then followEarthquake keeps them current. Nothing to do
    /// without an [earthquake]. Errors when the earthquake's bodies are not those the crowd was
    /// built with.
    Status settleFurniture(const EarthquakeHazard& quake);
    /// Keeps the obstacles with the physics once the evacuation has started: every
    /// kObstacleCheckS of session time (or now when force, e.g. when debris has settled), when
    /// chunks came loose or a desk, bookcase, leaf or chunk moved more than kObstacleMoveM since
    /// the obstacles were last taken, they are taken again (as settleFurniture). Call it every
    /// tick, before tick(); cheap when nothing is due. Same errors as settleFurniture.
    Status followEarthquake(double sessionTimeS, const EarthquakeHazard& quake, bool force = false);
    /// Falling debris and items strike those they touch, as they strike the trainee
    /// (EarthquakeHazard::struckBy: a chunk faster than 1 m/s, a light fitting, extinguisher or
    /// bookcase with 15 J, within 0.1 m of the body; those covering are low;
    /// "crowd.struck_by_debris", its value the blow's energy in J). A blow of 79 J or more
    /// (debris_strike.h) strikes them down: they stay where they fell, an obstacle to others.
    /// A lighter one hurts them and they walk on (recorded once). Call it every tick; people out
    /// of the building or already down are skipped.
    void senseDebris(const EarthquakeHazard& quake, std::vector<HazardEvent>& events);
    /// Drop, cover, hold on, for groups with take_cover_s: while the ground shakes, each of them
    /// drops when their time comes (take_cover_s after the shaking began), crawls to the nearest
    /// free place under an upright desk within kCoverReachM (as many places as the desk is
    /// 0.6 m wide, placesUnderDesk; one the trainee is at is taken) or else covers where they
    /// are, and holds on: under a desk they move with it, and one that is no longer upright
    /// leaves them in the open. Covering, they are on hands and knees (kCrawlHeightFraction of
    /// their height), lower for debris (senseDebris), and a desk top over them stops what falls
    /// on it. They stand at the alarm (startEvacuation). In an aftershock during the evacuation
    /// those walking in a room do the same and stand no longer stepped until it has passed
    /// (those on a flight or at an exit go on); then they stand, step out from under any desk
    /// and walk on. One "crowd.took_cover" per group and shaking (value: how many under desks)
    /// once all its people have. Call it every tick before senseDebris.
    void holdOn(double sessionTimeS, const EarthquakeHazard& quake, const glm::vec3& traineeFeetM, std::vector<HazardEvent>& events);
    /// Whether someone of the crowd is at, or crawling to, place `place` of desk `body` (the
    /// body index EarthquakeHazard::bodyBox takes).
    bool holdsDeskPlace(int body, int place) const;
    static constexpr double kCoverReachM = 1.5;
    static constexpr double kCrawlMps = 0.5;
    static constexpr float kCrawlHeightFraction = 0.37f;
    static constexpr double kObstacleCheckS = 1.0;
    /// Walking this long with no route out counts as cut off (a refresh of the obstacles or a
    /// door just shut can leave someone without a route for a moment).
    static constexpr double kCutOffS = 5.0;
    static constexpr double kObstacleMoveM = 0.05;
    /// Furniture pieces (desks, bookcases) of the earthquake's building, and of them those the
    /// crowd walks around now: pieces in the crowd's rooms, less any within 0.45 m of a door or
    /// stair landing (people shove a desk out of a doorway or step over a fallen bookcase there).
    int furniturePieces() const { return static_cast<int>(furniture_.size()); }
    int furnitureObstacles() const { return furnitureObstacles_; }
    /// Indices into EarthquakeHazard::boxes() of the desks and bookcases debris now lies against
    /// (closer than a body): not obstacles, people shove or climb them (crowd_population_quake.cpp).
    const std::vector<int>& shovedFurniture() const { return shovedFurniture_; }
    /// The crowd's obstacles from the earthquake's bodies, and what keeping them current cost.
    const CrowdObstacleFigures& obstacleFigures() const { return obstacleFigures_; }
    /// District doors someone of the crowd is passing through now (walking, within a body's
    /// width of the door line, in a room either side of it): they open a shut door as they go.
    std::vector<std::string> doorsInUse() const;
    /// Exit door ids judged flooded now.
    std::vector<std::string> floodedExits() const;

    /// lead_group: with an exit (exit id or exit door id) the group is directed to it;
    /// without one the group follows the trainee. Returns how many people changed behaviour.
    Result<int> leadGroup(const std::string& groupId, const std::string& exitOrDoor);

    void hash(StateHasher& h) const;
    std::vector<CrowdPersonView> people() const;
    CrowdFigures figures() const;
    const crowd::CrowdSim& sim() const { return *sim_; }
    /// Agent index -> person id ("group#n", "group#teacher").
    const std::vector<std::string>& personIds() const { return ids_; }
    double stepS() const { return crowdDtS_; }

private:
    CrowdPopulation() = default;
    Status place(const scenario::ScenarioDef& scenario, const world::District& district, std::uint64_t seed);
    int exitDoorIndex(const std::string& exitOrDoor) const;
    void accumulateFed(const FireHazard& fire, std::vector<HazardEvent>& events);
    void senseFloodAtExits(const FloodHazard& flood, std::vector<HazardEvent>& events);
    void wade(int person, const FloodPointSample& water, std::vector<HazardEvent>& events);
    void walkOutdoors(double now, const FloodHazard* flood, std::vector<HazardEvent>& events);
    void updateDoorHazard(int door);
    glm::vec2 assemblySlot(int person) const;

    /// A person's walk from the exit to the assembly point (no collisions out there).
    struct OutdoorWalk {
        bool started = false;
        bool arrived = false;   ///< within the assembly point's radius
        glm::vec2 posM{0.0f};
        int leg = 0;            ///< index into route_ (its last point is the person's slot)
        double arrivedS = -1.0;
    };

    /// Marks the furniture beside those walking who make no headway as pushed aside
    /// (FurniturePush); true if any was.
    bool pushAsideWhereStuck(double now, const EarthquakeHazard& quake);
    /// A desk or bookcase of the earthquake's physics world in the crowd's buildings.
    struct FurniturePiece {
        int body = -1;               ///< index into EarthquakeHazard::boxes()
        glm::vec3 halfExtentsM{0.0f};
        render::BoxInstance startM;  ///< where it stood before the shaking
        bool desk = false;           ///< isDesk (not a bookcase)
    };
    /// Moves whoever an obstacle covers (or pins against it) to the nearest free spot of their
    /// area; returns how many moved, and counts in stuck those with no free spot.
    /// standingUp: also steps off the footprints of shoved desks (which are no obstacles to
    /// walk through, but nobody stands up inside one).
    int stepOffObstacles(int& stuck, bool standingUp = false);
    /// Splits the earthquake's boxes into furniture, door leaves and loose chunks, checking they
    /// are the bodies the crowd was built with.
    Status sortQuakeBoxes(const EarthquakeHazard& quake, std::vector<render::BoxInstance>& furniture,
                          std::vector<render::BoxInstance>& leaves, std::vector<render::BoxInstance>& chunks) const;
    Status takeObstacles(const EarthquakeHazard& quake);

    std::vector<FurniturePiece> furniture_;
    /// Whoever makes no headway among the furniture pushes it aside (pushAsideWhereStuck); per furniture_ piece.
    FurniturePush furniturePush_;
    int furnitureObstacles_ = 0;
    bool hasQuake_ = false;                     ///< the scenario has an [earthquake]
    int quakeBodies_ = 0;                       ///< dynamic bodies of its world (furniture, lights, extinguishers)
    std::vector<glm::vec3> leafHalfExtentsM_;   ///< per door leaf, sorted ascending
    std::vector<render::BoxInstance> taken_;    ///< furniture, leaves, chunks as last taken
    int takenChunks_ = 0;
    std::vector<int> shovedFurniture_;
    std::vector<crowd::Polygon> shovedFootprints_;  ///< of the pieces in shovedFurniture_
    double nextCheckS_ = -1.0;
    CrowdObstacleFigures obstacleFigures_;
    const world::District* district_ = nullptr;
    std::unique_ptr<crowd::CrowdSim> sim_;
    std::vector<const world::Room*> areaRoom_;  ///< crowd area -> district room
    std::vector<double> areaExtinction_;        ///< per area, the tick's smoke (scratch)
    std::vector<std::string> ids_;              ///< per agent
    std::vector<char> teacher_;                 ///< per agent
    std::vector<char> reported_;                ///< per agent: evacuation reported
    std::vector<char> overcome_;                ///< per agent: FED >= 1 reported
    std::vector<double> noRouteSinceS_;         ///< per agent: walking with no route out since, -1 not
    std::vector<char> cutOff_;                  ///< per agent: crowd.cut_off reported (cleared when a way opens)
    /// Reports those walking with no route out for kCutOffS (crowd.cut_off).
    void reportCutOff(double now, std::vector<HazardEvent>& events);
    std::vector<FedDose> doses_;                ///< per agent (the trainee's slot unused)
    std::vector<float> headingDeg_;             ///< per agent, last walking direction
    std::vector<std::string> groupIds_;
    int trainee_ = -1;                          ///< external agent index
    int people_ = 0;
    int ticksPerStep_ = 1;
    double crowdDtS_ = 0.05;
    long long tickCount_ = 0;
    double startS_ = -1.0;
    bool allOutReported_ = false;
    glm::vec3 assemblyM_{0.0f};
    float assemblyRadiusM_ = 0.0f;
    bool hasAssembly_ = false;
    std::vector<glm::vec2> route_;              ///< the [flood] crowd_route, then the assembly point
    std::vector<OutdoorWalk> outdoor_;          ///< per person
    bool allAssembledReported_ = false;
    // Doors (crowd door index): debris from setDoorBlocked, water outside an exit.
    std::vector<char> doorDebris_, doorFlooded_, doorEverFlooded_;
    std::vector<char> exposedReported_, swept_;  ///< per person
    std::vector<char> struck_;                  ///< per person: struck down by debris (seriously injured)
    std::vector<int> hurtBy_;                   ///< per person: the body that hurt them (they walk on), -1 none
    // Drop, cover, hold on (crowd_population_cover.cpp).
    enum class Cover : std::uint8_t { Standing, Crawling, UnderDesk, InTheOpen };
    std::vector<Cover> cover_;                  ///< per person
    std::vector<double> coverDelayS_;           ///< per person: after the shaking began; < 0 never
    std::vector<int> coverPlace_;               ///< per person: desk place (furniture_ index x kMaxDeskPlaces + place), -1 none
    std::vector<char> groupCovered_;            ///< per group: "crowd.took_cover" reported
    std::vector<char> paused_;                  ///< per person: stopped walking to hold on (an aftershock)
    std::vector<char> thrown_;                  ///< per person: thrown down by the shaking, not dropped
    std::vector<FeltShaking> feltOnLevel_;      ///< per crowd level: the JMA intensity felt on its floor
    std::vector<float> levelFloorZ_;            ///< per crowd level: a floor height on it, NaN none
    bool shakingSeen_ = false;                  ///< the ground shook at the last holdOn
    double shakeStartS_ = -1.0, lastHoldOnS_ = -1.0;
    double tickS_ = 0.0;                        ///< the session's step (holdOn comes every tick)
    int underDesks_ = 0, inTheOpen_ = 0, thrownDown_ = 0;
    void feelTheShaking(const EarthquakeHazard& quake);
    float standingHeightM(int person) const;
    float heightNowM(int person) const;
};

}  // namespace cd::app
