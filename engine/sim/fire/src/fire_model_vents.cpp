// Flows of the ventilation paths for the sub-step (see fire_model_step.cpp): wall openings and
// ceiling vents at given room pressures (called inside the pressure solve), and fans.
#include <algorithm>
#include <cmath>

#include "fire/ceiling_vent_flow.h"
#include "fire_model_impl.h"

namespace cd::fire {

// A room as one side of a vent at floor pressure dpOverride (or its own); r < 0 is outside.
VentSide FireModel::Impl::side(int r, double dpOverride, bool useOverride) const {
    VentSide s;
    if (r < 0) {
        s.floorZ = -1e30;
        s.deltaPPa = 0;
        s.interfaceZ = 1e30;
        s.rhoUpper = s.rhoLower = rhoAmb;
        return s;
    }
    s.floorZ = floorZ[r];
    s.deltaPPa = useOverride ? dpOverride : dp[r];
    s.interfaceZ = zInt[r];
    s.rhoUpper = rhoU[r];
    s.rhoLower = rhoL[r];
    return s;
}

// Flow through opening v at floor pressures pa (room a) and pb (room b; ignored outside).
// Wall openings integrate the orifice law over their height; ceiling vents use Cooper's
// model on the pressure difference at the vent, drawing from the layer next to it on each side
// (the below room's upper layer, the above room's lower layer, unless that layer is negligible).
VentFlow FireModel::Impl::openingFlow(int v, double pa, double pb) const {
    int a = va[v], b = vb[v];
    if (!vceiling[v]) {
        // A corridor's side sees the layer where the opening lies: none beyond its smoke front
        // (it gives and takes lower-layer gas only), the deeper local one under it
        // (fire_model_fronts.cpp).
        VentSide sa = side(a, pa, true), sb = side(b, pb, true);
        sa.interfaceZ = openingInterfaceZ(2 * v + 1, sa.interfaceZ);
        sb.interfaceZ = openingInterfaceZ(2 * v, sb.interfaceZ);
        return ventFlow(sa, sb, vzb[v], vzt[v], vw[v], vcd[v], rhoAmb);
    }
    double z = vzb[v];
    double pBelow = relativePressurePa(side(a, pa, true), z, rhoAmb);
    double pAbove = b >= 0 ? relativePressurePa(side(b, pb, true), z, rhoAmb) : 0.0;
    bool belowUpper = mU[a] > 1e-3 * (mU[a] + mL[a]);
    bool aboveUpper = b >= 0 && mL[b] <= 1e-3 * (mU[b] + mL[b]);
    double rhoBelow = belowUpper ? rhoU[a] : rhoL[a];
    double rhoAbove = b < 0 ? rhoAmb : (aboveUpper ? rhoU[b] : rhoL[b]);
    CeilingVentFlow c = ceilingVentFlow(pBelow - pAbove, rhoBelow, rhoAbove, vw[v], vround[v] != 0, vcd[v]);
    VentFlow f;
    (belowUpper ? f.fromAUpper : f.fromALower) = c.upKgS;
    (belowUpper ? f.dAUpper : f.dALower) = c.dUpDp;
    (aboveUpper ? f.fromBUpper : f.fromBLower) = c.downKgS;
    (aboveUpper ? f.dBUpper : f.dBLower) = c.dDownDp;
    return f;
}

namespace {

// Integral from -inf to x of CFAST's filter ramp, which rises linearly from 0 at FILTER_TIME to
// 1 one second later (input_namelist.f90: filter_final_time = filter_time + 1, read by
// get_vent_opening 'F'), so that a sub-step gets the ramp's exact mean over its span.
double filterRampIntegral(double x) {
    if (x <= 0) return 0.0;
    if (x < 1.0) return 0.5 * x * x;
    return x - 0.5;
}

}  // namespace

// Fans (CFAST TRG, "Mechanical ventilation"): a set volume flow of the gas at the inlet, in the
// layer the inlet height lies in (the other one when that layer is negligible), reduced
// smoothly to zero as the pressure rise across the fan goes from cutoffStartPa to cutoffEndPa
// (CFAST's tanh, below).
// The inlet layer is chosen once per sub-step; the flow is a function of the room pressures in
// the implicit pressure solve (a supply fan into a small sealed room would otherwise overshoot
// its cutoff by hundreds of Pa in one step). The filter's efficiency and the inlet's soot
// fraction are fixed for the sub-step too.
void FireModel::Impl::prepareFans(double dtS) {
    for (size_t i = 0; i < fanOn.size(); ++i) {
        const auto& fd = def.fans[i];
        int from = fanFrom[i];
        bool upper = false;
        double rho = rhoAmb, tSrc = ambientK, soot = 0.0;
        if (from >= 0) {
            double total = mU[from] + mL[from];
            upper = fanZFrom[i] >= zInt[from];
            if (upper && mU[from] <= 1e-3 * total) upper = false;
            else if (!upper && mL[from] <= 1e-3 * total) upper = true;
            rho = upper ? rhoU[from] : rhoL[from];
            tSrc = upper ? tU[from] : tL[from];
            double layerKg = upper ? mU[from] : mL[from];
            if (layerKg > 0) soot = (upper ? yU : yL)[from * kSpeciesCount + kSoot] / layerKg;
        }
        fanFromUpper[i] = upper ? 1 : 0;
        fanRho[i] = rho;
        fanTempK[i] = tSrc;
        fanSootFrac[i] = soot;
        double ramp = 0.0;
        if (fd.filterEfficiency > 0 && dtS > 0)
            ramp = (filterRampIntegral(timeS + dtS - fd.filterAtS) - filterRampIntegral(timeS - fd.filterAtS)) / dtS;
        fanFilterEff[i] = fd.filterEfficiency * std::clamp(ramp, 0.0, 1.0);
    }
}

// Mass flow of fan i at floor pressures x (rooms), and its derivative with respect to the
// pressure rise across the fan (outlet minus inlet).
double FireModel::Impl::fanMassFlow(int i, const std::vector<double>& x, double& dRise) const {
    dRise = 0;
    if (!fanOn[i]) return 0.0;
    const auto& fd = def.fans[i];
    int from = fanFrom[i], to = fanTo[i];
    double pIn = from >= 0 ? relativePressurePa(side(from, x[from], true), fanZFrom[i], rhoAmb) : 0.0;
    double pOut = to >= 0 ? relativePressurePa(side(to, x[to], true), fanZTo[i], rhoAmb) : 0.0;
    double rise = pOut - pIn;
    double span = fd.cutoffEndPa - fd.cutoffStartPa;
    double full = fanRho[i] * fd.flowM3S;
    // CFAST's hvfan (flowfan.f90): f = 1/2 - tanh(8 (rise - start) / span - 4) / 2, from 0.9997 at
    // the start pressure to 0.0003 at the end, smooth (a straight line's corners stall the solve).
    const double xArg = 8.0 * (rise - fd.cutoffStartPa) / span - 4.0;
    if (xArg > 20.0) return 0.0;  // f < 1e-17
    const double th = std::tanh(xArg);
    dRise = -full * 4.0 / span * (1.0 - th * th);
    return full * (0.5 - 0.5 * th);
}

}  // namespace cd::fire
