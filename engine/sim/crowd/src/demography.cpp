#include "crowd/demography.h"

#include <algorithm>
#include <cmath>

namespace cd::crowd {

double SpeedDistribution::draw(Rng& rng) const {
    if (kind == Kind::Uniform) return rng.uniform(minMps, maxMps);
    for (int i = 0; i < 32; ++i) {
        const double v = rng.normal(meanMps, sdMps);
        if (v >= minMps && v <= maxMps) return v;
    }
    return std::clamp(meanMps, minMps, maxMps);
}

namespace {
SpeedDistribution band(double lo, double hi) {
    return {SpeedDistribution::Kind::TruncatedNormal, lo, hi, 0.5 * (lo + hi), 0.25 * (hi - lo)};
}
}  // namespace

double weidmannSpeedForAgeMps(double age) {
    // (age, m/s): read from the Weidmann (1993) age curve reproduced in RiMEA 3.0, test 7.
    static constexpr double pts[][2] = {{5, 0.58}, {10, 1.15}, {15, 1.45}, {20, 1.61}, {30, 1.54},
                                        {50, 1.41}, {60, 1.25}, {70, 1.00}, {80, 0.68}};
    constexpr int n = sizeof(pts) / sizeof(pts[0]);
    if (age <= pts[0][0]) return pts[0][1];
    for (int i = 1; i < n; ++i)
        if (age <= pts[i][0]) {
            const double t = (age - pts[i - 1][0]) / (pts[i][0] - pts[i - 1][0]);
            return pts[i - 1][1] + t * (pts[i][1] - pts[i - 1][1]);
        }
    return pts[n - 1][1];
}

Result<SpeedDistribution> speedProfile(const std::string& name) {
    if (name == "rimea-under-30") return band(0.58, 1.61);
    if (name == "rimea-30-50") return band(1.41, 1.54);
    if (name == "rimea-over-50") return band(0.68, 1.41);
    if (name == "reduced-mobility") return band(0.46, 0.76);
    if (name == "weidmann-adult") return SpeedDistribution{SpeedDistribution::Kind::TruncatedNormal, 0.58, 1.61, 1.34, 0.26};
    if (name == "weidmann-child") {
        const double lo = 0.9 * weidmannSpeedForAgeMps(6), hi = 1.1 * weidmannSpeedForAgeMps(12);
        return SpeedDistribution{SpeedDistribution::Kind::Uniform, lo, hi, 0.5 * (lo + hi), 0.0};
    }
    return makeError("unknown speed profile '" + name +
                     "' (rimea-under-30, rimea-30-50, rimea-over-50, reduced-mobility, weidmann-adult, weidmann-child)");
}

double PremovementDistribution::draw(Rng& rng) const {
    double t = 0.0;
    switch (kind) {
        case Kind::Uniform: return rng.uniform(minS, maxS);
        case Kind::Normal: t = rng.normal(mean, sd); break;
        case Kind::LogNormal: t = std::exp(rng.normal(mean, sd)); break;
    }
    return std::clamp(t, minS, maxS);
}

}  // namespace cd::crowd
