#pragma once
/// Query inputs and results: rays, sweeps, watched passages, casualty points.
#include <cstdint>

#include <glm/vec3.hpp>

#include "physics/physics_ids.h"
#include "physics/world_def.h"

namespace cd::physics {

/// Which bodies a query sees (bit set).
enum QueryMask : std::uint32_t {
    kQueryStatic = 1u << 0,    ///< terrain, walls, slabs
    kQueryDynamic = 1u << 1,   ///< furniture, props, hanging items, extinguishers
    kQueryDebris = 1u << 2,    ///< structure chunks and free debris
    kQueryDoors = 1u << 3,     ///< door leaves (a walker pushes them; a path may go through them)
    kQueryAll = kQueryStatic | kQueryDynamic | kQueryDebris | kQueryDoors,
};

struct RayHit {
    BodyId body;               ///< invalid for terrain
    BodyKind kind = BodyKind::Prop;
    bool isStatic = false;
    std::uint64_t tag = 0;
    glm::vec3 pointM{0.0f};
    glm::vec3 normal{0.0f, 0.0f, 1.0f};
    float fraction = 1.0f;     ///< along from -> to
    float distanceM = 0.0f;
};

/// An oriented opening or corridor segment: a box whose local x is the walking axis.
struct PassageDef {
    glm::vec3 centerM{0.0f};    ///< at mid height
    glm::vec3 halfExtentsM{0.5f, 0.45f, 1.05f};  ///< x along the walk, y across, z up
    float yawRad = 0.0f;        ///< of the walking axis about Z
    float passRadiusM = 0.25f;  ///< the body that must fit through
    float passHeightM = 1.1f;   ///< crouched height
    float stepOverM = 0.3f;     ///< debris lower than this is stepped over
    std::uint64_t tag = 0;
};

/// A person lying or sitting at pointM; trapped when debris lies on or around them.
struct CasualtyDef {
    glm::vec3 pointM{0.0f};
    float radiusM = 0.3f;
    float coverHeightM = 1.5f;  ///< debris above within this height pins them
    std::uint64_t tag = 0;
};

/// Pose and motion of a body (the state the hash covers).
struct BodyState {
    glm::vec3 positionM{0.0f};
    glm::quat orientation{1.0f, 0.0f, 0.0f, 0.0f};
    glm::vec3 velocityMS{0.0f};
    glm::vec3 angularVelocityRadS{0.0f};
    float massKg = 0.0f;        ///< 0 for static
    float kineticEnergyJ = 0.0f;  ///< translational + rotational
    BodyKind kind = BodyKind::Prop;
    bool awake = false;
    bool removed = false;  ///< carried out of the world (PhysicsWorld::removeBody)
    glm::vec3 halfExtentsM{0.0f};  ///< of the shape in its own frame (a box's half extents), for drawing
};

struct StructureStats {
    int chunks = 0;
    int joints = 0;
    int jointsBroken = 0;
    int chunksAwake = 0;
    int chunksLoose = 0;   ///< come loose from the intact structure (debris, carried away or not)
    int bondsFormed = 0;   ///< links kept as breakable constraints between chunks that fell together
    int bondsHolding = 0;  ///< of those, not broken yet
    bool collapsing = false;  ///< a collapse has started (and, if settled, its debris came to rest)
    bool settled = false;     ///< the latest collapse's debris is at rest
    int collapses = 0;        ///< collapses started: a joint breaking after the debris settled starts another
};

}  // namespace cd::physics
