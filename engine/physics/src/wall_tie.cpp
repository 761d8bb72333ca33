#include "wall_tie.h"

#include <cmath>

#include <BulletDynamics/ConstraintSolver/btGeneric6DofSpring2Constraint.h>

namespace cd::physics {
namespace {
// Play before the tie holds. Away from the wall, 2 mm: a tie with none shares the push along
// the floor with the floor's friction (the solver's split of an indeterminate system: a 60 N tie
// on a 240 kg block tore at 0.42 m/s^2, long before the block tipped at 1.96) where the real
// block does not move on its floor and its bracket takes nothing. With play the tie takes load
// once the body tips (0.001 rad for a 2 m bookcase) or slides, as a bracket in its screw holes.
constexpr float kTiePlayM = 0.002f;
// Along the wall, 5 cm: a body on a floor creeps sideways a few millimetres as the solver's
// friction points share a push (friction_test.cpp), and 2 mm caught that creep (the same tie
// tore 5 % early); the limit is there to stop a body sliding off along its wall.
constexpr float kAlongPlayM = 0.05f;
// Down, 1 cm: furniture is placed a few millimetres above its floor and settles onto it (the
// classroom bookcase 2 mm, plus the contact's own penetration).
constexpr float kDropPlayM = 0.01f;
}  // namespace

// A bracket or strap from a bookcase's top to the wall. It holds the top from moving away from
// the wall (so a tied body's overturning is resisted by the tie's pull, and that pull follows
// from statics: moments about the front toe, FEMA E-74's overturning check for anchored
// contents), from dropping (a body hanging from its top with its foot kicked out) and from sliding
// off along the wall; towards the wall and upwards it is free (the wall and gravity stop it), and
// it holds no rotation. As a Bullet joint: a 6-DOF joint to the world whose frame is the tie's
// point, its x axis towards the wall, its z up; x limited to [-2 mm, 0.5 m], y to +-5 cm, z to
// [-1 cm, 0.5 m]; the rotations free (lower limit above upper). It tears when the resultant of
// one step's pull on its three rows exceeds its force (AnchorRecord): screws loaded at once in
// withdrawal and sideways fail on the combined load (NDS 2018 sec. 12.4.1's interaction, with
// the two capacities taken equal), not on the larger component.
std::unique_ptr<btTypedConstraint> makeWallTie(btRigidBody& body, const DynamicBodyDef& def) {
    const glm::vec3 h = def.halfExtentsM;
    const glm::vec3 dir = glm::normalize(glm::vec3(def.wallTieDir.x, def.wallTieDir.y, 0.0f));
    // The tie's direction in the body's frame, and the body's reach along it (its top edge on
    // the wall's side): a box's support in that direction; a round body's radius.
    const glm::vec3 local = glm::inverse(def.orientation) * dir;
    const float reach = def.shape == ShapeKind::Box ? std::abs(local.x) * h.x + std::abs(local.y) * h.y : h.x;
    const float top = def.shape == ShapeKind::Sphere ? h.x : h.z;
    btTransform inBody;
    inBody.setIdentity();
    inBody.setOrigin(btVector3(local.x * reach, local.y * reach, top));
    // The frame's x axis along the tie, in the body's frame (z stays the body's up).
    const btVector3 z(0, 0, 1);
    btVector3 x(local.x, local.y, local.z);
    x = (x - x.dot(z) * z).normalized();
    const btVector3 y = z.cross(x).normalized();
    inBody.setBasis(btMatrix3x3(x.x(), y.x(), z.x(), x.y(), y.y(), z.y(), x.z(), y.z(), z.z()));
    auto tie = std::make_unique<btGeneric6DofSpring2Constraint>(body, inBody);
    tie->setLinearLowerLimit(btVector3(-kTiePlayM, -kAlongPlayM, -kDropPlayM));
    tie->setLinearUpperLimit(btVector3(0.5f, kAlongPlayM, 0.5f));
    // Bullet's range limit lets a body close on its limit at only stopERP x the gap a step (0.2 by
    // default), so the row acts all through the play, softly. Away from the wall that is what
    // matches statics (the ramp cases of wall_tie_test.cpp within 0.2 % at the tilt reached; at 1,
    // a body that tipped through the play struck the tie and tore a 60 N one 19 % early). Down it
    // pulled on the bookcase settling 2.7 mm onto its floor in its first step (2.4 N s: a 50 N tie
    // torn), so the rows down and along the wall let the body close the whole gap in one step, as
    // a speculative contact does.
    tie->setParam(BT_CONSTRAINT_STOP_ERP, 1.0f, 1);
    tie->setParam(BT_CONSTRAINT_STOP_ERP, 1.0f, 2);
    tie->setAngularLowerLimit(btVector3(1.0f, 1.0f, 1.0f));
    tie->setAngularUpperLimit(btVector3(0.0f, 0.0f, 0.0f));
    return tie;
}

}  // namespace cd::physics
