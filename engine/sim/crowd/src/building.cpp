#include "crowd/building.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace cd::crowd {

int Building::areaIndex(const std::string& id) const {
    for (size_t i = 0; i < areas.size(); ++i)
        if (areas[i].id == id) return static_cast<int>(i);
    return -1;
}
int Building::doorIndex(const std::string& id) const {
    for (size_t i = 0; i < doors.size(); ++i)
        if (doors[i].id == id) return static_cast<int>(i);
    return -1;
}
int Building::stairIndex(const std::string& id) const {
    for (size_t i = 0; i < stairs.size(); ++i)
        if (stairs[i].id == id) return static_cast<int>(i);
    return -1;
}
std::vector<int> Building::exits() const {
    std::vector<int> out;
    for (size_t i = 0; i < doors.size(); ++i)
        if (doors[i].isExit()) out.push_back(static_cast<int>(i));
    return out;
}

namespace {

Status checkPolygon(Polygon& poly, const std::string& file, int line, const std::string& field, const std::string& what) {
    if (poly.size() < 3) return makeError(what + " needs at least 3 vertices", file, line, field);
    for (Vec2 p : poly)
        if (!std::isfinite(p.x) || !std::isfinite(p.y)) return makeError(what + " has a non-finite vertex", file, line, field);
    if (isSelfIntersecting(poly)) return makeError(what + " is self-intersecting", file, line, field);
    const double a = signedArea(poly);
    if (std::abs(a) < 1e-6) return makeError(what + " has zero area", file, line, field);
    if (a < 0) std::reverse(poly.begin(), poly.end());
    return Ok{};
}

Segment defaultStairSegment(const Polygon& poly) {
    const Vec2 c = centroid(poly);
    return {c - Vec2{0.6, 0.0}, c + Vec2{0.6, 0.0}};
}

}  // namespace

