// Per-view uniforms and the lighting, fog and smoke terms every scene shader shares.
// Must match FrameUniforms in engine/render/src/frame_uniforms.h (std140).
#define MAX_SMOKE 32
#define MAX_FIRES 16

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

float shadowFactor(vec3 p, vec3 n) {
    if (frame.fog.z < 0.5) return 1.0;
    vec3 L = normalize(frame.sunDir.xyz);
    float texel = frame.fog.w;
    // Normal offset so flat ground does not shadow itself.
    vec4 s = frame.sunViewProj * vec4(p + n * 0.05, 1.0);
    vec3 q = s.xyz / s.w;
    vec2 uv = q.xy * 0.5 + 0.5;
    if (any(lessThan(uv, vec2(0.0))) || any(greaterThan(uv, vec2(1.0))) || q.z > 1.0) return 1.0;
    float bias = 0.0008 + 0.0015 * (1.0 - max(dot(n, L), 0.0));
    // Four bilinear comparison taps (each already a 2x2 PCF in the sampler): soft edges at
    // under half the cost of a 3x3 grid, which matters on lavapipe.
    float sum = 0.0;
    sum += texture(shadowMap, vec3(uv + vec2(-0.75, -0.75) * texel, q.z - bias));
    sum += texture(shadowMap, vec3(uv + vec2(0.75, -0.75) * texel, q.z - bias));
    sum += texture(shadowMap, vec3(uv + vec2(-0.75, 0.75) * texel, q.z - bias));
    sum += texture(shadowMap, vec3(uv + vec2(0.75, 0.75) * texel, q.z - bias));
    return sum * 0.25;
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
