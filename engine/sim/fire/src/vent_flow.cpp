#include "fire/vent_flow.h"

#include <algorithm>
#include <cmath>

namespace cd::fire {

double relativePressurePa(const VentSide& s, double z, double rhoAmbient) {
    double lowerTop = std::min(z, s.interfaceZ);
    double lowerSpan = std::max(lowerTop - s.floorZ, 0.0);
    double upperSpan = std::max(z - std::max(s.interfaceZ, s.floorZ), 0.0);
    return s.deltaPPa - kGravity * ((s.rhoLower - rhoAmbient) * lowerSpan + (s.rhoUpper - rhoAmbient) * upperSpan);
}

namespace {

// The orifice law sqrt(|dp|) has an infinite slope at dp = 0, which stalls Newton's method
// on the room pressures. Below ~1 mPa it is replaced smoothly by a linear (laminar-like)
// law: g(d) = d / sqrt(d + d0), which is sqrt(d) (1 - d0 / 2d + ...) above d0.
constexpr double kLaminarPa = 1e-3;

double g(double d) { return d / std::sqrt(d + kLaminarPa); }
double gSlope(double d) { return (d + 2.0 * kLaminarPa) / (2.0 * std::pow(d + kLaminarPa, 1.5)); }
// Antiderivative of g.
double gIntegral(double d) {
    double r = std::sqrt(d + kLaminarPa);
    return (2.0 / 3.0) * r * r * r - 2.0 * kLaminarPa * r;
}

// Adds the flow through [z1, z2], where the pressure difference (A minus B) goes linearly
// from d1 to d2 without changing sign.
void addSlab(const VentSide& a, const VentSide& b, double z1, double z2, double d1, double d2, double coeff,
             VentFlow& out) {
    if (z2 <= z1) return;
    double mid = 0.5 * (d1 + d2);
    if (mid == 0.0) {
        // No flow, but the Jacobian must still see the slope g'(0) = 1/sqrt(d0) a pressure
        // change would meet; either side may become the source, so each gets half.
        double slope = 0.5 * (z2 - z1) / std::sqrt(kLaminarPa);
        bool upperA = 0.5 * (z1 + z2) > a.interfaceZ, upperB = 0.5 * (z1 + z2) > b.interfaceZ;
        (upperA ? out.dAUpper : out.dALower) += coeff * std::sqrt(2.0 * (upperA ? a.rhoUpper : a.rhoLower)) * slope;
        (upperB ? out.dBUpper : out.dBLower) -= coeff * std::sqrt(2.0 * (upperB ? b.rhoUpper : b.rhoLower)) * slope;
        return;
    }
    double u1 = std::fabs(d1), u2 = std::fabs(d2);
    double dz = z2 - z1;
    double integral, slope;  // of g(|d|) over z, and its derivative for a uniform shift of |d|
    if (std::fabs(u2 - u1) <= 1e-6 * (u1 + u2 + kLaminarPa)) {
        double um = 0.5 * (u1 + u2);
        integral = dz * g(um);
        slope = dz * gSlope(um);
    } else {
        integral = dz * (gIntegral(u2) - gIntegral(u1)) / (u2 - u1);
        slope = dz * (g(u2) - g(u1)) / (u2 - u1);
    }
    double zm = 0.5 * (z1 + z2);
    if (mid > 0) {  // A pushes into B
        bool upper = zm > a.interfaceZ;
        double k = coeff * std::sqrt(2.0 * (upper ? a.rhoUpper : a.rhoLower));
        (upper ? out.fromAUpper : out.fromALower) += k * integral;
        (upper ? out.dAUpper : out.dALower) += k * slope;
    } else {
        bool upper = zm > b.interfaceZ;
        double k = coeff * std::sqrt(2.0 * (upper ? b.rhoUpper : b.rhoLower));
        (upper ? out.fromBUpper : out.fromBLower) += k * integral;
        (upper ? out.dBUpper : out.dBLower) -= k * slope;
    }
}

}  // namespace

// CFAST TRG (NIST SP 1889v1) vent flow: slabs bounded by the opening edges and the layer
// interfaces, each split at its neutral plane; Bernoulli flow from the higher-pressure side.
VentFlow ventFlow(const VentSide& a, const VentSide& b, double zBottom, double zTop, double widthM,
                  double dischargeCoeff, double rhoAmbient) {
    VentFlow out;
    if (zTop <= zBottom || widthM <= 0) return out;
    double z[4];
    int n = 0;
    z[n++] = zBottom;
    if (a.interfaceZ > zBottom && a.interfaceZ < zTop) z[n++] = a.interfaceZ;
    if (b.interfaceZ > zBottom && b.interfaceZ < zTop) z[n++] = b.interfaceZ;
    z[n++] = zTop;
    std::sort(z, z + n);
    double coeff = dischargeCoeff * widthM;
    for (int i = 0; i + 1 < n; ++i) {
        double z1 = z[i], z2 = z[i + 1];
        if (z2 <= z1) continue;
        // Evaluate just inside the slab so that each side's layer is the one of this slab.
        double d1 = relativePressurePa(a, z1, rhoAmbient) - relativePressurePa(b, z1, rhoAmbient);
        double d2 = relativePressurePa(a, z2, rhoAmbient) - relativePressurePa(b, z2, rhoAmbient);
        if ((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) {
            double zn = z1 + (z2 - z1) * d1 / (d1 - d2);
            addSlab(a, b, z1, zn, d1, 0.0, coeff, out);
            addSlab(a, b, zn, z2, 0.0, d2, coeff, out);
        } else {
            addSlab(a, b, z1, z2, d1, d2, coeff, out);
        }
    }
    return out;
}

}  // namespace cd::fire
