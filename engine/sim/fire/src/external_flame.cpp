#include "fire/external_flame.h"

#include <algorithm>
#include <cmath>

namespace cd::fire {

namespace {
constexpr double kGravity = 9.81;  // Annex B's g
}

ExternalFlame externalFlame(double hrrKw, double widthM, double heightM, double ambientK) {
    ExternalFlame f;
    f.hrrKw = hrrKw;
    f.widthM = widthM;
    f.depthM = 2.0 * heightM / 3.0;
    if (!(hrrKw > 0 && widthM > 0 && heightM > 0)) return f;
    const double qMw = hrrKw * 1e-3;
    const double area = widthM * heightM;
    const double scaled = qMw / (area * kExternalFlameGasDensityKgM3 * std::sqrt(heightM * kGravity));
    f.heightM = std::max(0.0, heightM * (2.37 * std::pow(scaled, 2.0 / 3.0) - 1.0));
    const bool wide = heightM <= 1.25 * widthM;
    f.projectionM = wide ? heightM / 3.0 : 0.3 * heightM * std::pow(heightM / widthM, 0.54);
    f.lengthM = wide ? f.heightM + heightM / 2.0
                     : std::sqrt(f.heightM * f.heightM + std::pow(f.projectionM - heightM / 3.0, 2)) + heightM / 2.0;
    if (f.heightM <= 0) return f;
    // Outside the correlation's range (L_f w / Q >= 1: a short, wide flame) T_w is held at its
    // value at the range's edge, 986 K over ambient.
    const double ratio = std::min(f.lengthM * widthM / qMw, 1.0);
    f.windowTempK = 520.0 / (1.0 - 0.4725 * ratio) + ambientK;
    f.present = true;
    return f;
}

double externalFlameTempK(const ExternalFlame& f, double axisM, double ambientK) {
    if (!f.present || axisM > f.lengthM) return ambientK;
    const double x = std::max(axisM, 0.0);
    return std::max((f.windowTempK - ambientK) * (1.0 - 0.4725 * x * f.widthM / (f.hrrKw * 1e-3)), 0.0) + ambientK;
}

double externalFlameEmissivity(const ExternalFlame& f) { return 1.0 - std::exp(-0.3 * f.depthM); }

double externalFlameConvectionWM2K(const ExternalFlame& f, double openingAreaM2, double memberSizeM) {
    if (!f.present || openingAreaM2 <= 0 || memberSizeM <= 0) return 0.0;
    return 4.67 * std::pow(1.0 / memberSizeM, 0.4) * std::pow(f.hrrKw * 1e-3 / openingAreaM2, 0.6);
}

}  // namespace cd::fire
