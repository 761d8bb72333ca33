#pragma once
// Private: the Bullet objects behind PhysicsWorld. Only src/ files include this (and Bullet).
#include <btBulletCollisionCommon.h>
#include <btBulletDynamicsCommon.h>
#include <BulletCollision/CollisionShapes/btHeightfieldTerrainShape.h>

#include <cstdint>
#include <limits>
#include <memory>
#include <optional>
#include <vector>

#include "free_rotation.h"
#include "member_fire.h"
#include "physics/building_sway.h"
#include "physics/physics_world.h"

namespace cd::physics {

// Collision groups. Every object accepts kGroupQuery so rays and sweeps can see it.
constexpr int kGroupDynamic = 1;
constexpr int kGroupStatic = 2;
constexpr int kGroupDebris = 8;
constexpr int kGroupDoor = 16;
constexpr int kGroupQuery = 64;
constexpr int kMaskStatic = kGroupDynamic | kGroupDebris | kGroupDoor | kGroupQuery;
constexpr int kMaskMoving = kGroupDynamic | kGroupStatic | kGroupDebris | kGroupDoor | kGroupQuery;
/// What the trainee's capsule collides with (everything solid).
constexpr int kMaskWalker = kGroupStatic | kGroupDynamic | kGroupDebris | kGroupDoor;

/// Bullet collision groups for a QueryMask.
int groupsFor(std::uint32_t queryMask);

inline btVector3 bt(const glm::vec3& v) { return btVector3(v.x, v.y, v.z); }
inline glm::vec3 toGlm(const btVector3& v) { return glm::vec3(v.x(), v.y(), v.z()); }

/// Contact callback: whether any contact found cuts in (a negative distance).
struct CutsIn : btCollisionWorld::ContactResultCallback {
    bool any = false;
    btScalar addSingleResult(btManifoldPoint& cp, const btCollisionObjectWrapper*, int, int, const btCollisionObjectWrapper*, int,
                             int) override {
        if (cp.getDistance() < 0.0f) any = true;
        return 0;
    }
};

struct BodyRecord {
    btRigidBody* body = nullptr;  // owned by WorldImpl::rigidBodies
    BodyKind kind = BodyKind::Prop;
    bool isStatic = false;
    std::uint64_t tag = 0;
    int structure = -1;
    float massKg = 0.0f;
    bool removed = false;  // out of the Bullet world: carried away (removeBody, isStatic set) or an open door panel
    bool doorPanel = false;  // addDoorPanel: static, in and out of the world as it is shut and opened
    bool latched = false;    // a door leaf swung shut and held there (swingDoorLeaf)
    int leafOpens = 0;       // a one-way leaf: +1 opens to positive hinge angles, -1 negative; 0 both ways
    bool leafAtStop = false;  // a one-way leaf at rest against its stop, unlatched (driveLeaves)
    bool leafDriving = false;  // a leaf on its hinge motor (swingDoorLeaf, a pull)
};

/// A bond between two chunks across a shared face, or a chunk and the ground (b = -1).
struct LinkRecord {
    int a = 0;                  // chunk index in the structure
    int b = -1;                 // chunk index, -1 = ground
    int storey = 0;
    bool vertical = false;      // the face is horizontal: one chunk bears on the other
    float capacityN = 0.0f;     // material strength x area (tension and shear); 0 = unbreakable
    float bearingCapacityN = 0.0f;  // the same in bearing (Material::bearingRatio)
    float designScale = 1.0f;   // raised so the link carries its dead load x 1.35 (EN 1990)
    float fireFactor = 1.0f;    // Eurocode reduction, lowest seen
    float bearingFireFactor = 1.0f;  // the same in bearing (a steel column's buckling: column_buckling.h)
    float slenderness = 0.0f;   // of the steel column whose bearing governs the link (0: none)
    float fireSlenderness = 0.0f;  // the same over its buckling length in fire
    float epsilon = 1.0f;       // that column's steel: (235 MPa / f_y)^0.5
    float demandN = 0.0f;       // load through the link from the last load-flow pass
    FireCurve curve = FireCurve::None;
    glm::vec3 pointM{0.0f};
    bool broken = false;
    int bond = -1;              // index in WorldImpl::bonds while both chunks fall as one cluster
    bool riding = false;        // in a falling cluster but not in its bond tree: breaks when the tree splits
};

/// A pre-fractured structure. Intact chunks are static bodies held up by a load path to the
/// ground; a chunk becomes a dynamic body once it fails or loses every path to the ground.
struct StructureRecord {
    std::string name;
    std::uint64_t seed = 1;
    std::vector<BodyId> chunks;
    std::vector<MemberKind> chunkKinds;   // parallel to chunks
    std::vector<ChunkDef> chunkDefs;      // parallel to chunks: as fractured
    std::vector<float> chunkMassKg;
    std::vector<float> chunkZM;           // centre height when built
    std::vector<std::uint8_t> attached;   // 1 while static in the intact structure
    std::vector<float> extraLoadN;        // impact loads this pass
    std::vector<float> impactNs;          // contact impulses of debris since the last pass
    bool impacted = false;
    std::vector<LinkRecord> links;
    std::vector<std::vector<int>> linksOf;  // per chunk, link indices
    std::vector<int> ridingLinks;           // links carried by falling clusters' bond trees
    float baseZM = 0.0f;
    float heightM = 1.0f;
    float designPgaG = 0.0f;
    int brokenCount = 0;
    bool designed = false;  // links sized for their dead load
    bool bondLooseChunks = true;  // StructureDef::bondLooseChunks
    bool collapsing = false;  // a collapse has started
    bool settled = false;     // the latest collapse's debris has come to rest since
    int collapses = 0;        // collapses started: a break after the debris settled starts another
    int looseCount = 0;       // chunks come loose from the intact structure
    int looseAtCollapse = 0;  // looseCount when the latest collapse started
    std::vector<MemberFire> memberFires;  // per member of the def: heating in a fire (heatStructure)
    float heatPendingS = 0.0f;            // fire time not yet stepped into the members
};

/// A door leaf's hinge, and where swingDoorLeaf is taking it.
struct LeafRecord {
    btHingeConstraint* hinge = nullptr;  // owned by anchors
    BodyId body;
    float limitRad = 0.0f;
    float lowRad = 0.0f, highRad = 0.0f;  // the hinge's limits: one of them 0 for a one-way leaf
    float targetRad = 0.0f;
    bool driving = false;
    bool released = false;  // off its hinge (releaseDoorLeaf): a free body
};

/// A fixing that holds a body to the world: a hanging item's anchor, a wall tie, a door's hinge.
/// A wall tie or an anchor tears when the force it passes in one step, the resultant of its
/// rows, exceeds `tearForceN` (a bracket or a hook fails on the load it carries, whatever its
/// direction); hinges never break.
struct AnchorRecord {
    std::unique_ptr<btTypedConstraint> constraint;
    BodyId body;
    bool broken = false;
    float tearForceN = 0.0f;
    std::unique_ptr<btJointFeedback> feedback;  // the force the last step passed, when it can tear
};

/// A link between two chunks that came loose together: a Bullet breakable constraint holds them
/// as one cluster until an impulse beyond the link's capacity x step breaks it (structure_bond.cpp).
struct BondRecord {
    std::unique_ptr<btTypedConstraint> constraint;
    int structure = 0;
    int link = 0;
    float strengthScale = 1.0f;  // the cluster's riding links' capacity shared over its bonds
    bool broken = false;
};

class CharacterBody;  // character_body.cpp

struct PassageRecord {
    PassageDef def;
    bool blocked = false;
};

struct CasualtyRecord {
    CasualtyDef def;
    bool trapped = false;
};

struct WorldImpl {
    WorldImpl();
    ~WorldImpl();

