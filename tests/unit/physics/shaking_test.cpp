// Earthquake base excitation: furniture slides when the ground acceleration exceeds mu g,
// tall cabinets topple, hanging items fall. Coulomb sliding threshold: a block on a shaking
// floor stays put while |a_g| < mu g (e.g. Newmark 1965, rigid sliding block).
#include <algorithm>
#include <cmath>

#include <glm/geometric.hpp>

#include "fixture.h"

namespace cd::physics {
namespace {

GroundMotion constantShake(float ax, double durationS) {
    GroundMotion g;
    g.source = "constant";
    g.timeS = {0.0, durationS};
    g.accelMS2 = {glm::vec3(ax, 0, 0), glm::vec3(ax, 0, 0)};
    return g;
}

BodyId addDesk(WorldDef& def, float friction) {
    DynamicBodyDef desk;
    desk.centerM = {0.0f, 0.0f, 0.38f};
    desk.halfExtentsM = {0.6f, 0.4f, 0.38f};
    desk.material.frictionCoeff = friction;  // x concrete 0.7
    def.bodies.push_back(desk);
    return BodyId{1u, 0u};  // ids follow the definition: the floor is body 0
}

// A desk on the ground (body 2) and one on a roof slab 10 m up (body 3), 100 m apart.
WorldDef groundAndRoofDesks(float friction) {
    WorldDef def = test::floorWorld();
    StaticBoxDef roof;
    roof.centerM = {100.0f, 0.0f, 9.5f};
    roof.halfExtentsM = {10.0f, 10.0f, 0.5f};
    roof.material = materials::concrete();
    def.staticBoxes.push_back(roof);
    DynamicBodyDef desk;
    desk.halfExtentsM = {0.6f, 0.4f, 0.38f};
    desk.material.frictionCoeff = friction;  // x concrete 0.7
    desk.centerM = {0.0f, 0.0f, 0.38f};
    def.bodies.push_back(desk);
    desk.centerM = {100.0f, 0.0f, 10.38f};
    def.bodies.push_back(desk);
    return def;
}

TEST(Shaking, ADeskStaysBelowTheSlidingThresholdAndSlidesAboveIt) {
    // mu = 0.5 x 0.7 = 0.35: threshold 0.35 g = 3.43 m/s^2.
    for (float ax : {2.5f, 5.0f}) {
        WorldDef def = test::floorWorld();
        const BodyId desk = addDesk(def, 0.5f);
        auto w = test::build(def);
        test::run(*w, 0.5);
        const float x0 = w->bodyState(desk).positionM.x;
        w->setGroundMotion(constantShake(ax, 1.0), w->timeS());
        test::run(*w, 1.0);
        const float slid = w->bodyState(desk).positionM.x - x0;
        if (ax < 3.43f) {
            EXPECT_NEAR(slid, 0.0f, 0.005f) << ax;
        } else {
            // Relative to the floor it accelerates at -(a - mu g) for 1 s: 0.5 (5.0 - 3.43) = 0.78 m.
            EXPECT_NEAR(slid, -0.5f * (ax - 0.35f * 9.81f), 0.08f) << ax;
        }
    }
}

TEST(Shaking, OnTheTopFloorTheSameQuakeMovesADeskThatStaysPutAtTheBase) {
    // ASCE/SEI 7-16 eq. 13.3-1: a component at height z of a building of height h feels
    // 1 + 2 z/h times the ground acceleration. 2.5 m/s^2 at the base is under the desk's
    // 0.35 g = 3.43 m/s^2 threshold; on a roof at 10 m it is 7.5 m/s^2, well over it.
    auto w = test::build(groundAndRoofDesks(0.5f));
    const BodyId base{2u, 0u}, top{3u, 0u};
    w->setFloorAmplification(0.0f, 10.0f);
    test::run(*w, 0.5);
    const float x0 = w->bodyState(base).positionM.x, x1 = w->bodyState(top).positionM.x;
    w->setGroundMotion(constantShake(2.5f, 1.0), w->timeS());
    test::run(*w, 1.0);
    EXPECT_NEAR(w->bodyState(base).positionM.x - x0, 0.0f, 0.005f);
    // Relative to the roof it accelerates at -(3 x 2.5 - 0.35 g) for 1 s: 0.5 x 4.07 = 2.03 m.
    const float factor = 1.0f + 2.0f * std::min(1.0f, 10.38f / 10.0f);
    EXPECT_NEAR(w->bodyState(top).positionM.x - x1, -0.5f * (factor * 2.5f - 0.35f * 9.81f), 0.15f);
}

TEST(Shaking, InASwayingBuildingEachBodyFeelsItsOwnFloor) {
    // Frictionless desks on the ground and on the roof of a two-storey building (5 m storeys,
    // period 0.5 s) under 3 s of a 2 m/s^2 sine at the building's own period: each slides by
    // minus the double integral of its floor's absolute acceleration (stepped as Bullet steps:
    // semi-implicit Euler), the roof's from a BuildingSway fed the same ground.
    auto w = test::build(groundAndRoofDesks(0.0f));
    const BodyId base{2u, 0u}, top{3u, 0u};
    BuildingSwayDef sd;
    sd.storeys = 2;
    sd.storeyHeightM = 5.0f;
    sd.periodS = 0.5f;
    auto sway = BuildingSway::create(sd, "unit");
    ASSERT_TRUE(sway.ok());
    w->setBuildingSway(*sway);
    test::run(*w, 0.5);
    const glm::vec3 p0 = w->bodyState(base).positionM, p1 = w->bodyState(top).positionM;
    GroundMotion g;
    g.source = "sine";
    for (int i = 0; i <= 600; ++i) {
        const double t = 0.005 * i;
        g.timeS.push_back(t);
        g.accelMS2.emplace_back(static_cast<float>(2.0 * std::sin(2.0 * 3.14159265358979 * t / 0.5)), 0.0f, 0.0f);
    }
    w->setGroundMotion(g, w->timeS());
    const double dt = w->stepS();
    BuildingSway ref = *sway;
    double vg = 0.0, xg = 0.0, vr = 0.0, xr = 0.0, peakRoof = 0.0;
    for (int i = 0; i < 150; ++i) {  // 2.5 s
        const float a = g.accelerationAt(i * dt).x;
        ref.step(glm::vec2(a, 0.0f), dt);
        vg -= a * dt, xg += vg * dt;
        vr -= ref.floorAccelerationMS2(2).x * dt, xr += vr * dt;
        peakRoof = std::max(peakRoof, std::fabs(double(ref.floorAccelerationMS2(2).x)));
        w->step();
    }
    const float slidBase = w->bodyState(base).positionM.x - p0.x, slidTop = w->bodyState(top).positionM.x - p1.x;
    EXPECT_NEAR(slidBase, xg, 0.01 * std::fabs(xg) + 0.002);
    EXPECT_NEAR(slidTop, xr, 0.01 * std::fabs(xr) + 0.002);
    EXPECT_GT(peakRoof, 3.0 * 2.0) << "at resonance the roof shakes far harder than the ground";
    // The ground stops; the building rings on, and the roof desk with it, until it settles.
    w->stopGroundMotion();
    EXPECT_GT(glm::length(w->floorAccelerationMS2(10.4f)), 1.0f);
    test::run(*w, 0.1);
    EXPECT_GT(glm::length(w->floorAccelerationMS2(10.4f)), 1.0f) << "still ringing";
    EXPECT_EQ(glm::length(w->floorAccelerationMS2(0.4f)), 0.0f) << "the ground is still";
    test::run(*w, 20.0);
    EXPECT_EQ(glm::length(w->floorAccelerationMS2(10.4f)), 0.0f) << "settled and stopped";
}

TEST(Shaking, TheSwayIsPartOfTheStateHash) {
    // No free bodies (nothing else moves): the same sway gives the same hash, another period
    // another one.
    auto hashAfter = [](float periodS) {
        auto w = test::build(test::floorWorld());
        BuildingSwayDef sd;
        sd.storeys = 2;
        sd.storeyHeightM = 5.0f;
        sd.periodS = periodS;
        auto sway = BuildingSway::create(sd, "unit");
        EXPECT_TRUE(sway.ok());
        w->setBuildingSway(*sway);
        GroundMotion g;
        g.source = "ramp";
        g.timeS = {0.0, 1.0};
        g.accelMS2 = {glm::vec3(0.0f), glm::vec3(1.0f, 0.5f, 0.0f)};
        w->setGroundMotion(g, w->timeS());
        w->step();
        w->step();
        return w->stateHash();
    };
    EXPECT_EQ(hashAfter(0.5f), hashAfter(0.5f));
    EXPECT_NE(hashAfter(0.5f), hashAfter(0.6f));
}

TEST(Shaking, ATallCabinetToppleAndAHangingLightFallsInAStrongQuake) {
    WorldDef def = test::floorWorld();
    DynamicBodyDef cabinet;
    cabinet.centerM = {0.0f, 0.0f, 1.1f};
    cabinet.halfExtentsM = {0.5f, 0.15f, 1.1f};  // a bookcase: rocks when a_y > g b / h = 1.34 m/s^2
    cabinet.material.frictionCoeff = 1.5f;
    def.bodies.push_back(cabinet);
    DynamicBodyDef lamp;
    lamp.kind = BodyKind::HangingItem;
    lamp.shape = ShapeKind::Sphere;
    lamp.centerM = {3.0f, 0.0f, 2.5f};
    lamp.halfExtentsM = glm::vec3(0.15f);
    lamp.material.densityKgM3 = 300.0f;  // 4.2 kg: 41 N on its hook at rest
    lamp.anchorBreakForceN = 50.0f;      // holds at rest, not with 4 m/s^2 of vertical shaking on top
    lamp.tag = 55;
    def.bodies.push_back(lamp);
    auto w = test::build(def);
    test::run(*w, 0.5);
    EXPECT_NEAR(w->bodyState(BodyId{2u, 0u}).positionM.z, 2.5f, 0.02f);  // hangs
    ParametricGroundMotion p;
    p.pgaMS2 = 6.0;
    p.dominantPeriodS = 0.5;
    p.durationS = 8.0;
    w->setGroundMotion(makeParametricGroundMotion(p).value(), w->timeS());
    bool anchorBroke = false;
    for (int i = 0; i < 8 * 60; ++i) {
        w->step();
        for (const PhysicsEvent& e : w->pullEvents())
            if (e.kind == PhysicsEventKind::AnchorBroken && e.tag == 55) anchorBroke = true;
    }
    EXPECT_TRUE(anchorBroke);
    EXPECT_LT(w->bodyState(BodyId{2u, 0u}).positionM.z, 0.5f);  // the lamp is on the floor
    const glm::quat q = w->bodyState(BodyId{1u, 0u}).orientation;  // floor 0, cabinet 1, lamp 2
    const glm::vec3 up = q * glm::vec3(0.0f, 0.0f, 1.0f);
    EXPECT_LT(up.z, std::cos(0.7f)) << "cabinet still upright";
}

TEST(Shaking, StopsAtTheEndOfTheRecordAndReportsTheGroundAcceleration) {
    auto w = test::build(test::floorWorld());
    w->setGroundMotion(constantShake(1.0f, 0.5), 0.0);
    w->step();
    EXPECT_NEAR(w->groundAccelerationMS2().x, 1.0f, 1e-6f);
    test::run(*w, 1.0);
    EXPECT_EQ(w->groundAccelerationMS2(), glm::vec3(0.0f));
}

}  // namespace
}  // namespace cd::physics
