#pragma once
/// Fractional effective dose for one person, accumulated along their path.
/// Asphyxiants: ISO 13571:2012 eq (2): sum (phi_CO/35000 + phi_HCN^2.36/1.2e6) v_CO2 dt
/// (ppm, min), v_CO2 = 1 + (exp(0.14 (phi_CO2 - 2)) - 1)/2 (%, not below 1);
/// low oxygen after Purser (SFPE Handbook 5th ed. ch. 63): dt / exp(8.13 - 0.54 (20.9 - phi_O2)).
/// Convected heat: ISO 13571:2012 eq (8): t_Iconv = 5e7 T^-3.4 min (T in C).
/// Radiant heat: Purser's time to severe skin pain t_Irad = 1.33 q^-1.33 min (q in kW/m2; SFPE
/// Handbook 5th ed. ch. 63; 3.7 s at 10 kW/m2, PD 7974-6's "about 4 s"), counted above ISO
/// 13571's 2.5 kW/m2, below which a person tolerates radiation for many minutes. The heat
/// fractions add (ISO 13571: sum (1/t_Iconv + 1/t_Irad) dt).
/// Incapacitation at 1.0; 0.3 is the ISO 13571 threshold protecting susceptible people.
/// How hard the person breathes: ISO 13571's CO dose is for light activity. The CO a person takes
/// up goes with the air they breathe (Stewart et al. 1973: %COHb = 3.317e-5 CO^1.036 V t), and
/// the COHb that incapacitates falls as they work harder; Purser's three activity levels (SFPE
/// Handbook 5th ed. ch. 63, as FDS+Evac's FED_ACTIVITY takes them): at rest V = 8.5 L/min and
/// D = 40 % COHb, light work 25 and 30 %, heavy work 50 and 20 %. The CO term is scaled by
/// (V / D) / (25 / 30), D taken linearly in V between those points (40 % below 8.5 L/min, 20 %
/// above 50). The other terms are as ISO 13571 gives them, whatever the breathing.
#include "fire/fire_sample.h"

namespace cd::fire {

struct FedCrossing {
    bool reached03 = false;  ///< crossed 0.3 during this call
    bool reached10 = false;  ///< crossed 1.0 during this call
};

/// What shields a person from the sample's conditions.
struct Protection {
    bool suppliedAir = false;  ///< breathing apparatus: the gases add nothing
    /// Firefighters' structural protective clothing (EN 469 / NFPA 1971) with hood and mask:
    /// ISO 13571's heat times are for people in ordinary clothing. The gear's own limit is its
    /// thermal protective performance: NFPA 1971's minimum TPP of 35 cal/cm2 (1464 kJ/m2) is the
    /// exposure, at 84 kW/m2, that brings a second-degree burn behind it. Counted as a dose of
    /// incident radiant energy above 2.5 kW/m2; no convected heat is counted.
    bool turnoutGear = false;
};

class FedAccumulator {
public:
    /// Purser's light work, for which ISO 13571's CO dose is written (L/min).
    static constexpr double kLightWorkVentilationLMin = 25.0;

    /// Adds dtS seconds of exposure to the sample's conditions, for a person breathing
    /// ventilationLMin litres of air a minute.
    FedCrossing accumulate(const FireSample& s, double dtS, Protection protection = {},
                           double ventilationLMin = kLightWorkVentilationLMin);
    /// Asphyxiant plus heat dose (Purser: the fractions add).
    double fed() const { return asphyxiant_ + heat_; }
    double asphyxiantFed() const { return asphyxiant_; }
    double heatFed() const { return heat_; }  ///< convected plus radiant
    bool reached03() const { return fed() >= 0.3; }
    bool reached10() const { return fed() >= 1.0; }

    /// Dose rates per minute for constant conditions.
    static double asphyxiantRatePerMin(double coPpm, double hcnPpm, double co2Pct, double o2Pct,
                                       double ventilationLMin = kLightWorkVentilationLMin);
    /// The COHb (%) that incapacitates a person breathing ventilationLMin (Purser's D).
    static double incapacitatingCohbPct(double ventilationLMin);
    /// The CO dose rate at this breathing over the rate at light work: (V / D) / (25 / 30).
    static double coUptakeFactor(double ventilationLMin);
    static double heatRatePerMin(double temperatureC);
    static double radiantRatePerMin(double fluxKwM2);
    /// Through turnout gear: incident radiant energy over the gear's TPP.
    static double turnoutGearRatePerMin(double fluxKwM2);

    /// ISO 13571:2012's tenability limit for radiant heat on skin, kW/m2.
    static constexpr double kRadiantThresholdKwM2 = 2.5;
    /// NFPA 1971 (2018) sec. 7.1.1: minimum TPP of a structural fire fighting garment's composite,
    /// 35.0 cal/cm2, in kJ/m2.
    static constexpr double kTurnoutGearTppKjM2 = 35.0 * 4.184 * 10.0;

private:
    double asphyxiant_ = 0;
    double heat_ = 0;
};

}  // namespace cd::fire
