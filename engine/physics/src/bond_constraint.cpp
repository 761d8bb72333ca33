#include "bond_constraint.h"

namespace cd::physics {

BondConstraint::BondConstraint(btRigidBody& a, btRigidBody& b, const btTransform& frameInA, const btTransform& frameInB)
    : btTypedConstraint(FIXED_CONSTRAINT_TYPE, a, b), frameInA_(frameInA), frameInB_(frameInB) {}

void BondConstraint::getInfo1(btConstraintInfo1* info) {
    info->m_numConstraintRows = 6;
    info->nub = 0;
}

void BondConstraint::getInfo2(btConstraintInfo2* info) {
    const btTransform& xa = m_rbA.getCenterOfMassTransform();
    const btTransform& xb = m_rbB.getCenterOfMassTransform();
    const int s = info->rowskip;
    const btScalar k = info->fps * (erp_ >= 0 ? erp_ : info->erp);

    // Rows along and about frame A's axes (the face's normal and its two in-plane directions at
    // creation), so a row's impulse is the face's tension or shear, or a moment about one of them.
    const btMatrix3x3 fa = xa.getBasis() * frameInA_.getBasis();
    const btMatrix3x3 fb = xb.getBasis() * frameInB_.getBasis();
    // Linear: the face point on A and on B coincide.
    const btVector3 ra = xa.getBasis() * frameInA_.getOrigin();
    const btVector3 rb = xb.getBasis() * frameInB_.getOrigin();
    const btVector3 gap = (xb.getOrigin() + rb) - (xa.getOrigin() + ra);
    // Angular: the rotation taking frame A onto frame B, theta n for small theta.
    btQuaternion q;
    (fb * fa.transpose()).getRotation(q);
    if (q.getW() < 0) q = -q;  // the short way round
    const btVector3 turn = btScalar(2) * btVector3(q.getX(), q.getY(), q.getZ());
    btScalar err[6];
    for (int i = 0; i < 3; ++i) {
        const btVector3 n = fa.getColumn(i);
        const btVector3 armA = ra.cross(n), armB = rb.cross(n);
        btScalar* lin1 = info->m_J1linearAxis + i * s;
        btScalar* ang1 = info->m_J1angularAxis + i * s;
        btScalar* lin2 = info->m_J2linearAxis + i * s;
        btScalar* ang2 = info->m_J2angularAxis + i * s;
        btScalar* rot1 = info->m_J1angularAxis + (3 + i) * s;
        btScalar* rot2 = info->m_J2angularAxis + (3 + i) * s;
        for (int c = 0; c < 3; ++c) {
            lin1[c] = n[c];
            ang1[c] = armA[c];
            lin2[c] = -n[c];
            ang2[c] = -armB[c];
            rot1[c] = n[c];
            rot2[c] = -n[c];
        }
        err[i] = gap.dot(n);
        err[3 + i] = turn.dot(n);
    }
    for (int row = 0; row < 6; ++row) {
        info->m_constraintError[row * s] = k * err[row];
        info->cfm[row * s] = cfm_;
        info->m_lowerLimit[row * s] = -SIMD_INFINITY;
        info->m_upperLimit[row * s] = SIMD_INFINITY;
    }
}

void BondConstraint::setParam(int num, btScalar value, int /*axis*/) {
    if (num == BT_CONSTRAINT_ERP || num == BT_CONSTRAINT_STOP_ERP) erp_ = value;
    else if (num == BT_CONSTRAINT_CFM || num == BT_CONSTRAINT_STOP_CFM) cfm_ = value;
}

btScalar BondConstraint::getParam(int num, int /*axis*/) const {
    if (num == BT_CONSTRAINT_ERP || num == BT_CONSTRAINT_STOP_ERP) return erp_;
    if (num == BT_CONSTRAINT_CFM || num == BT_CONSTRAINT_STOP_CFM) return cfm_;
    return 0;
}

}  // namespace cd::physics
