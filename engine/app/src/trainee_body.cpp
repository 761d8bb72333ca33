#include "trainee_body.h"

#include <cmath>

namespace cd::app {

namespace {
constexpr float kWallPassM = 0.35f;   // how far a door opening reaches either side of the wall plane
constexpr float kStoreyTolM = 0.6f;   // feet may be this far above a floor and still be on it

bool insideShrunk(const world::Aabb& b, const glm::vec3& p, float r) {
    return p.x >= b.min.x + r && p.x <= b.max.x - r && p.y >= b.min.y + r && p.y <= b.max.y - r &&
           p.z >= b.min.z - kStoreyTolM && p.z <= b.min.z + kStoreyTolM;
}
}  // namespace

const world::Room* TraineeMotion::roomAt(const glm::vec3& p) const {
    for (const auto& room : district_.rooms)
        if (insideShrunk(room.box, p, 0.0f)) return &room;
    return nullptr;
}

bool TraineeMotion::inDoorway(const glm::vec3& p, float radiusM) const {
    for (const auto& d : district_.doors) {
        if (!blockedDoors_.empty() && blockedDoors_.count(d.id)) continue;
        glm::vec3 rel = p - d.centerM;
        if (std::fabs(rel.z) > kStoreyTolM) continue;
        glm::vec3 along(-d.normal.y, d.normal.x, 0.0f);
        float across = rel.x * d.normal.x + rel.y * d.normal.y;
        float side = rel.x * along.x + rel.y * along.y;
        float half = 0.5f * d.widthM - 0.5f * radiusM;
        if (std::fabs(across) <= kWallPassM + radiusM && std::fabs(side) <= std::max(half, 0.05f)) return true;
    }
    return false;
}

void TraineeMotion::setDoorBlocked(const std::string& doorId, bool blocked) {
    if (blocked) blockedDoors_.insert(doorId);
    else blockedDoors_.erase(doorId);
}

bool TraineeMotion::insideAnyBuilding(const glm::vec3& p, float marginM) const {
    for (const auto& b : district_.buildings)
        if (p.x >= b.box.min.x - marginM && p.x <= b.box.max.x + marginM && p.y >= b.box.min.y - marginM &&
            p.y <= b.box.max.y + marginM && p.z < b.box.max.z)
            return true;
    return false;
}

bool TraineeMotion::walkable(const glm::vec3& p, float radiusM, const world::Room* currentRoom) const {
    if (inDoorway(p, radiusM)) return true;
    for (const auto& room : district_.rooms) {
        if (!insideShrunk(room.box, p, radiusM)) continue;
        // Stay on the storey you are on: rooms of other storeys overlap in plan.
        if (currentRoom && room.building == currentRoom->building && room.storey != currentRoom->storey) continue;
        return true;
    }
    if (currentRoom && currentRoom->storey > 0) return false;  // no stepping out of an upper floor
    return !insideAnyBuilding(p, radiusM);
}

float TraineeMotion::groundHeight(const glm::vec3& p, const world::Room* room) const {
    if (room) return room->box.min.z;
    return district_.terrain.heightAt(p.x, p.y);
}

bool TraineeMotion::place(TraineeBody& body, const glm::vec3& p) const {
    const world::Room* room = roomAt(p);
    glm::vec3 q = p;
    q.z = groundHeight(p, room);
    if (!walkable(q, body.radiusM, room)) return false;
    body.feetM = q;
    body.room = room;
    return true;
}

void TraineeMotion::walk(TraineeBody& body, glm::vec3 delta) const {
    delta.z = 0.0f;
    for (int axis = 0; axis < 2; ++axis) {
        glm::vec3 step(0.0f);
        step[axis] = delta[axis];
        if (step[axis] == 0.0f) continue;
        glm::vec3 next = body.feetM + step;
        if (!walkable(next, body.radiusM, body.room)) continue;
        const world::Room* room = nullptr;
        for (const auto& r : district_.rooms)
            if (insideShrunk(r.box, next, 0.0f) &&
                (!body.room || r.building != body.room->building || r.storey == body.room->storey)) {
                room = &r;
                break;
            }
        if (!room && inDoorway(next, body.radiusM) && insideAnyBuilding(next, 0.0f)) {
            room = body.room;  // in the thickness of an inner wall: still on this floor
            next.z = body.feetM.z;
        } else {
            next.z = groundHeight(next, room);
        }
        body.feetM = next;
        body.room = room;
    }
}

bool TraineeMotion::takeStairs(TraineeBody& body, int direction) const {
    if (!body.room) return false;
    for (const auto& s : district_.stairs) {
        const std::string& from = direction > 0 ? s.lowerRoom : s.upperRoom;
        const std::string& to = direction > 0 ? s.upperRoom : s.lowerRoom;
        if (from != body.room->id) continue;
        const world::Room* target = district_.findRoom(to);
        if (!target) return false;
        glm::vec3 c = target->box.center();
        c.z = target->box.min.z;
        body.feetM = c;
        body.room = target;
        return true;
    }
    return false;
}

void TraineeMotion::moveFreely(TraineeBody& body, const glm::vec3& p) const {
    body.feetM = p;
    const world::Room* room = roomAt(p);
    if (room) body.room = room;
    else if (!insideAnyBuilding(p, 0.0f)) body.room = nullptr;
}

}  // namespace cd::app
