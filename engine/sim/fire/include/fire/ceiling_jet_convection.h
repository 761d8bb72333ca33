#pragma once
/// Convective heat transfer from a fire's plume-driven ceiling jet to the ceiling and the
/// upper walls of its room, as CFAST's ceiling-jet option computes it.
/// Source: Cooper, "Heat transfer from a buoyant plume to an unconfined ceiling", J. Heat
/// Transfer 104:446 (1982), with the wall stagnation lines of Cooper & Stroup (NBSIR 87-3573)
/// and the two-layer continuation source, as coded in CFAST's ceilht/qfclg/sqfwst.

namespace cd::fire {

/// Cooper's correlations for one plume under an unconfined ceiling, in a uniform gas at gasK
/// (the "ambient" of the correlation: the lower layer, or the upper layer for a continuation
/// source). r is the distance from the plume's impingement point along the ceiling.
///   Q_H* = Q / (rho c_p T sqrt(g) H^(5/2)),  Re_H = sqrt(g H) H Q_H*^(1/3) / nu(T)
///   h_l / (rho c_p sqrt(g H) Q_H*^(1/3)) = 8.82 Re_H^-1/2 Pr^-2/3 (1 - (5 - 0.284 Re_H^0.2) r/H)
///       (r/H < 0.2), else 0.283 Re_H^-0.3 Pr^-2/3 (r/H)^-1.2 (r/H - 0.0771) / (r/H + 0.279)
///   (T_ad - T) / (T Q_H*^(2/3)) = 10.22 - 14.9 r/H (r/H < 0.2), else 8.39 f(r/H),
///       f = (1 - 1.10 x + 0.808 x^2) / (1 - 1.10 x + 2.20 x^2 + 0.690 x^3), x = (r/H)^0.8
///   wall stagnation line (Cooper & Stroup): h = 0.94 Re_H^-0.42 Pr^-1 (r/H)^-1 x the same scale
/// with Pr = 0.7, c_p = 1000 J/kg/K, g = 9.8 m/s2 and nu from Sutherland's law (as CFAST).
struct CooperCeilingJet {
    double heightM = 0;       ///< H: the (virtual) source below the ceiling
    double gasK = 0;          ///< T of the gas the plume rises through
    double qStar = 0;         ///< Q_H*
    double reynolds = 0;      ///< Re_H
    double kinematicViscosityM2S = 0;  ///< nu(T), Sutherland
    double hScaleWM2K = 0;    ///< rho c_p sqrt(g H) Q_H*^(1/3)
    double tScaleK = 0;       ///< T Q_H*^(2/3)

    /// A plume carrying convectiveW (W) from heightM below the ceiling through gas at gasK, rhoKgM3.
    static CooperCeilingJet make(double convectiveW, double heightM, double gasK, double rhoKgM3);
    /// Ceiling heat transfer coefficient h_l (W/m2/K) at r/H; never negative.
    double ceilingHWM2K(double rOverH) const;
    /// Adiabatic-wall temperature of the jet (K) at r/H.
    double adiabaticWallK(double rOverH) const;
    /// Heat transfer coefficient at a wall's stagnation line (W/m2/K) r/H from the impingement point.
    double wallStagnationHWM2K(double rOverH) const;
};

/// The plume a ceiling sees when it has crossed the layer interface: Cooper's continuation
/// source (strength qcW, heightM below the ceiling, in the upper-layer gas), or the fire itself
/// when it burns in the upper layer, or the lower-layer equivalent source when there is no
/// upper layer. valid is false when there is no jet (no fire, a plume too weak to penetrate a
/// hot layer, a fire at the ceiling).
struct CooperJetSource {
    bool valid = false;
    double qcW = 0, heightM = 0, gasK = 0, rhoKgM3 = 0;
    /// For a fire below the interface: the lower-layer equivalent source's height (z_eq, the
    /// room's frame), where the plume's source would be without the upper layer.
    double equivalentZM = 0;
};

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

/// CFAST ceilht's source: for a fire below the interface the plume's equivalent point source
/// Q_eq = (0.21 Qc / (c_p T_l m_p))^(3/2) at the interface, and (when the interface is below the
/// ceiling) sigma = -1 + 9.115 Q_eq^(2/3) / (T_u/T_l - 1), A = sigma / (sigma + 1),
/// m_frac = (1.04599 sigma + 0.360391 sigma^2) / (1 + 1.37748 sigma + 0.360391 sigma^2),
/// Q_cont = Qc A m_frac, z_s = z_lay - (z_lay - z_eq) (T_u/T_l)^0.6 m_frac^0.4 / A^0.2.
CooperJetSource cooperJetSource(const CeilingJetConvectionInput& in);

/// Area averages over the ceiling and over the upper-layer part of the walls. The flux into a
/// surface at temperature Ts is h (gasK - Ts): gasK is the h-weighted mean adiabatic-wall
/// temperature of the jet. Zero coefficients where the jet does not reach the ceiling.
struct CeilingJetConvection {
    double ceilingHWM2K = 0, ceilingGasK = 0;
    double upperWallHWM2K = 0, upperWallGasK = 0;
};

/// Cooper's correlations (CooperCeilingJet) from cooperJetSource, averaged over the ceiling
/// (8 x 8 midpoints) and over the upper walls (CFAST's stagnation and corner lines).
CeilingJetConvection cooperCeilingJetConvection(const CeilingJetConvectionInput& in);

}  // namespace cd::fire
