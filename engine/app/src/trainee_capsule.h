#pragma once
// The trainee's body as the physics capsule of the earthquake world (engine/physics
// CharacterBody): walls, stair flights, furniture and debris stop it, and it climbs stairs
// step by step. The session steers it each tick toward its move target, along a path that
// goes round furniture and debris (floor_path.h), or along the desktop's walking heading.
#include <optional>
#include <vector>

#include <glm/vec3.hpp>

#include "core/result.h"
#include "earthquake_hazard.h"
#include "scenario/scenario_def.h"

namespace cd::app {

class TraineeCapsule {
public:
    enum class Progress { Moving, Arrived, Stuck };

    /// Adds the capsule to the quake's world at the standable point nearest to feetM (a start
    /// at a room's centre may be under a desk). Errors name the scenario's [trainee] table.
    static Result<TraineeCapsule> place(EarthquakeHazard& quake, const scenario::TraineeDef& trainee, const glm::vec3& feetM);

    /// Heads for target (on this floor round obstacles; up or down a flight straight along it).
    /// speedFactor (0..1) scales the gait's speed (shaking, wading). Stuck: no headway after
    /// several new paths (the way is shut); the caller drops the target.
    Progress steerTo(const glm::vec3& target, float speedFactor, bool run, bool crouch, float tickS);
    /// Walks straight at target on this floor, no path round anything (a rescuer stepping into
    /// the ground they cleared): Arrived within 0.15 m, Stuck after 0.5 s without 5 cm of headway.
    Progress stepToward(const glm::vec3& target, float speedFactor, bool crouch, float tickS);
    /// Walks along a horizontal heading (the desktop's keys); zero stands still.
    void steerAlong(const glm::vec3& dir, float speedFactor, bool run, bool crouch);
    physics::CharacterState state() const { return quake_->trainee(); }
    /// Puts the capsule, at rest, on the standable spot nearest to feetM (within 2 m, towards
    /// towardM): out from under a desk. Any move target is dropped.
    void moveTo(const glm::vec3& feetM, const glm::vec3& towardM);
    /// Full height of the body (the standing capsule).
    float statureM() const { return heightM_; }

private:
    TraineeCapsule(EarthquakeHazard& quake, const scenario::TraineeDef& trainee);
    void input(const glm::vec3& dir, float magnitude, bool run, bool crouch);
    void plan(const glm::vec3& feet, const glm::vec3& target);

    EarthquakeHazard* quake_;
    float radiusM_, heightM_, stepM_;
    float walkSpeedMS_, runSpeedMS_;
    std::optional<glm::vec3> target_;
    std::vector<glm::vec3> path_;
    bool pathReachesGoal_ = true;
    int replans_ = 0;
    glm::vec3 checkFeet_{0.0f};
    float checkS_ = 0.0f;
};

}  // namespace cd::app
