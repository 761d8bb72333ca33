#pragma once
/// Reads a scenario TOML file into a ScenarioDef. Every problem found is reported as
/// "file:line: field: message"; nothing is defaulted silently (unknown keys are errors).
#include <string>
#include <vector>

#include "core/result.h"
#include "scenario/scenario_def.h"

namespace cd::scenario {

struct ScenarioLoad {
    ScenarioDef def;
    std::vector<Error> errors;  ///< empty when def is valid
    bool ok() const { return errors.empty(); }
};

ScenarioLoad loadScenario(const std::string& path);
/// Same, from text already in memory (path is used for messages and relative paths).
ScenarioLoad parseScenario(const std::string& text, const std::string& path);

/// t-squared growth class to alpha in kW/s² (NFPA 72 / NFPA 92 classes); false if unknown.
bool growthAlpha(const std::string& growthClass, double& alphaKwS2);

}  // namespace cd::scenario
