#version 450
// Opaque surfaces: Lambert sun with PCF shadows, hemispherical ambient, Blinn specular,
// fire light, then fog and smoke along the view ray.
#include "common.glsl"
layout(push_constant) uniform Draw {
    vec4 baseColor;  // linear rgba, multiplied by the vertex colour
    vec4 emissive;   // rgb emitted light, w = specular strength
} draw;
layout(location = 0) in vec3 vPos;
layout(location = 1) in vec3 vNormal;
layout(location = 2) in vec2 vUv;
layout(location = 3) in vec4 vColor;
layout(location = 0) out vec4 outColor;
void main() {
    vec3 eye = frame.eyeTime.xyz;
    vec3 V = normalize(eye - vPos);
    vec3 N = normalize(vNormal);
    if (dot(N, V) < 0.0) N = -N;  // two-sided: district meshes are not reliably wound
    vec3 L = normalize(frame.sunDir.xyz);
    vec3 albedo = draw.baseColor.rgb * vColor.rgb;
    float ndl = max(dot(N, L), 0.0);
    float sh = ndl > 0.0 ? shadowFactor(vPos, N) : 0.0;
    vec3 sun = frame.sunColor.rgb * frame.sunDir.w * ndl * sh;
    vec3 skyAmb = mix(frame.skyHorizon.rgb, frame.skyZenith.rgb, 0.5);
    vec3 hemi = mix(frame.groundColor.rgb, skyAmb, N.z * 0.5 + 0.5) * frame.groundColor.w;
    vec3 H = normalize(L + V);
    float spec = pow(max(dot(N, H), 0.0), 48.0) * draw.emissive.w * sh * step(0.0, ndl);
    vec3 c = albedo * (sun + hemi + fireLightAt(vPos, N)) + frame.sunColor.rgb * frame.sunDir.w * spec + draw.emissive.rgb;
    c = applyFog(c, vPos);
    c = applySmoke(c, vPos);
    outColor = vec4(toneMap(c), 1.0);
}
