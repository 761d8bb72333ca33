// [4] of a sub-step (fire_model_step.cpp): the heat the layers give their boundaries. Each room's
// linings are 1-D slabs (wall_conduction.h), heated by convection and the upper layer's
// radiation; the layer also radiates out through its open doorways and windows, and its soot
// settles on the slabs it heats (soot_deposition.h).
#include <algorithm>
#include <cmath>

#include "fire/soot_deposition.h"
#include "fire/wall_conduction.h"
#include "fire_model_impl.h"

namespace cd::fire {

// [4] Convection (both layers) and upper-layer gas radiation to the boundary slabs of each room:
// ceiling + upper walls, floor + lower walls (four slabs where the ceiling or floor has its own
// lining: each pair then shares its layer's exchange, each slab with its own lining and surface
// temperature). The fires' radiant fraction is absorbed by the slabs in proportion to their
// area. The wall side is implicit in the exchange; the gas side uses the new surface temperature,
// with the coefficient capped so a thin layer cannot overshoot the wall temperature in one step.
void FireModel::Impl::wallHeatTransfer(double dt) {
    radiationThroughOpenings(dt);
    struct Slab {
        double* t;  // node temperatures, advanced in place
        const WallMaterial* m;
        double a;   // m^2
    };
    for (int i = 0; i < n; ++i) {
        // An open doorway or window is no wall: the slabs are the room's surfaces less them
        // (MQH's A_T is the enclosing area less the openings).
        double aU = std::max(area[i] + perimeter[i] * (ceilZ[i] - zInt[i]) - openAreaU[i], 1e-3);
        double aL = std::max(area[i] + perimeter[i] * (zInt[i] - floorZ[i]) - openAreaL[i], 1e-3);
        // New wall temperatures go to wallNewU/L (and sideNewU/L); integrate() commits them with the step.
        const size_t at = static_cast<size_t>(i) * kWallNodes;
        double* wu = &wallNewU[at];
        double* wl = &wallNewL[at];
        std::copy(&wallU[at], &wallU[at + kWallNodes], wu);
        std::copy(&wallL[at], &wallL[at + kWallNodes], wl);
        Slab upper[2] = {{wu, &wall[i], aU}, {}}, lower[2] = {{wl, &wall[i], aL}, {}};
        int slabs = 1;
        if (splitLining[i]) {
            std::copy(&sideU[at], &sideU[at + kWallNodes], &sideNewU[at]);
            std::copy(&sideL[at], &sideL[at + kWallNodes], &sideNewL[at]);
            const double aC = std::min(area[i], aU), aF = std::min(area[i], aL);
            upper[0] = {wu, &ceilingLining[i], aC};
            upper[1] = {&sideNewU[at], &wall[i], aU - aC};
            lower[0] = {wl, &floorLining[i], aF};
            lower[1] = {&sideNewL[at], &wall[i], aL - aF};
            slabs = 2;
        }
        // Exchange coefficients: convection plus the upper layer's grey-gas radiation,
        // linearised as eps sigma (Tg^2 + Ts^2)(Tg + Ts).
        const double tu = tU[i];
        const double su = slabs == 1 ? wu[0] : (upper[0].a * upper[0].t[0] + upper[1].a * upper[1].t[0]) / aU;
        // Convection to the upper slabs: natural convection, raised near the fires by their
        // ceiling jets (ceiling and upper walls), blended per surface; gasConvU is the
        // h-weighted driving temperature (above tu where the jet is hotter than the layer).
        double gasConvU = tu;
        const double hConvU = upperConvection(i, tu, su, aU, gasConvU);
        auto radiative = [&](double surfaceK) { return emissU[i] * kStefanBoltzmann * (tu * tu + surfaceK * surfaceK) * (tu + surfaceK); };
        // The upper layer also radiates down, through the (transparent) lower layer, onto the
        // floor and lower walls (CFAST TRG ch. 7: the layer exchanges radiation with every
        // surface it sees). For a wide, thin, sooty layer this is as much as it sends up; the
        // lower slabs see the layer over the floor area (the lower walls see it obliquely and
        // are counted in the floor's view factor of about 1), spread over their area.
        const double aDown = area[i];
        double hU[2], gasU[2], hDown[2], hL[2];
        double upperExchange = 0.0;  // W/K the upper layer exchanges with all the slabs
        for (int k = 0; k < slabs; ++k) {
            const double hRad = radiative(upper[k].t[0]);
            hU[k] = hConvU + hRad;
            gasU[k] = (hConvU * gasConvU + hRad * tu) / hU[k];
            hDown[k] = radiative(lower[k].t[0]);
            upperExchange += hU[k] * upper[k].a + hDown[k] * aDown * (lower[k].a / aL);
        }
        // A thin layer cannot give up more than half its excess heat over the wall in one step.
        auto capH = [&](double h, double m, double a) { return std::min(h, 0.5 * m * kCp / (a * dt)); };
        const double capUpper = std::min(capH(upperExchange, mU[i], 1.0) / std::max(upperExchange, 1e-30), 1.0);
        const double fracU = aU / (aU + aL);
        const double radUpperWM2 = (radW[i] * fracU - slabOpeningRadU[i]) / aU;
        const double radLowerWM2 = (radW[i] * (1.0 - fracU) - slabOpeningRadL[i]) / aL;
        // Where another room lies behind a slab (a surface connection), that part of its back
        // takes in what the other room's face takes in (below); the rest loses heat to ambient.
        double connU[2] = {0, 0}, heatU[2] = {0, 0}, connL[2] = {0, 0}, heatL[2] = {0, 0};
        if (!links.empty()) {
            connectedBacks(i, true, connU, heatU);
            connectedBacks(i, false, connL, heatL);
        }
        auto advance = [&](const Slab& s, double gasK, double h, double extraWM2, double connM2, double heatW) {
            const double share = connM2 > 0.0 ? std::min(connM2 / std::max(s.a, 1e-9), 1.0) : 0.0;
            const double backFlux = connM2 > 0.0 ? heatW / connM2 * share : 0.0;
            return advanceWallSlab(s.t, *s.m, gasK, h, extraWM2, (1.0 - share) * backFaceCoefficientWM2K(*s.m, s.t[kWallNodes - 1], ambientK),
                                   ambientK, dt, scratch, backFlux);
        };
        double lossU = 0.0, lossDown = 0.0, lossL = 0.0;
        for (int k = 0; k < slabs; ++k) {
            const Slab& u = upper[k];
            const double intoU = advance(u, gasU[k], hU[k] * capUpper, radUpperWM2, connU[k], heatU[k]);
            lossU += intoU * u.a;
            // The lower slab exchanges with both layers: one effective gas temperature and
            // coefficient (per unit of lower-slab area), split again by the new surface temperature.
            const Slab& l = lower[k];
            hL[k] = capH(convectiveCoefficientWM2K(tL[i], l.t[0]), mL[i], aL);
            const double hDownL = hDown[k] * capUpper * aDown / aL;
            const double hEff = hL[k] + hDownL;
            const double gasEff = (hL[k] * tL[i] + hDownL * tu) / hEff;
            const double intoL = advance(l, gasEff, hEff, radLowerWM2, connL[k], heatL[k]);
            if (!faceFluxNewU.empty()) {
                faceFluxNewU[2 * i + k] = intoU + radUpperWM2;
                faceFluxNewL[2 * i + k] = intoL + radLowerWM2;
            }
            lossDown += hDownL * (tu - l.t[0]) * l.a;
            lossL += hL[k] * (tL[i] - l.t[0]) * l.a;
            // Soot that the convected heat carries onto the slabs (thermophoresis, soot_deposition.h).
            depositSoot(i, true, hConvU * capUpper * (gasConvU - u.t[0]), u.a, dt);
            depositSoot(i, false, hL[k] * (tL[i] - l.t[0]), l.a, dt);
        }
        srcHU[i] -= lossU + lossDown + openingRadW[i];
        srcHL[i] -= lossL;
        energySource[i] -= lossU + lossDown + lossL + openingRadW[i];
    }
}

// CFAST's surface connections (conduction.f90): a slab with a room behind it is not solved
// against that room's gas; its back takes in the flux that the other room's own face takes in
// (convection and radiation, from the last step). The two rooms' slabs are then the one wall
// seen from either side: started alike, each face's history is the other's back's, so at steady
// state the flux through is the plane wall's (T_1 - T_2) / (1/h_1 + L/k + 1/h_2). Each room's
// gas exchanges heat only with its own faces, so energy is conserved room by room. A part of
// the walls takes the other room's upper or lower face by the height of its interface there.
void FireModel::Impl::connectedBacks(int i, bool upper, double areaM2[2], double heatW[2]) const {
    auto face = [&](int o, bool up, bool wallPart) {
        return (up ? faceFluxU : faceFluxL)[2 * o + (splitLining[o] && wallPart ? 1 : 0)];
    };
    const int wallSlab = splitLining[i] ? 1 : 0;
    for (const SurfaceLink& link : links[i]) {
        const SharedSurface& s = link.surface;
        const int o = link.other;
        switch (s.part) {
            case SharedSurface::Part::Ceiling:  // the other room's floor
                if (upper) areaM2[0] += s.areaM2, heatW[0] += s.areaM2 * face(o, false, false);
                break;
            case SharedSurface::Part::Floor:  // the other room's ceiling
                if (!upper) areaM2[0] += s.areaM2, heatW[0] += s.areaM2 * face(o, true, false);
                break;
            case SharedSurface::Part::Wall: {
                const double width = s.areaM2 / (s.zTopM - s.zBottomM);
                const double p0 = upper ? std::max(s.zBottomM, zInt[i]) : s.zBottomM;
                const double p1 = upper ? s.zTopM : std::min(s.zTopM, zInt[i]);
                if (p1 <= p0) break;
                const double above = std::max(p1 - std::max(p0, zInt[o]), 0.0), below = (p1 - p0) - above;
                areaM2[wallSlab] += width * (p1 - p0);
                heatW[wallSlab] += width * (above * face(o, true, true) + below * face(o, false, true));
                break;
            }
        }
    }
}

double FireModel::Impl::surfaceEmissionWM2(int r, bool upper) const {
    const double a4 = std::pow(ambientK, 4);
    const size_t at = static_cast<size_t>(r) * kWallNodes;
    auto emission = [&](double surfaceK, const WallMaterial& m) {
        return m.emissivity * kStefanBoltzmann * std::max(std::pow(surfaceK, 4) - a4, 0.0);
    };
    const double flat = emission(upper ? wallU[at] : wallL[at], upper ? ceilingLining[r] : floorLining[r]);
    if (!splitLining[r]) return flat;
    const double walls = perimeter[r] * (upper ? ceilZ[r] - zInt[r] : zInt[r] - floorZ[r]);
    return (flat * area[r] + emission(upper ? sideU[at] : sideL[at], wall[r]) * walls) / (area[r] + walls);
}

// The upper layer radiates out through the open part of each doorway and window that faces it
// (the loss q_R = A_o eps sigma (T_g^4 - T_a^4) of the compartment energy balance: Karlsson &
// Quintiere, Enclosure Fire Dynamics, ch. 6; Babrauskas & Williamson 1978): to outside it is lost,
// through an inner opening it lands on the next room's surfaces (as a fire's radiation does).
// Each side radiates against ambient, so two equally hot rooms exchange nothing net and a cool
// room sends nothing. Leaks (cracks) and ceiling vents are left out.
// The opening is a hole in a radiating enclosure (CFAST counts an open vent as a surface at the
// outside temperature in its radiation exchange): through the part facing the layer it also
// sees the ceiling and upper walls behind the layer, through the grey gas ((1 - eps) of them),
// and below the interface the floor and lower walls through the transparent lower layer. Those
// slabs lose eps_w sigma (T_s^4 - T_a^4) per m^2 of opening at their surface temperature at the
// start of the step.
void FireModel::Impl::radiationThroughOpenings(double dt) {
    std::fill(openAreaU.begin(), openAreaU.end(), 0.0);
    std::fill(openAreaL.begin(), openAreaL.end(), 0.0);
    std::fill(openingRadW.begin(), openingRadW.end(), 0.0);
    std::fill(slabOpeningRadU.begin(), slabOpeningRadU.end(), 0.0);
    std::fill(slabOpeningRadL.begin(), slabOpeningRadL.end(), 0.0);
    const double a4 = std::pow(ambientK, 4);
    for (int v = 0; v < nOpen; ++v) {
        if (!vopen[v] || vceiling[v]) continue;
        for (int side = 0; side < 2; ++side) {
            const int r = side == 0 ? va[v] : vb[v], other = side == 0 ? vb[v] : va[v];
            if (r < 0) continue;
            const double z = std::clamp(zInt[r], vzb[v], vzt[v]);
            const double upperM2 = vw[v] * (vzt[v] - z), lowerM2 = vw[v] * (z - vzb[v]);
            openAreaU[r] += upperM2;
            openAreaL[r] += lowerM2;
            // As for the walls, a thin layer gives up at most half its excess heat in one step.
            const double w = std::min(emissU[r] * kStefanBoltzmann * std::max(std::pow(tU[r], 4) - a4, 0.0) * upperM2,
                                      0.5 * mU[r] * kCp * std::max(tU[r] - ambientK, 0.0) / dt - openingRadW[r]);
            openingRadW[r] += w;
            const double wsU = (1.0 - emissU[r]) * surfaceEmissionWM2(r, true) * upperM2;
            const double wsL = surfaceEmissionWM2(r, false) * lowerM2;
            slabOpeningRadU[r] += wsU;
            slabOpeningRadL[r] += wsL;
            if (other >= 0) radW[other] += w + wsU + wsL;
        }
    }
}

// A layer's soot drifts onto the slab it heats at the thermophoretic velocity v: in dt the slab
// of area a clears v a dt of the layer's volume of soot (exponentially, so a thin layer is not
// overdrawn). The soot leaves the gas with its mass and enthalpy, as a filter's does. Only the
// convected heat counts (radiation does not set up the gas's gradient at the wall).
void FireModel::Impl::depositSoot(int i, bool upper, double fluxWM2, double areaM2, double dt) {
    if (!def.sootDeposition) return;
    const double vol = upper ? volU[i] : volume[i] - volU[i];
    const double mass = upper ? mU[i] : mL[i];
    const double soot = upper ? yU[i * kSpeciesCount + kSoot] : yL[i * kSpeciesCount + kSoot];
    if (vol <= 1e-9 || mass <= 0.0 || soot <= 0.0) return;
    const double tg = upper ? tU[i] : tL[i];
    const double v = thermophoreticVelocityMS(fluxWM2, mass / vol, tg, kCp);
    const double kgS = soot * (1.0 - std::exp(-v * areaM2 * dt / vol)) / dt;
    if (!(kgS > 0.0)) return;
    (upper ? srcYU : srcYL)[i * kSpeciesCount + kSoot] -= kgS;
    (upper ? srcMU : srcML)[i] -= kgS;
    (upper ? srcHU : srcHL)[i] -= kCp * tg * kgS;
    depositKgS += kgS;
    depositJS += kCp * tg * kgS;
}

}  // namespace cd::fire
