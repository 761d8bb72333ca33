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
#include "crowd_population.h"
#include "earthquake_hazard.h"
#include "fire_hazard.h"
#include "scenario/scenario_loader.h"

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

Outcome collapseOnAStandingClass() {
    Outcome out;
    auto sc = scenario::loadScenario("scenes/earthquake_school.toml");
    EXPECT_TRUE(sc.ok());
    if (!sc.ok()) return out;
    // 40 pupils who stand in the corridor (their pre-movement outlasts the test).
    scenario::CrowdGroupDef g;
    g.id = "corridor";
    g.room = "A.4.corridor";
    g.count = 40;
    g.speedProfile = "weidmann-child";
    g.premovementMinS = g.premovementMaxS = 500.0;
    g.knownExits = {"exit.A.stairW"};
    g.source = {"test", 1, "crowd"};
    sc.def.crowd.push_back(g);
    auto d = world::loadDistrict(sc.def.districtPath);
    EXPECT_TRUE(d.ok());
    if (!d.ok()) return out;
    auto quake = app::EarthquakeHazard::build(sc.def, *d);
    auto fire = app::FireHazard::build(sc.def, *d);
    EXPECT_TRUE(quake.ok() && fire.ok());
    const double tickS = 1.0 / sc.def.tickHz;
    auto p = app::CrowdPopulation::build(sc.def, *d, tickS, sc.def.seed);
    EXPECT_TRUE(p.ok()) << p.error().str();
    if (!quake.ok() || !fire.ok() || !p.ok()) return out;
    app::CrowdPopulation& pop = **p;
    app::EarthquakeHazard& q = **quake;
    const world::Room* room = d->findRoom(sc.def.trainee.startRoom);
    const glm::vec3 trainee(room->box.center().x, room->box.center().y, room->box.min.z);
    std::vector<app::HazardEvent> events;
    std::vector<std::size_t> struckIds;
    // The alarm as the corridor gives way (12 s): the crowd takes the bodies then, and follows them.
    const double alarmS = 12.0;
    long long tick = 0;
    for (; tick * tickS < 40.0; ++tick) {
        const double t = tick * tickS;
        q.advanceTo(t + tickS);
        bool settled = false;
        for (const auto& e : q.drainEvents()) {
            if (e.kind == "passage.blocked") {
                EXPECT_TRUE(pop.setDoorBlocked(e.subject, true).ok());
            }
            settled = settled || e.kind == "structure.settled";
        }
        if (!pop.started() && t + 1e-9 >= alarmS) {
            EXPECT_TRUE(pop.settleFurniture(q).ok());
            pop.startEvacuation(t);
        }
        const int before = pop.obstacleFigures().refreshes;
        EXPECT_TRUE(pop.followEarthquake(t, q, settled).ok());
        if (pop.obstacleFigures().refreshes != before) {
            for (const crowd::Agent& a : pop.sim().agents()) {
                if (a.external || a.state == crowd::AgentState::Out || a.area < 0) continue;
                for (const crowd::Obstacle& o : pop.sim().building().obstacles)
                    out.insideAfterRefresh += o.area == a.area && crowd::pointInPolygon(a.pos, o.polygon);
            }
        }
        const std::size_t seen = events.size();
        pop.senseDebris(q, events);
        for (std::size_t k = seen; k < events.size(); ++k) {
            if (events[k].kind != "crowd.struck_by_debris") continue;
            const auto people = pop.people();
            for (std::size_t i = 0; i < people.size(); ++i)
                // The corridor's class (the classes at their desks, standing here as holdOn is not
                // called, are struck by toppling bookcases: crowd_cover_test.cpp).
                if (people[i].struck && pop.personIds()[i].rfind("corridor#", 0) == 0 &&
                    std::find(struckIds.begin(), struckIds.end(), i) == struckIds.end()) {
                    struckIds.push_back(i);
                    out.struckAt.push_back(pop.sim().agents()[i].pos);
                }
        }
        pop.tick(t, **fire, trainee, room, events);
    }
    for (std::size_t i : struckIds) {
        const crowd::Agent& a = pop.sim().agents()[i];
        out.struckEnd.push_back(a.pos);
        out.struckWalkedOff += a.exitTimeS >= 0.0 || a.state == crowd::AgentState::OnStair;
    }
    // Where the debris now lies is under the crowd's obstacles: the centre of every chunk's
    // part above the step-over height, in the corridor.
    const int corridor = pop.sim().building().areaIndex("A.4.corridor");
    const world::Room* cr = d->findRoom("A.4.corridor");
    for (const render::BoxInstance& b : q.boxes()) {
        if (b.color != kConcrete && b.color != kBrick) continue;
        crowd::Polygon s = app::boxSliceFootprint(b, cr->box.min.z + app::kDebrisStepOverM, cr->box.min.z + app::kDebrisHeadroomM);
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
