// The session's doors: the fire model's openings are the truth (FireHazard::doorOpen); the
// trainee opens a shut door by walking into it, and the crowd opens the shut doors it passes
// through and lets them swing shut behind it.
#include "session.h"

namespace cd::app {

namespace {
/// A door closer takes at least 5 s from 90 degrees open to 12 degrees (ADA 2010 Standards
/// 404.2.8.1): a door the crowd let go of is shut that long after the last person passed.
constexpr double kCloserS = 5.0;
}  // namespace

void Session::openDoorPressedOn() {
    // Walking into a shut door opens it, as people do (a push, a handle): the trainee's own
    // action, recorded and scored as the key would be. Not by someone who is down.
    if (fedIncapacitated_ || swept_ || struck_) return;
    const std::string door = quake_->doorPressed();
    if (door.empty() || fire_->doorOpen(door)) return;
    record::TraineeAction a;
    a.kind = record::ActionKind::OpenDoor;
    a.target = door;
    a.text = "walked into it";
    act(a);
}

void Session::crowdThroughDoors(double now) {
    for (const std::string& door : crowd_->doorsInUse()) {
        auto held = crowdHeldDoors_.find(door);
        if (held != crowdHeldDoors_.end()) {
            held->second = now;
        } else if (!fire_->doorOpen(door) && fire_->setDoorOpen(door, true)) {
            crowdHeldDoors_[door] = now;
            emit("door.open", door, 0.0, "by the crowd passing through");
        }
    }
    for (auto it = crowdHeldDoors_.begin(); it != crowdHeldDoors_.end();) {
        if (now - it->second < kCloserS) {
            ++it;
            continue;
        }
        if (fire_->doorOpen(it->first) && fire_->setDoorOpen(it->first, false))
            emit("door.close", it->first, 0.0, "swung shut behind the crowd");
        it = crowdHeldDoors_.erase(it);
    }
}

}  // namespace cd::app
