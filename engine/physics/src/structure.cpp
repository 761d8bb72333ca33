// Pre-fractured structures in the Bullet world. An intact chunk is a static body: a frame held
// by iterative joints sags and rings (10 solver iterations cannot hold a 10-storey chain), so
// the intact part is kept exact and cheap, and its safety is judged by a load-flow pass over
// the joint graph instead. A chunk becomes a dynamic body when it fails (scenario trigger) or
// loses every path to the ground; failures come from the scenario, from earthquake loading
// and from fire weakening, and cascade as loads redistribute (progressive collapse). Chunks that
// lose their path in the same pass stay bonded and fall as clusters (structure_bond.cpp).
#include <algorithm>
#include <cmath>
#include <limits>

#include <glm/common.hpp>

#include "core/rng.h"
#include "physics/column_buckling.h"
#include "world_impl.h"

namespace cd::physics {
namespace {

constexpr float kCrackM = 0.002f;         // chunks collide 2 mm inside their faces
constexpr float kDeadLoadFactor = 1.35f;    // EN 1990 Table A1.2(B): gamma_G for permanent actions
constexpr float kG = 9.81f;
constexpr int kMaxPasses = 64;
constexpr std::int64_t kShakeCheckSteps = 3;  // load-flow pass cadence while shaking or hit

}  // namespace

Result<StructureId> PhysicsWorld::addStructure(const StructureDef& def) {
    WorldImpl& im = *impl_;
    auto fr = fractureStructure(def);
    if (!fr) {
        Error e = fr.error();
        if (e.file.empty()) e.file = im.source;
        return e;
    }
    const FracturedStructure& f = *fr;
    const auto sIndex = static_cast<int>(im.structures.size());
    StructureRecord s;
    s.name = def.name;
    s.seed = def.seed;
    s.baseZM = def.groundZM;
    s.designPgaG = def.designPgaG;
    s.bondLooseChunks = def.bondLooseChunks;
    float top = def.groundZM + 1.0f;
    for (const ChunkDef& c : f.chunks) {
        const MemberDef& member = def.members[static_cast<std::size_t>(c.member)];
        const Material& mat = member.material;
        const float mass = mat.densityKgM3 * sectionFill(member) * 8.0f * c.halfExtentsM.x * c.halfExtentsM.y * c.halfExtentsM.z;
        btTransform xf;
        xf.setIdentity();
        xf.setOrigin(bt(c.centerM));
        // The crack keeps touching faces apart, so chunks that come loose start without overlap.
        const glm::vec3 collide = glm::max(c.halfExtentsM - glm::vec3(kCrackM), 0.5f * c.halfExtentsM);
        btRigidBody* b = im.addRigid(std::make_unique<btBoxShape>(bt(collide)), xf, 0.0f, mat, kGroupStatic,
                                     kMaskStatic);
        s.chunks.push_back(im.record(b, BodyKind::Chunk, true, static_cast<std::uint64_t>(c.member), 0.0f, sIndex));
        s.chunkKinds.push_back(c.kind);
        s.chunkDefs.push_back(c);
        s.chunkMassKg.push_back(mass);
        s.chunkZM.push_back(c.centerM.z);
        top = std::max(top, c.centerM.z + c.halfExtentsM.z);
    }
    s.heightM = std::max(1.0f, top - def.groundZM);
    if (def.buildingHeightM > 0.0f) {  // part of a taller building: its profile is the building's
        s.baseZM = def.buildingBaseZM;
        s.heightM = std::max(1.0f, def.buildingHeightM);
    }
    s.attached.assign(f.chunks.size(), 1);
    s.extraLoadN.assign(f.chunks.size(), 0.0f);
    s.impactNs.assign(f.chunks.size(), 0.0f);
    s.linksOf.resize(f.chunks.size());
    for (const JointDef& jd : f.joints) {
        LinkRecord l;
        l.a = jd.chunkA;
        l.b = jd.chunkB;
        l.storey = jd.storey;
        l.vertical = jd.axis == 2;
        l.capacityN = jd.capacityN;
        l.bearingCapacityN = jd.bearingCapacityN;
        l.pointM = jd.pointM;
        // The weaker member's fire curve governs the bond.
        const MemberDef& ma = def.members[static_cast<std::size_t>(f.chunks[static_cast<std::size_t>(jd.chunkA)].member)];
        l.curve = ma.material.fireCurve;
        if (jd.chunkB >= 0) {
            const MemberDef& mb = def.members[static_cast<std::size_t>(f.chunks[static_cast<std::size_t>(jd.chunkB)].member)];
            const float sa = memberJointStrengthPa(ma), sb = memberJointStrengthPa(mb);
            if (sb > 0.0f && (sa <= 0.0f || sb < sa)) l.curve = mb.material.fireCurve;
            // In bearing the weaker side is the one of lower bearing strength, buckling included.
            const float ba = memberBearingStrengthPa(ma), bb = memberBearingStrengthPa(mb);
            const MemberDef& weaker = (bb > 0.0f && (ba <= 0.0f || bb < ba)) ? mb : ma;
            l.slenderness = static_cast<float>(steelColumnSlenderness(weaker));
            l.fireSlenderness = static_cast<float>(steelColumnFireSlenderness(weaker));
            l.epsilon = static_cast<float>(steelEpsilon(weaker.material));
            s.linksOf[static_cast<std::size_t>(jd.chunkB)].push_back(static_cast<int>(s.links.size()));
        } else {
            l.slenderness = static_cast<float>(steelColumnSlenderness(ma));
            l.fireSlenderness = static_cast<float>(steelColumnFireSlenderness(ma));
            l.epsilon = static_cast<float>(steelEpsilon(ma.material));
        }
        s.linksOf[static_cast<std::size_t>(jd.chunkA)].push_back(static_cast<int>(s.links.size()));
        s.links.push_back(l);
    }
    s.memberFires.reserve(def.members.size());
    for (const MemberDef& m : def.members) s.memberFires.emplace_back(m);
    im.structures.push_back(std::move(s));
    im.resolveStructure(im.structures.size() - 1);  // the design pass: sizes every link for its dead load
    return makeId<StructureId>(static_cast<std::uint32_t>(sIndex));
}

void WorldImpl::makeDynamic(StructureRecord& s, std::size_t c) {
    if (!s.attached[c]) return;
    s.attached[c] = 0;
    beginCollapse(s);
    if (++s.looseCount == s.looseAtCollapse + 1) {
        PhysicsEvent e;
        e.kind = PhysicsEventKind::DebrisFalling;
        e.timeS = timeS();
        e.structure = makeId<StructureId>(static_cast<std::uint32_t>(&s - structures.data()));
        emit(e);
    }
    BodyRecord& r = bodies[s.chunks[c].index];
    btRigidBody* b = r.body;
    const float mass = s.chunkMassKg[c];
    world->removeRigidBody(b);
    btVector3 inertia;
    b->getCollisionShape()->calculateLocalInertia(mass, inertia);
    b->setMassProps(mass, inertia);
    b->setCollisionFlags(b->getCollisionFlags() & ~btCollisionObject::CF_STATIC_OBJECT);
    b->updateInertiaTensor();
    sweepWhenFast(*b);  // as in addRigid
    world->addRigidBody(b, kGroupDebris, kMaskMoving);
    b->forceActivationState(ACTIVE_TAG);
    b->setDeactivationTime(0.0f);
    r.isStatic = false;
    r.massKg = mass;
    r.kind = BodyKind::Chunk;
}

// A break in a standing structure, or in one whose earlier debris has settled (an aftershock, a
// second scripted collapse), starts a collapse; so does a chunk coming loose (released before
// its links break).
void WorldImpl::beginCollapse(StructureRecord& s) {
    if (s.collapsing && !s.settled) return;
    s.collapsing = true;
    s.settled = false;
    ++s.collapses;
    s.looseAtCollapse = s.looseCount;
    PhysicsEvent e;
    e.kind = PhysicsEventKind::CollapseStarted;
    e.timeS = timeS();
    e.structure = makeId<StructureId>(static_cast<std::uint32_t>(&s - structures.data()));
    emit(e);
}

void WorldImpl::breakLink(StructureRecord& s, int li) {
    LinkRecord& l = s.links[static_cast<std::size_t>(li)];
    if (l.broken) return;
    l.broken = true;
    ++s.brokenCount;
    const auto si = static_cast<std::uint32_t>(&s - structures.data());
    beginCollapse(s);
    PhysicsEvent e;
    e.kind = PhysicsEventKind::JointBroken;
    e.timeS = timeS();
    e.structure = makeId<StructureId>(si);
    e.joint = makeId<JointId>(static_cast<std::uint32_t>(li));
    e.bodyA = s.chunks[static_cast<std::size_t>(l.a)];
    if (l.b >= 0) e.bodyB = s.chunks[static_cast<std::size_t>(l.b)];
    emit(e);
}

void WorldImpl::detachChunk(StructureRecord& s, std::size_t c) {
    if (!s.attached[c]) return;
    makeDynamic(s, c);
    // Rubble: its bonds go with it.
    for (int li : s.linksOf[c]) breakLink(s, li);
}

// Gravity load flow (a load-path approximation, not a frame analysis): every attached chunk
// passes its weight plus what it carries, in equal shares, to its neighbours one hop closer to
// the ground. A link fails when
//   demand / capacity x Q >= designScale x k_fire,
// with capacity = f A in tension and shear, the material's bearing ratio x f A in bearing (load
// going down through a horizontal face: 10 for concrete and masonry, 1 for steel, less a steel
// column's buckling); Q = 1 + |a_z|/g + (1 + z/H) |a_h|/g is the earthquake amplification
// (inertia in proportion to the gravity load through the link, growing with height like the
// EN 1998-1 4.3.3.2.3 lateral force distribution; z and H the building's, from its base, when
// the structure is part of one: StructureDef::buildingHeightM); k_fire from EN 1992-1-2 /
// EN 1993-1-2 (in bearing, a steel column's buckling resistance in fire). With a building sway
// (setBuildingSway) the horizontal term is the storey's own: |V_s| / (W above) from the floors'
// accelerations (BuildingSway::storeyDemandMS2; once storeys yield, the shear their drift would
// take were they elastic: a yielded storey's walls are judged by how far it deforms), while the design stays the code's
// equivalent static (1 + z/H) profile at designPgaG: designed by the code, checked against the
// building's vibration.
void WorldImpl::resolveStructure(std::size_t si) {
    StructureRecord& s = structures[si];
    const std::size_t n = s.chunks.size();
    constexpr int kInf = std::numeric_limits<int>::max();
    std::vector<int> dist(n);
    std::vector<int> queue;
    std::vector<std::size_t> order, released;
    std::vector<float> load(n);
    std::vector<std::uint8_t> flowsDown(s.links.size());
    const float ah = std::sqrt(groundAccel.x * groundAccel.x + groundAccel.y * groundAccel.y) / kG;
    const float av = std::abs(groundAccel.z) / kG;
    // With the building's own sway, each storey's inertia is its storey shear (the mean
    // acceleration of the floors it carries) instead of the (1 + z/H) profile.
    std::vector<float> storeyAh;
    if (sway) {
        storeyAh.resize(static_cast<std::size_t>(sway->storeys()) + 1);
        for (int st = 1; st <= sway->storeys(); ++st)
            storeyAh[static_cast<std::size_t>(st)] = glm::length(sway->storeyDemandMS2(st)) / kG;
    }
    for (int pass = 0; pass < kMaxPasses; ++pass) {
        // 1. Distance to the ground over intact links; chunks with none fall.
        std::fill(dist.begin(), dist.end(), kInf);
        queue.clear();
        for (std::size_t c = 0; c < n; ++c) {
            if (!s.attached[c]) continue;
            for (int li : s.linksOf[c]) {
                const LinkRecord& l = s.links[static_cast<std::size_t>(li)];
                if (!l.broken && l.b < 0) {
                    dist[c] = 1;
                    queue.push_back(static_cast<int>(c));
                    break;
                }
            }
        }
        for (std::size_t qi = 0; qi < queue.size(); ++qi) {
            const auto c = static_cast<std::size_t>(queue[qi]);
            for (int li : s.linksOf[c]) {
                const LinkRecord& l = s.links[static_cast<std::size_t>(li)];
                if (l.broken || l.b < 0) continue;
                const auto other = static_cast<std::size_t>(l.a == static_cast<int>(c) ? l.b : l.a);
                if (s.attached[other] && dist[other] == kInf) {
                    dist[other] = dist[c] + 1;
                    queue.push_back(static_cast<int>(other));
                }
            }
        }
        // Chunks that come loose together stay bonded to each other (a falling cluster).
        released.clear();
        for (std::size_t c = 0; c < n; ++c)
            if (s.attached[c] && dist[c] == kInf) released.push_back(c);
        if (!released.empty()) releaseChunks(s, released);
        // 2. Loads flow from the farthest chunks towards the ground.
        order.clear();
        for (std::size_t c = 0; c < n; ++c)
            if (s.attached[c]) order.push_back(c);
        std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return dist[a] > dist[b]; });
        for (std::size_t c = 0; c < n; ++c) load[c] = s.chunkMassKg[c] * kG + s.extraLoadN[c];
        for (LinkRecord& l : s.links) l.demandN = 0.0f;
        for (std::size_t c : order) {
            int supports = 0;
            for (int li : s.linksOf[c]) {
                const LinkRecord& l = s.links[static_cast<std::size_t>(li)];
                if (l.broken) continue;
                const int other = l.a == static_cast<int>(c) ? l.b : l.a;
                if (other < 0 || dist[static_cast<std::size_t>(other)] < dist[c]) ++supports;
            }
            if (supports == 0) continue;
            const float share = load[c] / static_cast<float>(supports);
            for (int li : s.linksOf[c]) {
                LinkRecord& l = s.links[static_cast<std::size_t>(li)];
                if (l.broken) continue;
                const int other = l.a == static_cast<int>(c) ? l.b : l.a;
                if (other >= 0 && dist[static_cast<std::size_t>(other)] >= dist[c]) continue;
                l.demandN += share;
                const bool down = other < 0 || s.chunkZM[static_cast<std::size_t>(other)] < s.chunkZM[c];
                flowsDown[static_cast<std::size_t>(li)] = down && l.vertical;
                if (other >= 0) load[static_cast<std::size_t>(other)] += share;
            }
        }
        // 3. The first pass sizes the links (design); later passes check them.
        bool failed = false;
        for (std::size_t li = 0; li < s.links.size(); ++li) {
            LinkRecord& l = s.links[li];
            if (l.broken || l.bond >= 0 || l.riding || l.capacityN <= 0.0f) continue;  // falling: Bullet judges
            const float cap = flowsDown[li] ? l.bearingCapacityN : l.capacityN;
            const float u = l.demandN / cap;
            const float zRel = std::clamp((l.pointM.z - s.baseZM) / s.heightM, 0.0f, 1.0f);
            if (!s.designed) {
                // Sized for the larger of the factored dead load and the design earthquake
                // (horizontal designPgaG with 2/3 of it vertical, the same Q as below).
                const float qDesign = 1.0f + (2.0f / 3.0f + 1.0f + zRel) * s.designPgaG;
                l.designScale = std::max(1.0f, u * std::max(kDeadLoadFactor, qDesign));
                continue;
            }
            const float q = 1.0f + av + (sway ? storeyAh[static_cast<std::size_t>(sway->storeyAt(l.pointM.z))] : (1.0f + zRel) * ah);
            if (u * q >= l.designScale * (flowsDown[li] ? l.bearingFireFactor : l.fireFactor)) {
                // Both sides lose the bond; detaching is decided by connectivity on the next pass.
                breakLink(s, static_cast<int>(li));
                failed = true;
            }
        }
        if (!s.designed) {
            s.designed = true;
            break;
        }
        if (!failed) break;
    }
    std::fill(s.extraLoadN.begin(), s.extraLoadN.end(), 0.0f);
}

