#pragma once
// The trainee's breathing apparatus: a cylinder of compressed air that runs down as they breathe.
#include "core/hash.h"
#include "scenario/scenario_def.h"

namespace cd::app {

/// Open-circuit compressed-air breathing apparatus (EN 137). The cylinder holds its water capacity
/// times its pressure in free air (Boyle's law, the fire services' own rule for contents and
/// duration: 6.8 L at 300 bar is 2 040 L, 51 min at 40 L/min; real air at 300 bar is about 10 %
/// less compressible than that). The wearer draws air at the set's fixed rate, or, without one,
/// at the rate their movement makes them breathe (the session's BreathingRate, the set's mass
/// among what they carry).
/// While it supplies air the wearer breathes none of the smoke; the low-pressure whistle sounds
/// at whistle_bar, and the air stops when the cylinder is empty.
class BreathingApparatus {
public:
    enum class Change { None, Whistle, Empty };

    /// wearerBreathesLMin: the air the wearer breathes when the set is put on.
    explicit BreathingApparatus(const scenario::BreathingApparatusDef& def, double wearerBreathesLMin = 0.0);

    /// Breathes for dtS seconds while the wearer breathes wearerBreathesLMin (without a fixed
    /// consumption, the set draws that); says when the whistle starts or the air runs out (once
    /// each).
    Change breathe(double dtS, double wearerBreathesLMin = 0.0);
    bool supplying() const { return pressureBar_ > 0.0; }
    double pressureBar() const { return pressureBar_; }
    /// Air drawn per minute now.
    double consumptionLMin() const { return def_.consumptionLMin ? *def_.consumptionLMin : wearerLMin_; }
    /// Free air drawn so far (L) and the mean rate over the time breathed (L/min).
    double litresUsed() const { return (def_.pressureBar - pressureBar_) * def_.cylinderL; }
    double meanConsumptionLMin() const { return breathedS_ > 0.0 ? litresUsed() / (breathedS_ / 60.0) : consumptionLMin(); }
    /// Minutes of air left at the rate now.
    double minutesLeft() const { return pressureBar_ * def_.cylinderL / consumptionLMin(); }
    /// Minutes from the start until the whistle, at the rate now.
    double minutesToWhistle() const { return (def_.pressureBar - def_.whistleBar) * def_.cylinderL / consumptionLMin(); }
    const scenario::BreathingApparatusDef& def() const { return def_; }
    /// The wearer's breathing sets the rate (no fixed consumption).
    bool drawsWhatTheWearerBreathes() const { return !def_.consumptionLMin; }
    void hash(StateHasher& h) const { h.add(pressureBar_); }

private:
    scenario::BreathingApparatusDef def_;
    double pressureBar_;
    double wearerLMin_;
    double breathedS_ = 0.0;
    bool whistled_ = false;
};

}  // namespace cd::app
