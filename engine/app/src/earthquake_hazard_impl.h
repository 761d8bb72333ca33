#pragma once
// The earthquake hazard's state (EarthquakeHazard::Impl), shared by its source files:
// earthquake_hazard.cpp (build, step, strikes, doors, the trainee, the rescue) and
// earthquake_hazard_drawing.cpp (what the renderer draws, the report's figures).
#include <optional>
#include <string>
#include <vector>

#include <glm/vec3.hpp>

#include "earthquake_hazard.h"
#include "physics/ground_motion.h"
#include "physics/physics_world.h"
#include "physics/seismic_intensity.h"
#include "physics/structural_damage.h"

namespace cd::app {

inline const glm::vec3 kDoorColor{0.55f, 0.38f, 0.22f};
inline const glm::vec3 kConcreteColor{0.52f, 0.52f, 0.5f};
inline const glm::vec3 kBracketColor{0.25f, 0.27f, 0.3f};  // a galvanised steel bracket, in shade

struct EarthquakeHazard::Impl {
    const scenario::EarthquakeDef* def = nullptr;
    std::string source;
    int traineeLine = 0;
    std::unique_ptr<physics::PhysicsWorld> world;
    std::vector<physics::GroundMotion> motions;  ///< the main shaking, then the aftershocks
    std::vector<double> motionStartS;
    std::vector<physics::GroundMotion> felt;     ///< per motion, JMA-filtered (seismic_intensity.h)
    /// With floor_response = "sway": per motion, floors 1..N's motion (the sway fed the record,
    /// then 5 s of its ringing), JMA-filtered: what a person on that floor feels.
    std::vector<std::vector<physics::GroundMotion>> feltFloors;
    std::optional<physics::BuildingSway> sway;   ///< the building's, at rest (floorAt)
    std::vector<physics::SeismicIntensity> intensity;  ///< per motion, of the whole record
    std::vector<double> startedAtS;             ///< per motion started, the world time it began
    std::size_t nextMotion = 0;                 ///< the next to start (or the one shaking now)
    bool shakingNow = false;
    physics::StructureId structure;
    std::vector<physics::BodyId> movable;       ///< furniture, lights, then chunks
    std::vector<glm::vec3> colors;              ///< per movable body
    std::vector<char> desk;                     ///< per movable body: a desk one can shelter under
    std::vector<char> furniture;                ///< per movable body: a desk or a bookcase
    /// Per movable body: (0, 0, 0), or, while its wall tie holds, the tie's direction in the
    /// body's own frame (drawn as a bracket from its top to the wall).
    std::vector<glm::vec3> tieDir;
    int ties = 0;                               ///< bodies tied to a wall at the start
    std::vector<const char*> striker;           ///< per movable body: what strikes a person ("" none: desks, leaves)
    std::vector<int> movableOf;                 ///< per world body index: its movable index, -1 none
    std::size_t firstChunk = 0;                 ///< movable index of the first structure chunk
    std::vector<glm::vec3> startM;              ///< per movable body: where it stood at the start
    std::vector<std::string> passageDoors;
    std::vector<physics::BodyId> panels;        ///< door panels (building_physics.h)
    std::vector<std::string> panelDoors;        ///< per panel, the district door
    std::vector<physics::BodyId> leaves;        ///< door leaves, in boxes() order
    std::vector<std::string> leafDoors;         ///< per leaf, the district door
    std::vector<float> leafOpenRad;             ///< per leaf, the angle it hung open at
    std::vector<char> leafShut;                 ///< per leaf, as last swung
    std::vector<std::vector<physics::BodyId>> leafFrame;  ///< per leaf in a breakable wall: the chunks at its hinge
    std::vector<char> leafOff;                  ///< per leaf: came off its hinge with its frame
    std::size_t firstLeaf = 0;                  ///< movable index of the first leaf
    std::vector<physics::ChunkDef> chunkDefs;  ///< per structure chunk, as fractured
    /// Per structure member: the rooms whose gas heats its front and back faces
    /// (physics::MemberGas; a column or beam has them all as its front).
    struct MemberRooms {
        std::vector<const world::Room*> front, back;
    };
    std::vector<MemberRooms> memberRooms;
    float structureGroundZ = 0.0f;
    int roofStorey = -1;         // slab chunks of this storey are the roof (BuildingPhysics::topStorey)
    std::optional<float> roofSlabBottomZ;  // the lowest bottom of the structure's roof slab chunks, if it has any
    glm::vec3 buildingMin{0.0f}, buildingMax{0.0f};  // as the district draws it: its top is over the roof slab's build-up
    std::vector<std::string> casualtyIds;
    std::vector<glm::vec3> casualtyPoints;
    std::vector<physics::CasualtyId> casualties;  ///< per casualty id
    std::vector<glm::vec3> collapseLo, collapseHi;
    std::vector<char> collapsed;
    std::vector<HazardEvent> events;
    physics::CharacterId trainee;
    int itemsFallen = 0;
    int tiesTorn = 0;
    float buildingPeriodS = 0.0f;               ///< its sway's first mode (0: no building)
    float roofZ = 0.0f;                         ///< the roof's level
    glm::vec3 buildingLo{0.0f}, buildingHi{0.0f}; ///< the building's box (a storey that fails comes down across it)
    int storeyFailed = 0;                       ///< the storey whose yielding ran away (building_yield_coefficient), 0 none
    double storeyFailedS = -1.0;                ///< when
    bool storeyFailedModelled = false;          ///< the breakable structure has chunks in that storey (they came down)
    float peakRoofMS2 = 0.0f;                   ///< largest horizontal roof acceleration so far
    /// HAZUS's drift thresholds of the scenario's building_type and seismic_design (none: not
    /// graded), and the worst damage state any storey has reached so far.
    std::optional<physics::DriftThresholds> damageThresholds;
    physics::DamageState worstDamage = physics::DamageState::None;
    int trapped = 0;                            ///< casualties trapped now

    void emit(const std::string& kind, const std::string& subject, double value, const std::string& text) {
        events.push_back({kind, subject, value, text});
    }
};

}  // namespace cd::app
