#include <gtest/gtest.h>

#include <cmath>

#include "core/rng.h"
#include "crowd/demography.h"

namespace cd::crowd {
namespace {

TEST(CrowdDemography, EveryRiMEAProfileDrawsInsideItsBand) {
    Rng rng(1);
    const char* names[] = {"rimea-under-30", "rimea-30-50", "rimea-over-50", "reduced-mobility", "weidmann-adult", "weidmann-child"};
    for (const char* name : names) {
        auto d = speedProfile(name);
        ASSERT_TRUE(d.ok()) << name;
        for (int i = 0; i < 2000; ++i) {
            const double v = d->draw(rng);
            EXPECT_GE(v, d->minMps);
            EXPECT_LE(v, d->maxMps);
        }
    }
    EXPECT_FALSE(speedProfile("sprinter").ok());
}

TEST(CrowdDemography, WeidmannsAgeCurvePeaksForYoungAdultsAndFallsWithAge) {
    EXPECT_NEAR(weidmannSpeedForAgeMps(20), 1.61, 1e-9);
    EXPECT_LT(weidmannSpeedForAgeMps(8), weidmannSpeedForAgeMps(20));
    EXPECT_LT(weidmannSpeedForAgeMps(75), weidmannSpeedForAgeMps(40));
}

TEST(CrowdDemography, LognormalPreMovementHasTheRequestedMedianAndStaysClipped) {
    Rng rng(2);
    PremovementDistribution p{PremovementDistribution::Kind::LogNormal, 5.0, 200.0, std::log(30.0), 0.5};
    int below = 0;
    for (int i = 0; i < 4000; ++i) {
        const double t = p.draw(rng);
        EXPECT_GE(t, 5.0);
        EXPECT_LE(t, 200.0);
        below += t < 30.0;
    }
    EXPECT_NEAR(below / 4000.0, 0.5, 0.03) << "median exp(mean) = 30 s";
}

TEST(CrowdDemography, NormalPreMovementHasTheRequestedMean) {
    Rng rng(3);
    PremovementDistribution p{PremovementDistribution::Kind::Normal, 0.0, 1000.0, 60.0, 10.0};
    double sum = 0;
    for (int i = 0; i < 4000; ++i) sum += p.draw(rng);
    EXPECT_NEAR(sum / 4000.0, 60.0, 0.6);
}

}  // namespace
}  // namespace cd::crowd