    // Bullet, single-threaded: the default collision configuration and sequential impulse solver.
    std::unique_ptr<btDefaultCollisionConfiguration> config;
    std::unique_ptr<btCollisionDispatcher> dispatcher;
    std::unique_ptr<btDbvtBroadphase> broadphase;
    std::unique_ptr<btSequentialImpulseConstraintSolver> solver;
    std::unique_ptr<btDiscreteDynamicsWorld> world;
    FreeRotation freeRotation;  // the torque-free turn of every moving body, each step

    std::vector<std::unique_ptr<btCollisionShape>> shapes;
    std::vector<std::unique_ptr<btRigidBody>> rigidBodies;
    std::vector<std::unique_ptr<btDefaultMotionState>> motionStates;
    std::vector<BodyRecord> bodies;
    std::vector<StructureRecord> structures;
    std::vector<AnchorRecord> anchors;
    std::vector<LeafRecord> leaves;
    std::vector<BondRecord> bonds;  // creation order: created and checked in this order
    std::vector<std::unique_ptr<CharacterBody>> characters;
    std::vector<PassageRecord> passages;
    std::vector<CasualtyRecord> casualties;
    std::vector<float> terrainHeights;  // Bullet's heightfield keeps a pointer to this
    btRigidBody* terrainBody = nullptr;

