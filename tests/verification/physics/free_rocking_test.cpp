// Free rocking of a rigid block released from a tilt (Housner 1963, "The behavior of inverted
// pendulum structures during earthquakes", BSSA 53(2):403): between impacts the block turns about
// one bottom edge; when the other edge lands, angular momentum about it is conserved and the
// angular velocity drops by r = 1 - 1.5 sin^2(alpha), alpha = atan(b/h), so the rocking energy
// drops by r^2 per impact. We measure the energy above rest at the successive peaks (potential
// energy m g R (cos(alpha - theta) - cos(alpha)), exact for a rigid block) and the effective
// r_eff = (E_n / E_0)^(1 / (2 n)) over the impacts while the peak tilt stays above a given share
// of alpha.
// What Bullet does (measured, b/h 0.2, released at alpha / 2, restitution 0):
// * the first impact removes 11.4 % of the kinetic energy, Housner's 1 - r^2 = 11.2 %;
// * while the peaks stay above alpha / 4: r_eff 0.944 at 60 Hz, 0.938 at 240 Hz (Housner 0.942);
//   tolerance 0.015;
// * down to alpha / 10: r_eff 0.911 at 60 Hz, 0.921 at 240 Hz; tolerance 0.04. The per-impact
//   ratio falls as the rocking gets smaller (0.75..0.6 below alpha / 20 at 60 Hz), because a
//   contact penetration of about 1 mm is no longer small beside the heel's lift, and because the
//   block loses energy between impacts too, while it turns about its edge (warm-started contact
//   impulses at the moving pivot: about 5 % of the rocking energy per half cycle at 60 Hz, 1.3 %
//   at 240 Hz; turning warm starting off adds energy instead, and neither split impulse for all
//   penetrations, nor 30-50 iterations, nor ERP changes removed it). So Bullet's blocks settle
//   sooner than Housner's, and in a long record need a stronger motion to overturn
//   (docs/physics.md: about 1.2-1.4 x at 60 Hz).
#include <cstdio>
#include <vector>

#include "rocking_block.h"

namespace cd::physics {
namespace {
using namespace test;

/// Peak |tilt| of each half cycle (between the impacts, where the tilt changes sign).
std::vector<double> rockingPeaks(const BlockSpec& s, double tilt0, float stepS, double seconds, double* finalTilt) {
    BlockScene sc = makeBlockScene(s, tilt0, 0.0f, stepS);
    std::vector<double> peaks;
    double peak = tilt0, prev = tilt0;
    const int n = static_cast<int>(seconds / stepS);
    for (int i = 0; i < n; ++i) {
        sc.world->step();
        const double th = tiltRad(sc.world->bodyState(sc.block));
        if (th * prev < 0.0) {  // an impact: the other edge landed
            peaks.push_back(peak);
            peak = 0.0;
        }
        peak = std::max(peak, std::abs(th));
        prev = th;
    }
    *finalTilt = prev;
    return peaks;
}

/// r_eff over the impacts whose peaks stay above lowest x alpha.
double effectiveR(const BlockSpec& s, float stepS, double lowest) {
    double finalTilt = 0.0;
    const std::vector<double> peaks = rockingPeaks(s, 0.5 * s.alpha(), stepS, 6.0, &finalTilt);
    const double al = s.alpha();
    auto energy = [&](double th) { return std::cos(al - th) - std::cos(al); };  // per m g R
    std::size_t n = 0;
    while (n + 1 < peaks.size() && peaks[n + 1] > lowest * al) ++n;
    EXPECT_GE(n, 3u) << "too few impacts to measure";
    std::printf("step %.4f s: peaks", double(stepS));
    for (std::size_t k = 0; k <= n; ++k) std::printf(" %.4f", peaks[k]);
    const double r = std::pow(energy(peaks[n]) / energy(peaks[0]), 1.0 / (2.0 * double(n)));
    std::printf("; r_eff %.4f over %zu impacts (Housner %.4f)\n", r, n, s.housnerR());
    return r;
}

TEST(FreeRocking, ABlockReleasedFromATiltFirstDecaysAtHousnersRatePerImpact) {
    const BlockSpec s;  // b/h = 0.2: r = 0.942
    EXPECT_NEAR(effectiveR(s, 1.0f / 60.0f, 0.25), s.housnerR(), 0.015);
    EXPECT_NEAR(effectiveR(s, 1.0f / 240.0f, 0.25), s.housnerR(), 0.015);
}

TEST(FreeRocking, AtSmallTiltsBulletDissipatesMoreThanHousnerPerImpact) {
    const BlockSpec s;
    const double r60 = effectiveR(s, 1.0f / 60.0f, 0.1), r240 = effectiveR(s, 1.0f / 240.0f, 0.1);
    EXPECT_NEAR(r60, s.housnerR(), 0.04);
    EXPECT_NEAR(r240, s.housnerR(), 0.04);
    EXPECT_LT(r60, s.housnerR());  // the direction of the error: Bullet's blocks settle sooner
}

TEST(FreeRocking, ARockingBlockComesToRestUprightInsteadOfFreezingInMidTilt) {
    // Bullet's default sleeping (2 s below 0.8 m/s and 1 rad/s) froze this block at 0.018 rad
    // 2 s after release, while it was still rocking at up to 0.45 rad/s.
    const BlockSpec s;
    double finalTilt = 1.0;
    rockingPeaks(s, 0.5 * s.alpha(), 1.0f / 60.0f, 12.0, &finalTilt);
    EXPECT_LT(std::abs(finalTilt), 1e-3);
}

}  // namespace
}  // namespace cd::physics
