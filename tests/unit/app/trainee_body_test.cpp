#include <gtest/gtest.h>

#include "route.h"
#include "tiny_district.h"
#include "trainee_body.h"

using namespace cd;

namespace {
world::District tiny() {
    auto d = world::parseDistrict(test::tinyDistrict().dump(), "tiny.json");
    EXPECT_TRUE(d.ok()) << (d.ok() ? "" : d.error().str());
    return *d;
}
}  // namespace

class TraineeBodyTest : public ::testing::Test {
protected:
    world::District district = tiny();
    app::TraineeMotion motion{district};
    app::TraineeBody body;
};

TEST_F(TraineeBodyTest, AWallStopsTheBodyOutsideTheDoorway) {
    ASSERT_TRUE(motion.place(body, {2.0f, 0.8f, 0.0f}));
    for (int i = 0; i < 200; ++i) motion.walk(body, {0.05f, 0.0f, 0.0f});
    EXPECT_LE(body.feetM.x, 4.0f - body.radiusM + 1e-4f);
    EXPECT_EQ(body.room->id, "R1");
}

TEST_F(TraineeBodyTest, TheDoorwayLetsTheBodyThroughToTheNextRoomAndOut) {
    ASSERT_TRUE(motion.place(body, {2.0f, 2.0f, 0.0f}));
    for (int i = 0; i < 100; ++i) motion.walk(body, {0.05f, 0.0f, 0.0f});
    ASSERT_NE(body.room, nullptr);
    EXPECT_EQ(body.room->id, "R2");
    for (int i = 0; i < 100; ++i) motion.walk(body, {0.05f, 0.0f, 0.0f});
    EXPECT_EQ(body.room, nullptr) << "through the exit door, outdoors";
    EXPECT_GT(body.feetM.x, 8.5f);
    // Outdoors the feet follow the terrain (heights 0, 0.25, 0.5 at x = 5, 15, 25 along row 0).
    EXPECT_NEAR(body.feetM.z, district.terrain.heightAt(body.feetM.x, body.feetM.y), 1e-5);
}

TEST_F(TraineeBodyTest, AStartInsideAWallIsRefused) {
    EXPECT_FALSE(motion.place(body, {4.1f, 0.5f, 0.0f}));
}

TEST(Route, PassesEachDoorSquareToItsWall) {
    world::District d = tiny();
    world::WalkGraph graph(d);
    const world::Room* r1 = d.findRoom("R1");
    auto pts = app::routeBetween(graph, d, {1.0f, 1.0f, 0.0f}, r1, "exit:E1", {10.0f, 2.0f, 0.0f});
    ASSERT_GE(pts.size(), 4u);
    // Through D1 at x = 4.1: one point before the wall and one after, both at the door's y.
    EXPECT_NEAR(pts[0].x, 4.1f - 0.6f, 1e-4);
    EXPECT_NEAR(pts[1].x, 4.1f + 0.6f, 1e-4);
    EXPECT_NEAR(pts[0].y, 2.0f, 1e-4);
    EXPECT_NEAR(pts.back().x, 10.0f, 1e-4);
}
