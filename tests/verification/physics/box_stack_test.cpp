// A stack of ten 1 m boxes stays standing for 10 s (the classic solver stability case,
// e.g. Catto, "Iterative Dynamics with Temporal Coherence", GDC 2005). Tolerance: every box
// ends within 5 cm of its start sideways (a tenth of the 0.5 m half width that would tip it;
// the iterative solver lets the stack sway a few cm while it compresses in the first 2 s),
// within 5 cm vertically (contact margins), and at rest.
#include "scene.h"

namespace cd::physics {
namespace {

TEST(BoxStack, TenBoxesStandForTenSeconds) {
    auto world = test::makeWorld(1.0f, 0.0f);
    std::vector<BodyId> boxes;
    for (int i = 0; i < 10; ++i) {
        DynamicBodyDef box;
        box.halfExtentsM = glm::vec3(0.5f);
        box.centerM = {0.0f, 0.0f, 0.5f + static_cast<float>(i)};
        box.material = materials::concrete();
        boxes.push_back(world->addBody(box).value());
    }
    for (int n = 0; n < 600; ++n) world->step();
    for (int i = 0; i < 10; ++i) {
        const BodyState s = world->bodyState(boxes[i]);
        EXPECT_LT(std::hypot(s.positionM.x, s.positionM.y), 0.05) << "box " << i;
        EXPECT_LT(glm::length(s.velocityMS), 1e-3f) << "box " << i;
        EXPECT_GT(std::abs(s.orientation.w), std::cos(0.5f * 0.035f)) << "box " << i << " tilted over 2 degrees";
        EXPECT_NEAR(s.positionM.z, 0.5 + i, 0.05) << "box " << i;
    }
}

}  // namespace
}  // namespace cd::physics
