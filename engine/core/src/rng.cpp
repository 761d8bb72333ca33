#include "core/rng.h"

#include <cmath>

namespace cd {

Rng::Rng(std::uint64_t seed, std::uint64_t stream) {
    inc_ = (stream << 1u) | 1u;
    nextU32();
    state_ += seed;
    nextU32();
}

std::uint32_t Rng::nextU32() {
    std::uint64_t old = state_;
    state_ = old * 6364136223846793005ULL + inc_;
    auto xorshifted = static_cast<std::uint32_t>(((old >> 18u) ^ old) >> 27u);
    auto rot = static_cast<std::uint32_t>(old >> 59u);
    return (xorshifted >> rot) | (xorshifted << ((-rot) & 31u));
}

double Rng::uniform() {
    // 53 random bits from two draws.
    std::uint64_t hi = nextU32() >> 5;  // 27 bits
    std::uint64_t lo = nextU32() >> 6;  // 26 bits
    return static_cast<double>((hi << 26) | lo) * (1.0 / 9007199254740992.0);
}

std::uint32_t Rng::below(std::uint32_t n) {
    if (n == 0) return 0;
    std::uint32_t threshold = (-n) % n;
    for (;;) {
        std::uint32_t r = nextU32();
        if (r >= threshold) return r % n;
    }
}

double Rng::normal(double mean, double stddev) {
    double u1 = uniform();
    double u2 = uniform();
    if (u1 < 1e-300) u1 = 1e-300;
    double z = std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * 3.14159265358979323846 * u2);
    return mean + stddev * z;
}

Rng Rng::fork(std::uint64_t salt) {
    std::uint64_t a = (static_cast<std::uint64_t>(nextU32()) << 32) | nextU32();
    return Rng(a ^ (salt * 0x9e3779b97f4a7c15ULL), salt + 0x632be59bd9b4e019ULL);
}

}  // namespace cd
