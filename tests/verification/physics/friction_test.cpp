// A box sliding on a plane with Coulomb friction decelerates at mu g and stops after
// d = v0^2 / (2 mu g) (e.g. Halliday, Resnick & Walker, Fundamentals of Physics, ch. 6).
// Bullet combines friction by product: box 0.5 x ground 1.0 gives mu = 0.5; damping is zero.
// Discretely the speed drops by mu g dt per step and the position uses the new speed, which
// shortens the distance by v0 dt / 2 (0.042 m here, 2.5068 m). The iterative solver's friction,
// per contact point in two directions, takes a little more: measured 2.4952 m (0.5 % short of
// the discrete distance) and, with gravity changed by a few parts in a million, 2.477-2.495 m
// (0.5-1.2 % short), the box turning a little and drifting 2.9-4.3 cm sideways. Tolerance:
// v0 dt / 2 + 1.5 % of d; sideways below 2 % of d.
#include <cstdio>

#include "scene.h"

namespace cd::physics {
namespace {

TEST(Friction, SlidingBoxStopsAtVSquaredOverTwoMuG) {
    auto world = test::makeWorld(/*groundFriction=*/1.0f, 0.0f);
    DynamicBodyDef box;
    box.halfExtentsM = glm::vec3(0.25f);
    box.centerM = {0.0f, 0.0f, 0.25f};
    box.material.frictionCoeff = 0.5f;
    box.material.restitution = 0.0f;
    const BodyId id = world->addBody(box).value();
    for (int n = 0; n < 30; ++n) world->step();  // settle onto the ground at rest
    const float x0 = world->bodyState(id).positionM.x;
    const float v0 = 5.0f;
    world->applyImpulse(id, {v0 * world->bodyState(id).massKg, 0.0f, 0.0f}, world->bodyState(id).positionM);
    for (int n = 0; n < 240; ++n) world->step();
    const BodyState s = world->bodyState(id);
    const double mu = 0.5, g = 9.81, dt = 1.0 / 60.0;
    const double expected = v0 * v0 / (2.0 * mu * g);
    std::printf("slid %.4f m against v0^2 / (2 mu g) %.4f, %.4f sideways\n", s.positionM.x - x0, expected, s.positionM.y);
    EXPECT_NEAR(std::abs(s.velocityMS.x), 0.0, 1e-3);
    EXPECT_NEAR(s.positionM.x - x0, expected, v0 * dt / 2.0 + 0.015 * expected);
    EXPECT_NEAR(s.positionM.y, 0.0, 0.02 * expected);  // sideways drift from the 4-point contact below 2 %
}

// A slope of theta down +x: the flat ground (friction 1.0, no bounce) with gravity turned by
// theta, the same physics in the slope's frame.
std::unique_ptr<PhysicsWorld> slopeWorld(double theta) {
    const double g = 9.81;
    WorldDef def;
    def.source = "verification";
    def.gravityMS2 = glm::vec3(static_cast<float>(g * std::sin(theta)), 0.0f, static_cast<float>(-g * std::cos(theta)));
    StaticBoxDef ground;
    ground.centerM = {0.0f, 0.0f, -0.5f};
    ground.halfExtentsM = {100.0f, 100.0f, 0.5f};
    ground.material.frictionCoeff = 1.0f;
    ground.material.restitution = 0.0f;
    def.staticBoxes.push_back(ground);
    return std::move(PhysicsWorld::create(def).value());
}

// The inclined plane (e.g. Halliday, Resnick & Walker, ch. 6): on a slope of angle theta a
// block slides down at a = g (sin theta - mu cos theta) when mu < tan theta and stays put when
// mu > tan theta. The slope is the ground with gravity turned by theta (the same physics in the
// slope's frame). The acceleration is measured from the speed between 0.5 s and 1.5 s, clear
// of the first contact. Constant acceleration is exact in semi-implicit Euler; what is left is
// the iterative solver's friction, within 1 % of mu g cos theta (+ 2 mm/s^2): measured 0.7 %
// at most before the rotation step of 30 Nov (mu 0.5: a 0.684 against 0.657, an effective mu of
// 0.497); 0.8 % since (mu 0.1: 4.048 against 4.055, effective 0.1008; mu 0.5: 0.638, 0.502;
// 0.631, 0.503 since the joint and contact impulses turn with the body, free_rotation.h).
TEST(Friction, OnAThirtyDegreeSlopeABlockSlidesAtGTimesSinMinusMuCosOrStays) {
    const double theta = 30.0 * M_PI / 180.0, g = 9.81;
    for (double mu : {0.1, 0.3, 0.5, 0.7}) {
        auto world = slopeWorld(theta);
        DynamicBodyDef box;  // wide and low: it slides, it does not tip (b/h = 2 > tan theta)
        box.halfExtentsM = glm::vec3(0.5f, 0.5f, 0.25f);
        box.centerM = {0.0f, 0.0f, 0.25f};
        box.material.frictionCoeff = static_cast<float>(mu);
        box.material.restitution = 0.0f;
        const BodyId id = world->addBody(box).value();
        for (int n = 0; n < 30; ++n) world->step();
        const double v1 = world->bodyState(id).velocityMS.x;
        const double x1 = world->bodyState(id).positionM.x;
        for (int n = 0; n < 60; ++n) world->step();
        const double a = (world->bodyState(id).velocityMS.x - v1) / 1.0;
        const double expected = mu < std::tan(theta) ? g * (std::sin(theta) - mu * std::cos(theta)) : 0.0;
        std::printf("mu %.1f on 30 deg: a %.4f m/s^2, g (sin - mu cos) %.4f\n", mu, a, expected);
        if (expected > 0.0) {
            EXPECT_NEAR(a, expected, 0.01 * mu * g * std::cos(theta) + 0.002) << mu;
        } else {
            EXPECT_NEAR(world->bodyState(id).positionM.x - x1, 0.0, 1e-3) << mu;
            EXPECT_NEAR(world->bodyState(id).velocityMS.x, 0.0, 1e-3) << mu;
        }
    }
}

// Rolling without slipping down a slope (e.g. Halliday, Resnick & Walker, ch. 11): a solid
// sphere accelerates at 5/7 g sin theta, a solid cylinder rolling on its side at 2/3 g sin theta
// (an extinguisher that falls and rolls), as long as mu >= (2/7) tan theta and (1/3) tan theta.
// mu 0.5 x 1.0; measured as above. Radius 0.15 m, the cylinder 0.6 m long.
BodyState rollDown(ShapeKind shape, double theta, double* accelMS2) {
    auto world = slopeWorld(theta);
    DynamicBodyDef body;
    body.shape = shape;
    body.halfExtentsM = glm::vec3(0.15f, 0.15f, 0.3f);
    body.centerM = {0.0f, 0.0f, 0.15f};
    if (shape == ShapeKind::Cylinder)  // on its side, its axis across the slope (y)
        body.orientation = glm::angleAxis(static_cast<float>(M_PI / 2.0), glm::vec3(1.0f, 0.0f, 0.0f));
    body.material.frictionCoeff = 0.5f;
    body.material.restitution = 0.0f;
    const BodyId id = world->addBody(body).value();
    for (int n = 0; n < 30; ++n) world->step();
    const double v1 = world->bodyState(id).velocityMS.x;
    for (int n = 0; n < 60; ++n) world->step();
    *accelMS2 = world->bodyState(id).velocityMS.x - v1;
    return world->bodyState(id);
}

// The sphere has one contact point: within 1 % (no rolling resistance is modelled), measured
// exact to 0.01 %, and no sideways drift.
TEST(Friction, OnATwentyDegreeSlopeASphereRollsAtFiveSeventhsOfGSin) {
    const double theta = 20.0 * M_PI / 180.0, expected = 5.0 / 7.0 * 9.81 * std::sin(theta);
    double a = 0.0;
    const BodyState s = rollDown(ShapeKind::Sphere, theta, &a);
    std::printf("sphere on 20 deg: a %.4f m/s^2, rolling %.4f\n", a, expected);
    EXPECT_NEAR(a, expected, 0.01 * expected);
    EXPECT_NEAR(s.velocityMS.y, 0.0, 0.01);
}

// The cylinder touches along a line, which Bullet keeps as a few manifold points that come and
// go as it turns. Their uneven pushes tilt and turn it, so one roll is noisy: over 40 slopes from
// 19.5 to 20.475 deg the acceleration runs at 0.993 of 2/3 g sin theta on average (standard
// deviation 2.9 %, each roll between 0.92 and 1.05 of it), and the cylinder wanders sideways at
// 8 cm/s rms after 1.5 s. With gravity changed by a few parts in a million: means 0.993-1.004,
// deviations 2.0-3.4 %, sideways 6-8 cm/s rms, single rolls up to 16 % off (so no bound on one
// roll but that it still rolls). The rotation step of 30 Nov left these figures where they were;
// a single roll at 20 deg, which this case was until then, passed or failed by where it fell in
// that spread. Held to: the mean within 2 %, the deviation under 6 %, every roll within 30 %
// (sliding would be -0.56 of it), sideways under 12 cm/s rms (a training-grade roll, not a
// bearing).
TEST(Friction, OnSlopesAroundTwentyDegreesACylinderRollsAtTwoThirdsOfGSinOnAverage) {
    double sum = 0.0, sum2 = 0.0, worst = 0.0, sideways2 = 0.0;
    const int runs = 40;
    for (int k = 0; k < runs; ++k) {
        const double theta = (19.5 + 0.025 * k) * M_PI / 180.0, expected = 2.0 / 3.0 * 9.81 * std::sin(theta);
        double a = 0.0;
        const BodyState s = rollDown(ShapeKind::Cylinder, theta, &a);
        sum += a / expected;
        sum2 += (a / expected) * (a / expected);
        worst = std::max(worst, std::abs(a / expected - 1.0));
        sideways2 += s.velocityMS.y * s.velocityMS.y;
    }
    const double mean = sum / runs, sd = std::sqrt(std::max(0.0, sum2 / runs - mean * mean)), rms = std::sqrt(sideways2 / runs);
    std::printf("cylinder, %d slopes: a / (2/3 g sin) %.4f on average, sd %.4f, worst %.3f off; sideways %.3f m/s rms\n", runs, mean, sd, worst, rms);
    EXPECT_NEAR(mean, 1.0, 0.02);
    EXPECT_LT(sd, 0.06);
    EXPECT_LT(worst, 0.3);  // still a roll: sliding would be -0.56 of it
    EXPECT_LT(rms, 0.12);
}

}  // namespace
}  // namespace cd::physics
