#pragma once
/// Floor field: travel distance to a target segment on a grid over one area (8-neighbour
/// Dijkstra with a wall-clearance penalty, Kretz/Schadschneider style static floor field),
/// and its descent direction. Built once; sampled by bilinear interpolation.
#include <cstdint>
#include <vector>

#include "crowd/geometry.h"

namespace cd::crowd {

class FloorField {
public:
    /// Grid over the polygon's bounding box; cells are walkable when their centre is inside
    /// the polygon and outside every obstacle. walls: segments people keep clear of.
    void init(const Polygon& area, const std::vector<Polygon>& obstacles, const std::vector<Segment>& walls, double cellM);
    /// Adds the distance field to a target segment; returns its index. The field starts from
    /// the walkable cells next to the target that see it past every obstacle (a cell behind a
    /// door leaf or a heap by the door is reached round it, not through it).
    int addTarget(const Segment& target);

    /// Distance (m, including the clearance penalty) from p to target k; large if unknown.
    double distance(int k, Vec2 p) const;
    /// Unit direction of steepest descent towards target k at p (zero if unknown).
    Vec2 direction(int k, Vec2 p) const;
    int targetCount() const { return static_cast<int>(dist_.size()); }

private:
    int cellOf(Vec2 p) const;
    Vec2 origin_;
    double h_ = 0.25;
    int nx_ = 0, ny_ = 0;
    std::vector<std::uint8_t> walkable_;
    std::vector<float> penalty_;
    std::vector<std::uint8_t> narrow_;  ///< no room for a body (see kNarrowClearanceM)
    std::vector<Segment> obstacleEdges_;
    std::vector<std::vector<float>> dist_;
    std::vector<std::vector<float>> dirX_, dirY_;
};

}  // namespace cd::crowd
