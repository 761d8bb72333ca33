#pragma once
// One member of a structure in a fire: its heating (member_heating.h) under the gas around it and
// the share of its cold strength that leaves it.
#include <optional>

#include "physics/member_heating.h"
#include "physics/section_heating.h"
#include "physics/structure_def.h"

namespace cd::physics {

/// What heat leaves of a member's strength, by kind and material:
/// - steel (FireCurve::Steel): EN 1993-1-2 k_y at its temperature (SteelHeating);
/// - concrete and masonry in compression (walls, columns): EN 1992-1-2 Annex B.1, the 500 C
///   isotherm method: concrete hotter than 500 C is lost, the rest keeps its strength, so the
///   share is the section left inside the isotherm (a wall heated through its thickness from the
///   side or sides in fire; a column all round, in two dimensions, its corners heated from two
///   faces: SectionHeating);
/// - concrete slabs and beams (bending): k_y of the bottom bars at their axis distance from the
///   underside (EN 1992-1-2 Table 3.2a, hot-rolled class N: the same factors as structural steel);
/// - timber (FireCurve::Timber): EN 1995-1-2 4.2.2, the reduced cross-section method. The wood
///   hotter than the char line (300 C) is char, heated through EN 1995-1-2 Annex B's properties
///   (member_heating.h): in one dimension a wall or slab, in two a column or beam. Within the
///   section left, a layer k_0 d_0 under each charring face holds nothing (d_0 7 mm, k_0 rising
///   from 0 to 1 over the first 20 min, counted here from the face's charring); the rest keeps its
///   cold strength (k_mod,fi 1). A wall and a column keep the effective section's share of their
///   area, a slab and a beam of their section modulus (bending); a column's bearing also takes
///   the effective section's buckling (column_buckling.h: k_c of the thinner side left, over
///   the cold k_c).
/// Unweakened materials keep 1.
class MemberFire {
public:
    explicit MemberFire(const MemberDef& m);
    void advance(const MemberGas& gas, double dtS);
    float strengthFactor() const;
    /// The same in bearing: a steel or timber column's buckling resistance (column_buckling.h),
    /// else as strengthFactor().
    float bearingFactor() const;
    bool weakens() const { return curve_ != FireCurve::None; }
    /// Whether it has seen gas above ambient (members that have not are not stepped).
    bool heated() const { return heated_; }

private:
    /// A timber member's section left inside the char and its zero-strength layers, as
    /// strengthFactor(); thinnestM: its thinner side (a column's, for buckling).
    float charredShare(double* thinnestM = nullptr) const;

    MemberKind kind_;
    FireCurve curve_;
    float thinM_ = 0.0f, wideM_ = 0.0f;  // the section's two smaller sides (walls and slabs: thickness, thickness)
    float rebarAxisM_;
    double slenderness_ = 0.0, fireSlenderness_ = 0.0, epsilon_ = 1.0;  // a steel column's (column_buckling.h)
    std::optional<ThicknessHeating> thickness_;  // concrete or timber: a wall, a slab; a concrete beam
    std::optional<SectionHeating> section_;  // a concrete column; a timber column or beam
    double lengthM_ = 0.0;  // a column's height (timber's buckling)
    double charredS_[2] = {0.0, 0.0};  // timber: how long the faces (a section's all round: [0]) have charred
    std::optional<SteelHeating> steel_;
    bool heated_ = false;
};

}  // namespace cd::physics
