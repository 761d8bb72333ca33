#pragma once
/// Smoke optics: extinction, visibility and detector obscuration from soot mass density.
/// Sources: Mulholland & Croarkin, Fire and Materials 24 (2000) (K_m = 8700 m^2/kg for
/// flaming soot); Jin, SFPE Handbook 5th ed. ch. 61 (S = K / sigma, K = 3 reflecting,
/// K = 8 light-emitting signs).

namespace cd::fire {

inline constexpr double kSpecificExtinctionM2Kg = 8700.0;
inline constexpr double kVisibilityReflectingSign = 3.0;
inline constexpr double kVisibilityLightEmittingSign = 8.0;
/// Reported visibility in clear air (the correlation diverges as soot goes to 0).
inline constexpr double kClearAirVisibilityM = 30.0;

/// Extinction coefficient sigma = K_m * soot density, 1/m.
double extinctionCoefficientPerM(double sootKgM3);
/// S = K / sigma, capped at kClearAirVisibilityM.
double visibilityM(double sootKgM3, double k = kVisibilityReflectingSign);
/// Obscuration in percent per metre: 100 (1 - exp(-sigma * 1 m)).
double obscurationPctPerM(double sootKgM3);

}  // namespace cd::fire
