#include "flood/time_series.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <sstream>

#include "core/files.h"

namespace cd::flood {

Result<TimeSeries> TimeSeries::make(std::vector<double> timesS, std::vector<double> values, const std::string& source) {
    if (timesS.empty() || timesS.size() != values.size()) return makeError("needs at least one (time, value) row", source, 0, "time_s");
    for (size_t i = 0; i < timesS.size(); ++i) {
        if (!std::isfinite(timesS[i]) || !std::isfinite(values[i])) return makeError("not finite", source, 0, "time_s");
        if (i && !(timesS[i] > timesS[i - 1])) return makeError("times must increase strictly", source, 0, "time_s");
    }
    TimeSeries s;
    s.t_ = std::move(timesS);
    s.v_ = std::move(values);
    return s;
}

double TimeSeries::value(double t) const {
    if (t_.empty()) return 0.0;
    if (t <= t_.front()) return v_.front();
    if (t >= t_.back()) return v_.back();
    const size_t k = static_cast<size_t>(std::upper_bound(t_.begin(), t_.end(), t) - t_.begin());  // t_[k-1] <= t < t_[k]
    const double a = (t - t_[k - 1]) / (t_[k] - t_[k - 1]);
    return v_[k - 1] + a * (v_[k] - v_[k - 1]);
}

double TimeSeries::integralFromStart(double t) const {
    // Integral from t_.front() to t (negative side held constant).
    if (t_.empty()) return 0.0;
    if (t <= t_.front()) return (t - t_.front()) * v_.front();
    double sum = 0.0;
    for (size_t k = 1; k < t_.size(); ++k) {
        if (t <= t_[k]) {
            const double vt = value(t);
            return sum + 0.5 * (v_[k - 1] + vt) * (t - t_[k - 1]);
        }
        sum += 0.5 * (v_[k - 1] + v_[k]) * (t_[k] - t_[k - 1]);
    }
    return sum + (t - t_.back()) * v_.back();
}

double TimeSeries::integral(double t0, double t1) const {
    if (t_.empty()) return 0.0;
    if (t_.size() == 1) return v_.front() * (t1 - t0);
    return integralFromStart(t1) - integralFromStart(t0);
}

double TimeSeries::maxValue() const { return v_.empty() ? 0.0 : *std::max_element(v_.begin(), v_.end()); }
double TimeSeries::minValue() const { return v_.empty() ? 0.0 : *std::min_element(v_.begin(), v_.end()); }

Result<TimeSeries> parseTimeSeriesCsv(const std::string& text, const std::string& path, const SeriesRange& range) {
    std::vector<double> ts, vs;
    std::istringstream in(text);
    std::string line;
    int lineNo = 0;
    bool sawData = false;
    while (std::getline(in, line)) {
        ++lineNo;
        if (!line.empty() && line.back() == '\r') line.pop_back();
        const auto first = line.find_first_not_of(" \t");
        if (first == std::string::npos || line[first] == '#') continue;
        const auto comma = line.find(',');
        if (comma == std::string::npos) return makeError("expected 'time_s,value'", path, lineNo, "time_s");
        std::string a = line.substr(0, comma), b = line.substr(comma + 1);
        auto trim = [](std::string s) {
            const auto f = s.find_first_not_of(" \t");
            const auto l = s.find_last_not_of(" \t");
            return f == std::string::npos ? std::string() : s.substr(f, l - f + 1);
        };
        a = trim(a);
        b = trim(b);
        char* end = nullptr;
        const double t = std::strtod(a.c_str(), &end);
        const bool tOk = !a.empty() && end == a.c_str() + a.size() && std::isfinite(t);
        if (!tOk) {
            if (!sawData && ts.empty()) {  // a header line such as "time_s,value"
                sawData = true;
                continue;
            }
            return makeError("not a number: '" + a + "'", path, lineNo, "time_s");
        }
        sawData = true;
        if (b.find(',') != std::string::npos) return makeError("expected two columns", path, lineNo, "value");
        end = nullptr;
        const double v = std::strtod(b.c_str(), &end);
        if (b.empty() || end != b.c_str() + b.size() || !std::isfinite(v)) return makeError("not a number: '" + b + "'", path, lineNo, "value");
        if (v < range.lo || v > range.hi) {
            std::ostringstream msg;
            msg << "must be in [" << range.lo << ", " << range.hi << "] " << range.unit << ", not " << b;
            return makeError(msg.str(), path, lineNo, "value");
        }
        if (!ts.empty() && !(t > ts.back())) return makeError("times must increase strictly", path, lineNo, "time_s");
        ts.push_back(t);
        vs.push_back(v);
    }
    if (ts.empty()) return makeError("no data rows", path, lineNo, "time_s");
    return TimeSeries::make(std::move(ts), std::move(vs), path);
}

Result<TimeSeries> readTimeSeriesCsv(const std::string& path, const SeriesRange& range) {
    auto text = readTextFile(path);
    if (!text) return text.error();
    return parseTimeSeriesCsv(*text, path, range);
}

}  // namespace cd::flood
