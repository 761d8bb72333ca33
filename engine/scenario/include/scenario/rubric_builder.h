#pragma once
/// Turns the rubric as written in a scenario file into engine/score's Rubric, with errors
/// that point at the criterion's line in the file.
#include "core/result.h"
#include "scenario/scenario_def.h"
#include "score/rubric.h"

namespace cd::scenario {

Result<score::Rubric> buildRubric(const RubricSpec& spec);

}  // namespace cd::scenario
