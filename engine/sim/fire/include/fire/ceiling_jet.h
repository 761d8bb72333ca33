#pragma once
/// Alpert ceiling jet and the response-time-index link model for heat detectors and sprinklers.
/// Source: Alpert, "Calculation of Response Time of Ceiling-Mounted Fire Detectors",
/// Fire Technology 8 (1972) 181-195; SFPE Handbook 5th ed. ch. 14 eqs 14.1-14.4.

namespace cd::fire {

struct CeilingJet {
    double excessTempK = 0;   ///< gas temperature above ambient
    double velocityMS = 0;
};

/// Alpert correlations; hrrKw total HRR, heightM ceiling height above the fire, radiusM
/// horizontal distance from the plume axis.
///   r/H <= 0.18: dT = 16.9 Q^(2/3) / H^(5/3);  r/H > 0.18: dT = 5.38 (Q/r)^(2/3) / H
///   r/H <= 0.15: U = 0.96 (Q/H)^(1/3);          r/H > 0.15: U = 0.195 Q^(1/3) H^(1/2) / r^(5/6)
CeilingJet alpertCeilingJet(double hrrKw, double heightM, double radiusM);

/// The jet along a corridor, walls widthM apart, once it has met the side walls (alongM, the
/// distance along the corridor from the plume's axis, beyond widthM / 2): confined, it decays
/// exponentially instead of radially (Delichatsios, "The flow of fire gases under a beamed
/// ceiling", Combustion and Flame 43 (1981) 1-10, as CFAST 7 codes it in
/// get_ceilingjet_tempandvelocity):
///   dT = dT_p 0.37 (H/W)^(1/3) exp(-0.16 (y/H) (W/H)^(1/3)),  U = 0.114 (H dT)^(1/2) (H/W)^(1/6)
/// (dT_p the plume's excess where it meets the ceiling, K; H m; U m/s). No jet nearer the axis.
CeilingJet corridorCeilingJet(double plumeExcessK, double heightM, double widthM, double alongM);

/// Link temperature after dt of exposure to constant gas temperature and velocity:
/// dTl/dt = sqrt(u)/RTI (Tg - Tl) - C/RTI (Tl - Ta), integrated exactly over dt
/// (Heskestad & Bill, Fire Safety J. 14 (1988); CFAST Tech. Ref. NIST SP 1889v3 eq 9.1).
double advanceLinkTemperatureK(double linkK, double gasK, double velocityMS, double ambientK,
                               double rtiMS, double cFactor, double dtS);

/// Smoke inside a detector's chamber after dt in a jet of constant smoke and velocity: the
/// chamber lags the gas outside as dY/dt = (u / L)(Y_out - Y_in), L the detector's
/// characteristic length (Heskestad 1975; NFPA 72 Annex B), integrated exactly over dt.
/// L <= 0: no lag (the chamber sees the gas outside, as CFAST's smoke detectors).
double advanceDetectorSmoke(double insideKgM3, double outsideKgM3, double velocityMS, double lengthM, double dtS);

}  // namespace cd::fire
