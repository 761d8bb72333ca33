#include "faced_door.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace cd::app {
namespace {

// A window's centre is at its sill: on the feet's floor it lies up to this far above them.
constexpr float kWindowBelowM = 1.0f, kWindowAboveM = 2.5f;

/// Of the openings (doors or windows) whose centre lies between belowM and aboveM over the feet
/// (their floor) and within kDoorReachM in plan, the one whose centre lies closest to the view
/// heading, within 75 degrees of it; one within 0.6 m counts whichever way the trainee faces.
template <class Opening>
const Opening* faced(const std::vector<Opening>& openings, const glm::vec3& feetM, float yawDeg, float belowM, float aboveM) {
    constexpr float kInDoorwayM = 0.6f;
    const float cosLimit = std::cos(75.0f * 0.0174533f);
    const glm::vec3 view(std::cos(yawDeg * 0.0174533f), std::sin(yawDeg * 0.0174533f), 0.0f);
    const Opening* best = nullptr;
    float bestCost = 0.0f;
    for (const Opening& d : openings) {
        const glm::vec3 v = d.centerM - feetM;
        if (v.z < -belowM || v.z > aboveM) continue;  // another floor
        const float dist = std::sqrt(v.x * v.x + v.y * v.y);
        if (dist > kDoorReachM) continue;
        const float c = dist > 1e-4f ? (v.x * view.x + v.y * view.y) / dist : 1.0f;
        if (dist > kInDoorwayM && c < cosLimit) continue;
        // Straight ahead costs its distance; off to the side up to three times as much.
        const float cost = dist * (1.0f + 2.0f * (1.0f - std::max(c, 0.0f)));
        if (!best || cost < bestCost) {
            best = &d;
            bestCost = cost;
        }
    }
    return best;
}

}  // namespace

const world::Door* facedDoor(const world::District& district, const glm::vec3& feetM, float yawDeg) {
    return faced(district.doors, feetM, yawDeg, 1.0f, 1.0f);
}

const world::Window* facedWindow(const world::District& district, const glm::vec3& feetM, float yawDeg) {
    return faced(district.windows, feetM, yawDeg, kWindowBelowM, kWindowAboveM);
}

bool doorInReach(const world::Door& door, const glm::vec3& feetM) {
    const glm::vec3 v = door.centerM - feetM;
    return std::sqrt(v.x * v.x + v.y * v.y) <= kDoorReachM && std::fabs(v.z) <= 1.0f;
}

bool windowInReach(const world::Window& window, const glm::vec3& feetM) {
    const glm::vec3 v = window.centerM - feetM;
    return std::sqrt(v.x * v.x + v.y * v.y) <= kDoorReachM && v.z >= -kWindowBelowM && v.z <= kWindowAboveM;
}

}  // namespace cd::app
