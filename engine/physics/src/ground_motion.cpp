#include "physics/ground_motion.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <string>

#include "core/files.h"
#include "core/rng.h"

namespace cd::physics {
namespace {

constexpr double kMaxAccelMS2 = 100.0;  // ~10 g; the largest recorded PGAs are about 4 g
constexpr double kMaxDurationS = 3600.0;  // no earthquake shakes for an hour; strong-motion records run minutes
constexpr double kPi = 3.14159265358979323846;

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
    return s;
}

}  // namespace

glm::vec3 GroundMotion::accelerationAt(double tS) const {
    if (timeS.size() < 2 || !(tS >= timeS.front()) || tS > timeS.back()) return glm::vec3(0.0f);
    const auto it = std::upper_bound(timeS.begin(), timeS.end(), tS);
    const std::size_t i1 = std::min<std::size_t>(static_cast<std::size_t>(it - timeS.begin()), timeS.size() - 1);
    const std::size_t i0 = i1 - 1;
    const double s = (tS - timeS[i0]) / (timeS[i1] - timeS[i0]);
    return accelMS2[i0] + static_cast<float>(s) * (accelMS2[i1] - accelMS2[i0]);
}

double GroundMotion::peakHorizontalMS2() const {
    double peak = 0.0;
    for (const glm::vec3& a : accelMS2) peak = std::max(peak, std::sqrt(double(a.x) * a.x + double(a.y) * a.y));
    return peak;
}

Result<GroundMotion> parseGroundMotionCsv(std::string_view text, const std::string& sourceName) {
    static const char* kColumns[4] = {"time_s", "ax", "ay", "az"};
    GroundMotion g;
    g.source = sourceName;
    bool headerSeen = false;
    int lineNo = 0;
    std::size_t pos = 0;
    while (pos <= text.size()) {
        std::size_t end = text.find('\n', pos);
        if (end == std::string_view::npos) end = text.size();
        const std::string_view line = trim(text.substr(pos, end - pos));
        pos = end + 1;
        ++lineNo;
        if (line.empty() || line.front() == '#') {
            if (end == text.size()) break;
            continue;
        }
        // Split into exactly four comma-separated fields.
        std::string_view fields[4];
        int count = 0;
        std::size_t start = 0;
        while (true) {
            const std::size_t comma = line.find(',', start);
            const std::string_view f = trim(line.substr(start, comma == std::string_view::npos ? std::string_view::npos
                                                                                                 : comma - start));
            if (count < 4) fields[count] = f;
            ++count;
            if (comma == std::string_view::npos) break;
            start = comma + 1;
        }
        if (count != 4) {
            return makeError("expected 4 columns time_s,ax,ay,az, found " + std::to_string(count), sourceName, lineNo,
                             "row");
        }
        if (!headerSeen) {
            for (int c = 0; c < 4; ++c) {
                if (fields[c] != kColumns[c]) {
                    return makeError("header must be time_s,ax,ay,az (m/s^2), column " + std::to_string(c + 1) +
                                         " is '" + std::string(fields[c]) + "'",
                                     sourceName, lineNo, kColumns[c]);
                }
            }
            headerSeen = true;
            continue;
        }
        double v[4];
        for (int c = 0; c < 4; ++c) {
            const char* b = fields[c].data();
            const char* e = b + fields[c].size();
            auto [ptr, ec] = std::from_chars(b, e, v[c]);
            if (fields[c].empty() || ec != std::errc() || ptr != e || !std::isfinite(v[c])) {
                return makeError("not a finite number: '" + std::string(fields[c]) + "'", sourceName, lineNo,
                                 kColumns[c]);
            }
            if (c > 0 && std::abs(v[c]) > kMaxAccelMS2) {
                return makeError("acceleration " + std::string(fields[c]) +
                                     " m/s^2 exceeds 100 m/s^2 (units must be m/s^2, not cm/s^2 or g)",
                                 sourceName, lineNo, kColumns[c]);
            }
        }
        if (!g.timeS.empty() && !(v[0] > g.timeS.back())) {
            return makeError("time must increase strictly (previous " + std::to_string(g.timeS.back()) + ")",
                             sourceName, lineNo, "time_s");
        }
        if (!g.timeS.empty() && v[0] - g.timeS.front() > kMaxDurationS) {
            char text[96];
            std::snprintf(text, sizeof text, "the record would last %g s; at most %g s", v[0] - g.timeS.front(), kMaxDurationS);
            return makeError(text, sourceName, lineNo, "time_s");
        }
        g.timeS.push_back(v[0]);
        g.accelMS2.emplace_back(float(v[1]), float(v[2]), float(v[3]));
        if (end == text.size()) break;
    }
    if (!headerSeen) return makeError("missing header time_s,ax,ay,az", sourceName, lineNo, "header");
    if (g.timeS.size() < 2) return makeError("need at least 2 samples", sourceName, lineNo, "rows");
    return g;
}

Result<GroundMotion> loadGroundMotionCsv(const std::string& path) {
    auto text = readTextFile(path);
    if (!text) return text.error();
    return parseGroundMotionCsv(*text, path);
}