// Debris landing on or pushing the intact structure: every step's contact impulses on the
// chunks hit are summed, and each load-flow pass adds them as the mean force over the steps
// since the last one (an impact is never missed between passes).
void WorldImpl::gatherImpacts() {
    const int manifolds = dispatcher->getNumManifolds();
    for (int m = 0; m < manifolds; ++m) {
        const btPersistentManifold* pm = dispatcher->getManifoldByIndexInternal(m);
        const btCollisionObject* o[2] = {pm->getBody0(), pm->getBody1()};
        for (int side = 0; side < 2; ++side) {
            const int idx = o[side]->getUserIndex();
            if (idx < 0 || static_cast<std::size_t>(idx) >= bodies.size()) continue;
            const BodyRecord& r = bodies[static_cast<std::size_t>(idx)];
            if (r.structure < 0 || !r.isStatic || o[1 - side]->isStaticObject()) continue;
            float impulse = 0.0f;
            for (int p = 0; p < pm->getNumContacts(); ++p) impulse += pm->getContactPoint(p).getAppliedImpulse();
            if (impulse <= 0.0f) continue;
            StructureRecord& s = structures[static_cast<std::size_t>(r.structure)];
            // Chunk index: chunks are recorded consecutively from the first one.
            s.impactNs[static_cast<std::size_t>(idx) - s.chunks.front().index] += impulse;
            s.impacted = true;
        }
    }
}

