#pragma once
/// What scoring produces: points per criterion with the evidence behind them.
#include <string>
#include <vector>

#include "score/rubric.h"

namespace cd::score {

struct CriterionResult {
    std::string id;
    std::string description;
    CriterionKind kind = CriterionKind::ReachAssembly;
    double points = 0.0;
    double maxPoints = 0.0;
    /// Human-readable evidence with times, e.g. "reached assembly at 142.3 s (target 120 s,
    /// limit 240 s)".
    std::string evidence;
    bool met = false;              ///< earned the full points
    bool criticalFailure = false;  ///< this criterion caused a critical failure
};

struct ScoreResult {
    std::string rubricId;
    double points = 0.0;
    double maxPoints = 0.0;
    double percent = 0.0;      ///< 100 * points / maxPoints
    double passMark = 0.0;     ///< copied from the rubric, percent
    bool passed = false;       ///< percent >= passMark and no critical failure
    bool criticalFailure = false;
    std::vector<std::string> criticalReasons;  ///< one line per critical failure
    std::vector<CriterionResult> criteria;     ///< in rubric order
};

}  // namespace cd::score
