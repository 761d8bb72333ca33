#include "fire/smoke_optics.h"

#include <algorithm>
#include <cmath>

namespace cd::fire {

double extinctionCoefficientPerM(double sootKgM3) { return kSpecificExtinctionM2Kg * std::max(sootKgM3, 0.0); }

// Jin's visibility relation S = K / sigma (SFPE Handbook ch. 61).
double visibilityM(double sootKgM3, double k) {
    double sigma = extinctionCoefficientPerM(sootKgM3);
    if (sigma * kClearAirVisibilityM <= k) return kClearAirVisibilityM;
    return k / sigma;
}

// Beer-Lambert transmission over 1 m (the per-metre obscuration of detector ratings).
double obscurationPctPerM(double sootKgM3) { return 100.0 * (1.0 - std::exp(-extinctionCoefficientPerM(sootKgM3))); }

}  // namespace cd::fire
