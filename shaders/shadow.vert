#version 450
// Shadow atlas: each draw goes to one square region of the depth image (ShadowRegion):
// the near or far sun cascade, or the top-down cover map.
#include "common.glsl"
layout(push_constant) uniform Caster {
    vec4 region;  // x = region, y = 1: static world (cutaway boxes apply)
} caster;
layout(location = 0) in vec3 inPos;
layout(location = 0) out vec3 vPos;
void main() {
    vPos = inPos;
    mat4 m = caster.region.x < 0.5 ? frame.sunViewProjNear : caster.region.x < 1.5 ? frame.sunViewProj : frame.coverViewProj;
    vec4 c = m * vec4(inPos, 1.0);
    // Squeeze clip x into the region's part of the atlas (orthographic: w = 1): atlas
    // u = region * pitch + (x / w * 0.5 + 0.5) * width.
    float u = caster.region.x * frame.atlasLayout.y + (c.x / c.w * 0.5 + 0.5) * frame.atlasLayout.x;
    c.x = (2.0 * u - 1.0) * c.w;
    gl_Position = c;
}
