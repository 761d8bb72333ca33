#pragma once
/// The walkable geometry a crowd moves through: areas (polygons on a level) joined by
/// doors (segments on shared edges, or to safety) and stairs (links between levels).
/// A scenario builds one from the district's rooms and doors, or a case file does.
#include <string>
#include <vector>

#include "core/result.h"
#include "crowd/geometry.h"

namespace cd::crowd {

/// Door target meaning "outside, safe": the door is an exit.
constexpr int kSafeArea = -1;

/// Horizontal walking speed on stairs as a fraction of the level speed, measured along the slope.
/// Up 0.5 and down 0.65: Fruin (1971) and the handbook values collected in Burghardt et al. (2014),
/// Table 1 (mean up ~0.67 m/s, down ~0.8-0.9 m/s) over a level speed of 1.34 m/s (Weidmann 1993).
constexpr double kDefaultStairUpFactor = 0.5;
constexpr double kDefaultStairDownFactor = 0.65;
/// Largest specific flow on stairs, 1/(m s): SFPE Handbook (Gwynne & Rosenbaum), ~1.0-1.1 p/(s m).
constexpr double kDefaultStairFlowPerMs = 1.1;

/// Levels are whole numbers within +-kMaxLevel (the tallest buildings have about 160 storeys).
constexpr int kMaxLevel = 200;
/// The plan's bounding box times its number of levels, m^2: the route and neighbour grids
/// cover it at 1 m and 0.75 m cells (a 2 km square on one level, 200 m by 200 m over 100).
constexpr double kMaxPlanM2 = 4.0e6;
/// Cells of one area's floor field (bounding box / cell_m^2): 500 m by 500 m at 0.25 m.
constexpr double kMaxFieldCells = 4.0e6;

struct Area {
    std::string id;
    Polygon polygon;  ///< counter-clockwise after validation (clockwise input is reversed)
    int level = 0;
    int sourceLine = 0;  ///< line in the case file, 0 when built in code
    int geometryLine = 0;  ///< line of the polygon field
};

struct Obstacle {
    Polygon polygon;
    int area = -1;  ///< the area that holds it: kept by validation when it does, else the first found
    int sourceLine = 0;
    int geometryLine = 0;
};

struct Door {
    std::string id;
    int fromArea = -1;
    int toArea = kSafeArea;  ///< another area, or kSafeArea for an exit
    Segment segment;
    bool open = true;
    int sourceLine = 0;
    int geometryLine = 0;  ///< line of the segment field
    bool isExit() const { return toArea == kSafeArea; }
    double widthM() const { return length(segment.b - segment.a); }
};

struct Stair {
    std::string id;
    int fromArea = -1;
    int toArea = -1;
    double lengthM = 0.0;  ///< walking length along the slope
    double upSpeedFactor = kDefaultStairUpFactor;
    double downSpeedFactor = kDefaultStairDownFactor;
    double maxFlowPerMs = kDefaultStairFlowPerMs;
    /// Where the stair meets each area: people step on within reach of fromSegment and
    /// step off beside toSegment. Defaults (when hasSegments is false): 1.2 m wide at the area centroid.
    Segment fromSegment;
    Segment toSegment;
    bool hasSegments = false;
    int sourceLine = 0;
    double widthM() const { return length(fromSegment.b - fromSegment.a); }
};

struct Building {
    std::vector<Area> areas;
    std::vector<Obstacle> obstacles;
    std::vector<Door> doors;
    std::vector<Stair> stairs;
    std::string sourceFile;  ///< for error messages

    int areaIndex(const std::string& id) const;
    int doorIndex(const std::string& id) const;
    int stairIndex(const std::string& id) const;
    /// Indices of doors to safety.
    std::vector<int> exits() const;
};

/// Checks and normalises a building: simple polygons (no self-intersection), doors on an edge
/// shared by both their areas, stairs joining different levels, obstacles inside an area.
/// Errors name the file, the element's line and the field.
Status validateBuilding(Building& b);

}  // namespace cd::crowd
