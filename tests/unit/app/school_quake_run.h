#pragma once
// The shipped school earthquake (scenes/earthquake_school.toml) with its crowd, stepped as the
// session steps them: physics, doors blocked by debris, the alarm (settleFurniture, then
// startEvacuation), the obstacles following the physics, drop-cover-hold, debris striking, the
// crowd's tick. For the crowd tests that need the physics without a whole session.
#include <gtest/gtest.h>

#include <functional>
#include <vector>

#include <glm/glm.hpp>

#include "crowd_population.h"
#include "earthquake_hazard.h"
#include "fire_hazard.h"
#include "scenario/scenario_loader.h"

namespace cd::test {

/// A parametric aftershock (period 0.3 s, record seed 7).
inline scenario::AftershockDef parametricAftershock(double atS, double pgaG, double durationS) {
    scenario::AftershockDef a;
    a.atS = atS;
    a.shaking.pgaG = pgaG;
    a.shaking.periodS = 0.3;
    a.shaking.durationS = durationS;
    a.shaking.recordSeed = 7;
    a.source = {"test", 1, "earthquake.aftershock[0]"};
    return a;
}

struct SchoolQuakeRun {
    double alarmS = 28.0;  ///< the scene's alarm (3 s after the shaking stops)
    double untilS = 40.0;
    bool holdOn = true;    ///< the classes drop, cover and hold on (CrowdPopulation::holdOn)
    std::function<void(scenario::ScenarioDef&)> edit;  ///< changes to the shipped scene
    /// Right after the obstacles followed the physics (before anyone moves).
    std::function<void(double, app::CrowdPopulation&)> afterFollow;
    /// After every tick, with the events of that tick.
    std::function<void(double, app::CrowdPopulation&, app::EarthquakeHazard&, const std::vector<app::HazardEvent>&)> afterTick;
};

/// false (with a test failure) when the scene does not build.
inline bool runSchoolQuake(const SchoolQuakeRun& run) {
    auto sc = scenario::loadScenario("scenes/earthquake_school.toml");
    EXPECT_TRUE(sc.ok());
    if (!sc.ok()) return false;
    if (run.edit) run.edit(sc.def);
    auto d = world::loadDistrict(sc.def.districtPath);
    EXPECT_TRUE(d.ok());
    if (!d.ok()) return false;
    auto quake = app::EarthquakeHazard::build(sc.def, *d);
    auto fire = app::FireHazard::build(sc.def, *d);
    const double tickS = 1.0 / sc.def.tickHz;
    auto p = app::CrowdPopulation::build(sc.def, *d, tickS, sc.def.seed);
    EXPECT_TRUE(quake.ok() && fire.ok() && p.ok());
    if (!quake.ok() || !fire.ok() || !p.ok()) return false;
    app::CrowdPopulation& pop = **p;
    app::EarthquakeHazard& q = **quake;
    const world::Room* room = d->findRoom(sc.def.trainee.startRoom);
    const glm::vec3 trainee(room->box.center().x, room->box.center().y, room->box.min.z);
    std::vector<app::HazardEvent> events;
    for (long long tick = 0; tick * tickS < run.untilS; ++tick) {
        const double t = tick * tickS;
        events.clear();
        q.advanceTo(t + tickS);
        bool settled = false;
        for (const auto& e : q.drainEvents()) {
            if (e.kind == "passage.blocked") {
                EXPECT_TRUE(pop.setDoorBlocked(e.subject, true).ok());
            }
            settled = settled || e.kind == "structure.settled";
        }
        if (!pop.started() && t + 1e-9 >= run.alarmS) {
            EXPECT_TRUE(pop.settleFurniture(q).ok());
            pop.startEvacuation(t);
        }
        EXPECT_TRUE(pop.followEarthquake(t, q, settled).ok());
        if (run.afterFollow) run.afterFollow(t, pop);
        if (run.holdOn) pop.holdOn(t, q, trainee, events);
        pop.senseDebris(q, events);
        pop.tick(t, **fire, trainee, room, events);
        if (run.afterTick) run.afterTick(t, pop, q, events);
    }
    return true;
}

}  // namespace cd::test
