// Walk graph construction and Dijkstra (Dijkstra 1959) over it. Ties are broken by node
// index so that the same district and blocks always give the same route.
#include "world/walk_graph.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <map>
#include <queue>

#include <glm/geometric.hpp>

namespace cd::world {

namespace {
float dist(const glm::vec3& a, const glm::vec3& b) { return glm::length(a - b); }
glm::vec3 floorCentre(const Room& r) { return {r.box.center().x, r.box.center().y, r.box.min.z}; }
template <class T>
int indexOf(const std::vector<T>& items, const std::string& id) {
    for (std::size_t i = 0; i < items.size(); ++i)
        if (items[i].id == id) return int(i);
    return -1;
}
}  // namespace

int WalkGraph::addNode(WalkNodeKind kind, const std::string& ref, const glm::vec3& p) {
    nodes_.push_back({kind, ref, p});
    nodeDoorIndex_.push_back(kind == WalkNodeKind::Door ? indexOf(district_->doors, ref) : -1);
    adjacency_.emplace_back();
    return int(nodes_.size()) - 1;
}

void WalkGraph::addEdge(int a, int b, float lengthM, WalkEdgeKind kind, const std::string& room) {
    edges_.push_back({a, b, lengthM, kind, room});
    edgeRoomIndex_.push_back(kind == WalkEdgeKind::InRoom ? indexOf(district_->rooms, room) : -1);
    const int e = int(edges_.size()) - 1;
    adjacency_[a].push_back({b, e});
    adjacency_[b].push_back({a, e});
}

WalkGraph::WalkGraph(const District& district) : district_(&district) {
    const auto& rooms = district.rooms;
    std::map<std::string, int> roomIdx;
    for (std::size_t i = 0; i < rooms.size(); ++i) {
        roomIdx[rooms[i].id] = int(i);
        roomNodes_.push_back(addNode(WalkNodeKind::Room, rooms[i].id, floorCentre(rooms[i])));
    }
    roomMembers_.resize(rooms.size());
    for (const Door& d : district.doors) {
        const int n = addNode(WalkNodeKind::Door, d.id, d.centerM);
        doorNodes_.push_back(n);
        if (auto it = roomIdx.find(d.roomA); it != roomIdx.end()) roomMembers_[it->second].push_back(n);
        if (auto it = roomIdx.find(d.roomB); it != roomIdx.end()) roomMembers_[it->second].push_back(n);
    }
    for (const Stair& s : district.stairs) {
        const int lo = addNode(WalkNodeKind::StairEnd, s.id, s.bottomM);
        const int hi = addNode(WalkNodeKind::StairEnd, s.id, s.topM);
        addEdge(lo, hi, s.lengthM, WalkEdgeKind::Stair, s.id);
        if (auto it = roomIdx.find(s.lowerRoom); it != roomIdx.end()) roomMembers_[it->second].push_back(lo);
        if (auto it = roomIdx.find(s.upperRoom); it != roomIdx.end()) roomMembers_[it->second].push_back(hi);
    }
    // Inside each (convex) room: centre to every member, and members pairwise.
    for (std::size_t r = 0; r < rooms.size(); ++r) {
        const auto& m = roomMembers_[r];
        for (std::size_t i = 0; i < m.size(); ++i) {
            addEdge(roomNodes_[r], m[i], dist(nodes_[roomNodes_[r]].positionM, nodes_[m[i]].positionM), WalkEdgeKind::InRoom, rooms[r].id);
            for (std::size_t j = i + 1; j < m.size(); ++j)
                addEdge(m[i], m[j], dist(nodes_[m[i]].positionM, nodes_[m[j]].positionM), WalkEdgeKind::InRoom, rooms[r].id);
        }
    }
    for (const Exit& e : district.exits) {
        const int n = addNode(WalkNodeKind::ExitOutside, e.id, e.positionM);
        exitNodes_.push_back(n);
        const int door = doorNode(e.door);
        if (door >= 0) addEdge(door, n, dist(nodes_[door].positionM, e.positionM), WalkEdgeKind::Outdoor, {});
    }
    for (const AssemblyPoint& ap : district.assemblyPoints)
        assemblyNodes_.push_back(addNode(WalkNodeKind::AssemblyPoint, ap.id, ap.positionM));
    outdoorNodes_ = exitNodes_;
    outdoorNodes_.insert(outdoorNodes_.end(), assemblyNodes_.begin(), assemblyNodes_.end());
    // Waypoints round every building, a clearance out from each footprint corner, on the ground.
    const float c = kOutdoorClearanceM;
    for (const Building& b : district.buildings) {
        const glm::vec2 corners[4] = {{b.box.min.x - c, b.box.min.y - c}, {b.box.max.x + c, b.box.min.y - c},
                                      {b.box.max.x + c, b.box.max.y + c}, {b.box.min.x - c, b.box.max.y + c}};
        for (const glm::vec2& q : corners) {
            bool inside = false;
            for (const Building& other : district.buildings) inside = inside || insideFootprint(other.box, q);
            if (inside) continue;
            const float z = district.terrain.nx > 0 ? district.terrain.heightAt(q.x, q.y) : b.box.min.z;
            outdoorNodes_.push_back(addNode(WalkNodeKind::Corner, b.id, {q.x, q.y, z}));
        }
    }
    // The visibility graph: outdoor nodes that see each other are joined.
    for (std::size_t i = 0; i < outdoorNodes_.size(); ++i) {
        for (std::size_t j = i + 1; j < outdoorNodes_.size(); ++j) {
            const glm::vec3 &a = nodes_[outdoorNodes_[i]].positionM, &b = nodes_[outdoorNodes_[j]].positionM;
            if (segmentClearOfBuildings(district, a, b)) addEdge(outdoorNodes_[i], outdoorNodes_[j], dist(a, b), WalkEdgeKind::Outdoor, {});
        }
    }
    doorBlocked_.assign(district.doors.size(), 0);
    roomBlocked_.assign(rooms.size(), 0);
    roomCost_.assign(rooms.size(), 1.0f);
}

int WalkGraph::roomNode(const std::string& id) const {
    const int i = indexOf(district_->rooms, id);
    return i < 0 ? -1 : roomNodes_[i];
}
int WalkGraph::doorNode(const std::string& id) const {
    const int i = indexOf(district_->doors, id);
    return i < 0 ? -1 : doorNodes_[i];
}
int WalkGraph::assemblyNode(const std::string& id) const {
    const int i = indexOf(district_->assemblyPoints, id);
    return i < 0 ? -1 : assemblyNodes_[i];
}
int WalkGraph::exitNode(const std::string& id) const {
    const int i = indexOf(district_->exits, id);
    return i < 0 ? -1 : exitNodes_[i];
}

void WalkGraph::setDoorBlocked(const std::string& id, bool blocked) {
    if (const int i = indexOf(district_->doors, id); i >= 0) doorBlocked_[i] = blocked;
}
void WalkGraph::setRoomBlocked(const std::string& id, bool blocked) {
    if (const int i = indexOf(district_->rooms, id); i >= 0) roomBlocked_[i] = blocked;
}
void WalkGraph::setRoomCostFactor(const std::string& id, float factor) {
    if (const int i = indexOf(district_->rooms, id); i >= 0) roomCost_[i] = std::max(factor, 1.0f);
}
void WalkGraph::clearBlocks() {
    std::fill(doorBlocked_.begin(), doorBlocked_.end(), 0);
    std::fill(roomBlocked_.begin(), roomBlocked_.end(), 0);
    std::fill(roomCost_.begin(), roomCost_.end(), 1.0f);
}
bool WalkGraph::isDoorBlocked(const std::string& id) const {
    const int i = indexOf(district_->doors, id);
    return i >= 0 && doorBlocked_[i];
}
bool WalkGraph::isRoomBlocked(const std::string& id) const {
    const int i = indexOf(district_->rooms, id);
    return i >= 0 && roomBlocked_[i];
}

bool WalkGraph::edgeUsable(int edge) const {
    const WalkEdge& e = edges_[edge];
    for (int n : {e.a, e.b}) {
        if (nodeDoorIndex_[n] >= 0 && doorBlocked_[nodeDoorIndex_[n]]) return false;
    }
    const int r = edgeRoomIndex_[edge];
    return !(r >= 0 && roomBlocked_[r]);
}

float WalkGraph::edgeCost(int edge) const {
    const int r = edgeRoomIndex_[edge];
    return edges_[edge].lengthM * (r >= 0 ? roomCost_[r] : 1.0f);
}

WalkPath WalkGraph::run(const glm::vec3& startM, const std::vector<std::pair<int, float>>& seeds, const std::vector<int>& goals) const {
    const float inf = std::numeric_limits<float>::infinity();
    const std::size_t n = nodes_.size();
    std::vector<float> cost(n, inf), length(n, inf);
    std::vector<int> prev(n, -1);
    std::vector<char> isGoal(n, 0), done(n, 0);
    for (int g : goals)
        if (g >= 0) isGoal[g] = 1;
    using Item = std::pair<float, int>;
    std::priority_queue<Item, std::vector<Item>, std::greater<Item>> open;
    for (const auto& [node, c] : seeds) {
        if (node < 0) continue;
        if (nodeDoorIndex_[node] >= 0 && doorBlocked_[nodeDoorIndex_[node]]) continue;
        if (c < cost[node]) {
            cost[node] = c;
            length[node] = dist(startM, nodes_[node].positionM);
            open.push({c, node});
        }
    }
    int reached = -1;
    while (!open.empty()) {
        const auto [c, u] = open.top();
        open.pop();
        if (done[u]) continue;
        done[u] = 1;
        if (isGoal[u]) {
            reached = u;
            break;
        }
        for (const Adj& adj : adjacency_[u]) {
            const WalkEdge& e = edges_[adj.edge];
            if (done[adj.to] || !edgeUsable(adj.edge)) continue;
            const float nc = c + edgeCost(adj.edge);
            if (nc < cost[adj.to]) {
                cost[adj.to] = nc;
                length[adj.to] = length[u] + e.lengthM;
                prev[adj.to] = u;
                open.push({nc, adj.to});
            }
        }
    }
    WalkPath path;
    if (reached < 0) return path;
    path.found = true;
    path.costM = cost[reached];
    path.lengthM = length[reached];
    for (int v = reached; v >= 0; v = prev[v]) path.nodes.push_back(v);
    std::reverse(path.nodes.begin(), path.nodes.end());
    path.pointsM.push_back(startM);
    for (int v : path.nodes) {
        path.pointsM.push_back(nodes_[v].positionM);
        if (nodes_[v].kind == WalkNodeKind::ExitOutside && path.exitId.empty()) path.exitId = nodes_[v].ref;
        if (nodes_[v].kind == WalkNodeKind::AssemblyPoint) path.assemblyPointId = nodes_[v].ref;
    }
    return path;
}

WalkPath WalkGraph::shortestPath(int fromNode, const std::vector<int>& goals) const {
    if (fromNode < 0 || fromNode >= int(nodes_.size())) return {};
    return run(nodes_[fromNode].positionM, {{fromNode, 0.0f}}, goals);
}

std::vector<std::pair<int, float>> WalkGraph::seedsFor(const glm::vec3& p) const {
    std::vector<std::pair<int, float>> seeds;
    // Doorways and wall thickness are not inside any room box; accept points near one.
    const Room* room = district_->roomNear(p, 0.4f);
    if (room) {
        const int r = indexOf(district_->rooms, room->id);
        const float f = roomCost_[r];
        seeds.push_back({roomNodes_[r], dist(p, nodes_[roomNodes_[r]].positionM) * f});
        for (int m : roomMembers_[r]) seeds.push_back({m, dist(p, nodes_[m].positionM) * f});
        return seeds;
    }
    for (int n : outdoorNodes_)
        if (segmentClearOfBuildings(*district_, p, nodes_[n].positionM)) seeds.push_back({n, dist(p, nodes_[n].positionM)});
    if (seeds.empty()) {
        // Boxed in on every side (or no outdoor node in sight): start from the nearest one.
        const int n = nearestOutdoorNode(p);
        if (n >= 0) seeds.push_back({n, dist(p, nodes_[n].positionM)});
    }
    return seeds;
}

int WalkGraph::nearestOutdoorNode(const glm::vec3& p) const {
    int best = -1, bestSeen = -1;
    float bestD = std::numeric_limits<float>::infinity(), bestSeenD = bestD;
    for (int n : outdoorNodes_) {
        const float d = dist(p, nodes_[n].positionM);
        if (d < bestD) bestD = d, best = n;
        if (d < bestSeenD && segmentClearOfBuildings(*district_, p, nodes_[n].positionM)) bestSeenD = d, bestSeen = n;
    }
    return bestSeen >= 0 ? bestSeen : best;
}

WalkPath WalkGraph::pathFrom(const glm::vec3& fromM, const std::vector<int>& goals) const {
    return run(fromM, seedsFor(fromM), goals);
}

WalkPath WalkGraph::pathToNearestExit(const std::string& fromRoomId) const {
    return shortestPath(roomNode(fromRoomId), exitNodes_);
}

WalkPath WalkGraph::pathToNearestExit(const glm::vec3& fromM) const { return run(fromM, seedsFor(fromM), exitNodes_); }

WalkPath WalkGraph::pathToAssembly(const glm::vec3& fromM, const std::string& assemblyPointId) const {
    std::vector<int> goals = assemblyNodes_;
    if (!assemblyPointId.empty()) goals = {assemblyNode(assemblyPointId)};
    return run(fromM, seedsFor(fromM), goals);
}

WalkPath WalkGraph::pathToAssembly(const std::string& fromRoomId, const std::string& assemblyPointId) const {
    std::vector<int> goals = assemblyNodes_;
    if (!assemblyPointId.empty()) goals = {assemblyNode(assemblyPointId)};
    return shortestPath(roomNode(fromRoomId), goals);
}

}  // namespace cd::world
