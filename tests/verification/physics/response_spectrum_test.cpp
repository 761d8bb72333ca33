// The synthetic ground motions' spectral content against recorded earthquakes: the 5 %-damped
// pseudo-acceleration response spectrum of a record, divided by its peak ground acceleration,
// rises to a plateau whose height Newmark & Hall (1982, "Earthquake Spectra and Design", EERI,
// table 3) give from recorded motions as 2.12 (median) and 2.71 (84th percentile) for 5 %
// damping. Kanai-Tajimi records (docs/physics.md) over 20 seeds, Tg 0.4 s (the shipped record's)
// and 0.25 s: the peak of their median spectrum lies within the recorded spread, from 0.9 x the
// median to 1.1 x the 84th percentile (1.9 to 3.0). (Measured: 2.33 and 2.63, on plateaus from
// about half of Tg to Tg, falling about as 1/T beyond; where on its plateau a median spectrum
// peaks is noise, so that is not asserted.) The SDOF oscillators are one-storey BuildingSways,
// exact for the record joined linearly (building_sway_test.cpp checks them against Chopra).
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <vector>

#include <gtest/gtest.h>

#include "physics/building_sway.h"
#include "physics/ground_motion.h"

namespace cd::physics {
namespace {

constexpr double kPi = 3.14159265358979323846;

// Peak |u| of a one-storey BuildingSway (u'' + 2 zeta w u' + w^2 u = -a(t), stepped exactly for
// the record joined linearly) under the record's x component, with two periods of free
// vibration after it (the peak may come a little later).
double peakDisplacement(const GroundMotion& g, double periodS, double zeta) {
    BuildingSwayDef def;
    def.periodS = static_cast<float>(periodS);
    def.dampingRatio = static_cast<float>(zeta);
    auto s = BuildingSway::create(def, "spectrum");
    if (!s.ok()) return 0.0;
    double peak = 0.0;
    for (std::size_t i = 0; i < g.timeS.size(); ++i) {
        s->step(glm::vec2(g.accelMS2[i].x, 0.0f), i == 0 ? g.timeS[1] - g.timeS[0] : g.timeS[i] - g.timeS[i - 1]);
        peak = std::max(peak, std::fabs(static_cast<double>(s->floorDisplacementM(1).x)));
    }
    const double dt = g.timeS[1] - g.timeS[0];
    for (double t = 0.0; t < 2.0 * periodS; t += dt) {
        s->step(glm::vec2(0.0f), dt);
        peak = std::max(peak, std::fabs(static_cast<double>(s->floorDisplacementM(1).x)));
    }
    return peak;
}

// PSA / PGA of the record's x component at each period.
std::vector<double> amplificationSpectrum(const GroundMotion& g, const std::vector<double>& periods) {
    double pga = 0.0;
    for (const glm::vec3& a : g.accelMS2) pga = std::max(pga, std::fabs(static_cast<double>(a.x)));
    std::vector<double> out;
    for (double t : periods) {
        const double w = 2.0 * kPi / t;
        out.push_back(w * w * peakDisplacement(g, t, 0.05) / pga);
    }
    return out;
}

TEST(ResponseSpectrum, SyntheticRecordsAmplifyLikeRecordedOnesNewmarkHall) {
    std::vector<double> periods;
    for (double t = 0.05; t <= 2.0; t *= 1.08) periods.push_back(t);
    for (double tg : {0.4, 0.25}) {
        std::vector<std::vector<double>> spectra;
        for (std::uint64_t seed = 1; seed <= 20; ++seed) {
            ParametricGroundMotion p;
            p.pgaMS2 = 3.0;
            p.dominantPeriodS = tg;
            p.durationS = 20.0;
            p.seed = seed;
            const auto g = makeParametricGroundMotion(p);
            ASSERT_TRUE(g.ok()) << g.error().str();
            spectra.push_back(amplificationSpectrum(*g, periods));
        }
        // The median spectrum over the records (as Newmark & Hall's factors are medians), its
        // plateau height and where it peaks; and the 84th percentile at that period.
        double peak = 0.0, peakT = 0.0, p84 = 0.0;
        for (std::size_t i = 0; i < periods.size(); ++i) {
            std::vector<double> at;
            for (const auto& s : spectra) at.push_back(s[i]);
            std::sort(at.begin(), at.end());
            const double median = 0.5 * (at[9] + at[10]);
            if (median > peak) peak = median, peakT = periods[i], p84 = at[16];
        }
        std::printf("Tg %.2f s: median spectrum peaks at PSA / PGA %.2f at %.2f s (84th percentile there %.2f)\n", tg, peak, peakT, p84);
        EXPECT_GT(peak, 0.9 * 2.12);
        EXPECT_LT(peak, 1.1 * 2.71);
    }
}

}  // namespace
}  // namespace cd::physics
