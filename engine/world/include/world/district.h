#pragma once
/// The district as data: terrain, buildings, storeys, rooms, doors, stairs, exits and
/// the assembly point. Coordinates in metres, Z up (x east, y north). Hazards, crowds,
/// physics and scoring read this; the renderer draws the district's glTF model.
#include <string>
#include <vector>

#include <glm/vec2.hpp>
#include <glm/vec3.hpp>

#include "core/result.h"

namespace cd::world {

struct Aabb {
    glm::vec3 min{0.0f};
    glm::vec3 max{0.0f};
    glm::vec3 center() const { return (min + max) * 0.5f; }
    glm::vec3 size() const { return max - min; }
    bool contains(const glm::vec3& p) const {
        return p.x >= min.x && p.x <= max.x && p.y >= min.y && p.y <= max.y && p.z >= min.z && p.z <= max.z;
    }
};

/// Ground elevation on a regular grid (cell centres), row 0 at the south edge.
struct Terrain {
    int nx = 0, ny = 0;
    float cellM = 1.0f;
    glm::vec2 originM{0.0f};  ///< lower-left corner of cell (0,0)
    std::vector<float> heightsM;  ///< nx * ny, index = j * nx + i
    /// Bilinear elevation at (x, y); clamps outside the grid.
    float heightAt(float x, float y) const;
};

enum class RoomKind { Classroom, Corridor, Stairwell, Hall, Office, Other };

struct Room {
    std::string id;        ///< unique in the district, e.g. "A.1.classroom3"
    std::string building;  ///< building id
    int storey = 0;        ///< 0 = ground floor
    RoomKind kind = RoomKind::Other;
    Aabb box;              ///< interior volume
};

struct Door {
    std::string id;
    std::string roomA;     ///< a room id
    std::string roomB;     ///< a room id, or "outside"
    glm::vec3 centerM{0.0f};  ///< centre of the opening at floor level
    glm::vec3 normal{1.0f, 0.0f, 0.0f};  ///< horizontal, pointing from roomA to roomB
    float widthM = 0.9f;
    float heightM = 2.1f;
    bool isExit = false;   ///< leads outside
};

/// A glazed window in an outside wall (the fire model keeps it shut until the glass falls out).
struct Window {
    std::string id;
    std::string room;          ///< the room it lights
    glm::vec3 centerM{0.0f};   ///< centre of the opening at sill level, wall mid-plane
    glm::vec3 normal{1.0f, 0.0f, 0.0f};  ///< horizontal, pointing out of the room
    float widthM = 1.2f;
    float heightM = 1.5f;      ///< sill to head
    /// Its glass: "float" (annealed) or "toughened"; one pane or two (double glazing); each
    /// pane's thickness. The fire model heats it through and breaks it (fire/window_glass.h).
    std::string glazing = "float";
    int panes = 1;
    float glassThicknessM = 0.004f;
};

struct Stair {
    std::string id;
    std::string lowerRoom;  ///< stairwell room on the lower storey
    std::string upperRoom;  ///< stairwell room on the upper storey
    float lengthM = 0.0f;   ///< walking length along the flight
    glm::vec3 bottomM{0.0f};  ///< foot of the flight (in lowerRoom)
    glm::vec3 topM{0.0f};     ///< head of the flight (in upperRoom)
    /// Clear width of the flight across its run. Optional in the manifest ("widthM"); when
    /// absent it is 1.2 m, about the 1118 mm minimum of IBC 1011.2 for stairs serving 50+ people.
    float widthM = 1.2f;
};

struct Building {
    std::string id;
    std::string name;
    Aabb box;               ///< whole building
    int storeys = 1;
    float storeyHeightM = 3.5f;
};

struct Exit {
    std::string id;
    std::string door;       ///< the exit door's id
    glm::vec3 positionM{0.0f};  ///< just outside the door
};

struct AssemblyPoint {
    std::string id;
    glm::vec3 positionM{0.0f};
    float radiusM = 10.0f;
};

struct District {
    std::string name;
    std::string manifestPath;  ///< where it was loaded from
    std::string modelPath;     ///< glTF of the whole district, absolute or relative to the manifest
    Terrain terrain;
    std::vector<Building> buildings;
    std::vector<Room> rooms;
    std::vector<Door> doors;
    std::vector<Window> windows;  ///< optional in the manifest
    std::vector<Stair> stairs;
    std::vector<Exit> exits;
    std::vector<AssemblyPoint> assemblyPoints;
    /// Low area by the stream (for flood scenarios): polygon in the ground plane.
    std::vector<glm::vec2> lowAreaM;

    const Room* findRoom(const std::string& id) const;
    const Door* findDoor(const std::string& id) const;
    const Window* findWindow(const std::string& id) const;
    const Exit* findExit(const std::string& id) const;
    const AssemblyPoint* findAssemblyPoint(const std::string& id) const;
    /// The room whose box contains p, or nullptr (outside).
    const Room* roomAt(const glm::vec3& p) const;
    /// Like roomAt, but also accepts points within toleranceM of a room box (doorways, wall thickness).
    const Room* roomNear(const glm::vec3& p, float toleranceM) const;
    const Building* findBuilding(const std::string& id) const;
    const Stair* findStair(const std::string& id) const;
    /// Doors with roomA or roomB equal to roomId, in manifest order.
    std::vector<const Door*> doorsOf(const std::string& roomId) const;
    /// Rooms of one storey of one building, in manifest order.
    std::vector<const Room*> roomsOn(const std::string& buildingId, int storey) const;
};

/// "classroom", "corridor", "stairwell", "hall", "office", "other" (the manifest's spelling).
const char* roomKindName(RoomKind kind);
/// Parses the manifest's spelling; false if unknown.
bool parseRoomKind(const std::string& name, RoomKind& out);
/// True if p (ground plane) lies inside the polygon (even-odd rule).
bool pointInPolygon(const std::vector<glm::vec2>& polygon, const glm::vec2& p);

/// Loads a district manifest (JSON); errors name the file and the field.
Result<District> loadDistrict(const std::string& manifestPath);
/// Parses manifest text; sourcePath names the file in errors and resolves relative paths
/// (the terrain's "dem" file, the model).
Result<District> parseDistrict(const std::string& jsonText, const std::string& sourcePath);

}  // namespace cd::world
