#pragma once
// The per-view uniform block, laid out like `Frame` in shaders/common.glsl (std140: mat4 and
// vec4 members only, so C++ and GLSL offsets agree without padding rules).
#include <glm/mat4x4.hpp>
#include <glm/vec4.hpp>

namespace cd::render {

constexpr int kMaxSmoke = 32;
constexpr int kMaxFireLights = 16;
constexpr int kMaxHidden = 16;  // == kMaxHiddenBoxes in render_snapshot.h

/// The shadow atlas: one depth image, three square regions side by side (left to right) with a
/// gap of a quarter region between neighbours. A mesh reaching at most that far past a region's
/// side edge only spills into the gap, so it can be drawn without a clipping fragment shader.
enum ShadowRegion : int {
    kRegionNearCascade = 0,  // sun shadows close to view 0's eye (fine texels)
    kRegionFarCascade = 1,   // sun shadows out to RendererDesc::shadowDistanceM
    kRegionCover = 2,        // top-down depth around the eye: "is there a roof over this point?"
    kRegionCount = 3,
};
constexpr float kRegionGap = 0.25f;  // gap between regions, in region widths

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
    glm::mat4 sunViewProjNear;  // near cascade (sunViewProj above is the far one)
    glm::mat4 coverViewProj;    // top-down orthographic map around the eye
    glm::vec4 shadowParams;     // x, y = near, far cascade texel (m); z, w = their depth ranges (m)
    glm::vec4 atlasParams;      // x = region side (texels), y = 1 / x, z = hidden boxes, w = cover texel (m)
    glm::vec4 interiorLight;    // rgb = ceiling-light colour x intensity, w = open-sky share indoors
    glm::vec4 interiorSurface;  // x = lowest albedo of a ceiling indoors
    glm::vec4 atlasLayout;      // x = region width, y = region pitch (both in atlas u), z = pitch (texels)
    glm::vec4 hiddenMin[kMaxHidden];
    glm::vec4 hiddenMax[kMaxHidden];
    GpuSmokeVolume smoke[kMaxSmoke];
    GpuFireLight fires[kMaxFireLights];
};

static_assert(sizeof(FrameUniforms) == 5 * 64 + 15 * 16 + 2 * kMaxHidden * 16 + kMaxSmoke * 48 + kMaxFireLights * 32,
              "FrameUniforms must match the std140 block in shaders/common.glsl");

/// Push constants of lit.frag / water.frag.
struct DrawConstants {
    glm::vec4 baseColor;
    glm::vec4 emissive;             // w = specular strength
    glm::vec4 flags{0.0f};          // x = 1: static world (cutaway boxes apply)
};

/// Push constants of shadow.vert / shadow.frag.
struct ShadowConstants {
    glm::vec4 region;  // x = ShadowRegion, y = 1: static world (cutaway boxes apply)
};

}  // namespace cd::render
