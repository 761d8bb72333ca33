// Two bodies meeting head on (e.g. Halliday, Resnick & Walker, ch. 9, with Newton's law of
// impact): momentum is kept and the separation speed is e times the approach speed, so a body
// of mass m1 at v meeting m2 at rest leaves at (m1 - e m2) v / (m1 + m2) and sends m2 off at
// (1 + e) m1 v / (m1 + m2). Spheres in empty space (no gravity, no ground), restitution e on
// the moving one and 1.0 on the other (Bullet multiplies them). Momentum and each speed within
// 0.1 % of the incoming (measured: to 1e-4 m/s; two spheres meet at one point, which the
// solver resolves exactly in the step they touch).
#include <cmath>

#include "scene.h"

namespace cd::physics {
namespace {

struct After {
    double v1 = 0.0, v2 = 0.0, m1 = 0.0, m2 = 0.0;
};

After collide(float e, float density2, float v) {
    WorldDef def;
    def.source = "verification";
    def.gravityMS2 = glm::vec3(0.0f);
    auto world = std::move(PhysicsWorld::create(def).value());
    DynamicBodyDef a;
    a.shape = ShapeKind::Sphere;
    a.halfExtentsM = glm::vec3(0.2f);
    a.centerM = {-1.0f, 0.0f, 0.0f};
    a.velocityMS = {v, 0.0f, 0.0f};
    a.material.restitution = e;
    a.material.frictionCoeff = 0.0f;
    a.material.densityKgM3 = 500.0f;
    DynamicBodyDef b = a;
    b.centerM = {0.0f, 0.0f, 0.0f};
    b.velocityMS = glm::vec3(0.0f);
    b.material.restitution = 1.0f;
    b.material.densityKgM3 = density2;
    const BodyId ia = world->addBody(a).value(), ib = world->addBody(b).value();
    for (int k = 0; k < 120; ++k) world->step();  // 2 s: met after about 0.3 s, apart since
    After r;
    r.v1 = world->bodyState(ia).velocityMS.x;
    r.v2 = world->bodyState(ib).velocityMS.x;
    r.m1 = world->bodyState(ia).massKg;
    r.m2 = world->bodyState(ib).massKg;
    return r;
}

TEST(HeadOnCollision, MomentumIsKeptAndTheBodiesPartAtETimesTheirClosingSpeed) {
    const float v = 2.0f;
    for (float e : {1.0f, 0.5f, 0.0f})
        for (float density2 : {500.0f, 1500.0f}) {
            const After r = collide(e, density2, v);
            const double m1 = r.m1, m2 = r.m2;
            const double v1 = (m1 - e * m2) * v / (m1 + m2), v2 = (1.0 + e) * m1 * v / (m1 + m2);
            std::printf("e %.1f, m2/m1 %.0f: v1 %.4f (%.4f), v2 %.4f (%.4f) m/s\n", e, m2 / m1, r.v1, v1, r.v2, v2);
            EXPECT_NEAR(m1 * r.v1 + m2 * r.v2, m1 * v, 1e-3 * m1 * v) << "momentum, e " << e << " m2/m1 " << m2 / m1;
            EXPECT_NEAR(r.v1, v1, 1e-3 * v) << "e " << e << " m2/m1 " << m2 / m1;
            EXPECT_NEAR(r.v2, v2, 1e-3 * v) << "e " << e << " m2/m1 " << m2 / m1;
        }
}

}  // namespace
}  // namespace cd::physics
