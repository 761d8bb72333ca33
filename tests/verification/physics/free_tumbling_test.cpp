// A box tumbling free in empty space (Euler's equations for a torque-free rigid body; e.g.
// Goldstein, Classical Mechanics, ch. 5; Landau & Lifshitz, Mechanics, sec. 36-37): its angular
// momentum in the world and its rotational kinetic energy are constant; spin about the axis of
// largest or smallest moment is stable, about the intermediate one it is not (the "tennis racket"
// flips). Debris strikes are graded by the striking body's kinetic energy, rotation included
// (debris_strike.h): a tumbling piece should neither gain nor lose it in flight.
// A 0.6 x 0.3 x 0.15 m box (moments about x : y : z as 1 : 3.4 : 4.0), spun at 4 rad/s about one
// principal axis with 2 % on the others, 10 s at 60 Hz. Measured: spinning about x or z, energy
// and |L| stay within 0.5 % and the rate on the axis within 0.1 %. About y the box flips at
// 8.13 s, where Euler's equations (RK4 from the same start) flip at 8.32 s; but Bullet's implicit
// gyroscopic step (its default) takes energy out as the spin leaves its axis: 3.9 % by the flip,
// 7.5 % (and 3.9 % of |L|) by 10 s; a general tumble loses more (below). Tolerances: stable
// spins 1 %; the flipping one may lose up to 10 % of its energy and 5 % of |L|, never gain more
// than 1 %, and flips within 5 % of Euler's time.
#include <cmath>
#include <cstdio>

#include <glm/gtc/quaternion.hpp>

#include "scene.h"

