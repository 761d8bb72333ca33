#version 450
// Depth pre-pass: the same transform as lit.vert, so EQUAL depth tests match exactly.
#include "common.glsl"
layout(location = 0) in vec3 inPos;
layout(location = 0) out vec3 vPos;  // for depth_cutaway.frag
invariant gl_Position;  // the depth pre-pass and lit pass must agree bit for bit
void main() {
    vPos = inPos;
    gl_Position = frame.viewProj * vec4(inPos, 1.0);
}
