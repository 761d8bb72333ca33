#version 450
// Surfaces: Lambert sun with cascaded PCF shadows, ambient (sky/ground hemisphere outdoors,
// ceiling lights indoors), Blinn specular, fire light, then fog and smoke along the view ray.
// Also glass (alpha from the material) and the static world's cutaways.
#include "common.glsl"
layout(push_constant) uniform Draw {
    vec4 baseColor;  // linear rgba, multiplied by the vertex colour
    vec4 emissive;   // rgb emitted light, w = specular strength
    vec4 flags;      // x = 1: static world, hidden inside cutaway boxes
} draw;
layout(location = 0) in vec3 vPos;
layout(location = 1) in vec3 vNormal;
layout(location = 2) in vec2 vUv;
layout(location = 3) in vec4 vColor;
layout(location = 0) out vec4 outColor;
void main() {
    if (draw.flags.x > 0.5 && insideHidden(vPos)) discard;
    vec3 eye = frame.eyeTime.xyz;
    vec3 V = normalize(eye - vPos);
    vec3 N = normalize(vNormal);
    if (dot(N, V) < 0.0) N = -N;  // two-sided: district meshes are not reliably wound
    vec3 L = normalize(frame.sunDir.xyz);
    float indoor = indoorFactor(vPos, N);
    vec3 albedo = draw.baseColor.rgb * vColor.rgb;
    if (draw.flags.x > 0.5) albedo = interiorAlbedo(albedo, N, indoor);  // the district's own ceilings
    float ndl = max(dot(N, L), 0.0);
    float sh = ndl > 0.0 ? shadowFactor(vPos, N) : 0.0;
    vec3 sun = frame.sunColor.rgb * frame.sunDir.w * ndl * sh;
    vec3 amb = ambientLight(N, indoor);
    vec3 H = normalize(L + V);
    float spec = pow(max(dot(N, H), 0.0), 48.0) * draw.emissive.w * sh * step(0.0, ndl);
    vec3 c = albedo * (sun + amb + fireLightAt(vPos, N)) + frame.sunColor.rgb * frame.sunDir.w * spec + draw.emissive.rgb;
    float alpha = draw.baseColor.a * vColor.a;
    if (alpha < 0.99) {
        // Glass: Schlick Fresnel reflection of the sky, strong at grazing angles (windows seen
        // along a facade mirror the sky; seen head-on they show the room behind).
        float fresnel = 0.04 + 0.96 * pow(1.0 - max(dot(N, V), 0.0), 5.0);
        c = mix(c, skyColor(reflect(-V, N)) * 0.8, fresnel);
        alpha = mix(alpha, 1.0, fresnel);
    }
    c = applyFog(c, vPos);
    c = applySmoke(c, vPos);
    outColor = vec4(toneMap(c), alpha);
}
