#pragma once
/// Alpert's ceiling jet under a hot upper layer: the jet of the plume that enters the layer.
///
/// Above the interface a plume from the lower layer rises in a uniform ambient at the upper layer's
/// temperature, as a plume from a substitute source (Evans, "Calculating Fire Plume
/// Characteristics in a Two Layer Environment", Fire Technology 20 (1984) 39-63). For the jet
/// that detectors and sprinklers see this takes CFAST 7's form of it
/// (`get_plume_tempandvelocity`, `get_ceilingjet_tempandvelocity`; Peacock et al., NIST TN 1889v1):
/// Evans's strong-plume limit, the fire's own heat from a virtual origin moved down to
/// z_I - (T_u / T_l)^0.6 (z_I - z_0), the excess over the layer scaled by T_u / T_l. Evans's full
/// substitute source (Cooper's fit of it, `cooperJetSource`, which the ceiling's convection uses)
/// also takes out the heat that brings the lower-layer air the plume carries up to the layer's
/// temperature; against Vettori's 15 measured sprinkler activations (NISTIR 6253) it opened the
/// heads 18 % later than measured on average (up to 41 %), where this form is 0.997 of the
/// measured on average (0.81-1.24) (docs/fire.md, "Validation against Vettori's sprinkler
/// activations").
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
/// - a fire below the interface: Alpert's jet of the fire with H longer by (xi^0.6 - 1)(z_I - z_eq)
///   (z_eq the plume's equivalent point source, `CooperJetSource::equivalentZM`), its excess times
///   xi; no jet where the plume reaches the interface no hotter than the layer (Evans's
///   criterion: it spreads under the layer).
CeilingJet layeredCeilingJet(const CeilingJetConvectionInput& in, double hrrKw, double radiusM);

}  // namespace cd::fire
