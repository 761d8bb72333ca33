// Overturning of a free-standing block by a one-sine pulse of base acceleration (Zhang & Makris
// 2001, "Rocking response of free-standing blocks under cycloidal pulses", J. Eng. Mech.
// 127(5):473; Makris & Roussos 2000, Geotechnique 50(3):243): a(t) = a_p sin(omega_p t) for one
// period T_p = 2 pi / omega_p. Their minimum overturning acceleration spectra, a_p / (g tan alpha)
// against omega_p / p, rise with the pulse's frequency (a short pulse must be strong), and the
// block overturns in one of two modes: during the pulse's second half with no impact (mode 1), or
// after one impact (mode 2), which for higher frequencies needs less than mode 1.
//
// We do not have their tabulated values, so the reference is the equation they integrate:
// Housner's rigid block (rocking_block.h, RK4 at 1e-4 s, r = 1 - 1.5 sin^2 alpha at impact), fed
// the pulse exactly as the world samples it (constant over each 1/60 s step). For each frequency
// the amplitude is raised in steps of 2 % of g tan(alpha) until the block first overturns, in
// Bullet and in the reference, noting whether it went over before or after an impact.
// Tolerance: 12 % on the first overturning amplitude. In every case here both go over after one
// impact (mode 2), and how much an impact takes is where Bullet and Housner differ (Bullet's
// contacts lose more between small rockings, free_rocking_test.cpp: 1.2-1.4 x the shaking in a
// long record, though here it errs both ways); 5 % on where the block stands again above that
// minimum, the upper end of the mode-2 band (Zhang & Makris' safe region begins there).
// Measured (60 Hz, b/h 0.2): first overturning at omega_p / p = 2, 3, 4, 6: Bullet 1.24, 1.46,
// 1.88, 3.68 g tan(alpha), Housner 1.22, 1.40, 1.74, 4.08 (+1.6, +4.3, +8.0, -9.8 %); at 6 Bullet
// goes over at scattered amplitudes from 3.68 that Housner's block survives, and both at every
// one from about 4.1. The safe region, at 3 and 4, in both: the block stands again from 3.56 and
// 4.98 in Bullet, 3.60 and 5.12 in Housner (-1.1, -2.6 %).
// The one-cosine pulse a_p cos(omega_p t), against the same reference, 15 %: measured +1.0, +5.1,
// +1.0, -12.1 % at 2, 3, 4, 6 (at 6 Bullet goes over after one impact at 22.3 g tan(alpha), where
// Housner's block needs 25.4 and no impact).
#include <cstdio>

#include "rocking_block.h"

