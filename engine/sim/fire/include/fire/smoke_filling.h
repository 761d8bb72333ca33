#pragma once
/// NFPA 92 (2021) algebraic smoke-filling correlations for large spaces, used as a check on
/// the zone model. Valid for A/H^2 from 0.9 to 14 and z/H >= 0.2 (NFPA 92 sec. 5.5.1).

namespace cd::fire {

/// Steady fire, NFPA 92 eq 5.5.1.1: z/H = 1.11 - 0.28 ln(t Q^(1/3) H^(-4/3) / (A/H^2)).
/// Q total HRR kW, H ceiling height m, A floor area m^2, t s. Returns z in m (clamped to [0, H]).
double nfpa92SteadyLayerHeightM(double timeS, double hrrKw, double heightM, double areaM2);

/// t-squared fire, NFPA 92 eq 5.5.2.1: z/H = 0.91 (t H^(-4/5) tg^(-2/5) (A/H^2)^(-3/5))^(-1.45),
/// tg growth time to 1055 kW (s). Returns z in m (clamped to [0, H]).
double nfpa92UnsteadyLayerHeightM(double timeS, double growthTimeS, double heightM, double areaM2);

/// Growth time tg (s) of a t-squared fire alpha kW/s^2: Q = 1055 (t/tg)^2.
double growthTimeS(double alphaKwS2);

}  // namespace cd::fire
