#pragma once
/// Design-fire heat release rate curves: t-squared growth to a peak, or a time table.
/// Sources: NFPA 92 (2021) sec. 5.2 and SFPE Handbook 5th ed. ch. 26 (t-squared fires,
/// Q = alpha t^2); EN 1991-1-2 Annex E.4 (linear decay once 70 % of the fuel is consumed).
#include "fire/fire_model_def.h"

namespace cd::fire {

/// Unsuppressed HRR of the growth curve at time tS after ignition, kW (no burnout, no decay).
double growthCurveHrrKw(const FireDef& fire, double tS);

/// Fraction of the fuel load burnt when the decay phase starts (EN 1991-1-2 Annex E.4).
inline constexpr double kDecayStartFuelFraction = 0.7;

}  // namespace cd::fire
