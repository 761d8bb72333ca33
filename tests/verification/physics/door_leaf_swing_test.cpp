// A door leaf on its hinge is a plate turning about one edge: shaken by a ground acceleration a
// across it, it gains angular speed at alpha = m a (w/2) / I_h, I_h = m (w^2/3 + t^2/12) (a
// rectangular plate about an edge parallel to its height; e.g. Halliday, Resnick & Walker,
// ch. 10), whatever its mass; gravity, along the hinge, does nothing. Its hingeDamping d is
// Bullet's angular damping, which each step takes the body's spin about its centre by
// (1 - d)^dt and leaves its centre's speed; the hinge then shares the angular momentum about
// the hinge between the two, so the swing keeps 1 - (I_cm / I_h)(1 - (1 - d)^dt) a step, about
// (1 - d)^(I_cm / I_h) a second (I_cm / I_h = (w^2 + t^2) / (4 w^2 + t^2), a quarter). Checked:
// the speed after a 0.3 s pulse of 1 m/s^2 within 1 % (the leaf turns 0.08 rad meanwhile: the
// push across it falls by 0.3 %; damped, the pulse's own mean decay over 0.15 s is allowed
// for), and the free swing's decay over the next 0.5 s within 1 %.
#include <cmath>

#include "scene.h"

namespace cd::physics {
namespace {

double swingAfterPulse(float hingeDamping, double& after05s) {
    auto world = test::makeWorld(1.0f, 0.0f);
    DoorDef door;
    door.hingeM = {0.0f, 0.0f, 0.0f};
    door.closedDir = {1.0f, 0.0f, 0.0f};
    door.widthM = 0.9f;
    door.heightM = 2.1f;
    door.thicknessM = 0.04f;
    door.openLimitRad = 3.0f;
    door.opens = 0;
    door.hingeDamping = hingeDamping;
    door.startAngleRad = 0.0f;  // along +x: a push along y turns it
    const BodyId leaf = world->addDoor(door).value();
    for (int k = 0; k < 10; ++k) world->step();
    const double dt = 1.0 / 60.0;
    GroundMotion pulse;
    pulse.source = "pulse";
    pulse.timeS = {0.0, 0.3 - 0.5 * dt};  // 18 steps
    pulse.accelMS2 = {glm::vec3(0.0f, 1.0f, 0.0f), glm::vec3(0.0f, 1.0f, 0.0f)};
    world->setGroundMotion(pulse, world->timeS());
    for (int k = 0; k < 18; ++k) world->step();
    const double w = world->bodyState(leaf).angularVelocityRadS.z;
    for (int k = 0; k < 30; ++k) world->step();
    after05s = world->bodyState(leaf).angularVelocityRadS.z;
    return w;
}

TEST(DoorLeafSwing, AGroundPulseTurnsALeafAsAPlateAboutItsEdgeAndTheHingeDampsIt) {
    const double w = 0.9, t = 0.04, a = 1.0;
    const double alpha = a * (w / 2.0) / (w * w / 3.0 + t * t / 12.0);
    // The leaf feels -a (the ground's frame): the push along -y turns a leaf lying along +x clockwise.
    const double expected = -alpha * 0.3;
    const double share = (w * w + t * t) / (4.0 * w * w + t * t);  // I_cm / I_h
    for (float d : {0.0f, 0.5f, 0.9f}) {
        double later = 0.0;
        const double omega = swingAfterPulse(d, later);
        const double keptPerS = std::pow(1.0 - d, share);
        std::printf("damping %.1f: %.4f rad/s after the pulse (plate %.4f), %.4f 0.5 s later (%.4f: %.3f of the swing kept a second)\n", d,
                    omega, expected * std::pow(keptPerS, 0.15), later, omega * std::pow(keptPerS, 0.5), keptPerS);
        EXPECT_NEAR(omega, expected * std::pow(keptPerS, 0.15), 0.01 * std::fabs(expected)) << d;
        EXPECT_NEAR(later, omega * std::pow(keptPerS, 0.5), 0.01 * std::fabs(omega)) << d;
    }
}

}  // namespace
}  // namespace cd::physics
