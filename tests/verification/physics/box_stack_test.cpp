// A stack of ten 1 m boxes stays standing for 10 s (the classic solver stability case,
// e.g. Catto, "Iterative Dynamics with Temporal Coherence", GDC 2005). Tolerance: every box
// ends within 10 cm of the axis sideways (a fifth of the 0.5 m half width that would tip it; the
// iterative solver lets the stack sway a few cm while it compresses, and how far it has gone
// when it falls asleep varies from 0.4 to 7 cm with the box height, below), within 5 cm
// vertically (contact margins), upright within 2 degrees, and at rest.
#include <cmath>
#include <cstdio>

#include "scene.h"

namespace cd::physics {
namespace {

struct StackEnd {
    double driftM = 0.0, speedMS = 0.0, tiltRad = 0.0, sinkM = 0.0;
};
StackEnd stack(float halfHeightM) {
    auto world = test::makeWorld(1.0f, 0.0f);
    std::vector<BodyId> boxes;
    for (int i = 0; i < 10; ++i) {
        DynamicBodyDef box;
        box.halfExtentsM = glm::vec3(0.5f, 0.5f, halfHeightM);
        box.centerM = {0.0f, 0.0f, halfHeightM * static_cast<float>(1 + 2 * i)};
        box.material = materials::concrete();
        boxes.push_back(world->addBody(box).value());
    }
    for (int n = 0; n < 600; ++n) world->step();
    StackEnd e;
    for (int i = 0; i < 10; ++i) {
        const BodyState s = world->bodyState(boxes[i]);
        e.driftM = std::max(e.driftM, static_cast<double>(std::hypot(s.positionM.x, s.positionM.y)));
        e.speedMS = std::max(e.speedMS, static_cast<double>(glm::length(s.velocityMS)));
        e.tiltRad = std::max(e.tiltRad, 2.0 * std::acos(std::min(1.0, static_cast<double>(std::abs(s.orientation.w)))));
        e.sinkM = std::max(e.sinkM, std::abs(static_cast<double>(s.positionM.z) - halfHeightM * (1 + 2 * i)));
    }
    return e;
}

// The classic case: ten 1 m cubes. Measured: the stack sways a few cm while it compresses,
// falls asleep after about 2.5 s and ends 5.3 cm off the axis at most, upright within 0.01 rad.
TEST(BoxStack, TenBoxesStandForTenSeconds) {
    const StackEnd e = stack(0.5f);
    std::printf("1 m cubes: drift %.4f m, speed %.4f m/s, tilt %.4f rad, off its height %.4f m\n", e.driftM, e.speedMS, e.tiltRad, e.sinkM);
    EXPECT_LT(e.driftM, 0.1);
    EXPECT_LT(e.speedMS, 1e-3);
    EXPECT_LT(e.tiltRad, 0.035);
    EXPECT_LT(e.sinkM, 0.05);
}

// The same stack with boxes from 0.9 to 1.1 m high (21 heights). Bullet's solver (sequential
// impulses, 10 iterations, fixed order) lets a stack that stays awake sway with a growing
// amplitude; a stack stands because it falls asleep first (0.2 m/s and 0.2 rad/s for 2 s). So
// whether one stack stands still is set by rounding, and what this case asserts is the spread.
// Measured: 18 of 21 stand (every box within 0.25 m of the axis, a quarter of its width), 12 of
// them asleep within 5 cm; 3 still sway at 10 s, the worst 0.72 m off and tilted 0.1 rad. The
// rotation step before 30 Nov gave about the same spread (77 of 101 heights from 0.8 to 1.2 m
// within 5 cm and asleep, against 73 now). Randomised solver order, more iterations, linear slop
// or interleaved friction each held every stack, but each moved the rocking block off Housner
// and the shipped bookcases (docs/physics.md); not done. Held to: at least 17 of 21 standing.
TEST(BoxStack, OfTwentyOneHeightsAtLeastSeventeenStand) {
    int standing = 0, still = 0;
    for (int k = 0; k <= 20; ++k) {
        const float halfHeight = 0.45f + 0.005f * static_cast<float>(k);
        const StackEnd e = stack(halfHeight);
        std::printf("boxes %.2f m high: drift %.4f m, speed %.4f m/s, tilt %.4f rad\n", 2.0 * halfHeight, e.driftM, e.speedMS, e.tiltRad);
        if (e.driftM < 0.25) ++standing;
        if (e.driftM < 0.05 && e.speedMS < 1e-3) ++still;
    }
    std::printf("%d of 21 standing, %d of them still\n", standing, still);
    EXPECT_GE(standing, 17);
}

}  // namespace
}  // namespace cd::physics
