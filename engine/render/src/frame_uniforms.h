#pragma once
// The per-view uniform block, laid out like `Frame` in shaders/common.glsl (std140: mat4 and
// vec4 members only, so C++ and GLSL offsets agree without padding rules).
#include <glm/mat4x4.hpp>
#include <glm/vec4.hpp>

namespace cd::render {

constexpr int kMaxSmoke = 32;
constexpr int kMaxFireLights = 16;

struct GpuSmokeVolume {
    glm::vec4 boxMin;  // w = interface z
    glm::vec4 boxMax;  // w = extinction (1/m)
    glm::vec4 color;
};

struct GpuFireLight {
    glm::vec4 posRadius;
    glm::vec4 color;
};

struct FrameUniforms {
    glm::mat4 viewProj;
    glm::mat4 invViewProj;
    glm::mat4 sunViewProj;
    glm::vec4 eyeTime;
    glm::vec4 sunDir;
    glm::vec4 sunColor;
    glm::vec4 skyZenith;
    glm::vec4 skyHorizon;
    glm::vec4 groundColor;
    glm::vec4 fog;
    glm::vec4 counts;
    glm::vec4 camRight;
    glm::vec4 camUp;
    GpuSmokeVolume smoke[kMaxSmoke];
    GpuFireLight fires[kMaxFireLights];
};

static_assert(sizeof(FrameUniforms) == 3 * 64 + 10 * 16 + kMaxSmoke * 48 + kMaxFireLights * 32,
              "FrameUniforms must match the std140 block in shaders/common.glsl");

/// Push constants of lit.frag / water.frag.
struct DrawConstants {
    glm::vec4 baseColor;
    glm::vec4 emissive;  // w = specular strength
};

}  // namespace cd::render
