#pragma once
// Outside an earthquake the trainee's body is still the physics capsule (walls, stair flights,
// rails, terrain and the other buildings stop it): the session builds the building's physics
// world on a still ground, as `[earthquake] ground_motion = false` without furniture would.
#include <optional>

#include <glm/vec3.hpp>

#include "scenario/scenario_def.h"
#include "world/district.h"

namespace cd::app {

/// A copy of the scenario with a still [earthquake] for the building the trainee starts in (the
/// nearest one when they start outdoors); nullopt when the scenario has its own [earthquake] or
/// the district has no buildings (the walls-as-gaps body then walks alone).
std::optional<scenario::ScenarioDef> stillWorldScenario(const scenario::ScenarioDef& sc, const world::District& d,
                                                        const glm::vec3& startM);

}  // namespace cd::app
