// Free fall against z = z0 - g t^2 / 2 (Galileo). Bullet integrates semi-implicit (symplectic)
// Euler: v_{n+1} = v_n - g dt, z_{n+1} = z_n + v_{n+1} dt, so after n steps exactly
//   z_n = z0 - g dt^2 n (n + 1) / 2 = z0 - (g t_n^2 / 2 + g dt t_n / 2).
// The discrete value is matched to float round-off (1 mm); the continuous solution to within
// the integrator's O(dt) error g dt t / 2 = 0.1635 m at t = 2 s, 60 Hz (plus the same 1 mm).
#include "scene.h"

namespace cd::physics {
namespace {

TEST(FreeFall, MatchesSemiImplicitEulerExactlyAndHalfGTSquaredWithinItsFirstOrderError) {
    auto world = test::makeWorld(1.0f, 1.0f, 1.0f / 60.0f, /*withGround=*/false);
    DynamicBodyDef ball;
    ball.shape = ShapeKind::Sphere;
    ball.halfExtentsM = glm::vec3(0.1f);
    ball.centerM = {0.0f, 0.0f, 0.0f};
    const BodyId id = world->addBody(ball).value();
    const double g = 9.81, dt = 1.0 / 60.0;
    for (int n = 1; n <= 120; ++n) {
        world->step();
        const double t = n * dt;
        const double z = world->bodyState(id).positionM.z;
        const double discrete = -g * dt * dt * n * (n + 1) / 2.0;
        const double continuous = -0.5 * g * t * t;
        ASSERT_NEAR(z, discrete, 1e-3) << "step " << n;
        ASSERT_LE(std::abs(z - continuous), 0.5 * g * dt * t + 1e-3) << "step " << n;
    }
    const double z2 = world->bodyState(id).positionM.z;
    EXPECT_NEAR(z2, -19.6200, 0.1635 + 1e-3);  // 1/2 g t^2 at t = 2 s
    EXPECT_NEAR(world->bodyState(id).velocityMS.z, -19.62, 1e-3);  // v = g t is exact in this scheme
}

}  // namespace
}  // namespace cd::physics
