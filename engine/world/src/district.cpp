// Lookups on a loaded district and the terrain's bilinear elevation.
#include "world/district.h"

#include <algorithm>
#include <cmath>

#include <glm/common.hpp>

namespace cd::world {

float Terrain::heightAt(float x, float y) const {
    if (nx <= 0 || ny <= 0 || heightsM.size() != std::size_t(nx) * ny) return 0.0f;
    // Samples sit at cell centres, so shift by half a cell before interpolating.
    const float fx = std::clamp((x - originM.x) / cellM - 0.5f, 0.0f, float(nx - 1));
    const float fy = std::clamp((y - originM.y) / cellM - 0.5f, 0.0f, float(ny - 1));
    const int i0 = std::min(int(fx), nx - 1), j0 = std::min(int(fy), ny - 1);
    const int i1 = std::min(i0 + 1, nx - 1), j1 = std::min(j0 + 1, ny - 1);
    const float tx = fx - float(i0), ty = fy - float(j0);
    auto h = [&](int i, int j) { return heightsM[std::size_t(j) * nx + i]; };
    const float south = h(i0, j0) + (h(i1, j0) - h(i0, j0)) * tx;
    const float north = h(i0, j1) + (h(i1, j1) - h(i0, j1)) * tx;
    return south + (north - south) * ty;
}

namespace {
template <class T>
const T* findById(const std::vector<T>& items, const std::string& id) {
    for (const T& item : items)
        if (item.id == id) return &item;
    return nullptr;
}
}  // namespace

const Room* District::findRoom(const std::string& id) const { return findById(rooms, id); }
const Door* District::findDoor(const std::string& id) const { return findById(doors, id); }
const Window* District::findWindow(const std::string& id) const { return findById(windows, id); }
const Exit* District::findExit(const std::string& id) const { return findById(exits, id); }
const AssemblyPoint* District::findAssemblyPoint(const std::string& id) const { return findById(assemblyPoints, id); }
const Building* District::findBuilding(const std::string& id) const { return findById(buildings, id); }
const Stair* District::findStair(const std::string& id) const { return findById(stairs, id); }

const Room* District::roomAt(const glm::vec3& p) const {
    for (const Room& r : rooms)
        if (r.box.contains(p)) return &r;
    return nullptr;
}

const Room* District::roomNear(const glm::vec3& p, float toleranceM) const {
    if (const Room* r = roomAt(p)) return r;
    const Room* best = nullptr;
    float bestD = toleranceM;
    for (const Room& r : rooms) {
        const glm::vec3 q = glm::clamp(p, r.box.min, r.box.max);
        const glm::vec3 d = p - q;
        const float dist = std::sqrt(d.x * d.x + d.y * d.y + d.z * d.z);
        if (dist <= bestD) {
            bestD = dist;
            best = &r;
        }
    }
    return best;
}

std::vector<const Door*> District::doorsOf(const std::string& roomId) const {
    std::vector<const Door*> out;
    for (const Door& d : doors)
        if (d.roomA == roomId || d.roomB == roomId) out.push_back(&d);
    return out;
}

std::vector<const Room*> District::roomsOn(const std::string& buildingId, int storey) const {
    std::vector<const Room*> out;
    for (const Room& r : rooms)
        if (r.building == buildingId && r.storey == storey) out.push_back(&r);
    return out;
}

const char* roomKindName(RoomKind kind) {
    switch (kind) {
        case RoomKind::Classroom: return "classroom";
        case RoomKind::Corridor: return "corridor";
        case RoomKind::Stairwell: return "stairwell";
        case RoomKind::Hall: return "hall";
        case RoomKind::Office: return "office";
        case RoomKind::Other: return "other";
    }
    return "other";
}

bool parseRoomKind(const std::string& name, RoomKind& out) {
    for (RoomKind k : {RoomKind::Classroom, RoomKind::Corridor, RoomKind::Stairwell, RoomKind::Hall, RoomKind::Office, RoomKind::Other}) {
        if (name == roomKindName(k)) {
            out = k;
            return true;
        }
    }
    return false;
}

bool pointInPolygon(const std::vector<glm::vec2>& poly, const glm::vec2& p) {
    bool inside = false;
    for (std::size_t i = 0, j = poly.size() - 1; i < poly.size(); j = i++) {
        const glm::vec2 a = poly[i], b = poly[j];
        if ((a.y > p.y) != (b.y > p.y) && p.x < (b.x - a.x) * (p.y - a.y) / (b.y - a.y) + a.x) inside = !inside;
    }
    return inside;
}

}  // namespace cd::world
