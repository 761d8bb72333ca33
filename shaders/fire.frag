#version 450
// Flame billboards, drawn additively: a flickering tongue shape from value noise, white-yellow
// core to red edges. vColor.rgb = brightness (from HRR), vColor.a = per-fire seed.
#include "common.glsl"
layout(location = 0) in vec3 vPos;
layout(location = 1) in vec3 vNormal;
layout(location = 2) in vec2 vUv;
layout(location = 3) in vec4 vColor;
layout(location = 0) out vec4 outColor;

float hash(vec2 p) { return fract(sin(dot(p, vec2(127.1, 311.7))) * 43758.5453); }
float noise(vec2 p) {
    vec2 i = floor(p), f = fract(p);
    vec2 u = f * f * (3.0 - 2.0 * f);
    return mix(mix(hash(i), hash(i + vec2(1, 0)), u.x), mix(hash(i + vec2(0, 1)), hash(i + vec2(1, 1)), u.x), u.y);
}
float fbm(vec2 p) { return 0.55 * noise(p) + 0.3 * noise(p * 2.1) + 0.15 * noise(p * 4.3); }

void main() {
    float t = frame.eyeTime.w;
    float seed = vColor.a * 97.0;
    float x = vUv.x * 2.0 - 1.0;  // -1..1 across
    float y = vUv.y;              // 0 at the base, 1 at the top
    float n = fbm(vec2(x * 2.0 + seed, y * 3.0 - t * 2.2));
    float xw = x + (n - 0.5) * 0.6 * y;
    float width = (1.0 - pow(y, 1.2)) * (0.7 + 0.5 * n);
    float body = smoothstep(width, width * 0.35, abs(xw));
    body *= smoothstep(0.0, 0.06, y) * smoothstep(1.0, 0.45 + 0.3 * n, y);
    float core = body * smoothstep(0.65, 0.1, y) * smoothstep(0.5, 0.0, abs(xw));
    vec3 c = mix(vec3(0.9, 0.18, 0.02), vec3(1.0, 0.62, 0.15), body);
    c = mix(c, vec3(1.0, 0.95, 0.75), core);
    vec3 eye = frame.eyeTime.xyz;
    vec3 d = vPos - eye;
    float dist = length(d);
    float T = smokeAlong(eye, d / max(dist, 1e-4), dist).a;
    outColor = vec4(toneMap(c * body * vColor.rgb * 2.5) * T, 1.0);
}
