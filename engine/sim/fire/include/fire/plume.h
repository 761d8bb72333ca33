#pragma once
/// Heskestad fire plume: flame height, virtual origin, mass entrainment.
/// Source: Heskestad, "Fire Plumes, Flame Height and Air Entrainment", SFPE Handbook 5th ed.
/// ch. 13 (eqs 13.2, 13.12, 13.13); Karlsson & Quintiere, Enclosure Fire Dynamics, ch. 4.

namespace cd::fire {

/// Diameter of a circle of the given area, m.
double equivalentDiameterM(double areaM2);
/// Mean flame height L = 0.235 Q^(2/5) - 1.02 D (Q total kW, D m), never below 0.
double heskestadFlameHeightM(double hrrKw, double diameterM);
/// Lower end of the range of Q^(2/5)/D (kW^(2/5)/m) over which Heskestad fitted the virtual origin.
inline constexpr double kHeskestadMinQ25OverD = 7.0;
/// Virtual origin z0 = 0.083 Q^(2/5) - 1.02 D above the fire base, held at its value at
/// Q^(2/5)/D = 7 (-0.439 D) for weaker, wider fires (outside the correlation's range).
double heskestadVirtualOriginM(double hrrKw, double diameterM);
/// Plume mass flow at height z above the fire base, kg/s. Qc convective kW.
/// Above the flame: 0.071 Qc^(1/3) (z - z0)^(5/3) + 1.92e-3 Qc; within the flame
/// (z <= L): 0.0056 Qc z / L.
double heskestadPlumeMassFlowKgS(double hrrKw, double convectiveHrrKw, double diameterM, double zM);

/// Zukoski's mirror method for a fire against walls (Zukoski, Kubota & Cetegen, "Entrainment in
/// fire plumes", Fire Safety J. 3 (1981) 107-121; SFPE Handbook 5th ed. ch. 13; CFAST's
/// heskestad_plume): the walls are planes of symmetry, so a fire against one wall burns as half of
/// an open fire twice its size and twice its base area, and one in a corner as a quarter of one
/// four times its size. `mirror` is that multiple: 1 in the open, 2 against a wall, 4 in a corner.
/// The fire's plume entrains m(mirror Q) / mirror; its flames stand as tall as the mirror fire's;
/// its plume and ceiling jet are the mirror fire's.
///
/// A fire counts as against a wall when its base's edge is within half its diameter of it (its
/// centre within D of the wall): Steckler, Quintiere & Rinkinen's burner (NBSIR 82-2520), 5-10 cm
/// from the walls, ran about as hot as the method predicts, and a plume that close attaches to the
/// wall. A wall on each of two adjacent sides makes a corner. wallXM, wallYM: the distances from
/// the fire's centre to the nearest wall across x and across y (infinite where that wall is open
/// behind the fire: a doorway is no wall).
int plumeMirror(double wallXM, double wallYM, double diameterM);
/// heskestadPlumeMassFlowKgS of the mirror fire, divided by mirror.
double mirroredPlumeMassFlowKgS(double hrrKw, double convectiveHrrKw, double diameterM, double zM, int mirror);
/// heskestadFlameHeightM of the mirror fire (mirror Q over a base mirror times as large).
double mirroredFlameHeightM(double hrrKw, double diameterM, int mirror);

/// McCaffrey's continuous-flame centreline excess temperature over ambient, as a multiple of the
/// ambient temperature: (kappa / (0.9 sqrt(2 g)))^2 with kappa = 6.8 m^(1/2)/s, 2.91 (853 K at
/// 20 C). McCaffrey, "Purely Buoyant Diffusion Flames: Some Experimental Results", NBSIR
/// 79-1910 (1979); SFPE Handbook 5th ed. ch. 13.
inline constexpr double kMcCaffreyFlameExcessOverAmbient = 2.91;
/// Plume centreline excess temperature at height z above the fire base, K (Heskestad, SFPE
/// Handbook 5th ed. ch. 13): 9.1 (T_a / (g c_p^2 rho_a^2))^(1/3) Qc^(2/3) (z - z0)^(-5/3),
/// 25 Qc^(2/3) (z - z0)^(-5/3) in air at 20 C (rho_a = 352.9 / T_a). Fitted above the mean flame
/// height (about 500 K at its tip); lower down it is held at McCaffrey's continuous-flame value.
double heskestadCentrelineExcessK(double hrrKw, double convectiveHrrKw, double diameterM, double zM, double ambientK);
/// The same law for a point source aboveOriginM below the point (no flame height, no virtual
/// origin of its own: a plume's continuation source in a hot layer, FireModel::plumeAt), at
/// radiusM from the axis (the Gaussian below); McCaffrey's value on the axis at and below the origin.
double heskestadPointSourceExcessK(double convectiveHrrKw, double aboveOriginM, double radiusM, double ambientK);
/// Excess temperature at a distance r from the plume axis: Gaussian, exp(-(r / b)^2) of the
/// centreline's, b = 0.12 (T0 / T_a)^(1/2) (z - z0) (Heskestad, SFPE Handbook 5th ed. ch. 13).
double heskestadPlumeExcessK(double hrrKw, double convectiveHrrKw, double diameterM, double zM, double radiusM,
                             double ambientK);

}  // namespace cd::fire
