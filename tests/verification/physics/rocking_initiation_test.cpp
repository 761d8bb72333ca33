// Initiation of rocking or sliding of a rigid block on a base that accelerates horizontally
// (Shenton 1996, "Criteria for initiation of slide, rock, and slide-rock rigid-body modes",
// J. Eng. Mech. 122(7):690; Housner 1963): from rest, a block of half-width b and half-height h
// with friction mu rocks when the base acceleration reaches g b/h if mu > b/h, and slides when it
// reaches mu g if mu < b/h (and does not rock while sliding).
// The base is driven through the module's ground-motion path (a record ramping a_y linearly at
// 0.1 m/s^3). Onset is detected as 1 mm of heel uplift (rocking) or 5 mm of base slip (sliding);
// a rigid block needs some time past the threshold to get there, so the expected reading is the
// threshold plus that detection lag, computed from the same rigid-block equations (Housner's for
// rocking, Coulomb's x = k t^3 / 6 for sliding). Tolerance: 3 % of the threshold.
// Measured (60 Hz), against threshold + lag: b/h 0.2, mu 0.6 rocks at 2.007 m/s^2 (1.962 + lag =
// 2.019, -0.6 %); the shipped bookcase (0.35 x 1.8 m, mu 0.35) at 1.953 (1.907 + lag = 1.965,
// -0.6 %); mu 0.1 slides at 1.040 (0.981 + lag = 1.048, -0.8 %), mu 0.15 at 1.530 (1.538, -0.5 %).
#include <cstdio>

#include "rocking_block.h"

