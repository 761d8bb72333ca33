#pragma once
/// A bot scripts a trainee for headless runs and tests: a sequence of steps, each an
/// action from the trainee vocabulary (record/session_log.h) or a wait, optionally held
/// until a scenario time. Move steps walk to a named place of the district.
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "scenario/scenario_def.h"

namespace cd::scenario {

struct BotStep {
    std::optional<double> notBeforeS;  ///< the step starts no earlier than this scenario time
    double waitS = 0.0;                ///< for action "wait": how long (at most, with untilEvent)
    std::string untilEvent;            ///< for action "wait": ends it early when an event of this kind is recorded (of subject target, if given)
    std::string action;                ///< "wait" or a trainee action name ("move", "open_door", ...)
    std::string to;                    ///< move goal: "room:<id>", "door:<id>", "exit:<id>", "assembly:<id>"
    std::optional<Vec3> position;      ///< move goal as a point instead of a name
    bool run = false;                  ///< move at run speed
    bool direct = false;               ///< move in a straight line instead of along the walk graph
    std::string target;                ///< door, fire, casualty or group id for other actions
    std::string text;                  ///< agent for extinguishers, report text, ...
    double value = 0.0;                ///< yaw for "look"
    SourceRef source;
};

struct BotScript {
    std::string path;
    std::string name;
    std::string description;
    std::vector<BotStep> steps;
};

struct BotLoad {
    BotScript bot;
    std::vector<Error> errors;
    bool ok() const { return errors.empty(); }
};

/// Reads a bot TOML file; `knownActions` are the valid action names besides "wait".
BotLoad loadBotScript(const std::string& path, const std::vector<std::string>& knownActions);
BotLoad parseBotScript(const std::string& text, const std::string& path, const std::vector<std::string>& knownActions);

}  // namespace cd::scenario
