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

double viewFactorToParallelRectangle(double lengthM, double widthM, double distanceM) {
    if (distanceM <= 0.0) return 1.0;
    const double x = 0.5 * lengthM / distanceM, y = 0.5 * widthM / distanceM;
    const double ax = std::sqrt(1.0 + x * x), ay = std::sqrt(1.0 + y * y);
    return std::min(1.0, 2.0 / M_PI * (x / ax * std::atan(y / ax) + y / ay * std::atan(x / ay)));
}

}  // namespace cd::fire
