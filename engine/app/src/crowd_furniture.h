#pragma once
// The furniture of an earthquake scenario (desks, bookcases, where they stand or lie) as
// obstacles for the crowd model, so the classes walk round it.
#include <vector>

#include "crowd/building.h"
#include "render/render_snapshot.h"
#include "world/district.h"

namespace cd::app {

/// The crowd's obstacles for furniture boxes: each piece in the area whose room holds its centre,
/// clipped to that area, seen from above (a toppled bookcase covers its full length); gaps
/// narrower than a child's body bridged. Pieces near a door or a stair landing of their area, and
/// pieces outside the crowd's rooms, are left out. piecesKept: how many pieces became obstacles.
std::vector<crowd::Obstacle> obstaclesOfFurniture(const std::vector<render::BoxInstance>& boxes, const crowd::Building& b,
                                                const std::vector<const world::Room*>& areaRoom, int& piecesKept);

/// The room under a desk (isDesk, building_physics.h) as it stands, upright within ~25 degrees:
/// one place per 0.6 m of its width (a school double desk seats two), on the floor under the
/// middle of each; empty when it is not upright. heightM: the room under
/// its top (its height less a 2 cm top).
constexpr int kMaxDeskPlaces = 4;
struct DeskPlaces {
    std::vector<glm::vec3> floorM;
    float heightM = 0.0f;
};
DeskPlaces placesUnderDesk(const render::BoxInstance& desk);

/// Where a pupil sits at each place of a desk in a lesson: behind it, on the side away from the
/// board (the room's west wall: building_physics.cpp furnishClassroom), a child's body and a
/// 5 cm gap from its edge.
std::vector<glm::vec3> seatsAtDesk(const render::BoxInstance& desk);

}  // namespace cd::app
