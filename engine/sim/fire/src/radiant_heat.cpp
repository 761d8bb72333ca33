#include "fire/radiant_heat.h"

#include <algorithm>
#include <cmath>

namespace cd::fire {

double flameFluxKwM2(double hrrKw, double radiativeFraction, const Point3& base, double flameHeightM, double diameterM,
                     const Point3& target) {
    if (hrrKw <= 0.0) return 0.0;
    const double dx = base.x - target.x, dy = base.y - target.y;
    const double dz = base.z + 0.5 * flameHeightM - target.z;
    const double plan2 = dx * dx + dy * dy;
    const double r2 = std::max(plan2 + dz * dz, 0.25 * diameterM * diameterM);
    const double cosTheta = plan2 + dz * dz > 0.0 ? std::sqrt(plan2 / (plan2 + dz * dz)) : 1.0;
    return radiativeFraction * hrrKw * cosTheta / (4.0 * M_PI * r2);
}

namespace {

// A rectangle a x b with the element under one corner, at distance d.
double cornerViewFactor(double a, double b, double d) {
    if (a <= 0.0 || b <= 0.0) return 0.0;
    const double x = a / d, y = b / d;
    const double ax = std::sqrt(1.0 + x * x), ay = std::sqrt(1.0 + y * y);
    return 0.5 / M_PI * (x / ax * std::atan(y / ax) + y / ay * std::atan(x / ay));
}

}  // namespace

double viewFactorToParallelRectangle(double lengthM, double widthM, double distanceM) {
    return viewFactorToParallelRectangle(0.0, lengthM, 0.0, widthM, 0.5 * lengthM, 0.5 * widthM, distanceM);
}

double viewFactorToParallelRectangle(double x0, double x1, double y0, double y1, double x, double y, double distanceM) {
    if (distanceM <= 0.0) return 1.0;
    x = std::clamp(x, x0, x1);
    y = std::clamp(y, y0, y1);
    const double f = cornerViewFactor(x - x0, y - y0, distanceM) + cornerViewFactor(x1 - x, y - y0, distanceM) +
                     cornerViewFactor(x - x0, y1 - y, distanceM) + cornerViewFactor(x1 - x, y1 - y, distanceM);
    return std::min(1.0, f);
}

}  // namespace cd::fire
