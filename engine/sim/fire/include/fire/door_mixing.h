#pragma once
/// Door mixing: gas that a flow through a wall opening entrains from the receiving room's other
/// layer where the flow enters that room on the "wrong" side of its interface.
/// Source: CFAST Technical Reference Guide (NIST TN 1889v1, "Vent flow": mixing at vents) as
/// coded in CFAST hflow.f90 (flowhorizontal.f90) `spill_plume` / `poreh_plume`; the plume is
/// Poreh, Morgan, Marshall & Harrison, Fire Safety Journal 30:1-19 (1998) (spill_plume.h).
///
/// Only the part of the opening between the two rooms' interfaces mixes (a flow between two
/// upper or two lower layers enters its like and entrains nothing):
///  - a hot outflow from the source's upper layer entering the receiving lower layer rises as
///    a spill plume to the receiving interface and carries receiving lower-layer gas into the
///    receiving upper layer: m_e = Poreh(T_u,src, T_l,dst, m, z_d) with
///    z_d = z_int,dst - max(sill, z_int,src) (if T_u,src > T_l,dst);
///  - a cold inflow from the source's lower layer entering the receiving upper layer falls to
///    the receiving interface and carries receiving upper-layer gas down into the receiving lower
///    layer: 0.25 Poreh(T_u,dst, T_l,src, m, z_d), z_d = min(soffit, z_int,src) -
///    max(z_int,dst, sill) (if T_l,src < T_u,dst); CFAST's factor 0.25 (since 1993) stands for
///    the weaker Kelvin-Helmholtz mixing of a falling cold stream.
/// m is the flow through that band of the opening only. No mixing in the outside.
#include "fire/vent_flow.h"

namespace cd::fire {

/// One side of a wall opening for the mixing calculation.
struct DoorMixingSide {
    VentSide vent;             ///< pressures, interface, densities (as for ventFlow)
    double upperK = 293.15;    ///< upper-layer temperature
    double lowerK = 293.15;    ///< lower-layer temperature
    bool room = true;          ///< false: the outside (nothing mixes there)
};

/// Gas moved between the layers of each room by the opening's flows, kg/s, >= 0.
struct DoorMixing {
    double aUpKgS = 0;    ///< room A: its lower-layer gas carried into its upper layer (by B's hot outflow)
    double aDownKgS = 0;  ///< room A: its upper-layer gas carried into its lower layer (by B's cold inflow)
    double bUpKgS = 0;    ///< room B: the same, by A's flows
    double bDownKgS = 0;
};

/// CFAST's multiplier on the entrainment of a cold inflow falling through a hot layer.
inline constexpr double kColdInflowMixingFactor = 0.25;

/// Mixing at a wall opening [zBottom, zTop] (absolute, m) widthM wide between sides a and b,
/// with the orifice flows through the band between the two interfaces (ventFlow at the same
/// pressures). cpJKgK: specific heat of the gas.
DoorMixing doorMixing(const DoorMixingSide& a, const DoorMixingSide& b, double zBottom, double zTop, double widthM,
                      double dischargeCoeff, double rhoAmbient, double cpJKgK);

}  // namespace cd::fire
