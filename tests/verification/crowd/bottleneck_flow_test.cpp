// Flow through a bottleneck against the experiments of Seyfried et al. (2009, "New insights
// into pedestrian flow through bottlenecks", Transportation Science 43(3)) and Kretz et al.
// (2006, "Experimental study of pedestrian flow through a bottleneck", J. Stat. Mech. P10014):
// flow rises about linearly with width, with specific flow Js = J / b of about 1.6-2.0 1/(m s)
// for b = 0.8-2.5 m (Seyfried's 4 m long bottleneck: J ~ 1.6 (b=0.8) to ~2.3 1/s (b=1.2)).
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <vector>

#include "crowd_scene.h"

namespace cd::crowd::test {
namespace {

/// 8 x 8 m waiting room, then a 4 m long bottleneck of width b, then safety.
double bottleneckFlow(double widthM, int people) {
    Scene s;
    const double y0 = 4.0 - widthM / 2, y1 = 4.0 + widthM / 2;
    const int room = s.area("room", rect(0, 0, 8, 8));
    const int neck = s.area("neck", rect(8, y0, 12, y1));
    s.door("in", room, neck, {8, y0}, {8, y1});
    s.door("out", neck, kSafeArea, {12, y0}, {12, y1});
    auto sim = s.build();
    Rng rng(7);
    fillRect(*sim, 0.0, 0.0, 7.5, 8.0, people, 1.34, 11);
    for (int i = 0; i < people; ++i) sim->agent(i).desiredSpeedMps = rng.uniform(1.2, 1.5);
    sim->runUntil(400.0);
    std::vector<double> t;
    for (const Agent& a : sim->agents()) t.push_back(a.exitTimeS);
    std::sort(t.begin(), t.end());
    EXPECT_GT(t.front(), 0.0) << "everybody leaves";
    // Steady flow between the 10th and the 90th percentile of passages.
    const size_t i0 = t.size() / 10, i1 = t.size() * 9 / 10;
    return static_cast<double>(i1 - i0) / (t[i1] - t[i0]);
}

TEST(BottleneckFlow, RisesAboutLinearlyWithWidthAndMatchesPublishedSpecificFlow) {
    const std::vector<double> widths = {0.8, 1.0, 1.2, 1.6, 2.0, 2.5};
    std::vector<double> flows;
    for (double b : widths) {
        const double j = bottleneckFlow(b, 150);
        flows.push_back(j);
        std::printf("bottleneck width %.2f m: flow %.2f 1/s, specific flow %.2f 1/(m s)\n", b, j, j / b);
    }
    for (size_t k = 0; k < widths.size(); ++k) {
        const double js = flows[k] / widths[k];
        EXPECT_GT(js, 1.2) << "specific flow at width " << widths[k];
        EXPECT_LT(js, 2.3) << "specific flow at width " << widths[k];
        if (k > 0) {
            EXPECT_GT(flows[k], flows[k - 1]) << "flow grows with width";
        }
    }
    // Linearity: a least-squares line through the points explains them well (R^2 > 0.95).
    double mx = 0, my = 0;
    for (size_t k = 0; k < widths.size(); ++k) { mx += widths[k]; my += flows[k]; }
    mx /= widths.size(); my /= widths.size();
    double sxy = 0, sxx = 0, syy = 0;
    for (size_t k = 0; k < widths.size(); ++k) {
        sxy += (widths[k] - mx) * (flows[k] - my);
        sxx += (widths[k] - mx) * (widths[k] - mx);
        syy += (flows[k] - my) * (flows[k] - my);
    }
    const double r2 = sxy * sxy / (sxx * syy);
    std::printf("bottleneck flow vs width: slope %.2f 1/(m s), R^2 %.3f\n", sxy / sxx, r2);
    EXPECT_GT(r2, 0.95);
}

}  // namespace
}  // namespace cd::crowd::test
