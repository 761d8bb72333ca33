// Gravity-current front of a corridor's smoke layer (smoke_front.h).
#include "fire/smoke_front.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "fire/wall_conduction.h"
#include "fire_model_impl.h"

namespace cd::fire {

namespace {
constexpr double kDeepFroude = 1.19;     // Huppert & Simpson (1980), h / H <= 0.075
constexpr double kDeepDepthRatio = 0.075;
}  // namespace

double gravityCurrentFroude(double depthRatio) {
    const double r = std::clamp(depthRatio, 1e-12, 1.0);
    return r <= kDeepDepthRatio ? kDeepFroude : 0.5 * std::cbrt(1.0 / r);
}

double gravityCurrentSpeedMS(double depthM, double heightM, double reducedGravityMS2) {
    if (!(depthM > 0) || !(heightM > 0) || !(reducedGravityMS2 > 0)) return 0.0;
    const double h = std::min(depthM, heightM);
    return gravityCurrentFroude(h / heightM) * std::sqrt(reducedGravityMS2 * h);
}

SteadyCurrent steadyGravityCurrent(double q, double gPrime, double heightM) {
    SteadyCurrent c;
    if (!(q > 0) || !(gPrime > 0) || !(heightM > 0)) return c;
    // Deep: u^3 = Fr^2 g' q with Fr = 1.19.
    c.speedMS = std::cbrt(kDeepFroude * kDeepFroude * gPrime * q);
    c.depthM = q / c.speedMS;
    if (c.depthM <= kDeepDepthRatio * heightM) return c;
    // Fr = 0.5 (h / H)^(-1/3), h = q / u: u^3 = 0.25 g' q (u H / q)^(2/3), so
    // u^(7/3) = 0.25 g' q^(1/3) H^(2/3).
    c.speedMS = std::pow(0.25 * gPrime * std::cbrt(q) * std::pow(heightM, 2.0 / 3.0), 3.0 / 7.0);
    c.depthM = q / c.speedMS;
    if (c.depthM > heightM) {  // deeper than the corridor: it fills the section, Fr = 0.5
        c.depthM = heightM;
        c.speedMS = q / heightM;
    }
    return c;
}

double currentHeatLossWPerM(double widthM, double depthM, double layerK, double surfaceK, double floorK,
                            double hConvWM2K, double emissivity) {
    const double bounded = widthM + 2.0 * depthM;  // ceiling and both side walls over the depth
    auto radiated = [&](double toK) { return emissivity * kStefanBoltzmann * (std::pow(layerK, 4) - std::pow(toK, 4)); };
    const double loss = bounded * (hConvWM2K * (layerK - surfaceK) + radiated(surfaceK)) + widthM * radiated(floorK);
    return std::max(loss, 0.0);
}

double currentDecayLengthM(double massFlowKgS, double excessK, double lossWPerM) {
    if (!(lossWPerM > 0)) return std::numeric_limits<double>::infinity();
    return std::max(massFlowKgS, 0.0) * kCp * std::max(excessK, 0.0) / lossWPerM;
}

double layerExchangeSpeedMS(double depthM, double layerK, double alongK) {
    if (!(depthM > 0) || !(layerK > 0) || !(alongK > 0)) return 0.0;
    return 0.5 * std::sqrt(kGravity * alongK / layerK * depthM);
}

}  // namespace cd::fire
