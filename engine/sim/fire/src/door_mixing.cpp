// Door mixing at wall openings (CFAST TRG, NIST TN 1889v1, "Vent flow"; CFAST hflow.f90
// spill_plume / poreh_plume): see door_mixing.h for the two cases and their sources.
//
// In the model the mixing is a transfer between the two layers of one room, so it changes
// neither the room's mass nor its enthalpy (the gas moves with its own temperature and
// composition) and plays no part in the pressure solve: it is computed from the solved flows in
// applyVentFlows, counted in the layers' outflow (so that a step that would drain a layer is
// refused or, at the shortest step, scaled like the vent flows) and moved with them.
#include "fire/door_mixing.h"

#include <algorithm>

#include "fire/spill_plume.h"
#include "fire_model_impl.h"

namespace cd::fire {

DoorMixing doorMixing(const DoorMixingSide& a, const DoorMixingSide& b, double zBottom, double zTop, double widthM,
                      double dischargeCoeff, double rhoAmbient, double cpJKgK) {
    DoorMixing out;
    const double za = a.vent.interfaceZ, zb = b.vent.interfaceZ;
    // The band of the opening where one room's upper layer faces the other's lower layer.
    const double lo = std::max(zBottom, std::min(za, zb)), hi = std::min(zTop, std::max(za, zb));
    if (!(hi > lo) || widthM <= 0) return out;
    VentFlow band = ventFlow(a.vent, b.vent, lo, hi, widthM, dischargeCoeff, rhoAmbient);
    const double fromA = band.fromAUpper + band.fromALower, fromB = band.fromBUpper + band.fromBLower;
    // In the band the room with the lower interface is in its upper layer ("hi" side), the
    // other in its lower layer ("lo" side).
    const bool aHigh = za < zb;
    const DoorMixingSide& hot = aHigh ? a : b;   // upper layer in the band
    const DoorMixingSide& cold = aHigh ? b : a;  // lower layer in the band
    const double zHot = aHigh ? za : zb, zCold = aHigh ? zb : za;
    const double fromHot = aHigh ? fromA : fromB, fromCold = aHigh ? fromB : fromA;
    double up = 0, down = 0;  // up: in the cold-side room; down: in the hot-side room
    // Upper-layer outflow of the hot side rising through the cold side's lower layer.
    if (cold.room && fromHot > 0 && hot.upperK > cold.lowerK) {
        double rise = std::max(0.0, zCold - std::max(zBottom, zHot));
        up = spillPlumeEntrainmentKgS(fromHot, hot.upperK, cold.lowerK, cold.vent.rhoLower, widthM, rise, cpJKgK);
    }
    // Lower-layer outflow of the cold side falling through the hot side's upper layer.
    if (hot.room && fromCold > 0 && cold.lowerK < hot.upperK) {
        double fall = std::min(zTop, zCold) - std::max(zHot, zBottom);
        down = kColdInflowMixingFactor *
               spillPlumeEntrainmentKgS(fromCold, hot.upperK, cold.lowerK, cold.vent.rhoLower, widthM, fall, cpJKgK);
    }
    (aHigh ? out.bUpKgS : out.aUpKgS) = up;
    (aHigh ? out.aDownKgS : out.bDownKgS) = down;
    return out;
}

// Mixing of every open wall opening (not leaks, not ceiling vents) at the solved pressures;
// counted in the layers' outflow. Slot 2 v: in room b by a's flows; 2 v + 1: in room a.
void FireModel::Impl::computeDoorMixing() {
    std::fill(mixUp.begin(), mixUp.end(), 0.0);
    std::fill(mixDown.begin(), mixDown.end(), 0.0);
    if (!def.doorMixing) return;
    for (int v = 0; v < nOpen; ++v) {
        if (!vopen[v] || vceiling[v]) continue;
        int a = va[v], b = vb[v];
        DoorMixingSide sa{side(a, dp[a], true), tU[a], tL[a], true};
        DoorMixingSide sb{side(b, b >= 0 ? dp[b] : 0.0, true), b >= 0 ? tU[b] : ambientK, b >= 0 ? tL[b] : ambientK,
                          b >= 0};
        DoorMixing m = doorMixing(sa, sb, vzb[v], vzt[v], vw[v], vcd[v], rhoAmb, kCp);
        mixUp[2 * v] = m.bUpKgS;
        mixDown[2 * v] = m.bDownKgS;
        mixUp[2 * v + 1] = m.aUpKgS;
        mixDown[2 * v + 1] = m.aDownKgS;
        if (b >= 0) {
            outRateL[b] += m.bUpKgS;
            outRateU[b] += m.bDownKgS;
        }
        outRateL[a] += m.aUpKgS;
        outRateU[a] += m.aDownKgS;
    }
}

// Moves the mixed gas between the layers with its own temperature and species, scaled like the
// vent outflows of the layer it leaves (drainScale, 1 unless the layer would be drained).
void FireModel::Impl::applyDoorMixing(double dt) {
    if (!def.doorMixing) return;
    for (int v = 0; v < nOpen; ++v) {
        for (int dir = 0; dir < 2; ++dir) {
            int slot = 2 * v + dir;
            int dst = dir == 0 ? vb[v] : va[v];
            if (dst < 0) continue;
            double& up = mixUp[slot];
            double& down = mixDown[slot];
            if (up <= 0 && down <= 0) continue;
            up *= drainScale(dst, false, dt);
            down *= drainScale(dst, true, dt);
            double* su = &srcYU[dst * kSpeciesCount];
            double* sl = &srcYL[dst * kSpeciesCount];
            const double* yl = &yL[dst * kSpeciesCount];
            const double* yu = &yU[dst * kSpeciesCount];
            for (int k = 0; k < kSpeciesCount; ++k) {
                double moved = up * yl[k] / mL[dst] - down * yu[k] / mU[dst];
                sl[k] -= moved;
                su[k] += moved;
            }
            srcML[dst] -= up - down;
            srcMU[dst] += up - down;
            double h = kCp * (up * tL[dst] - down * tU[dst]);
            srcHL[dst] -= h;
            srcHU[dst] += h;
        }
    }
}

}  // namespace cd::fire
