#include "breathing_apparatus.h"

#include <algorithm>

namespace cd::app {

BreathingApparatus::Change BreathingApparatus::breathe(double dtS) {
    if (!supplying()) return Change::None;
    pressureBar_ = std::max(0.0, pressureBar_ - def_.consumptionLMin / 60.0 * dtS / def_.cylinderL);
    if (!supplying()) return Change::Empty;
    if (!whistled_ && pressureBar_ <= def_.whistleBar) {
        whistled_ = true;
        return Change::Whistle;
    }
    return Change::None;
}

}  // namespace cd::app
