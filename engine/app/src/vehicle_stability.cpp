#include "vehicle_stability.h"

namespace cd::app {

namespace {
constexpr double kFilmM = 0.01;  // below this the car stands on a wet road
}  // namespace

Result<VehicleLimits> vehicleLimits(const std::string& kind) {
    // Shand et al. (2011) Table 4.1: limiting still-water depth, d.v and velocity.
    if (kind == "small_car") return VehicleLimits{0.3, 0.3, 3.0};
    if (kind == "large_car") return VehicleLimits{0.4, 0.45, 3.0};
    if (kind == "4wd") return VehicleLimits{0.5, 0.6, 3.0};
    return makeError("unknown vehicle kind '" + kind + "' (expected small_car, large_car or 4wd)");
}

bool vehicleUnstable(const VehicleLimits& l, double depthM, double speedMs) {
    if (depthM < kFilmM) return false;
    return depthM >= l.stillDepthM || depthM * speedMs >= l.depthSpeedM2s || speedMs >= l.speedMs;
}

}  // namespace cd::app
