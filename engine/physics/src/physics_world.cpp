#include "physics/physics_world.h"

#include <algorithm>
#include <cmath>
#include <string>

#include "character_body.h"
#include "core/hash.h"
#include "wall_tie.h"
#include "world_impl.h"

namespace cd::physics {
namespace {

bool finite3(const glm::vec3& v) { return std::isfinite(v.x) && std::isfinite(v.y) && std::isfinite(v.z); }

Status checkHalfExtents(const glm::vec3& h, float lo, float hi, const std::string& file, const std::string& field) {
    if (!finite3(h) || h.x < lo || h.y < lo || h.z < lo || h.x > hi || h.y > hi || h.z > hi)
        return makeError("half extents must be finite and in [" + std::to_string(lo) + ", " + std::to_string(hi) +
                             "] m",
                         file, 0, field);
    return Ok{};
}

btQuaternion toBt(const glm::quat& q) { return btQuaternion(q.x, q.y, q.z, q.w); }

}  // namespace

int groupsFor(std::uint32_t m) {
    int g = 0;
    if (m & kQueryStatic) g |= kGroupStatic;
    if (m & kQueryDynamic) g |= kGroupDynamic;
    if (m & kQueryDebris) g |= kGroupDebris;
    if (m & kQueryDoors) g |= kGroupDoor;
    return g;
}

WorldImpl::WorldImpl() {
    config = std::make_unique<btDefaultCollisionConfiguration>();
    dispatcher = std::make_unique<btCollisionDispatcher>(config.get());
    broadphase = std::make_unique<btDbvtBroadphase>();
    solver = std::make_unique<btSequentialImpulseConstraintSolver>();
    world = std::make_unique<btDiscreteDynamicsWorld>(dispatcher.get(), broadphase.get(), solver.get(), config.get());
}

WorldImpl::~WorldImpl() {
    // Constraints before bodies, bodies before shapes: Bullet holds raw pointers both ways.
    for (auto& a : anchors)
        if (a.constraint && !a.broken) world->removeConstraint(a.constraint.get());
    for (auto& b : bonds)
        if (!b.broken) world->removeConstraint(b.constraint.get());
    for (auto& b : rigidBodies) world->removeRigidBody(b.get());
}

btRigidBody* WorldImpl::addRigid(std::unique_ptr<btCollisionShape> shape, const btTransform& xf, float massKg,
                                 const Material& mat, int group, int mask) {
    btVector3 inertia(0, 0, 0);
    if (massKg > 0.0f) shape->calculateLocalInertia(massKg, inertia);
    btRigidBody::btRigidBodyConstructionInfo info(massKg, nullptr, shape.get(), inertia);
    info.m_startWorldTransform = xf;
    info.m_friction = mat.frictionCoeff;
    info.m_restitution = mat.restitution;
    info.m_linearDamping = 0.0f;   // no hidden damping: verification compares against undamped motion
    info.m_angularDamping = 0.0f;
    auto body = std::make_unique<btRigidBody>(info);
    FreeRotation::takeOverFrom(*body);
    if (massKg > 0.0f) sweepWhenFast(*body);  // continuous collision for fast debris against thin slabs and walls
    else noteStaticHalfThickness(halfThicknessOf(*shape));
    btRigidBody* raw = body.get();
    btVector3 lo, hi;
    shape->getAabb(xf, lo, hi);
    bottomZM = std::min(bottomZM, static_cast<float>(lo.z()));
    world->addRigidBody(raw, group, mask);
    raw->setGravity(gravity);
    shapes.push_back(std::move(shape));
    rigidBodies.push_back(std::move(body));
    return raw;
}

float WorldImpl::halfThicknessOf(const btCollisionShape& shape) {
    btVector3 mn, mx;
    shape.getAabb(btTransform::getIdentity(), mn, mx);
    const btVector3 half = 0.5f * (mx - mn);
    return std::min({half.x(), half.y(), half.z()});
}

void WorldImpl::sweepWhenFast(btRigidBody& body) const {
    const float r = halfThicknessOf(*body.getCollisionShape());
    body.setCcdMotionThreshold(ccdThresholdM(r));
    body.setCcdSweptSphereRadius(0.8f * r);
}

float WorldImpl::ccdThresholdM(float halfThicknessM) const {
    // A body moving d in a step from touching a static box of half thickness t ends d deep in
    // it: past r + t its centre is beyond the box's middle and the contact pushes it on
    // through. So it is swept once it moves that far, and never later than its own thickness.
    return std::min(2.0f * halfThicknessM, halfThicknessM + thinnestStaticHalfM);
}

void WorldImpl::noteStaticHalfThickness(float halfM) {
    if (!(halfM < thinnestStaticHalfM)) return;
    thinnestStaticHalfM = halfM;
    for (const BodyRecord& r : bodies)
        if (r.body && r.body->getInvMass() != 0.0f) sweepWhenFast(*r.body);
}

BodyId WorldImpl::record(btRigidBody* body, BodyKind kind, bool isStatic, std::uint64_t tag, float massKg,
                         int structure) {
    const auto index = static_cast<std::uint32_t>(bodies.size());
    body->setUserIndex(static_cast<int>(index));
    bodies.push_back(BodyRecord{body, kind, isStatic, tag, structure, massKg});
    return makeId<BodyId>(index);
}

void WorldImpl::applyGroundMotion() {
    groundAccel = glm::vec3(0.0f);
    if (!shaking) return;
    const double t = timeS() - motionStartS;
    const bool recordOver = groundStill || t > motion.timeS.back();
    if (!recordOver) groundAccel = motion.accelerationAt(t);
    if (sway) sway->step(glm::vec2(groundAccel.x, groundAccel.y), stepS);
    // After the record the building sways on until it has settled.
    if (recordOver && !(sway && !sway->atRest())) {
        shaking = false;
        world->setGravity(gravity);
        for (auto& b : bodies)
            if (!b.isStatic) b.body->setGravity(gravity);  // sleeping bodies too
        return;
    }
    // Base excitation in the ground's frame (d'Alembert): every free body feels g - a_g, while
    // terrain and building stay put. Exact for a rigid ground; avoids moving static geometry.
    // In a building each body feels its floor's acceleration instead (sway or amplification).
    world->setGravity(gravity - bt(groundAccel));
    for (auto& b : bodies) {
        if (b.isStatic) continue;
        b.body->activate();
        const float z = b.body->getCenterOfMassPosition().z();
        if (sway) {
            const glm::vec2 af = sway->floorAccelerationMS2(sway->floorAt(z));
            b.body->setGravity(gravity - bt(glm::vec3(af.x, af.y, groundAccel.z)));
        } else if (ampHeightM > 0.0f) {
            const float k = 1.0f + 2.0f * std::clamp((z - ampBaseZM) / ampHeightM, 0.0f, 1.0f);
            const glm::vec3 a(k * groundAccel.x, k * groundAccel.y, groundAccel.z);
            b.body->setGravity(gravity - bt(a));
        }
    }
}

// ---------------------------------------------------------------------------------------

PhysicsWorld::PhysicsWorld() : impl_(std::make_unique<WorldImpl>()) {}
PhysicsWorld::~PhysicsWorld() = default;

Result<std::unique_ptr<PhysicsWorld>> PhysicsWorld::create(const WorldDef& def) {
    if (!(def.stepS >= 1.0f / 1000.0f && def.stepS <= 0.05f))
        return makeError("must be in [0.001, 0.05] s", def.source, 0, "stepS");
    if (def.solverIterations < 1 || def.solverIterations > 200)
        return makeError("must be in [1, 200]", def.source, 0, "solverIterations");
    if (!finite3(def.gravityMS2) || std::abs(def.gravityMS2.z) > 100.0f)
        return makeError("must be finite, |g| <= 100 m/s^2", def.source, 0, "gravityMS2");
    std::unique_ptr<PhysicsWorld> w(new PhysicsWorld());
    WorldImpl& im = *w->impl_;
    im.source = def.source;
    im.stepS = def.stepS;
    im.gravity = bt(def.gravityMS2);
    im.world->setGravity(im.gravity);
    im.world->getSolverInfo().m_numIterations = def.solverIterations;
    // Determinism: no randomised constraint order.
    im.world->getSolverInfo().m_solverMode &= ~SOLVER_RANDMIZE_ORDER;
    // Two friction directions per contact: isotropic friction, so stacks do not creep sideways.
    im.world->getSolverInfo().m_solverMode |= SOLVER_USE_2_FRICTION_DIRECTIONS;
    // Penetrations deeper than 1 cm are resolved by split impulse (a position-only correction,
    // no kinetic energy added); Bullet's default -4 cm let a 60 Hz impact rebound 20 % too high.
    im.world->getSolverInfo().m_splitImpulse = 1;
    im.world->getSolverInfo().m_splitImpulsePenetrationThreshold = -0.01f;

    if (def.terrain) {
        const TerrainDef& t = *def.terrain;
        if (t.nx < 2 || t.ny < 2 || t.nx > 8192 || t.ny > 8192)
            return makeError("grid must be at least 2 x 2 and at most 8192 x 8192", def.source, 0, "terrain.nx");
        if (!(t.cellM > 0.01f && t.cellM < 1000.0f)) return makeError("must be in (0.01, 1000) m", def.source, 0, "terrain.cellM");
        if (t.heightsM.size() != static_cast<std::size_t>(t.nx) * static_cast<std::size_t>(t.ny))
            return makeError("has " + std::to_string(t.heightsM.size()) + " values, expected nx*ny = " +
                                 std::to_string(t.nx * t.ny),
                             def.source, 0, "terrain.heightsM");
        for (std::size_t i = 0; i < t.heightsM.size(); ++i)
            if (!std::isfinite(t.heightsM[i]) || std::abs(t.heightsM[i]) > 10000.0f)
                return makeError("height is not finite or beyond 10 km", def.source, 0,
                                 "terrain.heightsM[" + std::to_string(i) + "]");
        if (auto s = validateMaterial(t.material, "terrain.material", def.source); !s) return s.error();
        im.terrainHeights = t.heightsM;
        const auto [mn, mx] = std::minmax_element(im.terrainHeights.begin(), im.terrainHeights.end());
        const float lo = *mn, hi = std::max(*mx, *mn + 0.01f);
        auto shape = std::make_unique<btHeightfieldTerrainShape>(t.nx, t.ny, im.terrainHeights.data(), lo, hi, 2, false);
        shape->setLocalScaling(btVector3(t.cellM, t.cellM, 1.0f));
        // Bullet centres the heightfield on its bounding box.
        btTransform xf;
        xf.setIdentity();
        xf.setOrigin(btVector3(t.originM.x + 0.5f * t.cellM * float(t.nx - 1), t.originM.y + 0.5f * t.cellM * float(t.ny - 1),
                               0.5f * (lo + hi)));
        im.terrainBody = im.addRigid(std::move(shape), xf, 0.0f, t.material, kGroupStatic, kMaskStatic);
        im.noteStaticHalfThickness(0.0f);  // a surface: a body whose centre passes it sinks through
        im.terrainBody->setUserIndex(-1);
    }
    for (std::size_t i = 0; i < def.staticBoxes.size(); ++i) {
        StaticBoxDef b = def.staticBoxes[i];
        auto r = w->addStaticBox(b);
        if (!r) {
            Error e = r.error();
            e.field = "staticBoxes[" + std::to_string(i) + "]." + e.field;
            return e;
        }
    }
    for (std::size_t i = 0; i < def.bodies.size(); ++i) {
        auto r = w->addBody(def.bodies[i]);
        if (!r) {
            Error e = r.error();
            e.field = "bodies[" + std::to_string(i) + "]." + e.field;
            return e;
        }
    }
    for (std::size_t i = 0; i < def.doors.size(); ++i) {
        auto r = w->addDoor(def.doors[i]);
        if (!r) {
            Error e = r.error();
            e.field = "doors[" + std::to_string(i) + "]." + e.field;
            return e;
        }
    }
    return w;
}

Result<BodyId> PhysicsWorld::addStaticBox(const StaticBoxDef& def) {
    WorldImpl& im = *impl_;
    if (!finite3(def.centerM) || !std::isfinite(def.yawRad)) return makeError("not finite", im.source, 0, "centerM");
    if (auto s = checkHalfExtents(def.halfExtentsM, 0.001f, 5000.0f, im.source, "halfExtentsM"); !s) return s.error();
    if (auto s = validateMaterial(def.material, "material", im.source); !s) return s.error();
    btTransform xf;
    xf.setIdentity();
    xf.setOrigin(bt(def.centerM));
    xf.setRotation(btQuaternion(btVector3(0, 0, 1), def.yawRad));
    btRigidBody* b = im.addRigid(std::make_unique<btBoxShape>(bt(def.halfExtentsM)), xf, 0.0f, def.material,
                                 kGroupStatic, kMaskStatic);
    return im.record(b, BodyKind::Prop, true, def.tag, 0.0f, -1);
}

Result<BodyId> PhysicsWorld::addBody(const DynamicBodyDef& def) {
    WorldImpl& im = *impl_;
    if (!finite3(def.centerM)) return makeError("not finite", im.source, 0, "centerM");
    if (!finite3(def.velocityMS) || glm::length(def.velocityMS) > 300.0f)
        return makeError("must be finite and below 300 m/s", im.source, 0, "velocityMS");
    const float ql = glm::length(glm::vec4(def.orientation.x, def.orientation.y, def.orientation.z, def.orientation.w));
    if (!std::isfinite(ql) || std::abs(ql - 1.0f) > 0.01f) return makeError("must be a unit quaternion", im.source, 0, "orientation");
    if (auto s = checkHalfExtents(def.halfExtentsM, 0.01f, 20.0f, im.source, "halfExtentsM"); !s) return s.error();
    if (auto s = validateMaterial(def.material, "material", im.source); !s) return s.error();
    if (!std::isfinite(def.anchorBreakForceN) || def.anchorBreakForceN < 0.0f)
        return makeError("must be >= 0 N", im.source, 0, "anchorBreakForceN");
    if (!std::isfinite(def.wallTieBreakForceN) || def.wallTieBreakForceN < 0.0f)
        return makeError("must be >= 0 N", im.source, 0, "wallTieBreakForceN");
    if (def.wallTieBreakForceN > 0.0f) {
        if (def.anchorBreakForceN > 0.0f) return makeError("a body hangs from an anchor or is tied to a wall, not both", im.source, 0, "wallTieBreakForceN");
        const glm::vec3 d = def.wallTieDir;
        if (!finite3(d) || std::abs(std::sqrt(d.x * d.x + d.y * d.y) - 1.0f) > 0.01f || std::abs(d.z) > 0.01f)
            return makeError("must be a horizontal unit vector", im.source, 0, "wallTieDir");
        if (std::abs((glm::inverse(def.orientation) * glm::vec3(0.0f, 0.0f, 1.0f)).z) < 0.99f)
            return makeError("a tied body must stand upright (turned about z only)", im.source, 0, "orientation");
    }
    std::unique_ptr<btCollisionShape> shape;
    float volume = 0.0f;
    const glm::vec3 h = def.halfExtentsM;
    switch (def.shape) {
        case ShapeKind::Box:
            shape = std::make_unique<btBoxShape>(bt(h));
            volume = 8.0f * h.x * h.y * h.z;
            break;
        case ShapeKind::Cylinder:
            shape = std::make_unique<btCylinderShapeZ>(btVector3(h.x, h.x, h.z));
            volume = 3.14159265f * h.x * h.x * 2.0f * h.z;
            break;
        case ShapeKind::Sphere:
            shape = std::make_unique<btSphereShape>(h.x);
            volume = 4.0f / 3.0f * 3.14159265f * h.x * h.x * h.x;
            break;
    }
    const float mass = def.material.densityKgM3 * volume;
    btTransform xf;
    xf.setIdentity();
    xf.setOrigin(bt(def.centerM));
    xf.setRotation(toBt(def.orientation));
    const bool debris = def.kind == BodyKind::Debris || def.kind == BodyKind::Chunk;
    btRigidBody* b = im.addRigid(std::move(shape), xf, mass, def.material, debris ? kGroupDebris : kGroupDynamic,
                                 kMaskMoving);
    b->setLinearVelocity(bt(def.velocityMS));
    // Bullet sends a body to sleep after 2 s below 0.8 m/s and 1 rad/s, which froze a rocking
    // block in mid-tilt (measured: b/h 0.2, rocking at up to 0.45 rad/s, stopped dead at 0.018 rad
    // 2 s after release; free_rocking_test.cpp). Free bodies other than debris sleep below
    // 0.2 m/s and 0.2 rad/s: a bookcase rocking more than about 0.013 rad (2 cm at its top)
    // stays awake. Lower thresholds keep the 10-box stack swaying (box_stack_test.cpp). Debris
    // keeps Bullet's thresholds: thousands of blocky chunks must settle quickly.
    if (!debris) b->setSleepingThresholds(0.2f, 0.2f);
    const BodyId id = im.record(b, def.kind, false, def.tag, mass, -1);
    if (def.anchorBreakForceN > 0.0f) {
        const float top = def.shape == ShapeKind::Sphere ? h.x : h.z;
        // It lets go when the resultant of one step's pull exceeds its force, as a wall tie
        // (since 3 Dec; before, Bullet's threshold judged each of its rows alone, along the
        // world's axes, so a light swinging across them held up to sqrt(3) times as much).
        auto c = std::make_unique<btPoint2PointConstraint>(*b, btVector3(0, 0, top));
        im.world->addConstraint(c.get(), true);
        im.addTearingAnchor(std::move(c), id, def.anchorBreakForceN);
    }
    if (def.wallTieBreakForceN > 0.0f) {
        auto tie = makeWallTie(*b, def);
        im.world->addConstraint(tie.get(), true);
        im.addTearingAnchor(std::move(tie), id, def.wallTieBreakForceN);
    }
    return id;
}

Result<BodyId> PhysicsWorld::addDoor(const DoorDef& def) {
    WorldImpl& im = *impl_;
    if (!finite3(def.hingeM)) return makeError("not finite", im.source, 0, "hingeM");
    const glm::vec3 d = def.closedDir;
    const float len = std::sqrt(d.x * d.x + d.y * d.y);
    if (!finite3(d) || len < 0.5f || std::abs(d.z) > 0.01f)
        return makeError("must be a horizontal unit vector", im.source, 0, "closedDir");
    if (!(def.widthM >= 0.3f && def.widthM <= 5.0f)) return makeError("must be in [0.3, 5] m", im.source, 0, "widthM");
    if (!(def.heightM >= 1.0f && def.heightM <= 6.0f)) return makeError("must be in [1, 6] m", im.source, 0, "heightM");
    if (!(def.thicknessM >= 0.01f && def.thicknessM <= 0.3f))
        return makeError("must be in [0.01, 0.3] m", im.source, 0, "thicknessM");
    if (!(def.openLimitRad >= 0.0f && def.openLimitRad <= 3.1f))
        return makeError("must be in [0, 3.1] rad", im.source, 0, "openLimitRad");
    if (!(def.hingeDamping >= 0.0f && def.hingeDamping <= 1.0f))
        return makeError("must be in [0, 1]", im.source, 0, "hingeDamping");
    if (def.opens < -1 || def.opens > 1) return makeError("must be -1, 0 or 1", im.source, 0, "opens");
    const float lowRad = def.opens > 0 ? 0.0f : -def.openLimitRad, highRad = def.opens < 0 ? 0.0f : def.openLimitRad;
    if (!(def.startAngleRad >= lowRad && def.startAngleRad <= highRad))
        return makeError(def.opens == 0 ? "must be within +-openLimitRad" : "must be between shut and openLimitRad the way the leaf opens",
                         im.source, 0, "startAngleRad");
    if (auto s = validateMaterial(def.material, "material", im.source); !s) return s.error();
    const glm::vec3 dir(d.x / len, d.y / len, 0.0f);
    const glm::vec3 half(0.5f * def.widthM, 0.5f * def.thicknessM, 0.5f * def.heightM);
    const float mass = def.material.densityKgM3 * 8.0f * half.x * half.y * half.z;
    btTransform xf;
    xf.setIdentity();
    // A 1 cm gap under the leaf so it does not rub the floor.
    xf.setOrigin(bt(def.hingeM + dir * half.x + glm::vec3(0.0f, 0.0f, half.z + 0.01f)));
    xf.setRotation(btQuaternion(btVector3(0, 0, 1), std::atan2(dir.y, dir.x)));
    btRigidBody* b = im.addRigid(std::make_unique<btBoxShape>(bt(half)), xf, mass, def.material, kGroupDoor,
                                 kMaskMoving);
    b->setDamping(0.0f, def.hingeDamping);
    const BodyId id = im.record(b, BodyKind::Door, false, def.tag, mass, -1);
    // The hinge's frame in the leaf (at its edge, the axis up) and the same frame in the world
    // as the leaf hangs shut: angle 0 is shut, whichever way the door faces. (Bullet's one-body
    // constructors take the world frame's basis from the leaf's local one, so the zero was off
    // by the shut leaf's heading: only a leaf shut along +x swung as built; one shut along +y
    // started beyond its limit and was kicked round, and "shut" meant another angle.)
    btTransform frameInLeaf;
    frameInLeaf.setIdentity();
    frameInLeaf.setOrigin(btVector3(-half.x, 0, 0));
    const btTransform frameInWorld = b->getCenterOfMassTransform() * frameInLeaf;
    auto hinge = std::make_unique<btHingeConstraint>(*b, btTypedConstraint::getFixedBody(), frameInLeaf, frameInWorld);
    hinge->setLimit(lowRad, highRad);
    im.world->addConstraint(hinge.get(), true);
    if (def.startAngleRad != 0.0f) {
        // The hinge measures its angle from the closed pose it was built in: swing the leaf out after.
        const float a = std::atan2(dir.y, dir.x) + def.startAngleRad;
        const glm::vec3 open(std::cos(a), std::sin(a), 0.0f);
        btTransform opened;
        opened.setIdentity();
        opened.setOrigin(bt(def.hingeM + open * half.x + glm::vec3(0.0f, 0.0f, half.z + 0.01f)));
        opened.setRotation(btQuaternion(btVector3(0, 0, 1), a));
        b->setWorldTransform(opened);
        b->setInterpolationWorldTransform(opened);
    }
    im.bodies[id.index].leafOpens = def.opens;
    im.leaves.push_back(LeafRecord{hinge.get(), id, def.openLimitRad, lowRad, highRad, 0.0f, false, false});
    // Hinges never break (a leaf comes off only with its frame: releaseDoorLeaf); kept with
    // anchors so their lifetime matches the world.
    im.anchors.push_back(AnchorRecord{std::move(hinge), id, false});
    return id;
}

Result<CharacterId> PhysicsWorld::addCharacter(const CharacterDef& def) {
    WorldImpl& im = *impl_;
    if (!finite3(def.feetM)) return makeError("not finite", im.source, 0, "feetM");
    if (!(def.radiusM >= 0.1f && def.radiusM <= 1.0f)) return makeError("must be in [0.1, 1] m", im.source, 0, "radiusM");
    if (!(def.standHeightM >= 2.5f * def.radiusM && def.standHeightM <= 2.5f))
        return makeError("must be in [2.5 radius, 2.5 m]", im.source, 0, "standHeightM");
    if (!(def.crouchHeightM >= 2.2f * def.radiusM && def.crouchHeightM <= def.standHeightM))
        return makeError("must be in [2.2 radius, standHeightM]", im.source, 0, "crouchHeightM");
    if (!(def.stepHeightM >= 0.0f && def.stepHeightM <= 0.6f)) return makeError("must be in [0, 0.6] m", im.source, 0, "stepHeightM");
    if (!(def.maxSlopeRad > 0.0f && def.maxSlopeRad < 1.5f)) return makeError("must be in (0, 1.5) rad", im.source, 0, "maxSlopeRad");
    for (float s : {def.walkSpeedMS, def.runSpeedMS, def.crouchSpeedMS})
        if (!(s >= 0.0f && s <= 12.0f)) return makeError("speeds must be in [0, 12] m/s", im.source, 0, "walkSpeedMS");
    if (!(def.pushForceN >= 0.0f && def.pushForceN <= 1000.0f))
        return makeError("must be in [0, 1000] N", im.source, 0, "pushForceN");
    im.characters.push_back(std::make_unique<CharacterBody>(def));
    return makeId<CharacterId>(static_cast<std::uint32_t>(im.characters.size() - 1));
}

void PhysicsWorld::setGroundMotion(GroundMotion motion, double startTimeS) {
    WorldImpl& im = *impl_;
    if (motion.timeS.size() < 2) return;
    im.motion = std::move(motion);
    im.motionStartS = startTimeS - im.motion.timeS.front();
    im.shaking = true;
    im.groundStill = false;
}

void PhysicsWorld::stopGroundMotion() {
    impl_->groundStill = true;
    if (impl_->sway && !impl_->sway->atRest()) return;  // the building sways on until it settles
    impl_->shaking = false;
    impl_->groundAccel = glm::vec3(0.0f);
    impl_->world->setGravity(impl_->gravity);
    for (auto& b : impl_->bodies)
        if (!b.isStatic) b.body->setGravity(impl_->gravity);  // sleeping bodies too
}

void PhysicsWorld::setFloorAmplification(float baseZM, float heightM) {
    impl_->ampBaseZM = std::isfinite(baseZM) ? baseZM : 0.0f;
    impl_->ampHeightM = std::isfinite(heightM) ? std::max(heightM, 0.0f) : 0.0f;
}

void PhysicsWorld::setBuildingSway(const BuildingSway& sway) { impl_->sway = sway; }

const BuildingSway* PhysicsWorld::buildingSway() const { return impl_->sway ? &*impl_->sway : nullptr; }

glm::vec3 PhysicsWorld::floorAccelerationMS2(float zM) const {
    const WorldImpl& im = *impl_;
    if (!im.sway || !im.shaking) return im.groundAccel;
    const glm::vec2 a = im.sway->floorAccelerationMS2(im.sway->floorAt(zM));
    return glm::vec3(a.x, a.y, im.groundAccel.z);
}

glm::vec3 PhysicsWorld::groundAccelerationMS2() const { return impl_->groundAccel; }

void PhysicsWorld::applyImpulse(BodyId b, const glm::vec3& impulseNs, const glm::vec3& atM) {
    if (!b.valid() || b.index >= impl_->bodies.size()) return;
    BodyRecord& r = impl_->bodies[b.index];
    if (r.isStatic) return;
    r.body->activate();
    r.body->applyImpulse(bt(impulseNs), bt(atM) - r.body->getCenterOfMassPosition());
}

void PhysicsWorld::setCharacterInput(CharacterId c, const CharacterInput& input) {
    if (c.valid() && c.index < impl_->characters.size()) impl_->characters[c.index]->setInput(input);
}

void PhysicsWorld::placeCharacter(CharacterId c, const glm::vec3& feetM) {
    if (c.valid() && c.index < impl_->characters.size() && finite3(feetM)) impl_->characters[c.index]->placeAt(bt(feetM));
}

void PhysicsWorld::step() {
    WorldImpl& im = *impl_;
    im.applyGroundMotion();
    im.driveLeaves();
    // One internal step of exactly stepS (maxSubSteps = 0 means "step by timeStep"), so no
    // accumulator rounding can add or drop a step.
    im.freeRotation.begin(im.bodies, im.stepS);
    im.world->stepSimulation(im.stepS, 0, im.stepS);
    im.freeRotation.end();
    ++im.tick;
    im.updateJoints();
    for (auto& c : im.characters) {
        c->step(*im.world, im.bodies, im.stepS, im.gravity);
        if (c->pulledLeaf() >= 0) im.pullLeaf(c->pulledLeaf());
    }
    if (im.tick % 15 == 0) im.updateBlockage();
    if (im.tick % 60 == 0) im.takeOutLostBodies();
}

double PhysicsWorld::timeS() const { return impl_->timeS(); }
std::int64_t PhysicsWorld::tick() const { return impl_->tick; }
float PhysicsWorld::stepS() const { return impl_->stepS; }

std::vector<PhysicsEvent> PhysicsWorld::pullEvents() {
    std::vector<PhysicsEvent> out;
    out.swap(impl_->events);
    return out;
}

std::size_t PhysicsWorld::bodyCount() const { return impl_->bodies.size(); }

std::size_t PhysicsWorld::awakeBodyCount() const {
    std::size_t n = 0;
    for (const auto& b : impl_->bodies)
        if (!b.isStatic && b.body->isActive()) ++n;
    return n;
}

BodyState PhysicsWorld::bodyState(BodyId id) const {
    BodyState s;
    if (!id.valid() || id.index >= impl_->bodies.size()) return s;
    const BodyRecord& r = impl_->bodies[id.index];
    const btTransform& xf = r.body->getWorldTransform();
    const btQuaternion q = xf.getRotation();
    s.positionM = toGlm(xf.getOrigin());
    s.orientation = glm::quat(q.w(), q.x(), q.y(), q.z());
    s.velocityMS = toGlm(r.body->getLinearVelocity());
    s.angularVelocityRadS = toGlm(r.body->getAngularVelocity());
    s.massKg = r.massKg;
    if (!r.isStatic) {
        const btVector3 v = r.body->getLinearVelocity(), w = r.body->getAngularVelocity();
        const btVector3 Iw = r.body->getInvInertiaTensorWorld().inverse() * w;
        s.kineticEnergyJ = 0.5f * r.massKg * v.length2() + 0.5f * w.dot(Iw);
    }
    s.kind = r.kind;
    s.awake = !r.isStatic && r.body->isActive();
    s.removed = r.removed;
    btTransform identity;
    identity.setIdentity();
    btVector3 lo, hi;
    r.body->getCollisionShape()->getAabb(identity, lo, hi);
    s.halfExtentsM = toGlm((hi - lo) * 0.5f);
    return s;
}

CharacterState PhysicsWorld::character(CharacterId c) const {
    if (!c.valid() || c.index >= impl_->characters.size()) return {};
    return impl_->characters[c.index]->state();
}

std::uint64_t PhysicsWorld::stateHash() const {
    StateHasher h;
    h.add(impl_->tick);
    for (const auto& r : impl_->bodies) {
        const btTransform& xf = r.body->getWorldTransform();
        for (int row = 0; row < 3; ++row) {
            const btVector3& v = xf.getBasis()[row];
            h.add(v.x()), h.add(v.y()), h.add(v.z());
        }
        const btVector3 p = xf.getOrigin(), v = r.body->getLinearVelocity(), w = r.body->getAngularVelocity();
        for (const btVector3* q : {&p, &v, &w}) h.add(q->x()), h.add(q->y()), h.add(q->z());
        h.add(static_cast<std::uint8_t>(r.removed));
    }
    for (const auto& s : impl_->structures)
        for (const auto& l : s.links) h.add(static_cast<std::uint8_t>(l.broken));
    for (const auto& a : impl_->anchors) h.add(static_cast<std::uint8_t>(a.broken));  // hooks, hinges, wall ties
    for (const auto& c : impl_->characters) c->hash(h);
    if (impl_->sway) {  // the building's motion (its floors' displacements), which drives the bodies
        for (int j = 1; j <= impl_->sway->storeys(); ++j) {
            const glm::vec2 u = impl_->sway->floorDisplacementM(j);
            h.add(u.x), h.add(u.y);
        }
    }
    return h.value();
}

}  // namespace cd::physics
