// Doors that are opened and shut (by the trainee, the scenario, the fire model's openings)
// rather than swung: a static panel across the opening, in the Bullet world while shut.
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

}  // namespace cd::physics
