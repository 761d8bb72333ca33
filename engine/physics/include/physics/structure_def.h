#pragma once
/// A building or storey as axis-aligned members (walls, slabs, columns, beams), and its
/// deterministic fracture into chunks joined by breakable joints.
#include <cstdint>
#include <string>
#include <vector>

#include <glm/vec3.hpp>

#include "core/result.h"
#include "physics/material.h"

namespace cd::physics {

enum class MemberKind { Wall, Slab, Column, Beam };

struct MemberDef {
    MemberKind kind = MemberKind::Wall;
    int storey = 0;
    glm::vec3 centerM{0.0f};
    glm::vec3 halfExtentsM{0.5f};  ///< members touch their neighbours face to face, no overlap
    Material material = materials::concrete();
    /// Heating in a fire (physics/member_heating.h). Steel: A_m/V of the real section (m^-1;
    /// 0: the box's own, perimeter over area, right for a solid bar, far too low for an I-section,
    /// whose 100-300 m^-1 heats it in minutes). Concrete slabs and beams: the axis distance of the
    /// bottom reinforcement from the heated face (EN 1992-1-2 Table 5.8 asks 10-30 mm for R30-R90).
    float sectionFactorPerM = 0.0f;
    float rebarAxisM = 0.025f;
    /// A steel column's buckling length in fire over its height (EN 1993-1-2 4.2.3.2(5)): in a
    /// braced frame whose storeys are separate fire compartments a column continuous through the
    /// floors buckles between the cooler storeys above and below that hold it, 0.5 of its height
    /// in an intermediate storey and 0.7 in the top one; 1 (pinned ends) otherwise. Cold it keeps
    /// its whole height (EN 1993-1-1). (0, 1].
    float fireBucklingLengthFactor = 1.0f;
};

/// The share of a member's box that is material: 1, except for a steel column or beam with a
/// section factor, an I-section in its box. Its heated perimeter is about 2 h + 4 b (the web's
/// two faces and the flanges' four; b the flange width, the box's narrower side across the
/// member, h the depth, the wider), so its area is (2 h + 4 b) / (A_m/V); HE 300 B: 155 cm2
/// against the tables' 149, IPE 300: 55.6 against 53.8. The chunks of the member weigh and hold
/// that share of the box's steel (mass and joint strength), not the solid box's.
float sectionFill(const MemberDef& m);

/// A joint's strength (Pa over the shared face) on a member's side: tension and shear, its
/// material's times sectionFill; bearing, that times the material's bearing ratio and, for a
/// steel or timber column, its cold buckling reduction (physics/column_buckling.h).
float memberJointStrengthPa(const MemberDef& m);
float memberBearingStrengthPa(const MemberDef& m);

/// The gas on a member's two faces in a fire (PhysicsWorld::heatStructure): front is the face
/// towards -x or -y along a wall's thickness and the underside of a slab; columns and beams take
/// the hotter of the two all round.
struct MemberGas {
    float frontC = 20.0f;
    float backC = 20.0f;
};

struct StructureDef {
    std::string name;
    std::string source;            ///< file, for error messages
    std::vector<MemberDef> members;
    float chunkSizeM = 1.5f;       ///< target chunk edge; members split into about this size
    float jitter = 0.25f;          ///< split planes move up to this fraction of a chunk
    std::uint64_t seed = 1;
    float groundZM = 0.0f;         ///< chunks whose bottom lies here are jointed to the ground
    float touchToleranceM = 0.01f; ///< faces closer than this are in contact
    /// The structure is sized to survive this peak ground acceleration (in g) on top of its
    /// dead load; 0 = gravity only (an old, non-seismic building).
    float designPgaG = 0.3f;
    /// The building the structure is part of, for the earthquake's lateral force profile
    /// (1 + z/H with z above the building's base and H its height, as EN 1998-1 4.3.3.2.3
    /// measures heights from the foundation): its base and height. buildingHeightM 0: the
    /// structure is the whole building, from groundZM to its top.
    float buildingBaseZM = 0.0f;
    float buildingHeightM = 0.0f;
    /// Chunks that come loose in the same load-flow pass stay bonded (breakable constraints) and
    /// fall as clusters; false: every loose chunk falls on its own (cheaper, the older model).
    bool bondLooseChunks = true;
};

struct ChunkDef {
    int member = 0;
    int storey = 0;
    MemberKind kind = MemberKind::Wall;
    glm::vec3 centerM{0.0f};
    glm::vec3 halfExtentsM{0.5f};
};

/// A joint across a shared face. chunkB = -1: the ground.
struct JointDef {
    int chunkA = 0;
    int chunkB = -1;
    glm::vec3 pointM{0.0f};   ///< centre of the shared face
    float areaM2 = 0.0f;
    float capacityN = 0.0f;   ///< min joint strength of the two materials x area; 0 = unbreakable
    float bearingCapacityN = 0.0f;  ///< the same in bearing (Material::bearingRatio)
    int storey = 0;           ///< the lower chunk's storey (fire weakening acts per storey)
    int axis = 2;             ///< the face normal's axis (0 x, 1 y, 2 z)
    float faceMinM = 0.0f;    ///< the face's smaller side, for its bending capacity
};

struct FracturedStructure {
    std::vector<ChunkDef> chunks;
    std::vector<JointDef> joints;
};

/// Splits every member into chunks (split planes jittered from the seed) and joins touching
/// chunks. Errors: no members, degenerate member, bad material (field "members[i]...").
Result<FracturedStructure> fractureStructure(const StructureDef& def);

/// A reinforced-concrete frame: columns on a bay grid, slabs, perimeter masonry walls.
struct FrameBuildingParams {
    glm::vec3 originM{0.0f};   ///< south-west corner at ground level
    int storeys = 10;
    int baysX = 4;
    int baysY = 2;
    float bayM = 5.0f;
    float storeyHeightM = 3.5f;
    float slabThicknessM = 0.25f;
    float columnSideM = 0.4f;
    float wallThicknessM = 0.2f;
    bool perimeterWalls = true;
    float chunkSizeM = 1.5f;
    std::uint64_t seed = 1;
    float designPgaG = 0.3f;   ///< see StructureDef::designPgaG
    Material frame = materials::concrete();
    Material infill = materials::masonry();
};

StructureDef makeFrameBuilding(const FrameBuildingParams& p);

}  // namespace cd::physics
