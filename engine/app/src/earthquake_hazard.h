#pragma once
// The earthquake of a session: the physics world (engine/physics) of the building the
// scenario names, shaken by a ground-motion record from the scenario's start time, with the
// scripted partial collapses; stepped on the session clock at the physics step. The session
// pulls its events (shaking, falling items, collapse, doors blocked by debris) and asks it
// whether debris strikes the trainee; the renderer draws its loose bodies.
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <glm/gtc/quaternion.hpp>
#include <glm/vec3.hpp>

#include "core/hash.h"
#include "core/result.h"
#include "debris_strike.h"
#include "physics/structural_damage.h"
#include "fire_hazard.h"
#include "physics/character.h"
#include "physics/physics_ids.h"
#include "render/render_snapshot.h"
#include "scenario/scenario_def.h"
#include "world/district.h"

namespace cd::app {

/// Figures for the report and the run summary.
struct EarthquakeFigures {
    double startS = 0.0;
    double durationS = 0.0;
    double pgaMS2 = 0.0;           ///< peak horizontal ground acceleration of the record
    double jmaIntensity = 0.0;     ///< JMA instrumental intensity of the record (seismic_intensity.h)
    std::string jmaClass = "0";    ///< its class: "0" .. "4", "5-", "5+", "6-", "6+", "7"
    int aftershocks = 0;           ///< [[earthquake.aftershock]]s of the scenario
    double buildingPeriodS = 0.0;  ///< the building's sway, first mode (0: no building)
    double peakRoofMS2 = 0.0;      ///< largest horizontal acceleration of its roof so far
    /// With yielding storeys (building_yield_coefficient): the storey with the greatest
    /// ductility demand so far (1..storeys; 0 without yielding), that demand, and the largest
    /// permanent (plastic) drift of any storey now, m.
    int yieldStorey = 0;
    double ductility = 0.0;
    double permanentDriftM = 0.0;
    int storeyFailed = 0;          ///< the storey that gave way (its yielding ran away under P-delta), 0 none
    double storeyFailedS = -1.0;   ///< session time it gave way
    bool storeyFailedModelled = false;  ///< the breakable structure reaches into that storey (and came down with it)
    /// With building_type and seismic_design: "HAZUS C1M moderate-code", and per storey (1..N) its
    /// peak drift over its height and the structural damage state that reached
    /// (physics::damageStateName).
    std::string damageModel;
    std::vector<double> storeyPeakDriftRatio;
    std::vector<std::string> storeyDamage;
    std::vector<double> storeyJma; ///< with a sway: the JMA intensity of the main shaking on floors 1..N
                                   ///< (their motion, and 5 s of ringing, through JMA's filters)
    int itemsFallen = 0;           ///< hanging items that broke loose
    int ties = 0;                  ///< bookcases tied to their walls
    int tiesTorn = 0;              ///< of those, ties torn out
    int furniture = 0;             ///< desks and bookcases
    int furnitureMoved = 0;        ///< of them, now more than 5 cm from where they stood
    int furnitureToppled = 0;      ///< of them, tilted more than 45 degrees
    int casualties = 0;            ///< people placed by the scenario who cannot move
    int casualtiesTrapped = 0;     ///< of them, trapped under debris at the end
    int chunksLoose = 0;           ///< structure chunks that came down
    int chunks = 0;
    int joints = 0;                ///< the structure's joints between chunks
    int jointsBroken = 0;          ///< of them, broken (by loading, fire or a scripted collapse)
    std::vector<std::string> blockedDoors;
};

/// A loose piece of debris (a structure chunk) as rescuers see it.
struct DebrisPiece {
    physics::BodyId body;
    float massKg = 0.0f;
    glm::vec3 centerM{0.0f};
    glm::vec3 halfExtentsM{0.0f};  ///< of its axis-aligned bounding box (as it lies now)
};

/// Horizontal distance from pM to the piece's nearest side (zero over or under it).
float planDistance(const DebrisPiece& piece, const glm::vec3& pM);

class EarthquakeHazard {
public:
    /// nullptr (and no error) when the scenario has no [earthquake]. Errors name the scenario
    /// file, line and field (the record file's own errors name that file).
    static Result<std::unique_ptr<EarthquakeHazard>> build(const scenario::ScenarioDef& scenario,
                                                           const world::District& district);
    ~EarthquakeHazard();