void WorldImpl::applyImpactLoads() {
    const float windowS = static_cast<float>(kShakeCheckSteps) * stepS;
    for (std::size_t si = 0; si < structures.size(); ++si) {
        StructureRecord& s = structures[si];
        if (!s.impacted) continue;
        for (std::size_t c = 0; c < s.impactNs.size(); ++c) s.extraLoadN[c] += s.impactNs[c] / windowS;
        std::fill(s.impactNs.begin(), s.impactNs.end(), 0.0f);
        s.impacted = false;
        resolveStructure(si);
    }
}

void WorldImpl::updateJoints() {
    updateBonds();  // first: what broke in this step is reported before the loads react
    // A swaying building loads its structure until it has settled, after the ground stops.
    const bool shakingNow = glm::length(groundAccel) > 0.01f || (sway && !sway->atRest());
    gatherImpacts();
    if (tick % kShakeCheckSteps == 0) {
        applyImpactLoads();
        if (shakingNow)
            for (std::size_t si = 0; si < structures.size(); ++si) resolveStructure(si);
    }
    for (auto& a : anchors) {
        if (a.broken) continue;
        if (a.feedback && a.feedback->m_appliedForceBodyA.length() > a.tearForceN) a.constraint->setEnabled(false);
        if (a.constraint->isEnabled()) continue;
        a.broken = true;
        world->removeConstraint(a.constraint.get());
        PhysicsEvent e;
        e.kind = PhysicsEventKind::AnchorBroken;
        e.timeS = timeS();
        e.bodyA = a.body;
        e.tag = bodies[a.body.index].tag;
        emit(e);
    }
}

