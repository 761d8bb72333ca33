#pragma once
/// Flow through a horizontal (ceiling/floor) vent between a room and the room above it, or a
/// roof vent to outside. Source: Cooper, "Calculation of the flow through a horizontal
/// ceiling/floor vent", NISTIR 4402 (1990) / Fire Safety J. 1998, as implemented in CFAST
/// (Technical Reference Guide, NIST SP 1889v1, "Ceiling/floor vent flow"): the orifice
/// equation on the pressure difference across the vent, plus a bidirectional exchange flow
/// when the denser gas lies on top (an unstable configuration) and the pressure difference is
/// below the flooding pressure.

namespace cd::fire {

/// Mass flows through the vent (kg/s, >= 0) and the derivative of each with respect to the
/// pressure difference (below minus above), for the pressure solver.
struct CeilingVentFlow {
    double upKgS = 0;      ///< from the space below into the space above
    double downKgS = 0;    ///< from the space above into the space below
    double dUpDp = 0;      ///< d upKgS / d deltaP (>= 0)
    double dDownDp = 0;    ///< d downKgS / d deltaP (<= 0)
};

/// deltaPPa: pressure just below the vent minus pressure just above it. rhoBelow, rhoAbove:
/// densities of the gas next to the vent on each side (kg/m^3). round: circular vent (else
/// square). dischargeCoeff: 0.68 in CFAST.
CeilingVentFlow ceilingVentFlow(double deltaPPa, double rhoBelow, double rhoAbove, double areaM2, bool round,
                                double dischargeCoeff);

/// Cooper's flooding pressure: above it the flow is one-way whatever the densities, Pa.
double ceilingVentFloodingPressurePa(double rhoBelow, double rhoAbove, double areaM2, bool round);

}  // namespace cd::fire
