#pragma once
/// Plane geometry for walkable areas: 2D vectors, segments and simple polygons (metres).
#include <algorithm>
#include <cmath>
#include <vector>

namespace cd::crowd {

struct Vec2 {
    double x = 0.0;
    double y = 0.0;
};

inline Vec2 operator+(Vec2 a, Vec2 b) { return {a.x + b.x, a.y + b.y}; }
inline Vec2 operator-(Vec2 a, Vec2 b) { return {a.x - b.x, a.y - b.y}; }
inline Vec2 operator*(Vec2 a, double s) { return {a.x * s, a.y * s}; }
inline Vec2 operator*(double s, Vec2 a) { return {a.x * s, a.y * s}; }
inline double dot(Vec2 a, Vec2 b) { return a.x * b.x + a.y * b.y; }
inline double cross(Vec2 a, Vec2 b) { return a.x * b.y - a.y * b.x; }
inline double length(Vec2 a) { return std::sqrt(dot(a, a)); }
inline Vec2 perpLeft(Vec2 a) { return {-a.y, a.x}; }
/// Unit vector along a, or zero when a is (almost) zero.
inline Vec2 normalized(Vec2 a) {
    const double l = length(a);
    return l > 1e-12 ? Vec2{a.x / l, a.y / l} : Vec2{};
}

struct Segment {
    Vec2 a;
    Vec2 b;
};

using Polygon = std::vector<Vec2>;

/// Closest point to p on segment s.
Vec2 closestPointOnSegment(Vec2 p, const Segment& s);
double distanceToSegment(Vec2 p, const Segment& s);
/// True when segments p1-p2 and q1-q2 intersect (touching counts).
bool segmentsIntersect(Vec2 p1, Vec2 p2, Vec2 q1, Vec2 q2);
/// Parameter t in [0,1] along p1-p2 where it crosses q1-q2, or a negative value when it does not.
double segmentCrossingParam(Vec2 p1, Vec2 p2, Vec2 q1, Vec2 q2);

/// Signed area, positive for counter-clockwise vertex order.
double signedArea(const Polygon& poly);
bool pointInPolygon(Vec2 p, const Polygon& poly);
/// True when two non-adjacent edges of the polygon touch or cross.
bool isSelfIntersecting(const Polygon& poly);
Vec2 centroid(const Polygon& poly);
/// Axis-aligned bounding box of a polygon (of a non-empty one).
struct Bounds2 {
    Vec2 min, max;
    double width() const { return max.x - min.x; }
    double depth() const { return max.y - min.y; }
    void include(const Bounds2& o) {
        min = {std::min(min.x, o.min.x), std::min(min.y, o.min.y)};
        max = {std::max(max.x, o.max.x), std::max(max.y, o.max.y)};
    }
};
Bounds2 boundsOf(const Polygon& poly);

/// Where segment s lies on an edge of poly: index of that edge, or -1 when s is not
/// collinear with and contained in any edge (tolerance tolM).
int edgeContainingSegment(const Polygon& poly, const Segment& s, double tolM = 0.02);

/// Parts of segment e left after removing the pieces covered by the given (collinear) cuts.
std::vector<Segment> subtractCollinear(const Segment& e, const std::vector<Segment>& cuts, double tolM = 0.02);

}  // namespace cd::crowd
