#pragma once
/// Settings struct in, pipeline out: what a draw pipeline needs, without Vulkan types.
#include <cstdint>
#include <string>

namespace cd::gfx {

/// Which pass a pipeline draws in. Pipelines of a pass share its attachment formats.
enum class PassKind : std::uint8_t {
    Scene,   ///< sRGB colour + depth, possibly multisampled
    Shadow,  ///< depth only (sun shadow map)
};

/// Vertex formats the engine uses. Lit: gfx::LitVertex below.
enum class VertexLayout : std::uint8_t { None, Lit };

enum class BlendMode : std::uint8_t { Opaque, Alpha, Additive };

/// The one vertex format of scene geometry (36 bytes): position, normal, uv, RGBA8 colour.
struct LitVertex {
    float position[3];
    float normal[3];
    float uv[2];
    std::uint32_t colorRgba8;  ///< linear colour packed R | G<<8 | B<<16 | A<<24
};

/// Every pipeline shares one layout: set 0 (uniform block + shadow map) and 128 bytes of
/// push constants visible to both stages, so globals stay bound across pipeline switches.
struct PipelineDesc {
    std::string vertexShader;     ///< path of a .spv file (see shaderPath)
    std::string fragmentShader;   ///< empty for depth-only pipelines
    PassKind pass = PassKind::Scene;
    std::uint32_t samples = 1;    ///< must match the targets it draws into
    VertexLayout vertexLayout = VertexLayout::Lit;
    BlendMode blend = BlendMode::Opaque;
    bool depthTest = true;
    bool depthWrite = true;
    bool cullBackFaces = false;   ///< district meshes are not reliably closed or wound, so off by default
    bool depthBias = false;       ///< slope-scaled bias for shadow casters
    bool colorWrite = true;       ///< false for a depth-only pre-pass in a scene pass
    bool depthEqual = false;      ///< LESS_OR_EQUAL by default; EQUAL after a depth pre-pass
};

}  // namespace cd::gfx
