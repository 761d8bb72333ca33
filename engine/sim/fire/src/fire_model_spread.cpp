// How a fire spreads past its own flames in the zone model: a room flashes over, a fuel item
// catches from the heat on it, and window glass falls out and lets air in. Run at the end of
// each internal sub-step (fire_model_step.cpp).
#include <algorithm>
#include <cmath>

#include "fire/combustion.h"
#include "fire/heat_release.h"
#include "fire/plume.h"
#include "fire/radiant_heat.h"
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
        if (s.ignited) continue;
        const auto& d = def.items[it];
        int r = itemRoom[it];
        // Under the layer, the layer and ceiling through their view factor from the item, as for a
        // person (radiant_heat.h).
        double flux = d.positionM.z >= zInt[r]
                          ? kStefanBoltzmann * (std::pow(tU[r], 4) - std::pow(ambientK, 4))
                          : floorFlux[r] * viewFactorToParallelRectangle(x0[r], x1[r], y0[r], y1[r], d.positionM.x,
                                                                         d.positionM.y, zInt[r] - d.positionM.z);
        for (const auto& f : fires) {
            if (f.room != r || f.hrrKw <= 0) continue;
            double flameMid = 0.5 * heskestadFlameHeightM(f.hrrKw, f.diameterM);
            double dx = d.positionM.x - f.def.positionM.x, dy = d.positionM.y - f.def.positionM.y;
            double dz = d.positionM.z - (f.def.positionM.z + flameMid);
            double dist = std::max(std::sqrt(dx * dx + dy * dy + dz * dz), 0.5 * f.diameterM + 0.1);
            flux += f.def.radiativeFraction * f.hrrKw * 1e3 / (4.0 * M_PI * dist * dist);
        }
        flux += jetFluxWM2(r, d.positionM);  // the flames out of a doorway into this room
        double fluxKw = flux * 1e-3;
        if (fluxKw > d.criticalFluxKwM2) {
            const double excess = fluxKw - d.criticalFluxKwM2;
            s.doseKjM2 += (d.fluxTimeExponent == 1.0 ? excess : std::pow(excess, d.fluxTimeExponent)) * dt;
        }
        if (s.doseKjM2 < d.fluxTimeProductKjM2) continue;
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
        fr.startS = timeS;
        fires.push_back(std::move(fr));
        pushEvent(FireEventType::ItemIgnited, r, static_cast<int>(fires.size() - 1), static_cast<int>(it), fluxKw);
    }
}

// Glazing falls out once the upper layer on either side covers the top of the pane at the
// breaking temperature (OpeningDef::glassBreaksAtC): the room-gas criterion of Babrauskas (1998).
void FireModel::Impl::breakGlazing() {
    for (int v = 0; v < nOpen; ++v) {
        const double breakC = def.openings[static_cast<size_t>(v)].glassBreaksAtC;
        if (breakC <= 0 || glassBroken[v]) continue;
        for (int r : {va[v], vb[v]}) {
            if (r < 0 || zInt[r] >= vzt[v] || tU[r] - 273.15 < breakC) continue;
            glassBroken[v] = 1;
            pushEvent(FireEventType::GlassBroke, r, -1, v, tU[r] - 273.15);
            setOpen(v, true);
            break;
        }
    }
}

}  // namespace cd::fire
