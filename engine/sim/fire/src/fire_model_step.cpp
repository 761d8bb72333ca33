// One internal sub-step of the zone model. Index:
//   [1] sub-step size      [2] derived layer properties   [3] fires and plumes
//   [4] wall heat transfer (fire_model_walls.cpp)          [5] pressure solve
//   [6] vent mass/energy transfer
//   (opening flows and fans: fire_model_vents.cpp; door-jet fires: door_jet.cpp; door mixing:
//   door_mixing.cpp)
//   [7] integration        [8] fire bookkeeping, agents    [9] detectors, sprinklers
//   (flashover, item ignition and window glass: fire_model_spread.cpp)
//
// Scheme (after the CFAST conservation equations, NIST SP 1889v1 ch. 3, but with a
// semi-implicit pressure instead of DASSL): state per layer is mass m, enthalpy H = cp m T
// and species masses. Room pressure is P = (gamma-1)/gamma (H_u + H_l) / V, so
// dP/dt = (gamma-1)/V * (net heat and enthalpy flow), which is stiff with open vents. Each
// sub-step solves that equation backward-Euler in the floor pressures of all rooms (Newton
// with a sparse LU of the room-graph Jacobian), then moves mass, enthalpy and species
// explicitly with the flows at the new pressures. Every transfer is added to one side and taken from the
// other, so mass, energy and species are conserved to round-off whatever the solver residual.
// Layer enthalpies include the V dP work term: dH_u/dt = hdot_u + V_u dP/dt.
#include <algorithm>
#include <cmath>

#include "fire/ceiling_jet.h"
#include "fire/heat_release.h"
#include "fire/plume.h"
#include "fire/radiant_heat.h"
#include "fire/smoke_optics.h"
#include "fire_model_impl.h"

