#pragma once
// A walking path across one floor around what stands on it (desks, bookcases, debris, stair
// rails): A* over a grid of cells, each cell asked once (lazily) whether a person can stand
// there, then shortened wherever a straight walk is clear. The walk graph (engine/world) gives
// the route from room to room; this finds the way through a furnished or damaged room.
#include <functional>
#include <vector>

#include <glm/vec3.hpp>

namespace cd::app {

struct FloorPathQuery {
    /// Whether a person can stand with their feet at p (p.z is the floor height of the start).
    std::function<bool(const glm::vec3&)> standable;
    /// Whether a person can walk straight from a to b.
    std::function<bool(const glm::vec3&, const glm::vec3&)> clearWalk;
    float cellM = 0.25f;
    float marginM = 3.0f;   ///< how far the search reaches beyond the box of start and goal
    int maxCells = 40000;   ///< search box limit (cells); a larger box is clipped around the start
};

struct FloorPath {
    std::vector<glm::vec3> waypoints;  ///< from the first turn to the end, without the start
    bool reachesGoal = false;          ///< false: ends as near to the goal as one can get
};

/// The path from `from` to `to` on the floor of `from`. No path at all (the start is boxed in):
/// empty waypoints.
FloorPath findFloorPath(const glm::vec3& from, const glm::vec3& to, const FloorPathQuery& query);

/// The standable point nearest to p within reachM (cells of query.cellM), or p itself if
/// nothing nearer is found (the caller decides what to do then). Of points equally near, the
/// one nearest to towardM (e.g. where the walker comes from).
glm::vec3 nearestStandable(const glm::vec3& p, float reachM, const FloorPathQuery& query);
glm::vec3 nearestStandable(const glm::vec3& p, float reachM, const FloorPathQuery& query, const glm::vec3& towardM);

}  // namespace cd::app
