#pragma once
// The trainee's breathing apparatus: a cylinder of compressed air that runs down as they breathe.
#include "core/hash.h"
#include "scenario/scenario_def.h"

namespace cd::app {

/// Open-circuit compressed-air breathing apparatus (EN 137). The cylinder holds its water capacity
/// times its pressure in free air (Boyle's law, the fire services' own rule for contents and
/// duration: 6.8 L at 300 bar is 2 040 L, 51 min at 40 L/min; real air at 300 bar is about 10 %
/// less compressible than that). While it supplies air the wearer breathes none of the smoke; the
/// low-pressure whistle sounds at whistle_bar, and the air stops when the cylinder is empty.
class BreathingApparatus {
public:
    enum class Change { None, Whistle, Empty };

    explicit BreathingApparatus(const scenario::BreathingApparatusDef& def) : def_(def), pressureBar_(def.pressureBar) {}

    /// Breathes for dtS seconds; says when the whistle starts or the air runs out (once each).
    Change breathe(double dtS);
    bool supplying() const { return pressureBar_ > 0.0; }
    double pressureBar() const { return pressureBar_; }
    /// Minutes of air left at the set's consumption rate.
    double minutesLeft() const { return pressureBar_ * def_.cylinderL / def_.consumptionLMin; }
    /// Minutes from the start until the whistle, at the consumption rate.
    double minutesToWhistle() const {
        return (def_.pressureBar - def_.whistleBar) * def_.cylinderL / def_.consumptionLMin;
    }
    const scenario::BreathingApparatusDef& def() const { return def_; }
    void hash(StateHasher& h) const { h.add(pressureBar_); }

private:
    scenario::BreathingApparatusDef def_;
    double pressureBar_;
    bool whistled_ = false;
};

}  // namespace cd::app
