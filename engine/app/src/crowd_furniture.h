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

}  // namespace cd::app
