#include "character_body.h"

#include <algorithm>
#include <cmath>

#include "world_impl.h"

namespace cd::physics {
namespace {

constexpr float kSkinM = 0.01f;         // kept between the capsule and what it touches
constexpr float kTerminalSpeedMS = 50.0f;

/// Closest sweep hit, skipping the leaf the walker holds open (CharacterBody::held_).
struct SweepCallback : btCollisionWorld::ClosestConvexResultCallback {
    const btCollisionObject* held = nullptr;
    SweepCallback(const btVector3& a, const btVector3& b, const btCollisionObject* heldLeaf) : ClosestConvexResultCallback(a, b), held(heldLeaf) {
        m_collisionFilterGroup = kGroupQuery;
        m_collisionFilterMask = kMaskWalker;
    }
    bool needsCollision(btBroadphaseProxy* proxy) const override {
        return proxy->m_clientObject != held && ClosestConvexResultCallback::needsCollision(proxy);
    }
};

/// Deepest penetration per contact, used to push the capsule out.
struct PenetrationCallback : btCollisionWorld::ContactResultCallback {
    const btCollisionObject* self = nullptr;
    const btCollisionObject* held = nullptr;  // the leaf the walker holds open
    bool needsCollision(btBroadphaseProxy* proxy) const override {
        return proxy->m_clientObject != held && ContactResultCallback::needsCollision(proxy);
    }
    btVector3 push{0, 0, 0};
    bool anyMoving = false;
    btScalar addSingleResult(btManifoldPoint& cp, const btCollisionObjectWrapper* w0, int, int,
                             const btCollisionObjectWrapper* w1, int, int) override {
        if (cp.getDistance() >= -0.001f) return 0;
        // normalWorldOnB points from B towards A; the capsule may be either side.
        const bool selfIsA = w0->getCollisionObject() == self;
        const btVector3 n = selfIsA ? cp.m_normalWorldOnB : -cp.m_normalWorldOnB;
        const btCollisionObject* other = selfIsA ? w1->getCollisionObject() : w0->getCollisionObject();
        const btVector3 d = n * (-cp.getDistance());
        // Largest push along each axis direction, so two contacts on one side do not add up.
        for (int a = 0; a < 3; ++a) {
            if (d[a] > 0) push[a] = std::max(push[a], d[a]);
            if (d[a] < 0) push[a] = std::min(push[a], d[a]);
        }
        if (!other->isStaticObject()) anyMoving = true;
        return 0;
    }
};

/// The door (a leaf or a shut panel) behind a collision object, or null (walls, furniture,
/// debris, terrain).
const BodyRecord* door(const std::vector<BodyRecord>& bodies, const btCollisionObject* obj) {
    if (!obj) return nullptr;
    const int index = obj->getUserIndex();
    if (index < 0 || static_cast<std::size_t>(index) >= bodies.size()) return nullptr;
    const BodyRecord& r = bodies[static_cast<std::size_t>(index)];
    return r.kind == BodyKind::Door ? &r : nullptr;
}

/// The loose body behind a collision object (furniture, debris, an extinguisher or fallen item,
/// a chunk that came loose), or null (walls, terrain, doors, intact structure, bodies taken out).
const BodyRecord* loose(const std::vector<BodyRecord>& bodies, const btCollisionObject* obj) {
    if (!obj || obj->isStaticOrKinematicObject()) return nullptr;
    const int index = obj->getUserIndex();
    if (index < 0 || static_cast<std::size_t>(index) >= bodies.size()) return nullptr;
    const BodyRecord& r = bodies[static_cast<std::size_t>(index)];
    return r.kind != BodyKind::Door && r.body && !r.removed && r.body->getInvMass() > 0.0f ? &r : nullptr;
}

/// Where a leaf's hinge axis is (its box's edge at local -x), at the leaf's mid-height.
btVector3 hingeOf(const btRigidBody& leaf) {
    const auto* box = static_cast<const btBoxShape*>(leaf.getCollisionShape());
    return leaf.getCenterOfMassTransform() * btVector3(-box->getHalfExtentsWithMargin().x(), 0, 0);
}

/// Whether pressing along dir at point would turn a one-way leaf resting at its stop further
/// into the stop (the frame holds it: the walker is on the pull side).
bool pressesIntoStop(const BodyRecord& r, const btVector3& point, const btVector3& dir) {
    if (!r.leafAtStop || r.leafOpens == 0) return false;
    const float turn = (point - hingeOf(*r.body)).cross(dir).z();  // > 0 turns the leaf counter-clockwise
    return turn * static_cast<float>(r.leafOpens) < 0.0f;
}

}  // namespace

CharacterBody::CharacterBody(const CharacterDef& def)
    : def_(def),
      standShape_(std::make_unique<btCapsuleShapeZ>(def.radiusM, def.standHeightM - 2.0f * def.radiusM)),
      crouchShape_(std::make_unique<btCapsuleShapeZ>(def.radiusM, def.crouchHeightM - 2.0f * def.radiusM)),
      feet_(bt(def.feetM)),
      cosMaxSlope_(std::cos(def.maxSlopeRad)) {
    probe_.setCollisionShape(standShape_.get());
}

CharacterBody::Hit CharacterBody::sweep(btCollisionWorld& world, const btVector3& fromFeet, const btVector3& toFeet) {
    Hit h;
    if ((toFeet - fromFeet).length2() < 1e-12f) return h;
    btTransform a, b;
    a.setIdentity();
    b.setIdentity();
    a.setOrigin(centerOf(fromFeet));
    b.setOrigin(centerOf(toFeet));
    SweepCallback cb(a.getOrigin(), b.getOrigin(), held_);
    world.convexSweepTest(&shape(), a, b, cb, 0.0f);
    if (cb.hasHit()) {
        h.hit = true;
        h.fraction = cb.m_closestHitFraction;
        h.normal = cb.m_hitNormalWorld.normalized();
        h.point = cb.m_hitPointWorld;
        h.object = cb.m_hitCollisionObject;
    }
    return h;
}

void CharacterBody::placeProbe(btCapsuleShapeZ& s, const btVector3& center) {
    probe_.setCollisionShape(&s);
    btTransform xf;
    xf.setIdentity();
    xf.setOrigin(center);
    probe_.setWorldTransform(xf);
}

bool CharacterBody::overlapsAt(btCollisionWorld& world, btCapsuleShapeZ& s, const btVector3& center) {
    placeProbe(s, center);
    PenetrationCallback cb;
    cb.self = &probe_;
    cb.held = held_;
    cb.m_collisionFilterGroup = kGroupQuery;
    cb.m_collisionFilterMask = kMaskWalker;
    world.contactTest(&probe_, cb);
    return cb.push.length2() > 0;
}

btVector3 CharacterBody::slide(btCollisionWorld& world, btVector3 feet, btVector3 move, bool steepIsWall,
                               const std::vector<BodyRecord>* bodies, std::vector<PushContact>* contacts) {
    // Collide and slide: move to the first contact, drop the component into the surface, repeat.
    for (int iter = 0; iter < 4 && move.length2() > 1e-10f; ++iter) {
        const Hit h = sweep(world, feet, feet + move);
        if (!h.hit) {
            feet += move;
            break;
        }
        // A door leaf stops this step like a wall; it is pushed after the move is chosen, and
        // swings out of the way over the next steps. First contact per leaf only. A shut panel
        // is noted when the move presses into it (not when it only grazes it).
        if (bodies && contacts) {
            if (const BodyRecord* r = door(*bodies, h.object)) {
                const int index = h.object->getUserIndex();
                const bool seen = std::any_of(contacts->begin(), contacts->end(), [&](const PushContact& c) {
                    return c.panel == index || c.pulled == index || c.body == r->body;
                });
                const btVector3 flat(h.normal.x(), h.normal.y(), 0);
                const bool presses = flat.length2() > 1e-6f && -move.dot(flat.normalized()) > 0.3f * move.length();
                const bool shut = r->doorPanel || r->latched;  // a latched leaf is a shut door, not pushed
                // A leaf at its stop pressed from the stop side is taken by the handle and
                // pulled open (WorldImpl::pullLeaf); one on its motor is not pushed against it.
                const bool pulls = !shut && presses && pressesIntoStop(*r, h.point, -flat.normalized());
                if (!seen && pulls) contacts->push_back(PushContact{nullptr, -1, h.point, h.normal, index});
                else if (!seen && !shut && !r->leafDriving) contacts->push_back(PushContact{r->body, -1, h.point, h.normal});
                if (!seen && shut && presses) contacts->push_back(PushContact{nullptr, index, h.point, h.normal});
            } else if (const BodyRecord* r = loose(*bodies, h.object)) {
                // A loose body stops this step like a wall too, and is pushed as a leaf is.
                const bool seen = std::any_of(contacts->begin(), contacts->end(), [&](const PushContact& c) { return c.body == r->body; });
                if (!seen) contacts->push_back(PushContact{r->body, -1, h.point, h.normal, -1, true});
            }
        }
        const float len = move.length();
        const float travel = std::max(0.0f, h.fraction * len - kSkinM);
        feet += move * (travel / len);
        btVector3 n = h.normal;
        if (steepIsWall || !walkable(n)) {
            n.setZ(0);  // treat as a vertical wall: no climbing by sliding up a steep face
            if (n.length2() < 1e-8f) break;
            n.normalize();
        }
        btVector3 rest = move * (1.0f - travel / len);
        rest -= n * rest.dot(n);
        move = rest;
    }
    return feet;
}

bool CharacterBody::groundBelow(btCollisionWorld& world, const btVector3& feet, float reach, float& groundZ) {
    const btVector3 from = feet + btVector3(0, 0, def_.radiusM);
    const btVector3 to = feet - btVector3(0, 0, reach);
    btCollisionWorld::ClosestRayResultCallback cb(from, to);
    cb.m_collisionFilterGroup = kGroupQuery;
    cb.m_collisionFilterMask = kMaskWalker;
    world.rayTest(from, to, cb);
    if (!cb.hasHit() || !walkable(cb.m_hitNormalWorld)) return false;
    groundZ = cb.m_hitPointWorld.z();
    return true;
}

// A capsule resting on a stair nosing touches the edge with a slanted normal. The edge holds
// it if the surface just inside the edge (probed by a short ray) is walkable and no higher
// than a step above where the move started (a taller ledge is a wall, not a stair).
bool CharacterBody::edgeSupports(btCollisionWorld& world, const Hit& h, float maxTopZ) {
    if (h.normal.z() <= 0.05f) return false;  // contact above the capsule's equator: not support
    btVector3 inward(-h.normal.x(), -h.normal.y(), 0);
    if (inward.length2() < 1e-8f) return false;
    inward.normalize();
    const btVector3 probe = h.point + inward * 0.03f;
    const btVector3 from = probe + btVector3(0, 0, 0.05f), to = probe - btVector3(0, 0, 0.05f);
    btCollisionWorld::ClosestRayResultCallback cb(from, to);
    cb.m_collisionFilterGroup = kGroupQuery;
    cb.m_collisionFilterMask = kMaskWalker;
    world.rayTest(from, to, cb);
    return cb.hasHit() && walkable(cb.m_hitNormalWorld) && cb.m_hitPointWorld.z() <= maxTopZ;
}

// The trainee leans on the leaf or loose body with a palm (a push along the contact normal, no
// friction), as hard as it takes for the touched point to move away at the speed the trainee
// presses on with, but never harder than def_.pushForceN: the impulse per step is at most F dt.
// The hinge, the body's inertia, damping and its friction on the floor resist through Bullet's
// solver at the next step: a chair slides away, a desk heavier than the push can shift stays put
// (static friction above F), a tall light item may tip.
bool CharacterBody::pushBodies(const std::vector<PushContact>& contacts, const btVector3& wishVelocity, float dt) {
    const float maxImpulseNs = def_.pushForceN * dt;
    if (!(maxImpulseNs > 0.0f)) return false;
    bool any = false;
    for (const PushContact& c : contacts) {
        if (!c.body) continue;  // a shut panel does not swing
        btVector3 dir(-c.normal.x(), -c.normal.y(), 0.0f);  // horizontal: into the body
        if (dir.length2() < 1e-6f) continue;
        dir.normalize();
        const float pressMS = wishVelocity.dot(dir);
        if (pressMS <= 1e-3f) continue;  // walking along it, not into it
        btRigidBody& body = *c.body;
        const btVector3 rel = c.point - body.getCenterOfMassPosition();
        const float lagMS = pressMS - body.getVelocityInLocalPoint(rel).dot(dir);
        if (lagMS <= 0.0f) continue;  // already swinging away faster than the trainee walks
        // Free-body effective mass at the point; a leaf's hinge makes it heavier there, so the
        // point lags a little and the next step pushes again (still capped at F dt).
        const float denom = body.computeImpulseDenominator(c.point, dir);
        if (!(denom > 0.0f)) continue;
        const float impulseNs = std::min(lagMS / denom, maxImpulseNs);
        body.activate();
        body.applyImpulse(dir * impulseNs, rel);
        any = any || !c.loose;
    }
    return any;
}

// A walker who pulled a leaf open holds it while going through: it swings past them (a capsule
// cannot step round a leaf as a person does) until they are beyond its reach, or it latches.
void CharacterBody::letGoOfLeafWhenClear(const std::vector<BodyRecord>& bodies) {
    if (!held_) return;
    const int index = held_->getUserIndex();
    const BodyRecord* r = index >= 0 && static_cast<std::size_t>(index) < bodies.size() ? &bodies[static_cast<std::size_t>(index)] : nullptr;
    if (!r || r->latched) {
        held_ = nullptr;
        return;
    }
    const auto* box = static_cast<const btBoxShape*>(r->body->getCollisionShape());
    const float reach = 2.0f * box->getHalfExtentsWithMargin().x() + def_.radiusM + 0.1f;
    btVector3 d = feet_ - hingeOf(*r->body);
    d.setZ(0);
    if (d.length2() > reach * reach) held_ = nullptr;
}

void CharacterBody::recoverFromPenetration(btCollisionWorld& world) {
    pushed_ = false;
    for (int iter = 0; iter < 4; ++iter) {
        placeProbe(shape(), centerOf(feet_));
        PenetrationCallback cb;
        cb.self = &probe_;
        cb.held = held_;
        cb.m_collisionFilterGroup = kGroupQuery;
        cb.m_collisionFilterMask = kMaskWalker;
        world.contactTest(&probe_, cb);
        if (cb.push.length2() < 1e-8f) break;
        feet_ += cb.push * 1.01f;
        if (cb.anyMoving) pushed_ = true;
    }
}

void CharacterBody::step(btCollisionWorld& world, const std::vector<BodyRecord>& bodies, float dt,
                         const btVector3& gravity) {
    const btVector3 start = feet_;
    letGoOfLeafWhenClear(bodies);
    // Crouch at once; stand up only where the taller capsule fits.
    if (input_.gait == Gait::Crouch) {
        crouched_ = true;
    } else if (crouched_) {
        const btVector3 c = feet_ + btVector3(0, 0, 0.5f * def_.standHeightM + kSkinM);
        if (!overlapsAt(world, *standShape_, c)) crouched_ = false;
    }
    const float speed = crouched_ ? def_.crouchSpeedMS : (input_.gait == Gait::Run ? def_.runSpeedMS : def_.walkSpeedMS);
    btVector3 wish(input_.moveDir.x, input_.moveDir.y, 0);
    if (!std::isfinite(wish.x()) || !std::isfinite(wish.y())) wish.setZero();
    if (wish.length2() > 1.0f) wish.normalize();
    const btVector3 move = wish * (speed * dt);

    if (!grounded_) verticalSpeed_ = std::max(verticalSpeed_ + gravity.z() * dt, -kTerminalSpeedMS);
    else verticalSpeed_ = 0.0f;

    // 1. Step up (only from the ground), 2. move and slide, 3. step down onto walkable ground.
    auto attempt = [&](bool stepUp, btVector3& outFeet, bool& outGrounded, std::vector<PushContact>& contacts) {
        btVector3 f = feet_;
        float up = 0.0f;
        if (stepUp && def_.stepHeightM > 0.0f) {
            const Hit h = sweep(world, f, f + btVector3(0, 0, def_.stepHeightM));
            up = h.hit ? std::max(0.0f, h.fraction * def_.stepHeightM - kSkinM) : def_.stepHeightM;
            f.setZ(f.z() + up);
        }
        f = slide(world, f, move, !stepUp, &bodies, &contacts);
        const float fall = std::max(0.0f, -verticalSpeed_ * dt);
        const float down = up + (grounded_ ? def_.stepHeightM : 0.0f) + fall + kSkinM;
        const Hit h = sweep(world, f, f - btVector3(0, 0, down));
        outGrounded = false;
        if (h.hit) {
            const btVector3 landed = f - btVector3(0, 0, std::max(0.0f, h.fraction * down - kSkinM));
            float groundZ = 0.0f;
            // A capsule on a step edge sees a slanted normal; a ray under the axis tells the truth.
            const bool ok = walkable(h.normal) || edgeSupports(world, h, feet_.z() + def_.stepHeightM + kSkinM) ||
                            (groundBelow(world, landed, def_.stepHeightM, groundZ) && landed.z() - groundZ < 0.05f + kSkinM);
            if (!ok) return false;
            f = landed;
            outGrounded = true;
        } else {
            f.setZ(f.z() - (down - kSkinM));
        }
        outFeet = f;
        return true;
    };
    btVector3 next;
    bool grounded = false;
    btVector3 flatNext;
    bool flatGrounded = false;
    std::vector<PushContact> flatContacts, stepContacts, *contacts = nullptr;
    const bool flatOk = attempt(false, flatNext, flatGrounded, flatContacts);
    btVector3 stepNext;
    bool stepGrounded = false;
    // Step up only when it gets further than walking on the level (a low beam can make the
    // raised path the shorter one).
    auto progress = [&](const btVector3& p) { return btVector3(p.x() - feet_.x(), p.y() - feet_.y(), 0).length(); };
    if (grounded_ && attempt(true, stepNext, stepGrounded, stepContacts) &&
        (!flatOk || progress(stepNext) > progress(flatNext) + 1e-4f)) {
        next = stepNext;
        grounded = stepGrounded;
        contacts = &stepContacts;
    } else if (flatOk) {
        next = flatNext;
        grounded = flatGrounded;
        contacts = &flatContacts;
    } else {
        {
            // On a steep face: slide down it under gravity, not grounded.
            next = slide(world, feet_, btVector3(0, 0, std::min(verticalSpeed_ * dt, -kSkinM)), false);
            grounded = false;
        }
    }
    // Airborne: keep falling from where the vertical sweep stopped.
    feet_ = next;
    grounded_ = grounded;
    pushingDoor_ = contacts && pushBodies(*contacts, move / dt, dt);
    shutDoor_ = -1;
    pulledLeaf_ = -1;
    if (contacts)
        for (const PushContact& c : *contacts) {
            if (c.panel >= 0 && shutDoor_ < 0) shutDoor_ = c.panel;
            if (c.pulled >= 0 && pulledLeaf_ < 0) pulledLeaf_ = c.pulled;
        }
    if (pulledLeaf_ >= 0) held_ = bodies[static_cast<std::size_t>(pulledLeaf_)].body;
    if (grounded_) verticalSpeed_ = 0.0f;
    recoverFromPenetration(world);
    velocity_ = (feet_ - start) / dt;
}

CharacterState CharacterBody::state() const {
    CharacterState s;
    s.feetM = toGlm(feet_);
    s.velocityMS = toGlm(velocity_);
    s.heightM = height();
    s.eyeM = s.feetM + glm::vec3(0.0f, 0.0f, s.heightM - def_.eyeBelowTopM);
    const float cp = std::cos(input_.pitchRad);
    s.lookDir = glm::vec3(cp * std::cos(input_.yawRad), cp * std::sin(input_.yawRad), std::sin(input_.pitchRad));
    s.grounded = grounded_;
    s.crouched = crouched_;
    s.pushed = pushed_;
    s.pushingDoor = pushingDoor_;
    if (shutDoor_ >= 0) s.shutDoor = makeId<BodyId>(static_cast<std::uint32_t>(shutDoor_));
    return s;
}

bool CharacterBody::overlaps(btCollisionWorld& world, const btCollisionObject& obj) {
    placeProbe(shape(), centerOf(feet_));
    CutsIn cb;
    world.contactPairTest(&probe_, const_cast<btCollisionObject*>(&obj), cb);
    return cb.any;
}

void CharacterBody::hash(StateHasher& h) const {
    h.add(feet_.x()), h.add(feet_.y()), h.add(feet_.z());
    h.add(verticalSpeed_);
    h.add(static_cast<std::uint8_t>(grounded_ | (crouched_ << 1)));
}

}  // namespace cd::physics
