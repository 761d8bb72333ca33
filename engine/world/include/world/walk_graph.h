#pragma once
/// The walkable graph of a district: where a person can go and how far it is.
/// Nodes sit at room centres (floor level), door centres, the two ends of every stair
/// flight, the point just outside every exit, and the assembly points. Rooms are boxes,
/// hence convex, so any two nodes of one room are joined by a straight walkable edge.
///
/// Outdoors is a visibility graph. Its nodes are the exits' outside points, the assembly
/// points, and one Corner node kOutdoorClearanceM diagonally outside each corner of every
/// building footprint (Building::box; a corner inside another building is dropped). Every
/// pair of outdoor nodes whose straight segment crosses no footprint (shrunk by
/// kFootprintInsetM, so a walk along a wall is fine) is joined by an Outdoor edge, so
/// Dijkstra routes round buildings: over rectangles the shortest path bends only at their
/// corners, here at the corners of each footprint grown by the clearance. Terrain slope,
/// fences and parked cars are not modelled. A free outdoor start point is joined to every
/// outdoor node it can see. Doors and rooms can be blocked (smoke, debris) and a room's
/// edges made costlier (light smoke) to re-route.
#include <cstdint>
#include <string>
#include <vector>

#include <glm/vec3.hpp>

#include "world/district.h"
#include "world/footprint.h"

namespace cd::world {

/// Corner: an outdoor waypoint just outside a corner of a building's footprint.
enum class WalkNodeKind { Room, Door, StairEnd, ExitOutside, AssemblyPoint, Corner };

/// How far outside a footprint corner its Corner node sits, along x and along y (a person's
/// clearance from the wall).
inline constexpr float kOutdoorClearanceM = 1.0f;

struct WalkNode {
    WalkNodeKind kind = WalkNodeKind::Room;
    std::string ref;        ///< id of the room, door, stair, exit or assembly point; the building's id for a Corner
    glm::vec3 positionM{0.0f};
};

enum class WalkEdgeKind { InRoom, Stair, Outdoor };

struct WalkEdge {
    int a = 0, b = 0;       ///< node indices
    float lengthM = 0.0f;
    WalkEdgeKind kind = WalkEdgeKind::InRoom;
    std::string room;       ///< the room the edge crosses (InRoom), the stair id (Stair), empty outdoors
};

struct WalkPath {
    bool found = false;
    std::vector<int> nodes;             ///< graph nodes in order (the start point itself is not a node)
    std::vector<glm::vec3> pointsM;     ///< start point, then each node's position
    float lengthM = 0.0f;               ///< walking length, unweighted by cost factors
    float costM = 0.0f;                 ///< length weighted by room cost factors (what was minimised)
    std::string exitId;                 ///< the exit the path leaves by, if any
    std::string assemblyPointId;        ///< the assembly point reached, if that was the goal
};

class WalkGraph {
public:
    /// Builds the graph of a loaded (validated) district. The district must outlive the graph.
    explicit WalkGraph(const District& district);

    const std::vector<WalkNode>& nodes() const { return nodes_; }
    const std::vector<WalkEdge>& edges() const { return edges_; }
    /// Node index of a room / door / assembly point / exit's outside point; -1 if unknown.
    int roomNode(const std::string& roomId) const;
    int doorNode(const std::string& doorId) const;
    int assemblyNode(const std::string& assemblyPointId) const;
    int exitNode(const std::string& exitId) const;
    /// Every outdoor node (exit outside points, assembly points, corners), in node order.
    const std::vector<int>& outdoorNodes() const { return outdoorNodes_; }
    /// The nearest outdoor node that p can walk to in a straight line without crossing a
    /// building; the nearest outdoor node at all if none is in sight; -1 if there are none.
    int nearestOutdoorNode(const glm::vec3& p) const;

    /// A blocked door or room cannot be walked through (a path may still start inside a blocked room).
    void setDoorBlocked(const std::string& doorId, bool blocked);
    void setRoomBlocked(const std::string& roomId, bool blocked);
    /// Multiplies the cost of walking inside a room (>= 1: smoke makes a route less attractive).
    void setRoomCostFactor(const std::string& roomId, float factor);
    void clearBlocks();
    bool isDoorBlocked(const std::string& doorId) const;
    bool isRoomBlocked(const std::string& roomId) const;

    /// Shortest path from a node to the nearest of the goal nodes (Dijkstra).
    WalkPath shortestPath(int fromNode, const std::vector<int>& goals) const;
    /// From a room's centre to the nearest exit's outside point.
    WalkPath pathToNearestExit(const std::string& fromRoomId) const;
    /// From any point (inside a room, in a doorway, or outdoors) to the nearest exit.
    WalkPath pathToNearestExit(const glm::vec3& fromM) const;
    /// From any point to an assembly point (empty id: the nearest one), through an exit if inside.
    WalkPath pathToAssembly(const glm::vec3& fromM, const std::string& assemblyPointId = {}) const;
    /// From a room's centre to an assembly point (empty id: the nearest one).
    WalkPath pathToAssembly(const std::string& fromRoomId, const std::string& assemblyPointId = {}) const;
    /// From any point (seeded like pathToAssembly's: its room's nodes, or the outdoor nodes in
    /// sight) to the nearest of the goal nodes.
    WalkPath pathFrom(const glm::vec3& fromM, const std::vector<int>& goals) const;

private:
    struct Adj {
        int to;
        int edge;
    };
    bool edgeUsable(int edge) const;
    float edgeCost(int edge) const;
    /// Dijkstra from seeds (node, initial cost, initial length) to the first goal settled.
    WalkPath run(const glm::vec3& startM, const std::vector<std::pair<int, float>>& seeds, const std::vector<int>& goals) const;
    /// Seeds for a free start point: the doors and stair ends of its room, or the outdoor nodes in sight.
    std::vector<std::pair<int, float>> seedsFor(const glm::vec3& p) const;
    void addEdge(int a, int b, float lengthM, WalkEdgeKind kind, const std::string& room);
    int addNode(WalkNodeKind kind, const std::string& ref, const glm::vec3& p);

    const District* district_;
    std::vector<WalkNode> nodes_;
    std::vector<WalkEdge> edges_;
    std::vector<std::vector<Adj>> adjacency_;
    std::vector<int> roomNodes_, doorNodes_, exitNodes_, assemblyNodes_;  // parallel to the district's vectors
    std::vector<int> outdoorNodes_;  // exits' outside points, assembly points and corners
    std::vector<std::vector<int>> roomMembers_;  // per room: door and stair-end nodes inside it
    std::vector<char> doorBlocked_, roomBlocked_;
    std::vector<float> roomCost_;
    std::vector<int> nodeDoorIndex_;  // per node: index of its door, -1 if not a door
    std::vector<int> edgeRoomIndex_;  // per edge: index of the room it crosses, -1 if none
};

}  // namespace cd::world