namespace cd::physics {
namespace {

struct Tumble {
    double energy0 = 0, energyMin = 1e30, energyMax = 0;
    double l0 = 0, lMin = 1e30, lMax = 0;
    double axisMin = 1e30;   ///< smallest body-frame rate about the spin axis, over the start's
    bool reversed = false;   ///< the rate about the spin axis changed sign
    int flips = 0;           ///< how many times it did
    int lastSign = 1;
    double firstFlipS = -1.0;
    double eulerFlipS = -1.0;  ///< the same from Euler's equations
    double energyAtFlip = 0.0;  ///< of the start's, when it first reversed
};

// Euler's equations, I1 w1' = (I2 - I3) w2 w3 and its cyclic forms, by RK4 at 1 ms from the same
// start: when the rate about `axis` first changes sign (-1 if not within `untilS`).
double eulerFirstFlipS(glm::dvec3 w, const glm::dvec3& i, int axis, double untilS) {
    auto f = [&](const glm::dvec3& v) {
        return glm::dvec3((i.y - i.z) * v.y * v.z / i.x, (i.z - i.x) * v.z * v.x / i.y, (i.x - i.y) * v.x * v.y / i.z);
    };
    const double h = 1e-3;
    for (double t = 0.0; t < untilS; t += h) {
        const glm::dvec3 k1 = f(w), k2 = f(w + 0.5 * h * k1), k3 = f(w + 0.5 * h * k2), k4 = f(w + h * k3);
        w += h / 6.0 * (k1 + 2.0 * k2 + 2.0 * k3 + k4);
        if (w[axis] < 0.0) return t + h;
    }
    return -1.0;
}

Tumble spin(int axis, glm::vec3 w = glm::vec3(0.0f), int steps = 600) {
    WorldDef def;
    def.source = "verification";
    def.gravityMS2 = glm::vec3(0.0f);
    auto world = std::move(PhysicsWorld::create(def).value());
    DynamicBodyDef box;
    box.halfExtentsM = {0.3f, 0.15f, 0.075f};
    box.material.densityKgM3 = 600.0f;
    const BodyId id = world->addBody(box).value();
    // Body-frame angular velocity wanted: 4 rad/s about `axis`, 2 % about the others, set by
    // pairs of opposite impulses (a pure angular impulse I w).
    const BodyState s0 = world->bodyState(id);
    const glm::vec3 h = box.halfExtentsM;
    const float m = s0.massKg;
    const glm::vec3 inertia = {m * (h.y * h.y + h.z * h.z) / 3.0f, m * (h.x * h.x + h.z * h.z) / 3.0f,
                               m * (h.x * h.x + h.y * h.y) / 3.0f};
    if (w == glm::vec3(0.0f)) {
        w = glm::vec3(0.08f);
        w[axis] = 4.0f;
    }
    const glm::vec3 angularImpulse = inertia * w;
    for (int k = 0; k < 3; ++k) {
        // Torque impulse about axis k: +-J along the next axis at +-r on the one after.
        glm::vec3 along(0.0f), at(0.0f);
        along[(k + 1) % 3] = 1.0f;
        at[(k + 2) % 3] = 0.05f;
        const glm::vec3 j = along * (angularImpulse[k] / (2.0f * 0.05f));
        // r x J about k: with r on (k+2) and J on (k+1), (e_{k+2} x e_{k+1}) = -e_k.
        world->applyImpulse(id, -j, s0.positionM + at);
        world->applyImpulse(id, j, s0.positionM - at);
    }
    Tumble t;
    for (int step = 0; step <= steps; ++step) {
        if (step > 0) world->step();
        const BodyState s = world->bodyState(id);
        const glm::mat3 r = glm::mat3_cast(s.orientation);
        const glm::vec3 wb = glm::transpose(r) * s.angularVelocityRadS;  // body frame
        const glm::vec3 lb = inertia * wb;
        const double energy = 0.5 * (inertia.x * wb.x * wb.x + inertia.y * wb.y * wb.y + inertia.z * wb.z * wb.z);
        const double l = glm::length(r * lb);
        if (step == 0) {
            t.energy0 = energy;
            t.l0 = l;
            t.eulerFlipS = eulerFirstFlipS(glm::dvec3(wb), glm::dvec3(inertia), axis, 10.0);
        }
        t.energyMin = std::min(t.energyMin, energy);
        t.energyMax = std::max(t.energyMax, energy);
        t.lMin = std::min(t.lMin, l);
        t.lMax = std::max(t.lMax, l);
        t.axisMin = std::min(t.axisMin, static_cast<double>(wb[axis]));
        const bool negative = wb[axis] < 0.0f;
        if (step > 0 && negative != (t.lastSign < 0)) {
            if (t.flips++ == 0) {
                t.firstFlipS = step / 60.0;
                t.energyAtFlip = energy / t.energy0;
            }
        }
        t.lastSign = negative ? -1 : 1;
        t.reversed = t.reversed || negative;
    }
    std::printf("axis %d: energy %.4f .. %.4f of the start, |L| %.4f .. %.4f, lowest rate on the axis %.3f rad/s, %d flips"
                " (first at %.2f s, energy then %.4f; Euler's equations: %.2f s)\n",
                axis, t.energyMin / t.energy0, t.energyMax / t.energy0, t.lMin / t.l0, t.lMax / t.l0, t.axisMin, t.flips,
                t.firstFlipS, t.energyAtFlip, t.eulerFlipS);
    return t;
}

TEST(FreeTumbling, EnergyAndAngularMomentumAreKeptAndOnlyTheIntermediateAxisFlips) {
    // Moments: x (smallest), y (intermediate), z (largest).
    for (int axis : {0, 1, 2}) {
        const Tumble t = spin(axis);
        const bool flips = axis == 1;
        EXPECT_LT(t.energyMax / t.energy0, 1.01) << "axis " << axis;
        EXPECT_LT(t.lMax / t.l0, 1.01) << "axis " << axis;
        EXPECT_GT(t.energyMin / t.energy0, flips ? 0.90 : 0.99) << "axis " << axis;
        EXPECT_GT(t.lMin / t.l0, flips ? 0.95 : 0.99) << "axis " << axis;
        if (flips) {
            EXPECT_TRUE(t.reversed) << "the intermediate axis is unstable";
            ASSERT_GT(t.eulerFlipS, 0.0);
            EXPECT_NEAR(t.firstFlipS, t.eulerFlipS, 0.05 * t.eulerFlipS);
        } else {
            EXPECT_FALSE(t.reversed) << "axis " << axis;
            EXPECT_GT(t.axisMin, 0.95 * 4.0) << "axis " << axis;
        }
    }
}

// A general tumble (3, 2.5, 2 rad/s about x, y, z), for the length of a fall: 2 s. Theory keeps
// energy and |L|; Bullet's implicit gyroscopic step loses 10.8 % of the rotational energy and
// 6.4 % of |L| (measured). That is the bias of a tumbling piece's strike energy (debris_strike.h),
// stated in docs/physics.md; the bounds hold it there so that a change shows.
TEST(FreeTumbling, AGeneralTumbleOverAFallLosesATenthOfItsRotationalEnergyInBullet) {
    const Tumble t = spin(0, glm::vec3(3.0f, 2.5f, 2.0f), 120);
    EXPECT_LT(t.energyMax / t.energy0, 1.01);
    EXPECT_LT(t.lMax / t.l0, 1.01);
    EXPECT_NEAR(t.energyMin / t.energy0, 0.892, 0.03);
    EXPECT_NEAR(t.lMin / t.l0, 0.936, 0.03);
}

}  // namespace
}  // namespace cd::physics
