#pragma once
/// Wall-clock frame timing for the desktop loop (the simulation itself uses core/fixed_clock.h).
#include <chrono>

namespace cd::platform {

class FrameTimer {
public:
    FrameTimer() : last_(std::chrono::steady_clock::now()), start_(last_) {}
    /// Seconds since the previous tick (or construction), clamped to 0.25 s so a stall
    /// (breakpoint, window drag) does not make the simulation jump.
    double tick() {
        const auto now = std::chrono::steady_clock::now();
        double dt = std::chrono::duration<double>(now - last_).count();
        last_ = now;
        return dt > 0.25 ? 0.25 : dt;
    }
    /// Seconds since construction.
    double elapsedS() const { return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count(); }

private:
    std::chrono::steady_clock::time_point last_;
    std::chrono::steady_clock::time_point start_;
};

}  // namespace cd::platform
