#include "physics/section_heating.h"

#include <algorithm>
#include <cmath>

namespace cd::physics {

namespace {
constexpr double kCellM = 0.005;
constexpr double kMaxStepS = 2.0;
}  // namespace

SectionHeating::SectionHeating(double widthM, double depthM, Solid solid, double initialC)
    : SectionHeating(widthM, depthM, initialC, solid, std::nullopt) {}

SectionHeating::SectionHeating(double widthM, double depthM, double initialC, Constant constant)
    : SectionHeating(widthM, depthM, initialC, Solid::concrete(), constant) {}

SectionHeating::SectionHeating(double widthM, double depthM, double initialC, Solid solid, std::optional<Constant> constant)
    : solid_(solid), constant_(constant) {
    nx_ = std::max(2, static_cast<int>(std::lround(0.5 * widthM / kCellM)));
    ny_ = std::max(2, static_cast<int>(std::lround(0.5 * depthM / kCellM)));
    dx_ = 0.5 * widthM / nx_;
    dy_ = 0.5 * depthM / ny_;
    t_.assign(static_cast<std::size_t>((nx_ + 1) * (ny_ + 1)), initialC);
    next_ = t_;
    c_ = t_;
    gx_ = t_;
    gy_ = t_;
    gf_ = t_;
}

// Control volumes round the nodes (half widths on the faces and centre lines): the heat
// conducted across their sides at the conductivity of the two nodes' mean temperature (as
// ThicknessHeating's: timber's falls by half between 200 and 350 C), the faces' flux over their
// exposed sides; the centre lines carry none. Each step is half the shortest of the nodes'
// explicit limits, heat capacity over the sum of their conductances, at the step's start.
void SectionHeating::advance(double gasC, double dtS) {
    if (!(dtS > 0.0)) return;
    const int w = nx_ + 1;
    const auto at = [w](int i, int j) { return static_cast<std::size_t>(j * w + i); };
    const auto half = [](int i, int n, double h) { return (i == 0 || i == n) ? 0.5 * h : h; };  // a volume's side
    const double towards = constant_ ? gasC : exposureTowardsC(gasC);
    const auto conductivity = [&](double a, double b) { return constant_ ? constant_->conductivityWMK : solid_.conductivity(0.5 * (a + b)); };
    double left = dtS;
    while (left > 0.0) {
        // Conductances (W/m/K per metre of column) to the next node along x and along y, the
        // faces' coefficients, and the step they allow.
        for (int j = 0; j <= ny_; ++j)
            for (int i = 0; i <= nx_; ++i) {
                const std::size_t n = at(i, j);
                const double ti = t_[n];
                gx_[n] = i < nx_ ? conductivity(ti, t_[n + 1]) * half(j, ny_, dy_) / dx_ : 0.0;
                gy_[n] = j < ny_ ? conductivity(ti, t_[n + static_cast<std::size_t>(w)]) * half(i, nx_, dx_) / dy_ : 0.0;
                const double exposed = (i == 0 ? half(j, ny_, dy_) : 0.0) + (j == 0 ? half(i, nx_, dx_) : 0.0);
                gf_[n] = exposed > 0.0 ? (constant_ ? constant_->faceWM2K : faceCoefficientWM2K(gasC, ti, solid_.emissivity())) * exposed : 0.0;
                c_[n] = (constant_ ? constant_->heatCapacityJM3K : solid_.heatCapacity(ti)) * half(i, nx_, dx_) * half(j, ny_, dy_);
            }
        double stable = kMaxStepS;
        for (int j = 0; j <= ny_; ++j)
            for (int i = 0; i <= nx_; ++i) {
                const std::size_t n = at(i, j);
                const double g = gx_[n] + gy_[n] + gf_[n] + (i > 0 ? gx_[n - 1] : 0.0) + (j > 0 ? gy_[n - static_cast<std::size_t>(w)] : 0.0);
                stable = std::min(stable, 0.5 * c_[n] / g);
            }
        const double dt = std::min(left, stable);
        for (int j = 0; j <= ny_; ++j)
            for (int i = 0; i <= nx_; ++i) {
                const std::size_t n = at(i, j);
                const double ti = t_[n];
                double q = gf_[n] * (towards - ti);
                if (i < nx_) q += gx_[n] * (t_[n + 1] - ti);
                if (i > 0) q += gx_[n - 1] * (t_[n - 1] - ti);
                if (j < ny_) q += gy_[n] * (t_[n + static_cast<std::size_t>(w)] - ti);
                if (j > 0) q += gy_[n - static_cast<std::size_t>(w)] * (t_[n - static_cast<std::size_t>(w)] - ti);
                next_[n] = ti + q * dt / c_[n];
            }
        t_.swap(next_);
        left -= dt;
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

namespace {
// Along a line of nodes from a face (first) to the centre line, spaced h: how far in tempC is
// reached, linear between nodes.
template <typename At>
double hotDepth(At at, int n, double h, double tempC) {
    if (at(0) < tempC) return 0.0;
    for (int i = 1; i <= n; ++i) {
        const double b = at(i);
        if (b < tempC) {
            const double a = at(i - 1);
            return h * (i - 1 + (a - tempC) / (a - b));
        }
    }
    return n * h;
}
}  // namespace

double SectionHeating::hotDepthAcrossWidthM(double tempC) const {
    return hotDepth([&](int i) { return t_[static_cast<std::size_t>(ny_ * (nx_ + 1) + i)]; }, nx_, dx_, tempC);
}

double SectionHeating::hotDepthAcrossDepthM(double tempC) const {
    return hotDepth([&](int j) { return t_[static_cast<std::size_t>(j * (nx_ + 1) + nx_)]; }, ny_, dy_, tempC);
}

}  // namespace cd::physics
