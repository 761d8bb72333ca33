#include "fire/window_glass.h"

#include <algorithm>
#include <cmath>

#include "fire/wall_conduction.h"

namespace cd::fire {

double glassBreakingRiseK(double breakingStressMPa) {
    return breakingStressMPa * 1e6 / (kGlassYoungsModulusPa * kGlassExpansionPerK);
}

double glazingBreakingStressMPa(const GlazingDef& g) {
    if (g.breakingStressMPa > 0) return g.breakingStressMPa;
    return g.kind == GlassKind::Toughened ? kToughenedGlassStrengthMPa : kFloatGlassStrengthMPa;
}

WallMaterial glassPane(double thicknessM, double emissivity) {
    WallMaterial m;
    m.name = "glass";
    m.conductivityWMK = kGlassConductivityWMK;
    m.densityKgM3 = kGlassDensityKgM3;
    m.specificHeatJKgK = kGlassSpecificHeatJKgK;
    m.thicknessM = thicknessM;
    m.emissivity = emissivity;
    return m;
}

double glazingGapCoefficientWM2K(double gapM, double t1K, double t2K, double emissivity) {
    constexpr double kAirConductivityWMK = 0.025;
    const double epsPair = emissivity > 0 ? 1.0 / (2.0 / emissivity - 1.0) : 0.0;
    return kAirConductivityWMK / gapM + epsPair * kStefanBoltzmann * (t1K * t1K + t2K * t2K) * (t1K + t2K);
}

namespace {

// A face at surfaceK under a side: one coefficient and one driving temperature for convection
// and the absorbed radiation. The radiation is eps (q_in - sigma Ts^4) = h_r (T_r - Ts) with the
// surroundings' radiant temperature T_r = (q_in / sigma)^(1/4).
void faceExchange(const GlassSide& s, double surfaceK, double emissivity, double& hOut, double& tOut) {
    const double tr = std::pow(std::max(s.incidentWM2, 0.0) / kStefanBoltzmann, 0.25);
    const double hr = emissivity * kStefanBoltzmann * (tr * tr + surfaceK * surfaceK) * (tr + surfaceK);
    hOut = s.convWM2K + hr;
    tOut = hOut > 0 ? (s.convWM2K * s.gasK + hr * tr) / hOut : surfaceK;
}

}  // namespace

void advanceGlazing(double* t, const unsigned char* paneIn, int panes, const WallMaterial& pane, double gapM,
                    const GlassSide& a, const GlassSide& b, double dtS, double* scratch) {
    constexpr int n = kWallNodes;
    for (int p = 0; p < panes; ++p) {
        if (!paneIn[p]) continue;
        double* tp = t + p * n;
        // Front (node 0) toward side a: that side, or the gap to the pane before this one.
        double hF, tF, hB, tB;
        const int before = p - 1, after = p + 1;
        if (before >= 0 && paneIn[before]) {
            const double other = t[before * n + n - 1];
            hF = glazingGapCoefficientWM2K(gapM, tp[0], other, pane.emissivity);
            tF = other;
        } else {
            faceExchange(a, tp[0], pane.emissivity, hF, tF);
        }
        if (after < panes && paneIn[after]) {
            const double other = t[after * n];
            hB = glazingGapCoefficientWM2K(gapM, tp[n - 1], other, pane.emissivity);
            tB = other;
        } else {
            faceExchange(b, tp[n - 1], pane.emissivity, hB, tB);
        }
        advanceWallSlab(tp, pane, tF, hF, 0.0, hB, tB, dtS, scratch);
    }
}

}  // namespace cd::fire
