// Sun cascade fitting (view_math.h): texel density near the eye, stability as the camera turns
// and moves, and a depth range that holds every caster in the world. Pure math, no device.
#include <gtest/gtest.h>

#include <cmath>

#include <glm/vec4.hpp>

#include "view_math.h"

using namespace cd::render;

namespace {

const glm::vec3 kWorldMin{0.0f, 0.0f, 0.0f}, kWorldMax{400.0f, 400.0f, 40.0f};
const glm::vec3 kToSun{0.38f, -0.42f, 0.80f};

ViewDesc eyeView(float yawDeg, glm::vec3 eye = {118.0f, 172.0f, 18.8f}) {
    ViewDesc v;
    v.eye = eye;
    v.yawDeg = yawDeg;
    v.verticalFovDeg = 70.0f;
    v.nearM = 0.05f;
    v.width = 1280;
    v.height = 720;
    return v;
}

float texelCoordinate(const SunCascade& c, glm::vec3 p, unsigned size) {
    const glm::vec4 q = c.viewProj * glm::vec4(p, 1.0f);
    return (q.x * 0.5f + 0.5f) * float(size);
}

TEST(SunCascade, NearCascadeGivesAFewCentimetresPerTexelForAnEyeView) {
    const SunCascade nearC = sunCascade(eyeView(30.0f), kToSun, 0.05f, 20.0f, kWorldMin, kWorldMax, 1024, false);
    const SunCascade farC = sunCascade(eyeView(30.0f), kToSun, 0.05f, 220.0f, kWorldMin, kWorldMax, 1024, true);
    // A 0.25 m wall must be several texels thick so sunlight cannot leak through it.
    EXPECT_LT(nearC.texelM, 0.06f);
    EXPECT_GT(0.25f / nearC.texelM, 4.0f);
    EXPECT_GT(farC.texelM, 4.0f * nearC.texelM) << "the far cascade is the coarse one";
}

TEST(SunCascade, NearCascadeKeepsItsSizeAsTheCameraTurns) {
    const float a = sunCascade(eyeView(0.0f), kToSun, 0.05f, 20.0f, kWorldMin, kWorldMax, 1024, false).texelM;
    const float b = sunCascade(eyeView(37.0f), kToSun, 0.05f, 20.0f, kWorldMin, kWorldMax, 1024, false).texelM;
    const float c = sunCascade(eyeView(211.0f), kToSun, 0.05f, 20.0f, kWorldMin, kWorldMax, 1024, false).texelM;
    EXPECT_FLOAT_EQ(a, b);
    EXPECT_FLOAT_EQ(a, c);
}

TEST(SunCascade, MovingTheEyeMovesTheMapByWholeTexelsOnly) {
    // A fixed world point lands on the same sub-texel position whatever the eye: no shimmer.
    const glm::vec3 p{120.0f, 170.0f, 17.2f};
    for (float dx : {0.0f, 0.013f, 0.4f, 3.7f}) {
        const SunCascade c =
            sunCascade(eyeView(30.0f, {118.0f + dx, 172.0f, 18.8f}), kToSun, 0.05f, 20.0f, kWorldMin, kWorldMax, 1024, false);
        const SunCascade ref = sunCascade(eyeView(30.0f), kToSun, 0.05f, 20.0f, kWorldMin, kWorldMax, 1024, false);
        const float f = texelCoordinate(c, p, 1024), g = texelCoordinate(ref, p, 1024);
        EXPECT_NEAR(f - std::round(f), g - std::round(g), 2e-3f) << "eye moved " << dx << " m";
    }
}

TEST(SunCascade, DepthRangeHoldsEveryCornerOfTheWorld) {
    for (bool clip : {false, true}) {
        const SunCascade c = sunCascade(eyeView(30.0f), kToSun, 0.05f, clip ? 220.0f : 20.0f, kWorldMin, kWorldMax, 1024, clip);
        for (int i = 0; i < 8; ++i) {
            const glm::vec3 corner{(i & 1) ? kWorldMax.x : kWorldMin.x, (i & 2) ? kWorldMax.y : kWorldMin.y,
                                   (i & 4) ? kWorldMax.z : kWorldMin.z};
            const glm::vec4 q = c.viewProj * glm::vec4(corner, 1.0f);
            EXPECT_GE(q.z, 0.0f) << "corner " << i << " is nearer the sun than the map starts";
        }
        EXPECT_GT(c.depthRangeM, 40.0f);
    }
}

TEST(CoverMap, DepthFallsFromTheWorldTopToItsBottomAndCentresOnTheEye) {
    const ViewDesc v = eyeView(0.0f);
    const glm::mat4 m = coverViewProj(v, 48.0f, kWorldMin, kWorldMax, 1024);
    const glm::vec4 top = m * glm::vec4(v.eye.x, v.eye.y, kWorldMax.z, 1.0f);
    const glm::vec4 bottom = m * glm::vec4(v.eye.x, v.eye.y, kWorldMin.z, 1.0f);
    EXPECT_GT(top.z, 0.0f);
    EXPECT_LT(bottom.z, 1.0f);
    EXPECT_LT(top.z, bottom.z) << "higher surfaces are nearer (smaller depth)";
    EXPECT_NEAR(top.x, 0.0f, 2.0f / 1024.0f);
    EXPECT_NEAR(top.y, 0.0f, 2.0f / 1024.0f);
    const glm::vec4 edge = m * glm::vec4(v.eye.x + 48.0f, v.eye.y, 0.0f, 1.0f);
    EXPECT_NEAR(edge.x, 1.0f, 2.0f / 1024.0f);
}

}  // namespace
