#pragma once
// Which door the trainee's "open or close" works on (the desktop's E key): the one within reach
// that they face, not merely the nearest (a stairwell's exit and its corridor door can be the
// same distance away).
#include <glm/vec3.hpp>

#include "world/district.h"

namespace cd::app {

/// How far from a door's centre line (horizontally) it can be worked: a step and an arm.
constexpr float kDoorReachM = 1.6f;

/// The door on feetM's floor within kDoorReachM whose centre lies closest to the view heading
/// yawDeg (0 = +x, counter-clockwise), within 75 degrees of it; a door the trainee stands in
/// (within 0.6 m) counts whichever way they face. nullptr when none.
const world::Door* facedDoor(const world::District& district, const glm::vec3& feetM, float yawDeg);

/// The same for windows (their centre at sill height, on feetM's floor): the one within
/// kDoorReachM of the feet, in plan, that the trainee faces. nullptr when none.
const world::Window* facedWindow(const world::District& district, const glm::vec3& feetM, float yawDeg);
/// Whether someone standing at feetM can work the window: within kDoorReachM of it in plan,
/// and its sill at most 1 m below the feet and 2.5 m above them (their floor).
bool windowInReach(const world::Window& window, const glm::vec3& feetM);
/// Whether someone standing at feetM can work the door: within kDoorReachM of its centre in plan,
/// on its floor (within 1 m).
bool doorInReach(const world::Door& door, const glm::vec3& feetM);

}  // namespace cd::app
