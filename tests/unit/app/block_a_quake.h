#pragma once
// A session-level earthquake under block A of the test campus, parametric shaking (period
// 0.4 s), for the tests that drive a whole Session through it (thrown down, taking shelter).
#include <string>

#include "campus_district.h"
#include "session.h"

namespace cd::test {

inline scenario::ScenarioDef blockAQuake(const std::string& name, const std::string& startRoom, double durationS, double atS,
                                         double pgaG, double shakingS, bool furniture) {
    scenario::ScenarioDef s;
    s.path = name + ".toml";
    s.id = name;
    s.title = name;
    s.durationS = durationS;
    s.tickHz = 30.0;
    s.assemblyPoint = "assembly.playground";
    s.trainee.startRoom = startRoom;
    scenario::EarthquakeDef q;
    q.atS = atS;
    q.building = "A";
    q.shaking.pgaG = pgaG;
    q.shaking.periodS = 0.4;
    q.shaking.durationS = shakingS;
    q.furniture = furniture;
    q.source = {s.path, 12, "earthquake"};
    s.earthquake = q;
    return s;
}

/// A session of sc on the test campus (sc must outlive it); a test failure if it does not start.
inline std::unique_ptr<app::Session> startSession(const scenario::ScenarioDef& sc) {
    app::SessionSetup setup;
    setup.scenario = &sc;
    setup.district = &testdata::campus();
    setup.durationS = sc.durationS;
    auto s = app::Session::start(setup);
    EXPECT_TRUE(s.ok()) << (s.ok() ? "" : s.error().str());
    return s.ok() ? std::move(*s) : nullptr;
}

/// Queues an action of this kind (at p, for moves) for the session's next tick.
inline void act(app::Session& s, record::ActionKind kind, glm::vec3 p = glm::vec3(0.0f)) {
    record::TraineeAction a;
    a.kind = kind;
    a.x = p.x;
    a.y = p.y;
    a.z = p.z;
    s.act(a);
}

}  // namespace cd::test
