#include "floor_path.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <queue>

#include <glm/common.hpp>
#include <glm/geometric.hpp>
#include <glm/vec2.hpp>

namespace cd::app {

namespace {

enum class Cell : std::uint8_t { Unknown, Free, Blocked };

struct Grid {
    glm::vec3 origin{0.0f};  // corner of cell (0, 0), at floor height
    float cellM = 0.25f;
    int nx = 0, ny = 0;
    std::vector<Cell> cells;
    const FloorPathQuery* query = nullptr;

    glm::vec3 centre(int i, int j) const {
        return origin + glm::vec3((static_cast<float>(i) + 0.5f) * cellM, (static_cast<float>(j) + 0.5f) * cellM, 0.0f);
    }
    bool inside(int i, int j) const { return i >= 0 && j >= 0 && i < nx && j < ny; }
    int index(int i, int j) const { return j * nx + i; }
    void cellOf(const glm::vec3& p, int& i, int& j) const {
        i = std::clamp(static_cast<int>(std::floor((p.x - origin.x) / cellM)), 0, nx - 1);
        j = std::clamp(static_cast<int>(std::floor((p.y - origin.y) / cellM)), 0, ny - 1);
    }
    bool free(int i, int j) {
        if (!inside(i, j)) return false;
        Cell& c = cells[static_cast<std::size_t>(index(i, j))];
        if (c == Cell::Unknown) c = query->standable(centre(i, j)) ? Cell::Free : Cell::Blocked;
        return c == Cell::Free;
    }
};

Grid makeGrid(const glm::vec3& from, const glm::vec3& to, const FloorPathQuery& q, float marginM) {
    Grid g;
    g.query = &q;
    g.cellM = q.cellM;
    glm::vec3 lo = glm::min(from, to) - glm::vec3(marginM, marginM, 0.0f);
    glm::vec3 hi = glm::max(from, to) + glm::vec3(marginM, marginM, 0.0f);
    const int side = std::max(8, static_cast<int>(std::sqrt(static_cast<float>(q.maxCells))));
    // Too large a box: clip it around the start, where the way out has to be found.
    for (int k = 0; k < 2; ++k) {
        const float maxSpan = static_cast<float>(side) * q.cellM;
        if (hi[k] - lo[k] > maxSpan) {
            lo[k] = std::max(lo[k], from[k] - 0.5f * maxSpan);
            hi[k] = lo[k] + maxSpan;
        }
    }
    g.origin = glm::vec3(lo.x, lo.y, from.z);
    g.nx = std::max(1, static_cast<int>(std::ceil((hi.x - lo.x) / q.cellM)));
    g.ny = std::max(1, static_cast<int>(std::ceil((hi.y - lo.y) / q.cellM)));
    g.cells.assign(static_cast<std::size_t>(g.nx) * static_cast<std::size_t>(g.ny), Cell::Unknown);
    return g;
}

struct Search {
    std::vector<glm::vec3> cells;
    bool reached = false;
};

float octile(int di, int dj) {
    const float a = static_cast<float>(std::abs(di)), b = static_cast<float>(std::abs(dj));
    return std::max(a, b) + 0.41421356f * std::min(a, b);
}

}  // namespace

glm::vec3 nearestStandable(const glm::vec3& p, float reachM, const FloorPathQuery& q) { return nearestStandable(p, reachM, q, p); }

glm::vec3 nearestStandable(const glm::vec3& p, float reachM, const FloorPathQuery& q, const glm::vec3& toward) {
    if (q.standable(p)) return p;
    const int rings = std::max(1, static_cast<int>(std::ceil(reachM / q.cellM)));
    for (int r = 1; r <= rings; ++r) {
        // The ring's cells, nearest first, so the answer does not depend on the scan order.
        struct Candidate { float d2, toward; glm::vec3 at; };
        std::vector<Candidate> ring;
        for (int dj = -r; dj <= r; ++dj)
            for (int di = -r; di <= r; ++di) {
                if (std::max(std::abs(di), std::abs(dj)) != r) continue;
                const glm::vec3 c = p + glm::vec3(static_cast<float>(di) * q.cellM, static_cast<float>(dj) * q.cellM, 0.0f);
                ring.push_back({static_cast<float>(di * di + dj * dj), glm::length(glm::vec2(c - toward)), c});
            }
        std::stable_sort(ring.begin(), ring.end(),
                         [](const Candidate& a, const Candidate& b) { return a.d2 < b.d2 || (a.d2 == b.d2 && a.toward < b.toward); });
        for (const Candidate& c : ring)
            if (q.standable(c.at)) return c.at;
    }
    return p;
}

/// A* over the cells of the box round start and goal (widened by marginM): the cell centres
/// of the path (the last one the goal itself when reached, else the cell nearest to it).
static Search search(const glm::vec3& from, const glm::vec3& to, bool goalFree, const FloorPathQuery& q, float marginM) {
    Grid g = makeGrid(from, to, q, marginM);
    int si, sj, gi, gj;
    g.cellOf(from, si, sj);
    g.cellOf(to, gi, gj);
    g.cells[static_cast<std::size_t>(g.index(si, sj))] = Cell::Free;  // where the person stands now
    if (goalFree) g.cells[static_cast<std::size_t>(g.index(gi, gj))] = Cell::Free;  // checked above, at the exact point

    const std::size_t n = g.cells.size();
    std::vector<float> cost(n, 1e30f);
    std::vector<int> parent(n, -1);
    std::vector<char> closed(n, 0);
    using Item = std::pair<float, int>;  // (f, index): ties broken by index, so the result is deterministic
    std::priority_queue<Item, std::vector<Item>, std::greater<Item>> open;
    const int start = g.index(si, sj), goal = g.index(gi, gj);
    cost[static_cast<std::size_t>(start)] = 0.0f;
    open.push({octile(gi - si, gj - sj), start});
    int best = start;
    float bestH = octile(gi - si, gj - sj);
    while (!open.empty()) {
        const int cur = open.top().second;
        open.pop();
        if (closed[static_cast<std::size_t>(cur)]) continue;
        closed[static_cast<std::size_t>(cur)] = 1;
        const int ci = cur % g.nx, cj = cur / g.nx;
        const float h = octile(gi - ci, gj - cj);
        if (h < bestH) {
            bestH = h;
            best = cur;
        }
        if (cur == goal) break;
        for (int dj = -1; dj <= 1; ++dj)
            for (int di = -1; di <= 1; ++di) {
                if (di == 0 && dj == 0) continue;
                const int ni = ci + di, nj = cj + dj;
                if (!g.free(ni, nj)) continue;
                // No cutting a corner past a blocked cell.
                if (di != 0 && dj != 0 && (!g.free(ci + di, cj) || !g.free(ci, cj + dj))) continue;
                const int next = g.index(ni, nj);
                const float c = cost[static_cast<std::size_t>(cur)] + (di != 0 && dj != 0 ? 1.41421356f : 1.0f);
                if (c >= cost[static_cast<std::size_t>(next)]) continue;
                cost[static_cast<std::size_t>(next)] = c;
                parent[static_cast<std::size_t>(next)] = cur;
                open.push({c + octile(gi - ni, gj - nj), next});
            }
    }
    const bool reached = closed[static_cast<std::size_t>(goal)] != 0;
    const int end = reached ? goal : best;
    if (end == start && !reached) return {};  // boxed in
    std::vector<glm::vec3> cells;
    for (int c = end; c != start && c >= 0; c = parent[static_cast<std::size_t>(c)]) cells.push_back(g.centre(c % g.nx, c / g.nx));
    std::reverse(cells.begin(), cells.end());
    if (reached && !cells.empty()) cells.back() = to;
    if (cells.empty()) cells.push_back(to);
    return {std::move(cells), reached};
}

FloorPath findFloorPath(const glm::vec3& from, const glm::vec3& toIn, const FloorPathQuery& q) {
    FloorPath out;
    // A goal nobody can stand on (a desk, a heap of debris): aim for the nearest place beside it.
    glm::vec3 to = toIn;
    to.z = from.z;
    bool goalFree = q.standable(to);
    if (!goalFree) {
        const glm::vec3 near = nearestStandable(to, 1.5f, q, from);
        goalFree = near != to;
        to = near;
    }
    // Widen the search box until the goal is reached or the box is as large as allowed.
    Search found;
    for (float margin = q.marginM;; margin *= 3.0f) {
        found = search(from, to, goalFree, q, margin);
        const float span = 2.0f * margin + std::max(std::fabs(to.x - from.x), std::fabs(to.y - from.y));
        if (found.reached || span / q.cellM > std::sqrt(static_cast<float>(q.maxCells))) break;
    }
    if (found.cells.empty()) return out;  // boxed in
    const bool reached = found.reached;
    std::vector<glm::vec3>& cells = found.cells;
    // Shorten: from each anchor, on to the farthest point within sight (at most 40 ahead).
    glm::vec3 anchor = from;
    std::size_t i = 0;
    while (i < cells.size()) {
        std::size_t j = std::min(cells.size() - 1, i + 40);
        while (j > i && !q.clearWalk(anchor, cells[j])) --j;
        out.waypoints.push_back(cells[j]);
        anchor = cells[j];
        i = j + 1;
    }
    out.reachesGoal = reached && goalFree && toIn.x == to.x && toIn.y == to.y;
    return out;
}

}  // namespace cd::app
