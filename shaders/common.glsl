// Per-view uniforms and the lighting, fog and smoke terms every scene shader shares.
// Must match FrameUniforms in engine/render/src/frame_uniforms.h (std140).
#define MAX_SMOKE 32
#define MAX_FIRES 16
#define MAX_HIDDEN 16
// Shadow atlas regions, left to right with gaps between (ShadowRegion in frame_uniforms.h).
#define REGION_NEAR 0.0
#define REGION_FAR 1.0
#define REGION_COVER 2.0
#define REGION_COUNT 3.0

struct SmokeVolume {
    vec4 boxMin;  // xyz box corner, w = smoke layer interface height z (clear air below)
    vec4 boxMax;  // xyz box corner, w = extinction coefficient (1/m)
    vec4 color;   // rgb apparent smoke colour (linear)
};
struct FireLight {
    vec4 posRadius;  // xyz flame centre, w = flame radius (m)
    vec4 color;      // rgb linear colour x intensity
};

layout(set = 0, binding = 0, std140) uniform Frame {
    mat4 viewProj;
    mat4 invViewProj;
    mat4 sunViewProj;
    vec4 eyeTime;      // xyz eye, w = time (s)
    vec4 sunDir;       // xyz towards the sun, w = intensity
    vec4 sunColor;
    vec4 skyZenith;
    vec4 skyHorizon;
    vec4 groundColor;  // rgb, w = ambient strength
    vec4 fog;          // x = density (1/m), y = fog height falloff (1/m), z = shadows on, w = shadow texel
    vec4 counts;       // x = smoke volumes, y = fires
    vec4 camRight;
    vec4 camUp;
    mat4 sunViewProjNear;  // near sun cascade (sunViewProj is the far one)
    mat4 coverViewProj;    // top-down map around the eye: depth = highest surface
    vec4 shadowParams;     // x, y = near, far cascade texel (m); z, w = their depth ranges (m)
    vec4 atlasParams;      // x = region side (texels), y = 1 / x, z = cutaway boxes, w = cover texel (m)
    vec4 interiorLight;    // rgb = ceiling-light colour x intensity, w = open-sky share indoors
    vec4 interiorSurface;  // x = lowest albedo of a ceiling indoors
    vec4 atlasLayout;      // x = region width, y = region pitch (both in atlas u), z = pitch (texels)
    vec4 hiddenMin[MAX_HIDDEN];
    vec4 hiddenMax[MAX_HIDDEN];
    SmokeVolume smoke[MAX_SMOKE];
    FireLight fires[MAX_FIRES];
} frame;

layout(set = 0, binding = 1) uniform sampler2DShadow shadowMap;

vec3 skyColor(vec3 dir) {
    vec3 L = normalize(frame.sunDir.xyz);
    float up = dir.z;
    vec3 c;
    if (up >= 0.0) {
        c = mix(frame.skyHorizon.rgb, frame.skyZenith.rgb, pow(clamp(up, 0.0, 1.0), 0.45));
    } else {
        // Below the horizon (beyond the district's edge): hazy distant land, not a void.
        vec3 land = mix(vec3(0.10, 0.13, 0.08), frame.skyHorizon.rgb, 0.35) * (0.4 + 0.6 * min(frame.sunDir.w, 1.0));
        c = mix(frame.skyHorizon.rgb, land, clamp(-up * 6.0, 0.0, 1.0));
    }
    float s = max(dot(dir, L), 0.0);
    c += frame.sunColor.rgb * (pow(s, 8.0) * 0.25 + pow(s, 64.0) * 0.5) * min(frame.sunDir.w, 2.0);
    return c;
}

// Smoke: each volume is clear below its interface height and uniformly smoky above it, so the
// segment of the ray inside the smoky part gives optical depth tau = K * length (Beer-Lambert).
// Returns rgb in-scattered colour and a = transmittance along [0, tMax].
vec4 smokeAlong(vec3 ro, vec3 rd, float tMax) {
    vec3 col = vec3(0.0);
    float T = 1.0;
    int n = int(frame.counts.x);
    vec3 inv = 1.0 / (rd + vec3(equal(rd, vec3(0.0))) * 1e-6);
    for (int i = 0; i < n; ++i) {
        SmokeVolume v = frame.smoke[i];
        vec3 bmin = vec3(v.boxMin.xy, max(v.boxMin.z, v.boxMin.w));
        vec3 bmax = v.boxMax.xyz;
        if (bmax.z <= bmin.z) continue;
        vec3 t0 = (bmin - ro) * inv;
        vec3 t1 = (bmax - ro) * inv;
        vec3 tn = min(t0, t1);
        vec3 tf = max(t0, t1);
        float a = max(max(max(tn.x, tn.y), tn.z), 0.0);
        float b = min(min(min(tf.x, tf.y), tf.z), tMax);
        if (b <= a) continue;
        float alpha = 1.0 - exp(-v.boxMax.w * (b - a));
        vec3 c = v.color.rgb;
        // Flames below light the smoke from inside (orange glow).
        vec3 mid = ro + rd * (0.5 * (a + b));
        int nf = int(frame.counts.y);
        for (int f = 0; f < nf; ++f) {
            float d = distance(mid, frame.fires[f].posRadius.xyz);
            c += frame.fires[f].color.rgb * 0.15 / (1.0 + 0.15 * d * d);
        }
        col += T * alpha * c;
        T *= 1.0 - alpha;
    }
    return vec4(col, T);
}