Status validateBuilding(Building& b) {
    const std::string& file = b.sourceFile;
    for (size_t i = 0; i < b.areas.size(); ++i) {
        Area& a = b.areas[i];
        if (a.id.empty() || a.id == "safe") return makeError("area id must be non-empty and not 'safe'", file, a.sourceLine, "id");
        for (size_t j = 0; j < i; ++j)
            if (b.areas[j].id == a.id) return makeError("duplicate area id '" + a.id + "'", file, a.sourceLine, "id");
        if (auto s = checkPolygon(a.polygon, file, a.geometryLine ? a.geometryLine : a.sourceLine, "polygon", "area '" + a.id + "' polygon"); !s) return s;
        if (std::abs(a.level) > kMaxLevel)
            return makeError("area '" + a.id + "' level must be within +-" + std::to_string(kMaxLevel), file, a.sourceLine, "level");
    }
    // The route and neighbour grids cover the whole plan at 1 m on every level between the
    // lowest and the highest: keep them to what a building (or a campus) needs.
    Bounds2 plan = b.areas.empty() ? Bounds2{} : boundsOf(b.areas.front().polygon);
    int l0 = kMaxLevel, l1 = -kMaxLevel;
    for (const Area& a : b.areas) {
        plan.include(boundsOf(a.polygon));
        l0 = std::min(l0, a.level);
        l1 = std::max(l1, a.level);
    }
    if (!b.areas.empty() && (plan.width() + 5.0) * (plan.depth() + 5.0) * (l1 - l0 + 1) > kMaxPlanM2) {
        // Name the widest area: a stray vertex makes one area span the plan.
        auto span = [](const Area& a) { const Bounds2 ab = boundsOf(a.polygon); return ab.width() + ab.depth(); };
        const Area& far = *std::max_element(b.areas.begin(), b.areas.end(),
                                            [&](const Area& p, const Area& q) { return span(p) < span(q); });
        char buf[200];
        std::snprintf(buf, sizeof buf, "the areas span %.6g m by %.6g m over %d levels: at most %.0f m^2 of plan times levels (a 2 km square on one level)",
                      plan.width(), plan.depth(), l1 - l0 + 1, kMaxPlanM2);
        return makeError(buf, file, far.geometryLine ? far.geometryLine : far.sourceLine, "polygon");
    }
    for (Obstacle& o : b.obstacles) {
        if (auto s = checkPolygon(o.polygon, file, o.geometryLine ? o.geometryLine : o.sourceLine, "polygon", "obstacle polygon"); !s) return s;
        // An area set by the caller is kept when it holds the obstacle: areas of different
        // levels may share a plan, so the first one that holds it can be on the wrong floor.
        auto holds = [&](int i) {
            if (i < 0 || i >= static_cast<int>(b.areas.size())) return false;
            for (Vec2 p : o.polygon)
                if (!pointInPolygon(p, b.areas[static_cast<size_t>(i)].polygon)) return false;
            return true;
        };
        if (!holds(o.area)) o.area = -1;
        for (size_t i = 0; i < b.areas.size() && o.area < 0; ++i) {
            bool all = true;
            for (Vec2 p : o.polygon) all = all && pointInPolygon(p, b.areas[i].polygon);
            if (all) o.area = static_cast<int>(i);
        }
        if (o.area < 0) return makeError("obstacle is not inside any area", file, o.geometryLine ? o.geometryLine : o.sourceLine, "polygon");
    }
    for (size_t i = 0; i < b.doors.size(); ++i) {
        Door& d = b.doors[i];
        const int segLine = d.geometryLine ? d.geometryLine : d.sourceLine;
        for (size_t j = 0; j < i; ++j)
            if (b.doors[j].id == d.id) return makeError("duplicate door id '" + d.id + "'", file, d.sourceLine, "id");
        if (d.fromArea < 0 || d.fromArea >= static_cast<int>(b.areas.size()))
            return makeError("door '" + d.id + "' has no valid 'from' area", file, d.sourceLine, "from");
        if (d.widthM() < 0.3) return makeError("door '" + d.id + "' is narrower than 0.3 m", file, segLine, "segment");
        const Area& from = b.areas[d.fromArea];
        if (edgeContainingSegment(from.polygon, d.segment) < 0)
            return makeError("door '" + d.id + "' is not on an edge of area '" + from.id + "'", file, segLine, "segment");
        if (!d.isExit()) {
            if (d.toArea >= static_cast<int>(b.areas.size()) || d.toArea == d.fromArea)
                return makeError("door '" + d.id + "' has no valid 'to' area", file, d.sourceLine, "to");
            const Area& to = b.areas[d.toArea];
            if (edgeContainingSegment(to.polygon, d.segment) < 0)
                return makeError("door '" + d.id + "' is not on an edge shared by areas '" + from.id + "' and '" + to.id + "'",
                                 file, segLine, "segment");
            if (to.level != from.level)
                return makeError("door '" + d.id + "' joins areas on different levels (use a stair)", file, d.sourceLine, "to");
        }
    }
    for (size_t i = 0; i < b.stairs.size(); ++i) {
        Stair& s = b.stairs[i];
        const int n = static_cast<int>(b.areas.size());
        if (s.fromArea < 0 || s.fromArea >= n) return makeError("stair '" + s.id + "' has no valid 'from' area", file, s.sourceLine, "from");
        if (s.toArea < 0 || s.toArea >= n) return makeError("stair '" + s.id + "' has no valid 'to' area", file, s.sourceLine, "to");
        if (b.areas[s.fromArea].level == b.areas[s.toArea].level)
            return makeError("stair '" + s.id + "' joins two areas on the same level", file, s.sourceLine, "to");
        if (!(s.lengthM > 0.0)) return makeError("stair length must be positive", file, s.sourceLine, "length_m");
        if (!(s.upSpeedFactor > 0.0 && s.upSpeedFactor <= 1.5))
            return makeError("must be in (0, 1.5]", file, s.sourceLine, "up_speed_factor");
        if (!(s.downSpeedFactor > 0.0 && s.downSpeedFactor <= 1.5))
            return makeError("must be in (0, 1.5]", file, s.sourceLine, "down_speed_factor");
        if (!(s.maxFlowPerMs > 0.0)) return makeError("must be positive", file, s.sourceLine, "max_flow_per_m");
        if (!s.hasSegments) {
            s.fromSegment = defaultStairSegment(b.areas[s.fromArea].polygon);
            s.toSegment = defaultStairSegment(b.areas[s.toArea].polygon);
        }
        for (int side = 0; side < 2; ++side) {
            const Segment& seg = side == 0 ? s.fromSegment : s.toSegment;
            const Area& a = b.areas[side == 0 ? s.fromArea : s.toArea];
            const Vec2 mid = (seg.a + seg.b) * 0.5;
            const bool onEdge = edgeContainingSegment(a.polygon, seg) >= 0;
            if (!onEdge && !pointInPolygon(mid, a.polygon))
                return makeError("stair '" + s.id + "' landing is neither inside nor on the edge of area '" + a.id + "'", file,
                                 s.sourceLine, side == 0 ? "from_segment" : "to_segment");
        }
    }
    return Ok{};
}

}  // namespace cd::crowd
