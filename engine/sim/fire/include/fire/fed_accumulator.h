#pragma once
/// Fractional effective dose for one person, accumulated along their path.
/// Asphyxiants: ISO 13571:2012 eq (2): sum (phi_CO/35000 + phi_HCN^2.36/1.2e6) v_CO2 dt
/// (ppm, min), v_CO2 = 1 + (exp(0.14 (phi_CO2 - 2)) - 1)/2 (%, not below 1);
/// low oxygen after Purser (SFPE Handbook 5th ed. ch. 63): dt / exp(8.13 - 0.54 (20.9 - phi_O2)).
/// Convected heat: ISO 13571:2012 eq (8): t_Iconv = 5e7 T^-3.4 min (T in C).
/// Incapacitation at 1.0; 0.3 is the ISO 13571 threshold protecting susceptible people.
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
    /// ISO 13571's convected-heat time is for people in ordinary clothing, so no heat is counted.
    bool turnoutGear = false;
};

class FedAccumulator {
public:
    /// Adds dtS seconds of exposure to the sample's conditions.
    FedCrossing accumulate(const FireSample& s, double dtS, Protection protection = {});
    /// Asphyxiant plus heat dose (Purser: the fractions add).
    double fed() const { return asphyxiant_ + heat_; }
    double asphyxiantFed() const { return asphyxiant_; }
    double heatFed() const { return heat_; }
    bool reached03() const { return fed() >= 0.3; }
    bool reached10() const { return fed() >= 1.0; }

    /// Dose rates per minute for constant conditions.
    static double asphyxiantRatePerMin(double coPpm, double hcnPpm, double co2Pct, double o2Pct);
    static double heatRatePerMin(double temperatureC);

private:
    double asphyxiant_ = 0;
    double heat_ = 0;
};

}  // namespace cd::fire
