#pragma once
// The earthquake's debris (loose structure chunks) and door leaves as obstacles for the crowd
// model, so people walk round a heap that leaves a gap and squeeze past a half-closed leaf
// instead of through them. Furniture has its own rules (crowd_furniture.h).
#include <vector>

#include "crowd/building.h"
#include "render/render_snapshot.h"
#include "world/district.h"

namespace cd::app {

/// Debris lower than this above the floor is stepped over: the physics' watched passages use
/// the same height (physics::PassageDef::stepOverM), so a door the crowd still uses is one the
/// physics has not judged blocked.
constexpr double kDebrisStepOverM = 0.3;
/// Debris wholly above this height over the floor (still hanging, or leaning high) is ducked
/// under: the top of the crouched body the physics' passages test (stepOverM + passHeightM).
constexpr double kDebrisHeadroomM = 1.4;
/// Pieces of a heap closer than this (a child's body, 0.4 m) are one obstacle: nobody fits
/// between them, and the floor field would otherwise route people into the slot.
constexpr double kHeapGapM = 0.4;
/// Two pieces of a heap become one polygon (their convex hull) when the hull covers at most
/// this much floor that neither covers; else the slot between them is closed by a bridge.
constexpr double kHeapMergeWasteM2 = 0.3;

/// What became of the debris.
struct DebrisObstacleCount {
    int pieces = 0;     ///< chunk parts (per area) above the step-over height
    int obstacles = 0;  ///< polygons after merging and bridging
};

/// Loose chunks (boxes as the earthquake draws them) as obstacles: the part of each chunk
/// between kDebrisStepOverM and kDebrisHeadroomM above the floor of every crowd area it lies
/// over, seen from above (grown to at least 0.26 m across, as thin as it may lie: the floor
/// field samples obstacles 0.25 m apart) and clipped to that area; per area, pieces closer than kHeapGapM merged
/// (greedily, the pair whose hull wastes least floor first) or bridged.
std::vector<crowd::Obstacle> obstaclesOfDebris(const std::vector<render::BoxInstance>& chunks, const crowd::Building& b,
                                               const std::vector<const world::Room*>& areaRoom, DebrisObstacleCount& count);

/// Door leaves as they hang now: each leaf's footprint (its 4 cm grown to 0.26 m, as debris) clipped to the areas of its storey it
/// lies over (a leaf swung into a room lies in that room; one half-closed across its door
/// narrows the opening by what it covers). A leaf that leaves less than 0.815 m of its door free
/// (the clear width a doorway must give, ADA 404.2.3) is pushed further open by the first to
/// come and is no obstacle; people do not push the others.
std::vector<crowd::Obstacle> obstaclesOfDoorLeaves(const std::vector<render::BoxInstance>& leaves, const crowd::Building& b,
                                                   const std::vector<const world::Room*>& areaRoom);

}  // namespace cd::app
