#pragma once
/// The front of a smoke layer running along a corridor: a gravity current under the ceiling.
///
/// A zone model spreads the smoke that enters a room over its whole ceiling at once. In a long
/// corridor that is wrong by tens of seconds: the layer runs from the door it came through as
/// a gravity current at about 1 m/s (Heselden & Hinkley, Fire Research Note 832, 1970: smoke in
/// a 600 m tunnel "travelled at a speed in the order of 1 m/s"). The front's speed follows
/// the current's depth h and reduced gravity g' = g (T_layer - T_air) / T_layer:
///     u = Fr sqrt(g' h),
/// with the front Froude number measured by Huppert & Simpson ("The slumping of gravity
/// currents", J. Fluid Mech. 99:785-799, 1980, eq. 2.3) in a channel of height H:
///     Fr = 1.19                   for h / H <= 0.075,
///     Fr = 0.5 (h / H)^(-1/3)     for 0.075 <= h / H <= 1.
/// The current is their box model: the layer's volume spread evenly over the part of the
/// corridor it covers. Fed at a constant volume flux q per unit width, the box model runs at
/// the steady speed u = (Fr^2 g' q)^(1/3) with depth h = q / u (steadyGravityCurrent), the
/// result of Benjamin's and Hinkley's theory of a current fed from a door (Hinkley, Fire
/// Research Note 807, 1970); once the feed stops it slumps on, slowing as it thins.
///
/// Along the corridor the current cools: Hinkley measured the smoke layer's temperature falling
/// along the tunnel and found the fall "accounted for entirely by convection and radiation
/// transfer to the walls and floor", with little mixing into the air below (Fire Research Note
/// 854, 1971). A steady current carrying m (kg/s) that loses q' (W per m of corridor) per
/// excess dT then has an excess falling as exp(-x / lambda), lambda = m c_p dT / q'
/// (currentDecayLengthM). Measured corridor excesses do fall exponentially with distance (Hu,
/// Huo, Li, Wang & Chow, Tunnelling and Underground Space Technology 20:223-229, 2005); CFAST 6's
/// corridor model halved the excess every 16.7 m by default (Bailey, Forney, Tatem & Jones,
/// J. Fire Prot. Eng. 12:139-161, 2002: 10^(-0.018 x)).

namespace cd::fire {

/// Huppert & Simpson's front Froude number at depth ratio h / H (clamped to (0, 1]).
double gravityCurrentFroude(double depthRatio);

/// Speed of the front, m/s, of a current depthM deep under a ceiling heightM above the floor,
/// reduced gravity g' (m/s^2). 0 for no depth or no buoyancy.
double gravityCurrentSpeedMS(double depthM, double heightM, double reducedGravityMS2);

struct SteadyCurrent {
    double speedMS = 0;
    double depthM = 0;
};
/// A current fed at volumeFluxM2S (m^3/s per m of width) of gas with reduced gravity g': its
/// steady speed and depth under a ceiling heightM high (the box model above, closed form).
SteadyCurrent steadyGravityCurrent(double volumeFluxM2S, double reducedGravityMS2, double heightM);

/// Heat a current of smoke widthM wide and depthM deep at layerK loses per metre of corridor,
/// W/m: convection (coefficient hConvWM2K) to the ceiling and to both side walls over its depth
/// at surfaceK; radiation from the grey layer (emissivity) to the same surfaces and down to the
/// floor at floorK. Never negative.
double currentHeatLossWPerM(double widthM, double depthM, double layerK, double surfaceK, double floorK,
                            double hConvWM2K, double emissivity);

/// The e-folding length, m, of the excess temperature of a current carrying massFlowKgS at
/// excessK over the air below while losing lossWPerM: m c_p excess / loss. Infinite when it
/// loses nothing.
double currentDecayLengthM(double massFlowKgS, double excessK, double lossWPerM);

/// The speed, m/s, at which the gas of a layer depthM deep that is alongK hotter at one end than
/// at the other levels out along it. The hotter gas runs over the cooler as a lock-exchange
/// current filling the layer's depth, each half of the depth one way, at u = 0.5 sqrt(g' d),
/// g' = g alongK / layerK (Benjamin, J. Fluid Mech. 31:209, 1968: the energy-conserving current
/// that fills half a channel; Shin, Dalziel & Linden, J. Fluid Mech. 521:1, 2004, measured
/// u / sqrt(g' d) close to 1/2 for full-depth lock releases): the difference along the layer
/// turns into a stratification through its depth. 0 without a difference.
double layerExchangeSpeedMS(double depthM, double layerK, double alongK);

}  // namespace cd::fire
