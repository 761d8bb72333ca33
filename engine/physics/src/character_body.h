#pragma once
// Private: the trainee's capsule, moved kinematically by convex sweeps against the Bullet world.
// Chosen over btKinematicCharacterController for control of step-up, slope and push rules and
// because every move is a pure function of the world state (deterministic at the fixed step).
#include <btBulletCollisionCommon.h>

#include <memory>
#include <vector>

#include "core/hash.h"
#include "physics/character.h"

namespace cd::physics {

struct BodyRecord;  // world_impl.h

class CharacterBody {
public:
    explicit CharacterBody(const CharacterDef& def);
    void setInput(const CharacterInput& input) { input_ = input; }
    /// Puts the feet at feetM at rest, no sweep (the caller checked the spot is free).
    void placeAt(const btVector3& feetM) {
        feet_ = feetM;
        velocity_ = btVector3(0, 0, 0);
        verticalSpeed_ = 0.0f;
    }
    /// bodies: the world's records (indexed by a collision object's user index), to tell doors.
    void step(btCollisionWorld& world, const std::vector<BodyRecord>& bodies, float dt, const btVector3& gravity);
    CharacterState state() const;
    /// Body index of the one-way leaf the walker took by the handle this step (-1: none).
    int pulledLeaf() const { return pulledLeaf_; }
    /// Whether the capsule as it stands cuts into obj (which need not be in the world).
    bool overlaps(btCollisionWorld& world, const btCollisionObject& obj);
    void hash(StateHasher& h) const;

private:
    struct Hit {
        bool hit = false;
        float fraction = 1.0f;
        btVector3 normal{0, 0, 1};
        btVector3 point{0, 0, 0};
        const btCollisionObject* object = nullptr;
    };
    /// A door leaf or a loose body (furniture, debris, a fallen item) the level move ran into
    /// (pushed once the move is chosen), or a shut door panel it pressed against (body null,
    /// panel its body index).
    struct PushContact {
        btRigidBody* body = nullptr;  // the leaf or loose body to push
        int panel = -1;
        btVector3 point{0, 0, 0};
        btVector3 normal{0, 0, 1};  // from the body towards the capsule
        int pulled = -1;            // a one-way leaf at its stop, pressed from the stop side
        bool loose = false;         // body is a loose body, not a door leaf
    };
    float height() const { return crouched_ ? def_.crouchHeightM : def_.standHeightM; }
    btCapsuleShapeZ& shape() { return crouched_ ? *crouchShape_ : *standShape_; }
    btVector3 centerOf(const btVector3& feet) const { return feet + btVector3(0, 0, 0.5f * height()); }
    Hit sweep(btCollisionWorld& world, const btVector3& fromFeet, const btVector3& toFeet);
    /// The query object as capsule s centred at center.
    void placeProbe(btCapsuleShapeZ& s, const btVector3& center);
    bool overlapsAt(btCollisionWorld& world, btCapsuleShapeZ& s, const btVector3& center);
    btVector3 slide(btCollisionWorld& world, btVector3 feet, btVector3 move, bool steepIsWall,
                    const std::vector<BodyRecord>* bodies = nullptr, std::vector<PushContact>* contacts = nullptr);
    /// Pushes the leaves and loose bodies in contacts; says whether a door leaf was pushed.
    bool pushBodies(const std::vector<PushContact>& contacts, const btVector3& wishVelocity, float dt);
    bool walkable(const btVector3& n) const { return n.z() >= cosMaxSlope_; }
    bool groundBelow(btCollisionWorld& world, const btVector3& feet, float reach, float& groundZ);
    bool edgeSupports(btCollisionWorld& world, const Hit& h, float maxTopZ);
    void recoverFromPenetration(btCollisionWorld& world);
    void letGoOfLeafWhenClear(const std::vector<BodyRecord>& bodies);

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
    bool pushingDoor_ = false;
    int shutDoor_ = -1;  // body index of the shut door panel pressed against this step
    const btCollisionObject* held_ = nullptr;  // a leaf pulled open, held while going through
    int pulledLeaf_ = -1;  // body index of the leaf at its stop pressed from the stop side this step
};

}  // namespace cd::physics
