#pragma once
/// What the report needs beyond the session log and its score: the plan of the building
/// (the caller reads it from the world), pictures, and the chain verification. Plain data,
/// so the report does not depend on the world or render modules.
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "record/session_store.h"

namespace cd::report {

/// An axis-aligned room outline in plan (metres, x east, y north).
struct PlanRoom {
    std::string id;
    std::string name;   ///< label; id when empty
    /// Colour class: "room", "corridor", "stair", "lift", "hall", "exit", "outside", "hazard"
    /// (anything else is drawn as "room").
    std::string kind = "room";
    double minX = 0.0, minY = 0.0, maxX = 0.0, maxY = 0.0;
};

/// A point in plan: door, exit, assembly point, fire.
struct PlanMarker {
    std::string id;
    std::string label;  ///< id when empty
    double x = 0.0, y = 0.0;
    /// Storey id the marker belongs to; "" = the first storey (ground).
    std::string storey;
};

struct PlanStorey {
    std::string id;
    std::string name;        ///< "Ground floor"
    double floorZ = 0.0;     ///< poses with z in [floorZ - 0.5, next floorZ - 0.5) are drawn here
    std::vector<PlanRoom> rooms;
    std::vector<PlanMarker> doors;
    std::vector<PlanMarker> exits;
    /// Windows opened or broken out during the session; label: what happened and when.
    std::vector<PlanMarker> windows;
};

struct ReportPicture {
    std::string caption;
    std::vector<std::uint8_t> png;  ///< PNG file bytes, embedded as a data URI
};

/// A plot against session time of something the trainee met besides smoke (water, shaking).
struct ReportPlot {
    struct Line {
        std::string label;
        std::string colour;  ///< CSS colour
        std::vector<std::pair<double, double>> points;  ///< (time s, value)
    };
    struct Threshold {
        double value = 0.0;
        std::string label;
        std::string colour;
    };
    std::string title;
    std::string unit;
    std::vector<Line> lines;
    std::vector<Threshold> thresholds;
    double minY = 0.0, maxY = 1.0;
};

struct ReportExtras {
    /// The FED, visibility and temperature plots (from the poses); false in a session with no fire.
    bool smokeExposure = true;
    /// Further plots in the exposure section, before the smoke ones.
    std::vector<ReportPlot> hazardPlots;
    std::vector<PlanStorey> storeys;  ///< in floor order; no plan section when empty
    std::optional<PlanMarker> assemblyPoint;
    std::vector<PlanMarker> fires;
    std::vector<ReportPicture> pictures;
    /// Result of record::verifyChain() on the session file; "not verified" when absent.
    std::optional<record::ChainReport> chain;
    /// Chain head to show when no chain report is given (e.g. SessionStore::chainHead()).
    std::string chainHead;
    /// Free-text note shown under the header (e.g. the instructor's comment).
    std::string note;
};

}  // namespace cd::report
