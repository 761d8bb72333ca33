#include "physics/member_heating.h"

#include <algorithm>
#include <cmath>

#include "temperature_table.h"

namespace cd::physics {

namespace {
constexpr double kSigma = 5.670374e-8;
constexpr double kKelvin = 273.15;
constexpr double kAmbientC = 20.0;
constexpr double kBackFaceW = 9.0;   // EN 1991-1-2 3.1(5): the unexposed side, radiation included
constexpr double kMaxStepS = 5.0;    // EN 1993-1-2 4.2.5.1(3); also the conduction's sub-step
constexpr double kCellM = 0.005;

constexpr double kTimberStepS = 1.0;  // ThicknessHeating's step in timber (member_heating.h)

// The time steps advance() takes for dtS: equal, none longer than longestS.
int substeps(double dtS, double longestS = kMaxStepS) { return std::max(1, static_cast<int>(std::ceil(dtS / longestS - 1e-9))); }

using Point = TemperatureRow<double>;

// EN 1995-1-2:2004 Annex B, softwood. Table B.1: conductivity of wood and char (W/m/K).
constexpr Point kTimberConductivity[] = {{20, 0.12}, {200, 0.15}, {350, 0.07}, {500, 0.09}, {800, 0.35}, {1200, 1.50}};
// Table B.2: specific heat (J/kg/K), the water's evaporation between 99 and 120 C.
constexpr Point kTimberSpecificHeat[] = {{20, 1530},  {99, 1770},  {99, 13600}, {120, 13500}, {120, 2120},
                                         {200, 2000}, {250, 1620}, {300, 710},  {350, 850},   {400, 1000},
                                         {600, 1400}, {800, 1650}, {1200, 1650}};
// Table B.3: density over the dry density, 12 % moisture. Gone at 1 200 C: held at 1 150 C's.
constexpr Point kTimberDensityRatio[] = {{20, 1.12},  {99, 1.12},  {120, 1.00}, {200, 1.00}, {250, 0.93}, {300, 0.76},
                                         {350, 0.52}, {400, 0.38}, {600, 0.28}, {800, 0.26}, {1200, 0.0}};
constexpr double kTimberHeldC = 1150.0;
}  // namespace

double Solid::conductivity(double t) const {
    if (kind == Kind::Concrete) return concreteConductivity(t);
    return interpolateTable(kTimberConductivity, t);
}

double Solid::heatCapacity(double t) const {
    if (kind == Kind::Concrete) return concreteDensity(t) * concreteSpecificHeat(t);
    t = std::min(t, kTimberHeldC);
    return dryDensityKgM3 * interpolateTable(kTimberDensityRatio, t) * interpolateTable(kTimberSpecificHeat, t);
}

double netHeatFluxWM2(double gasC, double surfaceC, double emissivity, double alphaC) {
    const double g = gasC + kKelvin, s = surfaceC + kKelvin;
    return alphaC * (gasC - surfaceC) + emissivity * kSigma * (g * g * g * g - s * s * s * s);
}

double standardFireC(double timeS) { return 20.0 + 345.0 * std::log10(8.0 * std::max(0.0, timeS) / 60.0 + 1.0); }

double steelSpecificHeat(double t) {
    t = std::clamp(t, 20.0, 1200.0);
    if (t < 600.0) return 425.0 + 0.773 * t - 1.69e-3 * t * t + 2.22e-6 * t * t * t;
    if (t < 735.0) return 666.0 + 13002.0 / (738.0 - t);
    if (t < 900.0) return 545.0 + 17820.0 / (t - 731.0);
    return 650.0;
}

void SteelHeating::advance(double gasC, double dtS) {
    if (!(dtS > 0.0)) return;
    const int n = substeps(dtS);
    const double dt = dtS / n;
    for (int i = 0; i < n; ++i)
        tempC_ += factor_ / (steelSpecificHeat(tempC_) * kDensity) * netHeatFluxWM2(gasC, tempC_, emissivity_) * dt;
}

double concreteConductivity(double t) {
    const double u = std::clamp(t, 20.0, 1200.0) / 100.0;
    return 1.36 - 0.136 * u + 0.0057 * u * u;
}

double concreteSpecificHeat(double t) {
    if (t <= 100.0) return 900.0;
    if (t <= 115.0) return 1470.0;  // the 1.5 % moisture driven off (EN 1992-1-2 3.3.2(2))
    if (t <= 200.0) return 1470.0 + (1000.0 - 1470.0) * (t - 115.0) / 85.0;
    if (t <= 400.0) return 1000.0 + (t - 200.0) / 2.0;
    return 1100.0;
}

double concreteDensity(double t) {
    constexpr double r20 = 2300.0;
    if (t <= 115.0) return r20;
    if (t <= 200.0) return r20 * (1.0 - 0.02 * (t - 115.0) / 85.0);
    if (t <= 400.0) return r20 * (0.98 - 0.03 * (t - 200.0) / 200.0);
    return r20 * (0.95 - 0.07 * (std::min(t, 1200.0) - 400.0) / 800.0);
}

ThicknessHeating::ThicknessHeating(double thicknessM, Solid solid, double initialC) : thicknessM_(thicknessM), solid_(solid) {
    const int cells = std::max(4, static_cast<int>(std::lround(thicknessM_ / kCellM)));
    dx_ = thicknessM_ / cells;
    t_.assign(static_cast<std::size_t>(cells) + 1, initialC);
}

double faceCoefficientWM2K(double gasC, double surfaceC, double emissivity) {
    if (gasC <= kAmbientC + 0.5) return kBackFaceW;  // the unexposed side
    const double g = gasC + kKelvin, s = surfaceC + kKelvin;
    return 25.0 + emissivity * kSigma * (g * g + s * s) * (g + s);
}

double exposureTowardsC(double gasC) { return std::max(gasC, kAmbientC); }

void ThicknessHeating::advance(double frontGasC, double backGasC, double dtS) {
    if (!(dtS > 0.0)) return;
    const int steps = substeps(dtS, solid_.kind == Solid::Kind::Softwood ? kTimberStepS : kMaxStepS);
    const double dt = dtS / steps;
    const std::size_t n = t_.size();
    std::vector<double> lo(n), di(n), up(n), rhs(n);
    for (int s = 0; s < steps; ++s) {
        // Backward Euler on control volumes (half cells at the faces), properties at the old
        // temperatures; the faces' radiation linearised about their old temperatures.
        for (std::size_t i = 0; i < n; ++i) {
            const double vol = (i == 0 || i + 1 == n) ? 0.5 * dx_ : dx_;
            const double cap = solid_.heatCapacity(t_[i]) * vol / dt;
            const double kl = i > 0 ? solid_.conductivity(0.5 * (t_[i - 1] + t_[i])) / dx_ : 0.0;
            const double kr = i + 1 < n ? solid_.conductivity(0.5 * (t_[i] + t_[i + 1])) / dx_ : 0.0;
            lo[i] = -kl;
            up[i] = -kr;
            di[i] = cap + kl + kr;
            rhs[i] = cap * t_[i];
        }
        const double e = solid_.emissivity();
        const double hf = faceCoefficientWM2K(frontGasC, t_[0], e), hb = faceCoefficientWM2K(backGasC, t_[n - 1], e);
        di[0] += hf;
        rhs[0] += hf * exposureTowardsC(frontGasC);
        di[n - 1] += hb;
        rhs[n - 1] += hb * exposureTowardsC(backGasC);
        // Thomas algorithm.
        for (std::size_t i = 1; i < n; ++i) {
            const double m = lo[i] / di[i - 1];
            di[i] -= m * up[i - 1];
            rhs[i] -= m * rhs[i - 1];
        }
        t_[n - 1] = rhs[n - 1] / di[n - 1];
        for (std::size_t i = n - 1; i-- > 0;) t_[i] = (rhs[i] - up[i] * t_[i + 1]) / di[i];
    }
}

double ThicknessHeating::temperatureAtC(double depthM) const {
    const double x = std::clamp(depthM, 0.0, thicknessM_) / dx_;
    const std::size_t i = std::min(static_cast<std::size_t>(x), t_.size() - 2);
    const double f = x - static_cast<double>(i);
    return t_[i] + f * (t_[i + 1] - t_[i]);
}

double ThicknessHeating::hotterThanM(double tempC) const {
    double hot = 0.0;
    for (std::size_t i = 0; i + 1 < t_.size(); ++i) {
        const double a = t_[i], b = t_[i + 1];
        if (a >= tempC && b >= tempC) hot += dx_;
        else if (a >= tempC || b >= tempC) hot += dx_ * (std::max(a, b) - tempC) / std::fabs(a - b);
    }
    return hot;
}

}  // namespace cd::physics
