#include "breathing_rate.h"

#include <algorithm>
#include <cmath>

namespace cd::app {

double pandolfMetabolicRateW(double bodyKg, double loadKg, double speedMS, double climbMS, double terrain) {
    const double total = bodyKg + loadKg, ratio = loadKg / bodyKg;
    const double v = std::max(0.0, speedMS);
    return 1.5 * bodyKg + 2.0 * total * ratio * ratio + terrain * total * (1.5 * v * v + 35.0 * std::max(0.0, climbMS));
}

double acsmRunningVo2MlKgMin(double speedMS, double climbMS) {
    return 3.5 + 0.2 * 60.0 * std::max(0.0, speedMS) + 0.9 * 60.0 * std::max(0.0, climbMS);
}

double acsmWalkingVo2MlKgMin(double speedMS, double climbMS) {
    return 3.5 + 0.1 * 60.0 * std::max(0.0, speedMS) + 1.8 * 60.0 * std::max(0.0, climbMS);
}

double ventilatoryEquivalent(double fractionOfVo2Max) {
    constexpr double kBelowThreshold = 25.0, kAtMax = 35.0, kThreshold = 0.55;
    const double f = std::clamp(fractionOfVo2Max, kThreshold, 1.0);
    return kBelowThreshold + (kAtMax - kBelowThreshold) * (f - kThreshold) / (1.0 - kThreshold);
}

BreathingRate::BreathingRate(const Breather& who) : who_(who), vo2LMin_(demandLMin(0.0, 0.0)) {}

double BreathingRate::demandLMin(double speedMS, double climbMS, double workMets) const {
    const double gait = speedMS > kRunningAboveMS
                            ? acsmRunningVo2MlKgMin(speedMS, climbMS) * (who_.bodyKg + who_.loadKg) / 1000.0
                            : oxygenUptakeLMin(pandolfMetabolicRateW(who_.bodyKg, who_.loadKg, speedMS, climbMS));
    const double task = workMets * kMlO2PerKgMinPerMet * who_.bodyKg / 1000.0;
    return std::min(std::max(gait, task), who_.vo2MaxLMin());
}

void BreathingRate::follow(double speedMS, double climbMS, double dtS, double workMets) {
    // Exact for a demand held over the step, so the rate does not depend on the step length.
    vo2LMin_ += (demandLMin(speedMS, climbMS, workMets) - vo2LMin_) * (1.0 - std::exp(-dtS / kUptakeTauS));
}

double BreathingRate::minuteVentilationLMin() const {
    return ventilatoryEquivalent(vo2LMin_ / who_.vo2MaxLMin()) * vo2LMin_;
}

}  // namespace cd::app
