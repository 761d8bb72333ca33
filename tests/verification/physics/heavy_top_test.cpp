// A heavy symmetric top on a fixed point (Lagrange's top): the torque of its weight about the
// pivot turns its spin axis round the vertical. In steady precession at tilt theta (from the
// upward vertical) with spin component w3 along the axis, the precession rate p satisfies
//   m g l = p (I3 w3 - I1 p cos theta)
// (Goldstein, Poole & Safko, Classical Mechanics, 3rd ed., sec. 5.7; I1 about the pivot), whose
// slow root this case takes; the fast-top approximation is p = m g l / (I3 w3).
//
// The top: a square plate (half extents 0.2 x 0.2 x 0.05 m, 16 kg) held by a hanging item's
// anchor at the centre of one face, turned face down so that the plate rides on the pivot:
// l = 0.05 m, I3 = m (0.2^2 + 0.2^2) / 3, I1 = m (0.2^2 + 0.05^2) / 3 + m l^2. Started in
// steady precession at 30 degrees with w3 = 20 rad/s (the angular momentum about the pivot given
// by pairs of opposite impulses, the joint then fixes the velocity of the centre). It exercises
// what a tumbling piece of debris on a joint needs: the torque-free turn (FreeRotation), the
// weight's torque through the joint, and their coupling over 60 Hz steps.
#include <cmath>
#include <cstdio>

#include <glm/gtc/quaternion.hpp>

#include "scene.h"

namespace cd::physics {
namespace {

constexpr double kG = 9.81, kMass = 16.0, kA = 0.2, kH = 0.05;

struct Precession {
    double rateRadS = 0.0;      ///< mean azimuth rate of the axis over the run
    double tiltRiseRad = 0.0;   ///< tilt at the end less the tilt it started with
    double spinRadS = 0.0;      ///< w3 at the end
    double maxTiltRad = 0.0;    ///< the largest tilt over the run
};

/// Started in steady precession, or (`steady` false) spinning about its axis only, let go.
Precession spin(double tiltRad, double w3, double seconds, float hz, bool steady = true) {
    auto world = test::makeWorld(1.0f, 0.0f, 1.0f / hz, false);
    DynamicBodyDef top;
    top.kind = BodyKind::HangingItem;
    top.halfExtentsM = glm::vec3(static_cast<float>(kA), static_cast<float>(kA), static_cast<float>(kH));
    // Face down (local +z, where the anchor is, points down), then tilted about world x.
    top.orientation = glm::angleAxis(static_cast<float>(tiltRad), glm::vec3(1, 0, 0)) * glm::angleAxis(static_cast<float>(M_PI), glm::vec3(1, 0, 0));
    const glm::vec3 pivot(0.0f, 0.0f, 3.0f);
    const glm::vec3 axis = top.orientation * glm::vec3(0, 0, -1);  // pivot -> centre
    top.centerM = pivot + axis * static_cast<float>(kH);
    top.material.densityKgM3 = static_cast<float>(kMass / (8.0 * kA * kA * kH));
    top.anchorBreakForceN = 1e9f;
    const BodyId id = world->addBody(top).value();

    const double l = kH, i3 = kMass * (2.0 * kA * kA) / 3.0, i1 = kMass * (kA * kA + kH * kH) / 3.0 + kMass * l * l;
    const double c = std::cos(tiltRad);
    const double p = steady ? (i3 * w3 - std::sqrt(i3 * i3 * w3 * w3 - 4.0 * i1 * c * kMass * kG * l)) / (2.0 * i1 * c) : 0.0;
    // omega = p z + psi' e3 with psi' = w3 - p cos theta; L about the pivot = I_p omega.
    const glm::dvec3 e3(axis), z(0, 0, 1);
    const glm::dvec3 omega = p * z + (w3 - p * c) * e3;
    const glm::dvec3 along = glm::dot(omega, e3) * e3;
    const glm::dvec3 L = i3 * along + i1 * (omega - along);
    // Pure angular impulses: for each world axis u, +J at c + d v and -J at c - d v with J along
    // u x v give 2 d |J| u.
    const glm::vec3 centre = top.centerM;
    const float d = 0.1f;
    const glm::vec3 units[3] = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}};
    for (int k = 0; k < 3; ++k) {
        const glm::vec3 u = units[k], v = units[(k + 1) % 3], w = glm::cross(u, v);
        const float j = static_cast<float>(L[k] / (2.0 * d));
        world->applyImpulse(id, w * j, centre + v * d);
        world->applyImpulse(id, -w * j, centre - v * d);
    }
    Precession out;
    double unwrapped = 0.0, prevAz = 0.0;
    const int steps = static_cast<int>(seconds * hz);
    const int settle = 6;  // the joint takes a few steps to fix the centre's velocity
    for (int n = 1; n <= steps; ++n) {
        world->step();
        const BodyState st = world->bodyState(id);
        const glm::dvec3 a(st.orientation * glm::vec3(0, 0, -1));
        const double az = std::atan2(a.y, a.x), tilt = std::acos(std::clamp(a.z, -1.0, 1.0));
        out.maxTiltRad = std::max(out.maxTiltRad, tilt);
        if (n == settle) {
            prevAz = az;
        } else if (n > settle) {
            double dAz = az - prevAz;
            if (dAz > M_PI) dAz -= 2.0 * M_PI;
            if (dAz < -M_PI) dAz += 2.0 * M_PI;
            unwrapped += dAz;
            prevAz = az;
        }
        if (n == steps) {
            out.spinRadS = glm::dot(glm::dvec3(st.angularVelocityRadS), a);
            out.tiltRiseRad = tilt - tiltRad;
        }
    }
    out.rateRadS = unwrapped / ((steps - settle) / hz);
    return out;
}