void WorldImpl::addTearingAnchor(std::unique_ptr<btTypedConstraint> constraint, BodyId body, float tearForceN) {
    AnchorRecord a{std::move(constraint), body, false, tearForceN, std::make_unique<btJointFeedback>()};
    a.constraint->setJointFeedback(a.feedback.get());
    anchors.push_back(std::move(a));
}

void PhysicsWorld::triggerCollapse(StructureId sid, const glm::vec3& lo, const glm::vec3& hi, float kickMS) {
    WorldImpl& im = *impl_;
    if (!sid.valid() || sid.index >= im.structures.size()) return;
    StructureRecord& s = im.structures[sid.index];
    auto inside = [&](const btVector3& p) {
        return p.x() >= lo.x && p.x() <= hi.x && p.y() >= lo.y && p.y() <= hi.y && p.z() >= lo.z && p.z() <= hi.z;
    };
    // The failing members: every chunk inside comes loose. Columns and walls are crushed to a
    // quarter of their height (rubble) so what they carried comes down, and are pushed sideways
    // in a direction drawn from the structure's seed and the tick (deterministic).
    Rng rng(s.seed ^ static_cast<std::uint64_t>(im.tick), 0x6b69636bULL);
    const float kick = std::isfinite(kickMS) ? std::clamp(kickMS, 0.0f, 20.0f) : 0.0f;
    for (std::size_t c = 0; c < s.chunks.size(); ++c) {
        if (!s.attached[c]) continue;
        btRigidBody* r = im.bodies[s.chunks[c].index].body;
        if (!inside(r->getCenterOfMassPosition())) continue;
        // Columns and walls are crushed; a slab breaks up with ragged edges, so its pieces lose
        // 5 cm a side (cut exactly to the gap, a kicked piece jammed between the slabs either
        // side and hung there).
        const bool support = s.chunkKinds[c] == MemberKind::Column || s.chunkKinds[c] == MemberKind::Wall;
        btVector3 half = static_cast<btBoxShape*>(r->getCollisionShape())->getHalfExtentsWithMargin();
        if (support) half.setZ(std::max(0.05f, 0.25f * half.z()));
        else half = btVector3(std::max(0.05f, half.x() - 0.05f), std::max(0.05f, half.y() - 0.05f), half.z());
        auto broken = std::make_unique<btBoxShape>(half);
        r->setCollisionShape(broken.get());
        im.shapes.push_back(std::move(broken));
        im.detachChunk(s, c);
        im.world->updateSingleAabb(r);
        if (kick <= 0.0f) continue;
        const float a = static_cast<float>(rng.uniform(0.0, 6.283185307));
        const float m = kick * static_cast<float>(rng.uniform(0.5, 1.0));
        r->setLinearVelocity(btVector3(m * std::cos(a), m * std::sin(a), 0.0f));
    }
    im.resolveStructure(sid.index);
}

