#version 450
// Flood water: murky translucent body, Schlick Fresnel sky reflection, rippled normal, sun glint.
#include "common.glsl"
layout(push_constant) uniform Draw { vec4 baseColor; vec4 emissive; } draw;
layout(location = 0) in vec3 vPos;
layout(location = 1) in vec3 vNormal;
layout(location = 2) in vec2 vUv;
layout(location = 3) in vec4 vColor;
layout(location = 0) out vec4 outColor;
void main() {
    float t = frame.eyeTime.w;
    vec3 eye = frame.eyeTime.xyz;
    vec3 V = normalize(eye - vPos);
    vec2 p = vPos.xy;
    // Wind ripples: a few crossing wave trains, small and fast on top of long and slow.
    vec2 g = vec2(0.0);
    g += 0.05 * vec2(cos(p.x * 1.7 + t * 1.3), cos(p.y * 1.9 + t * 1.6));
    g += 0.04 * vec2(cos(dot(p, vec2(2.3, 1.1)) - t * 2.1), cos(dot(p, vec2(-1.3, 2.7)) + t * 1.7));
    g += 0.03 * vec2(cos(dot(p, vec2(6.1, -4.3)) + t * 3.3), cos(dot(p, vec2(4.7, 5.9)) - t * 2.9));
    vec3 N = normalize(vec3(g, 1.0));
    vec3 L = normalize(frame.sunDir.xyz);
    float cosv = max(dot(N, V), 0.0);
    float fresnel = 0.02 + 0.98 * pow(1.0 - cosv, 5.0);
    vec3 refl = skyColor(reflect(-V, N));
    float sh = shadowFactor(vPos, vec3(0.0, 0.0, 1.0));
    vec3 body = draw.baseColor.rgb * vColor.rgb *
                (frame.sunColor.rgb * frame.sunDir.w * max(dot(N, L), 0.0) * sh + frame.groundColor.w * frame.skyHorizon.rgb);
    float glint = pow(max(dot(N, normalize(L + V)), 0.0), 200.0) * 4.0 * sh;
    refl *= 0.7;  // murky water reflects less than a mirror-flat Fresnel surface
    vec3 c = mix(body, refl, fresnel) + frame.sunColor.rgb * glint;
    c += fireLightAt(vPos, N) * 0.3;
    float alpha = clamp(mix(vColor.a, 1.0, fresnel), 0.0, 1.0);
    c = applyFog(c, vPos);
    c = applySmoke(c, vPos);
    outColor = vec4(toneMap(c), alpha);
}
