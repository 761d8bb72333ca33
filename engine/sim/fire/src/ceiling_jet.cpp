#include "fire/ceiling_jet.h"

#include <algorithm>
#include <cmath>

namespace cd::fire {

// Alpert (1972); SFPE Handbook 5th ed. eqs 14.1-14.4.
CeilingJet alpertCeilingJet(double hrrKw, double heightM, double radiusM) {
    CeilingJet jet;
    if (hrrKw <= 0 || heightM <= 0) return jet;
    double r = std::max(radiusM, 0.0);
    double rh = r / heightM;
    jet.excessTempK = rh <= 0.18 ? 16.9 * std::pow(hrrKw, 2.0 / 3.0) / std::pow(heightM, 5.0 / 3.0)
                                 : 5.38 * std::pow(hrrKw / r, 2.0 / 3.0) / heightM;
    jet.velocityMS = rh <= 0.15 ? 0.96 * std::cbrt(hrrKw / heightM)
                                : 0.195 * std::cbrt(hrrKw) * std::sqrt(heightM) / std::pow(r, 5.0 / 6.0);
    return jet;
}

// Delichatsios (1981), as CFAST 7's get_ceilingjet_tempandvelocity.
CeilingJet corridorCeilingJet(double plumeExcessK, double heightM, double widthM, double alongM) {
    CeilingJet jet;
    if (!(plumeExcessK > 0) || !(heightM > 0) || !(widthM > 0) || !(alongM > 0.5 * widthM)) return jet;
    jet.excessTempK = plumeExcessK * 0.37 * std::cbrt(heightM / widthM) *
                      std::exp(-0.16 * alongM / heightM * std::cbrt(widthM / heightM));
    jet.velocityMS = 0.114 * std::sqrt(heightM * jet.excessTempK) * std::pow(heightM / widthM, 1.0 / 6.0);
    return jet;
}

// The link ODE is linear with constant coefficients over a step, so the exponential
// solution is exact there and unconditionally stable.
double advanceLinkTemperatureK(double linkK, double gasK, double velocityMS, double ambientK,
                               double rtiMS, double cFactor, double dtS) {
    double su = std::sqrt(std::max(velocityMS, 0.0));
    double k = (su + cFactor) / rtiMS;
    if (k <= 0) return linkK;
    double target = (su * gasK + cFactor * ambientK) / (su + cFactor);
    return target + (linkK - target) * std::exp(-k * dtS);
}

double advanceDetectorSmoke(double insideKgM3, double outsideKgM3, double velocityMS, double lengthM, double dtS) {
    if (!(lengthM > 0.0)) return outsideKgM3;
    return outsideKgM3 + (insideKgM3 - outsideKgM3) * std::exp(-std::max(velocityMS, 0.0) * dtS / lengthM);
}

}  // namespace cd::fire
