#pragma once
// A glued joint between two chunks of a falling cluster: six bilateral rows that hold the two
// bodies' frames together, three along the axes of the shared face's frame on body A and three
// about them. It is what btFixedConstraint does, without the machinery of the generic six-degree-of-
// freedom spring joint btFixedConstraint is built on (Euler decomposition, limit and motor tests
// per axis), which measured about 6 % of a collapse step's instructions for the same rows.
//
// The rows are those of Bullet's point-to-point joint (linear) and of its angular locks:
//   linear:  J = [ n_i, rA x n_i, -n_i, -(rB x n_i) ],  error = erp fps (pB - pA).n_i
//   angular: J = [ 0,   n_i,       0,   -n_i        ],  error = erp fps (theta n).n_i
// where theta n is the rotation taking frame A (on body A) onto frame B (on body B), both in
// world coordinates (Catto, "Iterative Dynamics with Temporal Coherence", GDC 2005; Bullet's
// btPoint2PointConstraint and btGeneric6DofSpring2Constraint for the sign conventions). The
// breaking threshold (btTypedConstraint::setBreakingImpulseThreshold) works on these rows as on
// any Bullet joint: a row whose impulse in one step reaches it disables the joint.
#include <btBulletDynamicsCommon.h>

namespace cd::physics {

ATTRIBUTE_ALIGNED16(class) BondConstraint : public btTypedConstraint {
public:
    BT_DECLARE_ALIGNED_ALLOCATOR();

    /// frameInA / frameInB: the shared face in each body's local coordinates (the same world
    /// frame at creation, so the joint starts without error).
    BondConstraint(btRigidBody& a, btRigidBody& b, const btTransform& frameInA, const btTransform& frameInB);

    void getInfo1(btConstraintInfo1* info) override;
    void getInfo2(btConstraintInfo2* info) override;
    /// BT_CONSTRAINT_ERP / BT_CONSTRAINT_STOP_ERP set the rows' error reduction (default: the
    /// solver's global erp); BT_CONSTRAINT_CFM / BT_CONSTRAINT_STOP_CFM their softness (default 0).
    void setParam(int num, btScalar value, int axis = -1) override;
    btScalar getParam(int num, int axis = -1) const override;

private:
    btTransform frameInA_;
    btTransform frameInB_;
    btScalar erp_ = -1;  // < 0: the solver's global erp
    btScalar cfm_ = 0;
};

}  // namespace cd::physics
