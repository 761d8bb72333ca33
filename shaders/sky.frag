#version 450
#include "common.glsl"
layout(push_constant) uniform Draw { vec4 viewport; } draw;  // xy = target size in pixels
layout(location = 0) out vec4 outColor;
void main() {
    vec2 ndc = gl_FragCoord.xy / draw.viewport.xy * 2.0 - 1.0;
    vec4 far = frame.invViewProj * vec4(ndc, 1.0, 1.0);
    vec3 eye = frame.eyeTime.xyz;
    vec3 dir = normalize(far.xyz / far.w - eye);
    vec3 c = skyColor(dir);
    vec4 s = smokeAlong(eye, dir, 1e5);
    outColor = vec4(toneMap(c * s.a + s.rgb), 1.0);
}
