#include <algorithm>
#include <cmath>

#include <glm/common.hpp>
#include <glm/trigonometric.hpp>

#include "render/render_snapshot.h"

namespace cd::render {

void applyTimeOfDay(RenderSnapshot& s, float hours) {
    // Sun on a tilted daily circle: rises in the east at 6, highest (~60 deg) to the south at 12.
    const float h = std::fmod(std::fmod(hours, 24.0f) + 24.0f, 24.0f);
    const float angle = glm::radians((h - 6.0f) * 15.0f);
    glm::vec3 dir{std::cos(angle), -0.45f * std::sin(angle), std::sin(angle) * 0.87f};
    const float elevation = dir.z;  // roughly sin(elevation)
    const float day = std::clamp(elevation * 4.0f + 0.2f, 0.0f, 1.0f);
    const float low = std::clamp(1.0f - elevation * 2.5f, 0.0f, 1.0f);  // warm light near the horizon
    s.sun.direction = elevation > -0.05f ? dir : glm::vec3(-dir.x, -dir.y, -dir.z * 0.5f);  // moon opposite
    s.sun.color = glm::mix(glm::vec3(1.0f, 0.96f, 0.88f), glm::vec3(1.0f, 0.62f, 0.35f), low);
    s.sun.intensity = elevation > -0.05f ? 2.6f * day : 0.15f;
    if (elevation <= -0.05f) s.sun.color = {0.55f, 0.65f, 0.9f};
    s.sky.zenith = glm::mix(glm::vec3(0.01f, 0.015f, 0.04f), glm::vec3(0.06f, 0.16f, 0.48f), day);
    s.sky.horizon = glm::mix(glm::vec3(0.03f, 0.04f, 0.08f),
                             glm::mix(glm::vec3(0.46f, 0.58f, 0.74f), glm::vec3(0.95f, 0.6f, 0.4f), low * 0.7f), day);
    s.sky.ambient = 0.15f + 0.4f * day;
}

}  // namespace cd::render
