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
///   underside (EN 1992-1-2 Table 3.2a, hot-rolled class N: the same factors as structural steel).
/// Timber and unweakened materials keep 1.
class MemberFire {
public:
    explicit MemberFire(const MemberDef& m);
    void advance(const MemberGas& gas, double dtS);
    float strengthFactor() const;
    /// The same in bearing: a steel column's buckling resistance (steel_buckling.h), else as
    /// strengthFactor().
    float bearingFactor() const;
    bool weakens() const { return curve_ != FireCurve::None; }
    /// Whether it has seen gas above ambient (members that have not are not stepped).
    bool heated() const { return heated_; }

private:
    MemberKind kind_;
    FireCurve curve_;
    float thinM_ = 0.0f, wideM_ = 0.0f;  // the section's two smaller sides (walls and slabs: thickness, thickness)
    float rebarAxisM_;
    double slenderness_ = 0.0, epsilon_ = 1.0;  // a steel column's (steel_buckling.h)
    std::optional<ConcreteHeating> concrete_;
    std::optional<SectionHeating> section_;  // a concrete column
    std::optional<SteelHeating> steel_;
    bool heated_ = false;
};

}  // namespace cd::physics
