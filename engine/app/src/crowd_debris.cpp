#include "crowd_debris.h"

#include <algorithm>
#include <cmath>

#include <glm/glm.hpp>
#include <glm/gtc/quaternion.hpp>

#include "crowd_obstacle_geometry.h"

namespace cd::app {

namespace {

constexpr double kRoomInsetM = 0.02;      // obstacles stay strictly inside their area (as furniture)
constexpr double kMinPieceM2 = 2e-3;      // slivers smaller than this are not worth a polygon
constexpr double kBridgeHalfWidthM = 0.2; // a bridge is as wide as a body, across the slot
constexpr double kLeafFloorReachM = 0.5;  // a leaf whose bottom is this close above a floor hangs on that storey
// A leaf that leaves less than the clear width a doorway must give (32 in, 0.815 m: 2010 ADA
// Standards 404.2.3) is pushed further open by whoever comes, as one does with a half-open door.
constexpr double kLeafPushOpenM = 0.815;
constexpr double kLeafDoorReachM = 0.3;   // a leaf's hinge end lies this close to its door's segment
constexpr double kLeafReachM = 0.08;     // more than the 3 cm a hinge stands in from its jamb
constexpr double kMinObstacleWidthM = 0.26; // a little over the floor field's 0.25 m cells (crowd_obstacle_geometry.h)

double areaOf(const crowd::Polygon& p) { return p.size() >= 3 ? std::fabs(crowd::signedArea(p)) : 0.0; }

crowd::Polygon hullOf(const crowd::Polygon& a, const crowd::Polygon& b) {
    std::vector<crowd::Vec2> both = a;
    both.insert(both.end(), b.begin(), b.end());
    return convexHull(std::move(both));
}

// Floor the hull of two pieces covers that neither piece covers.
double mergeWaste(const crowd::Polygon& a, const crowd::Polygon& b) {
    const double both = areaOf(a) + areaOf(b) - areaOf(clipConvex(a, b));
    return std::max(0.0, areaOf(hullOf(a, b)) - both);
}

// The closest pair of points of two disjoint convex polygons (vertex to edge, both ways).
void closestPoints(const crowd::Polygon& a, const crowd::Polygon& b, crowd::Vec2& pa, crowd::Vec2& pb) {
    double best = 1e300;
    for (int pass = 0; pass < 2; ++pass) {
        const crowd::Polygon& p = pass ? b : a;
        const crowd::Polygon& q = pass ? a : b;
        for (crowd::Vec2 v : p)
            for (size_t j = 0; j < q.size(); ++j) {
                const crowd::Vec2 c = crowd::closestPointOnSegment(v, {q[j], q[(j + 1) % q.size()]});
                const double d = crowd::length(c - v);
                if (d < best) {
                    best = d;
                    pa = pass ? c : v;
                    pb = pass ? v : c;
                }
            }
    }
}

// A body-wide strip across the narrowest part of the slot between two pieces, reaching 5 cm into both.
crowd::Polygon bridgeBetween(const crowd::Polygon& a, const crowd::Polygon& b) {
    crowd::Vec2 pa, pb;
    closestPoints(a, b, pa, pb);
    const crowd::Vec2 u = crowd::normalized(pb - pa);
    if (crowd::length(u) < 0.5) return {};
    const crowd::Vec2 n = crowd::perpLeft(u) * kBridgeHalfWidthM;
    const crowd::Vec2 a0 = pa - u * 0.05, b0 = pb + u * 0.05;
    return convexHull({a0 - n, a0 + n, b0 - n, b0 + n});
}

struct Piece {
    crowd::Polygon poly;
    int area;
};

}  // namespace

std::vector<crowd::Obstacle> obstaclesOfDebris(const std::vector<render::BoxInstance>& chunks, const crowd::Building& b,
                                               const std::vector<const world::Room*>& areaRoom, DebrisObstacleCount& count) {
    count = {};
    const size_t areas = std::min(b.areas.size(), areaRoom.size());
    std::vector<PlanBox> boxes(areas);
    for (size_t a = 0; a < areas; ++a) boxes[a] = planBoxOf(b.areas[a].polygon, kRoomInsetM);
    // Pieces per area, in chunk order then area order (deterministic).
    std::vector<std::vector<crowd::Polygon>> perArea(areas);
    for (const render::BoxInstance& chunk : chunks) {
        const PlanBox plan = planBoxOf(boxFootprint(chunk, 0.0), 0.0);
        for (size_t a = 0; a < areas; ++a) {
            const world::Room* r = areaRoom[a];
            if (!r || !overlaps(plan, boxes[a])) continue;
            const double floorZ = r->box.min.z;
            crowd::Polygon slice = boxSliceFootprint(chunk, floorZ + kDebrisStepOverM, floorZ + kDebrisHeadroomM);
            if (slice.empty()) continue;
            crowd::Polygon poly = clipToBox(thickenConvex(slice, kMinObstacleWidthM), boxes[a]);
            if (areaOf(poly) < kMinPieceM2) continue;
            perArea[a].push_back(std::move(poly));
            ++count.pieces;
        }
    }
    std::vector<crowd::Obstacle> out;
    for (size_t a = 0; a < areas; ++a) {
        std::vector<crowd::Polygon>& polys = perArea[a];
        if (polys.empty()) continue;
        // Greedy merging: the close pair whose hull wastes least floor first, while it wastes
        // little. waste[i][j] is cached; a merge recomputes only the merged piece's row.
        const size_t n = polys.size();
        std::vector<char> alive(n, 1);
        std::vector<double> waste(n * n, 1e300);
        auto pairWaste = [&](size_t i, size_t j) {
            return polygonGap(polys[i], polys[j]) < kHeapGapM ? mergeWaste(polys[i], polys[j]) : 1e300;
        };
        for (size_t i = 0; i < n; ++i)
            for (size_t j = i + 1; j < n; ++j) waste[i * n + j] = pairWaste(i, j);
        for (;;) {
            size_t bi = 0, bj = 0;
            double best = kHeapMergeWasteM2;
            bool found = false;
            for (size_t i = 0; i < n; ++i) {
                if (!alive[i]) continue;
                for (size_t j = i + 1; j < n; ++j)
                    if (alive[j] && waste[i * n + j] <= best) {
                        best = waste[i * n + j];
                        bi = i;
                        bj = j;
                        found = true;
                    }
            }
            if (!found) break;
            crowd::Polygon merged = clipToBox(hullOf(polys[bi], polys[bj]), boxes[a]);
            if (merged.empty()) {  // cannot happen for pieces inside the box; never loop forever
                waste[bi * n + bj] = 1e300;
                continue;
            }
            polys[bi] = std::move(merged);
            alive[bj] = 0;
            for (size_t k = 0; k < n; ++k) {
                if (k == bi || !alive[k]) continue;
                const double w = pairWaste(std::min(k, bi), std::max(k, bi));
                waste[std::min(k, bi) * n + std::max(k, bi)] = w;
            }
        }
        std::vector<crowd::Polygon> kept;
        for (size_t i = 0; i < n; ++i)
            if (alive[i]) kept.push_back(std::move(polys[i]));
        const size_t pieces = kept.size();
        // Slots narrower than a body between pieces left apart: a bridge across the narrowest part.
        for (size_t i = 0; i < pieces; ++i)
            for (size_t j = i + 1; j < pieces; ++j) {
                const double gap = polygonGap(kept[i], kept[j]);
                if (gap <= 0.0 || gap >= kHeapGapM) continue;
                crowd::Polygon bridge = clipToBox(bridgeBetween(kept[i], kept[j]), boxes[a]);
                if (areaOf(bridge) >= kMinPieceM2) kept.push_back(std::move(bridge));
            }
        for (crowd::Polygon& p : kept) out.push_back({std::move(p), static_cast<int>(a)});
    }
    count.obstacles = static_cast<int>(out.size());
    return out;
}

std::vector<crowd::Obstacle> obstaclesOfDoorLeaves(const std::vector<render::BoxInstance>& leaves, const crowd::Building& b,
                                                   const std::vector<const world::Room*>& areaRoom) {
    std::vector<crowd::Obstacle> out;
    const size_t areas = std::min(b.areas.size(), areaRoom.size());
    for (const render::BoxInstance& leaf : leaves) {
        // Hinged a few cm in from the jamb: reach back to the wall (and as far past the free
        // edge), so the crowd sees no slot between the leaf and the jamb.
        render::BoxInstance reach = leaf;
        float& along = reach.halfExtents.x >= reach.halfExtents.y ? reach.halfExtents.x : reach.halfExtents.y;
        along += kLeafReachM;
        const crowd::Polygon foot = thickenConvex(boxFootprint(reach, 0.0), kMinObstacleWidthM);
        const PlanBox plan = planBoxOf(foot, 0.0);
        float bottom = 1e30f;
        for (int k = 0; k < 8; ++k) {
            const glm::vec3 local((k & 1 ? 1.0f : -1.0f) * leaf.halfExtents.x, (k & 2 ? 1.0f : -1.0f) * leaf.halfExtents.y,
                                  (k & 4 ? 1.0f : -1.0f) * leaf.halfExtents.z);
            bottom = std::min(bottom, (leaf.center + leaf.orientation * local).z);
        }
        // The leaf's door: the one whose segment its hinge end is nearest (on the leaf's storey).
        // A leaf that leaves less than a doorway's clear width (kLeafPushOpenM) free there is
        // pushed open by the first to come, as the trainee does: no obstacle.
        const glm::vec3 axis = leaf.orientation * (leaf.halfExtents.x >= leaf.halfExtents.y ? glm::vec3(leaf.halfExtents.x, 0, 0)
                                                                                            : glm::vec3(0, leaf.halfExtents.y, 0));
        const crowd::Vec2 endA{leaf.center.x - axis.x, leaf.center.y - axis.y}, endB{leaf.center.x + axis.x, leaf.center.y + axis.y};
        double nearest = kLeafDoorReachM;
        const crowd::Door* door = nullptr;
        crowd::Vec2 hinge{}, tip{};
        for (const crowd::Door& d : b.doors) {
            const world::Room* r = d.fromArea >= 0 && static_cast<size_t>(d.fromArea) < areas ? areaRoom[static_cast<size_t>(d.fromArea)] : nullptr;
            if (!r || bottom < r->box.min.z - 0.1f || bottom > r->box.min.z + kLeafFloorReachM) continue;
            for (int end = 0; end < 2; ++end) {
                const crowd::Vec2 e = end ? endB : endA;
                const double dist = crowd::distanceToSegment(e, d.segment);
                if (dist < nearest) {
                    nearest = dist;
                    door = &d;
                    hinge = e;
                    tip = end ? endA : endB;
                }
            }
        }
        if (door) {
            const crowd::Vec2 far = crowd::length(door->segment.a - hinge) > crowd::length(door->segment.b - hinge) ? door->segment.a : door->segment.b;
            const crowd::Vec2 dir = crowd::normalized(tip - hinge);
            const double freeM = std::fabs(crowd::cross(dir, far - hinge)) - 0.5 * kMinObstacleWidthM;
            if (freeM < kLeafPushOpenM) continue;
        }
        const crowd::Polygon own = boxFootprint(leaf, 0.0);
        for (size_t a = 0; a < areas; ++a) {
            const world::Room* r = areaRoom[a];
            if (!r || bottom < r->box.min.z - 0.1f || bottom > r->box.min.z + kLeafFloorReachM) continue;
            const PlanBox box = planBoxOf(b.areas[a].polygon, kRoomInsetM);
            if (!overlaps(plan, box)) continue;
            // Only where the leaf itself is: its reach and thickening cross the door's line at
            // the hinge, and in the room it swung away from that sliver would stand in the
            // doorway's end (a corner no one gets out of, seen as the way to the door).
            if (areaOf(clipToBox(own, box)) < kMinPieceM2) continue;
            crowd::Polygon poly = clipToBox(foot, box);
            if (areaOf(poly) >= kMinPieceM2) out.push_back({std::move(poly), static_cast<int>(a)});
        }
    }
    return out;
}

}  // namespace cd::app
