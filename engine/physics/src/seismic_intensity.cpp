#include "physics/seismic_intensity.h"

#include <algorithm>
#include <cmath>
#include <complex>
#include <vector>

namespace cd::physics {
namespace {

constexpr double kStepS = 0.01;     // JMA's 100 samples a second
constexpr double kPadS = 10.0;      // still ground either side, so the filters' tails do not wrap
constexpr double kAboveS = 0.3;     // the level is the one reached for 0.3 s in all
constexpr double kMaxS = 3600.0;    // longer records (not from a CSV, which stops there) are cut

/// In-place radix-2 FFT (size a power of two); inverse when `inverse`, unscaled.
void fft(std::vector<std::complex<double>>& a, bool inverse) {
    const std::size_t n = a.size();
    for (std::size_t i = 1, j = 0; i < n; ++i) {
        std::size_t bit = n >> 1;
        for (; j & bit; bit >>= 1) j ^= bit;
        j ^= bit;
        if (i < j) std::swap(a[i], a[j]);
    }
    for (std::size_t len = 2; len <= n; len <<= 1) {
        const double angle = 2.0 * M_PI / static_cast<double>(len) * (inverse ? 1.0 : -1.0);
        const std::complex<double> wLen(std::cos(angle), std::sin(angle));
        for (std::size_t i = 0; i < n; i += len) {
            std::complex<double> w(1.0, 0.0);
            for (std::size_t k = 0; k < len / 2; ++k) {
                const std::complex<double> u = a[i + k], v = a[i + k + len / 2] * w;
                a[i + k] = u + v;
                a[i + k + len / 2] = u - v;
                w *= wLen;
            }
        }
    }
}

}  // namespace

double jmaFilterGain(double hz) {
    if (!(hz > 0.0)) return 0.0;
    const double x = hz / 10.0, x2 = x * x;
    const double highCut = 1.0 / std::sqrt(1.0 + x2 * (0.694 + x2 * (0.241 + x2 * (0.0557 + x2 * (0.009664 + x2 * (0.00134 + x2 * 0.000155))))));
    const double lowCut = std::sqrt(1.0 - std::exp(-std::pow(hz / 0.5, 3.0)));
    return std::sqrt(1.0 / hz) * highCut * lowCut;
}

std::string jmaClassName(double i) {
    if (!(i >= 0.5)) return "0";  // NaN too
    if (i < 4.5) return std::to_string(static_cast<int>(std::floor(i + 0.5)));
    if (i < 5.0) return "5-";
    if (i < 5.5) return "5+";
    if (i < 6.0) return "6-";
    if (i < 6.5) return "6+";
    return "7";
}

GroundMotion jmaFiltered(const GroundMotion& g) {
    GroundMotion out;
    out.source = "jma-filtered(" + g.source + ")";
    if (g.timeS.size() < 2) return out;
    const std::size_t samples = static_cast<std::size_t>(std::floor(std::min(g.durationS(), kMaxS) / kStepS)) + 1;
    const std::size_t pad = static_cast<std::size_t>(kPadS / kStepS);
    std::size_t n = 1;
    while (n < samples + 2 * pad) n <<= 1;
    std::vector<std::complex<double>> comp[3];
    for (auto& c : comp) c.assign(n, {0.0, 0.0});
    for (std::size_t k = 0; k < samples; ++k) {
        const glm::vec3 a = g.accelerationAt(g.timeS.front() + static_cast<double>(k) * kStepS);
        for (int c = 0; c < 3; ++c) comp[c][pad + k] = static_cast<double>(a[c]);
    }
    for (auto& c : comp) {
        fft(c, false);
        for (std::size_t k = 0; k < n; ++k) {
            const std::size_t bin = k <= n / 2 ? k : n - k;
            c[k] *= jmaFilterGain(static_cast<double>(bin) / (static_cast<double>(n) * kStepS)) / static_cast<double>(n);
        }
        fft(c, true);
    }
    const std::size_t kept = samples + 2 * pad;  // what lies beyond is the padding's own tail
    out.timeS.reserve(kept);
    out.accelMS2.reserve(kept);
    for (std::size_t k = 0; k < kept; ++k) {
        out.timeS.push_back(g.timeS.front() - kPadS + static_cast<double>(k) * kStepS);
        out.accelMS2.emplace_back(static_cast<float>(comp[0][k].real()), static_cast<float>(comp[1][k].real()), static_cast<float>(comp[2][k].real()));
    }
    return out;
}

SeismicIntensity jmaIntensity(const GroundMotion& g) { return jmaIntensityOfFiltered(jmaFiltered(g)); }

SeismicIntensity jmaIntensityOfFiltered(const GroundMotion& f) {
    SeismicIntensity out;
    out.jmaClass = jmaClassName(0.0);
    if (f.timeS.empty()) return out;
    std::vector<double> magnitude(f.accelMS2.size());
    for (std::size_t k = 0; k < magnitude.size(); ++k) {
        const glm::vec3& a = f.accelMS2[k];
        magnitude[k] = 100.0 * std::sqrt(double(a.x) * a.x + double(a.y) * a.y + double(a.z) * a.z);  // gal
    }
    const std::size_t above = static_cast<std::size_t>(std::lround(kAboveS / kStepS));
    if (magnitude.size() < above) return out;
    std::nth_element(magnitude.begin(), magnitude.begin() + static_cast<std::ptrdiff_t>(above - 1), magnitude.end(), std::greater<>());
    out.aGal = magnitude[above - 1];
    if (!(out.aGal > 0.0)) return out;
    out.rawI = 2.0 * std::log10(out.aGal) + 0.94;
    out.instrumental = std::floor(std::round(out.rawI * 100.0) / 10.0) / 10.0;
    out.jmaClass = jmaClassName(out.instrumental);
    return out;
}

}  // namespace cd::physics
