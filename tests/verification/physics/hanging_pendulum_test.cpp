// A hanging item (a light fitting on its anchor, DynamicBodyDef::anchorBreakForceN) swings as a
// compound pendulum about its anchor at its top centre: T = 2 pi sqrt(I_p / (m g d)), I_p the
// moment of inertia about the pivot (I_cm + m d^2), d the pivot-to-centre distance (e.g. Halliday,
// Resnick & Walker, Fundamentals of Physics, ch. 15, "physical pendulum"). Started 0.1 rad out,
// where the finite-amplitude correction (1 + theta^2 / 16) is 0.06 %; semi-implicit Euler at
// 60 Hz shifts the period by about (omega dt)^2 / 24 (0.05 %). Tolerance 1 % on the period, and
// the swing keeps its amplitude within 5 % over ten periods (the anchor joint adds no damping
// beyond its error correction).
#include <cmath>
#include <vector>

#include <glm/gtc/quaternion.hpp>

#include "scene.h"

namespace cd::physics {
namespace {

struct Swing {
    double periodS = 0.0;
    double firstPeakRadS = 0.0, lastPeakRadS = 0.0;
};

Swing swingOf(const glm::vec3& halfM, float massKg) {
    auto world = test::makeWorld(1.0f, 0.0f);
    DynamicBodyDef light;
    light.kind = BodyKind::HangingItem;
    light.halfExtentsM = halfM;
    const float theta0 = 0.1f;
    // Hung from its top centre at (0, 0, 3) and turned theta0 about x round that point.
    light.orientation = glm::angleAxis(theta0, glm::vec3(1.0f, 0.0f, 0.0f));
    light.centerM = glm::vec3(0.0f, 0.0f, 3.0f) - light.orientation * glm::vec3(0.0f, 0.0f, halfM.z);
    light.material.densityKgM3 = massKg / (8.0f * halfM.x * halfM.y * halfM.z);
    light.anchorBreakForceN = 1e6f;
    const BodyId id = world->addBody(light).value();
    const double dt = 1.0 / 60.0;
    std::vector<double> turns;  // times the swing turns (angular velocity about x changes sign)
    std::vector<double> peaks;  // |angular velocity| at the bottom of each swing
    double prev = 0.0, peak = 0.0;
    for (int k = 1; k <= 12 * 60; ++k) {
        world->step();
        const double w = world->bodyState(id).angularVelocityRadS.x;
        peak = std::max(peak, std::fabs(w));
        if (k > 1 && (w > 0.0) != (prev > 0.0)) {
            // Linear interpolation of the crossing inside the step.
            turns.push_back(dt * (k - 1 + prev / (prev - w)));
            peaks.push_back(peak);
            peak = 0.0;
        }
        prev = w;
    }
    Swing s;
    if (turns.size() < 3) return s;
    s.periodS = 2.0 * (turns.back() - turns.front()) / static_cast<double>(turns.size() - 1);
    s.firstPeakRadS = peaks[1];
    s.lastPeakRadS = peaks.back();
    return s;
}

double compoundPendulumPeriodS(const glm::vec3& halfM, double massKg) {
    // Swinging about x: I_cm = m (ly^2 + lz^2) / 12 with the full lengths; d = half height.
    const double ly = 2.0 * halfM.y, lz = 2.0 * halfM.z, d = halfM.z;
    const double ip = massKg * (ly * ly + lz * lz) / 12.0 + massKg * d * d;
    return 2.0 * M_PI * std::sqrt(ip / (massKg * 9.81 * d));
}

TEST(HangingPendulum, ALightOnItsAnchorSwingsWithTheCompoundPendulumPeriod) {
    // The school's ceiling light (1.2 x 0.3 x 0.08 m, 5 kg) and a deeper fitting (0.6 x 0.4 x 0.3 m).
    for (const auto& [half, mass] : {std::pair{glm::vec3(0.6f, 0.15f, 0.04f), 5.0f}, std::pair{glm::vec3(0.3f, 0.2f, 0.15f), 8.0f}}) {
        const Swing s = swingOf(half, mass);
        const double t = compoundPendulumPeriodS(half, mass);
        std::printf("half %.2f %.2f %.2f: period %.4f s, compound pendulum %.4f s (%.4f); peak speed %.3f -> %.3f rad/s\n", half.x,
                    half.y, half.z, s.periodS, t, s.periodS / t, s.firstPeakRadS, s.lastPeakRadS);
        EXPECT_NEAR(s.periodS, t, 0.01 * t);
        EXPECT_NEAR(s.lastPeakRadS, s.firstPeakRadS, 0.05 * s.firstPeakRadS);
    }
}

// The anchor holds F = 1.5 m g and the floor's acceleration ramps up slowly (0.1 m/s^3) in the
// plane, along x, along y, along the diagonal and at 30 degrees: the light leans with the floor
// and the anchor carries m sqrt(g^2 + a^2) whichever way the pull lies (statics of a hanging
// mass in a steadily accelerating frame), so it lets go at a* = g sqrt((F / m g)^2 - 1) =
// 1.118 g in every direction. Measured: 10.970 against 10.968 m/s^2 (+0.02 %) in all four.
// Judged row by row along the world's axes (Bullet's threshold, before 3 Dec), it let go along
// an axis at 14.7 m/s^2 (that row alone reaching 1.5 m g) and at 30 and 45 degrees not by the
// ramp's end, 16.5 m/s^2. Tolerance 2 %: the swing the ramp starts, and the step that sees
// the tear.
TEST(HangingPendulum, AnAnchorLetsGoOnTheResultantOfItsPullWhicheverWayTheFloorPushes) {
    constexpr double kG = 9.81, kRampMS3 = 0.1, kCapacity = 1.5;
    const double expected = kG * std::sqrt(kCapacity * kCapacity - 1.0);
    for (double deg : {0.0, 90.0, 45.0, 30.0}) {
        auto world = test::makeWorld(1.0f, 0.0f);
        DynamicBodyDef light;
        light.kind = BodyKind::HangingItem;
        light.halfExtentsM = glm::vec3(0.6f, 0.15f, 0.04f);
        light.centerM = glm::vec3(0.0f, 0.0f, 3.0f - 0.04f);
        light.material.densityKgM3 = 5.0f / (8.0f * 0.6f * 0.15f * 0.04f);
        light.anchorBreakForceN = static_cast<float>(kCapacity * 5.0 * kG);
        const BodyId id = world->addBody(light).value();
        for (int i = 0; i < 60; ++i) world->step();
        ASSERT_TRUE(world->pullEvents().empty()) << "it let go at rest";
        const double rad = deg * M_PI / 180.0, durationS = 1.5 * expected / kRampMS3;
        GroundMotion ramp;
        ramp.source = "ramp";
        ramp.timeS = {0.0, durationS};
        const float end = static_cast<float>(kRampMS3 * durationS);
        ramp.accelMS2 = {glm::vec3(0.0f), glm::vec3(end * static_cast<float>(std::cos(rad)), end * static_cast<float>(std::sin(rad)), 0.0f)};
        world->setGroundMotion(ramp, world->timeS());
        const double t0 = world->timeS();
        double tore = -1.0;
        while (tore < 0.0 && world->timeS() - t0 < durationS) {
            world->step();
            for (const PhysicsEvent& e : world->pullEvents())
                if (e.kind == PhysicsEventKind::AnchorBroken && e.bodyA == id) tore = kRampMS3 * (world->timeS() - t0);
        }
        std::printf("pushed at %.0f deg: let go at %.3f m/s^2, statics %.3f (%+.2f %%)\n", deg, tore, expected, 100.0 * (tore / expected - 1.0));
        EXPECT_NEAR(tore, expected, 0.02 * expected) << deg << " degrees";
    }
}

}  // namespace
}  // namespace cd::physics
