#pragma once
/// Scoring is a pure function of a session log and a rubric: no clock, no randomness, no
/// state, so a session can be re-scored whenever the rubric changes.
#include <optional>
#include <string>

#include "record/session_log.h"
#include "record/xapi.h"
#include "score/rubric.h"
#include "score/score_result.h"

namespace cd::score {

/// Scores a log. The rubric should have passed validateRubric(); an invalid criterion
/// scores 0 with its validation error as the evidence rather than failing the call.
ScoreResult scoreSession(const record::SessionLog& log, const Rubric& rubric);

/// Scores one criterion (the building block of scoreSession).
CriterionResult scoreCriterion(const record::SessionLog& log, const RubricCriterion& criterion);

/// The xAPI outcome for record::toXapiStatements().
record::XapiOutcome toXapiOutcome(const ScoreResult& score);

// Evidence helpers, shared with the report.

/// Time of the first event of this kind (and subject, if not empty); nullopt if none.
std::optional<double> firstEventTime(const record::SessionLog& log, const std::string& kind,
                                     const std::string& subject = {});

struct FedPeak {
    double fed = 0.0;
    double timeS = 0.0;
};
/// Peak FED over poses and "trainee.fed" events (value = FED).
FedPeak peakFed(const record::SessionLog& log);

}  // namespace cd::score
