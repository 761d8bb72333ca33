#version 450
// Keeps a shadow-atlas draw inside its region (the vertex shader squeezed the whole projection
// there, but triangles reaching past the projection's edge would spill into the neighbour),
// and leaves cut-away parts of the static world out of shadows and cover.
#include "common.glsl"
layout(push_constant) uniform Caster {
    vec4 region;
} caster;
layout(location = 0) in vec3 vPos;
void main() {
    float lo = caster.region.x * frame.atlasLayout.z;
    if (gl_FragCoord.x < lo || gl_FragCoord.x >= lo + frame.atlasParams.x) discard;
    if (caster.region.y > 0.5 && insideHidden(vPos)) discard;
}
