// Rays, sweeps, "what is the trainee looking at", watched passages and trapped casualties.
#include <algorithm>
#include <cmath>

#include "character_body.h"
#include "world_impl.h"

namespace cd::physics {
namespace {

RayHit makeHit(const WorldImpl& im, const btCollisionObject* obj, const btVector3& point, const btVector3& normal,
               float fraction, float lengthM) {
    RayHit h;
    h.pointM = toGlm(point);
    h.normal = toGlm(normal.fuzzyZero() ? btVector3(0, 0, 1) : normal.normalized());
    h.fraction = fraction;
    h.distanceM = fraction * lengthM;
    const int index = obj->getUserIndex();
    if (index >= 0 && static_cast<std::size_t>(index) < im.bodies.size()) {
        const BodyRecord& r = im.bodies[static_cast<std::size_t>(index)];
        h.body = makeId<BodyId>(static_cast<std::uint32_t>(index));
        h.kind = r.kind;
        h.isStatic = r.isStatic;
        h.tag = r.tag;
    } else {
        h.isStatic = true;  // terrain
        h.kind = BodyKind::Prop;
    }
    return h;
}

/// Overlap of a capsule with bodies in the given groups (contact test, penetration only).
struct OverlapCallback : btCollisionWorld::ContactResultCallback {
    bool any = false;
    btScalar addSingleResult(btManifoldPoint& cp, const btCollisionObjectWrapper*, int, int,
                             const btCollisionObjectWrapper*, int, int) override {
        if (cp.getDistance() < -0.005f) any = true;
        return 0;
    }
};

bool overlaps(btCollisionWorld& world, btCollisionShape& shape, const btVector3& center, int groups) {
    btCollisionObject probe;
    probe.setCollisionShape(&shape);
    btTransform xf;
    xf.setIdentity();
    xf.setOrigin(center);
    probe.setWorldTransform(xf);
    OverlapCallback cb;
    cb.m_collisionFilterGroup = kGroupQuery;
    cb.m_collisionFilterMask = groups;
    world.contactTest(&probe, cb);
    return cb.any;
}

}  // namespace

std::optional<RayHit> PhysicsWorld::raycast(const glm::vec3& fromM, const glm::vec3& toM, std::uint32_t mask) const {
    const btVector3 a = bt(fromM), b = bt(toM);
    btCollisionWorld::ClosestRayResultCallback cb(a, b);
    cb.m_collisionFilterGroup = kGroupQuery;
    cb.m_collisionFilterMask = groupsFor(mask);
    impl_->world->rayTest(a, b, cb);
    if (!cb.hasHit()) return std::nullopt;
    return makeHit(*impl_, cb.m_collisionObject, cb.m_hitPointWorld, cb.m_hitNormalWorld, cb.m_closestHitFraction,
                   (b - a).length());
}

bool PhysicsWorld::lineOfSight(const glm::vec3& aM, const glm::vec3& bM, std::uint32_t mask) const {
    return !raycast(aM, bM, mask).has_value();
}

std::optional<RayHit> PhysicsWorld::lookingAt(CharacterId c, float maxDistM) const {
    if (!c.valid() || c.index >= impl_->characters.size()) return std::nullopt;
    const CharacterState s = impl_->characters[c.index]->state();
    return raycast(s.eyeM, s.eyeM + s.lookDir * maxDistM, kQueryAll);
}

std::optional<RayHit> PhysicsWorld::sweepSphere(const glm::vec3& fromM, const glm::vec3& toM, float radiusM,
                                                std::uint32_t mask) const {
    if (!(radiusM > 0.0f) || glm::length(toM - fromM) < 1e-6f) return std::nullopt;
    btSphereShape sphere(radiusM);
    btTransform a, b;
    a.setIdentity();
    b.setIdentity();
    a.setOrigin(bt(fromM));
    b.setOrigin(bt(toM));
    btCollisionWorld::ClosestConvexResultCallback cb(a.getOrigin(), b.getOrigin());
    cb.m_collisionFilterGroup = kGroupQuery;
    cb.m_collisionFilterMask = groupsFor(mask);
    impl_->world->convexSweepTest(&sphere, a, b, cb, 0.0f);
    if (!cb.hasHit()) return std::nullopt;
    return makeHit(*impl_, cb.m_hitCollisionObject, cb.m_hitPointWorld, cb.m_hitNormalWorld, cb.m_closestHitFraction,
                   glm::length(toM - fromM));
}

namespace {
/// Contacts of an upright capsule (lowest point bottomM, total height heightM) with the world:
/// each penetrating or touching (distance <= maxDistance) object's user index (-1: terrain).
std::vector<int> capsuleContacts(btCollisionWorld& world, const glm::vec3& bottomM, float radiusM, float heightM, int groups,
                                 float maxDistance) {
    if (!(radiusM > 0.0f) || !(heightM > 2.0f * radiusM)) return {};
    btCapsuleShapeZ capsule(radiusM, heightM - 2.0f * radiusM);
    btCollisionObject probe;
    probe.setCollisionShape(&capsule);
    btTransform xf;
    xf.setIdentity();
    xf.setOrigin(bt(bottomM + glm::vec3(0.0f, 0.0f, 0.5f * heightM)));
    probe.setWorldTransform(xf);
    struct Touching : btCollisionWorld::ContactResultCallback {
        const btCollisionObject* self = nullptr;
        float maxDistance = 0.0f;
        std::vector<int> indices;
        btScalar addSingleResult(btManifoldPoint& cp, const btCollisionObjectWrapper* w0, int, int, const btCollisionObjectWrapper* w1, int,
                                 int) override {
            if (cp.getDistance() > maxDistance) return 0;
            const btCollisionObject* other = w0->getCollisionObject() == self ? w1->getCollisionObject() : w0->getCollisionObject();
            indices.push_back(other->getUserIndex());
            return 0;
        }
    } cb;
    cb.self = &probe;
    cb.maxDistance = maxDistance;
    cb.m_collisionFilterGroup = kGroupQuery;
    cb.m_collisionFilterMask = groups;
    world.contactTest(&probe, cb);
    std::sort(cb.indices.begin(), cb.indices.end());
    cb.indices.erase(std::unique(cb.indices.begin(), cb.indices.end()), cb.indices.end());
    return cb.indices;
}
}  // namespace

bool PhysicsWorld::overlapsCapsule(const glm::vec3& bottomM, float radiusM, float heightM, std::uint32_t mask) const {
    // Penetration only: resting against a wall is not overlapping it.
    return !capsuleContacts(*impl_->world, bottomM, radiusM, heightM, groupsFor(mask), -1e-6f).empty();
}

std::vector<BodyId> PhysicsWorld::bodiesInCapsule(const glm::vec3& bottomM, float radiusM, float heightM, std::uint32_t mask) const {
    std::vector<BodyId> out;
    for (int i : capsuleContacts(*impl_->world, bottomM, radiusM, heightM, groupsFor(mask), 0.0f))
        if (i >= 0 && static_cast<std::size_t>(i) < impl_->bodies.size()) out.push_back(makeId<BodyId>(static_cast<std::uint32_t>(i)));
    return out;
}

Result<PassageId> PhysicsWorld::watchPassage(const PassageDef& def) {
    const glm::vec3 h = def.halfExtentsM;
    if (!std::isfinite(def.centerM.x) || !std::isfinite(def.centerM.y) || !std::isfinite(def.centerM.z) ||
        !std::isfinite(def.yawRad))
        return makeError("not finite", impl_->source, 0, "centerM");
    if (!(h.x >= 0.05f && h.y >= 0.2f && h.z >= 0.5f && h.x <= 100.0f && h.y <= 20.0f && h.z <= 10.0f))
        return makeError("must be x in [0.05, 100], y in [0.2, 20], z in [0.5, 10] m", impl_->source, 0, "halfExtentsM");
    if (!(def.passRadiusM >= 0.1f && def.passRadiusM <= h.y + 1e-4f))
        return makeError("must be in [0.1 m, halfExtentsM.y]", impl_->source, 0, "passRadiusM");
    if (!(def.passHeightM >= 2.0f * def.passRadiusM && def.stepOverM >= 0.0f &&
          def.stepOverM + def.passHeightM <= 2.0f * h.z + 1e-4f))
        return makeError("stepOverM + passHeightM must fit the box height, passHeightM >= 2 passRadiusM",
                         impl_->source, 0, "passHeightM");
    impl_->passages.push_back(PassageRecord{def, false});
    return makeId<PassageId>(static_cast<std::uint32_t>(impl_->passages.size() - 1));
}

Result<CasualtyId> PhysicsWorld::addCasualty(const CasualtyDef& def) {
    if (!std::isfinite(def.pointM.x) || !std::isfinite(def.pointM.y) || !std::isfinite(def.pointM.z))
        return makeError("not finite", impl_->source, 0, "pointM");
    if (!(def.radiusM >= 0.1f && def.radiusM <= 1.0f)) return makeError("must be in [0.1, 1] m", impl_->source, 0, "radiusM");
    if (!(def.coverHeightM >= 0.2f && def.coverHeightM <= 10.0f))
        return makeError("must be in [0.2, 10] m", impl_->source, 0, "coverHeightM");
    impl_->casualties.push_back(CasualtyRecord{def, false});
    return makeId<CasualtyId>(static_cast<std::uint32_t>(impl_->casualties.size() - 1));
}

bool PhysicsWorld::isPassageBlocked(PassageId p) const {
    return p.valid() && p.index < impl_->passages.size() && impl_->passages[p.index].blocked;
}

bool PhysicsWorld::isCasualtyTrapped(CasualtyId c) const {
    return c.valid() && c.index < impl_->casualties.size() && impl_->casualties[c.index].trapped;
}

void PhysicsWorld::refreshBlockage() { impl_->updateBlockage(); }

void WorldImpl::updateBlockage() {
    btCollisionWorld& w = *world;
    // A passage is blocked when a crouching trainee's capsule, lifted by the step-over height,
    // overlaps debris somewhere along every lane across the opening.
    for (std::size_t pi = 0; pi < passages.size(); ++pi) {
        PassageRecord& p = passages[pi];
        const PassageDef& d = p.def;
        btCapsuleShapeZ capsule(d.passRadiusM, d.passHeightM - 2.0f * d.passRadiusM);
        const btVector3 along(std::cos(d.yawRad), std::sin(d.yawRad), 0);
        const btVector3 across(-along.y(), along.x(), 0);
        const float floorZ = d.centerM.z - d.halfExtentsM.z;
        const btVector3 base(d.centerM.x, d.centerM.y, floorZ + d.stepOverM + 0.5f * d.passHeightM);
        const float laneSpan = std::max(0.0f, d.halfExtentsM.y - d.passRadiusM);
        const int lanes = laneSpan > 0.05f ? 3 : 1;
        const int stations = std::max(2, static_cast<int>(std::ceil(2.0f * d.halfExtentsM.x / 0.25f)) + 1);
        bool allLanesBlocked = true;
        for (int l = 0; l < lanes && allLanesBlocked; ++l) {
            const float off = lanes == 1 ? 0.0f : laneSpan * static_cast<float>(l - 1);
            bool laneBlocked = false;
            for (int s = 0; s < stations && !laneBlocked; ++s) {
                const float t = -d.halfExtentsM.x + 2.0f * d.halfExtentsM.x * static_cast<float>(s) / float(stations - 1);
                laneBlocked = overlaps(w, capsule, base + along * t + across * off, kGroupDebris);
            }
            allLanesBlocked = laneBlocked;
        }
        if (allLanesBlocked != p.blocked) {
            p.blocked = allLanesBlocked;
            PhysicsEvent e;
            e.kind = p.blocked ? PhysicsEventKind::PassageBlocked : PhysicsEventKind::PassageCleared;
            e.timeS = timeS();
            e.passage = makeId<PassageId>(static_cast<std::uint32_t>(pi));
            e.tag = d.tag;
            emit(e);
        }
    }
    // A casualty is trapped when debris lies on them (overlap), pins them from above (ray up),
    // or encloses them (6 of 8 horizontal rays within 1 m hit debris or walls, 3 of them debris).
    for (std::size_t ci = 0; ci < casualties.size(); ++ci) {
        CasualtyRecord& c = casualties[ci];
        const CasualtyDef& d = c.def;
        const btVector3 p = bt(d.pointM);
        btSphereShape sphere(d.radiusM);
        bool trapped = overlaps(w, sphere, p, kGroupDebris);
        if (!trapped) {
            const btVector3 from = p + btVector3(0, 0, d.radiusM), to = p + btVector3(0, 0, d.coverHeightM);
            btCollisionWorld::ClosestRayResultCallback up(from, to);
            up.m_collisionFilterGroup = kGroupQuery;
            up.m_collisionFilterMask = kGroupDebris;
            w.rayTest(from, to, up);
            trapped = up.hasHit();
        }
        if (!trapped) {
            int walls = 0, debris = 0;
            for (int k = 0; k < 8; ++k) {
                const float a = static_cast<float>(k) * 0.78539816f;
                const btVector3 to = p + btVector3(std::cos(a), std::sin(a), 0) * (d.radiusM + 1.0f);
                btCollisionWorld::ClosestRayResultCallback cb(p, to);
                cb.m_collisionFilterGroup = kGroupQuery;
                cb.m_collisionFilterMask = kGroupDebris | kGroupStatic;
                w.rayTest(p, to, cb);
                if (!cb.hasHit()) continue;
                ++walls;
                if (cb.m_collisionObject->getBroadphaseHandle()->m_collisionFilterGroup & kGroupDebris) ++debris;
            }
            trapped = walls >= 6 && debris >= 3;
        }
        if (trapped != c.trapped) {
            c.trapped = trapped;
            PhysicsEvent e;
            e.kind = trapped ? PhysicsEventKind::CasualtyTrapped : PhysicsEventKind::CasualtyFreed;
            e.timeS = timeS();
            e.casualty = makeId<CasualtyId>(static_cast<std::uint32_t>(ci));
            e.tag = d.tag;
            emit(e);
        }
    }
    // Debris has settled when every chunk of a collapsing structure is asleep or nearly still,
    // once some has come down in this collapse: joints the shaking cracks while every chunk stays
    // in place (a swaying building's, 3 Dec) leave nothing to settle, and the collapse may be yet
    // to come; nor does debris settled in an earlier collapse.
    for (std::size_t si = 0; si < structures.size(); ++si) {
        StructureRecord& s = structures[si];
        if (!s.collapsing || s.settled || s.looseCount == s.looseAtCollapse) continue;
        bool still = true;
        for (BodyId b : s.chunks) {
            const btRigidBody* r = bodies[b.index].body;
            if (r->isActive() && (r->getLinearVelocity().length2() > 0.01f || r->getAngularVelocity().length2() > 0.04f)) {
                still = false;
                break;
            }
        }
        if (still) {
            s.settled = true;
            PhysicsEvent e;
            e.kind = PhysicsEventKind::DebrisSettled;
            e.timeS = timeS();
            e.structure = makeId<StructureId>(static_cast<std::uint32_t>(si));
            emit(e);
        }
    }
}

}  // namespace cd::physics
