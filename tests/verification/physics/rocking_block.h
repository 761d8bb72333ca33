#pragma once
// A free-standing rectangular block on a rigid floor, for the rocking cases: the Bullet scene
// (the block in cd::physics, driven by the module's ground-motion path) and Housner's rigid-block
// reference model to check it against.
//
// Geometry (Housner 1963, BSSA 53(2):403, Fig. 1): half-width b (along y, the rocking plane),
// half-height h, R = sqrt(b^2 + h^2), slenderness alpha = atan(b/h), frequency parameter
// p = sqrt(3 g / (4 R)) for a uniform rectangle. The tilt theta is the rotation about x, positive
// when the top moves towards +y (the block then pivots on its +y edge).
#include <algorithm>
#include <cmath>
#include <memory>
#include <utility>

#include <glm/gtc/quaternion.hpp>
#include <gtest/gtest.h>

#include "physics/physics_world.h"

namespace cd::physics::test {

constexpr double kG = 9.81;

struct BlockSpec {
    double halfWidthM = 0.2;    ///< b, in the rocking plane (y)
    double halfHeightM = 1.0;   ///< h
    double halfDepthM = 0.3;    ///< out of plane (x); does not enter the in-plane rocking
    double blockMu = 1.0;       ///< block friction; the floor's is 1, so this is the pair's mu (product rule)
    double blockRestitution = 0.0;
    double densityKgM3 = 500.0;

