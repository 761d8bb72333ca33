// Shut doors stop the trainee's body: the fire drill's exit door (shut in the fire model, as
// exits are) stands across the opening in the still physics world of block A. Walking into it
// says which door the trainee presses on; opened, they walk out through it; shut again, it stops
// them from outside.
#include <gtest/gtest.h>

#include "earthquake_hazard.h"
#include "fire_hazard.h"
#include "scenario/scenario_loader.h"
#include "still_world.h"
#include "trainee_capsule.h"

using namespace cd;

namespace {

constexpr double kTickS = 1.0 / 30.0;
const char* kExit = "A.stairW.exit";  // block A's west stair to the forecourt, at y = 168.125, outside to the south

struct ExitScene {
    scenario::ScenarioDef def;
    std::optional<scenario::ScenarioDef> stillDef;  // the hazard keeps pointers into it
    world::District district;
    std::unique_ptr<app::FireHazard> fire;
    std::unique_ptr<app::EarthquakeHazard> still;
    std::optional<app::TraineeCapsule> body;
    double timeS = 0.0;

    ExitScene() {
        auto sc = scenario::loadScenario("scenes/school_fire_drill.toml");
        EXPECT_TRUE(sc.ok());
        def = sc.def;
        auto d = world::loadDistrict(def.districtPath);
        EXPECT_TRUE(d.ok()) << d.error().str();
        district = std::move(*d);
        auto f = app::FireHazard::build(def, district);
        EXPECT_TRUE(f.ok()) << f.error().str();
        fire = std::move(*f);
        const glm::vec3 inside(105.21f, 169.0f, 10.2f);  // in the stairwell, 0.9 m from the exit
        stillDef = app::stillWorldScenario(def, district, inside);
        EXPECT_TRUE(stillDef.has_value());
        auto q = app::EarthquakeHazard::build(*stillDef, district);
        EXPECT_TRUE(q.ok()) << q.error().str();
        still = std::move(*q);
        auto c = app::TraineeCapsule::place(*still, def.trainee, inside);
        EXPECT_TRUE(c.ok()) << c.error().str();
        body.emplace(std::move(*c));
        still->followDoors(*fire);
    }
    /// Walks along dir for seconds; true when the trainee pressed on the exit door on the way.
    bool walk(glm::vec3 dir, double seconds) {
        bool pressed = false;
        for (const double end = timeS + seconds; timeS < end; timeS += kTickS) {
            still->followDoors(*fire);
            body->steerAlong(dir, 1.0f, false, false);
            still->advanceTo(timeS + kTickS);
            const std::string door = still->doorPressed();
            EXPECT_TRUE(door.empty() || door == kExit) << door;
            pressed = pressed || door == kExit;
        }
        return pressed;
    }
    float y() const { return body->state().feetM.y; }
};

}  // namespace

TEST(ShutDoor, TheShutExitStopsTheTraineeUntilItIsOpened) {
    ExitScene s;
    ASSERT_FALSE(s.fire->doorOpen(kExit)) << "exits start shut";
    const std::size_t shutAtStart = s.still->shutDoors().size();
    EXPECT_GE(shutAtStart, 1u);
    EXPECT_TRUE(s.walk({0.0f, -1.0f, 0.0f}, 3.0)) << "walking into the door presses on it";
    // Stopped at the panel (2 cm either side of the door line): capsule radius 0.25 m, 1 cm skin.
    EXPECT_NEAR(s.y(), 168.125f + 0.02f + 0.26f, 0.03f);
    ASSERT_TRUE(s.fire->setDoorOpen(kExit, true).ok());
    EXPECT_FALSE(s.walk({0.0f, -1.0f, 0.0f}, 3.0));
    EXPECT_LT(s.y(), 167.0f) << "out on the forecourt";
    EXPECT_EQ(s.still->shutDoors().size(), shutAtStart - 1);
    // Shut behind them, it stops them coming back in.
    ASSERT_TRUE(s.fire->setDoorOpen(kExit, false).ok());
    EXPECT_TRUE(s.walk({0.0f, 1.0f, 0.0f}, 3.0));
    EXPECT_NEAR(s.y(), 168.125f - 0.02f - 0.26f, 0.03f);
    EXPECT_EQ(s.still->shutDoors().size(), shutAtStart);
}

