#pragma once
/// Flexural buckling of a column, steel and timber.
///
/// Steel, cold (EN 1993-1-1:2005 6.3.1.2) and in fire (EN 1993-1-2:2005 4.2.3.2). A column of
/// non-dimensional slenderness
/// lambda = (L_cr / i) / (93.9 eps), eps = (235 MPa / f_y)^0.5, carries chi A f_y:
/// - cold, buckling curve c (alpha 0.49, EN 1993-1-1 Table 6.2: rolled I-sections about their
///   weak axis, and solid sections): Phi = 0.5 (1 + alpha (lambda - 0.2) + lambda^2),
///   chi = 1 / (Phi + (Phi^2 - lambda^2)^0.5), 1 up to lambda 0.2;
/// - in fire at temperature theta: lambda_theta = lambda (k_y,theta / k_E,theta)^0.5,
///   alpha = 0.65 eps, Phi_theta = 0.5 (1 + alpha lambda_theta + lambda_theta^2),
///   chi_fi = 1 / (Phi_theta + (Phi_theta^2 - lambda_theta^2)^0.5), and the column carries
///   chi_fi k_y,theta A f_y.
/// A column's buckling length is its member's height (pinned at both ends), in fire that times
/// its MemberDef::fireBucklingLengthFactor (EN 1993-1-2 4.2.3.2(5): 0.5 in an intermediate
/// storey, 0.7 in the top one, of a braced frame whose storeys are separate fire compartments);
/// i its weak axis's: a quarter of the flange width for an I-section (HE A and HE B sections:
/// i_z / b = 0.25), b / 12^0.5 for a solid box.
///
/// Timber (EN 1995-1-1:2004 6.3.2), a solid section b wide (its thinner side): relative
/// slenderness lambda_rel = (L / i) / pi (f_c,0,k / E_0.05)^0.5 with C24's 21 MPa and 7 400 MPa
/// (EN 338), i = b / 12^0.5; k = 0.5 (1 + beta_c (lambda_rel - 0.3) + lambda_rel^2), beta_c 0.2
/// for solid timber; k_c = 1 / (k + (k^2 - lambda_rel^2)^0.5), 1 up to lambda_rel 0.3. In fire
/// EN 1995-1-2 4.3.3 takes the same with the section left inside the char (member_fire.h).
#include "physics/structure_def.h"

namespace cd::physics {

/// lambda of a steel column member about its weak axis, cold; 0 for any other member.
double steelColumnSlenderness(const MemberDef& m);
/// The same over its buckling length in fire (its height times fireBucklingLengthFactor).
double steelColumnFireSlenderness(const MemberDef& m);
/// eps = (235 MPa / f_y)^0.5, f_y the material's joint strength within EN 1993-1-2's steels
/// (S235 to S460); a joint strength outside them (a deliberately weak or strong joint) counts as
/// the nearer end.
double steelEpsilon(const Material& steel);
/// chi, cold (curve c).
double coldBucklingReduction(double slenderness);
/// chi_fi at temperatureC.
double fireBucklingReduction(double slenderness, double temperatureC, double epsilon);
/// The share of a column's cold buckling resistance chi A f_y that is left at temperatureC:
/// chi_fi k_y,theta / chi, chi over its cold slenderness, chi_fi over its slenderness in fire.
/// Below 1 already at 20 C for a slender column with the same length in both: EN 1993-1-2's
/// curve (alpha 0.65 eps, no plateau) lies below EN 1993-1-1's. At most 1.
float steelColumnBearingFactor(double coldSlenderness, double fireSlenderness, double temperatureC, double epsilon);

/// lambda_rel of a timber column lengthM high whose thinner side is thinM.
double timberColumnSlenderness(double lengthM, double thinM);
/// k_c at lambda_rel.
double timberBucklingReduction(double relativeSlenderness);

/// A column member's cold buckling reduction: steel's chi, timber's k_c; 1 for any other member.
double coldColumnReduction(const MemberDef& m);

}  // namespace cd::physics
