#pragma once
/// One-dimensional transient conduction through a room boundary, implicit (backward Euler)
/// finite differences with a flux boundary at the exposed face and convection and radiation to
/// ambient at the back face. CFAST does the same per surface (NIST SP 1889v1, "Conduction").
#include "fire/fire_model_def.h"

namespace cd::fire {

inline constexpr double kStefanBoltzmann = 5.670374e-8;  ///< W/m2/K4 (CODATA 2018)

/// Nodes through the thickness of each boundary slab, spaced geometrically from the exposed
/// face (ratio kWallStretch; the first cell is 2 % of the thickness, 3 mm of 150 mm concrete),
/// as CFAST clusters its wall nodes at the surface. Grid-converged: 40 uniform nodes give the
/// same MQH verification ratios to 0.002.
inline constexpr int kWallNodes = 10;
inline constexpr double kWallStretch = 1.4;

/// Advances node temperatures (K) by dt. The exposed face exchanges heat with gas at gasK
/// through the coefficient exposedHWM2K (convection plus linearised radiation), treated
/// implicitly so that light, thin walls stay stable, and absorbs extraFluxWM2 (fire
/// radiation); the back face loses heat by backHWM2K to ambientK (backFaceCoefficientWM2K) and
/// takes in backFluxWM2 (a surface connection's: the flux the room behind it puts into its own
/// face, fire_model_walls.cpp). scratch holds 2 * kWallNodes doubles. Returns the heat flux from
/// the gas into the face, W/m^2.
double advanceWallSlab(double* tempsK, const WallMaterial& m, double gasK, double exposedHWM2K, double extraFluxWM2,
                       double backHWM2K, double ambientK, double dtS, double* scratch, double backFluxWM2 = 0.0);

/// Mean temperature through a slab's thickness (nodes as advanceWallSlab's), each node weighted
/// by the share of the thickness it owns, K.
double slabMeanTempK(const double* tempsK);

/// Heat transfer coefficient from a slab's back (unexposed) face at backK to ambient air and
/// surroundings at ambientK, W/m^2/K: EN 1991-1-2:2002 3.1(5), convection 4 W/m^2/K on the
/// unexposed side plus the face's radiation eps sigma (T^4 - T_a^4), linearised as
/// eps sigma (T^2 + T_a^2)(T + T_a) (CFAST's exterior boundary likewise adds sigma (T_a^4 - T^4)
/// to its convection, conduction.f90). Near ambient it is about 9 W/m^2/K, EN's combined value;
/// a thin lining heated through loses far more from its back than that.
double backFaceCoefficientWM2K(const WallMaterial& m, double backK, double ambientK);

/// Natural-convection coefficient between a gas and a surface, W/m^2/K: turbulent free
/// convection h = 1.52 |dT|^(1/3) (Holman, Heat Transfer, table 7-2), at least 5.
double convectiveCoefficientWM2K(double gasK, double surfaceK);

}  // namespace cd::fire
