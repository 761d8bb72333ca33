#include "fire/water_spray.h"

#include <algorithm>
#include <cmath>
#include <sstream>

namespace cd::fire {
namespace {

constexpr double kBoilK = 373.15;
constexpr double kWaterDensityKgM3 = 958.0;  // at 100 C
constexpr double kPrandtl = 0.70;

double filmK(double gasTempC) { return 0.5 * (gasTempC + 273.15 + kBoilK); }
// Air, Incropera & DeWitt Table A.4, fitted from 300 to 800 K.
double airConductivityWmK(double tK) { return 0.0263 * std::pow(tK / 300.0, 0.83); }
double airKinematicViscosityM2S(double tK) { return 15.89e-6 * std::pow(tK / 300.0, 1.72); }
double airCpJkgK(double tK) { return 1007.0 + 0.12 * (tK - 300.0); }

}  // namespace

SprayFault sprayFault(const WaterSpray& w, double roomHeightM) {
    const struct {
        const char* field;
        double value, lo, hi;
        const char* what;
    } ranges[] = {
        {"flow_kg_s", w.flowKgS, 1e-6, 100.0, "kg/s"},
        {"duration_s", w.durationS, 1e-3, 600.0, "s"},
        {"droplet_diameter_m", w.dropletDiameterM, 1e-5, 0.01, "m: 0.01 to 10 mm"},
        {"speed_m_s", w.speedMS, 1e-3, 100.0, "m/s"},
        {"elevation_deg", w.elevationDeg, 5.0, 90.0, "degrees above level"},
        {"nozzle_height_m", w.nozzleHeightM, 0.0, roomHeightM, "m above the floor, within the room"},
        {"water_temp_c", w.waterTempC, 0.0, 99.0, "C"},
    };
    for (const auto& r : ranges) {
        if (r.value >= r.lo && r.value <= r.hi) continue;  // NaN fails both
        std::ostringstream msg;
        msg << "must be from " << r.lo << " to " << r.hi << " (" << r.what << "), not " << r.value;
        return {r.field, msg.str()};
    }
    return {};
}

double waterCoolingKjKg(double gasTempC, double waterTempC) {
    return kWaterCpKjKgK * std::max(100.0 - waterTempC, 0.0) + kWaterLatentHeatKjKg +
           kSteamCpKjKgK * std::max(gasTempC - 100.0, 0.0);
}

double quiescentEvaporationConstantM2S(double gasTempC, double waterTempC) {
    const double excessK = gasTempC + 273.15 - kBoilK;
    if (excessK <= 0.0) return 0.0;
    const double tf = filmK(gasTempC), cp = airCpJkgK(tf);
    const double b = cp * excessK / (1e3 * (kWaterLatentHeatKjKg + kWaterCpKjKgK * std::max(100.0 - waterTempC, 0.0)));
    return 8.0 * airConductivityWmK(tf) * std::log1p(b) / (kWaterDensityKgM3 * cp);
}

double ranzMarshallFactor(double gasTempC, double d, double speedMS) {
    const double re = std::max(speedMS, 0.0) * std::max(d, 0.0) / airKinematicViscosityM2S(filmK(gasTempC));
    return 1.0 + 0.3 * std::sqrt(re) * std::cbrt(kPrandtl);
}

double evaporatedFraction(double gasTempC, double d0, double speedMS, double pathM, double waterTempC) {
    const double k0 = quiescentEvaporationConstantM2S(gasTempC, waterTempC);
    if (k0 <= 0.0 || !(d0 > 0.0) || !(pathM > 0.0) || !(speedMS > 0.0)) return 0.0;
    // d^2 falls at K0 times the Ranz-Marshall factor of the current diameter: midpoint steps
    // over the flight, 64 of them (the factor changes slowly; the fraction converges to 1e-4).
    const double flightS = pathM / speedMS;
    const int steps = 64;
    const double h = flightS / steps;
    double d2 = d0 * d0;
    for (int i = 0; i < steps && d2 > 0.0; ++i) {
        const double half = std::max(d2 - 0.5 * h * k0 * ranzMarshallFactor(gasTempC, std::sqrt(d2), speedMS), 0.0);
        d2 = std::max(d2 - h * k0 * ranzMarshallFactor(gasTempC, std::sqrt(half), speedMS), 0.0);
    }
    const double left = std::sqrt(d2) / d0;
    return 1.0 - left * left * left;
}

}  // namespace cd::fire
