#pragma once
// CPU-built geometry for the snapshot's dynamic overlays, rebuilt every frame into one
// vertex/index stream with a batch per pipeline: people and routes (lit), water (blended),
// flames (additive billboards).
#include <cstdint>
#include <vector>

#include <glm/vec4.hpp>

#include "gfx/pipeline_desc.h"
#include "render/render_snapshot.h"

namespace cd::render {

enum class OverlayPipeline : std::uint8_t { Lit, Water, Fire };

struct OverlayBatch {
    OverlayPipeline pipeline = OverlayPipeline::Lit;
    std::uint32_t firstIndex = 0;
    std::uint32_t indexCount = 0;
    glm::vec4 baseColor{1.0f};
    glm::vec4 emissive{0.0f};
};

struct OverlayGeometry {
    std::vector<gfx::LitVertex> vertices;
    std::vector<std::uint32_t> indices;
    std::vector<OverlayBatch> batches;

    void clear();
    void addPeople(const std::vector<PersonMarker>& people);
    void addRoutes(const std::vector<RoutePolyline>& routes);
    void addWater(const WaterGrid& grid);
    void addBoxes(const std::vector<BoxInstance>& boxes);
    void addFires(const std::vector<FireSource>& fires);
};

/// Linear colour packed for the RGBA8 vertex attribute.
std::uint32_t packColor(const glm::vec4& c);

/// Flame brightness from heat release rate: grows slowly (log) so 50 kW and 5 MW both read.
float flameBrightness(float hrrKw);

}  // namespace cd::render
