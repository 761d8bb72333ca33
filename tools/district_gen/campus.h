#pragma once
// The generated school campus: the District (what the engine loads) plus the planning
// detail the geometry needs (wall lines, openings, outdoor features).
#include <cstdint>
#include <string>
#include <vector>

#include <glm/vec2.hpp>
#include <glm/vec3.hpp>

#include "world/district.h"

namespace cd::districtgen {

struct Rect {
    float x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    bool contains(float x, float y, float margin = 0.0f) const {
        return x >= x0 - margin && x <= x1 + margin && y >= y0 - margin && y <= y1 + margin;
    }
    glm::vec2 centre() const { return {(x0 + x1) * 0.5f, (y0 + y1) * 0.5f}; }
};

/// A gap in a wall: a door (from the floor) or a window (glazed).
struct Opening {
    float centre = 0;   ///< along the wall
    float width = 1;
    float bottom = 0;   ///< above the storey floor
    float top = 2.1f;
    bool glazed = false;
};

/// A straight wall of one storey; `alongX` walls run east-west at y = at.
struct Wall {
    bool alongX = true;
    float at = 0;        ///< centre line (y for alongX walls, x otherwise)
    float from = 0, to = 0;
    float z0 = 0, z1 = 0;
    bool exterior = false;
    std::vector<Opening> openings;
};

struct Flight {
    int storey = 0;       ///< climbs from this storey to the next
    float x0 = 0, x1 = 0; ///< strip across
    float yBottom = 0, yTop = 0;
    float zBottom = 0, zTop = 0;
};

struct BuildingPlan {
    std::string id;
    std::string name;
    float x0 = 0, y0 = 0;          ///< outer south-west corner
    std::vector<float> xLines;     ///< wall centre lines, west to east
    std::vector<float> yLines;     ///< wall centre lines, south to north
    int corridorBand = 0;          ///< index of the corridor band between yLines
    int storeys = 2;
    float baseZ = 0;               ///< ground-floor level
    bool doubleLoaded = true;
    bool brick = true;
    std::vector<std::vector<Wall>> walls;  ///< per storey
    std::vector<Flight> flights;
    float x1() const { return xLines.back() + kWallM * 0.5f; }
    float y1() const { return yLines.back() + kWallM * 0.5f; }
    static constexpr float kWallM = 0.25f;
    static constexpr float kStoreyM = 3.5f;
    static constexpr float kSlabM = 0.3f;
};

struct Car {
    float x, y, heading;  ///< heading 0 = facing +x
    int colour;
};

struct Campus {
    std::uint64_t seed = 0;
    float sizeM = 300.0f;
    world::District district;
    std::vector<BuildingPlan> plans;
    std::vector<Rect> roads, paths;
    Rect parking, playground, sportsField;
    std::vector<glm::vec2> trees;
    std::vector<float> treeScale;
    std::vector<glm::vec3> benches;  ///< x, y, heading (radians, 0 or pi/2 multiples)
    std::vector<Car> cars;
    Rect fence;                      ///< fence runs around this rectangle
    std::vector<Rect> fenceGates;    ///< gaps
    float streamPhase = 0;
    float waterLevelM = 0;
    std::vector<glm::vec2> streamLine;

    float streamY(float x) const;
};

/// Lays out the whole campus from the seed (terrain, buildings, rooms, doors, props).
Campus generateCampus(std::uint64_t seed);

}  // namespace cd::districtgen
