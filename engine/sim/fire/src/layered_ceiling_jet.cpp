#include "fire/layered_ceiling_jet.h"

#include <cmath>

namespace cd::fire {

CeilingJet layeredCeilingJet(const CeilingJetConvectionInput& in, double hrrKw, double radiusM) {
    const double h = in.ceilingZM - in.fireZM;
    if (!(hrrKw > 0) || !(h > 0) || !(in.convectiveW > 0)) return {};
    if (in.interfaceZM >= in.ceilingZM || !(in.upperK > in.lowerK)) return alpertCeilingJet(hrrKw, h, radiusM);
    CeilingJet jet;
    if (in.fireZM >= in.interfaceZM) {
        jet = alpertCeilingJet(hrrKw, h, radiusM);
    } else {
        const CooperJetSource s = cooperJetSource(in);
        if (!s.valid) return {};  // the plume does not rise into the layer
        const double moved = (std::pow(in.upperK / in.lowerK, 0.6) - 1.0) * (in.interfaceZM - s.equivalentZM);
        jet = alpertCeilingJet(hrrKw, h + moved, radiusM);
    }
    jet.excessTempK *= in.upperK / in.lowerK;
    return jet;
}

}  // namespace cd::fire
