// Freeing a trapped casualty: which debris holds them, and taking a piece out of the world as
// rescuers carry it away (what rested on it wakes and may fall); or when it fell through the
// ground (a thin heightfield can let a fast body through despite CCD).
#include <algorithm>
#include <cmath>

#include "world_impl.h"

namespace cd::physics {

Status PhysicsWorld::removeBody(BodyId id) {
    if (!id.valid() || id.index >= impl_->bodies.size()) return makeError("no such body", impl_->source, 0, "body");
    BodyRecord& r = impl_->bodies[id.index];
    if (r.removed) return makeError("already removed", impl_->source, 0, "body");
    if (r.isStatic) return makeError("static bodies (walls, intact structure) cannot be carried away", impl_->source, 0, "body");
    if (r.kind == BodyKind::Door) return makeError("a door leaf hangs on its hinge", impl_->source, 0, "body");
    impl_->takeOut(id);
    return Ok{};
}

void WorldImpl::takeOut(BodyId id) {
    BodyRecord& r = bodies[id.index];
    btRigidBody* b = r.body;
    btDiscreteDynamicsWorld& w = *world;
    // Wake whatever touches it: Bullet does not wake a sleeping island when a support goes, and
    // an island with one awake member stays awake, so the pile above falls if it must.
    wakeTouching(*b);
    // Constraints first (Bullet keeps raw pointers to both bodies): anchors of hanging items and
    // any bond to other pieces let go with it.
    for (int i = w.getNumConstraints() - 1; i >= 0; --i) {
        btTypedConstraint* c = w.getConstraint(i);
        if (&c->getRigidBodyA() == b || &c->getRigidBodyB() == b) w.removeConstraint(c);
    }
    for (AnchorRecord& a : anchors)
        if (a.body == id) a.broken = true;
    w.removeRigidBody(b);
    b->setLinearVelocity(btVector3(0, 0, 0));
    b->setAngularVelocity(btVector3(0, 0, 0));
    b->forceActivationState(DISABLE_SIMULATION);
    r.removed = true;
    r.isStatic = true;  // every per-body loop (gravity, shaking, awake count) skips it from now on
}

void WorldImpl::takeOutLostBodies() {
    if (!(bottomZM < std::numeric_limits<float>::max())) return;
    for (std::size_t i = 0; i < bodies.size(); ++i) {
        const BodyRecord& r = bodies[i];
        if (r.removed || r.isStatic || !r.body || r.body->getInvMass() == 0.0f) continue;
        if (r.body->getCenterOfMassPosition().z() >= bottomZM - kLostBelowM) continue;
        const BodyId id = makeId<BodyId>(static_cast<std::uint32_t>(i));
        takeOut(id);
        PhysicsEvent e;
        e.kind = PhysicsEventKind::BodyLost;
        e.timeS = timeS();
        e.bodyA = id;
        emit(e);
    }
}

std::vector<BodyId> PhysicsWorld::debrisTrapping(CasualtyId c) const {
    if (!c.valid() || c.index >= impl_->casualties.size()) return {};
    const CasualtyDef& d = impl_->casualties[c.index].def;
    // The three ways updateBlockage() finds a casualty trapped: debris cutting into them, debris
    // over them within coverHeightM, debris and walls closing them in.
    std::vector<BodyId> pieces = bodiesInCapsule(d.pointM - glm::vec3(0.0f, 0.0f, d.radiusM), d.radiusM,
                                                 d.radiusM + d.coverHeightM, kQueryDebris);
    int walls = 0;
    std::vector<BodyId> ring;
    for (int k = 0; k < 8; ++k) {
        const float a = static_cast<float>(k) * 0.78539816f;
        auto hit = raycast(d.pointM, d.pointM + glm::vec3(std::cos(a), std::sin(a), 0.0f) * (d.radiusM + 1.0f),
                           kQueryDebris | kQueryStatic);
        if (!hit) continue;
        ++walls;
        if (!hit->isStatic && hit->body.valid()) ring.push_back(hit->body);  // the loose ones are debris
    }
    if (walls >= 6 && ring.size() >= 3) pieces.insert(pieces.end(), ring.begin(), ring.end());
    std::sort(pieces.begin(), pieces.end(), [](BodyId a, BodyId b) { return a.index < b.index; });
    pieces.erase(std::unique(pieces.begin(), pieces.end(), [](BodyId a, BodyId b) { return a.index == b.index; }), pieces.end());
    // Highest top first (what lies on another piece comes off before it); ties by body order.
    auto top = [&](BodyId b) {
        btVector3 lo, hi;
        impl_->bodies[b.index].body->getAabb(lo, hi);
        return hi.z();
    };
    std::stable_sort(pieces.begin(), pieces.end(), [&](BodyId a, BodyId b) { return top(a) > top(b); });
    return pieces;
}

}  // namespace cd::physics
