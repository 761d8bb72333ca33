#pragma once
// The trainee's body in the district: feet position, view direction, posture, and the
// walking rules that keep it inside rooms, door openings and the open ground. Walls are the
// gaps between room boxes: a body of radius r fits in a room shrunk by r, crosses between
// rooms only through a door opening, and leaves a building only through an exit.
#include <set>
#include <string>

#include <glm/vec3.hpp>

#include "world/district.h"

namespace cd::app {

struct TraineeBody {
    glm::vec3 feetM{0.0f};
    float yawDeg = 0.0f;    ///< 0 = looking along +x (east), 90 = +y (north)
    float pitchDeg = 0.0f;
    bool crouched = false;
    float radiusM = 0.25f;
    const world::Room* room = nullptr;  ///< nullptr = outdoors
};

class TraineeMotion {
public:
    explicit TraineeMotion(const world::District& district) : district_(district) {}

    /// Places the body (ground height from the floor or terrain); false if p is not walkable.
    bool place(TraineeBody& body, const glm::vec3& p) const;
    /// Moves horizontally by delta, sliding along walls: the move is split into x and y parts
    /// and each part is kept only if the body stays in walkable space.
    void walk(TraineeBody& body, glm::vec3 delta) const;
    /// Takes the stairs from the body's stairwell to the one above (+1) or below (-1).
    bool takeStairs(TraineeBody& body, int direction) const;
    /// Moves straight to p without the wall rule (for scripted moves along graph edges, e.g. a flight of stairs).
    void moveFreely(TraineeBody& body, const glm::vec3& p) const;

    /// A blocked door (debris) cannot be walked through.
    void setDoorBlocked(const std::string& doorId, bool blocked);
    bool walkable(const glm::vec3& p, float radiusM, const world::Room* currentRoom) const;
    const world::Room* roomAt(const glm::vec3& p) const;
    float groundHeight(const glm::vec3& p, const world::Room* room) const;

private:
    bool inDoorway(const glm::vec3& p, float radiusM) const;
    bool insideAnyBuilding(const glm::vec3& p, float marginM) const;

    const world::District& district_;
    std::set<std::string> blockedDoors_;
};

}  // namespace cd::app
