#pragma once
/// Radiant heat on a person: from the flames of a fire, treated as a point source, and from a
/// hot layer overhead, a plane seen through its view factor.
/// Source: Modak's point-source model (Modak, Fire Safety J. 1 (1977) 339); Beyler, "Fire
/// Hazard Calculations for Large, Open Hydrocarbon Fires", SFPE Handbook 5th ed. ch. 66:
/// q'' = chi_r Q cos(theta) / (4 pi R^2), R from the point to the flame's centre, half the mean
/// flame height above the base.
#include "fire/fire_model_def.h"

namespace cd::fire {

/// Incident radiant flux, kW/m2, on a vertical surface at `target` facing the flames of a fire
/// burning `hrrKw` with radiative fraction `radiativeFraction`, its base at `base`, flames
/// `flameHeightM` tall and `diameterM` across. cos(theta) is between the line to the flame's
/// centre and the horizontal (a standing person turned to the fire). The point source is used
/// down to the fire's radius from the flame's centre (closer, the point source would grow
/// without bound where the real flux is the flame's own emissive power, about 100 kW/m2 there
/// for a 1 MW fire).
double flameFluxKwM2(double hrrKw, double radiativeFraction, const Point3& base, double flameHeightM, double diameterM,
                     const Point3& target);

/// View factor from a small element facing up, on the axis of a lengthM x widthM rectangle
/// parallel to it and distanceM below its centre: (2 / pi) [X / sqrt(1 + X^2) atan(Y / sqrt(1 +
/// X^2)) + Y / sqrt(1 + Y^2) atan(X / sqrt(1 + Y^2))], X = L / 2d, Y = W / 2d (four corner
/// rectangles; Howell, A Catalog of Radiation Heat Transfer Configuration Factors; SFPE Handbook
/// 5th ed. appendix). 1 at or above the plane.
double viewFactorToParallelRectangle(double lengthM, double widthM, double distanceM);

/// The same from a point (x, y) anywhere under the rectangle [x0, x1] x [y0, y1] (clamped into
/// it): the sum of the four rectangles that have the point under a corner, each
/// (1 / 2 pi) [A / sqrt(1 + A^2) atan(B / sqrt(1 + A^2)) + B / sqrt(1 + B^2) atan(A / sqrt(1 + B^2))]
/// with A, B its sides over d. Under the middle of a wall's edge it is half the centre's
/// (for a rectangle much wider than d).
double viewFactorToParallelRectangle(double x0, double x1, double y0, double y1, double x, double y, double distanceM);

}  // namespace cd::fire
