#pragma once
// Small builders for the verification geometries (RiMEA 3.0 tests, bottlenecks).
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <memory>
#include <string>

#include "core/rng.h"
#include "crowd/crowd_sim.h"

namespace cd::crowd::test {

inline Polygon rect(double x0, double y0, double x1, double y1) { return {{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}}; }

struct Scene {
    Building b;
    CrowdSettings settings;

    int area(const std::string& id, Polygon poly, int level = 0) {
        b.areas.push_back({id, std::move(poly), level, 0});
        return static_cast<int>(b.areas.size()) - 1;
    }
    int door(const std::string& id, int from, int to, Vec2 a, Vec2 c) {
        Door d;
        d.id = id;
        d.fromArea = from;
        d.toArea = to;
        d.segment = {a, c};
        b.doors.push_back(d);
        return static_cast<int>(b.doors.size()) - 1;
    }
    int stair(const std::string& id, int from, int to, double lengthM, Segment fromSeg, Segment toSeg) {
        Stair s;
        s.id = id;
        s.fromArea = from;
        s.toArea = to;
        s.lengthM = lengthM;
        s.fromSegment = fromSeg;
        s.toSegment = toSeg;
        s.hasSegments = true;
        b.stairs.push_back(s);
        return static_cast<int>(b.stairs.size()) - 1;
    }
    std::unique_ptr<CrowdSim> build() {
        auto r = CrowdSim::create(b, settings);
        EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().str());
        return r.ok() ? std::move(r.value()) : nullptr;
    }
};

inline int addPerson(CrowdSim& sim, Vec2 pos, double speed, int area = -1, double premovementS = 0.0, int group = -1) {
    Agent a;
    a.pos = pos;
    a.area = area;
    a.desiredSpeedMps = speed;
    a.premovementS = premovementS;
    a.group = group;
    auto r = sim.addAgent(a);
    EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().message);
    return r.ok() ? *r : -1;
}

/// Fills a rectangle with people on a jittered lattice at the given density (1/m^2).
inline int fillRect(CrowdSim& sim, double x0, double y0, double x1, double y1, int count, double speed, std::uint64_t seed,
                    int group = -1, double margin = 0.3) {
    Rng rng(seed);
    const double w = x1 - x0 - 2 * margin, h = y1 - y0 - 2 * margin;
    const int cols = std::max(1, static_cast<int>(std::ceil(std::sqrt(count * w / h))));
    const int rows = (count + cols - 1) / cols;
    int placed = 0;
    for (int r = 0; r < rows && placed < count; ++r)
        for (int c = 0; c < cols && placed < count; ++c) {
            const double jx = (rng.uniform() - 0.5) * 0.1 * w / cols, jy = (rng.uniform() - 0.5) * 0.1 * h / rows;
            const Vec2 p{x0 + margin + (c + 0.5) * w / cols + jx, y0 + margin + (r + 0.5) * h / rows + jy};
            if (addPerson(sim, p, speed, -1, 0.0, group) >= 0) ++placed;
        }
    return placed;
}

inline double lastExitTime(const CrowdSim& sim) {
    double t = 0.0;
    for (const Agent& a : sim.agents()) t = std::max(t, a.exitTimeS);
    return t;
}

}  // namespace cd::crowd::test
