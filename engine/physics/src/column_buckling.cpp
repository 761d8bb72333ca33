#include "physics/column_buckling.h"

#include <algorithm>
#include <cmath>

#include "physics/fire_reduction.h"

namespace cd::physics {

namespace {
constexpr double kCurveC = 0.49;           // EN 1993-1-1 Table 6.1
constexpr double kISectionGyration = 0.25;  // i_z / b of HE A and HE B sections
constexpr double kEulerSlenderness = 93.9;  // pi (E / f_y)^0.5 at f_y 235 MPa
constexpr double kTimberStrengthOverStiffness = 21.0 / 7400.0;  // C24: f_c,0,k / E_0.05 (EN 338)
constexpr double kTimberImperfection = 0.2;  // beta_c, solid timber (EN 1995-1-1 6.3.2(3))

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

double steelColumnFireSlenderness(const MemberDef& m) { return steelColumnSlenderness(m) * m.fireBucklingLengthFactor; }

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

float steelColumnBearingFactor(double coldSlenderness, double fireSlenderness, double temperatureC, double epsilon) {
    const double ky = strengthReductionFactor(FireCurve::Steel, static_cast<float>(temperatureC));
    if (coldSlenderness <= 0.0) return static_cast<float>(ky);
    // A shorter buckling length in fire (a continuous column held by the storeys beside it) may
    // give more than the cold design's chi; the fire never makes the column stronger.
    return static_cast<float>(std::min(1.0, fireBucklingReduction(fireSlenderness, temperatureC, epsilon) * ky / coldBucklingReduction(coldSlenderness)));
}

double timberColumnSlenderness(double lengthM, double thinM) {
    if (!(thinM > 0.0)) return 1.0e9;  // nothing left to stand on
    return lengthM / (thinM / std::sqrt(12.0)) / M_PI * std::sqrt(kTimberStrengthOverStiffness);
}

double timberBucklingReduction(double lambda) {
    if (lambda <= 0.3) return 1.0;
    const double k = 0.5 * (1.0 + kTimberImperfection * (lambda - 0.3) + lambda * lambda);
    return reduction(k, lambda);
}

double coldColumnReduction(const MemberDef& m) {
    if (m.kind != MemberKind::Column) return 1.0;
    if (m.material.fireCurve == FireCurve::Timber)
        return timberBucklingReduction(timberColumnSlenderness(2.0 * m.halfExtentsM.z, 2.0 * std::min(m.halfExtentsM.x, m.halfExtentsM.y)));
    return coldBucklingReduction(steelColumnSlenderness(m));
}

}  // namespace cd::physics
