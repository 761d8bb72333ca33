// A box sliding on a plane with Coulomb friction decelerates at mu g and stops after
// d = v0^2 / (2 mu g) (e.g. Halliday, Resnick & Walker, Fundamentals of Physics, ch. 6).
// Bullet combines friction by product: box 0.5 x ground 1.0 gives mu = 0.5; damping is zero.
// Discretely the speed drops by mu g dt per step and the position uses the new speed, which
// shortens the distance by v0 dt / 2 (0.042 m here); tolerance v0 dt / 2 + 1 % of d.
// Sideways drift (friction solved per contact point, two directions) stays below 2 % of d.
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
    EXPECT_NEAR(std::abs(s.velocityMS.x), 0.0, 1e-3);
    EXPECT_NEAR(s.positionM.x - x0, expected, v0 * dt / 2.0 + 0.01 * expected);
    EXPECT_NEAR(s.positionM.y, 0.0, 0.02 * expected);  // sideways drift from the 4-point contact below 2 %
}

}  // namespace
}  // namespace cd::physics
