#include "crowd/hazard_speed.h"

#include <algorithm>
#include <limits>

namespace cd::crowd {

double smokeSpeedFactor(double k) {
    constexpr double alpha = 0.706;  // m/s, Frantzich & Nilsson 2003
    constexpr double beta = -0.057;  // m^2/s
    if (!(k > 0.0)) return 1.0;
    return std::max(0.1, 1.0 + beta / alpha * k);
}

double floodSpecificForceM2(double h, double u) {
    if (!(h > 0.0)) return 0.0;
    constexpr double g = 9.81;
    return u * u * h / g + 0.5 * h * h;
}

double floodSpeedFactor(double h, double u, double limitM2) {
    const double m0 = floodSpecificForceM2(h, u);
    return std::clamp(1.0 - m0 / limitM2, 0.0, 1.0);
}

double visibilityM(double k) {
    if (!(k > 0.0)) return std::numeric_limits<double>::infinity();
    return 3.0 / k;
}

}  // namespace cd::crowd