namespace cd::fire {

// [1] The largest step that keeps every layer's outflow below a quarter of its mass (judged
// on the last sub-step's flows), so explicit transfers never empty a layer.
double FireModel::Impl::chooseSubStep(double remaining) const {
    double h = std::min(remaining, def.maxStepS);
    for (int i = 0; i < n; ++i) {
        double total = mU[i] + mL[i];
        if (mU[i] > 1e-3 * total && outRateU[i] > 0) h = std::min(h, 0.25 * mU[i] / outRateU[i]);
        if (mL[i] > 1e-3 * total && outRateL[i] > 0) h = std::min(h, 0.25 * mL[i] / outRateL[i]);
    }
    h = std::max(h, 1e-3);
    if (remaining - h < 1e-6) h = remaining;
    return std::min(h, remaining);
}

// Returns false, changing nothing but the openings' schedule (idempotent), when the flows
// at the solved pressures would drain some layer by more than the explicit transfer allows
// (a door opened onto a pressurised room, say): the caller retries with a shorter step.
bool FireModel::Impl::trySubStep(double dt, bool lastChance) {
    scheduleOpenings(timeS, timeS + dt);
    updateDerived();
    std::fill(srcMU.begin(), srcMU.end(), 0.0);
    std::fill(srcML.begin(), srcML.end(), 0.0);
    std::fill(srcHU.begin(), srcHU.end(), 0.0);
    std::fill(srcHL.begin(), srcHL.end(), 0.0);
    std::fill(srcYU.begin(), srcYU.end(), 0.0);
    std::fill(srcYL.begin(), srcYL.end(), 0.0);
    std::fill(energySource.begin(), energySource.end(), 0.0);
    std::fill(outRateU.begin(), outRateU.end(), 0.0);
    std::fill(outRateL.begin(), outRateL.end(), 0.0);
    std::fill(roomHrrKw.begin(), roomHrrKw.end(), 0.0);
    std::fill(radW.begin(), radW.end(), 0.0);
    sootSourceKgS = 0;
    depositKgS = depositJS = 0;
    fireSources(dt);
    waterSprays(dt);
    wallHeatTransfer(dt);
    prepareFans(dt);
    prepareDoorJets(dt);
    if (!solvePressures(dt) && !lastChance) return false;
    if (!applyVentFlows(dt, lastChance)) return false;
    doorJetFires(dt);
    stats.subSteps++;
    integrate(dt);
    timeS += dt;
    updateFiresAfterStep(dt);
    updateDerived();
    advanceSmokeFronts(dt);
    updateDevices(dt);
    externalFlames();
    checkFlashoverAndItems(dt);
    breakGlazing(dt);
    return true;
}

void FireModel::Impl::scheduleOpenings(double t0, double t1) {
    for (int v = 0; v < nOpen; ++v) {
        const auto& o = def.openings[v];
        if (o.openAtS >= 0 && o.openAtS >= t0 && o.openAtS < t1) setOpen(v, true);
        if (o.closeAtS >= 0 && o.closeAtS >= t0 && o.closeAtS < t1) setOpen(v, false);
    }
    for (size_t i = 0; i < def.fans.size(); ++i) {
        const auto& fan = def.fans[i];
        if (fan.onAtS >= 0 && fan.onAtS >= t0 && fan.onAtS < t1) setFan(static_cast<int>(i), true);
        if (fan.offAtS >= 0 && fan.offAtS >= t0 && fan.offAtS < t1) setFan(static_cast<int>(i), false);
    }
}

// [2]
void FireModel::Impl::updateDerived() {
    for (int i = 0; i < n; ++i) {
        double h = hU[i] + hL[i];
        volU[i] = volume[i] * hU[i] / h;
        double volL = volume[i] - volU[i];
        tU[i] = hU[i] / (mU[i] * kCp);
        tL[i] = hL[i] / (mL[i] * kCp);
        rhoU[i] = mU[i] / volU[i];
        rhoL[i] = mL[i] / std::max(volL, 1e-12);
        zInt[i] = floorZ[i] + volL / area[i];
        dp[i] = (kGamma - 1.0) / kGamma * h / volume[i] - p0;
        // Upper-layer emissivity, grey gas over the mean beam length 3.6 V/A: soot absorption
        // 1862 f_v T (Tien, Lee & Stretton, SFPE Handbook 5th ed. ch. 33) plus about 1 1/m per
        // unit mole fraction of CO2 + H2O (grey approximation of the Hottel charts, same ch.).
        const double* y = &yU[i * kSpeciesCount];
        double soot = y[kSoot] / volU[i];
        double moles = mU[i] / 28.9;
        double xProducts = (y[kCO2] / kMolarMass[kCO2] + y[kH2O] / kMolarMass[kH2O]) / moles;
        double kappa = 1.0 * xProducts + 1862.0 * (soot / 1800.0) * tU[i];
        double surf = area[i] + perimeter[i] * (ceilZ[i] - zInt[i]);
        double beam = 3.6 * volU[i] / std::max(surf, 1e-9);
        emissU[i] = 1.0 - std::exp(-kappa * beam);
        floorFlux[i] = layerFluxWM2(i, tU[i]);
    }
}

// [3] Fires: HRR from the design curve, limited by fuel and by the oxygen the plume brings
// (CFAST TRG "Oxygen limited burning": Q <= m_e Y_O2 13 100 kJ/kg, zero below the lower
// oxygen limit; a 1 %-point ramp above the limit keeps it smooth). The Heskestad plume carries
// lower-layer gas into the upper layer with the convective heat.
void FireModel::Impl::fireSources(double dt) {
    const double lol = def.lowerOxygenLimitPct;
    for (int fi = 0; fi < static_cast<int>(fires.size()); ++fi) {
        auto& f = fires[fi];
        f.hrrKw = f.requestedKw = f.pyrolysisKgS = f.curveKw = f.plumeKgS = 0;
        if (!f.ignited) {
            if (timeS + 1e-12 < f.startS) continue;
            f.ignited = true;
            pushEvent(FireEventType::Ignition, f.room, fi, -1, 0.0);
        }
        if (f.extinguished || f.burnedOut) continue;
        // HRR at the middle of the sub-step: exact for the linear decay and tables, second
        // order for t-squared growth.
        double tMid = timeS + 0.5 * dt;
        double q = growthCurveHrrKw(f.def, tMid - f.startS);
        if (f.decayStartS >= 0)
            q = f.decayHrrKw * std::max(0.0, 1.0 - (tMid - f.decayStartS) / f.decayDurationS);
        // Evans (NISTIR 5254, 1993; CFAST TRG): after activation Q decays as
        // exp(-(t - t_act) / (3.0 w^-1.85)), w spray density mm/s.
        if (f.sprinklerStartS >= 0)
            q = std::min(q, f.sprinklerHrrKw * std::exp(-(tMid - f.sprinklerStartS) / f.sprinklerTauS));
        f.curveKw = q;
        q *= f.knockdown;
        if (f.flareUntilS > timeS) q *= kFlareUpFactor;
        double hc = f.def.heatOfCombustionKjKg;
        double pyro = q / hc;
        if (f.def.fuelMassKg > 0) {
            double left = std::max(f.def.fuelMassKg - f.pyrolysedKg, 0.0);
            if (pyro * dt > left) {
                pyro = left / dt;
                q = pyro * hc;
            }
        }
        f.requestedKw = q;
        f.pyrolysisKgS = pyro;
        int r = f.room;
        const double chi = f.def.radiativeFraction;
        double zFire = f.def.positionM.z;
        bool entrains = zInt[r] > zFire + 1e-6;
        double* ySrc = entrains ? &yL[r * kSpeciesCount] : &yU[r * kSpeciesCount];
        double mSrc = entrains ? mL[r] : mU[r];
        double x[kSpeciesCount];
        moleFractions(ySrc, mSrc, x);
        double yO2 = ySrc[kO2] / mSrc;
        double ramp = std::clamp((100.0 * x[kO2] - lol) / 1.0, 0.0, 1.0);
        double plumeZ = entrains ? zInt[r] - zFire : ceilZ[r] - zFire;
        double maxEntrain = entrains ? 0.5 * std::max(mL[r] * (1.0 - 2.0 * kMinLayerFraction), 0.0) / dt : 1e30;
        // CFAST (do_fire) also caps the entrainment at what keeps the plume at the interface
        // no cooler than the upper layer, Qc / (cp (Tu - Tl)): air the plume would carry beyond
        // that could not rise into the layer (stable stratification).
        double dtLayers = std::max(tU[r] - tL[r], 1.0);
        auto entrained = [&](double qq) {
            double stable = entrains ? (1.0 - chi) * qq * 1e3 / (kCp * dtLayers) : 1e30;
            return std::min({mirroredPlumeMassFlowKgS(qq, (1.0 - chi) * qq, f.diameterM, plumeZ, f.mirror), maxEntrain, stable});
        };
        double me = entrained(q);
        double o2Cap = 0.5 * ySrc[kO2] / dt * kHuggettKjPerKgO2;  // never burn more O2 than the layer has
        double qb = std::min({q, me * yO2 * kHuggettKjPerKgO2 * ramp, o2Cap});
        if (qb < q) {  // a smaller fire entrains less: one fixed-point pass
            me = entrained(qb);
            qb = std::min({qb, me * yO2 * kHuggettKjPerKgO2 * ramp, o2Cap});
        }
        qb = std::max(qb, 0.0);
        // CFAST (do_fire): fuel the plume could not burn with the lower layer's air burns as it
        // rises through the upper layer, with the air the plume entrains there (Heskestad over the
        // layer's depth, driven by all the heat the plume carries) and the upper layer's oxygen.
        // Matters once the layer is down near the fire's base with oxygen still in it (a closed
        // room filling); a ventilation-controlled layer is below the lower oxygen limit.
        if (entrains && qb < q) {
            const double* yUp = &yU[r * kSpeciesCount];
            double xu[kSpeciesCount];
            moleFractions(yUp, mU[r], xu);
            const double rampU = std::clamp((100.0 * xu[kO2] - lol) / 1.0, 0.0, 1.0);
            const double depth = std::max(0.0, std::min(ceilZ[r] - zInt[r], ceilZ[r] - zFire));
            const double carried = q;  // what burns below and what may burn above
            const double meU = mirroredPlumeMassFlowKgS(carried, (1.0 - chi) * carried, f.diameterM, depth, f.mirror);
            const double o2CapU = 0.5 * yUp[kO2] / dt * kHuggettKjPerKgO2;
            qb += std::max(0.0, std::min({q - qb, meU * yUp[kO2] / mU[r] * kHuggettKjPerKgO2 * rampU, o2CapU}));
        }
        bool limited = q > 0 && qb < 0.99 * q;
        if (limited && !f.oxygenLimited) pushEvent(FireEventType::OxygenLimited, r, fi, -1, qb);
        f.oxygenLimited = limited;
        f.hrrKw = qb;
        f.plumeKgS = entrains ? me : 0.0;
        double burned = qb / hc;
        roomHrrKw[r] += qb;
        double* yu = &srcYU[r * kSpeciesCount];
        if (entrains) {
            double* yl = &srcYL[r * kSpeciesCount];
            for (int k = 0; k < kSpeciesCount; ++k) {
                double moved = me * ySrc[k] / mSrc;
                yl[k] -= moved;
                yu[k] += moved;
            }
            srcML[r] -= me;
            srcMU[r] += me;
            srcHL[r] -= me * kCp * tL[r];
            srcHU[r] += me * kCp * tL[r];
            outRateL[r] += me;
        }
        for (int k = 0; k < kSpeciesCount; ++k) yu[k] += burned * f.yields.perKgFuel[k];
        sootSourceKgS += burned * f.yields.perKgFuel[kSoot];
        yu[kFuel] += pyro - burned;
        srcMU[r] += pyro;
        double heat = (1.0 - chi) * qb * 1e3 + pyro * kCp * ambientK;
        srcHU[r] += heat;
        energySource[r] += heat;
        radW[r] += chi * qb * 1e3;
    }
}

// [3b] Water sprayed into the hot layer (water_spray.h): what evaporates in flight joins the
// upper layer as steam (carried as air of its mass: its volume is under-counted by the ratio of
// the gas constants, 1.6) and takes waterCoolingKjKg from the gas; never so much in a sub-step
// that the layer would fall below 100 C.
double FireModel::Impl::sprayPathM(int r, const WaterSpray& w) const {
    const double nozzleZ = floorZ[r] + w.nozzleHeightM;
    const double layerDepth = ceilZ[r] - std::max(zInt[r], nozzleZ);
    if (layerDepth <= 0.0) return 0.0;
    return layerDepth / std::sin(std::clamp(w.elevationDeg, 5.0, 90.0) * M_PI / 180.0);
}

void FireModel::Impl::waterSprays(double dt) {
    for (auto& a : sprays) {
        a.evaporatingKgS = a.coolingW = 0;
        const int r = a.room;
        if (timeS + 1e-12 >= a.untilS || mU[r] <= 0.0) continue;
        const double tuC = tU[r] - 273.15;
        const double path = sprayPathM(r, a.spray);
        const double share = std::min(1.0, (a.untilS - timeS) / dt);  // the part of the sub-step it runs
        double w = share * a.spray.flowKgS *
                   evaporatedFraction(tuC, a.spray.dropletDiameterM, a.spray.speedMS, path, a.spray.waterTempC);
        if (w <= 0.0) continue;
        const double perKgJ = 1e3 * waterCoolingKjKg(tuC, a.spray.waterTempC);
        const double roomJ = 0.5 * mU[r] * kCp * std::max(tU[r] - 373.15, 0.0);
        w = std::min(w, roomJ / (perKgJ * dt));
        a.evaporatingKgS = w;
        a.coolingW = w * perKgJ;
        const double heat = w * kCp * tU[r] - a.coolingW;
        srcMU[r] += w;
        srcYU[r * kSpeciesCount + kH2O] += w;
        srcHU[r] += heat;
        energySource[r] += heat;
    }
}

// Backward-Euler pressure residuals F_i(x) = dp_i^n + (gamma-1) dt / V_i (S_i + H_i(x)) - x_i
// for all rooms at floor pressures x, with the Jacobian loaded into the sparse LU.
// Returns max |F_i|.
double FireModel::Impl::evaluatePressureResidual(const std::vector<double>& x, double dt) {
    stats.residualEvaluations++;
    std::fill(netEnthalpy.begin(), netEnthalpy.end(), 0.0);
    lu.clear();
    const int nv = static_cast<int>(va.size());
    for (int v = 0; v < nv; ++v) {
        if (!vopen[v]) continue;
        int ra = va[v], rb = vb[v];
        VentFlow f = openingFlow(v, x[ra], rb >= 0 ? x[rb] : 0.0);
        double tau = tU[ra], tal = tL[ra];
        double tbu = rb >= 0 ? tU[rb] : ambientK, tbl = rb >= 0 ? tL[rb] : ambientK;
        double outA = kCp * (f.fromAUpper * tau + f.fromALower * tal);
        double outB = kCp * (f.fromBUpper * tbu + f.fromBLower * tbl);
        // d(net enthalpy into A)/d(xA - xB) <= 0
        double g = kCp * (f.dBUpper * tbu + f.dBLower * tbl) - kCp * (f.dAUpper * tau + f.dALower * tal);
        double ka = (kGamma - 1.0) * dt / volume[ra];
        netEnthalpy[ra] += outB - outA;
        lu.at(slotAA[v]) += ka * g;
        if (rb >= 0) {
            double kb = (kGamma - 1.0) * dt / volume[rb];
            netEnthalpy[rb] += outA - outB;
            lu.at(slotAB[v]) -= ka * g;
            lu.at(slotBB[v]) += kb * g;
            lu.at(slotBA[v]) -= kb * g;
            // Door-jet fires burn in the receiving room at the rate these flows bring fuel and air.
            if (jetActive[2 * v]) {  // A -> B
                double dJet;
                double q = doorJetHeatW(2 * v, f.fromAUpper, dJet);
                double gj = dJet * f.dAUpper;
                netEnthalpy[rb] += q;
                lu.at(slotBA[v]) += kb * gj;
                lu.at(slotBB[v]) -= kb * gj;
            }
            if (jetActive[2 * v + 1]) {  // B -> A
                double dJet;
                double q = doorJetHeatW(2 * v + 1, f.fromBUpper, dJet);
                double gj = dJet * f.dBUpper;
                netEnthalpy[ra] += q;
                lu.at(slotAA[v]) += ka * gj;
                lu.at(slotAB[v]) -= ka * gj;
            }
        }
    }
    // Fans: enthalpy out of the inlet room into the outlet room; the flow falls as the pressure
    // rise (outlet minus inlet) passes the cutoff.
    for (int i = 0; i < static_cast<int>(fanOn.size()); ++i) {
        double dRise;
        double mdot = fanMassFlow(i, x, dRise);
        double hdot = mdot * kCp * fanTempK[i], g = dRise * kCp * fanTempK[i];  // g: d hdot / d rise
        int from = fanFrom[i], to = fanTo[i];
        if (from >= 0) {
            double k = (kGamma - 1.0) * dt / volume[from];
            netEnthalpy[from] -= hdot;
            lu.at(fanSlotFF[i]) += k * g;  // d rise / d x_from = -1
            if (to >= 0) lu.at(fanSlotFT[i]) -= k * g;
        }
        if (to >= 0) {
            // The filter keeps its share of the soot, and that soot's enthalpy, from the outlet.
            double pass = fanFilterEff[i] > 0 ? 1.0 - fanFilterEff[i] * fanSootFrac[i] : 1.0;
            double k = (kGamma - 1.0) * dt / volume[to];
            netEnthalpy[to] += pass * hdot;
            lu.at(fanSlotTT[i]) += k * pass * g;  // d rise / d x_to = +1
            if (from >= 0) lu.at(fanSlotTF[i]) -= k * pass * g;
        }
    }
    double worst = 0;
    for (int i = 0; i < n; ++i) {
        double k = (kGamma - 1.0) * dt / volume[i];
        residual[i] = dpn[i] + k * (energySource[i] + netEnthalpy[i]) - x[i];
        lu.at(slotDiag[i]) -= 1.0;
        worst = std::max(worst, std::fabs(residual[i]));
    }
    return worst;
}

// [5] Newton's method on all room pressures at once (sparse LU of the Jacobian), with a
// backtracking line search on max |F|. The orifice law's square root makes Newton jump from
// one side of the root to the other at large pressure differences (a door opened onto a
// pressurised room), so a step must cut the residual by a quarter of its length to be taken.
// Returns false if the residual is still large, and the caller shortens the sub-step.
bool FireModel::Impl::solvePressures(double dt) {
    std::copy(dp.begin(), dp.end(), dpn.begin());
    constexpr int kMaxIterations = 20;
    constexpr double kTolPa = 1e-6;
    double worst = evaluatePressureResidual(dp, dt);
    for (int it = 0; it < kMaxIterations && worst > kTolPa; ++it) {
        stats.pressureSweeps++;
        if (!lu.factor()) break;
        for (int i = 0; i < n; ++i) delta[i] = -residual[i];
        lu.solve(delta.data());
        double lambda = 1.0, trialWorst = worst;
        bool accepted = false;
        for (int ls = 0; ls < 8; ++ls, lambda *= 0.5) {
            for (int i = 0; i < n; ++i) trial[i] = dp[i] + lambda * delta[i];
            trialWorst = evaluatePressureResidual(trial, dt);
            if (trialWorst <= (1.0 - 0.25 * lambda) * worst) {
                accepted = true;
                break;
            }
        }
        if (!accepted) {  // no progress: keep the previous iterate and stop
            evaluatePressureResidual(dp, dt);
            break;
        }
        std::copy(trial.begin(), trial.end(), dp.begin());
        worst = trialWorst;
    }
    // Residual error feeds into the next step's pressure (the state stays conservative), so a
    // small one is harmless; a large one (> 10 Pa) means the step is too long for the flows.
    return worst <= 10.0;
}

// Factor on the outflows of a layer (vent flows, fans, door mixing) that keeps them within 80 %
// of its mass in the sub-step; 1 for the outside and for layers not at risk.
double FireModel::Impl::drainScale(int r, bool upper, double dt) const {
    if (r < 0) return 1.0;
    double m = upper ? mU[r] : mL[r];
    double out = upper ? outRateU[r] : outRateL[r];
    double avail = 0.8 * std::max(m - kMinLayerFraction * (mU[r] + mL[r]), 0.0);
    return out * dt > avail ? avail / (out * dt) : 1.0;
}

// [6] Final vent flows at the solved pressures. If a layer would lose more than 80 % of its
// mass in the sub-step the step is refused (the caller retries shorter); on the last chance
// (shortest step) its outflows are scaled down instead, both ends of each flow alike.
bool FireModel::Impl::applyVentFlows(double dt, bool lastChance) {
    const int nv = static_cast<int>(va.size());
    for (int v = 0; v < nv; ++v) {
        if (!vopen[v]) {
            vflow[v] = VentFlow{};
            continue;
        }
        vflow[v] = openingFlow(v, dp[va[v]], vb[v] >= 0 ? dp[vb[v]] : 0.0);
    }
    // Outflow totals per layer (reusing outRate, which already holds plume entrainment).
    for (int v = 0; v < nv; ++v) {
        const auto& f = vflow[v];
        outRateU[va[v]] += f.fromAUpper;
        outRateL[va[v]] += f.fromALower;
        if (vb[v] >= 0) {
            outRateU[vb[v]] += f.fromBUpper;
            outRateL[vb[v]] += f.fromBLower;
        }
    }
    for (int i = 0; i < static_cast<int>(fanMdot.size()); ++i) {
        double dRise;
        fanMdot[i] = fanMassFlow(i, dp, dRise);
        if (fanFrom[i] >= 0) (fanFromUpper[i] ? outRateU : outRateL)[fanFrom[i]] += fanMdot[i];
    }
    // Door mixing moves gas between the layers of a room; it counts in their outflow.
    computeDoorMixing();
    auto scale = [&](int r, bool upper) { return drainScale(r, upper, dt); };
    if (!lastChance) {  // only substantial layers refuse the step; thin ones are scaled
        for (int i = 0; i < n; ++i) {
            double big = 1e-3 * (mU[i] + mL[i]);
            if ((mU[i] > big && scale(i, true) < 0.9) || (mL[i] > big && scale(i, false) < 0.9)) return false;
        }
    }
    double ambY[kSpeciesCount] = {};
    ambY[kO2] = kAmbientO2MassFraction;
    // filterEff: share of the soot a fan's filter takes out of the flow (CFAST 7 flowfan.f90,
    // mechanical_flow: uflw_filtered removes filter * soot flow, and its cp T enthalpy, from the
    // mass the fan delivers); the filter's count (*kept) gets it.
    auto transfer = [&](int src, bool srcUpper, int dst, double mdot, double filterEff = 0.0,
                        double* kept = nullptr) {
        if (mdot <= 0) return;
        double tSrc = src >= 0 ? (srcUpper ? tU[src] : tL[src]) : ambientK;
        double hdot = mdot * kCp * tSrc;
        double flow[kSpeciesCount];  // kg/s of each species
        if (src >= 0) {
            const double* y = srcUpper ? &yU[src * kSpeciesCount] : &yL[src * kSpeciesCount];
            double m = srcUpper ? mU[src] : mL[src];
            for (int k = 0; k < kSpeciesCount; ++k) flow[k] = mdot * (y[k] / m);
            (srcUpper ? srcMU : srcML)[src] -= mdot;
            (srcUpper ? srcHU : srcHL)[src] -= hdot;
            double* s = srcUpper ? &srcYU[src * kSpeciesCount] : &srcYL[src * kSpeciesCount];
            for (int k = 0; k < kSpeciesCount; ++k) s[k] -= flow[k];
        } else {
            for (int k = 0; k < kSpeciesCount; ++k) flow[k] = mdot * ambY[k];
            totals.netMassOutKg -= mdot * dt;
            totals.netEnthalpyOutJ -= hdot * dt;
        }
        if (filterEff > 0 && flow[kSoot] > 0) {
            double keptKgS = filterEff * flow[kSoot];
            double keptJS = keptKgS * kCp * tSrc;
            flow[kSoot] -= keptKgS;
            mdot -= keptKgS;
            hdot -= keptJS;
            totals.filteredKg += keptKgS * dt;
            totals.filteredEnthalpyJ += keptJS * dt;
            if (kept) *kept += keptKgS * dt;
        }
        if (dst >= 0) {
            // Gas hotter than the middle of the receiving room's layers rises into its upper
            // layer, otherwise it joins the lower layer (CFAST TRG, vent flow deposition).
            bool up = tSrc > 0.5 * (tU[dst] + tL[dst]) + 1e-6;
            (up ? srcMU : srcML)[dst] += mdot;
            (up ? srcHU : srcHL)[dst] += hdot;
            double* s = up ? &srcYU[dst * kSpeciesCount] : &srcYL[dst * kSpeciesCount];
            for (int k = 0; k < kSpeciesCount; ++k) s[k] += flow[k];
        } else {
            totals.netMassOutKg += mdot * dt;
            totals.netEnthalpyOutJ += hdot * dt;
            totals.sootOutKg += flow[kSoot] * dt;
        }
    };
    for (int v = 0; v < nv; ++v) {
        if (!vopen[v]) continue;
        auto& f = vflow[v];
        int a = va[v], b = vb[v];
        f.fromAUpper *= scale(a, true);
        f.fromALower *= scale(a, false);
        f.fromBUpper *= scale(b, true);
        f.fromBLower *= scale(b, false);
        transfer(a, true, b, f.fromAUpper);
        transfer(a, false, b, f.fromALower);
        transfer(b, true, a, f.fromBUpper);
        transfer(b, false, a, f.fromBLower);
    }
    for (size_t i = 0; i < fanMdot.size(); ++i) {
        if (fanMdot[i] <= 0) continue;
        bool upper = fanFromUpper[i] != 0;
        fanMdot[i] *= scale(fanFrom[i], upper);
        transfer(fanFrom[i], upper, fanTo[i], fanMdot[i], fanFilterEff[i], &fanFilteredKg[i]);
    }
    applyDoorMixing(dt);
    return true;
}

// [7]
void FireModel::Impl::integrate(double dt) {
    std::copy(wallNewU.begin(), wallNewU.end(), wallU.begin());
    std::copy(wallNewL.begin(), wallNewL.end(), wallL.begin());
    std::copy(sideNewU.begin(), sideNewU.end(), sideU.begin());
    std::copy(sideNewL.begin(), sideNewL.end(), sideL.begin());
    std::copy(faceFluxNewU.begin(), faceFluxNewU.end(), faceFluxU.begin());
    std::copy(faceFluxNewL.begin(), faceFluxNewL.end(), faceFluxL.begin());
    for (const auto& f : fires) {
        totals.heatReleasedJ += f.hrrKw * 1e3 * dt;
        totals.fuelAddedKg += f.pyrolysisKgS * dt;
    }
    totals.sootProducedKg += sootSourceKgS * dt;
    totals.depositedKg += depositKgS * dt;
    totals.depositedEnthalpyJ += depositJS * dt;
    for (auto& a : sprays) {
        totals.waterEvaporatedKg += a.evaporatingKgS * dt;
        totals.heatToWaterJ += a.coolingW * dt;
    }
    for (int i = 0; i < n; ++i) {
        totals.heatIntoGasJ += energySource[i] * dt;
        double dP = (kGamma - 1.0) * dt * (srcHU[i] + srcHL[i]) / volume[i];
        double volL = volume[i] - volU[i];
        hU[i] += dt * srcHU[i] + volU[i] * dP;
        hL[i] += dt * srcHL[i] + volL * dP;
        mU[i] += dt * srcMU[i];
        mL[i] += dt * srcML[i];
        for (int k = 0; k < kSpeciesCount; ++k) {
            double& u = yU[i * kSpeciesCount + k];
            double& l = yL[i * kSpeciesCount + k];
            u = std::clamp(u + dt * srcYU[i * kSpeciesCount + k], 0.0, mU[i]);
            l = std::clamp(l + dt * srcYL[i * kSpeciesCount + k], 0.0, mL[i]);
        }
    }
}

// [8] Fuel bookkeeping (burnout, EN 1991-1-2 decay phase) and agent knock-down.
void FireModel::Impl::updateFiresAfterStep(double dt) {
    for (int fi = 0; fi < static_cast<int>(fires.size()); ++fi) {
        auto& f = fires[fi];
        if (!f.ignited || f.extinguished || f.burnedOut) continue;
        f.pyrolysedKg += f.pyrolysisKgS * dt;
        f.burnedKg += f.hrrKw / f.def.heatOfCombustionKjKg * dt;
        double fuel = f.def.fuelMassKg;
        if (fuel > 0) {
            if (f.decayStartS < 0 && f.pyrolysedKg >= kDecayStartFuelFraction * fuel && f.curveKw > 0) {
                // Linear decay that burns exactly the remaining fuel: duration 2 m_left dHc / Q.
                f.decayStartS = timeS;
                f.decayHrrKw = f.curveKw;
                f.decayDurationS = 2.0 * (fuel - f.pyrolysedKg) * f.def.heatOfCombustionKjKg / f.curveKw;
            }
            if (f.pyrolysedKg >= fuel * (1.0 - 1e-9)) {
                f.burnedOut = true;
                pushEvent(FireEventType::Burnout, f.room, fi, -1, f.pyrolysedKg);
                continue;
            }
        }
        if (f.agentActive) {
            if (timeS > f.agentUntilS + 1e-9) {
                f.agentActive = false;
            } else if (f.curveKw > 0) {
                AgentEffect e = agentEffect(f.agent.agent, f.def.fireClass);
                double powerKw = e.effectiveness * f.agent.flowKgS * agentProperties(f.agent.agent).knockdownKjKg;
                // The agent removes burning area at a rate set by its knock-down power relative to the
                // fire: at power = HRR the fire goes out in kKnockdownTimeS.
                f.knockdown -= dt * powerKw / (f.curveKw * kKnockdownTimeS);
                if (f.knockdown <= 0.01) {
                    f.knockdown = 0;
                    f.extinguished = true;
                    f.agentActive = false;
                    pushEvent(FireEventType::Extinguished, f.room, fi, -1, 0.0);
                }
            }
        }
    }
}

// [9] Detectors and sprinklers: Alpert ceiling jet over the layer they sit in, in the upper
// layer that of the plume entering it (Evans; the hottest jet of the room's fires), RTI link;
// smoke detectors by obscuration in their chamber, which follows the layer they sit in with
// Heskestad's lag L / u. Without a fire in the room the link and the chamber see the layer at
// 0.1 m/s, or under a corridor's moving smoke front at the front's speed.
void FireModel::Impl::updateDevices(double dt) {
    // A device under a corridor's ceiling that the smoke front has not reached sees the air.
    auto inLayer = [&](int r, const Point3& p) {
        const double zi = interfaceAtZ(r, p.x, p.y);
        return zi < ceilZ[r] && p.z >= zi;
    };
    auto jetAt = [&](int r, const Point3& p, double& gasK, double& velocity) {
        const double upperK = layerTempAtK(r, p.x, p.y);
        const CeilingJet jet = ceilingJetAt(r, p);
        const bool in = inLayer(r, p);
        gasK = (in ? upperK : tL[r]) + jet.excessTempK;
        // Under a corridor's moving smoke front the current flows past the device at about the
        // front's speed (its gas behind the head moves a little faster: Simpson & Britter 1979).
        velocity = std::max({0.1, jet.velocityMS, in ? frontSpeedMS(r) : 0.0});
    };
    for (size_t d = 0; d < detectors.size(); ++d) {
        auto& s = detectors[d];
        if (s.activated) continue;
        const auto& dd = def.detectors[d];
        int r = detRoom[d];
        bool fire = false;
        if (dd.kind == DetectorKind::Smoke) {
            bool upper = inLayer(r, dd.positionM);
            double soot = upper ? yU[r * kSpeciesCount + kSoot] / volU[r]
                                : yL[r * kSpeciesCount + kSoot] / (volume[r] - volU[r]);
            double gasK, u;
            jetAt(r, dd.positionM, gasK, u);
            s.chamberSootKgM3 = advanceDetectorSmoke(s.chamberSootKgM3, soot, u, dd.characteristicLengthM, dt);
            fire = obscurationPctPerM(s.chamberSootKgM3) >= dd.obscurationPctPerM;
        } else {
            double gasK, u;
            jetAt(r, dd.positionM, gasK, u);
            s.linkK = advanceLinkTemperatureK(s.linkK, gasK, u, ambientK, dd.rtiMS, dd.cFactor, dt);
            fire = s.linkK >= dd.activationTempC + 273.15;
        }
        if (fire) {
            s.activated = true;
            s.activatedS = timeS;
            pushEvent(FireEventType::DetectorActivated, r, -1, static_cast<int>(d), 0.0);
        }
    }
    for (size_t d = 0; d < sprinklers.size(); ++d) {
        auto& s = sprinklers[d];
        if (s.activated) continue;
        const auto& sd = def.sprinklers[d];
        int r = sprRoom[d];
        double gasK, u;
        jetAt(r, sd.positionM, gasK, u);
        s.linkK = advanceLinkTemperatureK(s.linkK, gasK, u, ambientK, sd.rtiMS, sd.cFactor, dt);
        if (s.linkK < sd.activationTempC + 273.15) continue;
        s.activated = true;
        s.activatedS = timeS;
        pushEvent(FireEventType::SprinklerActivated, r, -1, static_cast<int>(d), 0.0);
        for (auto& f : fires) {
            if (f.room != r || f.sprinklerStartS >= 0 || f.burnedOut || f.extinguished) continue;
            f.sprinklerStartS = timeS;
            f.sprinklerHrrKw = f.ignited ? f.curveKw : 0.0;
            f.sprinklerTauS = 3.0 * std::pow(sd.sprayDensityMmS, -1.85);
        }
    }
}

}  // namespace cd::fire
