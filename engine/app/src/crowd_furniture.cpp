#include "crowd_furniture.h"

#include <algorithm>
#include <cmath>

#include <glm/glm.hpp>
#include <glm/gtc/quaternion.hpp>

#include "crowd_obstacle_geometry.h"

namespace cd::app {

namespace {

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
constexpr float kPlaceWidthM = 0.6f;         // one person's place at a desk
constexpr float kDeskTopM = 0.02f;
constexpr float kUprightCos = 0.9f;          // tilted further than ~25 degrees it shelters nobody
constexpr float kSeatBackM = 0.25f;          // a child's body radius (0.2 m) and a 5 cm gap

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
    auto areaBox = [&](int area) { return planBoxOf(b.areas[static_cast<size_t>(area)].polygon, kRoomInsetM); };
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


DeskPlaces placesUnderDesk(const render::BoxInstance& desk) {
    DeskPlaces out;
    const glm::vec3 h = desk.halfExtents;
    if ((desk.orientation * glm::vec3(0.0f, 0.0f, 1.0f)).z < kUprightCos) return out;
    const bool alongX = h.x >= h.y;
    const float half = alongX ? h.x : h.y;
    const int places = std::clamp(static_cast<int>(2.0f * half / kPlaceWidthM), 1, kMaxDeskPlaces);
    for (int k = 0; k < places; ++k) {
        const float offset = -half + (static_cast<float>(k) + 0.5f) * 2.0f * half / static_cast<float>(places);
        const glm::vec3 local = alongX ? glm::vec3(offset, 0.0f, -h.z) : glm::vec3(0.0f, offset, -h.z);
        out.floorM.push_back(desk.center + desk.orientation * local);
    }
    out.heightM = 2.0f * h.z - kDeskTopM;
    return out;
}

std::vector<glm::vec3> seatsAtDesk(const render::BoxInstance& desk) {
    std::vector<glm::vec3> seats = placesUnderDesk(desk).floorM;
    const glm::vec3 h = desk.halfExtents;
    const glm::vec3 back = glm::vec3(1.0f, 0.0f, 0.0f) * ((h.x >= h.y ? h.y : h.x) + kSeatBackM);
    for (glm::vec3& s : seats) s += back;
    return seats;
}

}  // namespace cd::app
