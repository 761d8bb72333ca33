#pragma once
/// A value against time, linear between rows, held constant before the first and after the
/// last row: inflow hydrographs (m^3/s), hyetographs (mm/h), boundary levels (m).
#include <string>
#include <vector>

#include "core/result.h"

namespace cd::flood {

class TimeSeries {
public:
    TimeSeries() = default;
    /// Points must have strictly increasing times (checked by make()).
    static Result<TimeSeries> make(std::vector<double> timesS, std::vector<double> values, const std::string& source = {});
    static TimeSeries constant(double value) { TimeSeries s; s.t_ = {0.0}; s.v_ = {value}; return s; }

    bool empty() const { return t_.empty(); }
    double value(double timeS) const;
    /// Exact integral of the piecewise-linear curve over [t0, t1] (value * seconds).
    double integral(double t0S, double t1S) const;
    double maxValue() const;
    double minValue() const;
    const std::vector<double>& times() const { return t_; }
    const std::vector<double>& values() const { return v_; }

private:
    double integralFromStart(double tS) const;
    std::vector<double> t_;
    std::vector<double> v_;
};

/// The values a series may take; outside them a row is an error naming its line.
struct SeriesRange {
    double lo = -1e300;
    double hi = 1e300;
    const char* unit = "";
};

/// Reads CSV rows "time_s,value" (an optional header line whose first field is not a number,
/// '#' comments and blank lines allowed). Errors name the file, line and field.
Result<TimeSeries> parseTimeSeriesCsv(const std::string& text, const std::string& path, const SeriesRange& range = {});
Result<TimeSeries> readTimeSeriesCsv(const std::string& path, const SeriesRange& range = {});

}  // namespace cd::flood