bool WorldImpl::weakenLink(LinkRecord& l, float k, float kBearing) {
    // Heat damage does not heal: a link keeps the lowest factors it has seen.
    const bool bearing = kBearing < l.bearingFireFactor;
    if (bearing) l.bearingFireFactor = kBearing;
    if (!(k < l.fireFactor)) return bearing;
    l.fireFactor = k;
    // A falling cluster heated on the way down: its bond weakens too.
    if (l.bond >= 0) {
        BondRecord& bd = bonds[static_cast<std::size_t>(l.bond)];
        bd.constraint->setBreakingImpulseThreshold(bondImpulseNs(l) * bd.strengthScale);
    }
    return true;
}

void PhysicsWorld::setStoreyTemperature(StructureId sid, int storey, float memberC) {
    WorldImpl& im = *impl_;
    if (!sid.valid() || sid.index >= im.structures.size() || !std::isfinite(memberC)) return;
    StructureRecord& s = im.structures[sid.index];
    bool weakened = false;
    for (LinkRecord& l : s.links)
        if (!l.broken && l.storey == storey) {
            const float k = strengthReductionFactor(l.curve, memberC);
            weakened |= im.weakenLink(l, k, l.slenderness > 0.0f ? steelColumnBearingFactor(l.slenderness, l.fireSlenderness, memberC, l.epsilon) : k);
        }
    if (weakened) im.resolveStructure(sid.index);
}

