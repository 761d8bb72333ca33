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

glm::mat4 sunViewProj(const ViewDesc& v, const glm::vec3& toSun, float shadowDistanceM, const glm::vec3& worldMin,
                      const glm::vec3& worldMax, unsigned shadowMapSize) {
    const ViewMatrices m = viewMatrices(v);
    const float aspect = v.height ? float(v.width) / float(v.height) : 1.0f;
    const float tanY = std::tan(glm::radians(v.verticalFovDeg) * 0.5f), tanX = tanY * aspect;
    const float dist = std::min(shadowDistanceM, v.farM);
    // Box around the frustum slice [near, dist], then clipped to the world (plus margin).
    glm::vec3 lo(1e30f), hi(-1e30f);
    for (float d : {v.nearM, dist})
        for (float sx : {-1.0f, 1.0f})
            for (float sy : {-1.0f, 1.0f}) {
                glm::vec3 p = v.eye + m.forward * d + m.right * (sx * tanX * d) + m.up * (sy * tanY * d);
                lo = glm::min(lo, p);
                hi = glm::max(hi, p);
            }
    if (worldMax.x > worldMin.x) {
        lo = glm::max(lo, worldMin - 2.0f);
        hi = glm::min(hi, worldMax + 2.0f);
        lo.z = worldMin.z - 1.0f;
        hi.z = worldMax.z + 1.0f;
        if (hi.x <= lo.x || hi.y <= lo.y) {  // looking away from the world: cover it all
            lo = worldMin - 2.0f;
            hi = worldMax + 2.0f;
        }
    }
    glm::vec3 centre = 0.5f * (lo + hi);
    float radius = std::max(0.5f * glm::length(hi - lo), 1.0f);
    glm::vec3 L = glm::normalize(toSun);
    glm::vec3 up = std::abs(L.z) > 0.99f ? glm::vec3(0, 1, 0) : glm::vec3(0, 0, 1);
    glm::mat4 lightView = glm::lookAtRH(centre + L * radius * 2.0f, centre, up);
    // Snap the centre to whole texels in light space.
    const float texel = 2.0f * radius / float(shadowMapSize);
    glm::vec4 c = lightView * glm::vec4(centre, 1.0f);
    glm::vec2 snap = glm::vec2(std::floor(c.x / texel) * texel, std::floor(c.y / texel) * texel);
    glm::mat4 proj = glm::orthoRH_ZO(snap.x - radius, snap.x + radius, snap.y - radius, snap.y + radius, 0.0f,
                                     radius * 4.0f);
    return proj * lightView;
}

}  // namespace cd::render
