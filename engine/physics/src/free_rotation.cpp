#include "free_rotation.h"

#include <cmath>

#include "world_impl.h"

namespace cd::physics {
namespace {

struct Vec {
    double x = 0, y = 0, z = 0;
};
Vec operator+(Vec a, Vec b) { return {a.x + b.x, a.y + b.y, a.z + b.z}; }
Vec operator-(Vec a, Vec b) { return {a.x - b.x, a.y - b.y, a.z - b.z}; }
Vec operator*(double s, Vec a) { return {s * a.x, s * a.y, s * a.z}; }
Vec cross(Vec a, Vec b) { return {a.y * b.z - a.z * b.y, a.z * b.x - a.x * b.z, a.x * b.y - a.y * b.x}; }
double dot(Vec a, Vec b) { return a.x * b.x + a.y * b.y + a.z * b.z; }
Vec over(Vec p, Vec inertia) { return {p.x / inertia.x, p.y / inertia.y, p.z / inertia.z}; }
Vec toVec(const btVector3& v) { return {v.x(), v.y(), v.z()}; }
/// v turned by the angle |w| t about w (Rodrigues).
Vec turned(Vec v, Vec w, double t) {
    const double speed = std::sqrt(dot(w, w));
    if (speed == 0.0) return v;
    const Vec n = (1.0 / speed) * w;
    const double phi = speed * t, c = std::cos(phi), s = std::sin(phi);
    return c * v + s * cross(n, v) + ((1.0 - c) * dot(n, v)) * n;
}
Vec toWorld(const btMatrix3x3& r, Vec v) {
    return {r[0].x() * v.x + r[0].y() * v.y + r[0].z() * v.z, r[1].x() * v.x + r[1].y() * v.y + r[1].z() * v.z,
            r[2].x() * v.x + r[2].y() * v.y + r[2].z() * v.z};
}
Vec toBody(const btMatrix3x3& r, Vec v) {  // R^T v
    return {r[0].x() * v.x + r[1].x() * v.y + r[2].x() * v.z, r[0].y() * v.x + r[1].y() * v.y + r[2].y() * v.z,
            r[0].z() * v.x + r[1].z() * v.y + r[2].z() * v.z};
}
btVector3 toBt(Vec v) {
    return btVector3(static_cast<btScalar>(v.x), static_cast<btScalar>(v.y), static_cast<btScalar>(v.z));
}

}  // namespace

void FreeRotation::takeOverFrom(btRigidBody& body) {
    body.setFlags(body.getFlags() & ~(BT_ENABLE_GYROSCOPIC_FORCE_EXPLICIT | BT_ENABLE_GYROSCOPIC_FORCE_IMPLICIT_WORLD |
                                      BT_ENABLE_GYROSCOPIC_FORCE_IMPLICIT_BODY));
}

void FreeRotation::begin(const std::vector<BodyRecord>& bodies, double h) {
    turns_.clear();
    stepS_ = h;
    for (const BodyRecord& r : bodies) {
        btRigidBody* b = r.body;
        if (!b || r.removed || b->isStaticOrKinematicObject() || !b->isActive()) continue;
        if (b->getAngularFactor() != btVector3(1, 1, 1)) continue;
        const Vec inertia = toVec(b->getLocalInertia());
        if (!(inertia.x > 0.0 && inertia.y > 0.0 && inertia.z > 0.0)) continue;
        // Equal moments (a cube, a sphere): the free turn keeps w as it is, and so does Bullet.
        if (inertia.x == inertia.y && inertia.y == inertia.z) continue;
        const btMatrix3x3& rot = b->getWorldTransform().getBasis();
        const Vec w0 = toVec(b->getAngularVelocity() * rot);  // body frame (R^T w)
        if (dot(w0, w0) < 1e-12) continue;
        const Vec p0 = {inertia.x * w0.x, inertia.y * w0.y, inertia.z * w0.z};
        // The mean P by fixed point: P = (P0 + P0 turned by -h |W| about W) / 2, W = I^-1 P,
        // from the explicit guess P0 + h/2 P0 x W0. It contracts by about h |W| a pass (under 0.1
        // for 6 rad/s at 60 Hz); done when it moves less than 1e-10 of |P0| (Bullet keeps floats).
        Vec mean = p0 + (0.5 * h) * cross(p0, w0), wMean = w0;
        const double tol2 = 1e-20 * dot(p0, p0);
        bool converged = false;
        for (int pass = 0; pass < 50 && !converged; ++pass) {
            wMean = over(mean, inertia);
            const Vec next = 0.5 * (p0 + turned(p0, wMean, -h));
            const Vec d = next - mean;
            mean = next;
            converged = dot(d, d) <= tol2;
        }
        // Should the pass not settle (it contracts by about h |W| times how unequal the moments
        // are), the body keeps Bullet's own step this once: its angular velocity unchanged.
        if (!converged || !std::isfinite(dot(mean, mean))) continue;
        wMean = over(mean, inertia);
        const btVector3 stepW = rot * toBt(wMean);
        b->setAngularVelocity(stepW);
        turns_.push_back({b, stepW, rot * toBt(p0), rot, toBt(inertia)});
    }
}

void FreeRotation::end() {
    for (const Turn& t : turns_) {
        if (!t.body->isActive()) continue;  // put to sleep in the step: Bullet zeroed it
        const Vec inertia = toVec(t.inertia);
        const Vec w = toVec(t.body->getAngularVelocity());  // what the body turned by
        const Vec kick = toBody(t.startRotation, w - toVec(t.stepW));  // the solver's change of w
        const Vec l = toVec(t.startL) + toWorld(t.startRotation, {inertia.x * kick.x, inertia.y * kick.y, inertia.z * kick.z});
        // Read through R1 = exp(h w) R0, the orientation the velocity reached; not Bullet's own
        // R1, which also holds the split impulse's turn: a correction of penetration, which
        // carries no momentum.
        const Vec p1 = toBody(t.startRotation, turned(l, w, -stepS_));  // R1^T L
        t.body->setAngularVelocity(toBt(turned(toWorld(t.startRotation, over(p1, inertia)), w, stepS_)));
    }
    turns_.clear();
}

}  // namespace cd::physics
