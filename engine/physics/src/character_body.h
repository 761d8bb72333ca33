#pragma once
// Private: the trainee's capsule, moved kinematically by convex sweeps against the Bullet world.
// Chosen over btKinematicCharacterController for control of step-up, slope and push rules and
// because every move is a pure function of the world state (deterministic at the fixed step).
#include <btBulletCollisionCommon.h>

#include <memory>

#include "core/hash.h"
#include "physics/character.h"

namespace cd::physics {

class CharacterBody {
public:
    explicit CharacterBody(const CharacterDef& def);
    void setInput(const CharacterInput& input) { input_ = input; }
    void step(btCollisionWorld& world, float dt, const btVector3& gravity);
    CharacterState state() const;
    void hash(StateHasher& h) const;

private:
    struct Hit {
        bool hit = false;
        float fraction = 1.0f;
        btVector3 normal{0, 0, 1};
        btVector3 point{0, 0, 0};
    };
    float height() const { return crouched_ ? def_.crouchHeightM : def_.standHeightM; }
    btCapsuleShapeZ& shape() { return crouched_ ? *crouchShape_ : *standShape_; }
    btVector3 centerOf(const btVector3& feet) const { return feet + btVector3(0, 0, 0.5f * height()); }
    Hit sweep(btCollisionWorld& world, const btVector3& fromFeet, const btVector3& toFeet);
    bool overlapsAt(btCollisionWorld& world, btCapsuleShapeZ& s, const btVector3& center);
    btVector3 slide(btCollisionWorld& world, btVector3 feet, btVector3 move, bool steepIsWall);
    bool walkable(const btVector3& n) const { return n.z() >= cosMaxSlope_; }
    bool groundBelow(btCollisionWorld& world, const btVector3& feet, float reach, float& groundZ);
    bool edgeSupports(btCollisionWorld& world, const Hit& h, float maxTopZ);
    void recoverFromPenetration(btCollisionWorld& world);

    CharacterDef def_;
    CharacterInput input_;
    std::unique_ptr<btCapsuleShapeZ> standShape_, crouchShape_;
    btCollisionObject probe_;
    btVector3 feet_;
    btVector3 velocity_{0, 0, 0};
    float verticalSpeed_ = 0.0f;
    float cosMaxSlope_;
    bool grounded_ = false;
    bool crouched_ = false;
    bool pushed_ = false;
};

}  // namespace cd::physics