Result<GroundMotion> makeParametricGroundMotion(const ParametricGroundMotion& p) {
    auto bad = [](const char* field, const std::string& msg) { return makeError(msg, "", 0, field); };
    if (!(p.pgaMS2 > 0.0 && p.pgaMS2 <= kMaxAccelMS2)) return bad("pgaMS2", "must be in (0, 100] m/s^2");
    if (!(p.dominantPeriodS >= 0.05 && p.dominantPeriodS <= 5.0)) return bad("dominantPeriodS", "must be in [0.05, 5] s");
    if (!(p.durationS >= 1.0 && p.durationS <= 300.0)) return bad("durationS", "must be in [1, 300] s");
    if (!(p.siteDamping > 0.05 && p.siteDamping <= 1.0)) return bad("siteDamping", "must be in (0.05, 1]");
    if (!(p.sampleStepS >= 0.001 && p.sampleStepS <= p.dominantPeriodS / 8.0))
        return bad("sampleStepS", "must be in [0.001 s, dominantPeriodS/8]");
    if (!(p.secondHorizontalRatio >= 0.0 && p.secondHorizontalRatio <= 1.5))
        return bad("secondHorizontalRatio", "must be in [0, 1.5]");
    if (!(p.verticalRatio >= 0.0 && p.verticalRatio <= 1.5)) return bad("verticalRatio", "must be in [0, 1.5]");

    // Kanai (1957) / Tajimi (1960) site filter driven by white noise w:
    //   x'' + 2 zg wg x' + wg^2 x = -w,  ground acceleration a = -(2 zg wg x' + wg^2 x).
    // Envelope after Jennings, Housner & Tsai (1968): (t/t1)^2 rise, flat to t2, exp(-c (t - t2)) decay.
    const double wg = 2.0 * kPi / p.dominantPeriodS;
    const double zg = p.siteDamping;
    const double D = p.durationS;
    const double t1 = 0.1 * D, t2 = 0.45 * D;
    const double c = std::log(20.0) / (D - t2);  // envelope falls to 5 % at the end
    const std::size_t n = static_cast<std::size_t>(std::floor(D / p.sampleStepS)) + 1;
    const double h = p.sampleStepS;

    Rng rng(p.seed, 0x6b616e6169ULL);
    std::vector<double> comp[3];
    for (int axis = 0; axis < 3; ++axis) {
        Rng r = rng.fork(static_cast<std::uint64_t>(axis) + 1);
        double x = 0.0, v = 0.0;
        comp[axis].resize(n);
        for (std::size_t k = 0; k < n; ++k) {
            const double t = static_cast<double>(k) * h;
            const double env = t < t1 ? (t / t1) * (t / t1) : (t <= t2 ? 1.0 : std::exp(-c * (t - t2)));
            // Unit-variance samples held over the step; the record is rescaled to PGA below.
            const double w = env * r.normal();
            // RK4 on (x, v) with w constant over the step.
            auto f = [&](double xx, double vv, double& dx, double& dv) {
                dx = vv;
                dv = -w - 2.0 * zg * wg * vv - wg * wg * xx;
            };
            comp[axis][k] = -(2.0 * zg * wg * v + wg * wg * x);
            double k1x, k1v, k2x, k2v, k3x, k3v, k4x, k4v;
            f(x, v, k1x, k1v);
            f(x + 0.5 * h * k1x, v + 0.5 * h * k1v, k2x, k2v);
            f(x + 0.5 * h * k2x, v + 0.5 * h * k2v, k3x, k3v);
            f(x + h * k3x, v + h * k3v, k4x, k4v);
            x += h / 6.0 * (k1x + 2 * k2x + 2 * k3x + k4x);
            v += h / 6.0 * (k1v + 2 * k2v + 2 * k3v + k4v);
        }
    }
    const double targets[3] = {p.pgaMS2, p.pgaMS2 * p.secondHorizontalRatio, p.pgaMS2 * p.verticalRatio};
    double scale[3];
    for (int axis = 0; axis < 3; ++axis) {
        double peak = 0.0;
        for (double a : comp[axis]) peak = std::max(peak, std::abs(a));
        scale[axis] = peak > 0.0 ? targets[axis] / peak : 0.0;
    }
    GroundMotion g;
    char buf[256];
    std::snprintf(buf, sizeof buf, "kanai-tajimi(pga=%.3g m/s2, Tg=%.3g s, zg=%.3g, D=%.3g s, seed=%llu)", p.pgaMS2,
                  p.dominantPeriodS, zg, D, static_cast<unsigned long long>(p.seed));
    g.source = buf;
    g.timeS.resize(n);
    g.accelMS2.resize(n);
    for (std::size_t k = 0; k < n; ++k) {
        g.timeS[k] = static_cast<double>(k) * h;
        g.accelMS2[k] = glm::vec3(float(comp[0][k] * scale[0]), float(comp[1][k] * scale[1]),
                                  float(comp[2][k] * scale[2]));
    }
    return g;
}

std::string groundMotionToCsv(const GroundMotion& g, const std::string& headerComment) {
    std::string out;
    out.reserve(g.timeS.size() * 40 + headerComment.size() + 32);
    std::size_t start = 0;
    while (start < headerComment.size()) {
        std::size_t end = headerComment.find('\n', start);
        if (end == std::string::npos) end = headerComment.size();
        out += "# " + headerComment.substr(start, end - start) + "\n";
        start = end + 1;
    }
    out += "time_s,ax,ay,az\n";
    char buf[128];
    for (std::size_t i = 0; i < g.timeS.size(); ++i) {
        std::snprintf(buf, sizeof buf, "%.4f,%.5f,%.5f,%.5f\n", g.timeS[i], double(g.accelMS2[i].x),
                      double(g.accelMS2[i].y), double(g.accelMS2[i].z));
        out += buf;
    }
    return out;
}

}  // namespace cd::physics