// Cutaways: true where the static world must not be drawn (within 1 cm of a hidden box).
bool insideHidden(vec3 p) {
    int n = int(frame.atlasParams.z);
    for (int i = 0; i < n; ++i) {
        if (all(greaterThanEqual(p, frame.hiddenMin[i].xyz - 0.01)) && all(lessThanEqual(p, frame.hiddenMax[i].xyz + 0.01)))
            return true;
    }
    return false;
}

// One comparison tap in an atlas region; uv is the region's own 0..1, kept half a texel inside
// so bilinear filtering never reads the neighbouring region.
float atlasTap(float region, vec2 uv, float ref) {
    float h = 0.5 * frame.atlasParams.y;
    uv = clamp(uv, vec2(h), vec2(1.0 - h));
    return texture(shadowMap, vec3(region * frame.atlasLayout.y + uv.x * frame.atlasLayout.x, uv.y, ref));
}

// One sun cascade's visibility at p (1 = lit); -1 where the cascade does not cover p (to within
// `margin` of its edge, in region uv). Acne and leaks are kept off by, in world units of the
// cascade's texel: a normal offset (grows as the sun grazes the surface), a constant depth bias
// and a slope-scaled one (the depth change across the filter footprint, tan of the incidence
// angle). Four bilinear comparison taps (each already a 2x2 PCF in the sampler) give a
// 3x3-texel soft edge for the cost of four lookups, which matters on lavapipe.
float cascadeShadow(mat4 sunVP, float region, float texelM, float rangeM, vec3 p, vec3 n, float sinT, float tanT,
                    float margin, out float edge) {
    vec4 s = sunVP * vec4(p + n * texelM * (0.75 + 1.25 * sinT), 1.0);
    vec2 uv = s.xy * 0.5 + 0.5;
    edge = max(abs(uv.x - 0.5), abs(uv.y - 0.5)) * 2.0;  // 0 at the centre, 1 at the edge
    if (any(lessThan(uv, vec2(margin))) || any(greaterThan(uv, vec2(1.0 - margin))) || s.z > 1.0 || s.z < 0.0)
        return -1.0;
    float ref = s.z - texelM * (0.5 + 0.75 * tanT) / rangeM;
    float t = frame.atlasParams.y * 0.75;
    float sum = atlasTap(region, uv + vec2(-t, -t), ref) + atlasTap(region, uv + vec2(t, -t), ref) +
                atlasTap(region, uv + vec2(-t, t), ref) + atlasTap(region, uv + vec2(t, t), ref);
    return sum * 0.25;
}

// Sun visibility (1 = lit): the near cascade (a few cm per texel) where it covers the point, the
// far one beyond, cross-faded over the near cascade's outer tenth so the seam does not show.
float shadowFactor(vec3 p, vec3 n) {
    if (frame.fog.z < 0.5) return 1.0;
    vec3 L = normalize(frame.sunDir.xyz);
    float ndl = clamp(dot(n, L), 0.0, 1.0);
    float sinT = sqrt(1.0 - ndl * ndl);
    float tanT = min(sinT / max(ndl, 0.05), 4.0);
    float edge;
    float nearLit = cascadeShadow(frame.sunViewProjNear, REGION_NEAR, frame.shadowParams.x, frame.shadowParams.z, p, n,
                                  sinT, tanT, 3.0 * frame.atlasParams.y, edge);
    if (nearLit >= 0.0 && edge < 0.88) return nearLit;
    float farEdge;
    float farLit = cascadeShadow(frame.sunViewProj, REGION_FAR, frame.shadowParams.y, frame.shadowParams.w, p, n,
                                 sinT, tanT, 0.0, farEdge);
    if (farLit < 0.0) farLit = 1.0;  // beyond the shadow distance: lit
    if (nearLit < 0.0) return farLit;
    return mix(nearLit, farLit, smoothstep(0.88, 0.98, edge));
}

