#pragma once
// A blow from falling or toppling debris, graded by the kinetic energy it strikes with.
//
// Sources for the two energies:
// * 15 J (11 ft-lbf): the least energy with which debris is counted as able to injure a person
//   in NASA's and the FAA's debris-risk analyses (FAA AC 450.115-1; RCC 321).
// * 79 J (58 ft-lbf): a "hazardous fragment", one able to cause serious injury or death, in the
//   DoD explosives safety standards (DDESB Technical Paper 12; DoD 6055.09-M).
// Between the two a person is hurt but can walk on; from 79 J they are seriously injured and
// stay where they fell. One number for any part of the body: a training grade, not a trauma model.
#include <cmath>
#include <string>

namespace cd::app {

inline constexpr float kInjuryEnergyJ = 15.0f;
inline constexpr float kSeriousInjuryEnergyJ = 79.0f;

enum class DebrisInjury { Hurt, Serious };

struct DebrisStrike {
    std::string what;      ///< what struck ("a falling light fitting", "falling debris")
    /// The striking body's kinetic energy, of translation and rotation (the person's own speed
    /// left out): a toppling bookcase turning about its foot can spend all of it on what its top
    /// meets, a third more than 1/2 m v^2 of its centre.
    float energyJ = 0.0f;
    DebrisInjury injury = DebrisInjury::Hurt;
    int body = -1;         ///< which body struck (EarthquakeHazard's own index): one body, one blow

    bool serious() const { return injury == DebrisInjury::Serious; }
    /// "struck by a falling light fitting (64 J): hurt" for event texts and the report.
    std::string describe() const {
        return "struck by " + what + " (" + std::to_string(static_cast<long>(std::lround(energyJ))) + " J): " +
               (serious() ? "seriously injured" : "hurt");
    }
};

/// The grade of a blow of energyJ. A loose chunk of structure faster than 1 m/s strikes whatever
/// its energy (EarthquakeHazard::struckBy), so a blow under 15 J still hurts.
inline DebrisInjury injuryFrom(float energyJ) {
    return energyJ >= kSeriousInjuryEnergyJ ? DebrisInjury::Serious : DebrisInjury::Hurt;
}

}  // namespace cd::app
