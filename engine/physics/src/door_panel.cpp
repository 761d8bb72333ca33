// Doors that are opened and shut (by the trainee, the scenario, the fire model's openings):
// a static panel across the opening, in the Bullet world while shut; or a hinged leaf swung
// by a motor and latched when shut.
#include <algorithm>
#include <cmath>

#include "character_body.h"
#include "world_impl.h"

namespace cd::physics {

void WorldImpl::wakeTouching(btCollisionObject& obj) {
    struct Touching : btCollisionWorld::ContactResultCallback {
        const btCollisionObject* self = nullptr;
        btScalar addSingleResult(btManifoldPoint&, const btCollisionObjectWrapper* w0, int, int, const btCollisionObjectWrapper* w1, int,
                                 int) override {
            const btCollisionObject* other = w0->getCollisionObject() == self ? w1->getCollisionObject() : w0->getCollisionObject();
            if (!other->isStaticObject()) const_cast<btCollisionObject*>(other)->activate(true);
            return 0;
        }
    } cb;
    cb.self = &obj;
    cb.m_closestDistanceThreshold = 0.02f;
    world->contactTest(&obj, cb);
}

Result<BodyId> PhysicsWorld::addDoorPanel(const StaticBoxDef& def, bool shut) {
    auto id = addStaticBox(def);
    if (!id) return id;
    WorldImpl& im = *impl_;
    BodyRecord& r = im.bodies[id->index];
    r.kind = BodyKind::Door;
    r.doorPanel = true;
    // In the doors' group: the walker and moving bodies meet it, passage and path checks that
    // leave doors out go through it (a door is a way, once opened).
    im.world->removeRigidBody(r.body);
    if (shut) im.world->addRigidBody(r.body, kGroupDoor, kMaskStatic);
    else r.removed = true;
    return id;
}

bool PhysicsWorld::doorPanelShut(BodyId panel) const {
    if (!panel.valid() || panel.index >= impl_->bodies.size()) return false;
    const BodyRecord& r = impl_->bodies[panel.index];
    return r.doorPanel && !r.removed;
}

Result<bool> PhysicsWorld::setDoorPanelShut(BodyId panel, bool shut) {
    WorldImpl& im = *impl_;
    if (!panel.valid() || panel.index >= im.bodies.size() || !im.bodies[panel.index].doorPanel)
        return makeError("not a door panel", im.source, 0, "panel");
    BodyRecord& r = im.bodies[panel.index];
    if (shut == !r.removed) return true;
    if (!shut) {
        im.wakeTouching(*r.body);  // what leant on the door falls through the opening
        im.world->removeRigidBody(r.body);
        r.removed = true;
        return true;
    }
    // Anything in the opening keeps it open: moving bodies by contact, the walkers' capsules too
    // (they are not bodies of the world).
    CutsIn cb;
    cb.m_collisionFilterGroup = kGroupQuery;
    cb.m_collisionFilterMask = kGroupDynamic | kGroupDebris | kGroupDoor;
    im.world->contactTest(r.body, cb);
    for (const auto& c : im.characters) cb.any = cb.any || c->overlaps(*im.world, *r.body);
    if (cb.any) return false;
    im.world->addRigidBody(r.body, kGroupDoor, kMaskStatic);
    r.removed = false;
    return true;
}

namespace {
template <class Leaves>
auto leafOf(Leaves& leaves, BodyId b) -> decltype(&leaves[0]) {
    for (auto& l : leaves)
        if (l.body.index == b.index) return &l;
    return nullptr;
}
}  // namespace

Status PhysicsWorld::swingDoorLeaf(BodyId leaf, float angleRad) {
    WorldImpl& im = *impl_;
    LeafRecord* l = leaf.valid() ? leafOf(im.leaves, leaf) : nullptr;
    if (!l) return makeError("not a door leaf", im.source, 0, "leaf");
    if (l->released) return makeError("the leaf is off its hinge", im.source, 0, "leaf");
    if (!(angleRad >= l->lowRad && angleRad <= l->highRad)) return makeError("beyond the leaf's limit or its stop", im.source, 0, "angleRad");
    BodyRecord& r = im.bodies[leaf.index];
    if (r.latched) {
        l->hinge->setLimit(l->lowRad, l->highRad);
        r.latched = false;
    }
    l->targetRad = angleRad;
    l->driving = true;
    r.body->activate(true);
    return Ok{};
}

Status PhysicsWorld::releaseDoorLeaf(BodyId leaf) {
    WorldImpl& im = *impl_;
    LeafRecord* l = leaf.valid() ? leafOf(im.leaves, leaf) : nullptr;
    if (!l) return makeError("not a door leaf", im.source, 0, "leaf");
    if (l->released) return Ok{};
    l->hinge->enableAngularMotor(false, 0.0f, 0.0f);
    l->hinge->setEnabled(false);
    l->released = true;
    l->driving = false;
    BodyRecord& r = im.bodies[leaf.index];
    r.latched = false;
    r.body->activate(true);
    return Ok{};
}

bool PhysicsWorld::doorLeafReleased(BodyId leaf) const {
    const LeafRecord* l = leaf.valid() ? leafOf(impl_->leaves, leaf) : nullptr;
    return l && l->released;
}

bool PhysicsWorld::doorLeafAtStop(BodyId leaf) const {
    return leaf.valid() && leaf.index < impl_->bodies.size() && impl_->bodies[leaf.index].leafAtStop;
}

void PhysicsWorld::pullDoorLeaf(BodyId leaf) {
    if (doorLeafAtStop(leaf)) impl_->pullLeaf(static_cast<int>(leaf.index));
}

bool PhysicsWorld::doorLeafLatched(BodyId leaf) const {
    return leaf.valid() && leaf.index < impl_->bodies.size() && impl_->bodies[leaf.index].latched;
}

void WorldImpl::pullLeaf(int bodyIndex) {
    // Open as far as the leaf goes, short of its limit by the 0.1 rad a hung-open leaf is left.
    for (LeafRecord& l : leaves) {
        if (static_cast<int>(l.body.index) != bodyIndex || l.released || l.driving || bodies[l.body.index].latched) continue;
        const int opens = bodies[l.body.index].leafOpens;
        if (opens == 0) continue;
        l.targetRad = static_cast<float>(opens) * std::max(0.0f, l.limitRad - 0.1f);
        l.driving = true;
        bodies[l.body.index].body->activate(true);
    }
}

void WorldImpl::driveLeaves() {
    constexpr float kGainPerS = 4.0f, kMaxSpeedRadS = 1.5f, kThereRad = 0.02f;
    // Within this of its stop, at rest, a one-way leaf is held there: a push that way is a pull.
    constexpr float kAtStopRad = 0.05f, kRestRadS = 0.2f;
    for (LeafRecord& l : leaves) {
        BodyRecord& r = bodies[l.body.index];
        r.leafDriving = false;
        r.leafAtStop = false;
        if (l.released) continue;
        const float angle = static_cast<float>(l.hinge->getHingeAngle());
        if (!l.driving) {
            r.leafAtStop = r.leafOpens != 0 && !r.latched && std::fabs(angle) < kAtStopRad &&
                           std::fabs(r.body->getAngularVelocity().z()) < kRestRadS;
            continue;
        }
        const float err = l.targetRad - angle;
        if (std::fabs(err) < kThereRad) {
            l.hinge->enableAngularMotor(false, 0.0f, 0.0f);
            l.driving = false;
            if (l.targetRad == 0.0f) {
                l.hinge->setLimit(-0.001f, 0.001f);  // latched
                r.body->setAngularVelocity(btVector3(0, 0, 0));
                r.latched = true;
            }
            continue;
        }
        r.leafDriving = true;
        const float speed = std::clamp(kGainPerS * err, -kMaxSpeedRadS, kMaxSpeedRadS);
        l.hinge->enableAngularMotor(true, speed, PhysicsWorld::kLeafTorqueNm * stepS);
        r.body->activate(true);
    }
}

}  // namespace cd::physics
