#pragma once
// A tie from the top of a piece of furniture back to the wall behind it (DynamicBodyDef::
// wallTieBreakForceN): a 6-DOF joint to the world with three one-sided or ranged limits and no
// rotational ones, see wall_tie.cpp.
#include <memory>

#include <btBulletDynamicsCommon.h>

#include "physics/world_def.h"

namespace cd::physics {

/// The tie for a body added from def (def.wallTieBreakForceN > 0, wallTieDir a horizontal unit
/// vector). It does not break by itself: the world tears it on its resultant (AnchorRecord).
std::unique_ptr<btTypedConstraint> makeWallTie(btRigidBody& body, const DynamicBodyDef& def);

}  // namespace cd::physics
