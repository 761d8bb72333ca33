#pragma once
/// Convective heat transfer from a fire's plume-driven ceiling jet to the ceiling and the
/// upper walls of its room, as CFAST's ceiling-jet option computes it.
/// Source: Cooper, "Heat transfer from a buoyant plume-driven ceiling jet" (NBSIR 81-2394 and
/// Cooper & Stroup, NBSIR 87-3573, as coded in CFAST's ceilht/qfclg/sqfwst).

namespace cd::fire {

/// One fire under one room's ceiling. Positions relative to the room's lower corner (m).
struct CeilingJetConvectionInput {
    double convectiveW = 0;   ///< convective part of the fire's heat release
    double plumeKgS = 0;      ///< plume mass flow at the interface (0 when the fire is in the upper layer)
    double fireXM = 0, fireYM = 0, fireZM = 0;
    double roomXM = 1, roomYM = 1, ceilingZM = 1;
    double interfaceZM = 1;   ///< layer interface above the floor
    double lowerK = 293.15, upperK = 293.15;
    double lowerRhoKgM3 = 1.2, upperRhoKgM3 = 1.2;
};

/// Area averages over the ceiling and over the upper-layer part of the walls. The flux into a
/// surface at temperature Ts is h (gasK - Ts): gasK is the h-weighted mean adiabatic-wall
/// temperature of the jet. Zero coefficients where the jet does not reach the ceiling.
struct CeilingJetConvection {
    double ceilingHWM2K = 0, ceilingGasK = 0;
    double upperWallHWM2K = 0, upperWallGasK = 0;
};

/// Cooper's correlations: on the ceiling h_l / (rho c_p sqrt(g H) Q_H^(1/3)) =
/// 8.82 Re^-1/2 Pr^-2/3 (1 - (5 - 0.284 Re^0.2) r/H) for r/H < 0.2, else
/// 0.283 Re^-0.3 Pr^-2/3 (r/H)^-1.2 (r/H - 0.0771) / (r/H + 0.279); the jet's adiabatic-wall
/// temperature (T_ad - T_h)/(T_h Q_H^(2/3)) = 10.22 - 14.9 r/H, else 8.39 f(r/H); at the walls
/// the stagnation-line coefficient 0.94 Re^-0.42 Pr^-1 / (r/H). A fire below the interface is
/// carried into the layer as Cooper's continuation source.
CeilingJetConvection cooperCeilingJetConvection(const CeilingJetConvectionInput& in);

}  // namespace cd::fire