TEST(ShutDoor, ADoorShutOnTheTraineeInTheDoorwayWaitsUntilTheyAreThrough) {
    ExitScene s;
    ASSERT_TRUE(s.fire->setDoorOpen(kExit, true).ok());
    // Into the doorway (the wall is 0.25 m thick about y = 168.125), then the door is shut.
    for (int i = 0; i < 300 && s.y() > 168.2f; ++i) s.walk({0.0f, -1.0f, 0.0f}, kTickS);
    ASSERT_LT(s.y(), 168.3f);
    ASSERT_TRUE(s.fire->setDoorOpen(kExit, false).ok());
    const std::size_t open = s.still->shutDoors().size();
    s.walk({0.0f, 0.0f, 0.0f}, 0.5);
    EXPECT_EQ(s.still->shutDoors().size(), open) << "not shut through the trainee";
    s.walk({0.0f, -1.0f, 0.0f}, 2.0);
    EXPECT_LT(s.y(), 167.5f);
    EXPECT_EQ(s.still->shutDoors().size(), open + 1) << "shut once they are through";
}

// The earthquake scenes hang open leaves in the inner doors. Shutting the door in the fire model
// swings its leaf shut (it latches: walking into it is pressing on a shut door), and opening it
// swings the leaf back to where it hung.
TEST(ShutDoor, ADoorLeafSwingsShutAndOpenWithItsDoor) {
    auto sc = scenario::loadScenario("scenes/earthquake_school.toml");
    ASSERT_TRUE(sc.ok());
    scenario::ScenarioDef def = sc.def;
    def.earthquake->atS = 1000.0;  // no shaking in this test
    def.earthquake->collapses.clear();
    auto d = world::loadDistrict(def.districtPath);
    ASSERT_TRUE(d.ok());
    auto fire = app::FireHazard::build(def, *d);
    auto quake = app::EarthquakeHazard::build(def, *d);
    ASSERT_TRUE(fire.ok() && quake.ok());
    app::EarthquakeHazard& q = **quake;
    const char* door = "A.1.classroom2.door";  // the classroom north of the corridor, at y = 170.625
    auto body = app::TraineeCapsule::place(q, def.trainee, glm::vec3(115.81f, 169.5f, 13.7f));
    ASSERT_TRUE(body.ok()) << body.error().str();
    double t = 0.0;
    auto run = [&](double seconds, glm::vec3 dir) {
        bool pressed = false;
        for (const double end = t + seconds; t < end; t += kTickS) {
            q.followDoors(**fire);
            body->steerAlong(dir, 1.0f, false, false);
            q.advanceTo(t + kTickS);
            pressed = pressed || q.doorPressed() == door;
        }
        return pressed;
    };
    auto shutCount = [&] {
        int n = 0;
        for (char c : q.shutLeaves()) n += c;
        return n;
    };
    run(0.5, glm::vec3(0.0f));
    EXPECT_EQ(shutCount(), 0) << "inner doors stand open";
    ASSERT_TRUE((*fire)->setDoorOpen(door, false).ok());
    run(3.0, glm::vec3(0.0f));
    EXPECT_EQ(shutCount(), 1);
    EXPECT_TRUE(run(2.0, glm::vec3(0.0f, 1.0f, 0.0f))) << "walking into the shut leaf presses on it";
    EXPECT_LT(body->state().feetM.y, 170.5f) << "and does not get through";
    ASSERT_TRUE((*fire)->setDoorOpen(door, true).ok());
    run(2.5, glm::vec3(0.0f));
    EXPECT_EQ(shutCount(), 0);
    EXPECT_FALSE(run(3.0, glm::vec3(0.0f, 1.0f, 0.0f)));
    EXPECT_GT(body->state().feetM.y, 171.2f) << "through into the classroom";
}
