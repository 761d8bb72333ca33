#include "fire/wall_conduction.h"

#include <algorithm>
#include <cmath>

namespace cd::fire {

namespace {

// Node spacing grows geometrically from the exposed face (ratio kWallStretch): the first
// minutes of heating penetrate sqrt(alpha t), a few mm in concrete, which a uniform grid
// over 150 mm would smear into one thick surface node.
void cellWidths(double thicknessM, double* dx) {
    static const double kFirstFraction = (kWallStretch - 1.0) / (std::pow(kWallStretch, kWallNodes - 1) - 1.0);
    dx[0] = thicknessM * kFirstFraction;
    for (int j = 1; j < kWallNodes - 1; ++j) dx[j] = dx[j - 1] * kWallStretch;
}

}  // namespace

// Backward-Euler conduction (unconditionally stable, so the wall never limits the step);
// half control volumes at both faces; tridiagonal solve by the Thomas algorithm.
double advanceWallSlab(double* t, const WallMaterial& m, double gasK, double exposedHWM2K, double extraFluxWM2,
                       double backHWM2K, double ambientK, double dtS, double* scratch, double backFluxWM2) {
    constexpr int n = kWallNodes;
    double dx[n - 1];
    cellWidths(m.thicknessM, dx);
    const double rc = m.densityKgM3 * m.specificHeatJKgK / dtS;
    double* c = scratch;      // modified upper diagonal
    double* d = scratch + n;  // modified right-hand side
    // Row i: a_i T_{i-1} + b_i T_i + c_i T_{i+1} = r_i; node i owns half of each adjacent cell.
    auto row = [&](int i, double& a, double& b, double& cc, double& r) {
        double gl = i > 0 ? m.conductivityWMK / dx[i - 1] : 0.0;
        double gr = i < n - 1 ? m.conductivityWMK / dx[i] : 0.0;
        double capI = rc * 0.5 * ((i > 0 ? dx[i - 1] : 0.0) + (i < n - 1 ? dx[i] : 0.0));
        a = -gl;
        cc = -gr;
        b = capI + gl + gr;
        r = capI * t[i];
        if (i == 0) {
            b += exposedHWM2K;
            r += exposedHWM2K * gasK + extraFluxWM2;
        }
        if (i == n - 1) {
            b += backHWM2K;
            r += backHWM2K * ambientK + backFluxWM2;
        }
    };
    double a, b, cc, r;
    row(0, a, b, cc, r);
    c[0] = cc / b;
    d[0] = r / b;
    for (int i = 1; i < n; ++i) {
        row(i, a, b, cc, r);
        double den = b - a * c[i - 1];
        c[i] = cc / den;
        d[i] = (r - a * d[i - 1]) / den;
    }
    t[n - 1] = d[n - 1];
    for (int i = n - 2; i >= 0; --i) t[i] = d[i] - c[i] * t[i + 1];
    return exposedHWM2K * (gasK - t[0]);
}

double slabMeanTempK(const double* tempsK) {
    double dx[kWallNodes - 1];
    cellWidths(1.0, dx);
    double sum = 0;
    for (int i = 0; i < kWallNodes; ++i) sum += tempsK[i] * 0.5 * ((i > 0 ? dx[i - 1] : 0.0) + (i < kWallNodes - 1 ? dx[i] : 0.0));
    return sum;
}

double backFaceCoefficientWM2K(const WallMaterial& m, double backK, double ambientK) {
    return 4.0 + m.emissivity * kStefanBoltzmann * (backK * backK + ambientK * ambientK) * (backK + ambientK);
}

double convectiveCoefficientWM2K(double gasK, double surfaceK) {
    return std::max(5.0, 1.52 * std::cbrt(std::fabs(gasK - surfaceK)));
}

}  // namespace cd::fire
