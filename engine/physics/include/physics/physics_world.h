#pragma once
/// The physics world on Bullet: build from definitions, feed hazard inputs, step at the
/// fixed step, pull events, query. Bullet stays behind this class (see src/world_impl.h).
#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

#include <glm/vec3.hpp>

#include "core/result.h"
#include "physics/building_sway.h"
#include "physics/character.h"
#include "physics/ground_motion.h"
#include "physics/physics_event.h"
#include "physics/physics_ids.h"
#include "physics/queries.h"
#include "physics/structure_def.h"
#include "physics/world_def.h"

namespace cd::physics {

struct WorldImpl;

class PhysicsWorld {
public:
    /// Validates every definition (errors name def.source and the field) and builds the world.
    static Result<std::unique_ptr<PhysicsWorld>> create(const WorldDef& def);
    ~PhysicsWorld();
    PhysicsWorld(const PhysicsWorld&) = delete;
    PhysicsWorld& operator=(const PhysicsWorld&) = delete;

    // --- building ---
    Result<BodyId> addStaticBox(const StaticBoxDef& def);
    Result<BodyId> addBody(const DynamicBodyDef& def);
    Result<BodyId> addDoor(const DoorDef& def);
    /// A door that is opened and shut rather than swung: a static panel across the opening
    /// (material and box as a static box). Shut, the walker cannot pass it (CharacterState::
    /// shutDoor names it when they press against it), debris rests on it and rays and sweeps
    /// in kQueryDoors stop at it. Open, it is out of the world (bodyState().removed).
    Result<BodyId> addDoorPanel(const StaticBoxDef& def, bool shut);
    /// Fractures the structure (deterministic from def.seed) and adds its chunks and joints.
    Result<StructureId> addStructure(const StructureDef& def);
    Result<CharacterId> addCharacter(const CharacterDef& def);
    Result<PassageId> watchPassage(const PassageDef& def);
    Result<CasualtyId> addCasualty(const CasualtyDef& def);

    // --- hazard inputs (scenario commands) ---
    /// Shakes the ground with the record from startTimeS on (base excitation, see docs/physics.md).
    void setGroundMotion(GroundMotion motion, double startTimeS);
    /// The ground stops at once; a swaying building (setBuildingSway) sways on until it settles.
    void stopGroundMotion();
    /// Floor response: a body at height z in a building from baseZM to baseZM + heightM feels
    /// the horizontal ground acceleration times 1 + 2 (z - baseZM) / heightM (clamped to 1..3),
    /// the amplification of ASCE/SEI 7-16 eq. 13.3-1 for nonstructural components; vertical
    /// is not amplified. heightM <= 0 turns it off (every body feels the ground's motion).
    void setFloorAmplification(float baseZM, float heightM);
    /// Floor response by the building's own vibration (physics/building_sway.h): a body feels the
    /// horizontal acceleration of the floor under its centre of mass, and after the record the
    /// building sways on until it settles. Takes the place of setFloorAmplification.
    void setBuildingSway(const BuildingSway& sway);
    /// The building's sway as it is now (its floors, and with yielding storeys their ductility
    /// and permanent drift); nullptr without one.
    const BuildingSway* buildingSway() const;
    /// The horizontal acceleration of the floor under height zM (the ground's without a sway),
    /// with the ground's vertical.
    glm::vec3 floorAccelerationMS2(float zM) const;
    /// Current ground acceleration applied (zero when not shaking).
    glm::vec3 groundAccelerationMS2() const;
    /// Scenario-triggered collapse: breaks every joint of the structure whose point lies in the box
    /// crushes its column and wall chunks inside to a quarter height (rubble), and kicks them
    /// sideways (0.5..1 x kickMS, direction from the seed) so the failed storey gives way.
    void triggerCollapse(StructureId s, const glm::vec3& boxMinM, const glm::vec3& boxMaxM, float kickMS = 1.5f);
    /// Fire weakening by a member temperature given directly: the joints of a storey take the
    /// material's Eurocode reduction at memberC (never recovering when it cools).
    void setStoreyTemperature(StructureId s, int storey, float memberC);
    /// Fire weakening by the fire's history: each member is heated for dtS by the gas on its
    /// faces (gasByMember, indexed as StructureDef::members; 20 C beyond the list) through its
    /// section (physics/member_heating.h), and a joint takes the lower strength share of its two
    /// members (MemberFire); never recovering. Stepped in 1 s strides, so call it every tick.
    void heatStructure(StructureId s, const std::vector<MemberGas>& gasByMember, float dtS);
    void applyImpulse(BodyId b, const glm::vec3& impulseNs, const glm::vec3& atM);
    /// Takes a loose body (debris, furniture, a fallen item) out of the world, as rescuers carry
    /// it away; what touched it wakes and may fall. Static bodies, door leaves and bodies
    /// already removed are errors.
    Status removeBody(BodyId b);
    /// Opens a door panel (what rested on it wakes and may fall) or shuts it. A panel is not
    /// shut through anything standing in the opening (the walker, furniture, debris, a leaf):
    /// the answer is false and it stays open; ask again later. Errors: not a door panel.
    Result<bool> setDoorPanelShut(BodyId panel, bool shut);
    bool doorPanelShut(BodyId panel) const;
    /// Swings a door leaf to angleRad (0 = shut; within its limit) on a hinge motor, as a hand or
    /// a closer would (at most kLeafTorqueNm), then lets it go. Swung shut, it latches: the hinge
    /// holds it at 0 (a walker pressing into it is named in CharacterState::shutDoor, as at a
    /// shut panel) until it is swung open again. Errors: not a door leaf, angle beyond the limit.
    Status swingDoorLeaf(BodyId leaf, float angleRad);
    bool doorLeafLatched(BodyId leaf) const;
    /// Takes a leaf off its hinge (its frame gave way: the wall it hangs in came down): from
    /// the next step it is a free body that falls. Errors: not a door leaf.
    Status releaseDoorLeaf(BodyId leaf);
    bool doorLeafReleased(BodyId leaf) const;
    /// A one-way leaf resting against its stop (shut but not latched): a walker on the stop
    /// side pulls it open (pullDoorLeaf), as one walking into it does by itself.
    bool doorLeafAtStop(BodyId leaf) const;
    /// Takes a one-way leaf at its stop by the handle: it swings open on its motor to 0.1 rad
    /// short of its limit. Does nothing to a leaf not at its stop.
    void pullDoorLeaf(BodyId leaf);
    static constexpr float kLeafTorqueNm = 40.0f;

