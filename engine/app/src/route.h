#pragma once
// Walking routes for scripted trainees: along the district's walk graph (rooms, doors,
// stairs, exits) from where the body stands to a named place.
#include <string>
#include <vector>

#include <glm/vec3.hpp>

#include "world/walk_graph.h"

namespace cd::app {

/// Waypoints from `from` (in `fromRoom`, nullptr outdoors) to the place `to`
/// ("room:<id>", "door:<id>", "exit:<id>", "assembly:<id>"), ending at goalM.
/// Falls back to a straight line when the graph has no path.
std::vector<glm::vec3> routeBetween(const world::WalkGraph& graph, const world::District& district, const glm::vec3& from,
                                    const world::Room* fromRoom,
                                    const std::string& to, const glm::vec3& goalM);

}  // namespace cd::app
