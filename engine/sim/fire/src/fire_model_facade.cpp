// Flames out of the windows of a fully developed fire, and what they heat on the facade above:
// the glass of the windows there, and through those that are open, the rooms behind them
// (EN 1991-1-2 Annex B, external_flame.h). Run at the end of each internal sub-step
// (fire_model_step.cpp), before the items and the glass take their heat.
#include <algorithm>
#include <cmath>

#include "fire/radiant_heat.h"
#include "fire_model_impl.h"

namespace cd::fire {

// A flashed-over room burns its fires' fuel (each fire's fuel-limited rate, requestedKw) partly
// outside: Annex B's Q. It leaves through the room's open wall openings to outside, shared by
// their ventilation A sqrt(h). Each opening's flame then heats the openings above it on the same
// facade: same outward normal, the same wall plane (within 0.3 m), overlapping in plan, and above
// its top. A point there lies h / 2 + (z - top) along the flame's axis (Annex B.4.1 (7): the axis
// starts at the opening's mid-height and runs up the wall).
void FireModel::Impl::externalFlames() {
    std::fill(extFlame.begin(), extFlame.end(), ExternalFlame{});
    std::fill(facadeK.begin(), facadeK.end(), ambientK);
    std::fill(facadeEps.begin(), facadeEps.end(), 0.0);
    std::fill(facadeH.begin(), facadeH.end(), 0.0);
    bool any = false;
    for (int r = 0; r < n; ++r) {
        if (!flashover[r]) continue;
        double q = 0;
        for (const auto& f : fires)
            if (f.room == r && f.ignited && !f.extinguished && !f.burnedOut) q += f.requestedKw;
        if (q <= 0) continue;
        double ventilation = 0;
        for (int v = 0; v < nOpen; ++v)
            if (va[v] == r && vb[v] < 0 && vopen[v] && !vceiling[v]) ventilation += vw[v] * std::pow(vzt[v] - vzb[v], 1.5);
        if (ventilation <= 0) continue;
        for (int v = 0; v < nOpen; ++v) {
            if (va[v] != r || vb[v] >= 0 || !vopen[v] || vceiling[v]) continue;
            const double h = vzt[v] - vzb[v];
            extFlame[v] = cd::fire::externalFlame(q * vw[v] * std::pow(h, 1.5) / ventilation, vw[v], h, ambientK);
            if (!extFlame[v].present) continue;
            any = true;
            if (!extReported[v]) {
                extReported[v] = 1;
                pushEvent(FireEventType::ExternalFlames, r, -1, v, extFlame[v].heightM);
            }
        }
    }
    if (!any) return;
    for (int u = 0; u < nOpen; ++u) {
        const ExternalFlame& f = extFlame[u];
        if (!f.present || (outX[u] == 0 && outY[u] == 0)) continue;
        const OpeningDef& ou = def.openings[static_cast<size_t>(u)];
        const double tx = -outY[u], ty = outX[u];
        const double planeU = ou.centerXM * outX[u] + ou.centerYM * outY[u];
        const double alongU = ou.centerXM * tx + ou.centerYM * ty;
        for (int v = 0; v < nOpen; ++v) {
            if (v == u || (outX[v] == 0 && outY[v] == 0) || outX[v] * outX[u] + outY[v] * outY[u] < 0.99) continue;
            const OpeningDef& ov = def.openings[static_cast<size_t>(v)];
            if (std::abs(ov.centerXM * outX[u] + ov.centerYM * outY[u] - planeU) > 0.3) continue;
            if (std::abs(ov.centerXM * tx + ov.centerYM * ty - alongU) >= 0.5 * (vw[u] + vw[v])) continue;
            if (vzb[v] < vzt[u] - 0.05) continue;
            const double axis = 0.5 * (vzt[u] - vzb[u]) + 0.5 * (vzb[v] + vzt[v]) - vzt[u];
            const double t = externalFlameTempK(f, axis, ambientK);
            if (t <= facadeK[v]) continue;
            facadeK[v] = t;
            facadeEps[v] = externalFlameEmissivity(f);
            facadeH[v] = externalFlameConvectionWM2K(f, vw[u] * (vzt[u] - vzb[u]), vzt[v] - vzb[v]);
        }
    }
}

// The flame outside an open window is seen from the room as a radiating panel filling the
// opening, eps sigma (T^4 - T_a^4) times the view factor from p to the opening's rectangle
// (viewFactorToParallelRectangle, in the wall's plane).
double FireModel::Impl::facadeFluxWM2(int room, const Point3& p) const {
    double flux = 0;
    for (int v = 0; v < nOpen; ++v) {
        if (va[v] != room || !vopen[v] || facadeK[v] <= ambientK) continue;
        const OpeningDef& o = def.openings[static_cast<size_t>(v)];
        const double depth = (o.centerXM - p.x) * outX[v] + (o.centerYM - p.y) * outY[v];
        if (depth <= 0) continue;
        const double tx = -outY[v], ty = outX[v];
        const double along = (o.centerXM - p.x) * tx + (o.centerYM - p.y) * ty;
        const double view = viewFactorToParallelRectangle(along - 0.5 * vw[v], along + 0.5 * vw[v], vzb[v] - p.z, vzt[v] - p.z,
                                                          0.0, 0.0, depth);
        flux += facadeEps[v] * kStefanBoltzmann * (std::pow(facadeK[v], 4) - std::pow(ambientK, 4)) * view;
    }
    return flux;
}

ExternalFlame FireModel::externalFlame(int openingIndex) const {
    if (openingIndex < 0 || openingIndex >= impl_->nOpen) return {};
    return impl_->extFlame[static_cast<size_t>(openingIndex)];
}

}  // namespace cd::fire
