// The crowd's obstacles follow the earthquake's physics world during the session: in the
// shipped school earthquake, with a class standing in the top-floor corridor when its east end
// comes down, the falling debris becomes obstacles as it lands, whoever it lands on steps off,
// and the same seed gives the same crowd.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include <glm/glm.hpp>

#include "crowd_debris.h"
#include "crowd_obstacle_geometry.h"
#include "school_quake_run.h"

using namespace cd;

namespace {

const glm::vec3 kConcrete{0.52f, 0.52f, 0.5f}, kBrick{0.55f, 0.3f, 0.22f};  // the earthquake's chunk colours

struct Outcome {
    std::uint64_t hash = 0;
    app::CrowdObstacleFigures figures;
    int insideAfterRefresh = 0;   ///< person-refreshes with a centre inside an obstacle right after it was taken
    int chunkPiecesUncovered = 0; ///< at the end: chunk parts above the step-over height not under any obstacle
    int chunkPieces = 0;
    std::vector<crowd::Vec2> struckAt, struckEnd;  ///< where each person struck by debris was then, and at the end
    int struckWalkedOff = 0;  ///< of them, on a stair or out of the building at the end
};

// At the end: where the debris lies is under the crowd's obstacles; the crowd's hash and figures.
void lastTick(const app::CrowdPopulation& pop, const app::EarthquakeHazard& q, const world::Room& cr, Outcome& out) {
    // Where the debris now lies is under the crowd's obstacles: the centre of every chunk's
    // part above the step-over height, in the corridor.
    const int corridor = pop.sim().building().areaIndex("A.4.corridor");
    for (const render::BoxInstance& b : q.boxes()) {
        if (b.color != kConcrete && b.color != kBrick) continue;
        crowd::Polygon s = app::boxSliceFootprint(b, cr.box.min.z + app::kDebrisStepOverM, cr.box.min.z + app::kDebrisHeadroomM);
        if (s.empty()) continue;
        s = app::clipToBox(s, app::planBoxOf(pop.sim().building().areas[static_cast<size_t>(corridor)].polygon, 0.05));
        if (s.empty() || std::fabs(crowd::signedArea(s)) < 0.01) continue;
        ++out.chunkPieces;
        const crowd::Vec2 c = crowd::centroid(s);
        bool covered = false;
        for (const crowd::Obstacle& o : pop.sim().building().obstacles) covered = covered || (o.area == corridor && crowd::pointInPolygon(c, o.polygon));
        out.chunkPiecesUncovered += !covered;
    }
    out.hash = pop.sim().stateHash();
    out.figures = pop.obstacleFigures();
}

Outcome collapseOnAStandingClass() {
    Outcome out;
    auto sc = scenario::loadScenario("scenes/earthquake_school.toml");
    EXPECT_TRUE(sc.ok());
    auto d = world::loadDistrict(sc.def.districtPath);
    EXPECT_TRUE(d.ok());
    if (!sc.ok() || !d.ok() || !d->findRoom("A.4.corridor")) return out;
    const world::Room& corridorRoom = *d->findRoom("A.4.corridor");
    std::vector<std::size_t> struckIds;
    test::SchoolQuakeRun run;
    // The alarm as the corridor gives way (12 s): the crowd takes the bodies then, and follows them.
    run.alarmS = 12.0;
    run.untilS = 40.0;
    run.holdOn = false;  // the classes stand at their desks (crowd_cover_test.cpp drops them)
    run.edit = [](scenario::ScenarioDef& sc) {
        // 40 pupils who stand in the corridor (their pre-movement outlasts the test).
        scenario::CrowdGroupDef g;
        g.id = "corridor";
        g.room = "A.4.corridor";
        g.count = 40;
        g.speedProfile = "weidmann-child";
        g.premovementMinS = g.premovementMaxS = 500.0;
        g.knownExits = {"exit.A.stairW"};
        g.source = {"test", 1, "crowd"};
        sc.crowd.push_back(g);
    };
    int refreshes = 0;
    run.afterFollow = [&](double, app::CrowdPopulation& pop) {
        if (pop.obstacleFigures().refreshes == refreshes) return;
        refreshes = pop.obstacleFigures().refreshes;
        for (const crowd::Agent& a : pop.sim().agents()) {
            if (a.external || a.state == crowd::AgentState::Out || a.area < 0) continue;
            for (const crowd::Obstacle& o : pop.sim().building().obstacles)
                out.insideAfterRefresh += o.area == a.area && crowd::pointInPolygon(a.pos, o.polygon);
        }
    };
    run.afterTick = [&](double t, app::CrowdPopulation& pop, app::EarthquakeHazard& q, const std::vector<app::HazardEvent>& events) {
        for (const auto& e : events) {
            if (e.kind != "crowd.struck_by_debris" || e.subject.rfind("corridor#", 0) != 0) continue;  // the corridor's class
            const auto& ids = pop.personIds();
            const auto i = static_cast<std::size_t>(std::find(ids.begin(), ids.end(), e.subject) - ids.begin());
            struckIds.push_back(i);
            // Where they were struck: they stay there (lying, no longer stepped).
            out.struckAt.push_back(pop.sim().agents()[i].pos);
        }
        if (t + 1.5 / 30.0 < run.untilS) return;
        // The last tick: where the struck are now, and where the debris lies.
        for (std::size_t i : struckIds) {
            const crowd::Agent& a = pop.sim().agents()[i];
            out.struckEnd.push_back(a.pos);
            out.struckWalkedOff += a.exitTimeS >= 0.0 || a.state == crowd::AgentState::OnStair;
        }
        lastTick(pop, q, corridorRoom, out);
    };
    EXPECT_TRUE(test::runSchoolQuake(run));
    return out;
}


}  // namespace

