#include "fire/smoke_filling.h"

#include <algorithm>
#include <cmath>

namespace cd::fire {

// NFPA 92 (2021) eq 5.5.1.1 (SI form).
double nfpa92SteadyLayerHeightM(double timeS, double hrrKw, double heightM, double areaM2) {
    double arg = timeS * std::cbrt(hrrKw) * std::pow(heightM, -4.0 / 3.0) / (areaM2 / (heightM * heightM));
    if (arg <= 0) return heightM;
    return std::clamp(heightM * (1.11 - 0.28 * std::log(arg)), 0.0, heightM);
}

// NFPA 92 (2021) eq 5.5.2.1 (SI form).
double nfpa92UnsteadyLayerHeightM(double timeS, double growthTimeS, double heightM, double areaM2) {
    double arg = timeS * std::pow(heightM, -0.8) * std::pow(growthTimeS, -0.4) *
                 std::pow(areaM2 / (heightM * heightM), -0.6);
    if (arg <= 0) return heightM;
    return std::clamp(heightM * 0.91 * std::pow(arg, -1.45), 0.0, heightM);
}

double growthTimeS(double alphaKwS2) { return std::sqrt(1055.0 / alphaKwS2); }

}  // namespace cd::fire
