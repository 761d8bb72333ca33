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

/// One orthographic sun shadow map and what the shaders need to bias lookups into it.
struct SunCascade {
    glm::mat4 viewProj{1.0f};
    float texelM = 1.0f;       ///< world size of one shadow texel
    float depthRangeM = 1.0f;  ///< metres from depth 0 to depth 1
};

/// Orthographic sun projection covering the view frustum slice [sliceNearM, sliceFarM]; with
/// clipToWorld the slice's box is first clipped to the world bounds (a far cascade over a small
/// district). The depth range spans the whole world along the sun direction so every caster
/// between the sun and the slice is in it. The square is a bounding sphere of the slice (its size
/// does not change as the camera turns) snapped to whole texels, so shadows do not shimmer.
SunCascade sunCascade(const ViewDesc& v, const glm::vec3& toSun, float sliceNearM, float sliceFarM,
                      const glm::vec3& worldMin, const glm::vec3& worldMax, unsigned shadowMapSize, bool clipToWorld);

/// Top-down orthographic map of a square halfSizeM around the eye (snapped to texels), depth 0
/// at the world's top and 1 at its bottom: its depth at (x, y) is the highest surface there.
glm::mat4 coverViewProj(const ViewDesc& v, float halfSizeM, const glm::vec3& worldMin, const glm::vec3& worldMax,
                        unsigned mapSize);

}  // namespace cd::render
