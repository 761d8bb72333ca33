#include "felt_shaking.h"

#include <algorithm>
#include <cmath>

#include <glm/geometric.hpp>

namespace cd::app {

namespace {
constexpr double kExceedS = 0.3;  // JMA: the level reached for 0.3 s in all
}

FeltShaking::FeltShaking(double sampleS, double windowS)
    : samples_(static_cast<std::size_t>(std::max(1.0, std::ceil(windowS / sampleS))), 0.0),
      exceedSamples_(static_cast<std::size_t>(std::max(1.0, std::ceil(kExceedS / sampleS - 1e-9)))) {}

void FeltShaking::add(const glm::vec3& a) {
    samples_[next_] = glm::length(a);
    next_ = (next_ + 1) % samples_.size();
    count_ = std::min(count_ + 1, samples_.size());
}

double FeltShaking::a0MS2() const {
    if (count_ < exceedSamples_) return 0.0;
    // The exceedSamples_-th largest sample: reached or exceeded for 0.3 s in all.
    std::vector<double> s(samples_.begin(), samples_.begin() + static_cast<std::ptrdiff_t>(count_));
    std::nth_element(s.begin(), s.begin() + static_cast<std::ptrdiff_t>(exceedSamples_ - 1), s.end(), std::greater<double>());
    return s[exceedSamples_ - 1];
}

double FeltShaking::intensity() const {
    const double gal = 100.0 * a0MS2();
    return gal > 0.0 ? std::max(0.0, 2.0 * std::log10(gal) + 0.94) : 0.0;
}

double FeltShaking::walkingFactor(double i) {
    static const double kI[] = {4.5, 5.0, 5.5, 6.0, 6.5};
    static const double kF[] = {1.0, 0.7, 0.4, 0.2, 0.1};
    if (i <= kI[0]) return kF[0];
    for (int k = 1; k < 5; ++k)
        if (i <= kI[k]) return kF[k - 1] + (kF[k] - kF[k - 1]) * (i - kI[k - 1]) / (kI[k] - kI[k - 1]);
    return kF[4];
}

}  // namespace cd::app
