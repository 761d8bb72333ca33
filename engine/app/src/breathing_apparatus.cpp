#include "breathing_apparatus.h"

#include <algorithm>

namespace cd::app {

BreathingApparatus::BreathingApparatus(const scenario::BreathingApparatusDef& def, double wearerBreathesLMin)
    : def_(def), pressureBar_(def.pressureBar), wearerLMin_(wearerBreathesLMin) {}

BreathingApparatus::Change BreathingApparatus::breathe(double dtS, double wearerBreathesLMin) {
    if (!supplying()) return Change::None;
    wearerLMin_ = wearerBreathesLMin;
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
