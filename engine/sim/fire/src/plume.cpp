#include "fire/plume.h"

#include <algorithm>
#include <cmath>

namespace cd::fire {

double equivalentDiameterM(double areaM2) { return std::sqrt(4.0 * std::max(areaM2, 0.0) / M_PI); }

// Heskestad flame height, SFPE Handbook 5th ed. eq 13.12.
double heskestadFlameHeightM(double hrrKw, double diameterM) {
    if (hrrKw <= 0) return 0.0;
    return std::max(0.0, 0.235 * std::pow(hrrKw, 0.4) - 1.02 * diameterM);
}

// Heskestad virtual origin, SFPE Handbook 5th ed. eq 13.2, fitted over
// 7 <= Q^(2/5)/D <= 700 kW^(2/5)/m. Below that range (a wide, weak fire: a large burner area
// early in a t-squared growth) the straight line would put the origin ever deeper below the
// fuel, down to -1.02 D, and the plume would entrain as if it were up to twice as tall; such a
// fire burns as separate flamelets whose plumes merge near the fuel, so the origin is held at
// its value at the edge of the fitted range, z0 = (0.083 x 7 - 1.02) D = -0.439 D.
double heskestadVirtualOriginM(double hrrKw, double diameterM) {
    double z0 = 0.083 * std::pow(std::max(hrrKw, 0.0), 0.4) - 1.02 * diameterM;
    return std::max(z0, (0.083 * kHeskestadMinQ25OverD - 1.02) * diameterM);
}

// Heskestad plume entrainment, SFPE Handbook 5th ed. eqs 13.13 (above flame) and 13.14 (in flame).
double heskestadPlumeMassFlowKgS(double hrrKw, double convectiveHrrKw, double diameterM, double zM) {
    if (hrrKw <= 0 || convectiveHrrKw <= 0 || zM <= 0) return 0.0;
    double flame = heskestadFlameHeightM(hrrKw, diameterM);
    double z0 = heskestadVirtualOriginM(hrrKw, diameterM);
    auto above = [&](double z) {
        return 0.071 * std::cbrt(convectiveHrrKw) * std::pow(std::max(z - z0, 0.0), 5.0 / 3.0) +
               1.92e-3 * convectiveHrrKw;
    };
    if (zM > flame) return above(zM);
    // Inside the flame the correlation is linear in z and meets 0.0056 Qc at the flame tip.
    if (flame <= 0) return above(zM);
    return 0.0056 * convectiveHrrKw * zM / flame;
}

int plumeMirror(double wallXM, double wallYM, double diameterM) {
    const double reach = std::max(diameterM, 0.0);
    return (wallXM <= reach ? 2 : 1) * (wallYM <= reach ? 2 : 1);
}

double mirroredPlumeMassFlowKgS(double hrrKw, double convectiveHrrKw, double diameterM, double zM, int mirror) {
    const double m = std::max(mirror, 1);
    return heskestadPlumeMassFlowKgS(m * hrrKw, m * convectiveHrrKw, diameterM * std::sqrt(m), zM) / m;
}

double mirroredFlameHeightM(double hrrKw, double diameterM, int mirror) {
    const double m = std::max(mirror, 1);
    return heskestadFlameHeightM(m * hrrKw, diameterM * std::sqrt(m));
}

// Heskestad centreline temperature, SFPE Handbook 5th ed. ch. 13, g = 9.81 m/s^2,
// c_p = 1.0 kJ/kg/K and an ideal-gas ambient density 352.9 / T_a kg/m^3; Gaussian radial profile.
double heskestadPointSourceExcessK(double convectiveHrrKw, double aboveOriginM, double radiusM, double ambientK) {
    if (convectiveHrrKw <= 0 || ambientK <= 0) return 0.0;
    const double flameCap = kMcCaffreyFlameExcessOverAmbient * ambientK;
    const double rho = 352.9 / ambientK;
    const double c = 9.1 * std::cbrt(ambientK / (9.81 * rho * rho));
    const double t0 = aboveOriginM <= 0 ? flameCap
                                        : std::min(flameCap, c * std::pow(convectiveHrrKw, 2.0 / 3.0) * std::pow(aboveOriginM, -5.0 / 3.0));
    const double b = 0.12 * std::sqrt((ambientK + t0) / ambientK) * std::max(aboveOriginM, 1e-6);
    const double r = std::max(radiusM, 0.0) / b;
    return t0 * std::exp(-r * r);
}

double heskestadCentrelineExcessK(double hrrKw, double convectiveHrrKw, double diameterM, double zM, double ambientK) {
    return heskestadPlumeExcessK(hrrKw, convectiveHrrKw, diameterM, zM, 0.0, ambientK);
}

double heskestadPlumeExcessK(double hrrKw, double convectiveHrrKw, double diameterM, double zM, double radiusM,
                             double ambientK) {
    if (hrrKw <= 0 || zM < 0) return 0.0;
    return heskestadPointSourceExcessK(convectiveHrrKw, zM - heskestadVirtualOriginM(hrrKw, diameterM), radiusM, ambientK);
}

}  // namespace cd::fire
