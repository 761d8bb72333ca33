// Corridors: what the smoke front changes (what people, probes, detectors and the renderer
// see beyond it) and what it leaves alone (the zone's balances, rooms that are no corridors).
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>

#include "fire/ceiling_jet.h"
#include "fire/fire_case.h"
#include "fire/fire_model.h"
#include "fire/smoke_optics.h"

namespace cd::fire {
namespace {

constexpr const char* kCase = R"(
[[room]]
id = "office"
origin = [0.0, 2.0, 0.0]
size = [4.0, 4.0, 2.5]

[[room]]
id = "corridor"
size = [40.0, 2.0, 2.5]
corridor = true

[[opening]]
from = "office"
to = "corridor"
width = 0.9
height = 2.0
plan_center = [2.0, 2.0]

[[fire]]
room = "office"
position = [2.0, 4.0, 0.0]
growth = "fast"
peak_hrr_kw = 500.0
area_m2 = 0.5

[[detector]]
id = "near"
room = "corridor"
position = [4.0, 1.0, 2.45]

[[detector]]
id = "far"
room = "corridor"
position = [36.0, 1.0, 2.45]
)";

FireModel model(const std::string& text) {
    auto c = parseFireCase(text, "case.toml");
    if (!c) ADD_FAILURE() << c.error().str();
    auto m = FireModel::create(c->model);
    if (!m) ADD_FAILURE() << m.error().str();
    return std::move(*m);
}

std::string replaceOnce(std::string s, const std::string& from, const std::string& to) {
    s.replace(s.find(from), from.size(), to);
    return s;
}

TEST(CorridorFront, BeyondTheFrontTheAirIsClearAndUnderItTheLayerIsDeeperThanTheZones) {
    FireModel m = model(kCase);
    const int c = m.roomIndex("corridor");
    ASSERT_TRUE(m.isCorridor(c));
    EXPECT_FALSE(m.isCorridor(m.roomIndex("office")));
    // Step until the smoke has entered and run some metres, not yet to the far end.
    while (m.timeS() < 300 && m.smokeCoverM(c) < 8.0) m.step(0.5);
    ASSERT_LT(m.smokeCoverM(c), 20.0);
    const RoomState zone = m.roomState(c);
    const FireSample near = m.sample({3.0, 1.0, 2.4});
    const FireSample far = m.sample({35.0, 1.0, 2.4});
    EXPECT_TRUE(near.inUpperLayer);
    EXPECT_LT(near.layerHeightM, zone.layerHeightM);  // the zone's layer over the covered part only
    // Near the door the layer is hotter than the zone's mean, no hotter than what comes in.
    EXPECT_GT(near.temperatureC, zone.upperTempC);
    EXPECT_LE(near.temperatureC, m.roomState(m.roomIndex("office")).upperTempC + 1e-9);
    EXPECT_FALSE(far.inUpperLayer);
    EXPECT_DOUBLE_EQ(far.layerHeightM, 2.5);
    EXPECT_NEAR(far.temperatureC, zone.lowerTempC, 1e-9);
    EXPECT_LT(near.visibilityM, far.visibilityM);
    // The renderer's cover: inside the corridor, its length the cover's.
    double covered = 0;
    for (const SmokeCover& s : m.smokeCover(c)) {
        EXPECT_GE(s.x0, 0.0);
        EXPECT_LE(s.x1, 40.0);
        EXPECT_DOUBLE_EQ(s.y0, 0.0);
        EXPECT_DOUBLE_EQ(s.y1, 2.0);
        EXPECT_NEAR(s.layerHeightM, near.layerHeightM, 1e-9);
        covered += s.x1 - s.x0;
    }
    EXPECT_NEAR(covered, m.smokeCoverM(c), 1e-9);
    // Once the front has reached both ends the zone's layer holds everywhere.
    while (m.timeS() < 600 && m.smokeCoverM(c) < 40.0) m.step(0.5);
    ASSERT_DOUBLE_EQ(m.smokeCoverM(c), 40.0);
    int filled = 0;
    for (const FireEvent& e : m.drainEvents())
        if (e.type == FireEventType::CorridorFilled) {
            ++filled;
            EXPECT_EQ(e.room, c);
            EXPECT_DOUBLE_EQ(e.value, 40.0);
            EXPECT_EQ(m.describe(e).substr(m.describe(e).find(' ', 0)), " s corridor_filled room corridor");
        }
    EXPECT_EQ(filled, 1);
    const FireSample later = m.sample({35.0, 1.0, 2.4});
    EXPECT_DOUBLE_EQ(later.layerHeightM, m.roomState(c).layerHeightM);
    ASSERT_EQ(m.smokeCover(c).size(), 1u);
    EXPECT_DOUBLE_EQ(m.smokeCover(c)[0].x1 - m.smokeCover(c)[0].x0, 40.0);
}

// The layer cools as its current runs away from the door (smoke_front.h): hotter by the door,
// falling along the corridor, its mean over the corridor the zone's layer.
TEST(CorridorFront, TheLayerCoolsAwayFromTheDoorAndKeepsTheZonesMean) {
    FireModel m = model(kCase);
    const int c = m.roomIndex("corridor");
    m.step(300.0);
    ASSERT_DOUBLE_EQ(m.smokeCoverM(c), 40.0);
    const RoomState zone = m.roomState(c);
    constexpr int kPoints = 400;
    double previous = 1e9, sum = 0;
    for (int i = 0; i < kPoints; ++i) {
        const double x = (i + 0.5) * 40.0 / kPoints;
        const double t = m.sample({x, 1.0, 2.45}).temperatureC;
        if (x >= 2.0) {
            EXPECT_LE(t, previous + 1e-12) << x;  // the door is at x = 2 m
        }
        previous = t;
        sum += t;
    }
    const double near = m.sample({2.0, 1.0, 2.45}).temperatureC, far = m.sample({39.0, 1.0, 2.45}).temperatureC;
    std::printf("at 300 s: %.1f C at the door, %.1f C 37 m on; zone %.1f C over %.1f C\n", near, far, zone.upperTempC,
                zone.lowerTempC);
    EXPECT_GT(near - zone.lowerTempC, 1.5 * (far - zone.lowerTempC));
    EXPECT_NEAR(sum / kPoints, zone.upperTempC, 0.01 * (zone.upperTempC - zone.lowerTempC));
    // A room that is no corridor reads its zone's layer everywhere.
    FireModel plain = model(replaceOnce(kCase, "corridor = true", "corridor = false"));
    plain.step(300.0);
    EXPECT_DOUBLE_EQ(plain.sample({2.0, 1.0, 2.45}).temperatureC, plain.roomState(c).upperTempC);
    EXPECT_DOUBLE_EQ(plain.sample({39.0, 1.0, 2.45}).temperatureC, plain.roomState(c).upperTempC);
}

TEST(CorridorFront, ADetectorNearTheDoorAlarmsBeforeOneAtTheFarEnd) {
    FireModel m = model(kCase);
    double nearS = -1, farS = -1;
    while (m.timeS() < 600 && farS < 0) {
        m.step(0.5);
        for (const FireEvent& e : m.drainEvents()) {
            if (e.type != FireEventType::DetectorActivated) continue;
            (e.device == 0 ? nearS : farS) = e.timeS;
        }
    }
    ASSERT_GT(nearS, 0);
    ASSERT_GT(farS, 0);
    EXPECT_GT(farS, nearS + 20.0) << "32 m further along at about 1 m/s";
    // Without the front (corridor = false) both see the zone's layer and alarm together.
    FireModel zone = model(replaceOnce(kCase, "corridor = true", "corridor = false"));
    double zNear = -1, zFar = -1;
    while (zone.timeS() < 600 && zFar < 0) {
        zone.step(0.5);
        for (const FireEvent& e : zone.drainEvents())
            if (e.type == FireEventType::DetectorActivated) (e.device == 0 ? zNear : zFar) = e.timeS;
    }
    EXPECT_NEAR(zNear, zFar, 0.51);
    EXPECT_LT(zFar, farS);
}

// A smoke detector with an entry lag (L = 1.8 m) halfway along feels the current flow past it:
// its chamber fills at the front's own speed, not at the 0.1 m/s of still air. Its alarm matches
// an RK4 integration of the lag equation driven by the soot the model reports there and the speed
// at which the covered stretch grows (within 2 %, the model's step order), and comes well before
// the alarm the same detector would give in still air.
TEST(CorridorFront, ASmokeDetectorUnderTheFrontFeelsTheCurrentFlowPastIt) {
    FireModel m = model(std::string(kCase) + R"(
[[detector]]
id = "lagged"
room = "corridor"
position = [20.0, 1.0, 2.45]
characteristic_length_m = 1.8
)");
    const Point3 at{20.0, 1.0, 2.45};
    auto coverEnd = [&] {
        double end = 0;
        for (const SmokeCover& c : m.smokeCover(1)) end = std::max(end, c.x1);
        return end;
    };
    const double dt = 0.05;
    double moving = 0, still = 0, alarmS = -1, rk4S = -1, stillS = -1, arrivalS = -1;
    while (m.timeS() < 600 && (alarmS < 0 || rk4S < 0 || stillS < 0)) {
        const double before = coverEnd();
        m.step(dt);
        const double speed = (coverEnd() - before) / dt;
        const FireSample g = m.sample(at);
        if (g.inUpperLayer && arrivalS < 0) arrivalS = m.timeS();
        const double u = g.inUpperLayer ? std::max(0.1, speed) : 0.1;
        auto advance = [&](double& y, double v) {
            auto rhs = [&](double c) { return v / 1.8 * (g.sootKgM3 - c); };
            for (int k = 0; k < 5; ++k) {
                const double h = 0.01;
                const double k1 = rhs(y), k2 = rhs(y + 0.5 * h * k1), k3 = rhs(y + 0.5 * h * k2), k4 = rhs(y + h * k3);
                y += h / 6 * (k1 + 2 * k2 + 2 * k3 + k4);
            }
        };
        advance(moving, u);
        advance(still, 0.1);
        if (rk4S < 0 && obscurationPctPerM(moving) >= 23.93) rk4S = m.timeS();
        if (stillS < 0 && obscurationPctPerM(still) >= 23.93) stillS = m.timeS();
        for (const FireEvent& e : m.drainEvents())
            if (e.type == FireEventType::DetectorActivated && e.device == 2) alarmS = e.timeS;
    }
    ASSERT_GT(arrivalS, 0);
    ASSERT_GT(alarmS, 0);
    ASSERT_GT(rk4S, 0);
    EXPECT_NEAR(alarmS, rk4S, 0.02 * rk4S);
    EXPECT_LT(alarmS, stillS - 5.0);
    std::printf("front at 20 m at %.2f s; lagged detector there alarms at %.2f s (RK4 %.2f s; in still air %.2f s)\n", arrivalS,
                alarmS, rk4S, stillS);
}

// A fire in the corridor itself: its ceiling jet runs along the corridor with the smoke front.
// Beyond the front the ceiling sees no jet; under it, once the jet has met the side walls, it is
// Delichatsios's channel jet from the plume's excess where it meets the ceiling (it decays more
// slowly than Alpert's radial jet, which it exceeds 15 m along).
TEST(CorridorFront, AFireInTheCorridorDrivesAChannelJetThatRunsWithTheFront) {
    FireModel m = model(R"(
[[room]]
id = "corridor"
size = [40.0, 2.0, 2.5]
corridor = true

[[opening]]
from = "corridor"
to = "outside"
width = 1.0
height = 2.0
plan_center = [40.0, 1.0]

[[fire]]
room = "corridor"
position = [5.0, 1.0, 0.0]
growth = "fast"
peak_hrr_kw = 500.0
area_m2 = 0.5
)");
    const Point3 axis{5.0, 1.0, 2.45}, along{20.0, 1.0, 2.45};
    bool sawAheadOfFront = false;
    while (m.timeS() < 300 && !m.sample(along).inUpperLayer) {
        m.step(0.5);
        if (m.fireState(0).hrrKw > 0 && !m.sample(along).inUpperLayer) {
            EXPECT_EQ(m.plumeAt(along).jetVelocityMS, 0.0) << "no jet ahead of the front at " << m.timeS() << " s";
            sawAheadOfFront = true;
        }
    }
    ASSERT_TRUE(sawAheadOfFront);
    ASSERT_TRUE(m.sample(along).inUpperLayer);
    const double arrivalS = m.timeS();
    const PlumeSample atAxis = m.plumeAt(axis), there = m.plumeAt(along);
    const double layerHere = m.sample(along).temperatureC, layerAtFire = m.sample(axis).temperatureC;
    const CeilingJet hall = corridorCeilingJet(atAxis.jetTempC - layerAtFire, 2.5, 2.0, 15.0);
    EXPECT_NEAR(there.jetTempC - layerHere, hall.excessTempK, 1e-6 * hall.excessTempK + 1e-9);
    EXPECT_NEAR(there.jetVelocityMS, hall.velocityMS, 1e-6 * hall.velocityMS + 1e-9);
    std::printf("front 15 m from a corridor fire at %.1f s (%.0f kW): plume %.1f K over the layer at the ceiling, "
                "channel jet there %.1f K at %.2f m/s\n",
                arrivalS, m.fireState(0).hrrKw, atAxis.jetTempC - layerAtFire, hall.excessTempK, hall.velocityMS);
}

// A classroom door 10 m along the corridor, once the front has passed it, sees the covered
// stretch's deeper layer, not the zone's layer thinned over the whole ceiling: the corridor's
// smoke pours into the classroom sooner than it would without the front.
TEST(CorridorFront, ADoorUnderTheCoveredStretchSeesItsDeeperLayer) {
    const std::string classroom = R"(
[[room]]
id = "classroom"
origin = [8.0, 2.0, 0.0]
size = [6.0, 6.0, 2.5]

[[opening]]
from = "corridor"
to = "classroom"
width = 0.9
height = 2.0
plan_center = [10.0, 2.0]
)";
    FireModel a = model(std::string(kCase) + classroom);
    FireModel b = model(replaceOnce(std::string(kCase) + classroom, "corridor = true", "corridor = false"));
    const int c = a.roomIndex("corridor");
    auto soot = [](const FireModel& m) {
        const RoomState s = *m.roomState("classroom");
        return s.upperSootKgM3 * s.upperVolumeM3;
    };
    while (a.timeS() < 300 && a.smokeCoverM(c) < 30.0) {
        a.step(0.5);
        b.step(0.5);
    }
    const double local = a.sample({10.0, 1.0, 2.45}).layerHeightM, zone = a.roomState(c).layerHeightM;
    std::printf("front at %.1f m at %.1f s: layer %.2f m at the door (zone %.2f m); classroom soot %.3g g with the "
                "front, %.3g g without\n",
                a.smokeCoverM(c), a.timeS(), local, zone, 1e3 * soot(a), 1e3 * soot(b));
    ASSERT_GT(a.smokeCoverM(c), 20.0);
    EXPECT_LT(local, 2.0);  // below the door's head
    EXPECT_GT(zone, local);
    EXPECT_GT(soot(a), 1.5 * soot(b));
}

