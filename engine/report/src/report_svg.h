#pragma once
/// The report's inline SVG figures: timeline, time plots and plan views. Private to cd_report.
#include <string>
#include <utility>
#include <vector>

#include "record/session_log.h"
#include "report/report_extras.h"

namespace cd::report {

/// Number for SVG/HTML output: fixed with `decimals`, trailing zeros removed.
std::string num(double v, int decimals = 1);

/// Colour of a FED value on the path and in the legend: green, amber at 0.3, red at 1.0.
std::string fedColour(double fed);

/// Colour class of an event kind ("fire.*", "alarm.*", "door.*", "trainee.*", ...).
std::string eventColour(const std::string& kind);

/// Timeline of events and actions on one time axis.
std::string timelineSvg(const record::SessionLog& log);

struct PlotSeries {
    std::string name;
    std::string colour;
    std::vector<std::pair<double, double>> points;  ///< (time s, value)
};
struct PlotRefLine {
    double value = 0.0;
    std::string label;
    std::string colour;
};
/// A line plot against time, with horizontal reference lines.
std::string timePlotSvg(const std::string& title, const std::string& unit, double durationS,
                        const std::vector<PlotSeries>& series, const std::vector<PlotRefLine>& refs,
                        double minY, double maxY);

/// Plan view of one storey with the trainee's path (poses on that storey) coloured by FED.
std::string planSvg(const PlanStorey& storey, bool firstStorey, double nextFloorZ, const ReportExtras& extras,
                    const record::SessionLog& log);

}  // namespace cd::report
