#include "floor_field.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <queue>

namespace cd::crowd {

namespace {
constexpr float kUnknown = 1e9f;
// Cells closer than this to a wall cost more to cross, so routes keep about a shoulder's
// width from walls and round corners instead of scraping them.
constexpr double kClearanceM = 0.5;
constexpr double kClearancePenalty = 2.0;
// A cell whose centre is closer than this to an obstacle (or to one and a wall) lies in a
// slot narrower than about 0.3 m, which a body (0.4 m shoulders, JuPedSim's default radius
// 0.2 m; about 0.3 m turned sideways) does not pass: a gap between two desks the shaking
// moved, or a desk against a wall. Such cells cost many times their length, so a route takes one only
// when no wider way exists. They stay walkable: someone already standing among moved desks
// still gets a direction out (a cell field with the slots closed left them none).
constexpr double kNarrowClearanceM = 0.15;
constexpr double kNarrowPenalty = 20.0;
}  // namespace

void FloorField::init(const Polygon& area, const std::vector<Polygon>& obstacles, const std::vector<Segment>& walls,
                      double cellM) {
    h_ = cellM;
    const Bounds2 box = boundsOf(area);
    origin_ = {box.min.x - h_, box.min.y - h_};
    nx_ = static_cast<int>(std::ceil(box.width() / h_)) + 2;
    ny_ = static_cast<int>(std::ceil(box.depth() / h_)) + 2;
    const size_t n = static_cast<size_t>(nx_) * ny_;
    obstacleEdges_.clear();
    for (const Polygon& o : obstacles)
        for (size_t i = 0; i < o.size(); ++i) obstacleEdges_.push_back({o[i], o[(i + 1) % o.size()]});
    walkable_.assign(n, 0);
    penalty_.assign(n, 1.0f);
    narrow_.assign(n, 0);
    // Each obstacle's bounding box grown by the farthest it can narrow a cell (2 x the
    // clearance): beyond it a cell is neither inside the obstacle nor narrowed by it.
    const double reach = 2.0 * kNarrowClearanceM;
    struct Bounds { double x0, y0, x1, y1; };
    std::vector<Bounds> reachOf;
    reachOf.reserve(obstacles.size());
    for (const Polygon& o : obstacles) {
        Bounds b{1e300, 1e300, -1e300, -1e300};
        for (Vec2 p : o) {
            b.x0 = std::min(b.x0, p.x); b.x1 = std::max(b.x1, p.x);
            b.y0 = std::min(b.y0, p.y); b.y1 = std::max(b.y1, p.y);
        }
        reachOf.push_back({b.x0 - reach, b.y0 - reach, b.x1 + reach, b.y1 + reach});
    }
    for (int j = 0; j < ny_; ++j)
        for (int i = 0; i < nx_; ++i) {
            const Vec2 c{origin_.x + (i + 0.5) * h_, origin_.y + (j + 0.5) * h_};
            bool ok = pointInPolygon(c, area);
            double dObstacle = 1e9;
            for (size_t k = 0; k < obstacles.size() && ok; ++k) {
                const Bounds& b = reachOf[k];
                if (c.x < b.x0 || c.x > b.x1 || c.y < b.y0 || c.y > b.y1) continue;
                const Polygon& o = obstacles[k];
                ok = !pointInPolygon(c, o);
                for (size_t e = 0; e < o.size() && ok; ++e)
                    dObstacle = std::min(dObstacle, distanceToSegment(c, {o[e], o[(e + 1) % o.size()]}));
            }
            const size_t idx = static_cast<size_t>(j) * nx_ + i;
            walkable_[idx] = ok ? 1 : 0;
            if (!ok) continue;
            double dw = 1e9;
            for (const Segment& w : walls) dw = std::min(dw, distanceToSegment(c, w));
            // Beside an obstacle, or in the gap between one and a wall (the gap is about
            // dObstacle + dw wide there). Walls alone narrow nothing: a doorway's width is the
            // building's, and the crowd model's own walls keep people off them.
            narrow_[idx] = dObstacle < kNarrowClearanceM || dObstacle + dw < 2.0 * kNarrowClearanceM ? 1 : 0;
            penalty_[idx] = static_cast<float>(1.0 + kClearancePenalty * std::max(0.0, 1.0 - dw / kClearanceM) +
                                               (narrow_[idx] ? kNarrowPenalty : 0.0));
        }
}

int FloorField::cellOf(Vec2 p) const {
    const int i = static_cast<int>(std::floor((p.x - origin_.x) / h_));
    const int j = static_cast<int>(std::floor((p.y - origin_.y) / h_));
    if (i < 0 || j < 0 || i >= nx_ || j >= ny_) return -1;
    return j * nx_ + i;
}

int FloorField::addTarget(const Segment& target) {
    const size_t n = walkable_.size();
    std::vector<float> d(n, kUnknown);
    using Item = std::pair<float, int>;
    std::priority_queue<Item, std::vector<Item>, std::greater<Item>> pq;
    auto seesTarget = [&](Vec2 p) {
        const Vec2 q = closestPointOnSegment(p, target);
        // Nor through a slot no one fits (an obstacle stops short of the wall by a few cm).
        constexpr double kSlotM = 0.05;
        const Segment pq{p, q};
        for (const Segment& e : obstacleEdges_)
            if (segmentsIntersect(p, q, e.a, e.b) || distanceToSegment(e.a, pq) < kSlotM || distanceToSegment(e.b, pq) < kSlotM ||
                distanceToSegment(p, e) < kSlotM || distanceToSegment(q, e) < kSlotM)
                return false;
        return true;
    };
    double best = 1e9;
    for (size_t c = 0; c < n; ++c) {
        if (!walkable_[c]) continue;
        const Vec2 p{origin_.x + (static_cast<int>(c % nx_) + 0.5) * h_, origin_.y + (static_cast<int>(c / nx_) + 0.5) * h_};
        const double ds = distanceToSegment(p, target);
        if (ds < best && seesTarget(p)) best = ds;
    }
    for (size_t c = 0; c < n; ++c) {
        if (!walkable_[c]) continue;
        const Vec2 p{origin_.x + (static_cast<int>(c % nx_) + 0.5) * h_, origin_.y + (static_cast<int>(c / nx_) + 0.5) * h_};
        const double ds = distanceToSegment(p, target);
        if (ds <= std::max(best + 0.5 * h_, 0.75 * h_) && seesTarget(p)) {
            d[c] = static_cast<float>(ds);
            pq.push({d[c], static_cast<int>(c)});
        }
    }
    static constexpr int di[8] = {1, -1, 0, 0, 1, 1, -1, -1};
    static constexpr int dj[8] = {0, 0, 1, -1, 1, -1, 1, -1};
    while (!pq.empty()) {
        auto [dc, c] = pq.top();
        pq.pop();
        if (dc > d[c]) continue;
        const int ci = c % nx_, cj = c / nx_;
        for (int k = 0; k < 8; ++k) {
            const int ni = ci + di[k], nj = cj + dj[k];
            if (ni < 0 || nj < 0 || ni >= nx_ || nj >= ny_) continue;
            const int nc = nj * nx_ + ni;
            if (!walkable_[nc]) continue;
            if (k >= 4 && (!walkable_[cj * nx_ + ni] || !walkable_[nj * nx_ + ci])) continue;  // no corner cutting
            const double step = (k < 4 ? 1.0 : std::sqrt(2.0)) * h_ * 0.5 * (penalty_[c] + penalty_[nc]);
            const float nd = static_cast<float>(dc + step);
            if (nd < d[nc]) {
                d[nc] = nd;
                pq.push({nd, nc});
            }
        }
    }
    // Descent direction: central differences, one-sided next to walls.
    std::vector<float> gx(n, 0.0f), gy(n, 0.0f);
    auto at = [&](int i, int j) -> float {
        if (i < 0 || j < 0 || i >= nx_ || j >= ny_) return kUnknown;
        return d[static_cast<size_t>(j) * nx_ + i];
    };
    // Seen from a cell with room for a body, a narrow neighbour is a cliff of cost, not a way
    // down: it counts as a wall there, so the direction follows the open cells round it.
    auto open = [&](int i, int j, bool fromNarrow) -> float {
        const float v = at(i, j);
        if (v >= kUnknown || fromNarrow) return v;
        return narrow_[static_cast<size_t>(j) * nx_ + i] ? kUnknown : v;
    };
    for (int j = 0; j < ny_; ++j)
        for (int i = 0; i < nx_; ++i) {
            const float c = at(i, j);
            if (c >= kUnknown) continue;
            const bool fromNarrow = narrow_[static_cast<size_t>(j) * nx_ + i] != 0;
            auto diff = [&](float lo, float hi) -> double {
                const bool hl = lo < kUnknown, hh = hi < kUnknown;
                if (hl && hh) return (hi - lo) / (2.0 * h_);
                if (hh) return (hi - c) / h_;
                if (hl) return (c - lo) / h_;
                return 0.0;
            };
            const double ddx = diff(open(i - 1, j, fromNarrow), open(i + 1, j, fromNarrow));
            const double ddy = diff(open(i, j - 1, fromNarrow), open(i, j + 1, fromNarrow));
            const Vec2 g = normalized({-ddx, -ddy});
            gx[static_cast<size_t>(j) * nx_ + i] = static_cast<float>(g.x);
            gy[static_cast<size_t>(j) * nx_ + i] = static_cast<float>(g.y);
        }
    // Dilate into the wall and obstacle cells around the walkable ones, pointing back out, so
    // people whose centre sits in such a cell still get a sensible direction. Never into a
    // walkable cell the field did not reach: that is floor cut off from the target (behind a
    // heap of debris), and dilating into it had given people up to 0.75 m behind a thin heap a
    // way out through it.
    for (int pass = 0; pass < 3; ++pass) {
        std::vector<float> d2 = d;
        for (int j = 0; j < ny_; ++j)
            for (int i = 0; i < nx_; ++i) {
                const size_t c = static_cast<size_t>(j) * nx_ + i;
                if (d[c] < kUnknown || walkable_[c]) continue;
                float bestN = kUnknown;
                int bi = 0, bj = 0;
                for (int k = 0; k < 8; ++k) {
                    const float v = at(i + di[k], j + dj[k]);
                    if (v < bestN) { bestN = v; bi = di[k]; bj = dj[k]; }
                }
                if (bestN >= kUnknown) continue;
                d2[c] = bestN + static_cast<float>(h_);
                const Vec2 g = normalized({static_cast<double>(bi), static_cast<double>(bj)});
                gx[c] = static_cast<float>(g.x);
                gy[c] = static_cast<float>(g.y);
            }
        d.swap(d2);
    }
    dist_.push_back(std::move(d));
    dirX_.push_back(std::move(gx));
    dirY_.push_back(std::move(gy));
    return static_cast<int>(dist_.size()) - 1;
}

double FloorField::distance(int k, Vec2 p) const {
    const auto& d = dist_[k];
    const double fx = (p.x - origin_.x) / h_ - 0.5, fy = (p.y - origin_.y) / h_ - 0.5;
    const int i0 = static_cast<int>(std::floor(fx)), j0 = static_cast<int>(std::floor(fy));
    const double tx = fx - i0, ty = fy - j0;
    // Standing on floor (a walkable cell around p), only the floor's values count: a wall or
    // obstacle cell's value was dilated from its other side, which may be cut off from here.
    bool onFloor = false;
    for (int b = 0; b < 2; ++b)
        for (int a = 0; a < 2; ++a) {
            const int i = i0 + a, j = j0 + b;
            if (i >= 0 && j >= 0 && i < nx_ && j < ny_ && walkable_[static_cast<size_t>(j) * nx_ + i]) onFloor = true;
        }
    double sum = 0.0, wsum = 0.0;
    for (int b = 0; b < 2; ++b)
        for (int a = 0; a < 2; ++a) {
            const int i = i0 + a, j = j0 + b;
            if (i < 0 || j < 0 || i >= nx_ || j >= ny_) continue;
            if (onFloor && !walkable_[static_cast<size_t>(j) * nx_ + i]) continue;
            const float v = d[static_cast<size_t>(j) * nx_ + i];
            if (v >= kUnknown) continue;
            const double w = (a ? tx : 1.0 - tx) * (b ? ty : 1.0 - ty) + 1e-9;
            sum += w * v;
            wsum += w;
        }
    return wsum > 0.0 ? sum / wsum : 1e6;
}

Vec2 FloorField::direction(int k, Vec2 p) const {
    const auto& d = dist_[k];
    const double fx = (p.x - origin_.x) / h_ - 0.5, fy = (p.y - origin_.y) / h_ - 0.5;
    const int i0 = static_cast<int>(std::floor(fx)), j0 = static_cast<int>(std::floor(fy));
    const double tx = fx - i0, ty = fy - j0;
    Vec2 g{};
    for (int b = 0; b < 2; ++b)
        for (int a = 0; a < 2; ++a) {
            const int i = i0 + a, j = j0 + b;
            if (i < 0 || j < 0 || i >= nx_ || j >= ny_) continue;
            const size_t c = static_cast<size_t>(j) * nx_ + i;
            if (d[c] >= kUnknown) continue;
            const double w = (a ? tx : 1.0 - tx) * (b ? ty : 1.0 - ty) + 1e-9;
            g = g + Vec2{dirX_[k][c], dirY_[k][c]} * w;
        }
    return normalized(g);
}

}  // namespace cd::crowd
