#version 450
#include "common.glsl"
layout(location = 0) in vec3 inPos;
invariant gl_Position;  // the depth pre-pass and lit pass must agree bit for bit
layout(location = 1) in vec3 inNormal;
layout(location = 2) in vec2 inUv;
layout(location = 3) in vec4 inColor;
layout(location = 0) out vec3 vPos;
layout(location = 1) out vec3 vNormal;
layout(location = 2) out vec2 vUv;
layout(location = 3) out vec4 vColor;
void main() {
    vPos = inPos;
    vNormal = inNormal;
    vUv = inUv;
    vColor = inColor;
    gl_Position = frame.viewProj * vec4(inPos, 1.0);
}
