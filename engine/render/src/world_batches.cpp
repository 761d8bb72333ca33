#include "world_batches.h"

#include <algorithm>
#include <cmath>

#include <glm/common.hpp>
#include <glm/vec4.hpp>
#include <glm/vector_relational.hpp>

#include "frustum.h"

namespace cd::render {

namespace {

bool contains(const std::string& s, const char* word) { return s.find(word) != std::string::npos; }

void append(IndexRanges& list, const MeshRange& m) {
    if (!list.empty() && list.back().first + list.back().second == m.firstIndex)
        list.back().second += m.indexCount;
    else
        list.push_back({m.firstIndex, m.indexCount});
}

// The shaders hide fragments within 1 cm of a box; the CPU side uses the same margin.
constexpr float kCutMarginM = 0.01f;

bool withinRegionGaps(const glm::mat4& viewProj, const MeshRange& m) {
    const float limit = 1.0f + 2.0f * kRegionGap;
    for (int i = 0; i < 8; ++i) {
        const glm::vec3 c{(i & 1) ? m.hi.x : m.lo.x, (i & 2) ? m.hi.y : m.lo.y, (i & 4) ? m.hi.z : m.lo.z};
        const glm::vec4 p = viewProj * glm::vec4(c, 1.0f);
        if (std::abs(p.x) > limit * p.w) return false;
    }
    return true;
}

}  // namespace

void appendMeshRanges(const std::vector<gfx::LitVertex>& verts, const std::vector<std::uint32_t>& meshIndices,
                      bool coverCaster, float tileM, std::vector<std::uint32_t>& idx, std::vector<MeshRange>& out) {
    auto pos = [&](std::uint32_t i) { return glm::vec3(verts[i].position[0], verts[i].position[1], verts[i].position[2]); };
    glm::vec3 lo(1e30f), hi(-1e30f);
    for (std::uint32_t i : meshIndices) {
        lo = glm::min(lo, pos(i));
        hi = glm::max(hi, pos(i));
    }
    const std::size_t tris = meshIndices.size() / 3;
    const int nx = std::max(1, int(std::ceil((hi.x - lo.x) / tileM))), ny = std::max(1, int(std::ceil((hi.y - lo.y) / tileM)));
    if ((nx <= 2 && ny <= 2) || tris < 64) {
        out.push_back({static_cast<std::uint32_t>(idx.size()), static_cast<std::uint32_t>(meshIndices.size()), lo, hi,
                       coverCaster, true});
        idx.insert(idx.end(), meshIndices.begin(), meshIndices.end());
        return;
    }
    // Bucket triangles by the tile of their centre, then emit tile by tile.
    std::vector<std::vector<std::uint32_t>> tiles(std::size_t(nx) * std::size_t(ny));
    for (std::size_t t = 0; t < tris; ++t) {
        const glm::vec3 c = (pos(meshIndices[3 * t]) + pos(meshIndices[3 * t + 1]) + pos(meshIndices[3 * t + 2])) / 3.0f;
        const int tx = std::clamp(int((c.x - lo.x) / tileM), 0, nx - 1), ty = std::clamp(int((c.y - lo.y) / tileM), 0, ny - 1);
        tiles[std::size_t(ty) * std::size_t(nx) + std::size_t(tx)].push_back(std::uint32_t(t));
    }
    for (const auto& tile : tiles) {
        if (tile.empty()) continue;
        MeshRange r{static_cast<std::uint32_t>(idx.size()), static_cast<std::uint32_t>(tile.size() * 3), glm::vec3(1e30f),
                    glm::vec3(-1e30f), coverCaster, true};
        for (std::uint32_t t : tile)
            for (int k = 0; k < 3; ++k) {
                const std::uint32_t i = meshIndices[3 * t + std::size_t(k)];
                idx.push_back(i);
                r.lo = glm::min(r.lo, pos(i));
                r.hi = glm::max(r.hi, pos(i));
            }
        out.push_back(r);
    }
}

void markGroundSheets(std::vector<WorldBatch>& batches, float worldMinZ) {
    for (WorldBatch& b : batches)
        for (MeshRange& m : b.meshes)
            if (m.hi.z - m.lo.z < 0.3f && m.hi.z <= worldMinZ + 0.3f) m.sunCaster = false;
}

bool isCoverCaster(const std::string& name, bool districtNames) {
    if (districtNames) return name.rfind("building", 0) == 0;
    return !contains(name, "tree") && !contains(name, "foliage") && !contains(name, "vegetation");
}

bool Cutaways::hidesWhole(const MeshRange& m) const {
    for (const Aabb& b : boxes_) {
        const glm::vec3 lo = glm::min(b.min, b.max) - kCutMarginM, hi = glm::max(b.min, b.max) + kCutMarginM;
        if (glm::all(glm::greaterThanEqual(m.lo, lo)) && glm::all(glm::lessThanEqual(m.hi, hi))) return true;
    }
    return false;
}

bool Cutaways::touches(const MeshRange& m) const {
    for (const Aabb& b : boxes_) {
        const glm::vec3 lo = glm::min(b.min, b.max) - kCutMarginM, hi = glm::max(b.min, b.max) + kCutMarginM;
        if (glm::all(glm::lessThanEqual(m.lo, hi)) && glm::all(glm::greaterThanEqual(m.hi, lo))) return true;
    }
    return false;
}

void cullForView(const std::vector<WorldBatch>& batches, const glm::mat4& viewProj, WorldPart part,
                 const Cutaways& cut, ViewDrawList& out) {
    out.ranges.clear();
    out.batchEnd.clear();
    const Frustum f(viewProj);
    for (const WorldBatch& b : batches) {
        const std::size_t batchStart = out.ranges.size();
        const bool wanted = b.translucent == (part == WorldPart::Translucent);
        for (const MeshRange& m : b.meshes) {
            if (!wanted) break;
            if (part == WorldPart::Cover && !m.coverCaster) continue;
            if (!f.intersects(m.lo, m.hi) || cut.hidesWhole(m)) continue;
            // Merge only within this batch: each batch has its own push constants.
            if (out.ranges.size() > batchStart && out.ranges.back().first + out.ranges.back().second == m.firstIndex)
                out.ranges.back().second += m.indexCount;
            else
                out.ranges.push_back({m.firstIndex, m.indexCount});
        }
        out.batchEnd.push_back(out.ranges.size());
    }
}

void cullForAtlasRegion(const std::vector<WorldBatch>& batches, const glm::mat4& viewProj, WorldPart part,
                        const Cutaways& cut, AtlasDrawList& out) {
    out.depthOnly.clear();
    out.clipped.clear();
    const Frustum f(viewProj);
    for (const WorldBatch& b : batches) {
        if (b.translucent) continue;
        for (const MeshRange& m : b.meshes) {
            if (part == WorldPart::Cover ? !m.coverCaster : !m.sunCaster) continue;
            if (!f.intersects(m.lo, m.hi) || cut.hidesWhole(m)) continue;
            append(withinRegionGaps(viewProj, m) && !cut.touches(m) ? out.depthOnly : out.clipped, m);
        }
    }
}

}  // namespace cd::render