    // --- stepping ---
    void setCharacterInput(CharacterId c, const CharacterInput& input);
    /// Moves a character's feet to feetM at rest, without sweeping (the caller has checked the
    /// spot is free: the body crawled out from under a desk, say).
    void placeCharacter(CharacterId c, const glm::vec3& feetM);
    /// One fixed step (single-threaded Bullet, one internal substep of WorldDef::stepS).
    void step();
    double timeS() const;
    std::int64_t tick() const;
    float stepS() const;
    /// Events since the last pull, in the order they happened.
    std::vector<PhysicsEvent> pullEvents();

    // --- views and queries ---
    std::size_t bodyCount() const;
    std::size_t awakeBodyCount() const;
    BodyState bodyState(BodyId b) const;
    CharacterState character(CharacterId c) const;
    StructureStats structureStats(StructureId s) const;
    std::vector<BodyId> structureChunks(StructureId s) const;
    /// The chunks as fractured (member, storey, kind, box before anything moved), in the order
    /// of structureChunks().
    std::vector<ChunkDef> structureChunkDefs(StructureId s) const;
    std::optional<RayHit> raycast(const glm::vec3& fromM, const glm::vec3& toM,
                                  std::uint32_t mask = kQueryAll) const;
    /// True when nothing in mask lies between a and b.
    bool lineOfSight(const glm::vec3& aM, const glm::vec3& bM, std::uint32_t mask = kQueryStatic | kQueryDebris) const;
    /// What the trainee's eye ray hits within maxDistM.
    std::optional<RayHit> lookingAt(CharacterId c, float maxDistM = 3.0f) const;
    /// First hit of a sphere swept from -> to.
    std::optional<RayHit> sweepSphere(const glm::vec3& fromM, const glm::vec3& toM, float radiusM,
                                      std::uint32_t mask = kQueryAll) const;
    /// Whether an upright capsule (lowest point bottomM, total height heightM) overlaps anything
    /// in mask: the room a standing or walking person needs (sweeps miss what they start inside).
    bool overlapsCapsule(const glm::vec3& bottomM, float radiusM, float heightM, std::uint32_t mask = kQueryAll) const;
    /// The bodies in mask that an upright capsule (as overlapsCapsule) touches or cuts into,
    /// without repeats, in body order (e.g. debris striking a person who is not a body).
    std::vector<BodyId> bodiesInCapsule(const glm::vec3& bottomM, float radiusM, float heightM, std::uint32_t mask = kQueryAll) const;
    bool isPassageBlocked(PassageId p) const;
    bool isCasualtyTrapped(CasualtyId c) const;
    /// The debris that keeps a casualty trapped, as isCasualtyTrapped judges it: pieces cutting
    /// into them or over them within coverHeightM, and, when debris and walls close them in, the
    /// debris of that ring. Highest top first: the order in which rescuers lift them.
    std::vector<BodyId> debrisTrapping(CasualtyId c) const;
    /// Re-evaluates passages and casualties now (step() does it every few steps).
    void refreshBlockage();
    /// FNV-1a over every body's transform and velocities, characters and joint states.
    std::uint64_t stateHash() const;

private:
    PhysicsWorld();
    std::unique_ptr<WorldImpl> impl_;
};

}  // namespace cd::physics
