#pragma once
// A classroom bookcase on a storey of teaching block A (an 18 m block; the floor response of
// ASCE/SEI 7-16 eq. 13.3-1, 1 + 2 z / h of the ground motion) under the shipped record
// (assets/ground_motion/synthetic_kt_m6.csv) scaled, in three dimensions (x along the wall, y
// towards it, z up): furniture on concrete, 60 kg, optionally against a masonry wall 3 cm behind
// it and tied to that wall (wall_tie.cpp). For shipped_bookcase_test.cpp and wall_tie_test.cpp.
#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <string>

#include <gtest/gtest.h>

#include "physics/physics_world.h"

namespace cd::physics::test {

inline GroundMotion shippedRecord() {
    const char* src = std::getenv("CITYDRILL_SOURCE_DIR");
    auto rec = loadGroundMotionCsv(std::string(src ? src : ".") + "/assets/ground_motion/synthetic_kt_m6.csv");
    EXPECT_TRUE(rec.ok()) << (rec.ok() ? "" : rec.error().str());
    return rec.ok() ? *rec : GroundMotion{};
}

struct BookcaseShake {
    double halfDepthM = 0.125;   ///< towards the wall
    double halfHeightM = 1.0;
    double storeyFloorM = 14.0;  ///< above the block's base (storey 4: 14 m)
    double scale = 1.0;          ///< of the record
    bool wall = true;
    double tieN = 0.0;           ///< > 0: tied to the wall (needs wall)
};

struct BookcaseRun {
    double maxTiltRad = 0.0;
    double maxTowardsWallTiltRad = 0.0;  ///< in the plane square to the wall (y-z)
    bool overturned = false;             ///< tilted past 1 rad
    bool tore = false;                   ///< its tie tore (during the shaking)
    bool toreSettling = false;           ///< its tie tore while it settled, before the shaking
};

/// 30 steps to settle, then the record and 3 s after it, or until it overturns.
inline BookcaseRun shakeBookcase(const BookcaseShake& c) {
    WorldDef def;
    def.source = "bookcase";
    StaticBoxDef floor;
    floor.centerM = {0.0f, 0.0f, -0.5f};
    floor.halfExtentsM = {20.0f, 20.0f, 0.5f};
    floor.material = materials::concrete();
    def.staticBoxes.push_back(floor);
    if (c.wall) {
        StaticBoxDef w;  // the back wall, its face 3 cm behind the bookcase
        w.centerM = {0.0f, float(c.halfDepthM) + 0.03f + 0.1f, 1.5f};
        w.halfExtentsM = {5.0f, 0.1f, 1.5f};
        w.material = materials::masonry();
        def.staticBoxes.push_back(w);
    }
    DynamicBodyDef shelf;
    shelf.halfExtentsM = {0.45f, float(c.halfDepthM), float(c.halfHeightM)};
    shelf.centerM = {0.0f, 0.0f, float(c.halfHeightM) + 0.002f};
    shelf.material = materials::furniture();
    shelf.material.densityKgM3 = float(60.0 / (0.9 * 2.0 * c.halfDepthM * 2.0 * c.halfHeightM));
    shelf.wallTieBreakForceN = float(c.tieN);
    shelf.wallTieDir = {0.0f, 1.0f, 0.0f};
    def.bodies.push_back(shelf);
    auto w = PhysicsWorld::create(def).value();
    const BodyId id{c.wall ? 2u : 1u, 0u};
    w->setFloorAmplification(float(-c.storeyFloorM), 18.0f);
    GroundMotion g = shippedRecord();
    for (glm::vec3& a : g.accelMS2) a *= float(c.scale);
    for (int i = 0; i < 30; ++i) w->step();
    BookcaseRun out;
    for (const PhysicsEvent& e : w->pullEvents()) out.toreSettling = out.toreSettling || e.kind == PhysicsEventKind::AnchorBroken;
    out.tore = out.toreSettling;
    w->setGroundMotion(g, w->timeS());
    const int n = static_cast<int>((g.durationS() + 3.0) / w->stepS());
    for (int i = 0; i < n && !out.overturned; ++i) {
        w->step();
        for (const PhysicsEvent& e : w->pullEvents()) out.tore = out.tore || e.kind == PhysicsEventKind::AnchorBroken;
        const glm::vec3 up = w->bodyState(id).orientation * glm::vec3(0.0f, 0.0f, 1.0f);
        out.maxTiltRad = std::max(out.maxTiltRad, std::acos(std::clamp(double(up.z), -1.0, 1.0)));
        out.maxTowardsWallTiltRad = std::max(out.maxTowardsWallTiltRad, std::abs(std::atan2(double(up.y), double(up.z))));
        out.overturned = out.maxTiltRad > 1.0;
    }
    return out;
}

}  // namespace cd::physics::test
