#pragma once
/// Who walks how fast and when they start: walking-speed profiles by age (Weidmann 1993 as
/// tabulated in RiMEA 3.0 test 7) and pre-movement time distributions (RiMEA 3.0 test 5).
#include <string>

#include "core/result.h"
#include "core/rng.h"

namespace cd::crowd {

/// A truncated distribution of desired walking speed on the level, m/s.
struct SpeedDistribution {
    enum class Kind { Uniform, TruncatedNormal };
    Kind kind = Kind::Uniform;
    double minMps = 1.34;
    double maxMps = 1.34;
    double meanMps = 1.34;
    double sdMps = 0.0;
    double draw(Rng& rng) const;
};

/// Speed bands of RiMEA 3.0 test 7 (after Weidmann 1993): under 30 years 0.58-1.61 m/s,
/// 30-50 years 1.41-1.54 m/s, over 50 years 0.68-1.41 m/s, reduced mobility 0.46-0.76 m/s.
/// Named profiles: "rimea-under-30", "rimea-30-50", "rimea-over-50", "reduced-mobility"
/// (each a normal centred in its band, sd a quarter of the band, truncated to it),
/// "weidmann-adult" (mean 1.34, sd 0.26, truncated to 0.58-1.61) and "weidmann-child"
/// (ages 6-12 on the Weidmann age curve, +-10 %).
Result<SpeedDistribution> speedProfile(const std::string& name);
/// Mean level walking speed at an age, piecewise linear through points read from Weidmann's
/// age curve as reproduced in RiMEA 3.0 (approximate to ~0.05 m/s).
double weidmannSpeedForAgeMps(double ageYears);

/// Pre-movement time (alarm to start of walking), seconds.
struct PremovementDistribution {
    enum class Kind { Uniform, Normal, LogNormal };
    Kind kind = Kind::Uniform;
    double minS = 0.0;   ///< lower clip (and lower bound of Uniform)
    double maxS = 0.0;   ///< upper clip (and upper bound of Uniform)
    double mean = 0.0;   ///< Normal: mean in s; LogNormal: mean of ln(t)
    double sd = 0.0;     ///< Normal: sd in s; LogNormal: sd of ln(t)
    double draw(Rng& rng) const;
};

}  // namespace cd::crowd
