// How a fire spreads past its own flames in the zone model: a room flashes over, a fuel item
// catches from the heat on it, and window glass falls out and lets air in. Run at the end of
// each internal sub-step (fire_model_step.cpp).
#include <algorithm>
#include <cmath>

#include "fire/combustion.h"
#include "fire/heat_release.h"
#include "fire/plume.h"
#include "fire/radiant_heat.h"
#include "fire/window_glass.h"
#include "fire_model_impl.h"

namespace cd::fire {

// Flashover (upper layer >= 600 C or >= 20 kW/m^2 at the floor: Peacock et al., Fire
// Safety J. 32 (1999) "Defining flashover for fire hazard calculations") and ignition of
// items by incident radiant flux, a flux-time product above a critical flux (Smith & Satija;
// Shokri & Beyler, SFPE Handbook 5th ed. ch. 66). Flame radiation from the room's fires is a
// point source chi_r Q / (4 pi d^2) (Modak; SFPE Handbook ch. 66); door-jet flames into the room
// through placed openings add theirs (jetFluxWM2).
void FireModel::Impl::checkFlashoverAndItems(double dt) {
    for (int i = 0; i < n; ++i) {
        if (flashover[i]) continue;
        if (tU[i] - 273.15 >= def.flashoverTempC || floorFlux[i] >= def.flashoverFloorFluxKwM2 * 1e3) {
            flashover[i] = 1;
            pushEvent(FireEventType::Flashover, i, -1, -1, tU[i] - 273.15);
        }
    }
    for (size_t it = 0; it < items.size(); ++it) {
        auto& s = items[it];
        const auto& d = def.items[it];
        // An item whose fire was put out catches again the same way, its dose counted anew once
        // the agent has stopped wetting it, while fuel is left: the flux-time product of a cooled
        // fuel (re-ignition under the heat of the fires still burning or the hot layer).
        if (s.ignited) {
            const FireRuntime& f = fires[static_cast<size_t>(s.fire)];
            const bool fuelLeft = f.def.fuelMassKg <= 0 || f.pyrolysedKg < f.def.fuelMassKg * (1.0 - 1e-9);
            if (!f.extinguished || f.burnedOut || !fuelLeft || timeS <= f.agentUntilS) {
                s.doseKjM2 = 0;
                continue;
            }
        }
        int r = itemRoom[it];
        // Under the layer, the layer and ceiling through their view factor from the item, as for a
        // person (radiant_heat.h).
        const double zi = interfaceAtZ(r, d.positionM.x, d.positionM.y);
        const double layerK = layerTempAtK(r, d.positionM.x, d.positionM.y);
        double flux = zi < ceilZ[r] && d.positionM.z >= zi
                          ? kStefanBoltzmann * (std::pow(layerK, 4) - std::pow(ambientK, 4))
                          : layerFluxWM2(r, layerK) * layerViewFactor(r, d.positionM.x, d.positionM.y, d.positionM.z);
        for (const auto& f : fires) {
            if (f.room != r || f.hrrKw <= 0) continue;
            double flameMid = 0.5 * f.flameHeightM();
            double dx = d.positionM.x - f.def.positionM.x, dy = d.positionM.y - f.def.positionM.y;
            double dz = d.positionM.z - (f.def.positionM.z + flameMid);
            double dist = std::max(std::sqrt(dx * dx + dy * dy + dz * dz), 0.5 * f.diameterM + 0.1);
            flux += f.def.radiativeFraction * f.hrrKw * 1e3 / (4.0 * M_PI * dist * dist);
        }
        flux += jetFluxWM2(r, d.positionM);    // the flames out of a doorway into this room
        flux += facadeFluxWM2(r, d.positionM);  // flames outside its windows, from windows below
        double fluxKw = flux * 1e-3;
        if (fluxKw > d.criticalFluxKwM2) {
            const double excess = fluxKw - d.criticalFluxKwM2;
            s.doseKjM2 += (d.fluxTimeExponent == 1.0 ? excess : std::pow(excess, d.fluxTimeExponent)) * dt;
        }
        if (s.doseKjM2 < d.fluxTimeProductKjM2) continue;
        // Under an opened sprinkler the fuel around the fire is wet: it does not catch (NFPA 13's
        // fire control: the spray limits the fire's size and pre-wets the combustibles beside it).
        if (sprinklerOpenIn(r)) {
            if (!s.wetted) pushEvent(FireEventType::ItemWetted, r, -1, static_cast<int>(it), fluxKw);
            s.wetted = true;
            continue;
        }
        if (s.ignited) {
            // Re-ignition: its fire grows again from nothing on the fuel it has left.
            FireRuntime& f = fires[static_cast<size_t>(s.fire)];
            f.extinguished = false;
            f.knockdown = 1;
            f.startS = timeS;
            f.decayStartS = -1;
            s.doseKjM2 = 0;
            pushEvent(FireEventType::Reignited, r, s.fire, static_cast<int>(it), fluxKw);
            continue;
        }
        s.ignited = true;
        FireDef fd = d.fire;
        fd.room = d.room;
        fd.positionM = d.positionM;
        fd.startS = timeS;
        if (fd.id.empty()) fd.id = d.id;
        FireRuntime fr;
        fr.def = std::move(fd);
        fr.room = r;
        fr.yields = *combustionYields(fr.def);
        fr.diameterM = equivalentDiameterM(fr.def.areaM2);
        fr.mirror = mirrorOf(fr.def, r, fr.diameterM);
        fr.startS = timeS;
        fires.push_back(std::move(fr));
        s.fire = static_cast<int>(fires.size() - 1);
        pushEvent(FireEventType::ItemIgnited, r, static_cast<int>(fires.size() - 1), static_cast<int>(it), fluxKw);
    }
}

bool FireModel::Impl::sprinklerOpenIn(int room) const {
    for (size_t d = 0; d < sprinklers.size(); ++d)
        if (sprinklers[d].activated && sprRoom[d] == room) return true;
    return false;
}

// What one side of a window offers its glass (window_glass.h). The part of the pane in the upper
// layer is immersed in it: convection from the layer, and radiation from the grey layer and, through
// it, the upper walls. The part under the interface is cooled by the lower layer and sees the layer
// over the upper half of its view (a vertical surface under a wide horizontal one) and the lower
// walls and floor over the rest. A placed window also takes the flames of its room's fires.
GlassSide FireModel::Impl::glassSide(int r, int v, double surfaceK) const {
    GlassSide s;
    if (r < 0) {
        // Outside: still air, or the flames out of a window below (fire_model_facade.cpp).
        const double t = facadeK[v], eps = facadeEps[v];
        s.gasK = s.coverK = t;
        s.convWM2K = std::max(facadeH[v], convectiveCoefficientWM2K(t, surfaceK));
        s.incidentWM2 = kStefanBoltzmann * (eps * std::pow(t, 4) + (1.0 - eps) * std::pow(ambientK, 4));
        return s;
    }
    const double bottom = vzb[v], top = vzt[v];
    const double fU = std::clamp((top - zInt[r]) / std::max(top - bottom, 1e-9), 0.0, 1.0);
    const double hU = convectiveCoefficientWM2K(tU[r], surfaceK), hL = convectiveCoefficientWM2K(tL[r], surfaceK);
    s.convWM2K = fU * hU + (1.0 - fU) * hL;
    s.gasK = (fU * hU * tU[r] + (1.0 - fU) * hL * tL[r]) / s.convWM2K;
    s.coverK = zInt[r] < top ? tU[r] : tL[r];
    const double e = emissU[r];
    const double sky = kStefanBoltzmann * (e * std::pow(tU[r], 4) + (1.0 - e) * std::pow(wallU[r * kWallNodes], 4));
    const double lowSurfaces = kStefanBoltzmann * std::pow(wallL[r * kWallNodes], 4);
    s.incidentWM2 = fU * sky + (1.0 - fU) * 0.5 * (sky + lowSurfaces);
    const OpeningDef& o = def.openings[static_cast<size_t>(v)];
    if (o.placed) {
        const Point3 middle{o.centerXM, o.centerYM, 0.5 * (bottom + top)};
        for (const auto& f : fires) {
            if (f.room != r || f.hrrKw <= 0) continue;
            s.incidentWM2 += 1e3 * flameFluxKwM2(f.hrrKw, f.def.radiativeFraction, f.def.positionM,
                                                 f.flameHeightM(), f.diameterM, middle);
        }
        s.incidentWM2 += jetFluxWM2(r, middle);
    }
    return s;
}

// Glazing without the heat model falls out once the upper layer on either side covers the top of
// the pane at the breaking temperature (OpeningDef::glassBreaksAtC): the room-gas criterion of
// Babrauskas (1998). With it (OpeningDef::glazing) each pane is heated through, cracks at
// Pagni & Joshi's temperature rise, and falls out: toughened glass at once, cracked float glass
// when it faces a hot layer over its top at glassBreaksAtC. The window opens when every pane is out.
// A window standing open (opened by hand or on schedule) has its sash swung into room a: both
// faces of its glass are in that room's gas, and glass that falls out leaves it unable to shut.
void FireModel::Impl::breakGlazing(double dt) {
    double scratch[2 * kWallNodes];
    for (int v = 0; v < nOpen; ++v) {
        if (glassBroken[v]) continue;
        const OpeningDef& o = def.openings[static_cast<size_t>(v)];
        const int g = glazingOf[v];
        if (g < 0) {
            const double breakC = o.glassBreaksAtC;
            if (breakC <= 0) continue;
            for (int r : {va[v], vb[v]}) {
                if (r < 0 || zInt[r] >= vzt[v] || tU[r] - 273.15 < breakC) continue;
                glassBroken[v] = 1;
                pushEvent(FireEventType::GlassBroke, r, -1, v, tU[r] - 273.15);
                setOpen(v, true);
                break;
            }
            continue;
        }
        double* t = &glassK[static_cast<size_t>(g) * 2 * kWallNodes];
        unsigned char* state = &paneState[static_cast<size_t>(g) * 2];
        const unsigned char in[2] = {state[0] != kPaneOut, state[1] != kPaneOut};
        const int first = in[0] ? 0 : 1, last = in[1] ? 1 : 0;  // the panes facing side a and side b
        const int backRoom = vopen[v] ? va[v] : vb[v];  // an open sash stands in room a
        const GlassSide a = glassSide(va[v], v, t[first * kWallNodes]);
        const GlassSide b = glassSide(backRoom, v, t[last * kWallNodes + kWallNodes - 1]);
        advanceGlazing(t, in, 2, glassPane(o.glazing.thicknessM), o.glazing.gapM, a, b, dt, scratch);
        const int hotRoom = backRoom >= 0 && b.gasK > a.gasK ? backRoom : va[v];
        const double breakRiseK = glassBreakingRiseK(glazingBreakingStressMPa(o.glazing));
        int fellInto = -1;
        for (int p = 0; p < 2; ++p) {
            if (state[p] != kPaneIntact) continue;
            const double rise = slabMeanTempK(t + p * kWallNodes) - ambientK;
            if (rise < breakRiseK) continue;
            state[p] = kPaneCracked;
            pushEvent(FireEventType::GlassCracked, hotRoom, -1, v, rise);
            if (o.glazing.kind == GlassKind::Toughened) state[p] = kPaneOut, fellInto = hotRoom;
        }
        if (o.glazing.kind == GlassKind::Float) {
            const double fallC = o.glassBreaksAtC > 0 ? o.glassBreaksAtC : kSingleGlazingFalloutC;
            const struct { const GlassSide& side; int room, pane; } facing[2] = {{a, va[v], first}, {b, backRoom, last}};
            for (const auto& f : facing) {
                if (state[f.pane] != kPaneCracked || f.side.coverK - 273.15 < fallC) continue;
                state[f.pane] = kPaneOut;
                fellInto = f.room;
            }
        }
        if (state[0] != kPaneOut || state[1] != kPaneOut) continue;
        glassBroken[v] = 1;
        const double fellC = (fellInto < 0 ? b.coverK : tU[fellInto]) - 273.15;  // outside: the flames there
        if (fellInto < 0) fellInto = hotRoom;
        pushEvent(FireEventType::GlassBroke, fellInto, -1, v, fellC);
        setOpen(v, true);
    }
}

}  // namespace cd::fire
