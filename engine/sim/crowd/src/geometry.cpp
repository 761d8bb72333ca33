#include "crowd/geometry.h"

#include <algorithm>

namespace cd::crowd {

Vec2 closestPointOnSegment(Vec2 p, const Segment& s) {
    const Vec2 d = s.b - s.a;
    const double len2 = dot(d, d);
    if (len2 < 1e-18) return s.a;
    const double t = std::clamp(dot(p - s.a, d) / len2, 0.0, 1.0);
    return s.a + d * t;
}

double distanceToSegment(Vec2 p, const Segment& s) { return length(p - closestPointOnSegment(p, s)); }

namespace {
int orientation(Vec2 a, Vec2 b, Vec2 c) {
    const double v = cross(b - a, c - a);
    if (v > 1e-12) return 1;
    if (v < -1e-12) return -1;
    return 0;
}
bool onSegment(Vec2 a, Vec2 b, Vec2 p) {
    return std::min(a.x, b.x) - 1e-12 <= p.x && p.x <= std::max(a.x, b.x) + 1e-12 &&
           std::min(a.y, b.y) - 1e-12 <= p.y && p.y <= std::max(a.y, b.y) + 1e-12;
}
}  // namespace

bool segmentsIntersect(Vec2 p1, Vec2 p2, Vec2 q1, Vec2 q2) {
    const int o1 = orientation(p1, p2, q1), o2 = orientation(p1, p2, q2);
    const int o3 = orientation(q1, q2, p1), o4 = orientation(q1, q2, p2);
    if (o1 != o2 && o3 != o4) return true;
    if (o1 == 0 && onSegment(p1, p2, q1)) return true;
    if (o2 == 0 && onSegment(p1, p2, q2)) return true;
    if (o3 == 0 && onSegment(q1, q2, p1)) return true;
    if (o4 == 0 && onSegment(q1, q2, p2)) return true;
    return false;
}

double segmentCrossingParam(Vec2 p1, Vec2 p2, Vec2 q1, Vec2 q2) {
    const Vec2 r = p2 - p1, s = q2 - q1;
    const double den = cross(r, s);
    if (std::abs(den) < 1e-14) return -1.0;
    const double t = cross(q1 - p1, s) / den;
    const double u = cross(q1 - p1, r) / den;
    if (t < 0.0 || t > 1.0 || u < 0.0 || u > 1.0) return -1.0;
    return t;
}

double signedArea(const Polygon& poly) {
    double a = 0.0;
    for (size_t i = 0, n = poly.size(); i < n; ++i) a += cross(poly[i], poly[(i + 1) % n]);
    return 0.5 * a;
}

bool pointInPolygon(Vec2 p, const Polygon& poly) {
    bool inside = false;
    for (size_t i = 0, n = poly.size(), j = n - 1; i < n; j = i++) {
        const Vec2 a = poly[i], b = poly[j];
        if ((a.y > p.y) != (b.y > p.y) && p.x < (b.x - a.x) * (p.y - a.y) / (b.y - a.y) + a.x) inside = !inside;
    }
    return inside;
}

bool isSelfIntersecting(const Polygon& poly) {
    const size_t n = poly.size();
    for (size_t i = 0; i < n; ++i) {
        const Vec2 a1 = poly[i], a2 = poly[(i + 1) % n];
        if (length(a2 - a1) < 1e-9) return true;  // repeated vertex: a degenerate edge
        for (size_t j = i + 1; j < n; ++j) {
            if (j == i + 1 || (i == 0 && j == n - 1)) continue;  // neighbours share a vertex
            if (segmentsIntersect(a1, a2, poly[j], poly[(j + 1) % n])) return true;
        }
    }
    return false;
}

Bounds2 boundsOf(const Polygon& poly) {
    Bounds2 b{poly.front(), poly.front()};
    for (Vec2 p : poly) {
        b.min.x = std::min(b.min.x, p.x); b.max.x = std::max(b.max.x, p.x);
        b.min.y = std::min(b.min.y, p.y); b.max.y = std::max(b.max.y, p.y);
    }
    return b;
}

Vec2 centroid(const Polygon& poly) {
    const double a = signedArea(poly);
    if (std::abs(a) < 1e-12) {
        Vec2 c{};
        for (Vec2 p : poly) c = c + p;
        return c * (1.0 / static_cast<double>(poly.size()));
    }
    Vec2 c{};
    for (size_t i = 0, n = poly.size(); i < n; ++i) {
        const Vec2 p = poly[i], q = poly[(i + 1) % n];
        const double w = cross(p, q);
        c = c + (p + q) * w;
    }
    return c * (1.0 / (6.0 * a));
}

int edgeContainingSegment(const Polygon& poly, const Segment& s, double tolM) {
    for (size_t i = 0, n = poly.size(); i < n; ++i) {
        const Segment e{poly[i], poly[(i + 1) % n]};
        if (distanceToSegment(s.a, e) <= tolM && distanceToSegment(s.b, e) <= tolM) return static_cast<int>(i);
    }
    return -1;
}

std::vector<Segment> subtractCollinear(const Segment& e, const std::vector<Segment>& cuts, double tolM) {
    const Vec2 d = e.b - e.a;
    const double len = length(d);
    if (len < 1e-12) return {};
    const Vec2 u = d * (1.0 / len);
    std::vector<std::pair<double, double>> removed;
    for (const Segment& c : cuts) {
        if (distanceToSegment(c.a, e) > tolM || distanceToSegment(c.b, e) > tolM) continue;
        double t0 = dot(c.a - e.a, u), t1 = dot(c.b - e.a, u);
        if (t0 > t1) std::swap(t0, t1);
        removed.emplace_back(std::max(0.0, t0), std::min(len, t1));
    }
    std::sort(removed.begin(), removed.end());
    std::vector<Segment> out;
    double t = 0.0;
    for (auto [r0, r1] : removed) {
        if (r0 > t + 1e-6) out.push_back({e.a + u * t, e.a + u * r0});
        t = std::max(t, r1);
    }
    if (len > t + 1e-6) out.push_back({e.a + u * t, e.b});
    return out;
}

}  // namespace cd::crowd
