#include <gtest/gtest.h>

#include <cmath>

#include <glm/geometric.hpp>

#include "floor_path.h"

using namespace cd;

namespace {

// A floor 10 x 10 m; what stands on it is a set of boxes in plan, widened by the body's radius.
struct Plan {
    struct Rect { float x0, y0, x1, y1; };
    std::vector<Rect> solids;
    float radiusM = 0.25f;
    int asked = 0;

    bool standable(const glm::vec3& p) {
        ++asked;
        if (p.x < radiusM || p.y < radiusM || p.x > 10.0f - radiusM || p.y > 10.0f - radiusM) return false;
        for (const Rect& r : solids)
            if (p.x > r.x0 - radiusM && p.x < r.x1 + radiusM && p.y > r.y0 - radiusM && p.y < r.y1 + radiusM) return false;
        return true;
    }
    bool clearWalk(const glm::vec3& a, const glm::vec3& b) {
        const int n = static_cast<int>(std::ceil(glm::length(b - a) / 0.05f)) + 1;
        for (int i = 0; i <= n; ++i)
            if (!standable(a + (b - a) * (static_cast<float>(i) / static_cast<float>(n)))) return false;
        return true;
    }
    app::FloorPathQuery query() {
        app::FloorPathQuery q;
        q.standable = [this](const glm::vec3& p) { return standable(p); };
        q.clearWalk = [this](const glm::vec3& a, const glm::vec3& b) { return clearWalk(a, b); };
        return q;
    }
};

// Every leg of the walk (start, then each waypoint) is clear.
void expectWalkable(Plan& plan, const glm::vec3& from, const app::FloorPath& path) {
    glm::vec3 at = from;
    for (const glm::vec3& w : path.waypoints) {
        EXPECT_TRUE(plan.clearWalk(at, w)) << "leg to " << w.x << "," << w.y;
        at = w;
    }
}

}  // namespace

TEST(FloorPath, GoesThroughTheGapInARowOfDesks) {
    Plan plan;
    plan.solids = {{0.0f, 4.7f, 7.0f, 5.3f}};  // a row of desks across the room, a 3 m gap at the east end
    const glm::vec3 from(2.0f, 2.0f, 0.0f), to(2.0f, 8.0f, 0.0f);
    const auto path = app::findFloorPath(from, to, plan.query());
    ASSERT_FALSE(path.waypoints.empty());
    EXPECT_TRUE(path.reachesGoal);
    EXPECT_FLOAT_EQ(path.waypoints.back().x, to.x);
    EXPECT_FLOAT_EQ(path.waypoints.back().y, to.y);
    expectWalkable(plan, from, path);
    // It turns round the end of the row (x > 7.25), and it is no longer than going round by
    // hand: (2,2) -> (7.25,4.45) -> (7.25,5.55) -> (2,8), 5.79 + 1.1 + 5.79 = 12.7 m, plus a cell.
    float len = 0.0f, maxX = 0.0f;
    glm::vec3 at = from;
    for (const glm::vec3& w : path.waypoints) {
        len += glm::length(w - at);
        at = w;
        maxX = std::max(maxX, w.x);
    }
    EXPECT_GT(maxX, 7.25f);
    EXPECT_LT(len, 12.7f + 0.5f);
    EXPECT_GT(len, 12.6f);
}

TEST(FloorPath, AGoalOnADeskEndsBesideIt) {
    Plan plan;
    plan.solids = {{4.0f, 4.0f, 6.0f, 6.0f}};
    const glm::vec3 from(1.0f, 5.0f, 0.0f), to(5.0f, 5.0f, 0.0f);
    const auto path = app::findFloorPath(from, to, plan.query());
    ASSERT_FALSE(path.waypoints.empty());
    EXPECT_FALSE(path.reachesGoal);
    const glm::vec3 end = path.waypoints.back();
    EXPECT_TRUE(plan.standable(end));
    // Beside the desk on the near side: within a cell and a half of its widened edge at x = 3.75.
    EXPECT_NEAR(end.x, 3.75f, 0.4f);
    expectWalkable(plan, from, path);
}

TEST(FloorPath, ABoxedInStartHasNoPath) {
    Plan plan;
    plan.solids = {{3.0f, 3.0f, 7.0f, 3.4f}, {3.0f, 6.6f, 7.0f, 7.0f}, {3.0f, 3.0f, 3.4f, 7.0f}, {6.6f, 3.0f, 7.0f, 7.0f}};
    const glm::vec3 from(5.0f, 5.0f, 0.0f), to(1.0f, 1.0f, 0.0f);
    const auto path = app::findFloorPath(from, to, plan.query());
    // Boxed in: the nearest it gets is inside the box, so it never reaches the goal.
    EXPECT_FALSE(path.reachesGoal);
    for (const glm::vec3& w : path.waypoints) EXPECT_TRUE(w.x > 3.4f && w.x < 6.6f && w.y > 3.4f && w.y < 6.6f);
}

TEST(FloorPath, OnlyAsksAboutCellsTheSearchVisits) {
    Plan plan;  // an empty floor: straight to the goal, without scanning the whole box
    const auto path = app::findFloorPath({1.0f, 1.0f, 0.0f}, {9.0f, 9.0f, 0.0f}, plan.query());
    ASSERT_EQ(path.waypoints.size(), 1u);
    EXPECT_TRUE(path.reachesGoal);
    EXPECT_LT(plan.asked, 600);  // the grid box is 14 x 14 m at 0.25 m: 3136 cells
}

TEST(FloorPath, NearestStandableStepsOffTheDesk) {
    Plan plan;
    plan.solids = {{4.0f, 4.0f, 6.0f, 6.0f}};
    const glm::vec3 p = app::nearestStandable({5.0f, 4.5f, 0.0f}, 2.0f, plan.query());
    EXPECT_TRUE(plan.standable(p));
    EXPECT_NEAR(p.y, 3.75f, 0.26f);  // off the near (south) edge, 0.75 m away
}
