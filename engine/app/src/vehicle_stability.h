#pragma once
// Whether a parked vehicle stays put in flood water. Source: Shand, Cox, Blacka & Smith (2011),
// "Australian Rainfall and Runoff Revision Project 10: Appropriate Safety Criteria for Vehicles",
// Stage 2 report P10/S2/020, Table 4.1 (adopted in ARR 2019 Book 6, Chapter 7, Table 6.7.3):
// stationary vehicles are unstable (floating or sliding) beyond a still-water depth, a depth x
// velocity product, or 3.0 m/s.
#include <string>

#include "core/result.h"

namespace cd::app {

struct VehicleLimits {
    double stillDepthM = 0.0;      ///< floats in still water this deep
    double depthSpeedM2s = 0.0;    ///< slides when d * v reaches this
    double speedMs = 3.0;          ///< limiting velocity, any depth
};

/// Limits for "small_car" (small passenger vehicle: 0.3 m, 0.3 m^2/s), "large_car" (large
/// passenger vehicle: 0.4 m, 0.45 m^2/s) and "4wd" (large 4WD: 0.5 m, 0.6 m^2/s); an error
/// for any other kind.
Result<VehicleLimits> vehicleLimits(const std::string& kind);

/// Unstable: d >= still-water depth, or d * v >= the d.v limit, or v >= the limiting velocity
/// in water deeper than a film (1 cm; thinner is a wet road, not a flow on the car).
bool vehicleUnstable(const VehicleLimits& limits, double depthM, double speedMs);

}  // namespace cd::app
