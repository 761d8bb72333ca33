#include "scenario/scenario_rules.h"

#include "scenario/lua_hooks.h"

namespace cd::scenario {

const char* toString(CommandKind kind) {
    switch (kind) {
        case CommandKind::Ignite: return "ignite";
        case CommandKind::Alarm: return "alarm";
        case CommandKind::Message: return "message";
        case CommandKind::OpenDoor: return "open_door";
        case CommandKind::CloseDoor: return "close_door";
        case CommandKind::OpenWindow: return "open_window";
        case CommandKind::CloseWindow: return "close_window";
        case CommandKind::End: return "end";
    }
    return "?";
}

namespace {
CommandKind kindOf(const std::string& k) {
    if (k == "alarm") return CommandKind::Alarm;
    if (k == "open_door") return CommandKind::OpenDoor;
    if (k == "close_door") return CommandKind::CloseDoor;
    if (k == "open_window") return CommandKind::OpenWindow;
    if (k == "close_window") return CommandKind::CloseWindow;
    if (k == "end") return CommandKind::End;
    return CommandKind::Message;
}
}  // namespace

ScenarioRules::ScenarioRules(const ScenarioDef& def) {
    for (const auto& f : def.fires) {
        Pending p;
        p.command = HazardCommand{CommandKind::Ignite, f.id, "Fire starts in " + f.room, {}};
        p.dueS = f.atS;
        pending_.push_back(p);
    }
    for (const auto& e : def.timeline) {
        Pending p;
        p.command = HazardCommand{kindOf(e.kind), e.target, e.text, e.textZh};
        if (e.atS) p.dueS = *e.atS;
        p.on = e.on;
        p.delayS = e.delayS;
        pending_.push_back(p);
    }
}

ScenarioRules::~ScenarioRules() = default;

Status ScenarioRules::loadHooks(const ScenarioDef& def) {
    if (def.hooksPath.empty()) return Ok{};
    auto hooks = LuaHooks::load(def.hooksPath);
    if (!hooks) return hooks.error();
    hooks_ = std::move(*hooks);
    return hooks_->onStart(scripted_);
}

void ScenarioRules::runHook(const Status& status) {
    if (!status) scriptErrors_.push_back(status.error());
}

std::vector<Error> ScenarioRules::drainScriptErrors() {
    std::vector<Error> out;
    out.swap(scriptErrors_);
    return out;
}

void ScenarioRules::observe(const std::string& eventKind, double timeS, const std::string& subject, double value) {
    for (auto& p : pending_)
        if (!p.done && p.dueS < 0.0 && p.on == eventKind) p.dueS = timeS + p.delayS;
    if (hooks_ && eventKind.rfind("scenario.script", 0) != 0) runHook(hooks_->onEvent(eventKind, subject, value, timeS, scripted_));
}

std::vector<HazardCommand> ScenarioRules::due(double timeS) {
    std::vector<HazardCommand> out;
    if (hooks_) runHook(hooks_->onTick(timeS, scripted_));
    for (auto& c : scripted_) out.push_back(std::move(c));
    scripted_.clear();
    for (auto& p : pending_) {
        if (!p.done && p.dueS >= 0.0 && p.dueS <= timeS + 1e-9) {
            p.done = true;
            out.push_back(p.command);
        }
    }
    return out;
}

}  // namespace cd::scenario
