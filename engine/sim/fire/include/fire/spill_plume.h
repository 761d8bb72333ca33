#pragma once
/// Air entrained by hot gas leaving a room through a wall opening as it rises through the
/// next room's cool lower layer to its interface (a door spill plume).
/// Source: Poreh, Morgan, Marshall & Harrison, "Entrainment by two-dimensional spill plumes",
/// Fire Safety Journal 30:1-19 (1998), as used by CFAST (Technical Reference Guide, NIST SP
/// 1889v1, "Wall vents"; hflow.f90 poreh_plume) for door mixing and the air of door-jet fires.

namespace cd::fire {

/// m_e = C_m (T_l / T_u)^(2/3) (g rho_l^2 / (c_p T_l))^(1/3) (c_p (T_u - T_l) m)^(1/3) w^(2/3) z,
/// C_m = 0.44 (CFAST; published values span 0.44-0.66), kg/s. outflowKgS: the hot gas m at
/// jetK through an opening widthM wide; the receiving layer at ambientK, ambientRhoKgM3; riseM:
/// the height the plume rises through it. Zero unless the jet is the hotter and rises.
double spillPlumeEntrainmentKgS(double outflowKgS, double jetK, double ambientK, double ambientRhoKgM3,
                                double widthM, double riseM, double cpJKgK);

/// The same, as a coefficient k with m_e = k m^(1/3) (for a fixed geometry and temperatures).
double spillPlumeCoefficient(double jetK, double ambientK, double ambientRhoKgM3, double widthM, double riseM,
                             double cpJKgK);

}  // namespace cd::fire
