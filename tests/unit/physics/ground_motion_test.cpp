#include <algorithm>
#include <cmath>
#include <cstdlib>

#include <gtest/gtest.h>

#include "physics/ground_motion.h"

namespace cd::physics {
namespace {

TEST(GroundMotionCsv, ParsesCommentsHeaderAndRowsAndInterpolates) {
    auto g = parseGroundMotionCsv("# synthetic\ntime_s,ax,ay,az\n0,0,0,0\n0.01,1.0,-2.0,0.5\n0.02,0,0,0\n", "q.csv");
    ASSERT_TRUE(g.ok()) << g.error().str();
    ASSERT_EQ(g->timeS.size(), 3u);
    EXPECT_NEAR(g->accelerationAt(0.005).x, 0.5f, 1e-5f);
    EXPECT_NEAR(g->accelerationAt(0.01).y, -2.0f, 1e-5f);
    EXPECT_EQ(g->accelerationAt(1.0), glm::vec3(0.0f));  // after the record
    EXPECT_NEAR(g->peakHorizontalMS2(), std::sqrt(5.0), 1e-5);
}

TEST(GroundMotionCsv, AMalformedNumberNamesFileLineAndColumn) {
    auto g = parseGroundMotionCsv("time_s,ax,ay,az\n0,0,0,0\n0.01,abc,0,0\n", "quake.csv");
    ASSERT_FALSE(g.ok());
    EXPECT_EQ(g.error().str(), "quake.csv:3: ax: not a finite number: 'abc'");
}

TEST(GroundMotionCsv, WrongColumnCountMissingHeaderTimeOrderAndUnitsAreErrors) {
    EXPECT_EQ(parseGroundMotionCsv("time_s,ax,ay,az\n0,0,0\n", "a.csv").error().line, 2);
    EXPECT_EQ(parseGroundMotionCsv("0,0,0,0\n1,0,0,0\n", "a.csv").error().field, "time_s");
    auto back = parseGroundMotionCsv("time_s,ax,ay,az\n0,0,0,0\n0.02,0,0,0\n0.01,0,0,0\n", "a.csv");
    EXPECT_EQ(back.error().line, 4);
    EXPECT_EQ(back.error().field, "time_s");
    auto cm = parseGroundMotionCsv("time_s,ax,ay,az\n0,0,0,0\n0.01,350,0,0\n", "a.csv");  // cm/s^2 by mistake
    EXPECT_EQ(cm.error().field, "ax");
    EXPECT_FALSE(parseGroundMotionCsv("time_s,ax,ay,az\n0,0,0,0\n", "a.csv").ok());  // one sample
    EXPECT_FALSE(parseGroundMotionCsv("time_s,ax,ay,az\n0,0,0,inf\n1,0,0,0\n", "a.csv").ok());
    // A record that would last a million seconds (a typo in time_s) is refused where it goes too far.
    auto endless = parseGroundMotionCsv("time_s,ax,ay,az\n0,0,0,0\n1,0,0,0\n1e6,0,0,0\n", "a.csv");
    ASSERT_FALSE(endless.ok());
    EXPECT_EQ(endless.error().line, 4);
    EXPECT_EQ(endless.error().field, "time_s");
    EXPECT_TRUE(parseGroundMotionCsv("time_s,ax,ay,az\n0,0,0,0\n3600,0,0,0\n", "a.csv").ok());
}

TEST(GroundMotionCsv, AMissingFileIsAnErrorNotACrash) {
    EXPECT_FALSE(loadGroundMotionCsv("/nonexistent/quake.csv").ok());
}

TEST(ParametricGroundMotion, IsScaledToThePeakAndRatiosAndIsReproducible) {
    ParametricGroundMotion p;
    p.pgaMS2 = 3.5;
    p.durationS = 12.0;
    auto a = makeParametricGroundMotion(p);
    auto b = makeParametricGroundMotion(p);
    ASSERT_TRUE(a.ok());
    double px = 0, py = 0, pz = 0;
    for (const glm::vec3& v : a->accelMS2) {
        px = std::max(px, double(std::abs(v.x)));
        py = std::max(py, double(std::abs(v.y)));
        pz = std::max(pz, double(std::abs(v.z)));
    }
    EXPECT_NEAR(px, 3.5, 1e-4);
    EXPECT_NEAR(py, 3.5 * 0.85, 1e-4);
    EXPECT_NEAR(pz, 3.5 * 0.667, 1e-4);
    EXPECT_EQ(a->accelMS2, b->accelMS2);
    EXPECT_NEAR(a->durationS(), 12.0, 0.01);
    // The envelope starts from rest: the first 2 % of the record stays small.
    for (std::size_t i = 0; i < a->timeS.size() / 50; ++i) EXPECT_LT(std::abs(a->accelMS2[i].x), 0.05 * 3.5);
}

TEST(ParametricGroundMotion, ItsSpectrumPeaksNearTheDominantPeriodAndFallsAboveIt) {
    // Kanai-Tajimi: |H(w)|^2 = (1 + 4 zg^2 r^2) / ((1 - r^2)^2 + 4 zg^2 r^2), r = w / wg; with
    // zg = 0.6 that is 1.69 at r = 1 and 0.097 at r = 4. Band-averaged periodogram powers
    // (0.8..1.25 fg against 3.5..4.5 fg) must keep a ratio above 4 (the theory says ~16).
    for (double tg : {0.25, 0.5}) {
        ParametricGroundMotion p;
        p.dominantPeriodS = tg;
        p.durationS = 40.0;
        p.seed = 9;
        auto g = makeParametricGroundMotion(p).value();
        const double fg = 1.0 / tg, dt = p.sampleStepS;
        auto band = [&](double f0, double f1) {
            double sum = 0.0;
            int count = 0;
            for (double f = f0; f <= f1; f += 1.0 / g.durationS()) {
                double re = 0.0, im = 0.0;
                for (std::size_t k = 0; k < g.accelMS2.size(); ++k) {
                    const double ph = 2.0 * 3.14159265358979 * f * static_cast<double>(k) * dt;
                    re += g.accelMS2[k].x * std::cos(ph);
                    im += g.accelMS2[k].x * std::sin(ph);
                }
                sum += re * re + im * im;
                ++count;
            }
            return sum / count;
        };
        EXPECT_GT(band(0.8 * fg, 1.25 * fg) / band(3.5 * fg, 4.5 * fg), 4.0) << "Tg " << tg;
    }
}

TEST(ParametricGroundMotion, AbsurdParametersAreErrorsNamingTheField) {
    ParametricGroundMotion p;
    p.pgaMS2 = -1.0;
    EXPECT_EQ(makeParametricGroundMotion(p).error().field, "pgaMS2");
    p = {};
    p.dominantPeriodS = 0.0;
    EXPECT_EQ(makeParametricGroundMotion(p).error().field, "dominantPeriodS");
    p = {};
    p.durationS = 1e6;
    EXPECT_EQ(makeParametricGroundMotion(p).error().field, "durationS");
}

TEST(GroundMotionAsset, TheShippedSyntheticRecordLoadsWithItsDocumentedPeak) {
    const char* root = std::getenv("CITYDRILL_SOURCE_DIR");
    const std::string rel = "assets/ground_motion/synthetic_kt_m6.csv";
    auto g = loadGroundMotionCsv(root ? std::string(root) + "/" + rel : rel);
    if (!root && !g.ok()) g = loadGroundMotionCsv("../" + rel);  // run by hand from build/
    ASSERT_TRUE(g.ok()) << g.error().str();
    double px = 0;
    for (const glm::vec3& v : g->accelMS2) px = std::max(px, double(std::abs(v.x)));
    EXPECT_NEAR(px, 3.0, 1e-3);  // 0.31 g, see docs/physics.md
    EXPECT_NEAR(g->durationS(), 20.0, 0.01);
}

TEST(GroundMotionCsv, WritingAndReadingBackKeepsTheRecord) {
    ParametricGroundMotion p;
    p.durationS = 2.0;
    auto g = makeParametricGroundMotion(p).value();
    auto back = parseGroundMotionCsv(groundMotionToCsv(g, "test record\nsecond line"), "mem");
    ASSERT_TRUE(back.ok()) << back.error().str();
    ASSERT_EQ(back->timeS.size(), g.timeS.size());
    EXPECT_NEAR(back->accelMS2[100].x, g.accelMS2[100].x, 1e-4f);
}

}  // namespace
}  // namespace cd::physics
