// The session's doors: the fire model's openings are the truth (FireHazard::doorOpen). The
// trainee opens a shut door by walking into it, and the crowd opens the shut doors it passes
// through; a door pushed open so swings shut behind the last one through (its closer). A door
// opened with the key (or by the scenario) stays as it was left.
#include "session.h"

#include <algorithm>
#include <cmath>

namespace cd::app {

namespace {
/// A door closer takes at least 5 s from 90 degrees open to 12 degrees (ADA 2010 Standards
/// 404.2.8.1): a door the crowd let go of is shut that long after the last person passed.
constexpr double kCloserS = 5.0;
/// Someone this close to a door's line (and its width) is passing through it.
constexpr float kPassingM = 0.6f;
}  // namespace

void Session::openDoorPressedOn() {
    // Walking into a shut door opens it, as people do (a push, a handle): the trainee's own
    // action, recorded and scored as the key would be. Not by someone who is down.
    if (incapacitated()) return;
    const std::string door = quake_->doorPressed();
    if (door.empty() || fire_->doorOpen(door)) return;
    record::TraineeAction a;
    a.kind = record::ActionKind::OpenDoor;
    a.target = door;
    a.text = "walked into it";
    act(a);
}

void Session::followPassedDoors(double now) {
    // Someone passing: the crowd (opening a shut door as they go), and the trainee within a step
    // of a door they pushed open.
    if (crowd_)
        for (const std::string& door : crowd_->doorsInUse()) {
            if (quake_) quake_->openLeafAtStop(door);
            auto held = passedDoors_.find(door);
            if (held != passedDoors_.end()) {
                held->second = {now, "the crowd"};
            } else if (!fire_->doorOpen(door) && fire_->setDoorOpen(door, true)) {
                passedDoors_[door] = {now, "the crowd"};
                emit("door.open", door, 0.0, "by the crowd passing through");
            }
        }
    for (auto& [id, use] : passedDoors_) {
        const world::Door* d = setup_.district->findDoor(id);
        if (!d || std::fabs(d->centerM.z - body_.feetM.z) > 1.0f) continue;
        const glm::vec3 along(-d->normal.y, d->normal.x, 0.0f);
        const glm::vec3 v = body_.feetM - d->centerM;
        const float across = std::fabs(v.x * d->normal.x + v.y * d->normal.y);
        const float aside = std::max(0.0f, std::fabs(v.x * along.x + v.y * along.y) - 0.5f * d->widthM);
        if (across <= kPassingM && aside <= kPassingM) use = {now, "the trainee"};
    }
    for (auto it = passedDoors_.begin(); it != passedDoors_.end();) {
        if (now - it->second.lastS < kCloserS) {
            ++it;
            continue;
        }
        if (fire_->doorOpen(it->first) && fire_->setDoorOpen(it->first, false))
            emit("door.close", it->first, 0.0, std::string("swung shut behind ") + it->second.who);
        it = passedDoors_.erase(it);
    }
}

}  // namespace cd::app
