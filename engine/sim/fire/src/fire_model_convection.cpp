#include <algorithm>
#include <cmath>

#include "fire/ceiling_jet_convection.h"
#include "fire/wall_conduction.h"
#include "fire_model_impl.h"

namespace cd::fire {

CeilingJetConvectionInput FireModel::Impl::plumeUnderCeiling(const FireRuntime& f, double interfaceZ, double upperK) const {
    const int i = f.room;
    CeilingJetConvectionInput in;
    in.convectiveW = (1.0 - f.def.radiativeFraction) * f.hrrKw * 1e3;
    in.plumeKgS = f.plumeKgS;
    in.fireXM = f.def.positionM.x - x0[i];
    in.fireYM = f.def.positionM.y - y0[i];
    in.fireZM = f.def.positionM.z - floorZ[i];
    in.roomXM = x1[i] - x0[i];
    in.roomYM = y1[i] - y0[i];
    in.ceilingZM = ceilZ[i] - floorZ[i];
    in.interfaceZM = std::min(interfaceZ, ceilZ[i]) - floorZ[i];
    in.lowerK = tL[i];
    in.upperK = upperK;
    in.lowerRhoKgM3 = rhoL[i];
    in.upperRhoKgM3 = rhoU[i];
    return in;
}

CeilingJetConvectionInput FireModel::Impl::mirrorPlumeUnderCeiling(const FireRuntime& f, double interfaceZ, double upperK) const {
    CeilingJetConvectionInput in = plumeUnderCeiling(f, interfaceZ, upperK);
    in.convectiveW *= f.mirror;
    in.plumeKgS *= f.mirror;
    return in;
}

// Convective coefficient (W/m^2/K, per unit of upper-slab area) from the upper layer to the
// ceiling + upper walls; gasK returns the h-weighted driving temperature. Natural convection
// everywhere; near a fire its ceiling jet (Cooper, as CFAST's ceilht) adds forced convection,
// blended per surface as mixed convection, Nu^3 = Nu_N^3 + Nu_F^3 (Churchill; Incropera &
// DeWitt, Fundamentals of Heat and Mass Transfer, sec. 9.9). CFAST replaces the natural
// convection by the jet's; the blend keeps the coefficient continuous where the jet is weak.
double FireModel::Impl::upperConvection(int i, double tu, double su, double aU, double& gasK) const {
    double hNat = convectiveCoefficientWM2K(tu, su);
    gasK = tu;
    if (!def.ceilingJetConvection) return hNat;
    double hc = 0, hcT = 0, hw = 0, hwT = 0;
    for (const auto& f : fires) {
        if (f.room != i || f.hrrKw <= 0) continue;
        const CeilingJetConvectionInput in = plumeUnderCeiling(f, zInt[i], tu);
        CeilingJetConvection cj = cooperCeilingJetConvection(in);
        hc += cj.ceilingHWM2K;
        hcT += cj.ceilingHWM2K * cj.ceilingGasK;
        hw += cj.upperWallHWM2K;
        hwT += cj.upperWallHWM2K * cj.upperWallGasK;
    }
    if (hc <= 0 && hw <= 0) return hNat;
    double n3 = hNat * hNat * hNat;
    auto blend = [&](double hj, double hjT, double& g) {
        double j3 = hj * hj * hj;
        g = hj > 0 ? (n3 * tu + j3 * hjT / hj) / (n3 + j3) : tu;
        return std::cbrt(n3 + j3);
    };
    double gc, gw;
    double hC = blend(hc, hcT, gc);
    double hW = blend(hw, hwT, gw);
    double aC = std::min(area[i], aU), aW = std::max(aU - aC, 0.0);
    double hA = aC * hC + aW * hW;
    gasK = (aC * hC * gc + aW * hW * gw) / hA;
    return hA / aU;
}

}  // namespace cd::fire
