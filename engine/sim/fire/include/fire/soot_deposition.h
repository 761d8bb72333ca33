#pragma once
/// Soot settling on a room's linings by thermophoresis: hot gas over a cooler wall drives its
/// small particles down the temperature gradient onto the wall.

namespace cd::fire {

/// Thermophoretic coefficient of soot: Waldmann's free-molecule limit (particles far smaller
/// than the gas's mean free path; soot's primary particles are 20-50 nm), as Talbot, Cheng,
/// Schefer & Willis (1980, J. Fluid Mech. 101:737) give it and NIST's FDS uses for aerosol
/// deposition.
inline constexpr double kThermophoreticCoefficient = 0.55;
/// Prandtl number of air (and of the combustion gases, near enough).
inline constexpr double kGasPrandtl = 0.71;

/// The velocity (m/s) at which soot drifts onto a wall that takes convectiveFluxWM2 from the gas
/// (> 0: the gas is the hotter; else 0). Thermophoresis v = K nu |grad T| / T, with the gradient at
/// the wall from the flux it carries, |grad T| = q / k, so v = K Pr q / (rho c_p T).
double thermophoreticVelocityMS(double convectiveFluxWM2, double gasDensityKgM3, double gasTempK, double cpJKgK);

}  // namespace cd::fire
