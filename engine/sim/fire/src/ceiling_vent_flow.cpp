#include "fire/ceiling_vent_flow.h"

#include <algorithm>
#include <cmath>

#include "fire/vent_flow.h"

namespace cd::fire {

namespace {

// As in vent_flow.cpp: below ~1 mPa the square-root law blends into a linear one so that
// Newton's method on the room pressures sees a finite slope at zero flow.
constexpr double kLaminarPa = 1e-3;
double g(double d) { return d / std::sqrt(d + kLaminarPa); }
double gSlope(double d) { return (d + 2.0 * kLaminarPa) / (2.0 * std::pow(d + kLaminarPa, 1.5)); }

double shapeCoefficient(bool round) { return round ? 0.754 : 0.942; }
double ventDiameterM(double areaM2, bool round) { return round ? 2.0 * std::sqrt(areaM2 / M_PI) : std::sqrt(areaM2); }

}  // namespace

// Cooper (1998) eq. for the flooding pressure: dp_flood = C^2 g drho D^5 / (2 A^2).
double ceilingVentFloodingPressurePa(double rhoBelow, double rhoAbove, double areaM2, bool round) {
    double drho = std::fabs(rhoAbove - rhoBelow);
    double c = shapeCoefficient(round);
    double d = ventDiameterM(areaM2, round);
    return c * c * kGravity * drho * std::pow(d, 5) / (2.0 * areaM2 * areaM2);
}

CeilingVentFlow ceilingVentFlow(double deltaPPa, double rhoBelow, double rhoAbove, double areaM2, bool round,
                                double dischargeCoeff) {
    CeilingVentFlow out;
    if (!(areaM2 > 0)) return out;
    // Pressure-driven part, from the higher-pressure side: m = Cd A sqrt(2 rho_source |dp|).
    double mag = std::fabs(deltaPPa);
    if (deltaPPa >= 0) {
        double k = dischargeCoeff * areaM2 * std::sqrt(2.0 * rhoBelow);
        out.upKgS = k * g(mag);
        out.dUpDp = k * gSlope(mag);
    } else {
        double k = dischargeCoeff * areaM2 * std::sqrt(2.0 * rhoAbove);
        out.downKgS = k * g(mag);
        out.dDownDp = -k * gSlope(mag);
    }
    // Exchange flow when the denser gas is on top (Cooper; CFAST ventcf):
    // V_ex = 0.1 sqrt(2 g drho A^(5/2) / (rho_a + rho_b)) (1 - |dp / dp_flood|), >= 0.
    double drho = rhoAbove - rhoBelow;
    if (drho > 0) {
        double flood = ceilingVentFloodingPressurePa(rhoBelow, rhoAbove, areaM2, round);
        double vex = 0.1 * std::sqrt(2.0 * kGravity * drho * std::pow(areaM2, 2.5) / (rhoBelow + rhoAbove)) *
                     std::max(1.0 - mag / flood, 0.0);
        out.upKgS += rhoBelow * vex;
        out.downKgS += rhoAbove * vex;
    }
    return out;
}

}  // namespace cd::fire
