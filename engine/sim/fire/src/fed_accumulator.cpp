#include "fire/fed_accumulator.h"

#include <algorithm>
#include <cmath>

namespace cd::fire {

// Purser's activity levels: (L/min, % COHb) at rest, light work and heavy work.
double FedAccumulator::incapacitatingCohbPct(double ventilationLMin) {
    constexpr double kV[3] = {8.5, kLightWorkVentilationLMin, 50.0};
    constexpr double kD[3] = {40.0, 30.0, 20.0};
    if (!(ventilationLMin > kV[0])) return kD[0];
    for (int i = 1; i < 3; ++i)
        if (ventilationLMin <= kV[i]) return kD[i - 1] + (kD[i] - kD[i - 1]) * (ventilationLMin - kV[i - 1]) / (kV[i] - kV[i - 1]);
    return kD[2];
}

double FedAccumulator::coUptakeFactor(double ventilationLMin) {
    const double v = std::max(ventilationLMin, 0.0);
    return (v / incapacitatingCohbPct(v)) / (kLightWorkVentilationLMin / incapacitatingCohbPct(kLightWorkVentilationLMin));
}

// ISO 13571:2012 asphyxiant FED with the CO2 hyperventilation factor, its CO term at the
// person's breathing; Purser low-O2 term.
double FedAccumulator::asphyxiantRatePerMin(double coPpm, double hcnPpm, double co2Pct, double o2Pct, double ventilationLMin) {
    double co = std::max(coPpm, 0.0) / 35000.0 * coUptakeFactor(ventilationLMin);
    double hcn = std::pow(std::max(hcnPpm, 0.0), 2.36) / 1.2e6;
    double v = std::max(1.0, 1.0 + (std::exp(0.14 * (co2Pct - 2.0)) - 1.0) / 2.0);
    double o2 = 1.0 / std::exp(8.13 - 0.54 * (20.9 - std::min(o2Pct, 20.9)));
    // At ambient oxygen the Purser term is exp(-8.13) per minute, a dose of 1 after ~2 days:
    // only count it when oxygen is actually depleted.
    if (o2Pct >= 20.0) o2 = 0.0;
    return (co + hcn) * v + o2;
}

// ISO 13571:2012 convected heat: time to incapacitation 5e7 T^-3.4 min. Below 40 C the dose
// is negligible (and the correlation is outside its range).
double FedAccumulator::heatRatePerMin(double temperatureC) {
    if (temperatureC <= 40.0) return 0.0;
    return 1.0 / (5e7 * std::pow(temperatureC, -3.4));
}

// Purser: time to severe pain from radiant heat 1.33 q^-1.33 min, above ISO 13571's 2.5 kW/m2.
double FedAccumulator::radiantRatePerMin(double fluxKwM2) {
    if (fluxKwM2 <= kRadiantThresholdKwM2) return 0.0;
    return std::pow(fluxKwM2, 1.33) / 1.33;
}

double FedAccumulator::turnoutGearRatePerMin(double fluxKwM2) {
    if (fluxKwM2 <= kRadiantThresholdKwM2) return 0.0;
    return fluxKwM2 * 60.0 / kTurnoutGearTppKjM2;
}

FedCrossing FedAccumulator::accumulate(const FireSample& s, double dtS, Protection p, double ventilationLMin) {
    double before = fed();
    double minutes = dtS / 60.0;
    if (!p.suppliedAir) asphyxiant_ += asphyxiantRatePerMin(s.coPpm, s.hcnPpm, s.co2Pct, s.o2Pct, ventilationLMin) * minutes;
    if (p.turnoutGear) heat_ += turnoutGearRatePerMin(s.radiantFluxKwM2) * minutes;
    else heat_ += (heatRatePerMin(s.temperatureC) + radiantRatePerMin(s.radiantFluxKwM2)) * minutes;
    double after = fed();
    return {before < 0.3 && after >= 0.3, before < 1.0 && after >= 1.0};
}

}  // namespace cd::fire
