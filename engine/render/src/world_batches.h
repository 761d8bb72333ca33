#pragma once
// The static world as the renderer keeps it (one draw per material batch, meshes as index
// ranges with bounds) and the per-frame culling that turns it into draw lists: for a view, for
// a shadow-atlas region, with cutaway boxes taken out.
#include <cstdint>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include <glm/mat4x4.hpp>
#include <glm/vec3.hpp>

#include "frame_uniforms.h"
#include "gfx/pipeline_desc.h"
#include "render/render_snapshot.h"

namespace cd::render {

/// A mesh's index range and bounds inside its material batch, for culling.
struct MeshRange {
    std::uint32_t firstIndex = 0;
    std::uint32_t indexCount = 0;
    glm::vec3 lo{0.0f}, hi{0.0f};
    bool coverCaster = true;  ///< drawn into the cover map (a roof or storey slab, not a tree)
    bool sunCaster = true;    ///< drawn into the sun cascades (not a flat sheet at the world's bottom)
};

struct WorldBatch {
    std::uint32_t firstIndex = 0;
    std::uint32_t indexCount = 0;
    std::vector<MeshRange> meshes;
    DrawConstants constants{};
    /// Glass and other see-through materials (base colour alpha < 1): drawn blended after the
    /// opaque world, and they let sunlight through (no shadow), so sun falls in through windows.
    bool translucent = false;
};

/// Which world batches a draw takes.
enum class WorldPart : std::uint8_t { Opaque, Translucent, Cover };

/// Whether a mesh makes the ground below it "indoors". Districts from district_gen name their
/// building meshes building.*; then only those count (not trees, cars or benches). Models
/// without such names (districtNames false) count everything except vegetation.
bool isCoverCaster(const std::string& meshName, bool districtNames);

/// Appends a mesh's triangles (indices already rebased into `verts`) to `idx` as one or more
/// ranges: a mesh wider than two tiles in plan (terrain, roads) is split by triangle centre into
/// tiles of tileM x tileM, so views and shadow regions cull and clip it piece by piece.
void appendMeshRanges(const std::vector<gfx::LitVertex>& verts, const std::vector<std::uint32_t>& meshIndices,
                      bool coverCaster, float tileM, std::vector<std::uint32_t>& idx, std::vector<MeshRange>& out);

/// Marks flat sheets at the very bottom of the world (a ground plane) as no sun casters: there
/// is nothing below them to shadow, and in every cascade they would cover the whole region.
void markGroundSheets(std::vector<WorldBatch>& batches, float worldMinZ);

/// (first index, index count) pairs; neighbouring meshes merge into one draw.
using IndexRanges = std::vector<std::pair<std::uint32_t, std::uint32_t>>;

/// The cutaway boxes of one frame (RenderSnapshot::hiddenBoxes, at most kMaxHiddenBoxes).
class Cutaways {
public:
    explicit Cutaways(std::span<const Aabb> boxes) : boxes_(boxes) {}
    bool empty() const { return boxes_.empty(); }
    /// The mesh lies wholly inside one box (with the shaders' 1 cm margin): skip it.
    bool hidesWhole(const MeshRange& m) const;
    /// The mesh reaches into some box: its fragments must be tested.
    bool touches(const MeshRange& m) const;

private:
    std::span<const Aabb> boxes_;
};

/// Visible index ranges per material batch for one view frustum.
struct ViewDrawList {
    IndexRanges ranges;
    std::vector<std::size_t> batchEnd;  ///< ranges.size() after each batch
};
void cullForView(const std::vector<WorldBatch>& batches, const glm::mat4& viewProj, WorldPart part,
                 const Cutaways& cut, ViewDrawList& out);

/// One shadow-atlas region's world (opaque batches, or cover casters for WorldPart::Cover):
/// meshes whose projection stays within the region and its gaps (clip x within
/// +-(1 + 2 kRegionGap)) and touch no cutaway need no fragment shader; the rest do.
struct AtlasDrawList {
    IndexRanges depthOnly;
    IndexRanges clipped;
};
void cullForAtlasRegion(const std::vector<WorldBatch>& batches, const glm::mat4& viewProj, WorldPart part,
                        const Cutaways& cut, AtlasDrawList& out);

}  // namespace cd::render
