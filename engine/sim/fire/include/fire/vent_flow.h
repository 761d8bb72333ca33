#pragma once
/// Flow through a vertical opening between two two-layer rooms (or a room and outside):
/// the orifice equation integrated over the opening height with the layer density profile on
/// each side, so one opening carries flows both ways about a neutral plane.
/// Source: CFAST Technical Reference Guide, NIST SP 1889v1 (Peacock et al.), sec. "Vent flow";
/// Emmons, SFPE Handbook 5th ed. ch. 16 "Vent Flows", eqs 16.1-16.8.

namespace cd::fire {

/// One side of an opening, heights absolute (m), pressures relative to the ambient hydrostatic
/// profile P0 - rhoAmb g z.
struct VentSide {
    double floorZ = 0;       ///< floor height of the room
    double deltaPPa = 0;     ///< floor pressure minus ambient pressure at the floor height
    double interfaceZ = 1e30;///< layer interface height (above it: upper layer)
    double rhoUpper = 1.2;   ///< kg/m^3
    double rhoLower = 1.2;
};

/// Mass flows (kg/s, >= 0) leaving each side, by the layer they leave from, and their
/// derivatives with respect to (pA - pB) at the floors, for the pressure solver.
struct VentFlow {
    double fromAUpper = 0, fromALower = 0, fromBUpper = 0, fromBLower = 0;
    double dAUpper = 0, dALower = 0, dBUpper = 0, dBLower = 0;  ///< d flow / d(deltaPA - deltaPB)
};

/// Integrates Cd W sqrt(2 rho_source |dP(z)|) over [zBottom, zTop]; dP(z) is piecewise linear
/// between the opening edges and the two layer interfaces, split at neutral planes. Below
/// 1 mPa the square root blends smoothly into a linear law (see vent_flow.cpp).
VentFlow ventFlow(const VentSide& a, const VentSide& b, double zBottom, double zTop, double widthM,
                  double dischargeCoeff, double rhoAmbient);

/// Pressure of a side at height z relative to the ambient hydrostatic profile, Pa.
double relativePressurePa(const VentSide& s, double z, double rhoAmbient);

inline constexpr double kGravity = 9.80665;

}  // namespace cd::fire
