#pragma once
// Camera and sun matrices (Vulkan clip space: depth 0..1, y down).
#include <glm/mat4x4.hpp>
#include <glm/vec3.hpp>

#include "render/render_snapshot.h"

namespace cd::render {

struct ViewMatrices {
    glm::mat4 view;
    glm::mat4 proj;
    glm::mat4 viewProj;
    glm::vec3 forward;
    glm::vec3 right;
    glm::vec3 up;
};

ViewMatrices viewMatrices(const ViewDesc& v);

/// Orthographic sun projection covering the part of the view frustum within shadowDistanceM,
/// clipped to the world bounds; snapped to shadow texels so shadows do not shimmer.
glm::mat4 sunViewProj(const ViewDesc& v, const glm::vec3& toSun, float shadowDistanceM, const glm::vec3& worldMin,
                      const glm::vec3& worldMax, unsigned shadowMapSize);

}  // namespace cd::render
