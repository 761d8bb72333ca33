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
