#include "fire/spill_plume.h"

#include <cmath>

#include "fire/vent_flow.h"

namespace cd::fire {

// Poreh et al. (1998) two-dimensional spill plume, CFAST's form (poreh_plume), C_m = 0.44.
double spillPlumeCoefficient(double jetK, double ambientK, double ambientRhoKgM3, double widthM, double riseM,
                             double cpJKgK) {
    if (!(jetK > ambientK && ambientK > 0 && ambientRhoKgM3 > 0 && widthM > 0 && riseM > 0 && cpJKgK > 0)) return 0.0;
    constexpr double kCm = 0.44;
    return kCm * std::pow(ambientK / jetK, 2.0 / 3.0) *
           std::cbrt(kGravity * ambientRhoKgM3 * ambientRhoKgM3 / (cpJKgK * ambientK)) *
           std::cbrt(cpJKgK * (jetK - ambientK)) * std::pow(widthM, 2.0 / 3.0) * riseM;
}

double spillPlumeEntrainmentKgS(double outflowKgS, double jetK, double ambientK, double ambientRhoKgM3,
                                double widthM, double riseM, double cpJKgK) {
    if (!(outflowKgS > 0)) return 0.0;
    return spillPlumeCoefficient(jetK, ambientK, ambientRhoKgM3, widthM, riseM, cpJKgK) * std::cbrt(outflowKgS);
}

}  // namespace cd::fire
