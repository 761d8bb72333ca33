#pragma once
// What a finished session leaves behind: the score, report.json, report.html,
// final.png (the trainee's last view), overview.png and, when there was one, worst.png (their
// view at the worst moment) in the output folder.
#include <string>

#include "core/result.h"
#include "session.h"
#include "worst_moment.h"

namespace cd::app {

struct SessionOutcome {
    double scorePercent = 0.0;
    double points = 0.0, maxPoints = 0.0;
    bool passed = false;
    std::string finalPng;
    std::string reportHtml;
    std::string reportJson;
};

/// Scores the session's log against the scenario rubric and writes the reports and pictures
/// (with worst.png, the trainee's view at the worst moment, when one was seen).
/// Nothing already recorded is lost when a part fails: each part reports its own error.
Result<SessionOutcome> writeSessionOutputs(const Session& session, const std::string& outDir, int width, int height,
                                           const WorstMoment* worst = nullptr);

}  // namespace cd::app
