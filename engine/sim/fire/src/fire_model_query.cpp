// Read-only queries: conditions at a point, room and fire state.
#include <algorithm>
#include <cmath>

#include "fire/plume.h"
#include "fire/radiant_heat.h"
#include "fire/smoke_optics.h"
#include "fire/layered_ceiling_jet.h"
#include "fire_model_impl.h"

namespace cd::fire {

FireSample FireModel::Impl::sampleLayer(int r, double z, double px, double py) const {
    FireSample s;
    s.room = r;
    // In a corridor, the layer where (px, py) lies: its depth while the front moves, its
    // temperature along the corridor (fire_model_fronts.cpp).
    const double layerK = layerTempAtK(r, px, py);
    s.upperTempC = layerK - 273.15;
    s.lowerTempC = tL[r] - 273.15;
    const double zi = interfaceAtZ(r, px, py);
    s.layerHeightM = zi - floorZ[r];
    s.inUpperLayer = zi < ceilZ[r] && z >= zi;
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
    // The layer (and the ceiling seen through it) as a plane at the interface over the room's
    // footprint, seen from the point (the room's centre without a plan position): all of it from
    // inside the layer, less from far below (the bottom of a stair shaft whose layer is storeys
    // up) and by the walls.
    const double view = std::isnan(px) || std::isnan(py)
                            ? viewFactorToParallelRectangle(x0[r], x1[r], y0[r], y1[r], 0.5 * (x0[r] + x1[r]),
                                                            0.5 * (y0[r] + y1[r]), zInt[r] - z)
                            : layerViewFactor(r, px, py, z);
    s.radiantFluxKwM2 = std::max(layerK == tU[r] ? floorFlux[r] : layerFluxWM2(r, layerK), 0.0) * 1e-3 * view;
    return s;
}

int FireModel::Impl::roomContaining(const Point3& p) const {
    for (int i = 0; i < n; ++i)
        if (p.x >= x0[i] && p.x <= x1[i] && p.y >= y0[i] && p.y <= y1[i] && p.z >= floorZ[i] && p.z <= ceilZ[i]) return i;
    return -1;
}

CeilingJet FireModel::Impl::ceilingJetAt(int r, const Point3& p) const {
    CeilingJet out;
    const double ziHere = interfaceAtZ(r, p.x, p.y);
    const bool inUpper = ziHere < ceilZ[r] && p.z >= ziHere;
    // In a corridor the smoke front is the jet's head: beyond it the ceiling sees no jet yet.
    const bool corridor = corridorAxis[r] >= 0;
    if (corridor && frontMoving(r) && ziHere >= ceilZ[r]) return out;
    for (const auto& f : fires) {
        if (f.room != r || f.hrrKw <= 0) continue;
        const Point3& at = f.def.positionM;
        const double h = ceilZ[r] - at.z, q = f.mirror * f.hrrKw;  // against walls, the mirror fire's jet
        const CeilingJetConvectionInput plume =
            inUpper ? mirrorPlumeUnderCeiling(f, interfaceAtZ(r, at.x, at.y), layerTempAtK(r, at.x, at.y)) : CeilingJetConvectionInput{};
        auto radial = [&](double radius) {
            return inUpper ? layeredCeilingJet(plume, q, radius) : alpertCeilingJet(q, h, radius);
        };
        CeilingJet jet = radial(std::hypot(p.x - at.x, p.y - at.y));
        const bool alongX = corridorAxis[r] == 0;
        const double width = alongX ? y1[r] - y0[r] : x1[r] - x0[r], along = std::fabs(alongX ? p.x - at.x : p.y - at.y);
        if (corridor && along > 0.5 * width) {  // the jet has met the side walls
            const CeilingJet hall = corridorCeilingJet(radial(0.0).excessTempK, h, width, along);
            jet.excessTempK = std::max(jet.excessTempK, hall.excessTempK);
            jet.velocityMS = std::max(jet.velocityMS, hall.velocityMS);
        }
        out.excessTempK = std::max(out.excessTempK, jet.excessTempK);
        out.velocityMS = std::max(out.velocityMS, jet.velocityMS);
    }
    return out;
}

double FireModel::Impl::plumeTempAtK(const FireRuntime& f, const Point3& p, double layerK) const {
    const int r = f.room;
    const Point3& at = f.def.positionM;
    const double z = p.z - at.z, rad = std::hypot(p.x - at.x, p.y - at.y);
    const double qc = (1.0 - f.def.radiativeFraction) * f.hrrKw;
    const double ziHere = interfaceAtZ(r, p.x, p.y), ziFire = interfaceAtZ(r, at.x, at.y);
    const double upperK = layerTempAtK(r, at.x, at.y);
    const double tip = at.z + f.flameHeightM();
    // Above the interface, where the plume enters the layer above its flames: the plume of
    // Evans's continuation source in the layer (cooperJetSource, ceiling_jet_convection.h).
    if (ziHere < ceilZ[r] && p.z >= ziHere && ziFire > tip && upperK > tL[r]) {
        const CooperJetSource s = cooperJetSource(mirrorPlumeUnderCeiling(f, ziFire, upperK));
        if (!s.valid) return layerK;
        return layerK + heskestadPointSourceExcessK(s.qcW * 1e-3, p.z - (ceilZ[r] - s.heightM), rad, upperK);
    }
    // Against walls, the mirror fire's plume (plume.h).
    const double m = f.mirror;
    return tL[r] + heskestadPlumeExcessK(m * f.hrrKw, m * qc, f.diameterM * std::sqrt(m), z, rad, tL[r]);
}

PlumeSample FireModel::plumeAt(const Point3& p) const {
    const auto& m = *impl_;
    PlumeSample s;
    s.room = m.roomContaining(p);
    if (s.room < 0) {
        s.plumeTempC = s.jetTempC = m.def.ambientTempC;
        return s;
    }
    const int r = s.room;
    const double zi = m.interfaceAtZ(r, p.x, p.y);
    const double upperK = m.layerTempAtK(r, p.x, p.y);
    const double layerK = zi < m.ceilZ[r] && p.z >= zi ? upperK : m.tL[r];
    double plumeK = layerK, nearest = 1e300;
    for (const auto& f : m.fires) {
        if (f.room != r || f.hrrKw <= 0) continue;
        const double z = p.z - f.def.positionM.z;
        const double rad = std::hypot(p.x - f.def.positionM.x, p.y - f.def.positionM.y);
        const double qc = (1.0 - f.def.radiativeFraction) * f.hrrKw;
        plumeK = std::max(plumeK, m.plumeTempAtK(f, p, layerK));
        if (rad < nearest) {
            nearest = rad;
            s.plumeMassFlowKgS = mirroredPlumeMassFlowKgS(f.hrrKw, qc, f.diameterM, z, f.mirror);
            s.flameHeightM = f.flameHeightM();
        }
    }
    s.plumeTempC = plumeK - 273.15;
    const CeilingJet jet = m.ceilingJetAt(r, p);
    s.jetTempC = layerK + jet.excessTempK - 273.15;
    s.jetVelocityMS = jet.velocityMS;
    return s;
}

double FireModel::Impl::jetFluxWM2(int room, const Point3& p) const {
    double flux = 0.0;
    for (int i = 0; i < nOpen; ++i) {
        const OpeningDef& o = def.openings[static_cast<std::size_t>(i)];
        if (!o.placed || vceiling[i]) continue;
        const double q = room == vb[i] ? jetKw[2 * i] : room == va[i] ? jetKw[2 * i + 1] : 0.0;
        if (q <= 0.0) continue;
        const double h = vzt[i] - vzb[i];
        const Point3 base{o.centerXM, o.centerYM, 0.5 * (vzb[i] + vzt[i])};
        flux += 1e3 * flameFluxKwM2(q, FireDef{}.radiativeFraction, base, 0.5 * h, vw[i], p);
    }
    return flux;
}

double FireModel::jetFlameFluxKwM2(int room, const Point3& p) const {
    if (room < 0 || room >= impl_->n) return 0.0;
    return (impl_->jetFluxWM2(room, p) + impl_->facadeFluxWM2(room, p)) * 1e-3;
}

FireSample FireModel::sample(const Point3& p) const {
    const auto& m = *impl_;
    if (const int i = m.roomContaining(p); i >= 0) {
        FireSample s = m.sampleLayer(i, p.z, p.x, p.y);
        for (const auto& f : m.fires) {
            if (f.room != i || f.hrrKw <= 0) continue;
            s.radiantFluxKwM2 += flameFluxKwM2(f.hrrKw, f.def.radiativeFraction, f.def.positionM,
                                               f.flameHeightM(), f.diameterM, p);
        }
        s.radiantFluxKwM2 += (m.jetFluxWM2(i, p) + m.facadeFluxWM2(i, p)) * 1e-3;
        return s;
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
FireSample FireModel::sampleRoom(int roomIndex, double xM, double yM, double zM) const {
    return impl_->sampleLayer(roomIndex, zM, xM, yM);
}

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
