#include "route.h"


namespace cd::app {

namespace {
constexpr float kDoorStepM = 0.6f;

int goalNode(const world::WalkGraph& g, const std::string& to) {
    auto colon = to.find(':');
    std::string kind = to.substr(0, colon), id = to.substr(colon + 1);
    if (kind == "room") return g.roomNode(id);
    if (kind == "door") return g.doorNode(id);
    if (kind == "exit") return g.exitNode(id);
    if (kind == "assembly") return g.assemblyNode(id);
    return -1;
}

int startNode(const world::WalkGraph& g, const glm::vec3& from, const world::Room* fromRoom) {
    if (fromRoom) return g.roomNode(fromRoom->id);
    // Outdoors: the nearest outdoor node in sight, so the first leg never crosses a building.
    return g.nearestOutdoorNode(from);
}
}  // namespace

std::vector<glm::vec3> routeBetween(const world::WalkGraph& g, const world::District& district, const glm::vec3& from,
                                    const world::Room* fromRoom, const std::string& to, const glm::vec3& goalM) {
    std::vector<glm::vec3> out;
    int start = startNode(g, from, fromRoom), goal = goalNode(g, to);
    if (start >= 0 && goal >= 0) {
        world::WalkPath path = g.shortestPath(start, {goal});
        if (path.found) {
            for (std::size_t i = 0; i < path.nodes.size(); ++i) {
                // Rooms are convex boxes: no need to walk to the centre of the room we start in.
                if (i == 0 && path.nodes[i] == start && fromRoom && path.nodes.size() > 1) continue;
                const world::WalkNode& node = g.nodes()[static_cast<std::size_t>(path.nodes[i])];
                const world::Door* door = node.kind == world::WalkNodeKind::Door ? district.findDoor(node.ref) : nullptr;
                bool last = i + 1 == path.nodes.size();
                if (door && !last) {
                    // Go through a doorway square to the wall, not along it: a step before, a step after.
                    glm::vec3 next = g.nodes()[static_cast<std::size_t>(path.nodes[i + 1])].positionM;
                    glm::vec3 n = door->normal;
                    float side = (next.x - node.positionM.x) * n.x + (next.y - node.positionM.y) * n.y;
                    if (side < 0.0f) n = -n;
                    out.push_back(node.positionM - n * kDoorStepM);
                    out.push_back(node.positionM + n * kDoorStepM);
                } else {
                    out.push_back(node.positionM);
                }
            }
        }
    }
    if (out.empty() || glm::vec3(out.back() - goalM) != glm::vec3(0.0f)) out.push_back(goalM);
    return out;
}

}  // namespace cd::app
