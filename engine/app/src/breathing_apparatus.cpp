#include "breathing_apparatus.h"

#include <algorithm>

namespace cd::app {

BreathingApparatus::BreathingApparatus(const scenario::BreathingApparatusDef& def, Breather wearer)
    : def_(def), pressureBar_(def.pressureBar) {
    wearer.loadKg += def.massKg;
    if (!def.consumptionLMin) rate_.emplace(wearer);
}

BreathingApparatus::Change BreathingApparatus::breathe(double dtS, double speedMS, double climbMS, double workMets) {
    if (!supplying()) return Change::None;
    if (rate_) rate_->follow(speedMS, climbMS, dtS, workMets);
    breathedS_ += dtS;
    pressureBar_ = std::max(0.0, pressureBar_ - consumptionLMin() / 60.0 * dtS / def_.cylinderL);
    if (!supplying()) return Change::Empty;
    if (!whistled_ && pressureBar_ <= def_.whistleBar) {
        whistled_ = true;
        return Change::Whistle;
    }
    return Change::None;
}

}  // namespace cd::app
