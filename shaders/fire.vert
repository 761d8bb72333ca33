#version 450
// Cylindrical flame billboards: each vertex carries the flame base (inPos), its corner in uv
// and the flame radius/height in inNormal.xy; the quad turns about z to face the camera.
#include "common.glsl"
layout(location = 0) in vec3 inPos;
layout(location = 1) in vec3 inNormal;
layout(location = 2) in vec2 inUv;
layout(location = 3) in vec4 inColor;
layout(location = 0) out vec3 vPos;
layout(location = 1) out vec3 vNormal;
layout(location = 2) out vec2 vUv;
layout(location = 3) out vec4 vColor;
void main() {
    vec3 right = frame.camRight.xyz;
    right.z = 0.0;
    right = length(right) > 1e-3 ? normalize(right) : vec3(1.0, 0.0, 0.0);
    vec3 p = inPos + right * (inUv.x * 2.0 - 1.0) * inNormal.x + vec3(0.0, 0.0, 1.0) * inUv.y * inNormal.y;
    vPos = p;
    vNormal = vec3(0.0, 0.0, 1.0);
    vUv = inUv;
    vColor = inColor;
    gl_Position = frame.viewProj * vec4(p, 1.0);
}
