#pragma once
/// The trainee's body: a kinematic capsule moved by convex sweeps (collide and slide).
#include <glm/vec2.hpp>
#include <glm/vec3.hpp>

#include "physics/physics_ids.h"

namespace cd::physics {

enum class Gait { Walk, Run, Crouch };

struct CharacterDef {
    glm::vec3 feetM{0.0f};          ///< bottom of the capsule
    float radiusM = 0.25f;
    float standHeightM = 1.75f;
    float crouchHeightM = 1.1f;
    float stepHeightM = 0.3f;       ///< highest step climbed without jumping
    float maxSlopeRad = 0.7854f;    ///< steeper ground is a wall (45 degrees)
    float walkSpeedMS = 1.4f;
    float runSpeedMS = 3.5f;
    float crouchSpeedMS = 0.7f;
    float eyeBelowTopM = 0.12f;
    /// Most force the trainee pushes a door leaf or a loose body (a chair, a fallen item, light
    /// debris) with while walking into it (0: doors and loose bodies are walls).
    /// 60 N: above the 22 N (5 lbf) an interior door may need to open (2010 ADA Standards
    /// 404.2.9, ICC A117.1) and near the 67 N (15 lbf) an egress door may need to be opened to
    /// its required width (NFPA 101 7.2.1.4.5), so a door built to code gives way. docs/physics.md.
    float pushForceN = 60.0f;
};

struct CharacterInput {
    glm::vec2 moveDir{0.0f};  ///< world-frame horizontal wish direction; length clamped to 1
    Gait gait = Gait::Walk;
    float yawRad = 0.0f;      ///< view heading, 0 = +x, counter-clockwise
    float pitchRad = 0.0f;    ///< view pitch, + = up
};

struct CharacterState {
    glm::vec3 feetM{0.0f};
    glm::vec3 velocityMS{0.0f};  ///< of the last step
    glm::vec3 eyeM{0.0f};
    glm::vec3 lookDir{1.0f, 0.0f, 0.0f};
    float heightM = 0.0f;
    bool grounded = false;
    bool crouched = false;
    bool pushed = false;         ///< moved out of a body's way this step (debris shoves)
    bool pushingDoor = false;    ///< pushed a door leaf open this step
    BodyId shutDoor;             ///< the shut door panel the walker pressed against this step, if any
};

}  // namespace cd::physics
