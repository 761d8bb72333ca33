#pragma once
/// What happened during a step, pulled by the caller after the step.
#include <cstdint>

#include "physics/physics_ids.h"

namespace cd::physics {

enum class PhysicsEventKind {
    JointBroken,       ///< joint, structure, bodyA, bodyB (bodyB invalid for the ground)
    CollapseStarted,   ///< structure: its first joint broke or chunk came loose, or the first after its debris settled
    DebrisSettled,     ///< structure: all its chunks still after a collapse that brought some down
    DebrisFalling,     ///< structure: the first chunk of this collapse came loose (after CollapseStarted)
    PassageBlocked,    ///< passage, tag
    PassageCleared,    ///< passage, tag
    CasualtyTrapped,   ///< casualty, tag
    CasualtyFreed,     ///< casualty, tag
    AnchorBroken,      ///< bodyA: a hanging item fell, or a body's wall tie tore
    BodyLost,          ///< bodyA: fell kLostBelowM below everything the world was built with (through the ground); taken out
};

struct PhysicsEvent {
    PhysicsEventKind kind = PhysicsEventKind::JointBroken;
    double timeS = 0.0;
    StructureId structure;
    JointId joint;
    BodyId bodyA;
    BodyId bodyB;
    PassageId passage;
    CasualtyId casualty;
    std::uint64_t tag = 0;
};

const char* toString(PhysicsEventKind kind);

}  // namespace cd::physics