void PhysicsWorld::heatStructure(StructureId sid, const std::vector<MemberGas>& gasByMember, float dtS) {
    WorldImpl& im = *impl_;
    if (!sid.valid() || sid.index >= im.structures.size() || !(dtS > 0.0f)) return;
    StructureRecord& s = im.structures[sid.index];
    s.heatPendingS += dtS;
    constexpr float kStrideS = 1.0f;  // members heat over minutes: a second is fine-grained enough
    if (s.heatPendingS < kStrideS) return;
    const double stepS = s.heatPendingS;
    s.heatPendingS = 0.0f;
    std::vector<float> share(s.memberFires.size(), 1.0f);  // per member: the strength heat leaves it
    std::vector<float> bearingShare(s.memberFires.size(), 1.0f);  // in bearing (a steel column buckles)
    for (std::size_t i = 0; i < s.memberFires.size(); ++i) {
        MemberFire& m = s.memberFires[i];
        if (!m.weakens()) continue;
        MemberGas gas = i < gasByMember.size() ? gasByMember[i] : MemberGas{};
        if (!std::isfinite(gas.frontC)) gas.frontC = 20.0f;
        if (!std::isfinite(gas.backC)) gas.backC = 20.0f;
        m.advance(gas, stepS);
        if (!m.heated()) continue;
        share[i] = m.strengthFactor();
        bearingShare[i] = m.bearingFactor();
    }
    auto of = [&](const std::vector<float>& v, int chunk) { return v[static_cast<std::size_t>(s.chunkDefs[static_cast<std::size_t>(chunk)].member)]; };
    auto least = [&](const std::vector<float>& v, const LinkRecord& l) { return l.b >= 0 ? std::min(of(v, l.a), of(v, l.b)) : of(v, l.a); };
    bool weakened = false;
    for (LinkRecord& l : s.links)
        if (!l.broken) weakened |= im.weakenLink(l, least(share, l), least(bearingShare, l));
    if (weakened) im.resolveStructure(sid.index);
}