TEST(CrowdQuakeFollow, DebrisLandingOnAStandingClassBecomesObstaclesAndWhoeverItCoversStepsOff) {
    const Outcome a = collapseOnAStandingClass();
    const app::CrowdObstacleFigures& f = a.figures;
    std::printf("refreshes %d of %d checks, %.2f ms each on average (max %.2f); debris %d pieces -> %d obstacles; furniture %d, "
                "leaves %d; %d stepped off, %d stuck; %d chunk parts in the corridor\n",
                f.refreshes, f.checks, f.refreshes ? f.refreshMsTotal / f.refreshes : 0.0, f.refreshMsMax, f.debrisPieces,
                f.debrisObstacles, f.furnitureObstacles, f.leafObstacles, f.steppedOff, f.stuck, a.chunkPieces);
    EXPECT_GE(f.refreshes, 2) << "taken at the alarm and again as the debris came down";
    EXPECT_LT(f.refreshes, f.checks + 1) << "not every check finds things moved";
    EXPECT_GT(f.debrisObstacles, 0);
    EXPECT_LE(f.debrisObstacles, f.debrisPieces) << "heaps merge";
    EXPECT_GT(f.steppedOff, 0) << "debris landed on some of the 40 standing in the corridor";
    EXPECT_EQ(f.stuck, 0);
    EXPECT_EQ(a.insideAfterRefresh, 0) << "person-refreshes with a centre inside an obstacle";
    EXPECT_GT(a.chunkPieces, 0);
    EXPECT_EQ(a.chunkPiecesUncovered, 0) << "of " << a.chunkPieces << " chunk parts in the corridor";
    // Falling debris strikes some of them (and pupils in classroom 3 by the corridor wall), where
    // the east end came down (x 126-130.7 m), and they stay where they fell.
    double moved = 0.0;
    for (std::size_t k = 0; k < a.struckAt.size(); ++k) {
        EXPECT_GT(a.struckAt[k].x, 124.0) << "near the collapse";
        moved = std::max(moved, static_cast<double>(crowd::length(a.struckEnd[k] - a.struckAt[k])));
    }
    std::printf("%zu people struck by debris\n", a.struckAt.size());
    EXPECT_GT(a.struckAt.size(), 0u);
    EXPECT_LT(a.struckAt.size(), 40u);
    EXPECT_EQ(a.struckWalkedOff, 0);
    EXPECT_LT(moved, 1e-9) << "not moved, not even off the debris";
    const Outcome b = collapseOnAStandingClass();
    EXPECT_EQ(a.hash, b.hash) << "same seed, same crowd";
    EXPECT_EQ(a.struckAt.size(), b.struckAt.size());
    EXPECT_EQ(a.figures.refreshes, b.figures.refreshes);
}