namespace cd::physics {
using namespace test;
namespace {

constexpr double kStepS = 1.0 / 60.0;

enum class Pulse { Sine, Cosine };

/// The pulse a_p sin(omega t) or a_p cos(omega t), 0 <= t < T_p, sampled at the start of each
/// world step.
double sampledPulse(double apMS2, double omega, double t, Pulse shape = Pulse::Sine) {
    const double tp = 2.0 * 3.14159265358979 / omega;
    const double ts = std::floor(t / kStepS + 1e-9) * kStepS;
    if (ts >= tp - 1e-9) return 0.0;
    return apMS2 * (shape == Pulse::Sine ? std::sin(omega * ts) : std::cos(omega * ts));
}

GroundMotion pulseRecord(double apMS2, double omega, Pulse shape) {
    GroundMotion g;
    g.source = shape == Pulse::Sine ? "one-sine pulse" : "one-cosine pulse";
    const double tp = 2.0 * 3.14159265358979 / omega;
    const int n = static_cast<int>(std::ceil(tp / kStepS - 1e-9));
    // Each step's value held to just before the next step (the world samples at the step's start).
    for (int i = 0; i < n; ++i) {
        const float a = float(sampledPulse(apMS2, omega, i * kStepS, shape));
        g.timeS.push_back(i * kStepS);
        g.accelMS2.push_back(glm::vec3(0.0f, -a, 0.0f));  // thrown towards +y first
        g.timeS.push_back((i + 0.999) * kStepS);
        g.accelMS2.push_back(glm::vec3(0.0f, -a, 0.0f));
    }
    return g;
}

struct Outcome {
    bool overturned = false;
    int impactsBefore = 0;  ///< the base's edges changing places before it went over
};

Outcome bulletPulse(const BlockSpec& s, double apMS2, double omega, Pulse shape = Pulse::Sine) {
    BlockScene sc = makeBlockScene(s);
    for (int i = 0; i < 30; ++i) sc.world->step();
    sc.world->setGroundMotion(pulseRecord(apMS2, omega, shape), sc.world->timeS());
    Outcome o;
    double last = 0.0;
    for (int i = 0; i < 480; ++i) {
        sc.world->step();
        const double th = tiltRad(sc.world->bodyState(sc.block));
        if (std::abs(th) > 0.02 * s.alpha()) {
            if (last != 0.0 && (th > 0.0) != (last > 0.0)) ++o.impactsBefore;
            last = th;
        }
        if (std::abs(th) > 1.0) {
            o.overturned = true;
            break;
        }
    }
    return o;
}

Outcome housnerPulse(const BlockSpec& s, double apMS2, double omega, Pulse shape = Pulse::Sine) {
    auto accel = [&](double t) { return glm::vec3(0.0f, float(-sampledPulse(apMS2, omega, t, shape)), 0.0f); };
    const HousnerResult h = housnerResponse(s, s.housnerR(), accel, 8.0);
    return {h.overturned, h.impacts};
}

struct FirstOverturn {
    double ratio = -1.0;  ///< a_p / (g tan alpha) at which it first went over
    int impacts = 0;
};

template <typename Run>
FirstOverturn scan(const BlockSpec& s, Run run) {
    const double unit = kG * std::tan(s.alpha());
    for (double k = 1.0; k < 30.0; k += 0.02) {
        const Outcome o = run(k * unit);
        if (o.overturned) return {k, o.impactsBefore};
    }
    return {};
}

/// The first amplitude above from (in steps of 0.025 g tan alpha, up to untilRatio) at which the
/// block stands: the "safe region" above the minimum overturning acceleration. -1: none.
template <typename Run>
double firstSafeAbove(const BlockSpec& s, Run run, double from, double untilRatio) {
    const double unit = kG * std::tan(s.alpha());
    for (double k = from; k < untilRatio; k += 0.025)
        if (!run(k * unit).overturned) return k;
    return -1.0;
}

TEST(OneSinePulse, ABlockFirstOverturnsNearTheAmplitudeHousnersEquationGivesAndHasItsSafeRegionAbove) {
    BlockSpec s;  // b/h 0.2, R 1.02 m, p 2.69 rad/s
    double previous = 0.0;
    for (double ratio : {2.0, 3.0, 4.0, 6.0}) {
        const double omega = ratio * s.p();
        auto bullet = [&](double a) { return bulletPulse(s, a, omega); };
        auto housner = [&](double a) { return housnerPulse(s, a, omega); };
        const FirstOverturn b = scan(s, bullet);
        const FirstOverturn h = scan(s, housner);
        std::printf("omega_p/p %.0f: first overturns at a_p = %.2f g tan(alpha) in Bullet (after %d impact(s)), %.2f in Housner's "
                    "equation (%d), %+.1f %%\n",
                    ratio, b.ratio, b.impacts, h.ratio, h.impacts, 100.0 * (b.ratio / h.ratio - 1.0));
        ASSERT_GT(b.ratio, 0.0) << ratio;
        ASSERT_GT(h.ratio, 0.0) << ratio;
        EXPECT_NEAR(b.ratio, h.ratio, 0.12 * h.ratio) << ratio;
        EXPECT_GE(h.impacts, 1) << "the reference goes over after an impact (mode 2) here";
        EXPECT_EQ(b.impacts >= 1, h.impacts >= 1) << ratio;
        EXPECT_GT(b.ratio, previous) << "the spectrum rises with the pulse's frequency";
        previous = b.ratio;
        if (ratio == 3.0 || ratio == 4.0) {
            // Above the minimum, a band of stronger pulses the block survives (Zhang & Makris 2001):
            // strong enough to skip mode 2's impact, too weak to throw it over without one.
            const double hs = firstSafeAbove(s, housner, h.ratio + 0.5, 6.0);
            const double bs = firstSafeAbove(s, bullet, b.ratio + 0.5, 6.0);
            std::printf("  safe again from %.3f (Bullet) and %.3f (Housner)\n", bs, hs);
            ASSERT_GT(hs, 0.0) << ratio;
            ASSERT_GT(bs, 0.0) << ratio;
            EXPECT_NEAR(bs, hs, 0.05 * hs) << ratio;
        }
    }
}

TEST(OneCosinePulse, ABlockFirstOverturnsNearTheAmplitudeHousnersEquationGives) {
    // a_p cos(omega_p t) for one period: the ground's velocity a one-sine, out and back (Makris &
    // Roussos 2000's second cycloidal pulse, as we read it), its acceleration jumping to a_p at
    // the start. Scanned in steps of 1 % (the minimum climbs to 14-25 g tan(alpha) above
    // omega_p / p = 3, where the block goes over before any impact).
    BlockSpec s;
    const double unit = kG * std::tan(s.alpha());
    auto firstOver = [&](auto run) {
        for (double k = 1.0; k < 40.0; k *= 1.01) {
            const Outcome o = run(k * unit);
            if (o.overturned) return FirstOverturn{k, o.impactsBefore};
        }
        return FirstOverturn{};
    };
    for (double ratio : {2.0, 3.0, 4.0, 6.0}) {
        const double omega = ratio * s.p();
        const FirstOverturn b = firstOver([&](double a) { return bulletPulse(s, a, omega, Pulse::Cosine); });
        const FirstOverturn h = firstOver([&](double a) { return housnerPulse(s, a, omega, Pulse::Cosine); });
        std::printf("one-cosine, omega_p/p %.0f: Bullet %.2f g tan(alpha) (%d impact(s)), Housner %.2f (%d), %+.1f %%\n", ratio, b.ratio,
                    b.impacts, h.ratio, h.impacts, 100.0 * (b.ratio / h.ratio - 1.0));
        ASSERT_GT(b.ratio, 0.0) << ratio;
        ASSERT_GT(h.ratio, 0.0) << ratio;
        EXPECT_NEAR(b.ratio, h.ratio, 0.15 * h.ratio) << ratio;
    }
}

}  // namespace
}  // namespace cd::physics
