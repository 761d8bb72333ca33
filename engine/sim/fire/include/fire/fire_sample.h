#pragma once
/// Read-only views of the fire model: conditions at a point and the state of a room.

namespace cd::fire {

/// Conditions at a point, taken from the layer the point is in.
struct FireSample {
    double temperatureC = 20;
    double layerHeightM = 0;      ///< interface height above the room floor
    double visibilityM = 30;      ///< reflecting sign (K = 3)
    double visibilityLitSignM = 30; ///< light-emitting sign (K = 8)
    double coPpm = 0;
    double co2Pct = 0;
    double o2Pct = 20.9;
    double hcnPpm = 0;
    double sootKgM3 = 0;
    double upperTempC = 20;
    double lowerTempC = 20;
    /// Radiant flux on a person at the point, kW/m2: the hot layer's and the hot ceiling's seen
    /// through it (the room's floor flux, from a plane at the interface over the room's footprint,
    /// times its view factor from the point: 1 in the layer; from the room's centre when only a
    /// height is given), plus, from FireModel::sample, the flames of the room's burning fires
    /// (fire/radiant_heat.h); FireModel::sampleRoom gives the layer's part only.
    double radiantFluxKwM2 = 0;
    bool inUpperLayer = false;
    int room = -1;                ///< room index, -1 outside every room
};

/// The fire plume and ceiling jet at a point, from the burning fires of the room it is in.
struct PlumeSample {
    /// Heskestad's plume (its Gaussian profile off the axis; McCaffrey's continuous flame below
    /// the flame tip) over the lower layer's temperature, the hottest of the room's fires; never
    /// below the layer at the point.
    double plumeTempC = 20;
    double plumeMassFlowKgS = 0;  ///< nearest fire (plan distance to its axis): Heskestad at the point's height above its base
    double flameHeightM = 0;      ///< nearest fire: Heskestad mean flame height
    /// What a ceiling device at the point's plan position sees (as the model's detectors and
    /// sprinklers): the upper layer plus the hottest Alpert jet excess; the point's height
    /// only picks the layer when no fire burns.
    double jetTempC = 20;
    double jetVelocityMS = 0;     ///< Alpert (layered_ceiling_jet.h), the fastest of the room's fires; 0 with none burning
    int room = -1;
};

/// Per-layer state of one room.
struct RoomState {
    double upperTempC = 20, lowerTempC = 20;
    double layerHeightM = 0;       ///< interface above floor
    double upperVolumeM3 = 0;
    double pressurePa = 0;         ///< floor pressure relative to ambient at that height
    double upperO2Pct = 20.9, lowerO2Pct = 20.9;
    double upperCoPpm = 0, lowerCoPpm = 0;
    double upperCo2Pct = 0, lowerCo2Pct = 0;
    double upperHcnPpm = 0, lowerHcnPpm = 0;
    double upperSootKgM3 = 0, lowerSootKgM3 = 0;
    double upperFuelMassFraction = 0;
    double hrrKw = 0;              ///< heat released by all fires in the room (door jets included)
    double doorJetHrrKw = 0;       ///< of which by door-jet fires (fuel from a neighbour burning here)
    double floorFluxKwM2 = 0;      ///< radiant flux from the hot layer to the floor
    double upperEmissivity = 0;    ///< grey-gas emissivity of the upper layer (soot, CO2, H2O)
    double openingRadiationKw = 0; ///< the upper layer's radiation out through open doorways and windows
    double openingSurfaceRadiationKw = 0;  ///< the ceiling's, walls' and floor's, seen through them
    double ceilingTempC = 20;      ///< exposed ceiling surface temperature
    double gasMassKg = 0;
    bool flashover = false;
};

/// State of one fire.
struct FireState {
    double hrrKw = 0;              ///< heat actually released now
    double requestedHrrKw = 0;     ///< what the fuel would release with enough oxygen
    double fuelPyrolysedKg = 0;
    double plumeKgS = 0;           ///< plume mass flow into the upper layer at the interface (0 burning in it)
    bool ignited = false;
    bool oxygenLimited = false;
    bool extinguished = false;
    bool burnedOut = false;
    bool sprinklered = false;
};

}  // namespace cd::fire