    double alpha() const { return std::atan(halfWidthM / halfHeightM); }
    double radiusM() const { return std::sqrt(halfWidthM * halfWidthM + halfHeightM * halfHeightM); }
    double p() const { return std::sqrt(3.0 * kG / (4.0 * radiusM())); }
    /// Housner (1963) eq. for the angular velocity ratio at impact (no bounce, no slip).
    double housnerR() const {
        const double s = std::sin(alpha());
        return 1.0 - 1.5 * s * s;
    }
};

struct BlockScene {
    std::unique_ptr<PhysicsWorld> world;
    BodyId block;
};

/// The block standing on a floor (friction 1, restitution floorRestitution) at the world's
/// defaults (60 Hz, 10 iterations), optionally tilted by tiltRad onto its +y edge.
inline BlockScene makeBlockScene(const BlockSpec& s, double tiltRad = 0.0, float floorRestitution = 0.0f,
                                 float stepS = 1.0f / 60.0f, int iterations = 10) {
    BlockScene out;
    WorldDef def;
    def.source = "verification";
    def.stepS = stepS;
    def.solverIterations = iterations;
    StaticBoxDef floor;
    floor.centerM = {0.0f, 0.0f, -0.5f};
    floor.halfExtentsM = {100.0f, 100.0f, 0.5f};
    floor.material.frictionCoeff = 1.0f;
    floor.material.restitution = floorRestitution;
    def.staticBoxes.push_back(floor);
    out.world = std::move(PhysicsWorld::create(def).value());
    DynamicBodyDef d;
    d.halfExtentsM = glm::vec3(float(s.halfDepthM), float(s.halfWidthM), float(s.halfHeightM));
    d.material.frictionCoeff = float(s.blockMu);
    d.material.restitution = float(s.blockRestitution);
    d.material.densityKgM3 = float(s.densityKgM3);
    // Pivot on the +y edge: the centre sits at pivot + rot_x(-theta) (-b, h).
    const double b = s.halfWidthM, h = s.halfHeightM, t = tiltRad;
    d.centerM = glm::vec3(0.0f, float(b - b * std::cos(t) + h * std::sin(t)), float(b * std::sin(t) + h * std::cos(t)));
    d.orientation = glm::angleAxis(float(-t), glm::vec3(1.0f, 0.0f, 0.0f));
    out.block = out.world->addBody(d).value();
    return out;
}

/// Tilt of the block's axis in the y-z plane (positive: top towards +y).
inline double tiltRad(const BodyState& st) {
    const glm::vec3 up = st.orientation * glm::vec3(0.0f, 0.0f, 1.0f);
    return std::atan2(double(up.y), double(up.z));
}

/// A ground-motion record that ramps the y acceleration linearly from 0 to rateMS3 * durationS.
inline GroundMotion rampY(double rateMS3, double durationS) {
    GroundMotion g;
    g.source = "ramp";
    g.timeS = {0.0, durationS};
    g.accelMS2 = {glm::vec3(0.0f), glm::vec3(0.0f, float(rateMS3 * durationS), 0.0f)};
    return g;
}

/// A rectangular pulse of y acceleration ay for durationS (then the record ends).
inline GroundMotion rectangularPulseY(double ayMS2, double durationS) {
    GroundMotion g;
    g.source = "rectangular pulse";
    g.timeS = {0.0, durationS};
    g.accelMS2 = {glm::vec3(0.0f, float(ayMS2), 0.0f), glm::vec3(0.0f, float(ayMS2), 0.0f)};
    return g;
}

/// Housner's rigid rocking block (1963; in the form used by Zhang & Makris 2001, J. Eng. Mech.
/// 127(5):473): no sliding, no bounce,
///   theta'' = -p^2 [ (1 + av/g) sin(alpha sgn(theta) - theta) + (ah/g) cos(alpha sgn(theta) - theta) ],
/// rocking starts when |ah| > (g + av) tan(alpha), and at every impact (theta crossing 0) the
/// angular velocity is multiplied by r. Integrated by RK4 at 1e-4 s; overturned past 1 rad.
struct HousnerResult {
    double maxAbsTiltRad = 0.0;
    bool overturned = false;
    int impacts = 0;
};

template <typename AccelFn>  // AccelFn(t) -> glm::vec3 ground acceleration (y horizontal, z vertical)
HousnerResult housnerResponse(const BlockSpec& s, double r, AccelFn accel, double durationS, double dtS = 1e-4,
                              double wallTiltRad = 0.0) {
    const double p2 = s.p() * s.p(), al = s.alpha();
    double th = 0.0, w = 0.0;
    HousnerResult out;
    auto rhs = [&](double t, double x, double sgn) {
        const glm::vec3 a = accel(t);
        return -p2 * ((1.0 + a.z / kG) * std::sin(al * sgn - x) + (a.y / kG) * std::cos(al * sgn - x));
    };
    for (double t = 0.0; t < durationS; t += dtS) {
        if (th == 0.0 && w == 0.0) {
            const glm::vec3 a = accel(t);
            if (std::abs(a.y) <= (kG + a.z) * std::tan(al)) continue;  // at rest on its base
        }
        // The pivot is fixed for the step: the side the block is on (or is leaving towards).
        double sgn = th > 0.0 ? 1.0 : -1.0;
        if (th == 0.0) sgn = w != 0.0 ? (w > 0.0 ? 1.0 : -1.0) : (accel(t).y < 0.0f ? 1.0 : -1.0);
        const double k1x = w, k1v = rhs(t, th, sgn);
        const double k2x = w + 0.5 * dtS * k1v, k2v = rhs(t + 0.5 * dtS, th + 0.5 * dtS * k1x, sgn);
        const double k3x = w + 0.5 * dtS * k2v, k3v = rhs(t + 0.5 * dtS, th + 0.5 * dtS * k2x, sgn);
        const double k4x = w + dtS * k3v, k4v = rhs(t + dtS, th + dtS * k3x, sgn);
        const double thNew = th + dtS / 6.0 * (k1x + 2 * k2x + 2 * k3x + k4x);
        const double wNew = w + dtS / 6.0 * (k1v + 2 * k2v + 2 * k3v + k4v);
        if (th != 0.0 && thNew * th <= 0.0) {  // impact: the other edge lands
            th = thNew;
            w = r * wNew;
            ++out.impacts;
            if (std::abs(w) < 1e-4) th = w = 0.0;  // the rocking has died out: back at rest
        } else {
            th = thNew;
            w = wNew;
        }
        // A wall behind the block (wallTiltRad > 0): its top edge meets the wall at that tilt
        // and stops dead (an inelastic impact), then falls back.
        if (wallTiltRad > 0.0 && th >= wallTiltRad && w > 0.0) {
            th = wallTiltRad;
            w = 0.0;
        }
        out.maxAbsTiltRad = std::max(out.maxAbsTiltRad, std::abs(th));
        if (std::abs(th) > 1.0) {
            out.overturned = true;
            break;
        }
    }
    return out;
}

}  // namespace cd::physics::test
