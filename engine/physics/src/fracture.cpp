#include <algorithm>
#include <cmath>
#include <numeric>
#include <string>

#include "core/rng.h"
#include "physics/column_buckling.h"
#include "physics/structure_def.h"

namespace cd::physics {
namespace {

constexpr int kMaxChunks = 200000;

std::string memberField(std::size_t i, const char* member) {
    return "members[" + std::to_string(i) + "]." + member;
}

/// Split positions along one axis of length 2*half centred at c: n pieces, inner planes jittered.
std::vector<float> splitPlanes(float c, float half, int n, float jitter, Rng& rng) {
    std::vector<float> planes(static_cast<std::size_t>(n) + 1);
    const float lo = c - half;
    const float cell = 2.0f * half / static_cast<float>(n);
    for (int k = 0; k <= n; ++k) {
        float p = lo + cell * static_cast<float>(k);
        if (k > 0 && k < n) p += cell * jitter * static_cast<float>(rng.uniform(-1.0, 1.0));
        planes[static_cast<std::size_t>(k)] = p;
    }
    planes.back() = c + half;  // exact outer faces so neighbouring members still touch
    return planes;
}

float overlap(float aMin, float aMax, float bMin, float bMax) { return std::min(aMax, bMax) - std::max(aMin, bMin); }

}  // namespace

float sectionFill(const MemberDef& m) {
    if (m.material.fireCurve != FireCurve::Steel || m.sectionFactorPerM <= 0.0f) return 1.0f;
    if (m.kind != MemberKind::Column && m.kind != MemberKind::Beam) return 1.0f;
    float e[3] = {2.0f * m.halfExtentsM.x, 2.0f * m.halfExtentsM.y, 2.0f * m.halfExtentsM.z};
    std::sort(e, e + 3);
    const float b = e[0], h = e[1];
    return std::min(1.0f, (2.0f * h + 4.0f * b) / (m.sectionFactorPerM * b * h));
}

float memberJointStrengthPa(const MemberDef& m) { return m.material.jointStrengthPa * sectionFill(m); }

float memberBearingStrengthPa(const MemberDef& m) {
    return memberJointStrengthPa(m) * m.material.bearingRatio * static_cast<float>(coldColumnReduction(m));
}

Result<FracturedStructure> fractureStructure(const StructureDef& def) {
    if (def.members.empty()) return makeError("structure '" + def.name + "' has no geometry", def.source, 0, "members");
    if (!(def.chunkSizeM >= 0.1f && def.chunkSizeM <= 50.0f))
        return makeError("must be in [0.1, 50] m", def.source, 0, "chunkSizeM");
    if (!(def.jitter >= 0.0f && def.jitter <= 0.45f)) return makeError("must be in [0, 0.45]", def.source, 0, "jitter");
    if (!(def.designPgaG >= 0.0f && def.designPgaG <= 2.0f))
        return makeError("must be in [0, 2] g", def.source, 0, "designPgaG");
    if (!(def.buildingHeightM >= 0.0f && def.buildingHeightM <= 1000.0f))
        return makeError("must be in [0, 1000] m", def.source, 0, "buildingHeightM");
    if (!std::isfinite(def.buildingBaseZM)) return makeError("must be a finite height", def.source, 0, "buildingBaseZM");
    if (!(def.touchToleranceM > 0.0f && def.touchToleranceM < 0.2f))
        return makeError("must be in (0, 0.2) m", def.source, 0, "touchToleranceM");

    FracturedStructure out;
    std::vector<float> strength, bearing;  // per chunk: its member's joint strengths
    Rng root(def.seed, 0x66726163ULL);
    for (std::size_t mi = 0; mi < def.members.size(); ++mi) {
        const MemberDef& m = def.members[mi];
        for (int a = 0; a < 3; ++a) {
            if (!std::isfinite(m.centerM[a]) || !std::isfinite(m.halfExtentsM[a]) || !(m.halfExtentsM[a] >= 0.005f) ||
                m.halfExtentsM[a] > 500.0f)
                return makeError("half extents must be finite, in [0.005, 500] m", def.source, 0,
                                 memberField(mi, "halfExtentsM"));
        }
        if (auto s = validateMaterial(m.material, memberField(mi, "material"), def.source); !s) return s.error();
        if (!std::isfinite(m.sectionFactorPerM) || m.sectionFactorPerM < 0.0f || m.sectionFactorPerM > 1000.0f)
            return makeError("must be in [0, 1000] m^-1 (0: the box's own)", def.source, 0, memberField(mi, "sectionFactorPerM"));
        if (!std::isfinite(m.rebarAxisM) || m.rebarAxisM < 0.005f || m.rebarAxisM > 0.2f)
            return makeError("must be in [0.005, 0.2] m", def.source, 0, memberField(mi, "rebarAxisM"));
        if (!std::isfinite(m.fireBucklingLengthFactor) || m.fireBucklingLengthFactor <= 0.0f || m.fireBucklingLengthFactor > 1.0f)
            return makeError("must be in (0, 1]", def.source, 0, memberField(mi, "fireBucklingLengthFactor"));
        Rng rng = root.fork(mi);
        int n[3];
        std::vector<float> planes[3];
        for (int a = 0; a < 3; ++a) {
            n[a] = std::max(1, static_cast<int>(std::lround(2.0f * m.halfExtentsM[a] / def.chunkSizeM)));
            planes[a] = splitPlanes(m.centerM[a], m.halfExtentsM[a], n[a], def.jitter, rng);
        }
        if (out.chunks.size() + static_cast<std::size_t>(n[0]) * n[1] * n[2] > kMaxChunks)
            return makeError("more than 200000 chunks; raise chunkSizeM", def.source, 0, "chunkSizeM");
        for (int k = 0; k < n[2]; ++k)
            for (int j = 0; j < n[1]; ++j)
                for (int i = 0; i < n[0]; ++i) {
                    const glm::vec3 lo(planes[0][i], planes[1][j], planes[2][k]);
                    const glm::vec3 hi(planes[0][i + 1], planes[1][j + 1], planes[2][k + 1]);
                    ChunkDef c;
                    c.member = static_cast<int>(mi);
                    c.storey = m.storey;
                    c.kind = m.kind;
                    c.centerM = 0.5f * (lo + hi);
                    c.halfExtentsM = 0.5f * (hi - lo);
                    out.chunks.push_back(c);
                    strength.push_back(memberJointStrengthPa(m));
                    bearing.push_back(memberBearingStrengthPa(m));
                }
    }

    auto capacity = [&](const std::vector<float>& of, int a, int b, float area) {
        const float sa = of[static_cast<std::size_t>(a)];
        const float sb = b < 0 ? 0.0f : of[static_cast<std::size_t>(b)];
        // The weaker side fails first; 0 means unbreakable, so it does not win the minimum.
        const float s = (sa > 0.0f && sb > 0.0f) ? std::min(sa, sb) : std::max(sa, sb);
        return s * area;
    };

    // Sweep and prune along x: touching faces become joints, in a deterministic order.
    const float tol = def.touchToleranceM;
    const float minOverlap = 0.02f;
    std::vector<int> order(out.chunks.size());
    std::iota(order.begin(), order.end(), 0);
    auto minX = [&](int c) { return out.chunks[c].centerM.x - out.chunks[c].halfExtentsM.x; };
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return minX(a) < minX(b); });
    std::vector<std::pair<int, int>> pairs;
    for (std::size_t oi = 0; oi < order.size(); ++oi) {
        const ChunkDef& A = out.chunks[order[oi]];
        const glm::vec3 aLo = A.centerM - A.halfExtentsM, aHi = A.centerM + A.halfExtentsM;
        for (std::size_t oj = oi + 1; oj < order.size(); ++oj) {
            const ChunkDef& B = out.chunks[order[oj]];
            const glm::vec3 bLo = B.centerM - B.halfExtentsM, bHi = B.centerM + B.halfExtentsM;
            if (bLo.x > aHi.x + tol) break;
            for (int axis = 0; axis < 3; ++axis) {
                const int u = (axis + 1) % 3, v = (axis + 2) % 3;
                const bool touch = std::abs(aHi[axis] - bLo[axis]) <= tol || std::abs(bHi[axis] - aLo[axis]) <= tol;
                if (!touch) continue;
                const float ou = overlap(aLo[u], aHi[u], bLo[u], bHi[u]);
                const float ov = overlap(aLo[v], aHi[v], bLo[v], bHi[v]);
                if (ou < minOverlap || ov < minOverlap) continue;
                JointDef j;
                j.chunkA = std::min(order[oi], order[oj]);
                j.chunkB = std::max(order[oi], order[oj]);
                const float face = std::abs(aHi[axis] - bLo[axis]) <= tol ? 0.5f * (aHi[axis] + bLo[axis])
                                                                           : 0.5f * (bHi[axis] + aLo[axis]);
                j.pointM[axis] = face;
                j.pointM[u] = 0.5f * (std::max(aLo[u], bLo[u]) + std::min(aHi[u], bHi[u]));
                j.pointM[v] = 0.5f * (std::max(aLo[v], bLo[v]) + std::min(aHi[v], bHi[v]));
                j.areaM2 = ou * ov;
                j.axis = axis;
                j.faceMinM = std::min(ou, ov);
                j.capacityN = capacity(strength, j.chunkA, j.chunkB, j.areaM2);
                j.bearingCapacityN = capacity(bearing, j.chunkA, j.chunkB, j.areaM2);
                j.storey = std::min(out.chunks[j.chunkA].storey, out.chunks[j.chunkB].storey);
                out.joints.push_back(j);
                break;
            }
        }
    }
    // Joints to the ground for chunks standing on groundZM.
    for (std::size_t c = 0; c < out.chunks.size(); ++c) {
        const ChunkDef& ch = out.chunks[c];
        if (std::abs(ch.centerM.z - ch.halfExtentsM.z - def.groundZM) > tol) continue;
        JointDef j;
        j.chunkA = static_cast<int>(c);
        j.chunkB = -1;
        j.pointM = glm::vec3(ch.centerM.x, ch.centerM.y, def.groundZM);
        j.areaM2 = 4.0f * ch.halfExtentsM.x * ch.halfExtentsM.y;
        j.axis = 2;
        j.faceMinM = 2.0f * std::min(ch.halfExtentsM.x, ch.halfExtentsM.y);
        j.capacityN = capacity(strength, j.chunkA, -1, j.areaM2);
        j.bearingCapacityN = capacity(bearing, j.chunkA, -1, j.areaM2);
        j.storey = ch.storey;
        out.joints.push_back(j);
    }
    // Canonical order, independent of the sort above.
    std::stable_sort(out.joints.begin(), out.joints.end(), [](const JointDef& a, const JointDef& b) {
        return a.chunkA != b.chunkA ? a.chunkA < b.chunkA : a.chunkB < b.chunkB;
    });
    return out;
}

}  // namespace cd::physics
