#include "faced_door.h"

#include <cmath>

namespace cd::app {

const world::Door* facedDoor(const world::District& district, const glm::vec3& feetM, float yawDeg) {
    constexpr float kInDoorwayM = 0.6f;
    const float cosLimit = std::cos(75.0f * 0.0174533f);
    const glm::vec3 view(std::cos(yawDeg * 0.0174533f), std::sin(yawDeg * 0.0174533f), 0.0f);
    const world::Door* best = nullptr;
    float bestCost = 0.0f;
    for (const world::Door& d : district.doors) {
        const glm::vec3 v = d.centerM - feetM;
        if (std::fabs(v.z) > 1.0f) continue;  // another floor
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

}  // namespace cd::app
