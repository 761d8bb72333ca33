// Turns a parsed case into a running simulation: groups, and people placed at random (seeded)
// without overlapping each other, walls or obstacles.
#include <cmath>
#include <numbers>
#include <unordered_map>

#include "core/rng.h"
#include "crowd/crowd_case.h"

namespace cd::crowd {

namespace {

/// Placed people by 0.5 m cell, for overlap checks while placing.
class PlacementGrid {
public:
    bool clear(Vec2 p, int level, double r) const {
        const long long cx = cell(p.x), cy = cell(p.y);
        for (long long dy = -2; dy <= 2; ++dy)
            for (long long dx = -2; dx <= 2; ++dx) {
                auto it = cells_.find(key(level, cx + dx, cy + dy));
                if (it == cells_.end()) continue;
                for (const auto& [q, rq] : it->second)
                    if (length(q - p) < r + rq + 0.02) return false;
            }
        return true;
    }
    void add(Vec2 p, int level, double r) { cells_[key(level, cell(p.x), cell(p.y))].push_back({p, r}); }

private:
    static long long cell(double v) { return static_cast<long long>(std::floor(v / 0.5)); }
    static long long key(int level, long long x, long long y) {
        return (static_cast<long long>(level) << 48) ^ ((x & 0xffffff) << 24) ^ (y & 0xffffff);
    }
    std::unordered_map<long long, std::vector<std::pair<Vec2, double>>> cells_;
};

double freeAreaM2(const Building& b, int area) {
    double a = std::abs(signedArea(b.areas[area].polygon));
    for (const Obstacle& o : b.obstacles)
        if (o.area == area) a -= std::abs(signedArea(o.polygon));
    return a;
}

}  // namespace

Result<std::unique_ptr<CrowdSim>> buildCrowdSim(const CrowdCase& c) {
    auto created = CrowdSim::create(c.building, c.settings);
    if (!created) return created.error();
    std::unique_ptr<CrowdSim> sim = std::move(created.value());
    const Building& b = sim->building();
    const std::string& file = b.sourceFile;
    Rng root(c.settings.seed);
    PlacementGrid placed;
    std::vector<int> firstAgent(c.groups.size(), -1);
    for (size_t gi = 0; gi < c.groups.size(); ++gi) {
        const GroupSpec& g = c.groups[gi];
        const int group = sim->addGroup(CrowdGroup{g.id, g.knownExits, g.familiarityPenaltyS});
        Rng rng = root.fork(gi + 1);
        std::vector<std::pair<Vec2, int>> starts;
        if (!g.positions.empty()) {
            for (Vec2 p : g.positions) {
                int area = g.area;
                if (area < 0)
                    for (size_t a = 0; a < b.areas.size() && area < 0; ++a)
                        if (pointInPolygon(p, b.areas[a].polygon)) area = static_cast<int>(a);
                if (area < 0 || !pointInPolygon(p, b.areas[area].polygon))
                    return makeError("position (" + std::to_string(p.x) + ", " + std::to_string(p.y) + ") is not inside " +
                                         (g.area >= 0 ? "area '" + b.areas[g.area].id + "'" : std::string("any area")),
                                     file, g.sourceLine, "positions");
                starts.push_back({p, area});
            }
        } else if (g.count > 0) {
            const double need = g.count * std::numbers::pi * (g.radiusM + 0.01) * (g.radiusM + 0.01) / 0.45;
            const double have = freeAreaM2(b, g.area);
            const std::string fitMsg = "more people than fit: " + std::to_string(g.count) + " people need about " +
                                       std::to_string(static_cast<int>(std::ceil(need))) + " m2, area '" + b.areas[g.area].id +
                                       "' has " + std::to_string(static_cast<int>(have)) + " m2 free";
            if (need > have) return makeError(fitMsg, file, g.countLine, "count");
            const Polygon& poly = b.areas[g.area].polygon;
            double x0 = poly[0].x, x1 = x0, y0 = poly[0].y, y1 = y0;
            for (Vec2 p : poly) {
                x0 = std::min(x0, p.x); x1 = std::max(x1, p.x);
                y0 = std::min(y0, p.y); y1 = std::max(y1, p.y);
            }
            const int level = b.areas[g.area].level;
            long long tries = 0;
            const long long maxTries = 2000LL + 400LL * g.count;
            while (static_cast<int>(starts.size()) < g.count) {
                if (++tries > maxTries) return makeError(fitMsg + " (could not place them without overlap)", file, g.countLine, "count");
                const Vec2 p{rng.uniform(x0, x1), rng.uniform(y0, y1)};
                if (!sim->fitsGeometry(p, g.area, g.radiusM + 0.02) || !placed.clear(p, level, g.radiusM)) continue;
                placed.add(p, level, g.radiusM);
                starts.push_back({p, g.area});
            }
        }
        for (auto [p, area] : starts) {
            Agent a;
            a.group = group;
            a.pos = p;
            a.area = area;
            a.radiusM = g.radiusM;
            a.desiredSpeedMps = g.speed.draw(rng);
            a.premovementS = g.premovement.draw(rng);
            a.assignedExit = g.exitDoor;
            a.leader = g.followsGroup >= 0 ? firstAgent[g.followsGroup] : -1;
            if (!g.positions.empty()) placed.add(p, b.areas[area].level, g.radiusM);
            auto id = sim->addAgent(a);
            if (!id) return makeError(id.error().message, file, g.sourceLine, g.positions.empty() ? "area" : "positions");
            if (firstAgent[gi] < 0) firstAgent[gi] = *id;
        }
    }
    return Result<std::unique_ptr<CrowdSim>>(std::move(sim));
}

}  // namespace cd::crowd
