#pragma once
/// How smoke and water slow people down. Inputs come from outside (the fire and flood models
/// are sampled by the caller); this module never depends on them.

namespace cd::crowd {

/// Hazard conditions where a person stands, filled by the caller.
struct LocalHazard {
    double smokeExtinctionPerM = 0.0;  ///< light extinction coefficient Ks, 1/m
    double waterDepthM = 0.0;
    double waterSpeedMps = 0.0;
};

/// Frantzich & Nilsson (2003), as used by FDS+Evac (Korhonen, FDS+Evac Technical Reference,
/// Eq. for v(Ks)): v = max(0.1 v0, v0 (1 + beta/alpha Ks)), alpha = 0.706 m/s, beta = -0.057 m^2/s.
/// Returns v / v0.
double smokeSpeedFactor(double extinctionPerM);

/// Specific force per unit width of flowing water on a person, M0 = u^2 h / g + h^2 / 2 (m^2),
/// the stability measure of Ishigaki et al. (2009, evacuation from underground spaces, real-size
/// model tests), who found walking difficult for adults beyond M0 = 0.125 m^2.
double floodSpecificForceM2(double depthM, double speedMps);

/// v / v0 in water: 1 in dry conditions, falling linearly to 0 at M0 = limitM2 (our assumption
/// between Ishigaki's dry and "difficult" points), 0 beyond it (the person cannot walk on).
double floodSpeedFactor(double depthM, double speedMps, double limitM2 = 0.125);

/// Visibility (m) of light-reflecting signs, S = 3 / Ks (Jin 1978, as in FDS+Evac).
double visibilityM(double extinctionPerM);

}  // namespace cd::crowd
