#pragma once
/// Deterministic random numbers: PCG32 (O'Neill 2014), same stream on every platform.
/// std:: distributions are not used because their output differs between standard libraries.
#include <cstdint>

namespace cd {

class Rng {
public:
    explicit Rng(std::uint64_t seed = 0x853c49e6748fea9bULL, std::uint64_t stream = 0xda3e39cb94b95bdbULL);

    std::uint32_t nextU32();
    /// Uniform in [0, 1).
    double uniform();
    /// Uniform in [lo, hi).
    double uniform(double lo, double hi) { return lo + (hi - lo) * uniform(); }
    /// Uniform integer in [0, n), unbiased.
    std::uint32_t below(std::uint32_t n);
    /// Standard normal by Box-Muller (no cached second value, so streams stay simple to reason about).
    double normal(double mean = 0.0, double stddev = 1.0);
    /// A new generator whose stream is derived from this one's state and a salt.
    Rng fork(std::uint64_t salt);

    std::uint64_t state() const { return state_; }

private:
    std::uint64_t state_ = 0;
    std::uint64_t inc_ = 0;
};

}  // namespace cd
