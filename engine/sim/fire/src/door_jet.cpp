// Door-jet fires (CFAST Technical Reference Guide, NIST SP 1889v1, "Door jet fires"; CFAST
// fire.f90 door_jet / door_jet_fire): unburnt fuel leaving a room in its upper-layer outflow
// through a wall opening burns in the receiving room when the jet is at least at the gas
// ignition temperature (CFAST's default: ambient + 200 K) and meets air there.
//
// The air is what the jet entrains as a spill plume rising through the receiving room's lower
// layer, from the bottom of the outflow (the sill or the source room's interface, whichever is
// higher) to the receiving interface: Poreh et al. (1998), m_e = k m_jet^(1/3) (spill_plume.h),
// CFAST's vsas. A jet that enters above the receiving interface entrains no lower-layer air
// and does not burn (as CFAST). Burning is limited by the fuel, by the oxygen of that air
// (13 100 kJ per kg O2, Huggett, with the lower oxygen limit ramp) and by the stoichiometric
// oxygen of the source room's fuel; heat and products go to the receiving room's upper layer,
// with the air the burning used. Jets into the outside burn outside and heat nothing here.
// (Before: the jet's own mass plus the counter-flow through the opening was taken as the air,
// at the receiving lower layer's oxygen.)
//
// The jets' heat enters the implicit pressure solve as a function of the trial flows (with its
// derivatives in the Jacobian), like the enthalpy the flows carry: released explicitly after
// the solve, a jet of a few MW into a small room overshoots the pressure by kPa and the flows
// and jets oscillate.
#include <algorithm>
#include <cmath>

#include "fire/spill_plume.h"
#include "fire_model_impl.h"

