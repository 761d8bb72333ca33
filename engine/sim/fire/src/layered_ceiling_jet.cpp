#include "fire/layered_ceiling_jet.h"

#include <algorithm>

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
        if (!s.valid) return {};
        // Alpert's H runs from the fire's base: shifted by the source's move, never shorter than
        // the continuation source's own distance below the ceiling (a barely rising plume, whose
        // source can lie above the equivalent one).
        const double moved = s.equivalentZM - (in.ceilingZM - s.heightM);
        jet = alpertCeilingJet(hrrKw * s.qcW / in.convectiveW, std::max(h + moved, s.heightM), radiusM);
    }
    jet.excessTempK *= in.upperK / in.lowerK;
    return jet;
}

}  // namespace cd::fire
