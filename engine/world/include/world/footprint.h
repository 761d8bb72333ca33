#pragma once
/// Building footprints in the ground plane: whether a straight outdoor walk between two
/// points runs into a building. Buildings are axis-aligned boxes (Building::box), so a
/// footprint is a rectangle and the test is a segment-rectangle clip (Liang and Barsky 1984).
#include <glm/vec2.hpp>
#include <glm/vec3.hpp>

#include "world/district.h"

namespace cd::world {

/// How far a footprint is shrunk before testing: a walk along a wall (or grazing a corner)
/// stays clear, one through the building does not.
inline constexpr float kFootprintInsetM = 0.05f;

/// True if p lies inside the box's footprint shrunk by insetM on every side.
bool insideFootprint(const Aabb& box, const glm::vec2& p, float insetM = kFootprintInsetM);

/// True if the ground-plane segment a-b touches the box's footprint shrunk by insetM on every
/// side. A footprint narrower than 2 insetM is no obstacle.
bool segmentCrossesFootprint(const Aabb& box, const glm::vec2& a, const glm::vec2& b, float insetM = kFootprintInsetM);

/// True if the segment a-b (heights ignored) crosses no building footprint of the district.
/// A building whose footprint holds a or b is ignored, so a point inside a building that is in
/// no room (a wall, an unmodelled block) can still find its way out.
bool segmentClearOfBuildings(const District& district, const glm::vec3& a, const glm::vec3& b,
                             float insetM = kFootprintInsetM);

}  // namespace cd::world
