#include "core/parse_number.h"

#include <cerrno>
#include <cmath>
#include <cstdlib>

namespace cd {

bool parseDouble(const std::string& s, double& out) {
    if (s.empty()) return false;
    char* end = nullptr;
    errno = 0;
    out = std::strtod(s.c_str(), &end);
    return errno != ERANGE && end == s.c_str() + s.size() && std::isfinite(out);
}

bool parseU64(const std::string& s, std::uint64_t& out) {
    if (s.empty() || s[0] < '0' || s[0] > '9') return false;
    char* end = nullptr;
    errno = 0;
    out = std::strtoull(s.c_str(), &end, 10);
    return errno != ERANGE && end == s.c_str() + s.size();
}

}  // namespace cd