namespace cd::physics {
namespace {
using namespace test;

constexpr double kPi = 3.14159265358979323846;
constexpr double kRampMS3 = 0.1;
constexpr double kUpliftM = 0.001;
constexpr double kSlipM = 0.005;

struct Onset {
    double rockMS2 = -1.0;   ///< base acceleration when the heel had lifted 1 mm
    double slideMS2 = -1.0;  ///< base acceleration when the base had slipped 5 mm
};

Onset bulletOnset(const BlockSpec& s) {
    BlockScene sc = makeBlockScene(s);
    for (int i = 0; i < 60; ++i) sc.world->step();  // settle
    const BodyState s0 = sc.world->bodyState(sc.block);
    const double th0 = tiltRad(s0);
    const double durationS = 3.0 * kG * std::max(s.halfWidthM / s.halfHeightM, s.blockMu) / kRampMS3;
    // Negative a_y: the block is thrown towards +y and pivots on its +y edge.
    sc.world->setGroundMotion(rampY(-kRampMS3, durationS), sc.world->timeS());
    const double t0 = sc.world->timeS();
    Onset o;
    while (sc.world->timeS() - t0 < durationS && (o.rockMS2 < 0.0 || o.slideMS2 < 0.0)) {
        sc.world->step();
        const BodyState st = sc.world->bodyState(sc.block);
        const double a = kRampMS3 * (sc.world->timeS() - t0);
        const double tilt = tiltRad(st) - th0;
        // Slip of the base: the centre's travel less what the tilt accounts for.
        const double slip = std::abs(double(st.positionM.y - s0.positionM.y) - s.halfHeightM * tilt);
        if (o.rockMS2 < 0.0 && std::abs(tilt) * 2.0 * s.halfWidthM > kUpliftM) o.rockMS2 = a;
        if (o.slideMS2 < 0.0 && slip > kSlipM) o.slideMS2 = a;
    }
    return o;
}

/// Housner's block under the same ramp: the acceleration at which its heel has lifted 1 mm.
double housnerDetectedRockMS2(const BlockSpec& s) {
    const double p2 = s.p() * s.p(), al = s.alpha(), dt = 1e-4;
    double th = 0.0, w = 0.0;
    for (double t = 0.0; t < 100.0; t += dt) {
        const double a = kRampMS3 * t;
        if (th == 0.0 && a <= kG * std::tan(al)) continue;
        w += dt * -p2 * (std::sin(al - th) - (a / kG) * std::cos(al - th));  // semi-implicit Euler, fine at 1e-4 s
        th += dt * w;
        if (th * 2.0 * s.halfWidthM > kUpliftM) return a;
    }
    return -1.0;
}

/// Coulomb: past mu g the base slips by k t^3 / 6, so 5 mm takes t = (6 d / k)^(1/3).
double coulombDetectedSlideMS2(const BlockSpec& s) {
    return s.blockMu * kG + kRampMS3 * std::cbrt(6.0 * kSlipM / kRampMS3);
}

TEST(RockingInitiation, ABlockWithMuAboveBOverHStartsToRockAtGTimesBOverHWithoutSliding) {
    BlockSpec s;  // b/h = 0.2
    s.blockMu = 0.6;
    const Onset o = bulletOnset(s);
    const double threshold = kG * s.halfWidthM / s.halfHeightM;
    const double expected = housnerDetectedRockMS2(s);
    std::printf("b/h 0.2, mu 0.6: rocks at %.4f m/s^2 (g b/h %.4f, with detection lag %.4f)\n", o.rockMS2, threshold, expected);
    EXPECT_NEAR(o.rockMS2, expected, 0.03 * threshold);
    EXPECT_TRUE(o.slideMS2 < 0.0 || o.slideMS2 > o.rockMS2) << "slid 5 mm before rocking, at " << o.slideMS2;
}

TEST(RockingInitiation, TheShippedBookcaseOnConcreteStartsToRockAtGTimesBOverH) {
    BlockSpec s;  // 0.9 x 0.35 x 1.8 m; furniture 0.5 x concrete 0.7 = 0.35 > b/h = 0.194
    s.halfWidthM = 0.175;
    s.halfHeightM = 0.9;
    s.halfDepthM = 0.45;
    s.blockMu = 0.35;
    const Onset o = bulletOnset(s);
    const double threshold = kG * s.halfWidthM / s.halfHeightM;
    const double expected = housnerDetectedRockMS2(s);
    std::printf("bookcase: rocks at %.4f m/s^2 (g b/h %.4f, with detection lag %.4f)\n", o.rockMS2, threshold, expected);
    EXPECT_NEAR(o.rockMS2, expected, 0.03 * threshold);
    EXPECT_TRUE(o.slideMS2 < 0.0 || o.slideMS2 > o.rockMS2) << "slid 5 mm before rocking, at " << o.slideMS2;
}

TEST(RockingInitiation, TheSameBlockWithMuBelowBOverHSlidesAtMuGWithoutRocking) {
    for (double mu : {0.1, 0.15}) {
        BlockSpec s;
        s.blockMu = mu;
        const Onset o = bulletOnset(s);
        const double expected = coulombDetectedSlideMS2(s);
        std::printf("b/h 0.2, mu %.2f: slides at %.4f m/s^2 (mu g %.4f, with detection lag %.4f)\n", mu, o.slideMS2,
                    mu * kG, expected);
        EXPECT_NEAR(o.slideMS2, expected, 0.03 * mu * kG) << mu;
        EXPECT_TRUE(o.rockMS2 < 0.0 || o.rockMS2 > o.slideMS2) << "rocked before sliding, mu " << mu;
    }
}

// Pushed along a direction in the plane, a block stays on its base while the line of its weight
// and inertia (g, a) through its centre meets the floor inside the base: it lifts when
// a_x h / g reaches d or a_y h / g reaches b (d, b the half-widths along x and y), on the edge or
// the corner that line leaves by (the three-dimensional form of Shenton's criterion; Zulli,
// Contento & Di Egidio, Int. J. Non-Linear Mech. 47:679 (2012), for a rectangular base). So a
// square block pushed along its diagonal needs sqrt(2) g b / h, pushed at 20 degrees it tips over
// the face the push is nearer to, not along the push, and a 0.6 x 0.4 m base pushed at 45 degrees
// tips over its long edge (along its own diagonal, over its corner).
// Onset as above, the first 1 mm of lift of a base corner, here against the static threshold
// itself (the lift comes 0.6 % after it in the cases above). With the solver converged (40
// iterations at 60 Hz) every case lifts within -1 % .. +3 % of statics, and an edge case leans
// within 5 degrees of its edge's direction (a corner is an unstable pivot: the block falls on to
// one of its edges, so no direction is asserted there). At the world's 10 iterations the pivot
// contact is not converged under a push across the axes: the lift comes -3.4 % .. +7.8 % off
// statics (a known gap, docs/physics.md), bounded here at -5 % .. +10 %; along an axis (above) it
// is on time.
TEST(RockingInitiation, PushedAlongADiagonalABlockLiftsWhereTheLineOfItsLoadLeavesItsBase) {
    struct Case {
        double halfDepthM, halfWidthM, pushDeg;
    };
    const double rectDiagonalDeg = std::atan2(0.2, 0.3) * 180.0 / kPi;  // 33.7: the 0.6 x 0.4 base's corner
    for (int iterations : {40, 10}) {
        for (const Case c : {Case{0.2, 0.2, 45.0}, Case{0.2, 0.2, 20.0}, Case{0.3, 0.2, 45.0}, Case{0.3, 0.2, rectDiagonalDeg}}) {
            BlockSpec s;
            s.halfDepthM = c.halfDepthM;
            s.halfWidthM = c.halfWidthM;
            s.blockMu = 0.8;  // well above the push over g: it rocks, it does not slide
            const double h = s.halfHeightM, th = c.pushDeg * kPi / 180.0;
            const glm::dvec2 dir(std::cos(th), std::sin(th));
            const double ax = c.halfDepthM / (h * dir.x), ay = c.halfWidthM / (h * dir.y);  // in g
            const double threshold = kG * std::min(ax, ay);
            const bool corner = std::fabs(ax - ay) < 1e-9;
            const double edgeDeg = ax < ay ? 0.0 : 90.0;  // the +x or the +y edge

            BlockScene sc = makeBlockScene(s, 0.0, 0.0f, 1.0f / 60.0f, iterations);
            for (int i = 0; i < 60; ++i) sc.world->step();  // settle
            const double durationS = 1.3 * threshold / kRampMS3;
            GroundMotion ramp;  // the floor accelerates towards -dir: the block is thrown towards +dir
            ramp.source = "ramp";
            ramp.timeS = {0.0, durationS};
            ramp.accelMS2 = {glm::vec3(0.0f), glm::vec3(glm::vec2(-dir * (kRampMS3 * durationS)), 0.0f)};
            sc.world->setGroundMotion(ramp, sc.world->timeS());
            const double t0 = sc.world->timeS();
            double onset = -1.0, leanDeg = 0.0;
            while (sc.world->timeS() - t0 < durationS && onset < 0.0) {
                sc.world->step();
                const BodyState st = sc.world->bodyState(sc.block);
                double lo = 1e9, hi = -1e9;
                for (int k = 0; k < 4; ++k) {
                    const glm::vec3 base((k & 1 ? 1.0f : -1.0f) * float(s.halfDepthM), (k & 2 ? 1.0f : -1.0f) * float(s.halfWidthM),
                                         -float(h));
                    const double z = (st.positionM + st.orientation * base).z;
                    lo = std::min(lo, z);
                    hi = std::max(hi, z);
                }
                if (hi - lo > kUpliftM) {
                    onset = kRampMS3 * (sc.world->timeS() - t0);
                    const glm::vec3 up = st.orientation * glm::vec3(0.0f, 0.0f, 1.0f);
                    leanDeg = std::atan2(double(up.y), double(up.x)) * 180.0 / kPi;
                }
            }
            std::printf("%2d iterations, base %.1f x %.1f m, h %.1f m, pushed at %4.1f deg: lifts at %.4f m/s^2 (statics %.4f, "
                        "%+.2f %%), leans towards %5.1f deg (%s)\n",
                        iterations, 2 * c.halfDepthM, 2 * c.halfWidthM, 2 * h, c.pushDeg, onset, threshold,
                        100.0 * (onset / threshold - 1.0), leanDeg, corner ? "a corner" : (edgeDeg == 0.0 ? "the x edge" : "the y edge"));
            const double lo = iterations >= 40 ? 0.99 : 0.95, hi = iterations >= 40 ? 1.03 : 1.10;
            EXPECT_GE(onset, lo * threshold) << iterations << " iterations, " << c.pushDeg << " deg";
            EXPECT_LE(onset, hi * threshold) << iterations << " iterations, " << c.pushDeg << " deg";
            if (!corner && iterations >= 40) {
                EXPECT_NEAR(leanDeg, edgeDeg, 5.0) << c.pushDeg << " deg";
            }
        }
    }
}

}  // namespace
}  // namespace cd::physics
