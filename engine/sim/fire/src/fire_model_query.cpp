// Read-only queries: conditions at a point, room and fire state.
#include <algorithm>
#include <cmath>

#include "fire/smoke_optics.h"
#include "fire_model_impl.h"

namespace cd::fire {

FireSample FireModel::Impl::sampleLayer(int r, double z) const {
    FireSample s;
    s.room = r;
    s.upperTempC = tU[r] - 273.15;
    s.lowerTempC = tL[r] - 273.15;
    s.layerHeightM = zInt[r] - floorZ[r];
    s.inUpperLayer = z >= zInt[r];
    const double* y = s.inUpperLayer ? &yU[r * kSpeciesCount] : &yL[r * kSpeciesCount];
    double m = s.inUpperLayer ? mU[r] : mL[r];
    double v = s.inUpperLayer ? volU[r] : volume[r] - volU[r];
    double x[kSpeciesCount];
    moleFractions(y, m, x);
    s.temperatureC = s.inUpperLayer ? s.upperTempC : s.lowerTempC;
    s.sootKgM3 = y[kSoot] / std::max(v, 1e-12);
    s.visibilityM = visibilityM(s.sootKgM3, kVisibilityReflectingSign);
    s.visibilityLitSignM = visibilityM(s.sootKgM3, kVisibilityLightEmittingSign);
    s.coPpm = x[kCO] * 1e6;
    s.hcnPpm = x[kHCN] * 1e6;
    s.co2Pct = x[kCO2] * 100.0;
    s.o2Pct = x[kO2] * 100.0;
    return s;
}

FireSample FireModel::sample(const Point3& p) const {
    const auto& m = *impl_;
    for (int i = 0; i < m.n; ++i) {
        if (p.x >= m.x0[i] && p.x <= m.x1[i] && p.y >= m.y0[i] && p.y <= m.y1[i] && p.z >= m.floorZ[i] &&
            p.z <= m.ceilZ[i])
            return m.sampleLayer(i, p.z);
    }
    FireSample s;
    s.temperatureC = s.upperTempC = s.lowerTempC = m.def.ambientTempC;
    double x[kSpeciesCount];
    double amb[kSpeciesCount] = {};
    amb[kO2] = kAmbientO2MassFraction;
    moleFractions(amb, 1.0, x);
    s.o2Pct = x[kO2] * 100.0;
    return s;
}

FireSample FireModel::sampleRoom(int roomIndex, double zM) const { return impl_->sampleLayer(roomIndex, zM); }

RoomState FireModel::roomState(int i) const {
    const auto& m = *impl_;
    RoomState s;
    FireSample up = m.sampleLayer(i, m.ceilZ[i]);
    FireSample lo = m.sampleLayer(i, m.floorZ[i] - 1.0);
    s.upperTempC = up.upperTempC;
    s.lowerTempC = up.lowerTempC;
    s.layerHeightM = up.layerHeightM;
    s.upperVolumeM3 = m.volU[i];
    s.pressurePa = m.dp[i];
    s.upperO2Pct = up.o2Pct;
    s.lowerO2Pct = lo.o2Pct;
    s.upperCoPpm = up.coPpm;
    s.lowerCoPpm = lo.coPpm;
    s.upperCo2Pct = up.co2Pct;
    s.lowerCo2Pct = lo.co2Pct;
    s.upperHcnPpm = up.hcnPpm;
    s.lowerHcnPpm = lo.hcnPpm;
    s.upperSootKgM3 = up.sootKgM3;
    s.lowerSootKgM3 = lo.sootKgM3;
    s.upperFuelMassFraction = m.yU[i * kSpeciesCount + kFuel] / m.mU[i];
    s.hrrKw = m.roomHrrKw[i];
    s.doorJetHrrKw = m.doorJetKw[i];
    s.floorFluxKwM2 = m.floorFlux[i] * 1e-3;
    s.upperEmissivity = m.emissU[i];
    s.openingRadiationKw = m.openingRadW[i] * 1e-3;
    s.openingSurfaceRadiationKw = (m.slabOpeningRadU[i] + m.slabOpeningRadL[i]) * 1e-3;
    s.ceilingTempC = m.wallU[i * kWallNodes] - 273.15;
    s.gasMassKg = m.mU[i] + m.mL[i];
    s.flashover = m.flashover[i] != 0;
    return s;
}

Result<RoomState> FireModel::roomState(std::string_view id) const {
    int i = roomIndex(id);
    if (i < 0) return makeError("unknown room '" + std::string(id) + "'", "", 0, "room");
    return roomState(i);
}

}  // namespace cd::fire
