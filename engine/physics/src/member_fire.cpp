#include "member_fire.h"

#include <algorithm>

#include "physics/steel_buckling.h"

namespace cd::physics {

namespace {
constexpr double kIsothermC = 500.0;  // EN 1992-1-2 Annex B.1
constexpr double kStillAmbientC = 25.0;
}  // namespace

MemberFire::MemberFire(const MemberDef& m)
    : kind_(m.kind), curve_(m.material.fireCurve), rebarAxisM_(m.rebarAxisM) {
    float e[3] = {2.0f * m.halfExtentsM.x, 2.0f * m.halfExtentsM.y, 2.0f * m.halfExtentsM.z};
    std::sort(e, e + 3);
    thinM_ = e[0];
    wideM_ = (kind_ == MemberKind::Column || kind_ == MemberKind::Beam) ? e[1] : e[0];
    if (curve_ == FireCurve::Steel) {
        // The box's own section factor: its heated perimeter over its area.
        const double own = 2.0 * (thinM_ + wideM_) / (static_cast<double>(thinM_) * wideM_);
        steel_.emplace(m.sectionFactorPerM > 0.0f ? m.sectionFactorPerM : own);
        slenderness_ = steelColumnSlenderness(m);
        epsilon_ = steelEpsilon(m.material);
    } else if (curve_ == FireCurve::ConcreteSiliceous) {
        if (kind_ == MemberKind::Column) section_.emplace(thinM_, wideM_);
        else concrete_.emplace(thinM_);
    }
}

void MemberFire::advance(const MemberGas& gas, double dtS) {
    const double hotter = std::max(gas.frontC, gas.backC);
    if (!heated_ && hotter <= kStillAmbientC) return;
    heated_ = true;
    if (steel_) steel_->advance(hotter, dtS);
    if (section_) section_->advance(hotter, dtS);  // a column: all round
    if (!concrete_) return;
    if (kind_ == MemberKind::Wall || kind_ == MemberKind::Slab) concrete_->advance(gas.frontC, gas.backC, dtS);
    else concrete_->advance(hotter, hotter, dtS);  // beams: all round
}

float MemberFire::bearingFactor() const {
    if (steel_ && slenderness_ > 0.0) return steelColumnBearingFactor(slenderness_, steel_->temperatureC(), epsilon_);
    return strengthFactor();
}

float MemberFire::strengthFactor() const {
    if (steel_) return strengthReductionFactor(FireCurve::Steel, static_cast<float>(steel_->temperatureC()));
    if (section_) return static_cast<float>(section_->areaCoolerThan(kIsothermC));
    if (!concrete_) return 1.0f;
    if (kind_ == MemberKind::Slab || kind_ == MemberKind::Beam)
        return strengthReductionFactor(FireCurve::Steel, static_cast<float>(concrete_->temperatureAtC(rebarAxisM_)));
    return static_cast<float>(std::max(0.0, thinM_ - concrete_->hotterThanM(kIsothermC)) / thinM_);  // a wall
}

}  // namespace cd::physics