// A stair door at the corridor's far end: the corridor has no layer there until the front
// arrives, so the door passes no smoke before (the zone's thin layer over the whole corridor
// would have reached down past the door's top some 10 s earlier).
TEST(CorridorFront, AFarDoorPassesNoSmokeUntilTheFrontReachesIt) {
    const std::string stair = R"(
[[room]]
id = "stair"
origin = [40.0, 0.0, 0.0]
size = [4.0, 6.0, 2.5]

[[opening]]
from = "corridor"
to = "stair"
width = 0.9
height = 2.0
plan_center = [40.0, 1.0]

[[opening]]
from = "stair"
to = "outside"
width = 0.9
height = 2.0
)";
    FireModel m = model(std::string(kCase) + stair);
    const int c = m.roomIndex("corridor"), st = m.roomIndex("stair");
    double reachedS = -1, smokeS = -1;
    while (m.timeS() < 400 && smokeS < 0) {
        m.step(0.5);
        if (reachedS < 0 && m.smokeCoverM(c) >= 39.5) reachedS = m.timeS();
        if (smokeS < 0 && m.roomState(st).upperSootKgM3 > 1e-7) smokeS = m.timeS();
    }
    std::printf("front at the stair door %.1f s, smoke in the stair %.1f s\n", reachedS, smokeS);
    ASSERT_GT(reachedS, 0);
    ASSERT_GT(smokeS, 0);
    EXPECT_GE(smokeS, reachedS);
    EXPECT_LT(smokeS, reachedS + 30.0);
}

TEST(CorridorFront, ARoomIsACorridorOnlyWhenTheCaseSaysSo) {
    // However long: a 40 x 2 m room without `corridor = true` fills at once, as in CFAST.
    EXPECT_TRUE(model(kCase).isCorridor(1));
    EXPECT_FALSE(model(replaceOnce(kCase, "corridor = true", "")).isCorridor(1));
    EXPECT_TRUE(model(replaceOnce(kCase, "id = \"office\"", "id = \"office\"\ncorridor = true")).isCorridor(0));
    auto bad = parseFireCase(replaceOnce(kCase, "id = \"office\"", "id = \"office\"\ncorridor = \"yes\""), "case.toml");
    ASSERT_FALSE(bad);
    EXPECT_EQ(bad.error().field, "room.corridor");
    EXPECT_EQ(bad.error().line, 4);
}

}  // namespace
}  // namespace cd::fire