namespace cd::fire {

void FireModel::Impl::prepareDoorJets(double dt) {
    std::fill(jetActive.begin(), jetActive.end(), 0);
    if (!def.doorJetFires) return;
    const double ignitionK = def.doorJetIgnitionTempC >= 0 ? def.doorJetIgnitionTempC + 273.15 : ambientK + 200.0;
    const int nv = static_cast<int>(va.size());
    for (int v = 0; v < nv; ++v) {
        if (!vopen[v] || vceiling[v] || vb[v] < 0) continue;
        for (int dir = 0; dir < 2; ++dir) {
            int src = dir == 0 ? va[v] : vb[v], dst = dir == 0 ? vb[v] : va[v];
            int slot = 2 * v + dir;
            if (tU[src] < ignitionK) continue;
            if (!(tU[src] > 0.5 * (tU[dst] + tL[dst]) + 1e-6)) continue;  // the jet must rise into dst's upper layer
            double fuelFrac = yU[src * kSpeciesCount + kFuel] / mU[src];
            if (!(fuelFrac > 0)) continue;
            int fire = -1;  // the pyrolysate's chemistry: that of a fire of the source room
            for (int fi = 0; fi < static_cast<int>(fires.size()); ++fi)
                if (fires[fi].room == src) {
                    fire = fi;
                    break;
                }
            if (fire < 0) continue;
            const double* yl = &yL[dst * kSpeciesCount];
            double x[kSpeciesCount];
            moleFractions(yl, mL[dst], x);
            double ramp = std::clamp((100.0 * x[kO2] - def.lowerOxygenLimitPct) / 1.0, 0.0, 1.0);
            if (ramp <= 0) continue;
            // The spill plume rises from the bottom of the outflow to the receiving interface.
            double riseM = zInt[dst] - std::max(vzb[v], zInt[src]);
            double k = spillPlumeCoefficient(tU[src], tL[dst], rhoL[dst], vw[v], riseM, kCp);
            if (!(k > 0)) continue;
            jetActive[slot] = 1;
            jetAirCoeff[slot] = k;
            jetFire[slot] = fire;
            jetFuelFrac[slot] = fuelFrac;
            jetO2Frac[slot] = ramp * yl[kO2] / mL[dst];
            jetAirCap[slot] = 0.25 * mL[dst] / dt;
        }
    }
}

// Heat released (W) by the jet of slot for the given jet mass flow, and its derivative.
// Below 1 g/s the entrained air k m^(1/3) blends into k m0^(1/3) (5 s - 2 s^2) / 3, s = m / m0
// (same value and slope at m0), so that its derivative stays finite as the jet starts (for the
// Newton solve); above, it is exact.
double FireModel::Impl::doorJetHeatW(int slot, double jet, double& dJet) const {
    dJet = 0;
    if (jet <= 0) return 0.0;
    constexpr double kBlendKgS = 1e-3;
    const FireRuntime& f = fires[jetFire[slot]];
    double hcJ = f.def.heatOfCombustionKjKg * 1e3;
    double o2PerFuel = std::max(-f.yields.perKgFuel[kO2], 1e-9);
    // kg of fuel one kg of entrained air can burn: by Huggett's constant and by stoichiometry.
    double fuelPerAir = jetO2Frac[slot] * std::min(kHuggettKjPerKgO2 * 1e3 / hcJ, 1.0 / o2PerFuel);
    double fuelByFlow = jet * jetFuelFrac[slot];
    double air, dAir;
    if (jet >= kBlendKgS) {
        air = jetAirCoeff[slot] * std::cbrt(jet);
        dAir = air / (3.0 * jet);
    } else {
        double s = jet / kBlendKgS, a0 = jetAirCoeff[slot] * std::cbrt(kBlendKgS);
        air = a0 * (5.0 * s - 2.0 * s * s) / 3.0;
        dAir = a0 * (5.0 - 4.0 * s) / (3.0 * kBlendKgS);
    }
    if (air >= jetAirCap[slot]) {
        air = jetAirCap[slot];
        dAir = 0;
    }
    double fuelByAir = air * fuelPerAir;
    if (fuelByFlow <= fuelByAir) {
        dJet = jetFuelFrac[slot] * hcJ;
        return fuelByFlow * hcJ;
    }
    dJet = fuelPerAir * dAir * hcJ;
    return fuelByAir * hcJ;
}

// With the final flows of the sub-step: burn, move the air used into the upper layer, add heat
// and products.
void FireModel::Impl::doorJetFires(double dt) {
    std::fill(doorJetKw.begin(), doorJetKw.end(), 0.0);
    std::fill(jetKw.begin(), jetKw.end(), 0.0);
    const int nv = static_cast<int>(va.size());
    for (int v = 0; v < nv; ++v) {
        for (int dir = 0; dir < 2; ++dir) {
            int slot = 2 * v + dir;
            if (!jetActive[slot] || !vopen[v]) continue;
            const VentFlow& f = vflow[v];
            int dst = dir == 0 ? vb[v] : va[v];
            double jet = dir == 0 ? f.fromAUpper : f.fromBUpper;
            double dj;
            double qW = doorJetHeatW(slot, jet, dj);
            if (qW <= 0) continue;
            const FireRuntime& fr = fires[jetFire[slot]];
            double burned = qW / (fr.def.heatOfCombustionKjKg * 1e3);
            double o2PerFuel = std::max(-fr.yields.perKgFuel[kO2], 0.0);
            double o2Used = std::max(burned * o2PerFuel, qW * 1e-3 / kHuggettKjPerKgO2);
            const double* yl = &yL[dst * kSpeciesCount];
            double yO2 = yl[kO2] / mL[dst];
            double air = std::min(o2Used / std::max(yO2, 1e-30), jetAirCap[slot]);
            // The air the burning used joins the upper layer, where the jet burns. With door
            // mixing on, the spill plume has already carried its entrainment there (as in CFAST,
            // where spill_plume moves vsas and door_jet_fire only burns it): only air beyond that
            // is moved (our jet entrains over its whole outflow, CFAST's over the band below the
            // receiving interface), so none is counted twice.
            air = std::max(0.0, air - mixUp[slot]);
            double* su = &srcYU[dst * kSpeciesCount];
            double* sl = &srcYL[dst * kSpeciesCount];
            for (int k = 0; k < kSpeciesCount; ++k) {
                double moved = air * yl[k] / mL[dst];
                sl[k] -= moved;
                su[k] += moved;
            }
            srcML[dst] -= air;
            srcMU[dst] += air;
            srcHL[dst] -= air * kCp * tL[dst];
            srcHU[dst] += air * kCp * tL[dst];
            outRateL[dst] += air;
            for (int k = 0; k < kSpeciesCount; ++k) su[k] += burned * fr.yields.perKgFuel[k];
            totals.sootProducedKg += burned * fr.yields.perKgFuel[kSoot] * dt;
            su[kFuel] -= burned;
            srcHU[dst] += qW;
            energySource[dst] += qW;
            totals.heatReleasedJ += qW * dt;
            doorJetKw[dst] += qW * 1e-3;
            jetKw[slot] = qW * 1e-3;
            roomHrrKw[dst] += qW * 1e-3;
        }
    }
}

}  // namespace cd::fire
