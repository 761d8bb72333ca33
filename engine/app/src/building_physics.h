#pragma once
// One building of the district as a physics world for an earthquake: floors and walls as
// static boxes (walls are the gaps between room boxes, cut at doors, with lintels), desks and
// hanging lights in the classrooms, the storey structure around named rooms (their walls and
// the slab above, to be fractured into breakable chunks), door leaves or panels, and a watched
// passage at every door.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "physics/queries.h"
#include "physics/structure_def.h"
#include "physics/world_def.h"
#include "scenario/scenario_def.h"
#include "world/district.h"

namespace cd::app {

struct BuildingPhysicsOptions {
    std::string building;                     ///< building id
    std::vector<std::string> structureRooms;  ///< rooms of that building (any storeys) whose walls and ceiling slab can break
    bool furniture = true;                    ///< desks and hanging lights in the classrooms
    bool doors = false;                       ///< a hinged leaf in every inner door
    float bookcaseTieN = 0.0f;                ///< > 0: each classroom bookcase tied to its wall, the tie holding this force
    float designPgaG = 0.3f;
    std::uint64_t seed = 1;
    std::string source;                       ///< scenario file, for errors
    int sourceLine = 0;
};

struct BuildingPhysics {
    physics::WorldDef world;
    std::optional<physics::StructureDef> structure;
    std::vector<physics::PassageDef> passages;  ///< tag = index into passageDoors
    std::vector<std::string> passageDoors;      ///< district door ids
    /// A panel in every other door of the building (exits, and inner doors without a leaf), but
    /// those of the structure rooms: shut and opened with the door (PhysicsWorld::addDoorPanel).
    std::vector<physics::StaticBoxDef> doorPanels;
    std::vector<std::string> panelDoors;        ///< district door ids, parallel to doorPanels
    std::vector<std::string> leafDoors;         ///< district door ids, parallel to world.doors (the leaves)
    std::vector<char> leafInBreakableWall;      ///< parallel to leafDoors: hung in a structure room's wall
    /// The building's box as the district draws it (its top: roof build-up and parapet over the top slab).
    glm::vec3 buildingMinM{0.0f}, buildingMaxM{0.0f};
    int topStorey = 0;  ///< the storey whose ceiling slab is the roof (a structure's slab chunks of it are roof)
};

/// School desk as furniture: the box around a desk (1.2 x 0.6 x 0.75 m) with the mass of a
/// real one (about 20 kg), so its density is that of the envelope, not of the wood.
physics::Material schoolDesk();
/// Whether a body is a desk (furniture under 1.2 m tall, that one shelters under) rather than a
/// bookcase.
bool isDesk(const physics::DynamicBodyDef& body);

/// Errors (naming options.source and the field "earthquake.structure_rooms"): unknown building
/// or room, structure rooms in another building.
Result<BuildingPhysics> buildingPhysicsFromDistrict(const world::District& district, const BuildingPhysicsOptions& options);

/// The building of a scenario's [earthquake] (which it must have), with its options: what the
/// earthquake steps and what the crowd takes the furniture from, so both see the same bodies.
Result<BuildingPhysics> buildingPhysicsOfScenario(const scenario::ScenarioDef& scenario, const world::District& district);

}  // namespace cd::app
