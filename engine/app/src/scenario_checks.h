#pragma once
// Checks a loaded scenario against its district: every room, door, fire and assembly point
// it names must exist there. Errors point at the scenario file's line and field.
#include <vector>

#include "core/result.h"
#include "scenario/scenario_def.h"
#include "world/district.h"

namespace cd::app {

std::vector<Error> checkScenarioAgainstDistrict(const scenario::ScenarioDef& def, const world::District& district);
/// Builds the scenario's flood and earthquake to check what only building them shows (a DEM or
/// a ground-motion record that does not read, a casualty outside every room). For `validate`:
/// `run` leaves this to Session::start, which builds them anyway and reports the same errors.
std::vector<Error> checkHazardsBuild(const scenario::ScenarioDef& def, const world::District& district);

}  // namespace cd::app
