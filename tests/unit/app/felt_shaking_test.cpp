#include <gtest/gtest.h>

#include <cmath>

#include "felt_shaking.h"
#include "physics/seismic_intensity.h"

using namespace cd;

TEST(FeltShaking, SteadyShakingOf100GalIsIntensity494) {
    // JMA (1996): I = 2 log10(a0) + 0.94 with a0 in gal; 100 gal held gives 4.94 (class 5 lower).
    app::FeltShaking f(1.0 / 30.0);
    for (int i = 0; i < 90; ++i) f.add(glm::vec3(0.6f, 0.8f, 0.0f));  // |a| = 1 m/s^2
    EXPECT_NEAR(f.a0MS2(), 1.0, 1e-6);
    EXPECT_NEAR(f.intensity(), 4.94, 1e-6);
    EXPECT_EQ(physics::jmaClassName(f.intensity()), "5-");
}

TEST(FeltShaking, A0OfASineIsTheLevelItExceedsForAtotalOf03s) {
    // |A sin(w t)| is at or above x for a fraction (2/pi) acos(x/A) of the time: 0.3 s of the 3 s
    // window gives x = A cos(pi/20) = 0.9877 A. Sampled at 30 Hz: within 2 % of A.
    const double A = 3.0, w = 2.0 * 3.14159265 * 2.0, dt = 1.0 / 30.0;
    app::FeltShaking f(dt);
    for (int i = 0; i < 200; ++i) f.add(glm::vec3(static_cast<float>(A * std::sin(w * i * dt + 0.3)), 0.0f, 0.0f));
    EXPECT_NEAR(f.a0MS2(), 0.9877 * A, 0.02 * A);
    // 300 gal: I = 2 log10(296) + 0.94 = 5.88, class 6 lower.
    EXPECT_EQ(physics::jmaClassName(f.intensity()), "6-");
}

TEST(FeltShaking, AShortJoltDoesNotCountAsShaking) {
    // A single 0.1 s spike of 5 m/s^2 in still ground: it is not reached for 0.3 s, so a0 is 0.
    app::FeltShaking f(1.0 / 30.0);
    for (int i = 0; i < 90; ++i) f.add(glm::vec3(i >= 40 && i < 43 ? 5.0f : 0.0f, 0.0f, 0.0f));
    EXPECT_EQ(f.a0MS2(), 0.0);
    EXPECT_EQ(f.intensity(), 0.0);
}

TEST(FeltShaking, ClassesAndWalkingFollowTheJmaScale) {
    EXPECT_EQ(physics::jmaClassName(0.4), "0");
    EXPECT_EQ(physics::jmaClassName(4.49), "4");
    EXPECT_EQ(physics::jmaClassName(4.5), "5-");
    EXPECT_EQ(physics::jmaClassName(5.0), "5+");
    EXPECT_EQ(physics::jmaClassName(5.5), "6-");
    EXPECT_EQ(physics::jmaClassName(6.0), "6+");
    EXPECT_EQ(physics::jmaClassName(6.5), "7");
    EXPECT_DOUBLE_EQ(app::FeltShaking::walkingFactor(3.0), 1.0);
    EXPECT_DOUBLE_EQ(app::FeltShaking::walkingFactor(5.0), 0.7);
    EXPECT_NEAR(app::FeltShaking::walkingFactor(5.25), 0.55, 1e-12);
    EXPECT_DOUBLE_EQ(app::FeltShaking::walkingFactor(5.5), 0.4);
    EXPECT_DOUBLE_EQ(app::FeltShaking::walkingFactor(7.0), 0.1);
}
