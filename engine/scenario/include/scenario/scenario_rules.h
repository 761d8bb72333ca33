#pragma once
/// The scenario's rules at run time: the timeline (events at a time, or triggered by a
/// simulation event plus a delay) and fire ignitions. Each tick the app passes the time and
/// the simulation events of the previous tick; the rules answer with hazard commands.
/// Pure and deterministic: no access to the world, only ids.
#include <memory>
#include <string>
#include <vector>

#include "core/result.h"
#include "scenario/scenario_def.h"

namespace cd::scenario {

enum class CommandKind { Ignite, Alarm, Message, OpenDoor, CloseDoor, OpenWindow, CloseWindow, End };

struct HazardCommand {
    CommandKind kind = CommandKind::Message;
    std::string target;  ///< fire id for Ignite, door id for door commands
    std::string text;
    std::string textZh;
};

const char* toString(CommandKind kind);

class LuaHooks;

class ScenarioRules {
public:
    explicit ScenarioRules(const ScenarioDef& def);
    ~ScenarioRules();

    /// Loads the scenario's Lua hooks (if it names a file) and runs on_start.
    Status loadHooks(const ScenarioDef& def);
    /// Script errors since the last call (the hooks are off after one); the session records them.
    std::vector<Error> drainScriptErrors();

    /// Simulation event kinds seen since the last call (e.g. "fire.detected").
    void observe(const std::string& eventKind, double timeS, const std::string& subject = {}, double value = 0.0);
    /// Commands due at timeS (each fires once), in definition order.
    std::vector<HazardCommand> due(double timeS);

private:
    struct Pending {
        HazardCommand command;
        double dueS = -1.0;    ///< < 0: waiting for its trigger
        std::string on;        ///< trigger kind
        double delayS = 0.0;
        bool done = false;
    };
    void runHook(const Status& status);

    std::vector<Pending> pending_;
    std::unique_ptr<LuaHooks> hooks_;
    std::vector<HazardCommand> scripted_;
    std::vector<Error> scriptErrors_;
};

}  // namespace cd::scenario
