#include "physics/steel_buckling.h"

#include <algorithm>
#include <cmath>

#include "physics/fire_reduction.h"

namespace cd::physics {

namespace {
constexpr double kCurveC = 0.49;           // EN 1993-1-1 Table 6.1
constexpr double kISectionGyration = 0.25;  // i_z / b of HE A and HE B sections
constexpr double kEulerSlenderness = 93.9;  // pi (E / f_y)^0.5 at f_y 235 MPa

double reduction(double phi, double lambda) { return std::min(1.0, 1.0 / (phi + std::sqrt(std::max(0.0, phi * phi - lambda * lambda)))); }
}  // namespace

double steelEpsilon(const Material& steel) {
    return std::sqrt(235.0e6 / std::clamp(static_cast<double>(steel.jointStrengthPa), 235.0e6, 460.0e6));
}

double steelColumnSlenderness(const MemberDef& m) {
    if (m.kind != MemberKind::Column || m.material.fireCurve != FireCurve::Steel || m.material.jointStrengthPa <= 0.0f) return 0.0;
    const double b = 2.0 * std::min(m.halfExtentsM.x, m.halfExtentsM.y);
    const double i = m.sectionFactorPerM > 0.0f ? kISectionGyration * b : b / std::sqrt(12.0);
    const double length = 2.0 * m.halfExtentsM.z;
    return length / i / (kEulerSlenderness * steelEpsilon(m.material));
}

double coldBucklingReduction(double slenderness) {
    if (slenderness <= 0.2) return 1.0;
    const double phi = 0.5 * (1.0 + kCurveC * (slenderness - 0.2) + slenderness * slenderness);
    return reduction(phi, slenderness);
}

double fireBucklingReduction(double slenderness, double temperatureC, double epsilon) {
    if (slenderness <= 0.0) return 1.0;
    const float t = static_cast<float>(temperatureC);
    const double kE = steelElasticModulusFactor(t);
    if (kE <= 0.0) return 0.0;
    const double lambda = slenderness * std::sqrt(strengthReductionFactor(FireCurve::Steel, t) / kE);
    const double phi = 0.5 * (1.0 + 0.65 * epsilon * lambda + lambda * lambda);
    return reduction(phi, lambda);
}

float steelColumnBearingFactor(double slenderness, double temperatureC, double epsilon) {
    const double ky = strengthReductionFactor(FireCurve::Steel, static_cast<float>(temperatureC));
    if (slenderness <= 0.0) return static_cast<float>(ky);
    return static_cast<float>(fireBucklingReduction(slenderness, temperatureC, epsilon) * ky / coldBucklingReduction(slenderness));
}

}  // namespace cd::physics
