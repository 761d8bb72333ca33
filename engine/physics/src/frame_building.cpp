#include "physics/structure_def.h"

namespace cd::physics {

StructureDef makeFrameBuilding(const FrameBuildingParams& p) {
    StructureDef s;
    s.name = "frame_building";
    s.chunkSizeM = p.chunkSizeM;
    s.seed = p.seed;
    s.groundZM = p.originM.z;
    s.designPgaG = p.designPgaG;
    const float X = static_cast<float>(p.baysX) * p.bayM;
    const float Y = static_cast<float>(p.baysY) * p.bayM;
    const float c = p.columnSideM;
    const float t = p.slabThicknessM;
    const float clear = p.storeyHeightM - t;  // column and wall height between slabs
    for (int k = 0; k < p.storeys; ++k) {
        const float z0 = p.originM.z + static_cast<float>(k) * p.storeyHeightM;
        // Columns on the bay grid, from this floor to the underside of the slab above.
        for (int j = 0; j <= p.baysY; ++j)
            for (int i = 0; i <= p.baysX; ++i) {
                MemberDef m;
                m.kind = MemberKind::Column;
                m.storey = k;
                m.centerM = p.originM + glm::vec3(static_cast<float>(i) * p.bayM, static_cast<float>(j) * p.bayM, 0.0f);
                m.centerM.z = z0 + 0.5f * clear;
                m.halfExtentsM = glm::vec3(0.5f * c, 0.5f * c, 0.5f * clear);
                m.material = p.frame;
                // Continuous through the slabs of a frame braced by its walls, each storey a fire
                // compartment: EN 1993-1-2 4.2.3.2(5), 0.5 of the height in an intermediate storey,
                // 0.7 in the top one, and 0.7 in the ground storey too (continuous at its head only,
                // as the top storey at its foot; the standard names no figure for it).
                if (p.perimeterWalls && p.storeys > 1) m.fireBucklingLengthFactor = (k == 0 || k == p.storeys - 1) ? 0.7f : 0.5f;
                s.members.push_back(m);
            }
        // Perimeter infill walls between columns, centred on the column lines.
        if (p.perimeterWalls) {
            for (int side = 0; side < 2; ++side) {
                const float y = p.originM.y + (side == 0 ? 0.0f : Y);
                for (int i = 0; i < p.baysX; ++i) {
                    MemberDef m;
                    m.kind = MemberKind::Wall;
                    m.storey = k;
                    m.centerM = glm::vec3(p.originM.x + (static_cast<float>(i) + 0.5f) * p.bayM, y, z0 + 0.5f * clear);
                    m.halfExtentsM = glm::vec3(0.5f * (p.bayM - c), 0.5f * p.wallThicknessM, 0.5f * clear);
                    m.material = p.infill;
                    s.members.push_back(m);
                }
                const float x = p.originM.x + (side == 0 ? 0.0f : X);
                for (int j = 0; j < p.baysY; ++j) {
                    MemberDef m;
                    m.kind = MemberKind::Wall;
                    m.storey = k;
                    m.centerM = glm::vec3(x, p.originM.y + (static_cast<float>(j) + 0.5f) * p.bayM, z0 + 0.5f * clear);
                    m.halfExtentsM = glm::vec3(0.5f * p.wallThicknessM, 0.5f * (p.bayM - c), 0.5f * clear);
                    m.material = p.infill;
                    s.members.push_back(m);
                }
            }
        }
        // The slab over this storey covers the whole plan including the column faces.
        MemberDef slab;
        slab.kind = MemberKind::Slab;
        slab.storey = k;
        slab.centerM = glm::vec3(p.originM.x + 0.5f * X, p.originM.y + 0.5f * Y, z0 + clear + 0.5f * t);
        slab.halfExtentsM = glm::vec3(0.5f * X + 0.5f * c, 0.5f * Y + 0.5f * c, 0.5f * t);
        slab.material = p.frame;
        s.members.push_back(slab);
    }
    return s;
}

}  // namespace cd::physics
