#include "view_math.h"

#include <algorithm>
#include <cmath>

#include <glm/gtc/matrix_transform.hpp>
#include <glm/geometric.hpp>

namespace cd::render {

ViewMatrices viewMatrices(const ViewDesc& v) {
    ViewMatrices m{};
    glm::vec3 fwd;
    if (v.lookAt) {
        fwd = v.target - v.eye;
        if (glm::length(fwd) < 1e-6f) fwd = {1.0f, 0.0f, 0.0f};
        fwd = glm::normalize(fwd);
    } else {
        const float yaw = glm::radians(v.yawDeg), pitch = glm::radians(v.pitchDeg);
        fwd = {std::cos(pitch) * std::cos(yaw), std::cos(pitch) * std::sin(yaw), std::sin(pitch)};
    }
    glm::vec3 worldUp{0.0f, 0.0f, 1.0f};
    if (std::abs(glm::dot(fwd, worldUp)) > 0.999f) worldUp = {0.0f, 1.0f, 0.0f};
    m.forward = fwd;
    m.right = glm::normalize(glm::cross(fwd, worldUp));
    m.up = glm::cross(m.right, fwd);
    m.view = glm::lookAtRH(v.eye, v.eye + fwd, worldUp);
    const float aspect = v.height ? float(v.width) / float(v.height) : 1.0f;
    m.proj = glm::perspectiveRH_ZO(glm::radians(v.verticalFovDeg), aspect, v.nearM, v.farM);
    m.proj[1][1] *= -1.0f;  // Vulkan's y points down
    m.viewProj = m.proj * m.view;
    return m;
}

SunCascade sunCascade(const ViewDesc& v, const glm::vec3& toSun, float sliceNearM, float sliceFarM,
                      const glm::vec3& worldMin, const glm::vec3& worldMax, unsigned shadowMapSize, bool clipToWorld) {
    const ViewMatrices m = viewMatrices(v);
    const float aspect = v.height ? float(v.width) / float(v.height) : 1.0f;
    const float tanY = std::tan(glm::radians(v.verticalFovDeg) * 0.5f), tanX = tanY * aspect;
    const bool haveWorld = worldMax.x > worldMin.x;
    glm::vec3 centre;
    float radius;
    if (clipToWorld && haveWorld) {
        // Box around the slice, clipped to the world (plus margin), then its bounding sphere.
        glm::vec3 lo(1e30f), hi(-1e30f);
        for (float d : {sliceNearM, sliceFarM})
            for (float sx : {-1.0f, 1.0f})
                for (float sy : {-1.0f, 1.0f}) {
                    glm::vec3 p = v.eye + m.forward * d + m.right * (sx * tanX * d) + m.up * (sy * tanY * d);
                    lo = glm::min(lo, p);
                    hi = glm::max(hi, p);
                }
        lo = glm::max(lo, worldMin - 2.0f);
        hi = glm::min(hi, worldMax + 2.0f);
        lo.z = worldMin.z - 1.0f;
        hi.z = worldMax.z + 1.0f;
        if (hi.x <= lo.x || hi.y <= lo.y) {  // looking away from the world: cover it all
            lo = worldMin - 2.0f;
            hi = worldMax + 2.0f;
        }
        centre = 0.5f * (lo + hi);
        radius = 0.5f * glm::length(hi - lo);
    } else {
        // Sphere through the slice's far corners, centred on the view axis: the same size for
        // every camera orientation.
        const float farHalfDiag2 = (tanX * tanX + tanY * tanY) * sliceFarM * sliceFarM;
        const float nearHalfDiag2 = (tanX * tanX + tanY * tanY) * sliceNearM * sliceNearM;
        // Centre at distance c along the axis, equidistant from near and far corners (clamped to the slice).
        float c = 0.5f * (sliceNearM + sliceFarM) + 0.5f * (farHalfDiag2 - nearHalfDiag2) / std::max(sliceFarM - sliceNearM, 1e-3f);
        c = std::clamp(c, sliceNearM, sliceFarM);
        centre = v.eye + m.forward * c;
        radius = std::sqrt((sliceFarM - c) * (sliceFarM - c) + farHalfDiag2);
        radius = std::max(radius, std::sqrt((c - sliceNearM) * (c - sliceNearM) + nearHalfDiag2));
    }
    radius = std::max(radius, 1.0f);
    const glm::vec3 L = glm::normalize(toSun);
    const glm::vec3 up = std::abs(L.z) > 0.99f ? glm::vec3(0, 1, 0) : glm::vec3(0, 0, 1);
    // Light space anchored at the world origin (a pure rotation), so snapping the centre to whole
    // texels there moves the map in texel steps only.
    const glm::mat4 lightView = glm::lookAtRH(L, glm::vec3(0.0f), up);
    const float texel = 2.0f * radius / float(shadowMapSize);
    const glm::vec4 c = lightView * glm::vec4(centre, 1.0f);
    const glm::vec2 snap(std::floor(c.x / texel) * texel, std::floor(c.y / texel) * texel);
    // Depth: from the sun side of the world (or the slice) to the far side of the slice.
    float zNear = -c.z - radius, zFar = -c.z + radius;  // distances along -z in light space
    if (haveWorld) {
        for (int i = 0; i < 8; ++i) {
            const glm::vec3 corner{(i & 1) ? worldMax.x : worldMin.x, (i & 2) ? worldMax.y : worldMin.y,
                                   (i & 4) ? worldMax.z : worldMin.z};
            zNear = std::min(zNear, -(lightView * glm::vec4(corner, 1.0f)).z);
        }
    }
    zNear -= 1.0f;
    zFar += 1.0f;
    SunCascade out;
    out.viewProj = glm::orthoRH_ZO(snap.x - radius, snap.x + radius, snap.y - radius, snap.y + radius, zNear, zFar) *
                   lightView;
    out.texelM = texel;
    out.depthRangeM = zFar - zNear;
    return out;
}

glm::mat4 coverViewProj(const ViewDesc& v, float halfSizeM, const glm::vec3& worldMin, const glm::vec3& worldMax,
                        unsigned mapSize) {
    const float texel = 2.0f * halfSizeM / float(mapSize);
    const float cx = std::floor(v.eye.x / texel) * texel, cy = std::floor(v.eye.y / texel) * texel;
    float top = worldMax.z + 1.0f, bottom = worldMin.z - 1.0f;
    if (!(worldMax.z > worldMin.z)) {
        top = v.eye.z + 100.0f;
        bottom = v.eye.z - 100.0f;
    }
    const float range = top - bottom;
    // clip = ((x - cx) / h, (y - cy) / h, (top - z) / range, 1)
    glm::mat4 m(0.0f);
    m[0][0] = 1.0f / halfSizeM;
    m[1][1] = 1.0f / halfSizeM;
    m[2][2] = -1.0f / range;
    m[3][0] = -cx / halfSizeM;
    m[3][1] = -cy / halfSizeM;
    m[3][2] = top / range;
    m[3][3] = 1.0f;
    return m;
}

}  // namespace cd::render
