// A scenario's sprinkler system ([sprinklers]) in a session: heads laid out after NFPA 13's light
// hazard rules, the fire model's sprinklers opening through their RTI and holding the fire down,
// the event and the HUD's word, and a room that is not in the district named as an error.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>

#include "fire_hazard.h"
#include "scene_view.h"
#include "scenario_checks.h"
#include "session_text.h"
#include "sprinkler_layout.h"
#include "tiny_session.h"

using namespace cd;

TEST(SprinklerLayout, HeadsKeepNfpa13sSpacingWallDistanceAndAreaWithTheFewestHeads) {
    // 4 x 4 m: one head in the middle (2 m from each wall, 16 m2).
    EXPECT_EQ(app::sprinklerGrid(4.0, 4.0, 4.6).nx, 1);
    EXPECT_EQ(app::sprinklerGrid(4.0, 4.0, 4.6).ny, 1);
    // 9.2 x 9.2 m: 2 x 2 would keep the spacing (4.6 m) but protect 21.2 m2 each: 3 x 2.
    const app::SprinklerGrid g = app::sprinklerGrid(9.2, 9.2, 4.6);
    EXPECT_EQ(g.nx * g.ny, 6);
    // 40 x 2 m corridor: a line of 9 heads 4.44 m apart.
    EXPECT_EQ(app::sprinklerGrid(40.0, 2.0, 4.6).nx, 9);
    EXPECT_EQ(app::sprinklerGrid(40.0, 2.0, 4.6).ny, 1);
    // Any room: cells within the spacing (heads that far apart, half of it from the walls) and
    // the area, and one fewer row or column would break one of them.
    for (double x = 1.0; x <= 30.0; x += 0.7)
        for (double y = 1.0; y <= 20.0; y += 0.9)
            for (double s : {3.0, 4.6}) {
                const app::SprinklerGrid c = app::sprinklerGrid(x, y, s);
                const double cx = x / c.nx, cy = y / c.ny;
                EXPECT_LE(cx, s + 1e-9);
                EXPECT_LE(cy, s + 1e-9);
                EXPECT_LE(cx * cy, app::kSprinklerMaxAreaM2 + 1e-9) << x << " x " << y;
                if (c.nx > 1) {
                    EXPECT_TRUE(x / (c.nx - 1) > s || x / (c.nx - 1) * cy > app::kSprinklerMaxAreaM2) << x << " x " << y;
                }
                if (c.ny > 1) {
                    EXPECT_TRUE(y / (c.ny - 1) > s || cx * y / (c.ny - 1) > app::kSprinklerMaxAreaM2) << x << " x " << y;
                }
            }
}

namespace {
struct Outcome {
    record::SessionLog log;
    std::vector<std::string> messages;
    double r1TempC = 0;  ///< R1's gas under its ceiling at the end
    std::vector<app::SprinklerView> heads;
    int sprayStreaks = 0;  ///< water streaks in the drawn scene
};

Outcome run(bool sprinklers) {
    scenario::ScenarioDef sc = test::tinyScenario("sprinklers", 150.0);
    sc.fires.push_back(test::tinyFire());
    if (sprinklers) {
        scenario::SprinklerSystemDef sp;
        sp.rooms = {"R1"};
        sp.source = {"tiny.toml", 30, "sprinklers.rooms"};
        sc.sprinklers = sp;
    }
    scenario::BotScript idle;
    scenario::BotStep wait;
    wait.action = "wait";
    wait.waitS = 150.0;
    idle.steps.push_back(wait);
    Outcome out;
    test::runTinySession(sc, idle, [](const app::Session&) {}, [&](const app::Session& s) {
        out.log = s.log();
        for (const auto& m : s.messages()) out.messages.push_back(m.text);
        const world::Room* r1 = s.district().findRoom("R1");
        out.r1TempC = s.fire().sample(r1->box.center() + glm::vec3(0.0f, 0.0f, 1.3f), r1).temperatureC;
        out.heads = s.fire().sprinklers();
        for (const render::BoxInstance& b : app::hazardSnapshot(s).boxes)
            out.sprayStreaks += b.color == glm::vec3(0.62f, 0.8f, 0.97f);
    });
    return out;
}
}  // namespace

TEST(Sprinklers, AHeadOverTheFireOpensAndItsWaterHoldsTheFireDown) {
    const Outcome wet = run(true), dry = run(false);
    const record::SimEvent* opened = test::firstEvent(wet.log, "fire.sprinkler");
    ASSERT_NE(opened, nullptr);
    EXPECT_EQ(opened->subject, "R1");
    EXPECT_NE(opened->text.find("R1.sprinkler.1"), std::string::npos) << opened->text;
    // f1 grows at 0.1876 kW/s2 from 1 s under the quick-response head 2.9 m above it: it opens
    // within the first minute, long before the end.
    EXPECT_LT(opened->timeS, 60.0);
    EXPECT_EQ(test::firstEvent(dry.log, "fire.sprinkler"), nullptr);
    // Drawn: every head under R1's ceiling, the open ones throwing two rings of 12 streaks.
    const int opens = static_cast<int>(std::count_if(wet.log.events.begin(), wet.log.events.end(),
                                                     [](const record::SimEvent& e) { return e.kind == "fire.sprinkler"; }));
    const int drawnOpen = static_cast<int>(std::count_if(wet.heads.begin(), wet.heads.end(), [](const app::SprinklerView& h) { return h.open; }));
    EXPECT_FALSE(wet.heads.empty());
    EXPECT_EQ(drawnOpen, opens);
    EXPECT_EQ(wet.sprayStreaks, 24 * opens);
    EXPECT_TRUE(dry.heads.empty());
    EXPECT_EQ(dry.sprayStreaks, 0);
    EXPECT_EQ(std::count(wet.messages.begin(), wet.messages.end(), std::string(app::say::kSprinklerOpened.en)), 1);
    // Evans's decay from the opening on: the room is cooler at the end than without sprinklers.
    EXPECT_LT(wet.r1TempC, dry.r1TempC - 20.0) << wet.r1TempC << " C against " << dry.r1TempC << " C";
    std::printf("sprinkler over f1 opened at %.1f s; R1 at 150 s: %.1f C with it, %.1f C without\n", opened->timeS,
                wet.r1TempC, dry.r1TempC);
}

TEST(Sprinklers, ARoomThatIsNotInTheDistrictIsNamedWithFileLineAndField) {
    scenario::ScenarioDef sc = test::tinyScenario("sprinklers", 10.0);
    scenario::SprinklerSystemDef sp;
    sp.rooms = {"R1", "R9"};
    sp.source = {"tiny.toml", 30, "sprinklers.rooms"};
    sc.sprinklers = sp;
    const world::District d = test::tinyWorld();
    auto f = app::FireHazard::build(sc, d);
    ASSERT_FALSE(f.ok());
    EXPECT_NE(f.error().str().find("tiny.toml:30: sprinklers.rooms: no room 'R9'"), std::string::npos) << f.error().str();
    // `citydrill validate` says so before any session starts.
    const auto errors = app::checkScenarioAgainstDistrict(sc, d);
    ASSERT_EQ(errors.size(), 1u);
    EXPECT_EQ(errors[0].str(), "tiny.toml:30: sprinklers.rooms: no room 'R9' in district tiny.json");
}