StructureStats PhysicsWorld::structureStats(StructureId sid) const {
    StructureStats st;
    if (!sid.valid() || sid.index >= impl_->structures.size()) return st;
    const StructureRecord& s = impl_->structures[sid.index];
    st.chunks = static_cast<int>(s.chunks.size());
    st.joints = static_cast<int>(s.links.size());
    st.jointsBroken = s.brokenCount;
    st.chunksLoose = s.looseCount;
    for (std::size_t c = 0; c < s.chunks.size(); ++c)
        if (!s.attached[c] && impl_->bodies[s.chunks[c].index].body->isActive()) ++st.chunksAwake;
    for (const BondRecord& b : impl_->bonds) {
        if (b.structure != static_cast<int>(sid.index)) continue;
        ++st.bondsFormed;
        st.bondsHolding += !b.broken;
    }
    st.collapsing = s.collapsing;
    st.settled = s.settled;
    st.collapses = s.collapses;
    return st;
}

std::vector<ChunkDef> PhysicsWorld::structureChunkDefs(StructureId sid) const {
    if (!sid.valid() || sid.index >= impl_->structures.size()) return {};
    return impl_->structures[sid.index].chunkDefs;
}

std::vector<BodyId> PhysicsWorld::structureChunks(StructureId sid) const {
    if (!sid.valid() || sid.index >= impl_->structures.size()) return {};
    return impl_->structures[sid.index].chunks;
}

}  // namespace cd::physics