// Indoors (0..1): some static surface lies above the point, from the top-down cover map. Walls
// are probed a little in front of their face (so an outside wall reads as outdoors), and the
// probe starts 8 cm above the point, less than any floor slab is thick.
float indoorFactor(vec3 p, vec3 n) {
    vec3 probe = p + vec3(n.xy * max(3.0 * frame.atlasParams.w, 0.2), 0.08);
    vec4 c = frame.coverViewProj * vec4(probe, 1.0);
    vec2 uv = c.xy * 0.5 + 0.5;
    if (any(lessThan(uv, vec2(0.0))) || any(greaterThan(uv, vec2(1.0))) || c.z < 0.0) return 0.0;
    return 1.0 - atlasTap(REGION_COVER, uv, c.z);
}

// Ambient light: a sky/ground hemisphere outdoors (the ground bounce includes the sunlit
// ground, so undersides of eaves are not black); indoors (the cover map's indoor factor, 0..1)
// most of the open sky is replaced by the ceiling lights: floors get all of it, walls 65 % (a
// little more on the sunny side), ceilings 50 % (bounced from below).
vec3 ambientLight(vec3 n, float indoor) {
    vec3 L = normalize(frame.sunDir.xyz);
    float amb = frame.groundColor.w;
    vec3 skyAmb = mix(frame.skyHorizon.rgb, frame.skyZenith.rgb, 0.5) * amb;
    vec3 bounce = frame.groundColor.rgb * (amb + 0.3 * frame.sunDir.w * max(L.z, 0.0));
    vec3 hemi = mix(bounce, skyAmb, n.z * 0.5 + 0.5);
    // Walls facing the sun's side of the sky get a little more daylight through the windows
    // than those facing away, so a room's walls are not all one flat tone.
    vec2 sunSide = length(L.xy) > 1e-3 ? normalize(L.xy) : vec2(0.0);
    float facing = n.z >= 0.0 ? mix(0.65, 1.0, n.z) : mix(0.65, 0.5, -n.z);
    facing += 0.12 * dot(n.xy, sunSide);
    vec3 lamps = frame.interiorLight.rgb * facing;
    return mix(hemi, hemi * frame.interiorLight.w + lamps, indoor);
}

// A ceiling indoors shows a finished surface, not the roofing membrane of a slab drawn with
// one material on both sides (InteriorLighting::ceilingAlbedoMin).
vec3 interiorAlbedo(vec3 albedo, vec3 n, float indoor) {
    float ceiling = indoor * smoothstep(-0.5, -0.9, n.z);
    return mix(albedo, max(albedo, vec3(frame.interiorSurface.x)), ceiling);
}

vec3 fireLightAt(vec3 p, vec3 n) {
    vec3 sum = vec3(0.0);
    int nf = int(frame.counts.y);
    for (int f = 0; f < nf; ++f) {
        vec3 d = frame.fires[f].posRadius.xyz - p;
        float dist = length(d);
        float ndl = max(dot(n, d / max(dist, 1e-3)), 0.0) * 0.8 + 0.2;
        sum += frame.fires[f].color.rgb * ndl / (1.0 + dist * dist);
    }
    return sum;
}

// Distance fog thickening towards the ground, tinted like the horizon.
vec3 applyFog(vec3 c, vec3 p) {
    vec3 eye = frame.eyeTime.xyz;
    float dist = distance(p, eye);
    float h = max(0.5 * (p.z + eye.z), 0.0);
    float density = frame.fog.x * exp(-frame.fog.y * h);
    float f = 1.0 - exp(-density * dist);
    return mix(c, frame.skyHorizon.rgb, clamp(f, 0.0, 1.0));
}

vec3 applySmoke(vec3 c, vec3 p) {
    vec3 eye = frame.eyeTime.xyz;
    vec3 d = p - eye;
    float dist = length(d);
    vec4 s = smokeAlong(eye, d / max(dist, 1e-4), dist);
    return c * s.a + s.rgb;
}

// Filmic curve (Narkowicz's ACES fit) so a 2.5x sun keeps colour instead of clipping to white.
vec3 toneMap(vec3 c) {
    c *= 0.9;
    return clamp((c * (2.51 * c + 0.03)) / (c * (2.43 * c + 0.59) + 0.14), 0.0, 1.0);
}
