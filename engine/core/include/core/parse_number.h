#pragma once
/// Strict number parsing for command lines and text formats: the whole string must be a
/// finite number (no trailing text, no empty string, no "nan"/"inf").
#include <cstdint>
#include <string>

namespace cd {

bool parseDouble(const std::string& s, double& out);
/// A non-negative decimal integer that fits in 64 bits.
bool parseU64(const std::string& s, std::uint64_t& out);

}  // namespace cd
