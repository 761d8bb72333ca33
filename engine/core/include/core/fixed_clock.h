#pragma once
/// The fixed-step simulation clock: time is tick * stepS, never accumulated floats.
#include <cstdint>

namespace cd {

class FixedClock {
public:
    explicit FixedClock(double stepS = 1.0 / 60.0) : stepS_(stepS) {}
    double stepS() const { return stepS_; }
    std::int64_t tick() const { return tick_; }
    double timeS() const { return static_cast<double>(tick_) * stepS_; }
    void advance() { ++tick_; }
    /// Number of whole steps that fit in durationS (rounded to nearest, so 60 s at 1/60 s is 3600).
    std::int64_t stepsFor(double durationS) const {
        return static_cast<std::int64_t>(durationS / stepS_ + 0.5);
    }

private:
    double stepS_;
    std::int64_t tick_ = 0;
};

}  // namespace cd
