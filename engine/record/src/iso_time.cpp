#include "record/iso_time.h"

#include <cctype>
#include <cmath>
#include <cstdio>

namespace cd::record {
namespace {

// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant, "chrono-Compatible
// Low-Level Date Algorithms", days_from_civil).
std::int64_t daysFromCivil(std::int64_t y, unsigned m, unsigned d) {
    y -= m <= 2;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

void civilFromDays(std::int64_t z, std::int64_t& y, unsigned& m, unsigned& d) {
    z += 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    y = static_cast<std::int64_t>(yoe) + era * 400;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    d = doy - (153 * mp + 2) / 5 + 1;
    m = mp < 10 ? mp + 3 : mp - 9;
    y += m <= 2;
}

bool digits(const std::string& s, std::size_t pos, std::size_t n, int& out) {
    if (pos + n > s.size()) return false;
    out = 0;
    for (std::size_t i = pos; i < pos + n; ++i) {
        if (!std::isdigit(static_cast<unsigned char>(s[i]))) return false;
        out = out * 10 + (s[i] - '0');
    }
    return true;
}

}  // namespace

Result<std::int64_t> parseIso8601Ms(const std::string& s) {
    auto bad = [&](const char* why) {
        return makeError(std::string("not an ISO 8601 time (") + why + "): '" + s + "'", "", 0, "startedAtUtc");
    };
    int Y, M, D, h, mi, sec;
    if (!digits(s, 0, 4, Y) || s.size() < 19 || s[4] != '-' || !digits(s, 5, 2, M) || s[7] != '-' ||
        !digits(s, 8, 2, D) || (s[10] != 'T' && s[10] != 't' && s[10] != ' ') || !digits(s, 11, 2, h) ||
        s[13] != ':' || !digits(s, 14, 2, mi) || s[16] != ':' || !digits(s, 17, 2, sec))
        return bad("expected YYYY-MM-DDTHH:MM:SS");
    if (M < 1 || M > 12 || D < 1 || D > 31 || h > 23 || mi > 59 || sec > 60) return bad("field out of range");
    std::size_t pos = 19;
    double frac = 0.0, scale = 0.1;
    if (pos < s.size() && (s[pos] == '.' || s[pos] == ',')) {
        ++pos;
        if (pos >= s.size() || !std::isdigit(static_cast<unsigned char>(s[pos]))) return bad("empty fraction");
        while (pos < s.size() && std::isdigit(static_cast<unsigned char>(s[pos]))) {
            frac += (s[pos] - '0') * scale;
            scale *= 0.1;
            ++pos;
        }
    }
    int offsetMin = 0;
    if (pos < s.size()) {
        if (s[pos] == 'Z' || s[pos] == 'z') {
            ++pos;
        } else if (s[pos] == '+' || s[pos] == '-') {
            int oh, om;
            int sign = s[pos] == '-' ? -1 : 1;
            if (!digits(s, pos + 1, 2, oh)) return bad("bad zone offset");
            std::size_t mpos = pos + 3;
            if (mpos < s.size() && s[mpos] == ':') ++mpos;
            if (!digits(s, mpos, 2, om)) return bad("bad zone offset");
            offsetMin = sign * (oh * 60 + om);
            pos = mpos + 2;
        }
    }
    if (pos != s.size()) return bad("trailing characters");
    std::int64_t days = daysFromCivil(Y, static_cast<unsigned>(M), static_cast<unsigned>(D));
    std::int64_t secs = days * 86400 + h * 3600 + mi * 60 + sec - offsetMin * 60;
    return secs * 1000 + static_cast<std::int64_t>(std::llround(frac * 1000.0));
}

std::string formatIso8601Ms(std::int64_t ms) {
    std::int64_t secs = ms >= 0 ? ms / 1000 : -((-ms + 999) / 1000);
    int milli = static_cast<int>(ms - secs * 1000);
    std::int64_t days = secs >= 0 ? secs / 86400 : -((-secs + 86399) / 86400);
    int sod = static_cast<int>(secs - days * 86400);
    std::int64_t y;
    unsigned m, d;
    civilFromDays(days, y, m, d);
    char buf[96];
    std::snprintf(buf, sizeof buf, "%04lld-%02u-%02uT%02d:%02d:%02d.%03dZ", static_cast<long long>(y), m, d,
                  sod / 3600, (sod / 60) % 60, sod % 60, milli);
    return buf;
}

std::string isoTimeAfter(const std::string& start, double offsetS) {
    auto t = parseIso8601Ms(start);
    if (!t) return {};
    return formatIso8601Ms(*t + static_cast<std::int64_t>(std::llround(offsetS * 1000.0)));
}

std::string isoDuration(double seconds) {
    if (!(seconds >= 0.0)) seconds = 0.0;
    char buf[40];
    std::snprintf(buf, sizeof buf, "PT%.2fS", std::round(seconds * 100.0) / 100.0);
    return buf;
}

}  // namespace cd::record
