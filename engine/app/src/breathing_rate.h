#pragma once
// How much air the trainee breathes: the metabolic rate of how they move, the oxygen uptake that
// follows it, and the ventilation that the uptake takes. A breathing apparatus runs down at this
// rate, so a trainee who runs and climbs empties the cylinder sooner than one who walks.
#include "core/hash.h"

namespace cd::app {

/// Pandolf, Givoni & Goldman (1977), J. Appl. Physiol. 43(4) 577-581: the metabolic rate (W) of
/// standing or walking with a load, M = 1.5 W + 2.0 (W + L)(L/W)^2 + eta (W + L)(1.5 V^2 + 0.35 V G),
/// W body and L carried mass (kg), V walking speed (m/s), G grade (%), eta terrain (1: a hard
/// level surface). 0.35 V G is 35 times the rate of climb; downhill counts as level (the equation
/// was fitted on level and uphill walking).
double pandolfMetabolicRateW(double bodyKg, double loadKg, double speedMS, double climbMS, double terrain = 1.0);

/// ACSM's running equation (ACSM's Guidelines for Exercise Testing and Prescription, the
/// metabolic calculations): VO2 = 3.5 + 0.2 S + 0.9 S G mL/kg/min, S in m/min, G the grade as a
/// fraction; valid above 134 m/min (2.2 m/s). A carried load is counted as body mass.
double acsmRunningVo2MlKgMin(double speedMS, double climbMS);

/// ACSM's walking equation, VO2 = 3.5 + 0.1 S + 1.8 S G mL/kg/min (50-100 m/min), for checking
/// Pandolf's equation against.
double acsmWalkingVo2MlKgMin(double speedMS, double climbMS);

/// Oxygen taken up for a metabolic rate: 20.1 kJ per litre of O2 (the energy equivalent at a
/// respiratory exchange ratio of about 0.82, the figure Pandolf's own conversions use).
inline constexpr double kJoulesPerLitreO2 = 20100.0;
inline double oxygenUptakeLMin(double metabolicW) { return metabolicW * 60.0 / kJoulesPerLitreO2; }

/// Litres of air breathed per litre of oxygen taken up (the ventilatory equivalent VE/VO2):
/// about 25 at rest and in moderate work, rising above the ventilatory threshold (about 55 % of
/// VO2max) to about 35 at VO2max, where the body breathes off the CO2 of lactic acid (Wasserman
/// et al., Principles of Exercise Testing and Interpretation; McArdle, Katch & Katch, Exercise
/// Physiology, ch. 14: 23-28 at rest and submaximal, over 30 at maximal).
double ventilatoryEquivalent(double fractionOfVo2Max);

/// Work that is not walking, as a floor under the gait's demand: the Compendium of Physical
/// Activities (Ainsworth et al. 2011, Med. Sci. Sports Exerc. 43(8) 1575-1581) gives "fire
/// fighter, general" 8.0 METs, one MET being 3.5 mL of O2 per kg of body mass per minute.
inline constexpr double kFirefightingMets = 8.0;
inline constexpr double kMlO2PerKgMinPerMet = 3.5;

/// Who is breathing: their mass, what they carry and how fit they are.
struct Breather {
    double bodyKg = 75.0;
    double loadKg = 0.0;             ///< everything carried: breathing apparatus, gear, tools
    double vo2MaxMlKgMin = 42.0;     ///< aerobic capacity (NFPA 1582: 12 METs for firefighters)
    double vo2MaxLMin() const { return vo2MaxMlKgMin * bodyKg / 1000.0; }
};

/// The breathing rate of a person moving through the district, step by step. The metabolic
/// demand of their gait (walking: Pandolf; faster than 2.2 m/s: ACSM's running equation on body
/// plus load), capped at VO2max, is followed by the oxygen uptake with the first-order time
/// constant of 30 s that Whipp & Wasserman (1972, J. Appl. Physiol. 33(3) 351-356) measured for
/// the onset and end of moderate work; the ventilation is that uptake times its ventilatory
/// equivalent.
class BreathingRate {
public:
    static constexpr double kUptakeTauS = 30.0;
    static constexpr double kRunningAboveMS = 2.2;

    explicit BreathingRate(const Breather& who);

    /// The oxygen a steady gait asks for (L/min), or a task of workMets if that asks more,
    /// capped at VO2max.
    double demandLMin(double speedMS, double climbMS, double workMets = 0.0) const;
    /// Follows the wearer for dtS seconds at this horizontal speed and rate of climb (m/s), at
    /// a task of workMets (0: none but moving).
    void follow(double speedMS, double climbMS, double dtS, double workMets = 0.0);
    double vo2LMin() const { return vo2LMin_; }
    /// Air breathed per minute now (L/min at ambient pressure).
    double minuteVentilationLMin() const;
    const Breather& breather() const { return who_; }
    void hash(StateHasher& h) const { h.add(vo2LMin_); }

private:
    Breather who_;
    double vo2LMin_;  ///< starts at rest, standing
};

}  // namespace cd::app
