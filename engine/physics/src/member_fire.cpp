#include "member_fire.h"

#include <algorithm>

#include "physics/column_buckling.h"

namespace cd::physics {

namespace {
constexpr double kIsothermC = 500.0;  // EN 1992-1-2 Annex B.1
constexpr double kStillAmbientC = 25.0;
constexpr double kZeroStrengthM = 0.007;      // d_0, EN 1995-1-2 4.2.2(1)
constexpr double kZeroStrengthRiseS = 1200.0;  // k_0 reaches 1 after 20 min, Table 4.1

// k_0 d_0 of a face that has charred for charredS.
double zeroStrengthLayerM(double charredS) { return kZeroStrengthM * std::min(1.0, charredS / kZeroStrengthRiseS); }
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
        fireSlenderness_ = steelColumnFireSlenderness(m);
        epsilon_ = steelEpsilon(m.material);
    } else if (curve_ == FireCurve::ConcreteSiliceous) {
        if (kind_ == MemberKind::Column) section_.emplace(thinM_, wideM_);
        else thickness_.emplace(thinM_);
    } else if (curve_ == FireCurve::Timber) {
        const Solid wood = Solid::softwood(m.material.densityKgM3);
        if (kind_ == MemberKind::Column || kind_ == MemberKind::Beam) {
            if (kind_ == MemberKind::Beam) {  // across its width, and its depth, in which it bends
                thinM_ = 2.0f * std::min(m.halfExtentsM.x, m.halfExtentsM.y);
                wideM_ = 2.0f * m.halfExtentsM.z;
            }
            lengthM_ = 2.0 * m.halfExtentsM.z;
            section_.emplace(thinM_, wideM_, wood);
        } else {
            thickness_.emplace(thinM_, wood);
        }
    }
}

void MemberFire::advance(const MemberGas& gas, double dtS) {
    const double hotter = std::max(gas.frontC, gas.backC);
    if (!heated_ && hotter <= kStillAmbientC) return;
    heated_ = true;
    if (steel_) steel_->advance(hotter, dtS);
    if (section_) section_->advance(hotter, dtS);  // a column: all round
    if (curve_ == FireCurve::Timber) {
        // A face has charred from when its surface (the middle of a section's faces) first
        // reached the char line.
        if (section_) {
            const double face = std::max(section_->temperatureAtC(0.0, 0.5 * wideM_), section_->temperatureAtC(0.5 * thinM_, 0.0));
            if (charredS_[0] > 0.0 || face >= kCharLineC) charredS_[0] += dtS;
        } else {
            const double faces[2] = {thickness_->temperatureAtC(0.0), thickness_->temperatureAtC(thinM_)};
            for (int f = 0; f < 2; ++f)
                if (charredS_[f] > 0.0 || faces[f] >= kCharLineC) charredS_[f] += dtS;
        }
    }
    if (!thickness_) return;
    if (kind_ == MemberKind::Wall || kind_ == MemberKind::Slab) thickness_->advance(gas.frontC, gas.backC, dtS);
    else thickness_->advance(hotter, hotter, dtS);  // beams: all round
}

float MemberFire::charredShare(double* thinnestM) const {
    if (section_) {
        const double b = thinM_, h = wideM_;
        const double d = zeroStrengthLayerM(charredS_[0]);
        const double charX = section_->hotDepthAcrossWidthM(kCharLineC), charY = section_->hotDepthAcrossDepthM(kCharLineC);
        const double bEf = std::max(0.0, b - 2.0 * (charX + d)), hEf = std::max(0.0, h - 2.0 * (charY + d));
        if (thinnestM) *thinnestM = std::min(bEf, hEf);
        if (kind_ == MemberKind::Beam) return static_cast<float>(bEf * hEf * hEf / (b * h * h));
        if (bEf <= 0.0 || hEf <= 0.0) return 0.0f;
        // The area inside the char line (its corners rounded), less the zero-strength layer along
        // the sides of what is left.
        const double br = b - 2.0 * charX, hr = h - 2.0 * charY;
        const double left = section_->areaCoolerThan(kCharLineC) * b * h - 2.0 * d * (br + hr) + 4.0 * d * d;
        return static_cast<float>(std::max(0.0, left) / (b * h));
    }
    const double t = thinM_;
    const double ef = std::max(0.0, t - thickness_->hotterThanM(kCharLineC) - zeroStrengthLayerM(charredS_[0]) - zeroStrengthLayerM(charredS_[1]));
    if (thinnestM) *thinnestM = ef;
    return static_cast<float>(kind_ == MemberKind::Slab ? (ef / t) * (ef / t) : ef / t);
}

float MemberFire::bearingFactor() const {
    if (steel_ && slenderness_ > 0.0) return steelColumnBearingFactor(slenderness_, fireSlenderness_, steel_->temperatureC(), epsilon_);
    if (curve_ == FireCurve::Timber && kind_ == MemberKind::Column) {
        double thinnest = thinM_;
        const float share = charredShare(&thinnest);
        const double cold = timberBucklingReduction(timberColumnSlenderness(lengthM_, thinM_));
        return static_cast<float>(share * timberBucklingReduction(timberColumnSlenderness(lengthM_, thinnest)) / cold);
    }
    return strengthFactor();
}

float MemberFire::strengthFactor() const {
    if (curve_ == FireCurve::Timber) return charredShare();
    if (steel_) return strengthReductionFactor(FireCurve::Steel, static_cast<float>(steel_->temperatureC()));
    if (section_) return static_cast<float>(section_->areaCoolerThan(kIsothermC));
    if (!thickness_) return 1.0f;
    if (kind_ == MemberKind::Slab || kind_ == MemberKind::Beam)
        return strengthReductionFactor(FireCurve::Steel, static_cast<float>(thickness_->temperatureAtC(rebarAxisM_)));
    return static_cast<float>(std::max(0.0, thinM_ - thickness_->hotterThanM(kIsothermC)) / thinM_);  // a wall
}

}  // namespace cd::physics
