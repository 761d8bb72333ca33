// The JMA instrumental seismic intensity (JMA 1996, "Calculation of the instrumental seismic
// intensity"): the record's three components filtered by the period-effect, high-cut and low-cut
// filters, their vector sum, the level a it reaches for 0.3 s in all, I = 2 log10 a + 0.94,
// rounded to 0.01 and cut to 0.1. Checked against hand values of those definitions:
// - the filter gain at 0.5, 1, 2 and 10 Hz from the published filter formulas;
// - sine records: a cosine of amplitude A at frequency f over 20 s, eased in and out over 2 s
//   at each end (a Hann ramp, as a real record starts, so that an abrupt start does not ring
//   through the filters), comes out of the filters as gain(f) A cos(...) in its steady 16 s; at
//   100 samples a second the samples fall on its peaks, so the level it reaches for 0.3 s in all
//   is gain(f) A (within 0.05 % at 0.5 Hz, which has 16 peaks, not 30), and I = 2 log10 of that
//   + 0.94;
// - a circular motion (x = A sin, y = A cos) whose filtered vector sum is gain(f) A throughout.
// Tolerance on a: 0.5 % (what is left of the ramps' spectra; measured within 0.07 %), so I
// within 0.005.
#include <algorithm>
#include <cmath>
#include <cstdio>

#include <gtest/gtest.h>

#include "physics/seismic_intensity.h"

namespace cd::physics {
namespace {

GroundMotion sineRecord(double hz, double amplitudeGal, bool circular) {
    GroundMotion g;
    g.source = "sine";
    for (int k = 0; k <= 4000; ++k) {  // 20 s at 200 Hz
        const double t = k * 0.005, phase = 2.0 * M_PI * hz * t;
        const double ramp = std::min({1.0, t / 2.0, (20.0 - t) / 2.0});
        const double a = amplitudeGal / 100.0 * 0.5 * (1.0 - std::cos(M_PI * ramp));
        g.timeS.push_back(t);
        g.accelMS2.push_back(glm::vec3(static_cast<float>(a * std::cos(phase)), circular ? static_cast<float>(a * std::sin(phase)) : 0.0f, 0.0f));
    }
    return g;
}

TEST(SeismicIntensity, TheFilterGainFollowsJmasFormulas) {
    // sqrt(1/f) x high cut (x = f/10) x low cut, by hand.
    EXPECT_NEAR(jmaFilterGain(0.5), 1.123410, 1e-5);
    EXPECT_NEAR(jmaFilterGain(1.0), 0.996369, 1e-5);
    EXPECT_NEAR(jmaFilterGain(2.0), 0.697360, 1e-5);
    EXPECT_NEAR(jmaFilterGain(10.0), 0.223503, 1e-5);
    EXPECT_EQ(jmaFilterGain(0.0), 0.0);
}

TEST(SeismicIntensity, SineRecordsGiveTheHandIntensity) {
    struct Case {
        double hz, amplitudeGal, expectedI;
        const char* jmaClass;
    };
    for (const Case& c : {Case{1.0, 200.0, 5.5, "6-"}, Case{10.0, 800.0, 5.4, "5+"}, Case{0.5, 100.0, 5.0, "5+"}, Case{2.0, 20.0, 3.2, "3"}}) {
        const SeismicIntensity s = jmaIntensity(sineRecord(c.hz, c.amplitudeGal, false));
        const double a = jmaFilterGain(c.hz) * c.amplitudeGal;
        std::printf("%.1f Hz, %.0f gal: a %.3f gal against %.3f, I %.4f (%.1f, %s)\n", c.hz, c.amplitudeGal, s.aGal, a, s.rawI, s.instrumental, s.jmaClass.c_str());
        EXPECT_NEAR(s.aGal, a, 0.005 * a) << c.hz;
        EXPECT_NEAR(s.rawI, 2.0 * std::log10(a) + 0.94, 0.005) << c.hz;
        EXPECT_DOUBLE_EQ(s.instrumental, c.expectedI) << c.hz;
        EXPECT_EQ(s.jmaClass, c.jmaClass) << c.hz;
    }
}

TEST(SeismicIntensity, ACircularMotionIsTakenAsItsVectorSum) {
    const SeismicIntensity s = jmaIntensity(sineRecord(2.0, 300.0, true));
    const double a = jmaFilterGain(2.0) * 300.0;
    std::printf("circular 2 Hz, 300 gal: a %.3f gal against %.3f\n", s.aGal, a);
    EXPECT_NEAR(s.aGal, a, 0.005 * a);
}

TEST(SeismicIntensity, ClassesFollowTheScale) {
    EXPECT_EQ(jmaClassName(0.2), "0");
    EXPECT_EQ(jmaClassName(3.4), "3");
    EXPECT_EQ(jmaClassName(4.4), "4");
    EXPECT_EQ(jmaClassName(4.5), "5-");
    EXPECT_EQ(jmaClassName(5.0), "5+");
    EXPECT_EQ(jmaClassName(5.5), "6-");
    EXPECT_EQ(jmaClassName(6.0), "6+");
    EXPECT_EQ(jmaClassName(6.5), "7");
    EXPECT_EQ(jmaIntensity(GroundMotion{}).jmaClass, "0");
}

}  // namespace
}  // namespace cd::physics
