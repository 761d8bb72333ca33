#pragma once
/// Alpert's ceiling jet under a hot upper layer: the jet of the plume that enters the layer.
///
/// A plume rising out of the cool lower layer into the hot upper one is, above the interface,
/// a plume from Evans's substitute ("continuation") source in a uniform ambient at the upper
/// layer's temperature: weaker (part of its heat only brings the lower-layer air it carries up to
/// the layer's temperature) and deeper (its centreline temperature is the plume's at the
/// interface). Source: Evans, "Calculating Fire Plume Characteristics in a Two Layer
/// Environment", Fire Technology 20 (1984) 39-63, with Cooper's fit of it as CFAST's `ceilht`
/// codes it (`cooperJetSource`, ceiling_jet_convection.h). For a strong plume the source tends
/// to the fire's own convective heat, its distance below the interface to (T_u / T_l)^0.6 times
/// the plume's, the virtual origin of CFAST 7's `get_plume_tempandvelocity`.
#include "fire/ceiling_jet.h"
#include "fire/ceiling_jet_convection.h"

namespace cd::fire {

/// Alpert's jet (ceiling_jet.h) of a fire of hrrKw (total; in.convectiveW its convective part)
/// at radiusM from its axis, as an excess over the layer at the ceiling:
/// - no upper layer (interface at the ceiling) or one no hotter than the lower: Alpert's jet of
///   the fire, H from its base;
/// - a fire burning inside the upper layer: that jet, its excess times xi = T_u / T_l (a plume's
///   excess over a uniform ambient is proportional to the ambient's temperature at the same Q*,
///   and Alpert's constants are those of the cool lower layer);
/// - a fire below the interface: the jet of the continuation source, its convective heat
///   Q_cont (the total in the fire's radiative share) and H moved down by as far as the source
///   moved from the lower-layer equivalent one (H + z_eq - z_s, never below the continuation
///   source's own distance to the ceiling), its excess times xi; no jet
///   where the plume does not rise into the layer.
CeilingJet layeredCeilingJet(const CeilingJetConvectionInput& in, double hrrKw, double radiusM);

}  // namespace cd::fire