    /// Steps the physics up to the session time timeS: starts the shaking and the scripted
    /// collapses when their time comes.
    void advanceTo(double timeS);
    /// Events since the last call: earthquake.start, earthquake.end, earthquake.aftershock,
    /// earthquake.aftershock_end, earthquake.item_fell, earthquake.tie_torn (a bookcase's wall tie),
    /// structure.collapse, structure.falling, structure.settled, building.storey_failed (value the
    /// storey: its yielding ran away under P-delta), building.damage (value the HAZUS state, 1-4, as
    /// the building's worst rises), passage.blocked, passage.cleared (subject = door id),
    /// casualty.trapped, casualty.freed (subject = casualty id).
    std::vector<HazardEvent> drainEvents();
    /// Fire weakening: for dtS the structure's members are heated by the hottest upper layer of
    /// the rooms around them (a slab by the room under it, a wall by the rooms it bounds) and
    /// lose strength as the Eurocodes say (PhysicsWorld::heatStructure, docs/physics.md); never
    /// recovers.
    void heat(const std::vector<RoomSmoke>& smoke, double dtS);
    bool shaking() const;
    /// Ground acceleration now (m/s^2), zero when still.
    glm::vec3 groundAccelerationMS2() const;
    /// The same through JMA's intensity filters (physics::jmaFiltered): what a person standing at
    /// feetM feels (FeltShaking): the ground's, or with floor_response = "sway" their floor's.
    glm::vec3 feltAccelerationMS2(const glm::vec3& feetM) const;
    /// The acceleration of the floor someone standing at feetM is on: the ground's, or with
    /// floor_response = "sway" their floor's (as the furniture there feels it).
    glm::vec3 floorAccelerationMS2(const glm::vec3& feetM) const;
    /// True with floor_response = "sway" (floors move as the building sways).
    bool sways() const;
    /// With a sway: the largest storey drift ratio now (the horizontal drift between a storey's
    /// floor and ceiling over its height, the drift vector's length: how far it leans, whichever
    /// way, as its strength is one circle), and the smallest yield drift ratio of its storeys, the
    /// weakest's (0 when elastic). 0 without a sway.
    double storeyDriftRatio() const;
    double yieldDriftRatio() const;
    /// The scenario's HAZUS drift thresholds (building_type, seismic_design), if it gives them.
    std::optional<physics::DriftThresholds> damageThresholds() const;
    bool isDoorBlocked(const std::string& doorId) const { return blocked_.count(doorId) > 0; }
    /// What strikes a person standing at feetM (an upright capsule of radiusM and heightM), and
    /// how hard, or nothing: loose structure debris faster than 1 m/s ("falling debris"), or a
    /// fallen or toppling light fitting, extinguisher or bookcase with at least 15 J of kinetic
    /// energy (FAA/NASA debris-risk threshold), within 0.1 m of the body (underDesk: touching the
    /// body itself, the desk's sides take what comes against them); of several, the one with the
    /// most energy, graded by debris_strike.h, at the moment it comes within reach (the crowd
    /// is not in the physics world: what reaches them falls on through them, so a later, faster
    /// moment is no blow of its own). pastBody: the body (DebrisStrike::body) that struck them
    /// before, left out. What a desk or a wall stops does not reach them; desks and door leaves
    /// never strike.
    std::optional<DebrisStrike> struckBy(const glm::vec3& feetM, float radiusM, float heightM, bool underDesk = false,
                                         int pastBody = -1) const;
    /// Whether anything moves now as struckBy counts (cheap: a check before asking struckBy for
    /// many people).
    bool somethingFalling() const;
    /// A place under a desk (placesUnderDesk): the desk's body (as bodyBox takes it), which of
    /// its places, and where that place's floor point is now.
    struct DeskPlace {
        int body = -1;
        int place = -1;
        glm::vec3 floorM{0.0f};
    };
    /// The places under upright desks within reachM of feetM, nearest first, that a body
    /// crawlHeightM high on hands and knees fits under (cover to drop under): in `room` (on its
    /// floor, inside its walls), or without a room on feetM's floor. The crowd and the trainee
    /// both choose from these.
    std::vector<DeskPlace> deskPlacesWithin(const glm::vec3& feetM, float reachM, float crawlHeightM, const world::Room* room = nullptr) const;
    /// Where place `place` of desk `body` is now; empty when the desk is no longer upright.
    std::optional<glm::vec3> deskPlace(int body, int place) const;
    /// The trainee's body as the physics capsule in this world (walls, stairs, furniture and
    /// debris stop it). Errors name the scenario's [trainee] table.
    Status addTrainee(const physics::CharacterDef& def);
    bool hasTrainee() const;
    /// Applied from the next physics step on.
    void setTraineeInput(const physics::CharacterInput& input);
    physics::CharacterState trainee() const;
    /// Puts the trainee's capsule at feetM at rest, unswept (out from under a desk: the caller
    /// found the spot standable).
    void placeTrainee(const glm::vec3& feetM);
    /// Whether a person (radius, height) can stand at feetM: floor within stepM below, and
    /// nothing (walls, furniture, debris) between stepM above the feet and the head.
    bool standable(const glm::vec3& feetM, float radiusM, float heightM, float stepM) const;
    /// Whether that person can walk straight from a to b on one floor (nothing in the way).
    bool clearWalk(const glm::vec3& aM, const glm::vec3& bM, float radiusM, float heightM, float stepM) const;
    /// The doors follow the fire model's openings (FireHazard::doorOpen): a shut door is a
    /// panel that stops the body; one shut on someone standing in the doorway waits until they
    /// are through. A hinged leaf is swung shut (and latches) or back open to where it hung,
    /// when its door's state changes, unless it came off its hinge with its wall (leavesOff).
    void followDoors(const FireHazard& fire);
    /// Per door leaf, in the order boxes() lists them: whether it came off its hinge (its frame,
    /// a breakable wall, came down; "door.torn_off"): a free body that lies where it fell.
    const std::vector<char>& leavesOff() const;
    /// Per door leaf, in the order boxes() lists them: whether its door is shut now.
    const std::vector<char>& shutLeaves() const;
    /// Someone at the door takes its leaf by the handle: one the shaking left against its stop
    /// (in the doorway, not latched) swings open (PhysicsWorld::pullDoorLeaf).
    void openLeafAtStop(const std::string& doorId);
    /// The district door whose shut panel or latched leaf the trainee pressed against in the
    /// last step, or empty.
    std::string doorPressed() const;
    /// The shut door panels, for drawing.
    std::vector<render::BoxInstance> shutDoors() const;
    /// Furniture, fallen items and loose structure chunks, for drawing.
    std::vector<render::BoxInstance> boxes() const;
    /// boxes() as drawn: a desk (a box to the physics) as its top and four legs, so that whoever
    /// shelters under it is seen there.
    std::vector<render::BoxInstance> boxesToDraw() const;
    /// One of the world's own dynamic bodies (furniture, lights, extinguishers: the first of
    /// boxes(), which lists them all in order) where it is now; i < their number.
    render::BoxInstance bodyBox(std::size_t i) const;
    /// Where the structure stood before it came down (the original boxes of the loose chunks,
    /// per member, above the floor): the district model must not draw its walls and slab there.
    /// At most render::kMaxHiddenBoxes boxes (neighbouring ones merged).
    std::vector<render::Aabb> fallenStructure() const;
    /// Where those boxes go up through the roof, the sides of the hole in the roof left
    /// standing round it (from the roof slab's bottom to the building's top, 2 cm thick, concrete):
    /// the district mesh is open there, and from below one saw into the roof.
    std::vector<render::BoxInstance> holeSides(const std::vector<render::Aabb>& hidden) const;
    EarthquakeFigures figures() const;
    /// Where the scenario's casualties lie (floor level), for drawing; in scenario order.
    const std::vector<glm::vec3>& casualtyPoints() const;
    /// The casualty's index in casualtyPoints(), -1 when the scenario has no such casualty.
    int casualtyIndex(const std::string& id) const;
    bool casualtyTrapped(int casualty) const;
    /// The debris holding the casualty down, in the order rescuers lift it (highest first).
    std::vector<DebrisPiece> debrisOn(int casualty) const;
    /// Loose debris (structure chunks, taller than a step) within reachM of a rescuer at feetM
    /// that lies between them and the piece they make for (within 0.6 m of the straight way to
    /// its nearest side): what they lift to work their way into a heap. Nearest first.
    std::vector<DebrisPiece> debrisInWay(const glm::vec3& feetM, const DebrisPiece& goal, float reachM) const;
    /// Rescuers carry the piece away: it leaves the physics world, and what rested on it may fall.
    Status carryAway(const DebrisPiece& piece);
    void hash(StateHasher& h) const;

    struct Impl;

private:
    explicit EarthquakeHazard(std::unique_ptr<Impl> impl);
    /// After each physics step: leaves whose frame came loose come off their hinges.
    void releaseLeavesOffTheirFrames();
    std::unique_ptr<Impl> impl_;
    std::set<std::string> blocked_;
};

}  // namespace cd::app
