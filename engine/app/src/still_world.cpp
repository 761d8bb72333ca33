#include "still_world.h"

#include <algorithm>
#include <limits>

#include <glm/common.hpp>

namespace cd::app {

std::optional<scenario::ScenarioDef> stillWorldScenario(const scenario::ScenarioDef& sc, const world::District& d,
                                                        const glm::vec3& startM) {
    if (sc.earthquake || d.buildings.empty()) return std::nullopt;
    const world::Building* nearest = nullptr;
    float best = std::numeric_limits<float>::max();
    for (const world::Building& b : d.buildings) {
        const glm::vec3 q = glm::clamp(startM, b.box.min, b.box.max);
        const float d2 = (q.x - startM.x) * (q.x - startM.x) + (q.y - startM.y) * (q.y - startM.y);
        if (d2 < best) {
            best = d2;
            nearest = &b;
        }
    }
    scenario::ScenarioDef out = sc;
    scenario::EarthquakeDef still;
    still.groundMotion = false;
    still.building = nearest->id;
    still.furniture = false;
    still.doors = false;
    still.source = sc.trainee.source;
    out.earthquake = still;
    return out;
}

}  // namespace cd::app
