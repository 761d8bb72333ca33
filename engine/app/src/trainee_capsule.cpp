#include "trainee_capsule.h"

#include <algorithm>
#include <cmath>

#include "floor_path.h"

namespace cd::app {

namespace {
constexpr float kArriveM = 0.15f;       // as the session's move targets
constexpr float kWaypointM = 0.2f;      // a path's corner counts as passed within this
constexpr float kStairClimbM = 0.5f;    // a target this far above or below is up or down a flight
constexpr float kStairSpeed = 0.6f;     // on a flight, of the level speed (Fruin; RiMEA)
constexpr float kHeadroomM = 0.12f;     // capsule top above the eye
constexpr float kStuckWindowS = 1.0f;   // headway is checked over this long
constexpr float kStuckMoveM = 0.1f;     // less than this in the window is no headway
constexpr int kMaxReplans = 3;
}  // namespace

TraineeCapsule::TraineeCapsule(EarthquakeHazard& quake, const scenario::TraineeDef& t)
    : quake_(&quake),
      radiusM_(0.25f),
      heightM_(static_cast<float>(t.eyeHeightM) + kHeadroomM),
      stepM_(0.3f),
      walkSpeedMS_(static_cast<float>(t.walkSpeedMps)),
      runSpeedMS_(static_cast<float>(t.runSpeedMps)) {}

Result<TraineeCapsule> TraineeCapsule::place(EarthquakeHazard& quake, const scenario::TraineeDef& t, const glm::vec3& feetM) {
    TraineeCapsule c(quake, t);
    FloorPathQuery q;
    q.standable = [&](const glm::vec3& p) { return quake.standable(p, c.radiusM_, c.heightM_, c.stepM_); };
    physics::CharacterDef def;
    def.feetM = nearestStandable(feetM, 2.0f, q);
    def.radiusM = c.radiusM_;
    def.standHeightM = c.heightM_;
    def.crouchHeightM = std::max(2.2f * c.radiusM_, static_cast<float>(t.crouchEyeHeightM) + kHeadroomM);
    def.stepHeightM = c.stepM_;
    def.walkSpeedMS = static_cast<float>(t.walkSpeedMps);
    def.runSpeedMS = static_cast<float>(t.runSpeedMps);
    def.crouchSpeedMS = 0.5f * static_cast<float>(t.walkSpeedMps);
    if (auto st = quake.addTrainee(def); !st) return st.error();
    return c;
}

void TraineeCapsule::moveTo(const glm::vec3& feetM, const glm::vec3& towardM) {
    FloorPathQuery q;
    q.standable = [&](const glm::vec3& p) { return quake_->standable(p, radiusM_, heightM_, stepM_); };
    quake_->placeTrainee(nearestStandable(feetM, 2.0f, q, towardM));
    target_.reset();
    path_.clear();
}

void TraineeCapsule::input(const glm::vec3& dir, float magnitude, bool run, bool crouch) {
    physics::CharacterInput in;
    in.moveDir = glm::vec2(dir.x, dir.y) * std::clamp(magnitude, 0.0f, 1.0f);
    in.gait = crouch ? physics::Gait::Crouch : (run ? physics::Gait::Run : physics::Gait::Walk);
    if (dir.x != 0.0f || dir.y != 0.0f) in.yawRad = std::atan2(dir.y, dir.x);
    quake_->setTraineeInput(in);
}

void TraineeCapsule::plan(const glm::vec3& feet, const glm::vec3& target) {
    const float h = heightM_;
    path_.clear();
    pathReachesGoal_ = true;
    if (quake_->clearWalk(feet, target, radiusM_, h, stepM_)) {
        path_.push_back(target);
        return;
    }
    FloorPathQuery q;
    q.standable = [&](const glm::vec3& p) { return quake_->standable(p, radiusM_, h, stepM_); };
    q.clearWalk = [&](const glm::vec3& a, const glm::vec3& b) { return quake_->clearWalk(a, b, radiusM_, h, stepM_); };
    FloorPath fp = findFloorPath(feet, target, q);
    if (fp.waypoints.empty()) {
        path_.push_back(target);  // boxed in: push on and let the stuck check give up
        return;
    }
    path_ = std::move(fp.waypoints);
    pathReachesGoal_ = fp.reachesGoal;
}

TraineeCapsule::Progress TraineeCapsule::steerTo(const glm::vec3& target, float speedFactor, bool run, bool crouch, float tickS) {
    const glm::vec3 feet = state().feetM;
    if (!target_ || *target_ != target) {
        target_ = target;
        path_.clear();
        replans_ = 0;
        checkFeet_ = feet;
        checkS_ = 0.0f;
    }
    const glm::vec3 to = target - feet;
    const float dist = std::sqrt(to.x * to.x + to.y * to.y);
    const bool flight = std::fabs(to.z) > kStairClimbM;
    if (dist <= kArriveM && !flight) {
        input(glm::vec3(0.0f), 0.0f, run, crouch);
        target_.reset();
        return Progress::Arrived;
    }
    // Headway: too little in the last second means the way is shut; find another, then give up.
    checkS_ += tickS;
    if (checkS_ >= kStuckWindowS) {
        const glm::vec3 moved = feet - checkFeet_;
        if (std::sqrt(moved.x * moved.x + moved.y * moved.y) + std::fabs(moved.z) < kStuckMoveM * speedFactor) {
            path_.clear();
            if (++replans_ > kMaxReplans) {
                input(glm::vec3(0.0f), 0.0f, run, crouch);
                target_.reset();
                return Progress::Stuck;
            }
        }
        checkFeet_ = feet;
        checkS_ = 0.0f;
    }
    glm::vec3 aim = target;
    float factor = speedFactor;
    if (flight) {
        factor *= kStairSpeed;  // a flight is a straight run from one end to the other
    } else {
        if (path_.empty()) plan(feet, target);
        while (path_.size() > 1 && glm::length(glm::vec2(path_.front() - feet)) < kWaypointM) path_.erase(path_.begin());
        aim = path_.front();
        // A goal nobody can stand on: the end of the path beside it is as near as one gets.
        if (path_.size() == 1 && !pathReachesGoal_ && glm::length(glm::vec2(aim - feet)) < kWaypointM) {
            input(glm::vec3(0.0f), 0.0f, run, crouch);
            target_.reset();
            return Progress::Arrived;
        }
    }
    glm::vec3 dir(aim.x - feet.x, aim.y - feet.y, 0.0f);
    const float len = glm::length(dir);
    if (len < 1e-4f) {
        input(glm::vec3(0.0f), 0.0f, run, crouch);
        return Progress::Moving;
    }
    dir /= len;
    // Slow down on the last stretch so as not to overshoot it within a tick.
    const float gaitSpeed = crouch ? 0.5f * walkSpeedMS_ : (run ? runSpeedMS_ : walkSpeedMS_);
    if (!flight && path_.size() == 1) factor = std::min(factor, len / std::max(1e-3f, gaitSpeed * tickS));
    input(dir, factor, run, crouch);
    return Progress::Moving;
}

TraineeCapsule::Progress TraineeCapsule::stepToward(const glm::vec3& target, float speedFactor, bool crouch, float tickS) {
    constexpr float kStepWindowS = 0.5f, kStepHeadwayM = 0.05f;
    const glm::vec3 feet = state().feetM;
    if (!target_ || *target_ != target) {
        target_ = target;
        path_.clear();
        checkFeet_ = feet;
        checkS_ = 0.0f;
    }
    glm::vec3 dir(target.x - feet.x, target.y - feet.y, 0.0f);
    const float len = glm::length(dir);
    checkS_ += tickS;
    bool stuck = false;
    if (checkS_ >= kStepWindowS) {
        stuck = glm::length(glm::vec2(feet - checkFeet_)) < kStepHeadwayM * speedFactor;
        checkFeet_ = feet;
        checkS_ = 0.0f;
    }
    if (len <= kArriveM || stuck) {
        input(glm::vec3(0.0f), 0.0f, false, crouch);
        target_.reset();
        return len <= kArriveM ? Progress::Arrived : Progress::Stuck;
    }
    const float gaitSpeed = crouch ? 0.5f * walkSpeedMS_ : walkSpeedMS_;
    input(dir / len, std::min(speedFactor, len / std::max(1e-3f, gaitSpeed * tickS)), false, crouch);
    return Progress::Moving;
}

void TraineeCapsule::steerAlong(const glm::vec3& dir, float speedFactor, bool run, bool crouch) {
    target_.reset();
    const float len = std::sqrt(dir.x * dir.x + dir.y * dir.y);
    input(len > 1e-6f ? glm::vec3(dir.x / len, dir.y / len, 0.0f) : glm::vec3(0.0f), len > 1e-6f ? speedFactor : 0.0f, run, crouch);
}

}  // namespace cd::app