double steadyRate(double tiltRad, double w3) {
    const double l = kH, i3 = kMass * (2.0 * kA * kA) / 3.0, i1 = kMass * (kA * kA + kH * kH) / 3.0 + kMass * l * l;
    const double c = std::cos(tiltRad);
    return (i3 * w3 - std::sqrt(i3 * i3 * w3 * w3 - 4.0 * i1 * c * kMass * kG * l)) / (2.0 * i1 * c);
}

}  // namespace

// What the case shows: the axis turns at the steady rate and the top holds its tilt, at the
// world's 60 Hz as at 240 Hz. Measured at 30 degrees, 60 Hz: w3 = 20 rad/s, 0.9445 rad/s over
// 10 s against the steady 0.9438, tilt +0.001 rad; w3 = 30, 0.6207 against 0.6201, +0.001 rad;
// w3 = 8 (a slow top, 1.27 times the least spin that can precess steadily here), 2.856 against
// 2.848, +0.005 rad; at 60 degrees, w3 = 20, 0.9333 against 0.9333. The spin w3 stays within
// 0.04 %. Until 30 Nov the top sank at 60 Hz by a first-order error (+0.35 rad in 2 s at
// w3 = 20, past the horizontal in 10 s), from the way FreeRotation added the joint's impulse to
// the turning body (free_rotation.h). Tolerances: the rate 1 % (the steady state is set up from
// floats and the joint takes a few steps to fix the centre, which leaves a small nutation),
// the tilt 0.02 rad over 10 s, w3 0.1 %.
TEST(HeavyTop, ASpinningTopOnAPivotPrecessesAtTheSteadyRateAndHoldsItsTilt) {
    struct Case {
        double tiltDeg, w3, seconds;
        float hz;
    };
    for (const Case& c : {Case{30, 20, 10, 60}, Case{30, 30, 10, 60}, Case{30, 8, 10, 60}, Case{60, 20, 10, 60}, Case{30, 20, 2, 240}}) {
        const double theta = c.tiltDeg * M_PI / 180.0, expected = steadyRate(theta, c.w3);
        const Precession got = spin(theta, c.w3, c.seconds, c.hz);
        std::printf("%.0f deg, w3 %.0f rad/s, %.0f s at %.0f Hz: steady precession %.4f rad/s (fast-top %.4f), got %.4f; tilt %+.4f rad; w3 %.4f\n", c.tiltDeg,
                    c.w3, c.seconds, c.hz, expected, kMass * kG * kH / (kMass * 2.0 * kA * kA / 3.0 * c.w3), got.rateRadS, got.tiltRiseRad, got.spinRadS);
        EXPECT_NEAR(got.rateRadS, expected, 0.01 * expected) << c.tiltDeg << " deg, w3 " << c.w3 << ", " << c.hz << " Hz";
        EXPECT_NEAR(got.tiltRiseRad, 0.0, 0.02) << c.tiltDeg << " deg, w3 " << c.w3 << ", " << c.hz << " Hz";
        EXPECT_NEAR(got.spinRadS, c.w3, 0.001 * c.w3) << c.tiltDeg << " deg, w3 " << c.w3 << ", " << c.hz << " Hz";
    }
}

// The sleeping top (Goldstein, Poole & Safko sec. 5.7): a top spinning upright on a fixed
// point stays upright when I3^2 w3^2 > 4 I1 m g l, and falls when it spins slower. Let go at a
// tilt theta0 with no precession, it nods between theta0 and the theta1 at which its energy
// and its angular momentum about the vertical (both kept: the weight has no moment about the
// vertical) leave no tilting motion; with u = cos theta and a = (I3 w3)^2 / (2 I1 m g l), u1 is
// the root of u^2 - a u + a u0 - 1 = 0 below 1. Here the critical spin is 6.78 rad/s. Measured
// at 60 Hz over 10 s from 0.05 rad: 1.3 x critical nods to 0.0785 rad against 0.0782; 0.7 x
// falls to 1.596 against 1.592. With the joint's impulse added unturned (before 30 Nov, later)
// the fast top fell as well, to 1.80 rad. Tolerances: 0.005 rad on the fast top (a sixth of
// its nod), 0.03 rad on the slow one.
TEST(HeavyTop, ASleepingTopStaysUprightAboveTheCriticalSpinAndFallsBelowIt) {
    const double l = kH, i3 = kMass * (2.0 * kA * kA) / 3.0, i1 = kMass * (kA * kA + kH * kH) / 3.0 + kMass * l * l;
    const double mgl = kMass * kG * l, critical = 2.0 * std::sqrt(i1 * mgl) / i3, theta0 = 0.05;
    for (double factor : {1.3, 0.7}) {
        const double w3 = factor * critical, a = i3 * i3 * w3 * w3 / (2.0 * i1 * mgl), u0 = std::cos(theta0);
        const double theta1 = std::acos((a - std::sqrt(a * a - 4.0 * (a * u0 - 1.0))) / 2.0);
        const Precession got = spin(theta0, w3, 10.0, 60.0f, false);
        std::printf("sleeping top, w3 %.2f rad/s (%.1f x critical %.2f): largest tilt %.4f rad against %.4f\n", w3, factor, critical, got.maxTiltRad, theta1);
        EXPECT_NEAR(got.maxTiltRad, theta1, factor > 1.0 ? 0.005 : 0.03) << factor;
    }
}

}  // namespace cd::physics
