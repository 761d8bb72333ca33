#include "crowd_obstacle_geometry.h"

#include <algorithm>
#include <array>
#include <cmath>

#include <glm/glm.hpp>
#include <glm/gtc/quaternion.hpp>

namespace cd::app {

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

crowd::Polygon clipToBox(crowd::Polygon poly, const PlanBox& b) {
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

crowd::Polygon clipConvex(const crowd::Polygon& a, const crowd::Polygon& b) {
    crowd::Polygon poly = a;
    for (size_t e = 0; e < b.size() && poly.size() >= 3; ++e) {
        const crowd::Vec2 ea = b[e], eb = b[(e + 1) % b.size()];
        auto side = [&](crowd::Vec2 p) { return crowd::cross(eb - ea, p - ea); };  // >= 0: inside (left of a ccw edge)
        crowd::Polygon out;
        for (size_t i = 0; i < poly.size(); ++i) {
            const crowd::Vec2 p = poly[i], q = poly[(i + 1) % poly.size()];
            const double sp = side(p), sq = side(q);
            if (sp >= 0.0) out.push_back(p);
            if ((sp >= 0.0) != (sq >= 0.0)) out.push_back(p + (q - p) * (sp / (sp - sq)));
        }
        poly = std::move(out);
    }
    return poly.size() >= 3 ? poly : crowd::Polygon{};
}

double distanceToPolygon(crowd::Vec2 p, const crowd::Polygon& poly) {
    if (crowd::pointInPolygon(p, poly)) return 0.0;
    double best = 1e300;
    for (size_t e = 0; e < poly.size(); ++e) best = std::min(best, crowd::distanceToSegment(p, {poly[e], poly[(e + 1) % poly.size()]}));
    return best;
}

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

namespace {
std::array<glm::vec3, 8> corners(const render::BoxInstance& box, float growM) {
    std::array<glm::vec3, 8> c{};
    const glm::vec3 h = box.halfExtents + glm::vec3(growM);
    for (int k = 0; k < 8; ++k) {
        const glm::vec3 local((k & 1 ? 1.0f : -1.0f) * h.x, (k & 2 ? 1.0f : -1.0f) * h.y, (k & 4 ? 1.0f : -1.0f) * h.z);
        c[static_cast<size_t>(k)] = box.center + box.orientation * local;
    }
    return c;
}
}  // namespace

crowd::Polygon boxFootprint(const render::BoxInstance& box, double growM) {
    std::vector<crowd::Vec2> pts;
    for (const glm::vec3& p : corners(box, static_cast<float>(growM))) pts.push_back({p.x, p.y});
    return convexHull(std::move(pts));
}

crowd::Polygon boxSliceFootprint(const render::BoxInstance& box, double z0, double z1) {
    const std::array<glm::vec3, 8> c = corners(box, 0.0f);
    std::vector<crowd::Vec2> pts;
    for (const glm::vec3& p : c)
        if (p.z >= z0 && p.z <= z1) pts.push_back({p.x, p.y});
    // The 12 edges join corners that differ in one bit of their index.
    for (int i = 0; i < 8; ++i)
        for (int bit : {1, 2, 4}) {
            const int j = i | bit;
            if (j == i) continue;
            const glm::vec3 p = c[static_cast<size_t>(i)], q = c[static_cast<size_t>(j)];
            for (double z : {z0, z1}) {
                if ((p.z - z) * (q.z - z) >= 0.0 || p.z == q.z) continue;
                const double t = (z - p.z) / (q.z - p.z);
                pts.push_back({p.x + (q.x - p.x) * t, p.y + (q.y - p.y) * t});
            }
        }
    crowd::Polygon h = convexHull(std::move(pts));
    return h.size() >= 3 ? h : crowd::Polygon{};
}

crowd::Polygon thickenConvex(const crowd::Polygon& poly, double minWidthM) {
    if (poly.size() < 3) return poly;
    double width = 1e300;
    crowd::Vec2 across{};
    for (size_t i = 0; i < poly.size(); ++i) {
        const crowd::Vec2 e = crowd::normalized(poly[(i + 1) % poly.size()] - poly[i]);
        if (crowd::length(e) < 0.5) continue;
        const crowd::Vec2 n = crowd::perpLeft(e);
        double w = 0.0;
        for (crowd::Vec2 p : poly) w = std::max(w, crowd::dot(p - poly[i], n));
        if (w < width) {
            width = w;
            across = n;
        }
    }
    if (width >= minWidthM) return poly;
    const crowd::Vec2 d = across * (0.5 * (minWidthM - width));
    std::vector<crowd::Vec2> pts;
    for (crowd::Vec2 p : poly) {
        pts.push_back(p - d);
        pts.push_back(p + d);
    }
    return convexHull(std::move(pts));
}

PlanBox planBoxOf(const crowd::Polygon& poly, double insetM) {
    PlanBox b{1e300, 1e300, -1e300, -1e300};
    for (crowd::Vec2 p : poly) {
        b.x0 = std::min(b.x0, p.x); b.x1 = std::max(b.x1, p.x);
        b.y0 = std::min(b.y0, p.y); b.y1 = std::max(b.y1, p.y);
    }
    return {b.x0 + insetM, b.y0 + insetM, b.x1 - insetM, b.y1 - insetM};
}

bool overlaps(const PlanBox& a, const PlanBox& b) { return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1; }

}  // namespace cd::app
