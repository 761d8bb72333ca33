#pragma once
// Private: the torque-free part of a rigid body's rotation over one step, in place of Bullet's
// gyroscopic term (which it turns off).
#include <btBulletDynamicsCommon.h>

#include <vector>

namespace cd::physics {

struct BodyRecord;

/// Euler's equations for the body-frame angular momentum P, P' = P x (I^-1 P), stepped so that
/// P1 is P0 turned by -h |W| about W, with W = I^-1 (P0 + P1) / 2 (found by fixed point). A turn
/// keeps |P|, and it keeps the energy P.I^-1 P / 2 exactly as well: E1 - E0 = (P1 - P0).W, and a
/// turn about W moves P at right angles to W. The rule is the implicit midpoint rule on the
/// Lie-Poisson form with an exact turn in place of its Cayley turn; the implicit midpoint rule's
/// keeping of quadratic invariants is Cooper, "Stability of Runge-Kutta methods for trajectory
/// problems", IMA J. Numer. Anal. 7 (1987); on the rigid body, Austin, Krishnaprasad & Wang,
/// "Almost Poisson integration of rigid body systems", J. Comput. Phys. 107 (1993). Bullet turns
/// the body by its angular velocity over the step (an exact exponential map), so begin() sets that
/// to W (in the world): the world's angular momentum R P is then unchanged through a free step.
/// end() takes the angular momentum as the state: the start's, R0 P0, plus the angular impulse
/// that contacts and joints gave during the step (their change to the angular velocity times the
/// start's world inertia, as Bullet's solver applied it), read back through the orientation the
/// step's velocity w reached, w1 = R1 I^-1 R1^T L with R1 = exp(h w) R0 (not Bullet's own R1,
/// which also holds the split impulse's penetration-correcting turn). For a free body that is
/// R1 I^-1 P1 as before. With a joint it matters: adding the solver's change of w at the end, unturned, put
/// the impulse's share of the nutation a step out of phase, and a heavy top on a pivot sank by
/// a first-order error (0.35 rad in 2 s at 60 Hz, 20 rad/s); read through the reached
/// orientation, the impulse acts from the start of the step, as the solver assumed when it moved
/// the body, and the top holds its tilt to 0.001 rad (docs/physics.md). A body spinning about a
/// principal axis is left as Bullet moves it, and one with equal moments is not touched. Bullet's default
/// (an implicit gyroscopic step in the body frame) lost 10.8 % of a tumbling box's rotational
/// energy in 2 s (docs/physics.md).
class FreeRotation {
public:
    /// Before the step: every awake dynamic body with a full inertia tensor gets its step velocity.
    void begin(const std::vector<BodyRecord>& bodies, double stepS);
    /// After the step: the end-of-step angular velocities, from the angular momentum.
    void end();

    /// Bullet's own gyroscopic term off for a body (this class does the work instead).
    static void takeOverFrom(btRigidBody& body);

private:
    struct Turn {
        btRigidBody* body = nullptr;
        btVector3 stepW;  ///< the angular velocity set for the step (world frame)
        btVector3 startL;           ///< the angular momentum at the start (world frame)
        btMatrix3x3 startRotation;  ///< the orientation at the start
        btVector3 inertia;          ///< principal moments (body frame)
    };
    std::vector<Turn> turns_;
    double stepS_ = 0.0;
};

}  // namespace cd::physics
