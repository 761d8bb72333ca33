#include "physics/section_heating.h"

#include <algorithm>
#include <cmath>

#include "physics/member_heating.h"

namespace cd::physics {

namespace {
constexpr double kCellM = 0.005;
constexpr double kMaxStepS = 2.0;
// Bounds for the explicit step's stability over EN 1992-1-2's range to 1 200 C: the least heat
// capacity (rho c, J/m3/K), the greatest conductivity and the greatest face coefficient
// (convection 25 plus radiation 0.7 sigma (g^2 + s^2)(g + s) with both at 1 200 C).
constexpr double kLeastCapacity = 2.0e6;
constexpr double kMostConductivity = 1.36;
constexpr double kMostFaceWM2K = 550.0;
}  // namespace

SectionHeating::SectionHeating(double widthM, double depthM, double initialC, std::optional<Constant> constant)
    : constant_(constant) {
    nx_ = std::max(2, static_cast<int>(std::lround(0.5 * widthM / kCellM)));
    ny_ = std::max(2, static_cast<int>(std::lround(0.5 * depthM / kCellM)));
    dx_ = 0.5 * widthM / nx_;
    dy_ = 0.5 * depthM / ny_;
    t_.assign(static_cast<std::size_t>((nx_ + 1) * (ny_ + 1)), initialC);
    // The corner node is the least stable: a quarter cell, two conductances of half a side, two
    // half faces. Half its limit, and no more than kMaxStepS (a thin section takes more steps).
    const double cap = constant ? constant->heatCapacityJM3K : kLeastCapacity;
    const double k = constant ? constant->conductivityWMK : kMostConductivity;
    const double h = constant ? constant->faceWM2K : kMostFaceWM2K;
    const double limit = cap * 0.25 * dx_ * dy_ / (k * (0.5 * dy_ / dx_ + 0.5 * dx_ / dy_) + h * 0.5 * (dx_ + dy_));
    const double interior = cap * dx_ * dy_ / (2.0 * k * (dy_ / dx_ + dx_ / dy_));
    stepS_ = std::min(kMaxStepS, 0.5 * std::min(limit, interior));
    next_ = t_;
    k_ = t_;
    c_ = t_;
}

double SectionHeating::flux(double gasC, double surfaceC) const {
    if (constant_) return constant_->faceWM2K * (gasC - surfaceC);
    return faceCoefficientWM2K(gasC, surfaceC) * (exposureTowardsC(gasC) - surfaceC);  // as ConcreteHeating's faces
}

// Control volumes round the nodes (half widths on the faces and centre lines): the heat
// conducted across their sides at the mean of the two nodes' conductivities, the faces' flux over
// their exposed sides; the centre lines carry none.
void SectionHeating::advance(double gasC, double dtS) {
    if (!(dtS > 0.0)) return;
    const int steps = std::max(1, static_cast<int>(std::ceil(dtS / stepS_ - 1e-9)));
    const double dt = dtS / steps;
    const int w = nx_ + 1;
    for (int s = 0; s < steps; ++s) {
        for (std::size_t n = 0; n < t_.size(); ++n) {
            k_[n] = constant_ ? constant_->conductivityWMK : concreteConductivity(t_[n]);
            c_[n] = constant_ ? constant_->heatCapacityJM3K : concreteDensity(t_[n]) * concreteSpecificHeat(t_[n]);
        }
        for (int j = 0; j <= ny_; ++j)
            for (int i = 0; i <= nx_; ++i) {
                const std::size_t at = static_cast<std::size_t>(j * w + i);
                const double ti = t_[at];
                const double hx = (i == 0 || i == nx_) ? 0.5 * dx_ : dx_;  // the volume's width
                const double hy = (j == 0 || j == ny_) ? 0.5 * dy_ : dy_;
                double q = 0.0;  // W per metre of column
                auto across = [&](int ii, int jj, double face, double gap) {
                    const std::size_t n = static_cast<std::size_t>(jj * w + ii);
                    q += 0.5 * (k_[at] + k_[n]) * face / gap * (t_[n] - ti);
                };
                if (i > 0) across(i - 1, j, hy, dx_);
                if (i < nx_) across(i + 1, j, hy, dx_);
                if (j > 0) across(i, j - 1, hx, dy_);
                if (j < ny_) across(i, j + 1, hx, dy_);
                if (i == 0) q += flux(gasC, ti) * hy;
                if (j == 0) q += flux(gasC, ti) * hx;
                next_[at] = ti + q * dt / (c_[at] * hx * hy);
            }
        t_.swap(next_);
    }
}

double SectionHeating::temperatureAtC(double xM, double yM) const {
    auto node = [](double d, double h, int n) {
        const double fromFace = std::min(std::fabs(d), 2.0 * n * h - std::fabs(d));  // symmetric
        return std::clamp(static_cast<int>(std::lround(fromFace / h)), 0, n);
    };
    const int i = node(xM, dx_, nx_), j = node(yM, dy_, ny_);
    return t_[static_cast<std::size_t>(j * (nx_ + 1) + i)];
}

double SectionHeating::areaCoolerThan(double tempC) const {
    double cool = 0.0, all = 0.0;
    for (int j = 0; j <= ny_; ++j)
        for (int i = 0; i <= nx_; ++i) {
            const double a = ((i == 0 || i == nx_) ? 0.5 : 1.0) * ((j == 0 || j == ny_) ? 0.5 : 1.0);
            all += a;
            if (t_[static_cast<std::size_t>(j * (nx_ + 1) + i)] < tempC) cool += a;
        }
    return cool / all;
}

}  // namespace cd::physics
