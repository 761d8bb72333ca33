#pragma once
/// Navigation data derived from a Building: gates (doors and stair landings), walls in a
/// static grid, one floor field per (area, gate), and travel costs from every gate to every exit.
#include <cmath>
#include <limits>
#include <vector>

#include "crowd/building.h"
#include "floor_field.h"

namespace cd::crowd {

struct Gate {
    enum class Kind { Door, StairFrom, StairTo };
    Kind kind = Kind::Door;
    int door = -1;
    int stair = -1;
    int areaA = -1;  ///< door: from area; stair landing: the area it is in
    int areaB = -1;  ///< door: to area or kSafeArea; stair landing: the area at the other end
    Segment seg;
    Vec2 mid;
    double widthM = 1.0;
    bool isDoor() const { return kind == Kind::Door; }
};

constexpr double kInf = std::numeric_limits<double>::infinity();
/// forWallsNear(p) lists at least every wall within this distance of p.
constexpr double kWallQueryM = 0.6;

class NavMap {
public:
    /// previous: a map of the same areas, doors and stairs (e.g. before the obstacles changed);
    /// the floor fields of areas whose obstacles, walls and gates are unchanged are copied from
    /// it instead of recomputed (the same numbers: the computation is deterministic).
    Status build(const Building& b, double cellM, const NavMap* previous = nullptr);

    const std::vector<Gate>& gates() const { return gates_; }
    /// Gates usable from an area, and each gate's floor field index in that area.
    const std::vector<int>& areaGates(int area) const { return areaGates_[area]; }
    const FloorField& field(int area) const { return fields_[area]; }
    int localIndex(int area, int gate) const;
    /// Unit normal of a door pointing out of `area`.
    Vec2 outwardNormal(int gate, int area) const;
    /// Point just inside `area` in front of a gate.
    Vec2 innerPoint(int gate, int area, double offsetM) const;

    const std::vector<int>& exitGates() const { return exitGates_; }
    int exitIndexOfDoor(int door) const;
    /// Cost (metres at level speed, stairs scaled by their speed factor) of reaching an exit by
    /// LEAVING `fromArea` through a gate: the route goes on from the far side of the gate (the
    /// next area, or the other end of a stair) and never turns back through the gate itself, so
    /// a gate that leads away from the exit (a stair up in a down evacuation) costs the detour.
    double costToExit(int gate, int exitIndex, int fromArea) const {
        return cost_[static_cast<size_t>(leaveNode(gate, fromArea)) * exitGates_.size() + exitIndex];
    }
    /// The next leave node on that route (-1 after the exit itself): lets route choice add the
    /// waits of queues in its own area that the route comes back to.
    int nextLeave(int gate, int exitIndex, int fromArea) const { return nextNode(leaveNode(gate, fromArea), exitIndex); }
    int nextNode(int node, int exitIndex) const { return next_[static_cast<size_t>(node) * exitGates_.size() + exitIndex]; }
    /// Route node of leaving `fromArea` through `gate` (two per door, one per stair landing).
    int leaveNode(int gate, int fromArea) const { return gate * 2 + (gates_[gate].areaA == fromArea ? 0 : 1); }
    int nodeGate(int node) const { return node / 2; }
    int nodeArea(int node) const { return node % 2 == 0 ? gates_[node / 2].areaA : gates_[node / 2].areaB; }
    /// Exits reachable from some gate of an area (exit indices), for cheap route choice.
    const std::vector<int>& reachableExits(int area) const { return reachable_[area]; }
    /// Recomputes costToExit with closed doors removed.
    void computeRouteCosts(const Building& b);

    // Walls and their static grid.
    const std::vector<Segment>& walls() const { return walls_; }
    const std::vector<int>& wallLevels() const { return wallLevel_; }
    /// Calls fn(wallIndex) for (at least) every wall within kWallQueryM of p on a level.
    template <class F>
    void forWallsNear(Vec2 p, int level, F&& fn) const {
        const int li = level - minLevel_;
        if (li < 0 || li >= levels_) return;
        int cx = static_cast<int>((p.x - origin_.x) / cellM_), cy = static_cast<int>((p.y - origin_.y) / cellM_);
        if (cx < 0 || cy < 0 || cx >= nx_ || cy >= ny_) return;
        const size_t c = (static_cast<size_t>(li) * ny_ + cy) * nx_ + cx;
        for (unsigned k = cellStart_[c]; k < cellStart_[c + 1]; ++k) fn(cellWalls_[k]);
    }
    /// True when no wall or obstacle edge on the level crosses the segment from a to b.
    bool lineClear(Vec2 a, Vec2 b, int level) const {
        // Samples 0.5 m apart: a wall crossing the segment passes within 0.25 m of one, inside
        // the kWallQueryM that forWallsNear lists.
        const double len = length(b - a);
        const int samples = static_cast<int>(std::ceil(len / 0.5)) + 1;
        bool clear = true;
        for (int k = 0; k < samples && clear; ++k) {
            const Vec2 p = a + (b - a) * (samples > 1 ? static_cast<double>(k) / (samples - 1) : 0.0);
            forWallsNear(p, level, [&](int w) {
                if (clear && segmentsIntersect(a, b, walls_[w].a, walls_[w].b)) clear = false;
            });
        }
        return clear;
    }
    Vec2 origin() const { return origin_; }
    double extentX() const { return nx_ * cellM_; }
    double extentY() const { return ny_ * cellM_; }
    int minLevel() const { return minLevel_; }
    int levelCount() const { return levels_; }

private:
    void buildWalls(const Building& b);

    std::vector<Polygon> polygons_;
    std::vector<Gate> gates_;
    std::vector<std::vector<int>> areaGates_;
    std::vector<FloorField> fields_;
    // What each area's field was built from, to know when a rebuild can reuse it.
    std::vector<std::vector<Polygon>> fieldObstacles_;
    std::vector<std::vector<Segment>> fieldWalls_;
    std::vector<std::vector<Segment>> fieldTargets_;
    double fieldCellM_ = 0.0;
    std::vector<int> exitGates_;
    std::vector<int> exitOfDoor_;
    std::vector<double> cost_;  ///< per (leave node, exit)
    std::vector<int> next_;     ///< per (leave node, exit): the next leave node on the route, or -1
    std::vector<std::vector<int>> reachable_;
    struct Edge { int to; double cost; };
    /// Edges between leave nodes, stored at their head: (tail node, cost). Leaving through
    /// `tail` puts a person at a gate on the far side, from which they walk to and leave through
    /// the head node's gate.
    std::vector<std::vector<Edge>> reverseEdges_;
    std::vector<Segment> walls_;
    std::vector<int> wallLevel_;
    Vec2 origin_;
    double cellM_ = 1.0;
    int nx_ = 1, ny_ = 1, levels_ = 1, minLevel_ = 0;
    std::vector<unsigned> cellStart_;
    std::vector<int> cellWalls_;
};

}  // namespace cd::crowd