    std::string source;
    float stepS = 1.0f / 60.0f;
    btVector3 gravity{0, 0, -9.81f};
    std::int64_t tick = 0;
    GroundMotion motion;
    bool shaking = false;
    bool groundStill = false;  ///< stopGroundMotion: the record is cut short
    double motionStartS = 0.0;
    glm::vec3 groundAccel{0.0f};
    float ampBaseZM = 0.0f, ampHeightM = 0.0f;  ///< floor amplification (setFloorAmplification)
    std::optional<BuildingSway> sway;            ///< the building's own vibration (setBuildingSway)
    std::vector<PhysicsEvent> events;

    double timeS() const { return static_cast<double>(tick) * stepS; }
    btRigidBody* addRigid(std::unique_ptr<btCollisionShape> shape, const btTransform& xf, float massKg,
                          const Material& mat, int group, int mask);
    BodyId record(btRigidBody* body, BodyKind kind, bool isStatic, std::uint64_t tag, float massKg, int structure);
    void updateJoints();
    /// Keeps a wall tie (wall_tie.h), torn in updateJoints when the resultant of its pull exceeds tearForceN.
    void addTearingAnchor(std::unique_ptr<btTypedConstraint> constraint, BodyId body, float tearForceN);
    void gatherImpacts();
    /// Wakes every moving body within 2 cm of obj (before its support goes).
    void wakeTouching(btCollisionObject& obj);
    void updateBlockage();
    void applyGroundMotion();
    /// The hinge motors of leaves being swung (swingDoorLeaf), before each step.
    void driveLeaves();
    /// The lowest point of everything added to the world (addRigid): a body that falls
    /// kLostBelowM below it went through the ground, and takeOutLostBodies takes it out.
    float bottomZM = std::numeric_limits<float>::max();
    static constexpr float kLostBelowM = 50.0f;
    void takeOutLostBodies();
    /// Continuous collision: the thinnest static thing in the world (half its thickness; 0 for
    /// the terrain's heightfield) and the per-step motion past which a body of half thickness r
    /// is swept against it.
    float thinnestStaticHalfM = std::numeric_limits<float>::max();
    float ccdThresholdM(float halfThicknessM) const;
    /// Half the smallest extent of a shape's own bounding box.
    static float halfThicknessOf(const btCollisionShape& shape);
    /// Sets a dynamic body's CCD threshold (ccdThresholdM) and swept sphere (0.8 of its half thickness).
    void sweepWhenFast(btRigidBody& body) const;
    void noteStaticHalfThickness(float halfM);
    /// Out of the Bullet world for good, with its constraints (removeBody, takeOutLostBodies).
    void takeOut(BodyId id);
    /// A walker took a one-way leaf at its stop by the handle: swing it open on its motor.
    void pullLeaf(int bodyIndex);
    /// Load flow, failures and detachment until the structure is in equilibrium again.
    void resolveStructure(std::size_t si);
    /// Lowers a link's fire factor to k if that is lower (a falling bond's threshold with it);
    /// says whether it did.
    bool weakenLink(LinkRecord& l, float k, float kBearing);
    /// A crushed chunk (rubble): dynamic, every link broken.
    void detachChunk(StructureRecord& s, std::size_t chunk);
    /// Chunks that come loose in one load-flow pass: dynamic; links to the ground or to attached
    /// chunks break, links among them become bonds (structure_bond.cpp).
    void releaseChunks(StructureRecord& s, const std::vector<std::size_t>& chunks);
    /// Static intact chunk -> dynamic debris body (mass, CCD, debris group, awake).
    void makeDynamic(StructureRecord& s, std::size_t chunk);
    /// Starts a collapse (CollapseStarted) unless one is under way.
    void beginCollapse(StructureRecord& s);
    /// Marks a link broken, counts it and emits JointBroken (after beginCollapse).
    void breakLink(StructureRecord& s, int link);
    /// The breaking impulse of a bond: the link's capacity as the load flow judges it x step.
    float bondImpulseNs(const LinkRecord& l) const;
    /// Bonds Bullet disabled in the last step: removed, reported once, in creation order; then
    /// the riding links of clusters that split.
    void updateBonds();
    void splitRidingLinks(StructureRecord& s);
    void applyImpactLoads();
    void emit(PhysicsEvent e) { events.push_back(e); }
};

}  // namespace cd::physics
