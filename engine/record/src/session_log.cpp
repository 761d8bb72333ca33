#include "record/session_log.h"

#include <array>
#include <utility>

namespace cd::record {
namespace {

// One table keeps the names and the enum in step; the snake_case names are what the
// database, the scenario files and the xAPI export use.
constexpr std::array<std::pair<ActionKind, const char*>, 20> kActionNames{{
    {ActionKind::Move, "move"},
    {ActionKind::Look, "look"},
    {ActionKind::Crouch, "crouch"},
    {ActionKind::Stand, "stand"},
    {ActionKind::OpenDoor, "open_door"},
    {ActionKind::CloseDoor, "close_door"},
    {ActionKind::PullAlarm, "pull_alarm"},
    {ActionKind::UseExtinguisher, "use_extinguisher"},
    {ActionKind::CallEmergency, "call_emergency"},
    {ActionKind::Report, "report"},
    {ActionKind::TagCasualty, "tag_casualty"},
    {ActionKind::LeadGroup, "lead_group"},
    {ActionKind::DropCoverHold, "drop_cover_hold"},
    {ActionKind::Pause, "pause"},
    {ActionKind::Resume, "resume"},
    {ActionKind::UseLift, "use_lift"},
    {ActionKind::ClearDebris, "clear_debris"},
    {ActionKind::CoolGas, "cool_gas"},
    {ActionKind::OpenWindow, "open_window"},
    {ActionKind::CloseWindow, "close_window"},
}};

}  // namespace

const char* toString(ActionKind kind) {
    for (const auto& [k, name] : kActionNames)
        if (k == kind) return name;
    return "unknown";
}

bool parseActionKind(const std::string& name, ActionKind& out) {
    for (const auto& [k, n] : kActionNames) {
        if (name == n) {
            out = k;
            return true;
        }
    }
    return false;
}

std::vector<std::string> actionKindNames() {
    std::vector<std::string> names;
    for (const auto& entry : kActionNames) names.emplace_back(entry.second);
    return names;
}

}  // namespace cd::record
