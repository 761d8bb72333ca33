#pragma once
// The options of `citydrill run`, parsed from the command line.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"

namespace cd::app {

struct RunOptions {
    std::string scenarioPath;
    bool headless = false;
    std::optional<double> seconds;
    std::optional<std::uint64_t> seed;
    std::string botPath;
    std::string outDir;
    std::string language;  ///< overrides the scenario's HUD language ("en" | "zh")
    int width = 1280, height = 720;
    std::string screenshotPath;  ///< window runs: save the last frame (scene + HUD) as PNG
};

Result<RunOptions> parseRunOptions(const std::vector<std::string>& args);

}  // namespace cd::app
