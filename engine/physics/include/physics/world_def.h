#pragma once
/// Definition structs for the static and dynamic parts of a physics world. Plain data:
/// an adapter maps a world::District onto them (walls and slabs as boxes, terrain grid).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <glm/gtc/quaternion.hpp>
#include <glm/vec2.hpp>
#include <glm/vec3.hpp>

#include "physics/material.h"

namespace cd::physics {

/// Ground elevation at grid points (x = originM.x + i * cellM), index = j * nx + i.
struct TerrainDef {
    int nx = 0;
    int ny = 0;
    float cellM = 1.0f;
    glm::vec2 originM{0.0f};
    std::vector<float> heightsM;
    Material material = materials::ground();
};

/// An immovable box (wall, slab, kerb, stair step), rotated about Z by yawRad.
struct StaticBoxDef {
    glm::vec3 centerM{0.0f};
    glm::vec3 halfExtentsM{0.5f};
    float yawRad = 0.0f;
    Material material = materials::concrete();
    std::uint64_t tag = 0;  ///< caller's handle (e.g. a wall index), returned by queries
};

enum class BodyKind { Furniture, Extinguisher, Debris, Door, HangingItem, Prop, Chunk };
enum class ShapeKind { Box, Cylinder, Sphere };

/// A free rigid body. Box: halfExtentsM; Cylinder (axis Z): radius x, half height z; Sphere: radius x.
struct DynamicBodyDef {
    BodyKind kind = BodyKind::Furniture;
    ShapeKind shape = ShapeKind::Box;
    glm::vec3 centerM{0.0f};
    glm::vec3 halfExtentsM{0.5f};
    glm::quat orientation{1.0f, 0.0f, 0.0f, 0.0f};
    glm::vec3 velocityMS{0.0f};
    Material material = materials::furniture();
    /// > 0: held to the world at its top centre by a joint that breaks above this force
    /// (a hanging light, a wall cabinet); 0: free.
    float anchorBreakForceN = 0.0f;
    /// > 0: tied back to a wall at its top (a bookcase or cabinet fixed to the wall, as FEMA E-74
    /// asks of tall furniture): a tie at the middle of its top's edge on the wall's side, along
    /// wallTieDir, that holds that point from moving away from the wall (after 2 mm of play), from
    /// dropping (1 cm) and from sliding along the wall (5 cm), and tears when one step's pull
    /// exceeds this force (PhysicsEventKind::AnchorBroken). Towards the wall, upwards and in
    /// rotation it is free. 0: not tied. Not with anchorBreakForceN; the body must stand upright.
    float wallTieBreakForceN = 0.0f;
    /// Horizontal unit vector from the body towards the wall it is tied to.
    glm::vec3 wallTieDir{0.0f, 1.0f, 0.0f};
    std::uint64_t tag = 0;
};

/// A door leaf on a vertical hinge at hingeM (floor level); closedDir points from the
/// hinge to the free edge when closed. It swings openLimitRad either way; keep that below the
/// angle where the leaf meets the jamb (it collides with walls; see docs/physics.md).
struct DoorDef {
    glm::vec3 hingeM{0.0f};
    glm::vec3 closedDir{1.0f, 0.0f, 0.0f};
    float widthM = 0.9f;
    float heightM = 2.1f;
    float thicknessM = 0.04f;
    float openLimitRad = 1.75f;
    /// Angular damping of the leaf's turn about its own centre, 0..1 per second (door closer,
    /// friction). About the hinge that is a quarter of the leaf's turn (I_cm / I_hinge of a
    /// plate): a swinging leaf keeps (1 - d)^(1/4) of its speed per second, 84 % at the
    /// default 0.5 (door_leaf_swing_test.cpp).
    float hingeDamping = 0.5f;
    float startAngleRad = 0.0f;  ///< how far open it starts (counter-clockwise from closed, seen from above)
    /// Which way the leaf opens from shut: +1 counter-clockwise seen from above (positive
    /// angles), -1 clockwise, 0 both ways (a double-acting door). A one-way leaf stops at shut
    /// against its frame's stop; a walker pressing it there from the stop side pulls it open.
    int opens = 1;
    Material material = materials::timber();
    std::uint64_t tag = 0;
};

struct WorldDef {
    std::string source;             ///< file the definition came from, for error messages
    float stepS = 1.0f / 60.0f;     ///< the one fixed internal step
    int solverIterations = 10;
    glm::vec3 gravityMS2{0.0f, 0.0f, -9.81f};
    std::optional<TerrainDef> terrain;
    std::vector<StaticBoxDef> staticBoxes;
    std::vector<DynamicBodyDef> bodies;
    std::vector<DoorDef> doors;
};

}  // namespace cd::physics
