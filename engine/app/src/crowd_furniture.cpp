#include "crowd_furniture.h"

#include <algorithm>
#include <cmath>

#include <glm/glm.hpp>
#include <glm/gtc/quaternion.hpp>

namespace cd::app {

namespace {

struct Box {
    double x0, y0, x1, y1;
};

// Furniture as crowd obstacles. The crowd model keeps centres about a body radius from walls
// (at least 5 cm) and never lets one cross a wall, so the footprint itself is the obstacle: a
// margin would make the 1.15 m aisles between desk columns too narrow to pass a person standing
// in them (the model's repulsion reaches about 0.6 m between centres). A gap between two pieces
// narrower than kFurnitureGapM (a child's body, 0.4 m) is bridged, since the floor field would
// route people into a slot they cannot pass (the desks of a column stand 0.1 m apart); a piece
// that comes within kDoorClearM of a door or stair landing is left out.
constexpr double kFurnitureMarginM = 0.0;
constexpr double kFurnitureGapM = 0.35;
constexpr double kDoorClearM = 0.45;
constexpr double kRoomInsetM = 0.02;  // obstacles stay strictly inside their area

// Andrew's monotone chain; counter-clockwise, no collinear points.
crowd::Polygon convexHull(std::vector<crowd::Vec2> pts) {
    std::sort(pts.begin(), pts.end(), [](crowd::Vec2 a, crowd::Vec2 b) { return a.x < b.x || (a.x == b.x && a.y < b.y); });
    if (pts.size() < 3) return pts;
    crowd::Polygon h(2 * pts.size());
    size_t k = 0;
    for (size_t i = 0; i < pts.size(); ++i) {
        while (k >= 2 && crowd::cross(h[k - 1] - h[k - 2], pts[i] - h[k - 2]) <= 1e-12) --k;
        h[k++] = pts[i];
    }
    for (size_t i = pts.size() - 1, t = k + 1; i > 0; --i) {
        while (k >= t && crowd::cross(h[k - 1] - h[k - 2], pts[i - 1] - h[k - 2]) <= 1e-12) --k;
        h[k++] = pts[i - 1];
    }
    h.resize(k - 1);
    return h;
}

// Sutherland-Hodgman against an axis-aligned box (the areas built above are rectangles).
crowd::Polygon clipToBox(crowd::Polygon poly, const Box& b) {
    auto clip = [&](auto inside, auto cut) {
        crowd::Polygon out;
        for (size_t i = 0; i < poly.size(); ++i) {
            const crowd::Vec2 p = poly[i], q = poly[(i + 1) % poly.size()];
            const bool pi = inside(p), qi = inside(q);
            if (pi) out.push_back(p);
            if (pi != qi) out.push_back(cut(p, q));
        }
        poly = std::move(out);
    };
    auto lerpAt = [](crowd::Vec2 p, crowd::Vec2 q, double t) { return p + (q - p) * t; };
    clip([&](crowd::Vec2 p) { return p.x >= b.x0; }, [&](crowd::Vec2 p, crowd::Vec2 q) { return lerpAt(p, q, (b.x0 - p.x) / (q.x - p.x)); });
    clip([&](crowd::Vec2 p) { return p.x <= b.x1; }, [&](crowd::Vec2 p, crowd::Vec2 q) { return lerpAt(p, q, (b.x1 - p.x) / (q.x - p.x)); });
    clip([&](crowd::Vec2 p) { return p.y >= b.y0; }, [&](crowd::Vec2 p, crowd::Vec2 q) { return lerpAt(p, q, (b.y0 - p.y) / (q.y - p.y)); });
    clip([&](crowd::Vec2 p) { return p.y <= b.y1; }, [&](crowd::Vec2 p, crowd::Vec2 q) { return lerpAt(p, q, (b.y1 - p.y) / (q.y - p.y)); });
    return poly.size() >= 3 ? convexHull(poly) : crowd::Polygon{};
}

// The floor area a box covers, however it lies: the hull of its 8 corners seen from above.
crowd::Polygon boxFootprint(const render::BoxInstance& box, double growM) {
    std::vector<crowd::Vec2> corners;
    const glm::vec3 h = box.halfExtents + glm::vec3(static_cast<float>(growM));
    for (int k = 0; k < 8; ++k) {
        const glm::vec3 local((k & 1 ? 1.0f : -1.0f) * h.x, (k & 2 ? 1.0f : -1.0f) * h.y, (k & 4 ? 1.0f : -1.0f) * h.z);
        const glm::vec3 p = box.center + box.orientation * local;
        corners.push_back({p.x, p.y});
    }
    return convexHull(std::move(corners));
}

// Distance between two convex polygons, 0 when they touch or overlap.
double polygonGap(const crowd::Polygon& a, const crowd::Polygon& b) {
    double best = 1e300;
    for (int pass = 0; pass < 2; ++pass) {
        const crowd::Polygon& p = pass ? b : a;
        const crowd::Polygon& q = pass ? a : b;
        for (size_t i = 0; i < p.size(); ++i) {
            if (crowd::pointInPolygon(p[i], q)) return 0.0;
            for (size_t j = 0; j < q.size(); ++j) {
                const crowd::Segment e{q[j], q[(j + 1) % q.size()]};
                if (crowd::segmentsIntersect(p[i], p[(i + 1) % p.size()], e.a, e.b)) return 0.0;
                best = std::min(best, crowd::distanceToSegment(p[i], e));
            }
        }
    }
    return best;
}

}  // namespace

std::vector<crowd::Obstacle> obstaclesOfFurniture(const std::vector<render::BoxInstance>& boxes, const crowd::Building& b,
                                                const std::vector<const world::Room*>& areaRoom, int& piecesKept) {
    struct Piece {
        crowd::Polygon poly;
        int area;
    };
    std::vector<Piece> pieces;
    auto nearGate = [&](const crowd::Polygon& poly, int area) {
        std::vector<crowd::Segment> gates;
        for (const crowd::Door& d : b.doors)
            if (d.fromArea == area || d.toArea == area) gates.push_back(d.segment);
        for (const crowd::Stair& st : b.stairs) {
            if (st.fromArea == area) gates.push_back(st.fromSegment);
            if (st.toArea == area) gates.push_back(st.toSegment);
        }
        for (const crowd::Segment& g : gates) {
            if (crowd::pointInPolygon(g.a, poly) || crowd::pointInPolygon(g.b, poly)) return true;
            for (size_t i = 0; i < poly.size(); ++i) {
                const crowd::Segment e{poly[i], poly[(i + 1) % poly.size()]};
                if (crowd::segmentsIntersect(g.a, g.b, e.a, e.b) || crowd::distanceToSegment(e.a, g) < kDoorClearM ||
                    crowd::distanceToSegment(g.a, e) < kDoorClearM || crowd::distanceToSegment(g.b, e) < kDoorClearM)
                    return true;
            }
        }
        return false;
    };
    auto areaBox = [&](int area) {
        double x0 = 1e300, y0 = 1e300, x1 = -1e300, y1 = -1e300;
        for (crowd::Vec2 p : b.areas[static_cast<size_t>(area)].polygon) {
            x0 = std::min(x0, p.x); x1 = std::max(x1, p.x);
            y0 = std::min(y0, p.y); y1 = std::max(y1, p.y);
        }
        return Box{x0 + kRoomInsetM, y0 + kRoomInsetM, x1 - kRoomInsetM, y1 - kRoomInsetM};
    };
    for (const render::BoxInstance& box : boxes) {
        int area = -1;
        for (size_t a = 0; a < areaRoom.size() && area < 0; ++a) {
            const world::Room* r = areaRoom[a];
            if (r && box.center.x >= r->box.min.x && box.center.x <= r->box.max.x && box.center.y >= r->box.min.y &&
                box.center.y <= r->box.max.y && box.center.z >= r->box.min.z - 0.1f && box.center.z < r->box.max.z)
                area = static_cast<int>(a);
        }
        if (area < 0) continue;
        crowd::Polygon poly = clipToBox(boxFootprint(box, kFurnitureMarginM), areaBox(area));
        if (poly.size() < 3 || std::fabs(crowd::signedArea(poly)) < 1e-3 || nearGate(poly, area)) continue;
        pieces.push_back({std::move(poly), area});
    }
    std::vector<crowd::Obstacle> out;
    for (const Piece& p : pieces) out.push_back({p.poly, p.area});
    piecesKept = static_cast<int>(pieces.size());
    for (size_t i = 0; i < pieces.size(); ++i)
        for (size_t j = i + 1; j < pieces.size(); ++j) {
            if (pieces[i].area != pieces[j].area || polygonGap(pieces[i].poly, pieces[j].poly) >= kFurnitureGapM) continue;
            std::vector<crowd::Vec2> both = pieces[i].poly;
            both.insert(both.end(), pieces[j].poly.begin(), pieces[j].poly.end());
            crowd::Polygon bridge = clipToBox(convexHull(std::move(both)), areaBox(pieces[i].area));
            if (bridge.size() >= 3 && !nearGate(bridge, pieces[i].area)) out.push_back({std::move(bridge), pieces[i].area});
        }
    return out;
}


}  // namespace cd::app
