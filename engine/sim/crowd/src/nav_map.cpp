#include "nav_map.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <queue>

namespace cd::crowd {

int NavMap::localIndex(int area, int gate) const {
    const auto& g = areaGates_[area];
    for (size_t i = 0; i < g.size(); ++i)
        if (g[i] == gate) return static_cast<int>(i);
    return -1;
}

int NavMap::exitIndexOfDoor(int door) const {
    if (door < 0 || door >= static_cast<int>(exitOfDoor_.size())) return -1;
    return exitOfDoor_[door];
}

Vec2 NavMap::outwardNormal(int gate, int area) const {
    const Gate& g = gates_[gate];
    Vec2 n = normalized(perpLeft(g.seg.b - g.seg.a));
    if (pointInPolygon(g.mid + n * 0.05, polygons_[area])) n = n * -1.0;
    return n;
}

Vec2 NavMap::innerPoint(int gate, int area, double offsetM) const {
    const Gate& g = gates_[gate];
    Vec2 n = normalized(perpLeft(g.seg.b - g.seg.a));
    if (pointInPolygon(g.mid + n * offsetM, polygons_[area])) return g.mid + n * offsetM;
    return g.mid - n * offsetM;
}

void NavMap::buildWalls(const Building& b) {
    // Each wall is listed in every cell whose points can lie within kWallQueryM of it.
    walls_.clear();
    wallLevel_.clear();
    for (size_t a = 0; a < b.areas.size(); ++a) {
        std::vector<Segment> cuts;
        for (const Door& d : b.doors)
            if (d.fromArea == static_cast<int>(a) || d.toArea == static_cast<int>(a)) cuts.push_back(d.segment);
        const Polygon& poly = b.areas[a].polygon;
        for (size_t i = 0; i < poly.size(); ++i)
            for (const Segment& s : subtractCollinear({poly[i], poly[(i + 1) % poly.size()]}, cuts)) {
                walls_.push_back(s);
                wallLevel_.push_back(b.areas[a].level);
            }
    }
    for (const Obstacle& o : b.obstacles)
        for (size_t i = 0; i < o.polygon.size(); ++i) {
            walls_.push_back({o.polygon[i], o.polygon[(i + 1) % o.polygon.size()]});
            wallLevel_.push_back(b.areas[o.area].level);
        }
    // Static grid of walls, 1 m cells, each wall registered wherever it comes within 1 m.
    Bounds2 plan = b.areas.empty() ? Bounds2{} : boundsOf(b.areas.front().polygon);
    int l0 = 1 << 30, l1 = -(1 << 30);
    for (const Area& a : b.areas) {
        plan.include(boundsOf(a.polygon));
        l0 = std::min(l0, a.level);
        l1 = std::max(l1, a.level);
    }
    cellM_ = 1.0;
    origin_ = {plan.min.x - 2.0, plan.min.y - 2.0};
    nx_ = static_cast<int>(std::ceil((plan.width() + 4.0) / cellM_)) + 1;
    ny_ = static_cast<int>(std::ceil((plan.depth() + 4.0) / cellM_)) + 1;
    minLevel_ = l0;
    levels_ = l1 - l0 + 1;
    const size_t cells = static_cast<size_t>(nx_) * ny_ * levels_;
    std::vector<std::vector<int>> lists(cells);
    for (size_t w = 0; w < walls_.size(); ++w) {
        const Segment& s = walls_[w];
        const int li = wallLevel_[w] - minLevel_;
        const int i0 = std::max(0, static_cast<int>((std::min(s.a.x, s.b.x) - 1.0 - origin_.x) / cellM_));
        const int i1 = std::min(nx_ - 1, static_cast<int>((std::max(s.a.x, s.b.x) + 1.0 - origin_.x) / cellM_));
        const int j0 = std::max(0, static_cast<int>((std::min(s.a.y, s.b.y) - 1.0 - origin_.y) / cellM_));
        const int j1 = std::min(ny_ - 1, static_cast<int>((std::max(s.a.y, s.b.y) + 1.0 - origin_.y) / cellM_));
        for (int j = j0; j <= j1; ++j)
            for (int i = i0; i <= i1; ++i) {
                const Vec2 c{origin_.x + (i + 0.5) * cellM_, origin_.y + (j + 0.5) * cellM_};
                if (distanceToSegment(c, s) <= kWallQueryM + 0.7072 * cellM_)
                    lists[(static_cast<size_t>(li) * ny_ + j) * nx_ + i].push_back(static_cast<int>(w));
            }
    }
    cellStart_.assign(cells + 1, 0);
    cellWalls_.clear();
    for (size_t c = 0; c < cells; ++c) {
        cellStart_[c] = static_cast<unsigned>(cellWalls_.size());
        cellWalls_.insert(cellWalls_.end(), lists[c].begin(), lists[c].end());
    }
    cellStart_[cells] = static_cast<unsigned>(cellWalls_.size());
}

Status NavMap::build(const Building& b, double cellM, const NavMap* previous) {
    polygons_.clear();
    for (const Area& a : b.areas) polygons_.push_back(a.polygon);
    buildWalls(b);
    gates_.clear();
    areaGates_.assign(b.areas.size(), {});
    exitOfDoor_.assign(b.doors.size(), -1);
    exitGates_.clear();
    for (size_t d = 0; d < b.doors.size(); ++d) {
        const Door& door = b.doors[d];
        Gate g;
        g.kind = Gate::Kind::Door;
        g.door = static_cast<int>(d);
        g.areaA = door.fromArea;
        g.areaB = door.toArea;
        g.seg = door.segment;
        g.mid = (g.seg.a + g.seg.b) * 0.5;
        g.widthM = door.widthM();
        const int gi = static_cast<int>(gates_.size());
        gates_.push_back(g);
        areaGates_[door.fromArea].push_back(gi);
        if (door.toArea >= 0) areaGates_[door.toArea].push_back(gi);
        if (door.isExit()) {
            exitOfDoor_[d] = static_cast<int>(exitGates_.size());
            exitGates_.push_back(gi);
        }
    }
    for (size_t s = 0; s < b.stairs.size(); ++s) {
        const Stair& st = b.stairs[s];
        for (int side = 0; side < 2; ++side) {
            Gate g;
            g.kind = side == 0 ? Gate::Kind::StairFrom : Gate::Kind::StairTo;
            g.stair = static_cast<int>(s);
            g.areaA = side == 0 ? st.fromArea : st.toArea;
            g.areaB = side == 0 ? st.toArea : st.fromArea;
            g.seg = side == 0 ? st.fromSegment : st.toSegment;
            g.mid = (g.seg.a + g.seg.b) * 0.5;
            g.widthM = std::max(0.3, length(g.seg.b - g.seg.a));
            areaGates_[g.areaA].push_back(static_cast<int>(gates_.size()));
            gates_.push_back(g);
        }
    }
    fields_.assign(b.areas.size(), FloorField{});
    fieldObstacles_.assign(b.areas.size(), {});
    fieldWalls_.assign(b.areas.size(), {});
    fieldTargets_.assign(b.areas.size(), {});
    for (size_t a = 0; a < b.areas.size(); ++a) {
        std::vector<Polygon> obstacles;
        for (const Obstacle& o : b.obstacles)
            if (o.area == static_cast<int>(a)) obstacles.push_back(o.polygon);
        std::vector<Segment> walls;
        for (size_t w = 0; w < walls_.size(); ++w) {
            if (wallLevel_[w] != b.areas[a].level) continue;
            // Walls of this area: those on its boundary or inside it.
            const Vec2 m = (walls_[w].a + walls_[w].b) * 0.5;
            bool mine = pointInPolygon(m, b.areas[a].polygon);
            const Polygon& poly = b.areas[a].polygon;
            for (size_t i = 0; i < poly.size() && !mine; ++i)
                mine = distanceToSegment(m, {poly[i], poly[(i + 1) % poly.size()]}) < 0.02;
            if (mine) walls.push_back(walls_[w]);
        }
        std::vector<Segment> targets;
        for (int g : areaGates_[a]) targets.push_back(gates_[g].seg);
        auto sameSegs = [](const std::vector<Segment>& x, const std::vector<Segment>& y) {
            if (x.size() != y.size()) return false;
            for (size_t i = 0; i < x.size(); ++i)
                if (x[i].a.x != y[i].a.x || x[i].a.y != y[i].a.y || x[i].b.x != y[i].b.x || x[i].b.y != y[i].b.y) return false;
            return true;
        };
        auto samePolys = [](const std::vector<Polygon>& x, const std::vector<Polygon>& y) {
            if (x.size() != y.size()) return false;
            for (size_t i = 0; i < x.size(); ++i) {
                if (x[i].size() != y[i].size()) return false;
                for (size_t k = 0; k < x[i].size(); ++k)
                    if (x[i][k].x != y[i][k].x || x[i][k].y != y[i][k].y) return false;
            }
            return true;
        };
        if (previous && previous->fieldCellM_ == cellM && a < previous->fields_.size() && a < previous->fieldObstacles_.size() &&
            samePolys(previous->fieldObstacles_[a], obstacles) && sameSegs(previous->fieldWalls_[a], walls) &&
            sameSegs(previous->fieldTargets_[a], targets)) {
            fields_[a] = previous->fields_[a];
        } else {
            fields_[a].init(b.areas[a].polygon, obstacles, walls, cellM);
            for (const Segment& t : targets) fields_[a].addTarget(t);
        }
        fieldObstacles_[a] = std::move(obstacles);
        fieldWalls_[a] = std::move(walls);
        fieldTargets_[a] = std::move(targets);
    }
    fieldCellM_ = cellM;
    // Route graph on leave nodes (gate, area left through it), not on gates: a gate's cost is
    // that of going ON from its far side. With one node per gate, a landing's cost could be a
    // walk back through its own area to another gate, so a person could choose the up-stair
    // landing beside a queued down-stair one, skip that queue in the estimate, and climb.
    // Arriving at gate i in area a: through door i from its other area, or off the stair whose
    // landing i is, from the partner landing (plus the stair's length at its speed factor).
    std::vector<int> partner(gates_.size(), -1);
    std::vector<double> stairCost(gates_.size(), 0.0);  // stair from partner landing to this one
    for (size_t s = 0; s < b.stairs.size(); ++s) {
        const Stair& st = b.stairs[s];
        const bool up = b.areas[st.toArea].level > b.areas[st.fromArea].level;
        int gFrom = -1, gTo = -1;
        for (size_t g = 0; g < gates_.size(); ++g)
            if (gates_[g].stair == static_cast<int>(s)) (gates_[g].kind == Gate::Kind::StairFrom ? gFrom : gTo) = static_cast<int>(g);
        partner[gFrom] = gTo;
        partner[gTo] = gFrom;
        stairCost[gTo] = st.lengthM / (up ? st.upSpeedFactor : st.downSpeedFactor);
        stairCost[gFrom] = st.lengthM / (up ? st.downSpeedFactor : st.upSpeedFactor);
    }
    reverseEdges_.assign(gates_.size() * 2, {});
    for (size_t a = 0; a < b.areas.size(); ++a) {
        const int area = static_cast<int>(a);
        const auto& gs = areaGates_[a];
        for (size_t i = 0; i < gs.size(); ++i) {
            const Gate& gi = gates_[gs[i]];
            int tail = -1;
            double stair = 0.0;
            if (gi.isDoor()) {
                const int other = gi.areaA == area ? gi.areaB : gi.areaA;
                if (other == kSafeArea) continue;  // nobody arrives from outside
                tail = leaveNode(gs[i], other);
            } else {
                tail = leaveNode(partner[gs[i]], gi.areaB);
                stair = stairCost[gs[i]];
            }
            for (size_t j = 0; j < gs.size(); ++j) {
                if (i == j) continue;
                const Vec2 from = innerPoint(gs[i], area, 0.3);
                const double c = fields_[a].distance(static_cast<int>(j), from) + 0.3;
                if (c < 1e5) reverseEdges_[leaveNode(gs[j], area)].push_back({tail, stair + c});
            }
        }
    }
    computeRouteCosts(b);
    return Ok{};
}

void NavMap::computeRouteCosts(const Building& b) {
    const size_t ne = exitGates_.size();
    const size_t nodes = gates_.size() * 2;
    cost_.assign(nodes * ne, kInf);
    next_.assign(nodes * ne, -1);
    auto usable = [&](int node) { const int d = gates_[node / 2].door; return d < 0 || b.doors[d].open; };
    std::vector<double> c(nodes);
    std::vector<int> nx(nodes);
    for (size_t e = 0; e < ne; ++e) {
        const int src = leaveNode(exitGates_[e], gates_[exitGates_[e]].areaA);
        if (!usable(src)) continue;
        std::fill(c.begin(), c.end(), kInf);
        std::fill(nx.begin(), nx.end(), -1);
        using Item = std::pair<double, int>;
        std::priority_queue<Item, std::vector<Item>, std::greater<Item>> pq;
        c[src] = 0.0;
        pq.push({0.0, src});
        while (!pq.empty()) {
            auto [d, v] = pq.top();
            pq.pop();
            if (d > c[v]) continue;
            for (const Edge& ed : reverseEdges_[v]) {
                if (!usable(ed.to)) continue;
                if (d + ed.cost < c[ed.to]) {
                    c[ed.to] = d + ed.cost;
                    nx[ed.to] = v;
                    pq.push({c[ed.to], ed.to});
                }
            }
        }
        for (size_t n = 0; n < nodes; ++n) {
            cost_[n * ne + e] = c[n];
            next_[n * ne + e] = nx[n];
        }
    }
    reachable_.assign(areaGates_.size(), {});
    for (size_t a = 0; a < areaGates_.size(); ++a)
        for (size_t e = 0; e < ne; ++e) {
            bool any = false;
            for (int g : areaGates_[a]) any = any || cost_[static_cast<size_t>(leaveNode(g, static_cast<int>(a))) * ne + e] < kInf;
            if (any) reachable_[a].push_back(static_cast<int>(e));
        }
}

}  // namespace cd::crowd
