// citydrill validate SCENARIO: checks a scenario file and the district it names.
#include <cstdio>

#include "command.h"
#include "scenario/scenario_loader.h"
#include "scenario_checks.h"

namespace cd::app {
namespace {

int runValidate(const std::vector<std::string>& args) {
    if (args.size() != 1 || args[0].rfind("--", 0) == 0) {
        std::fprintf(stderr, "usage: citydrill validate SCENARIO\n");
        return 2;
    }
    auto load = scenario::loadScenario(args[0]);
    std::vector<Error> errors = load.errors;
    if (load.ok()) {
        auto district = world::loadDistrict(load.def.districtPath);
        if (!district) {
            Error e = district.error();
            errors.push_back(e);
        } else {
            errors = checkScenarioAgainstDistrict(load.def, *district);
            if (errors.empty()) errors = checkHazardsBuild(load.def, *district);
        }
    }
    for (const auto& e : errors) std::fprintf(stderr, "%s\n", e.str().c_str());
    if (!errors.empty()) return 1;
    std::printf("%s: ok\n", args[0].c_str());
    return 0;
}

}  // namespace

CD_COMMAND(validate, "validate", "validate SCENARIO",
           "Check a scenario file and its district; prints file:line: field: message for each error.", runValidate);

}  // namespace cd::app
