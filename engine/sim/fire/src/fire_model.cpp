// FireModel construction, run-time commands (doors, ignition, agents), events and hashing.
#include <algorithm>
#include <cmath>
#include <limits>
#include <cstdio>

#include "fire_model_impl.h"
#include "fire/plume.h"

namespace cd::fire {

Result<FireModel> FireModel::create(const FireModelDef& def) {
    auto ok = validate(def);
    if (!ok) return ok.error();
    auto impl = std::make_unique<Impl>();
    impl->def = def;
    auto built = impl->build();
    if (!built) return built.error();
    return FireModel(std::move(impl));
}

FireModel::FireModel(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
FireModel::FireModel(FireModel&&) noexcept = default;
FireModel& FireModel::operator=(FireModel&&) noexcept = default;
FireModel::~FireModel() = default;

// The walls a fire stands against (plume.h): the nearest wall across x and across y, unless a
// placed opening in it, reaching down to the fire's base, spans the fire's place along it.
int FireModel::Impl::mirrorOf(const FireDef& fd, int room, double diameterM) const {
    const RoomDef& rd = def.rooms[static_cast<std::size_t>(room)];
    const double x0 = rd.originM.x, y0 = rd.originM.y, x1 = x0 + rd.sizeM.x, y1 = y0 + rd.sizeM.y;
    const Point3& p = fd.positionM;
    auto wallDistance = [&](bool acrossX) {
        const double lo = acrossX ? p.x - x0 : p.y - y0, hi = acrossX ? x1 - p.x : y1 - p.y;
        const double wall = lo <= hi ? (acrossX ? x0 : y0) : (acrossX ? x1 : y1);
        for (const OpeningDef& o : def.openings) {
            if (!o.placed || o.kind != OpeningKind::Wall || (o.roomA != rd.id && o.roomB != rd.id)) continue;
            const double onWall = acrossX ? o.centerXM : o.centerYM, along = acrossX ? o.centerYM : o.centerXM;
            const double fireAlong = acrossX ? p.y : p.x;
            double floorA = rd.originM.z;  // the sill is measured from roomA's floor
            for (const RoomDef& a : def.rooms)
                if (a.id == o.roomA) floorA = a.originM.z;
            if (std::fabs(onWall - wall) < 0.05 && std::fabs(along - fireAlong) <= 0.5 * o.widthM && floorA + o.sillM <= p.z + diameterM)
                return std::numeric_limits<double>::infinity();
        }
        return std::min(lo, hi);
    };
    return plumeMirror(wallDistance(true), wallDistance(false), diameterM);
}

Result<FireRuntime> FireModel::Impl::makeFire(const FireDef& fd, const std::string& field) const {
    auto ok = validateFire(def, fd, field);
    if (!ok) return ok.error();
    FireRuntime f;
    f.def = fd;
    for (int i = 0; i < n; ++i)
        if (def.rooms[i].id == fd.room) f.room = i;
    f.yields = *combustionYields(fd);
    f.diameterM = equivalentDiameterM(fd.areaM2);
    if (f.room >= 0) f.mirror = mirrorOf(fd, f.room, f.diameterM);
    f.startS = fd.startS;
    return f;
}

Status FireModel::Impl::build() {
    ambientK = def.ambientTempC + 273.15;
    p0 = def.ambientPressurePa;
    rhoAmb = p0 / (kGasConstant * ambientK);
    n = static_cast<int>(def.rooms.size());
    auto sz = [&](std::vector<double>& v, size_t count = 0) { v.assign(count ? count : n, 0.0); };
    for (auto* v : {&floorZ, &ceilZ, &height, &area, &volume, &perimeter, &x0, &y0, &x1, &y1, &mU, &mL, &hU, &hL,
                    &volU, &tU, &tL, &rhoU, &rhoL, &zInt, &dp, &floorFlux, &emissU, &srcMU, &srcML, &srcHU, &srcHL,
                    &energySource, &outRateU, &outRateL, &roomHrrKw, &doorJetKw, &radW, &openAreaU, &openAreaL, &openingRadW,
                    &slabOpeningRadU, &slabOpeningRadL, &dpn})
        sz(*v);
    sz(yU, size_t(n) * kSpeciesCount);
    sz(yL, size_t(n) * kSpeciesCount);
    sz(srcYU, size_t(n) * kSpeciesCount);
    sz(srcYL, size_t(n) * kSpeciesCount);
    sz(wallU, size_t(n) * kWallNodes);
    sz(wallL, size_t(n) * kWallNodes);
    sz(wallNewU, size_t(n) * kWallNodes);
    sz(wallNewL, size_t(n) * kWallNodes);
    flashover.assign(n, 0);
    wall.resize(n);
    ceilingLining.resize(n);
    floorLining.resize(n);
    splitLining.assign(n, 0);
    auto same = [](const WallMaterial& a, const WallMaterial& b) {
        return a.conductivityWMK == b.conductivityWMK && a.densityKgM3 == b.densityKgM3 && a.specificHeatJKgK == b.specificHeatJKgK &&
               a.thicknessM == b.thicknessM && a.emissivity == b.emissivity;
    };
    bool anySplit = false;
    for (int i = 0; i < n; ++i) {
        const auto& r = def.rooms[i];
        wall[i] = r.wall;
        ceilingLining[i] = r.ceiling.value_or(r.wall);
        floorLining[i] = r.floor.value_or(r.wall);
        splitLining[i] = !same(ceilingLining[i], wall[i]) || !same(floorLining[i], wall[i]);
        anySplit = anySplit || splitLining[i];
    }
    if (anySplit)
        for (auto* v : {&sideU, &sideL, &sideNewU, &sideNewL}) sz(*v, size_t(n) * kWallNodes);
    for (int i = 0; i < n; ++i) {
        const auto& r = def.rooms[i];
        x0[i] = r.originM.x;
        y0[i] = r.originM.y;
        x1[i] = r.originM.x + r.sizeM.x;
        y1[i] = r.originM.y + r.sizeM.y;
        floorZ[i] = r.originM.z;
        height[i] = r.sizeM.z;
        ceilZ[i] = r.originM.z + r.sizeM.z;
        area[i] = r.sizeM.x * r.sizeM.y;
        volume[i] = area[i] * height[i];
        perimeter[i] = 2.0 * (r.sizeM.x + r.sizeM.y);
        initRoom(i);
    }
    auto roomOf = [&](const std::string& id) {
        for (int i = 0; i < n; ++i)
            if (def.rooms[i].id == id) return i;
        return -1;
    };
    if (!def.connections.empty()) {
        links.assign(n, {});
        for (const ConnectionDef& c : def.connections) {
            const int a = roomOf(c.roomA), b = roomOf(c.roomB);
            links[a].push_back({b, *sharedSurface(def.rooms[a], def.rooms[b])});
            links[b].push_back({a, *sharedSurface(def.rooms[b], def.rooms[a])});
        }
        for (auto* v : {&faceFluxU, &faceFluxL, &faceFluxNewU, &faceFluxNewL}) sz(*v, size_t(n) * 2);
    }
    nOpen = static_cast<int>(def.openings.size());
    for (const auto& o : def.openings) {
        int a = roomOf(o.roomA);
        va.push_back(a);
        vb.push_back(o.roomB == kOutside ? -1 : roomOf(o.roomB));
        vzb.push_back(floorZ[a] + o.sillM);
        vzt.push_back(floorZ[a] + o.sillM + o.heightM);
        vw.push_back(o.widthM);
        vcd.push_back(o.dischargeCoeff);
        vopen.push_back(o.open ? 1 : 0);
        glassBroken.push_back(0);
        glazingOf.push_back(-1);
        if (o.glazing.kind != GlassKind::None) {
            glazingOf.back() = static_cast<int>(paneState.size() / 2);
            glassK.insert(glassK.end(), 2 * kWallNodes, ambientK);
            paneState.push_back(o.glazing.panes >= 1 ? kPaneIntact : kPaneOut);
            paneState.push_back(o.glazing.panes >= 2 ? kPaneIntact : kPaneOut);
        }
        bool ceiling = o.kind == OpeningKind::Ceiling;
        vceiling.push_back(ceiling ? 1 : 0);
        vround.push_back(o.shape == VentShape::Round ? 1 : 0);
        if (ceiling) {
            vzb.back() = vzt.back() = ceilZ[a];
            vw.back() = o.areaM2;
        }
    }
    // Facades: the outward normal of each placed wall opening to outside.
    extFlame.assign(nOpen, ExternalFlame{});
    extReported.assign(nOpen, 0);
    outX.assign(nOpen, 0.0);
    outY.assign(nOpen, 0.0);
    facadeK.assign(nOpen, ambientK);
    facadeEps.assign(nOpen, 0.0);
    facadeH.assign(nOpen, 0.0);
    for (int v = 0; v < nOpen; ++v) {
        const OpeningDef& o = def.openings[static_cast<size_t>(v)];
        if (o.kind != OpeningKind::Wall || vb[v] >= 0 || !o.placed) continue;
        double nx = o.outwardX, ny = o.outwardY;
        if (nx == 0 && ny == 0) {
            const int a = va[v];
            const double toSide[4] = {o.centerXM - x0[a], x1[a] - o.centerXM, o.centerYM - y0[a], y1[a] - o.centerYM};
            const int k = static_cast<int>(std::min_element(toSide, toSide + 4) - toSide);
            nx = k == 0 ? -1 : k == 1 ? 1 : 0;
            ny = k == 2 ? -1 : k == 3 ? 1 : 0;
        }
        const double len = std::hypot(nx, ny);
        outX[v] = nx / len;
        outY[v] = ny / len;
    }
    // Leakage: a full-height slot of the given area to outside (CFAST models leaks as vents).
    for (int i = 0; i < n; ++i) {
        if (def.rooms[i].leakageAreaM2 <= 0) continue;
        va.push_back(i);
        vb.push_back(-1);
        vzb.push_back(floorZ[i]);
        vzt.push_back(ceilZ[i]);
        vw.push_back(def.rooms[i].leakageAreaM2 / height[i]);
        vcd.push_back(0.7);
        vopen.push_back(1);
        vceiling.push_back(0);
        vround.push_back(0);
    }
    for (const auto& fan : def.fans) {
        int from = fan.from == kOutside ? -1 : roomOf(fan.from);
        int to = fan.to == kOutside ? -1 : roomOf(fan.to);
        fanFrom.push_back(from);
        fanTo.push_back(to);
        fanZFrom.push_back(from >= 0 ? floorZ[from] + fan.fromHeightM : 0.0);
        fanZTo.push_back(to >= 0 ? floorZ[to] + fan.toHeightM : 0.0);
        fanOn.push_back(fan.on ? 1 : 0);
        fanFromUpper.push_back(0);
        fanMdot.push_back(0.0);
        fanRho.push_back(rhoAmb);
        fanTempK.push_back(ambientK);
        fanFilterEff.push_back(0.0);
        fanSootFrac.push_back(0.0);
        fanFilteredKg.push_back(0.0);
    }
    vflow.assign(va.size(), VentFlow{});
    jetActive.assign(2 * va.size(), 0);
    jetKw.assign(2 * va.size(), 0.0);
    jetFire.assign(2 * va.size(), -1);
    jetFuelFrac.assign(2 * va.size(), 0.0);
    jetO2Frac.assign(2 * va.size(), 0.0);
    jetAirCap.assign(2 * va.size(), 0.0);
    jetAirCoeff.assign(2 * va.size(), 0.0);
    mixUp.assign(2 * va.size(), 0.0);
    mixDown.assign(2 * va.size(), 0.0);
    std::vector<std::pair<int, int>> edges;
    for (size_t v = 0; v < va.size(); ++v)
        if (vb[v] >= 0) edges.push_back({va[v], vb[v]});
    for (size_t i = 0; i < fanFrom.size(); ++i)
        if (fanFrom[i] >= 0 && fanTo[i] >= 0 && fanFrom[i] != fanTo[i]) edges.push_back({fanFrom[i], fanTo[i]});
    lu.build(n, edges);
    for (size_t i = 0; i < fanFrom.size(); ++i) {
        int f = fanFrom[i], t = fanTo[i];
        fanSlotFF.push_back(f >= 0 ? lu.slot(f, f) : -1);
        fanSlotTT.push_back(t >= 0 ? lu.slot(t, t) : -1);
        fanSlotFT.push_back(f >= 0 && t >= 0 ? lu.slot(f, t) : -1);
        fanSlotTF.push_back(f >= 0 && t >= 0 ? lu.slot(t, f) : -1);
    }
    for (size_t v = 0; v < va.size(); ++v) {
        int a = va[v], b = vb[v];
        slotAA.push_back(lu.slot(a, a));
        slotAB.push_back(b >= 0 ? lu.slot(a, b) : -1);
        slotBA.push_back(b >= 0 ? lu.slot(b, a) : -1);
        slotBB.push_back(b >= 0 ? lu.slot(b, b) : -1);
    }
    for (int i = 0; i < n; ++i) slotDiag.push_back(lu.slot(i, i));
    residual.assign(n, 0.0);
    delta.assign(n, 0.0);
    trial.assign(n, 0.0);
    netEnthalpy.assign(n, 0.0);
    fires.reserve(def.fires.size() + def.items.size() + 64);
    for (size_t i = 0; i < def.fires.size(); ++i) {
        auto f = makeFire(def.fires[i], "fire");
        if (!f) return f.error();
        if (f->def.id.empty()) f->def.id = "fire" + std::to_string(i + 1);
        fires.push_back(std::move(*f));
    }
    detectors.assign(def.detectors.size(), DeviceRuntime{ambientK, false, -1});
    sprinklers.assign(def.sprinklers.size(), DeviceRuntime{ambientK, false, -1});
    items.assign(def.items.size(), ItemRuntime{});
    // Items the scenario lights: their fires start at their time like the scenario's own.
    for (size_t it = 0; it < def.items.size(); ++it) {
        const ItemDef& d = def.items[it];
        if (d.igniteAtS < 0) continue;
        FireDef fd = d.fire;
        fd.room = d.room;
        fd.positionM = d.positionM;
        fd.startS = d.igniteAtS;
        if (fd.id.empty()) fd.id = d.id;
        auto f = makeFire(fd, "item");
        if (!f) return f.error();
        fires.push_back(std::move(*f));
        items[it].ignited = true;
        items[it].fire = static_cast<int>(fires.size() - 1);
    }
    for (const auto& d : def.detectors) detRoom.push_back(roomOf(d.room));
    for (const auto& d : def.sprinklers) sprRoom.push_back(roomOf(d.room));
    for (const auto& d : def.items) itemRoom.push_back(roomOf(d.room));
    events.reserve(1024);
    buildSmokeFronts();
    updateDerived();
    totals.gasMassKg = 0;
    return Ok{};
}

void FireModel::Impl::initRoom(int i) {
    double vU = kInitialUpperFraction * volume[i];
    double vL = volume[i] - vU;
    mU[i] = rhoAmb * vU;
    mL[i] = rhoAmb * vL;
    hU[i] = mU[i] * kCp * ambientK;
    hL[i] = mL[i] * kCp * ambientK;
    for (int k = 0; k < kSpeciesCount; ++k) {
        yU[i * kSpeciesCount + k] = 0;
        yL[i * kSpeciesCount + k] = 0;
    }
    yU[i * kSpeciesCount + kO2] = kAmbientO2MassFraction * mU[i];
    yL[i * kSpeciesCount + kO2] = kAmbientO2MassFraction * mL[i];
    for (int j = 0; j < kWallNodes; ++j) {
        wallU[i * kWallNodes + j] = ambientK;
        wallL[i * kWallNodes + j] = ambientK;
        if (!sideU.empty()) sideU[i * kWallNodes + j] = sideL[i * kWallNodes + j] = ambientK;
    }
}

void FireModel::Impl::pushEvent(FireEventType type, int room, int fire, int device, double value) {
    events.push_back(FireEvent{timeS, type, room, fire, device, value});
}

void FireModel::step(double dtS) {
    auto& m = *impl_;
    if (!(dtS > 0)) return;
    double end = m.timeS + dtS;
    double remaining = dtS;
    while (remaining > 1e-12) {
        double h = m.chooseSubStep(remaining);
        // A refused sub-step (a layer would drain) is retried 4x shorter, down to 1 ms.
        while (!m.trySubStep(h, h <= 1e-3)) h = std::max(0.25 * h, 1e-3);
        remaining = end - m.timeS;
    }
    m.timeS = end;
}

void FireModel::advanceTo(double clockS) {
    const double h = impl_->def.maxStepS;
    double behind = clockS - impl_->timeS;
    if (behind < h) return;
    step(std::floor(behind / h + 1e-9) * h);
}

double FireModel::timeS() const { return impl_->timeS; }

Status FireModel::setOpeningOpen(std::string_view id, bool open) {
    int i = openingIndex(id);
    if (i < 0) return makeError("unknown opening '" + std::string(id) + "'", "", 0, "opening");
    setOpeningOpen(i, open);
    return Ok{};
}

void FireModel::setOpeningOpen(int i, bool open) { impl_->setOpen(i, open); }

void FireModel::Impl::setOpen(int i, bool open) {
    if (i < 0 || i >= nOpen) return;
    if (vopen[i] == (open ? 1 : 0)) return;
    if (!open && glassBroken[i]) return;  // the glass is gone: nothing left to shut
    vopen[i] = open ? 1 : 0;
    pushEvent(FireEventType::OpeningChanged, va[i], -1, i, open ? 1.0 : 0.0);
    if (open) checkBackdraft(i);
}

bool FireModel::openingOpen(int i) const { return i >= 0 && i < impl_->nOpen && impl_->vopen[i]; }

Status FireModel::setFanOn(std::string_view id, bool on) {
    int i = fanIndex(id);
    if (i < 0) return makeError("unknown fan '" + std::string(id) + "'", "", 0, "fan");
    impl_->setFan(i, on);
    return Ok{};
}

void FireModel::setFanOn(int i, bool on) { impl_->setFan(i, on); }

void FireModel::Impl::setFan(int i, bool on) {
    if (i < 0 || i >= static_cast<int>(fanOn.size())) return;
    fanOn[i] = on ? 1 : 0;
}

double FireModel::fanFilteredKg(int i) const {
    return i >= 0 && i < static_cast<int>(impl_->fanFilteredKg.size()) ? impl_->fanFilteredKg[i] : 0.0;
}
bool FireModel::fanOn(int i) const {
    return i >= 0 && i < static_cast<int>(impl_->fanOn.size()) && impl_->fanOn[i];
}
int FireModel::fanCount() const { return static_cast<int>(impl_->fanOn.size()); }
int FireModel::fanIndex(std::string_view id) const {
    for (size_t i = 0; i < impl_->def.fans.size(); ++i)
        if (impl_->def.fans[i].id == id) return static_cast<int>(i);
    return -1;
}
double FireModel::fanMassFlowKgS(int i) const {
    return i >= 0 && i < static_cast<int>(impl_->fanMdot.size()) ? impl_->fanMdot[i] : 0.0;
}
double FireModel::openingMassFlowKgS(int i, bool fromA) const {
    const auto& m = *impl_;
    if (i < 0 || i >= m.nOpen) return 0.0;
    const VentFlow& f = m.vflow[i];
    return fromA ? f.fromAUpper + f.fromALower : f.fromBUpper + f.fromBLower;
}

double FireModel::openingJetHrrKw(int i, int room) const {
    const auto& m = *impl_;
    if (i < 0 || i >= m.nOpen || room < 0) return 0.0;
    if (room == m.vb[i]) return m.jetKw[2 * i];
    if (room == m.va[i]) return m.jetKw[2 * i + 1];
    return 0.0;
}

double FireModel::openingMixingKgS(int i, bool inTo) const {
    const auto& m = *impl_;
    if (i < 0 || i >= m.nOpen) return 0.0;
    int slot = 2 * i + (inTo ? 0 : 1);
    return m.mixUp[slot] - m.mixDown[slot];
}

// Backdraft needs a hot upper layer rich in unburnt pyrolysate: Fleischmann, Pagni &
// Williamson, Fire Safety Science 4 (1994) found backdrafts above ~10 % fuel mass fraction.
void FireModel::Impl::checkBackdraft(int v) {
    for (int r : {va[v], vb[v]}) {
        if (r < 0) continue;
        double fuelFrac = yU[r * kSpeciesCount + kFuel] / std::max(mU[r], 1e-12);
        // An ignition source must be there too: a fire still burning (however starved) or a
        // layer hot enough to autoignite the pyrolysate (~300 C, the figure used for wood).
        bool ignitionSource = tU[r] - 273.15 >= 300.0;
        for (const auto& f : fires) ignitionSource |= f.room == r && f.ignited && !f.extinguished && !f.burnedOut;
        if (fuelFrac >= kBackdraftFuelMassFraction && ignitionSource)
            pushEvent(FireEventType::BackdraftRisk, r, -1, v, fuelFrac);
    }
}

Result<int> FireModel::ignite(const FireDef& fd) {
    auto& m = *impl_;
    FireDef copy = fd;
    copy.startS = m.timeS + std::max(fd.startS, 0.0);
    auto f = m.makeFire(copy, "ignite");
    if (!f) return f.error();
    if (f->def.id.empty()) f->def.id = "fire" + std::to_string(m.fires.size() + 1);
    m.fires.push_back(std::move(*f));
    return static_cast<int>(m.fires.size() - 1);
}

Status FireModel::applyAgent(std::string_view fireId, const AgentApplication& app) {
    int i = fireIndex(fireId);
    if (i < 0) return makeError("unknown fire '" + std::string(fireId) + "'", "", 0, "fire");
    return applyAgent(i, app);
}

Status FireModel::applyAgent(int i, const AgentApplication& app) {
    auto& m = *impl_;
    if (i < 0 || i >= static_cast<int>(m.fires.size())) return makeError("no such fire", "", 0, "fire");
    if (!(app.flowKgS > 0)) return makeError("agent flow must be > 0", "", 0, "flow_kg_s");
    if (!(app.durationS > 0)) return makeError("agent duration must be > 0", "", 0, "duration_s");
    auto& f = m.fires[i];
    f.agentActive = true;
    f.agent = app;
    if (f.agent.rangeM <= 0) f.agent.rangeM = agentProperties(app.agent).rangeM;
    f.agentUntilS = m.timeS + app.durationS;
    AgentEffect effect = agentEffect(app.agent, f.def.fireClass);
    if (app.distanceM > f.agent.rangeM) {
        m.pushEvent(FireEventType::AgentIneffective, f.room, i, -1, app.distanceM);
        f.agentActive = false;
    } else if (effect.outcome == AgentOutcome::FlareUp) {
        if (f.ignited && !f.extinguished && !f.burnedOut) {
            f.flareUntilS = m.timeS + kFlareUpDurationS;
            m.pushEvent(FireEventType::FlareUp, f.room, i, -1, kFlareUpFactor);
        }
        f.agentActive = false;
    } else if (effect.outcome == AgentOutcome::ShockHazard) {
        m.pushEvent(FireEventType::ShockHazard, f.room, i, -1, 0.0);
        f.agentActive = false;
    } else if (effect.outcome == AgentOutcome::Ineffective) {
        m.pushEvent(FireEventType::AgentIneffective, f.room, i, -1, app.distanceM);
        f.agentActive = false;
    }
    return Ok{};
}

Result<double> FireModel::sprayIntoLayer(std::string_view roomId, const WaterSpray& spray) {
    const int r = roomIndex(roomId);
    if (r < 0) return makeError("unknown room '" + std::string(roomId) + "'", "", 0, "room");
    return sprayIntoLayer(r, spray);
}

Result<double> FireModel::sprayIntoLayer(int r, const WaterSpray& w) {
    auto& m = *impl_;
    if (r < 0 || r >= m.n) return makeError("no such room", "", 0, "room");
    if (const SprayFault f = sprayFault(w, m.height[r]); f.field) return makeError(f.message, "", 0, f.field);
    Impl::ActiveSpray a;
    a.room = r;
    a.untilS = m.timeS + w.durationS;
    a.spray = w;
    // Sprays that have run their course make room (only here: step() never allocates).
    std::erase_if(m.sprays, [&](const Impl::ActiveSpray& s) { return s.untilS <= m.timeS; });
    m.sprays.push_back(a);
    return sprayEvaporatedFraction(r, w);
}

double FireModel::sprayEvaporatedFraction(int r, const WaterSpray& w) const {
    const auto& m = *impl_;
    if (r < 0 || r >= m.n) return 0.0;
    return evaporatedFraction(m.tU[r] - 273.15, w.dropletDiameterM, w.speedMS, m.sprayPathM(r, w), w.waterTempC);
}

int FireModel::roomCount() const { return impl_->n; }
int FireModel::openingCount() const { return impl_->nOpen; }
int FireModel::fireCount() const { return static_cast<int>(impl_->fires.size()); }
const FireModelDef& FireModel::def() const { return impl_->def; }
const std::string& FireModel::fireId(int i) const { return impl_->fires[i].def.id; }

int FireModel::roomIndex(std::string_view id) const {
    for (int i = 0; i < impl_->n; ++i)
        if (impl_->def.rooms[i].id == id) return i;
    return -1;
}
int FireModel::openingIndex(std::string_view id) const {
    for (int i = 0; i < impl_->nOpen; ++i)
        if (impl_->def.openings[i].id == id) return i;
    return -1;
}
int FireModel::fireIndex(std::string_view id) const {
    for (size_t i = 0; i < impl_->fires.size(); ++i)
        if (impl_->fires[i].def.id == id) return static_cast<int>(i);
    return -1;
}

double FireModel::sprinklerOpenedS(int i) const {
    const auto& s = impl_->sprinklers.at(static_cast<size_t>(i));
    return s.activated ? s.activatedS : -1.0;
}

FireState FireModel::fireState(int i) const {
    const auto& f = impl_->fires.at(i);
    FireState s;
    s.hrrKw = f.hrrKw;
    s.requestedHrrKw = f.requestedKw;
    s.fuelPyrolysedKg = f.pyrolysedKg;
    s.plumeKgS = f.plumeKgS;
    s.ignited = f.ignited;
    s.oxygenLimited = f.oxygenLimited;
    s.extinguished = f.extinguished;
    s.burnedOut = f.burnedOut;
    s.sprinklered = f.sprinklerStartS >= 0;
    return s;
}

std::vector<FireEvent> FireModel::drainEvents() {
    std::vector<FireEvent> out(impl_->events.begin(), impl_->events.end());
    impl_->events.clear();
    return out;
}

const char* eventTypeName(FireEventType t) {
    switch (t) {
        case FireEventType::Ignition: return "ignition";
        case FireEventType::ItemIgnited: return "item_ignited";
        case FireEventType::Flashover: return "flashover";
        case FireEventType::DetectorActivated: return "detector_activated";
        case FireEventType::SprinklerActivated: return "sprinkler_activated";
        case FireEventType::OxygenLimited: return "oxygen_limited";
        case FireEventType::FlareUp: return "flare_up";
        case FireEventType::ShockHazard: return "shock_hazard";
        case FireEventType::AgentIneffective: return "agent_ineffective";
        case FireEventType::Extinguished: return "extinguished";
        case FireEventType::Burnout: return "burnout";
        case FireEventType::BackdraftRisk: return "backdraft_risk";
        case FireEventType::OpeningChanged: return "opening_changed";
        case FireEventType::GlassBroke: return "glass_broke";
        case FireEventType::GlassCracked: return "glass_cracked";
        case FireEventType::ExternalFlames: return "external_flames";
        case FireEventType::Reignited: return "reignited";
        case FireEventType::CorridorFilled: return "corridor_filled";
        case FireEventType::ItemWetted: return "item_wetted";
    }
    return "?";
}

std::string FireModel::describe(const FireEvent& e) const {
    const auto& m = *impl_;
    char buf[96];
    std::snprintf(buf, sizeof buf, "%.1f s %s", e.timeS, eventTypeName(e.type));
    std::string s = buf;
    if (e.room >= 0) s += " room " + m.def.rooms[e.room].id;
    if (e.fire >= 0) s += " fire " + m.fires[e.fire].def.id;
    if (e.device >= 0) {
        switch (e.type) {
            case FireEventType::DetectorActivated: s += " detector " + m.def.detectors[e.device].id; break;
            case FireEventType::SprinklerActivated: s += " sprinkler " + m.def.sprinklers[e.device].id; break;
            case FireEventType::ItemIgnited:
            case FireEventType::ItemWetted:
            case FireEventType::Reignited: s += " item " + m.def.items[e.device].id; break;
            case FireEventType::BackdraftRisk:
            case FireEventType::GlassBroke:
            case FireEventType::GlassCracked:
            case FireEventType::ExternalFlames:
            case FireEventType::OpeningChanged: s += " opening " + m.def.openings[e.device].id; break;
            default: break;
        }
    }
    if (e.type == FireEventType::OpeningChanged) s += e.value > 0 ? " open" : " closed";
    return s;
}

void FireModel::hash(StateHasher& h) const {
    const auto& m = *impl_;
    h.add(m.timeS);
    auto vec = [&](const std::vector<double>& v) { h.addBytes(v.data(), v.size() * sizeof(double)); };
    vec(m.mU), vec(m.mL), vec(m.hU), vec(m.hL), vec(m.yU), vec(m.yL), vec(m.wallU), vec(m.wallL), vec(m.sideU), vec(m.sideL);
    vec(m.faceFluxU), vec(m.faceFluxL);  // empty without surface connections
    h.addBytes(m.vopen.data(), m.vopen.size());
    h.addBytes(m.glassBroken.data(), m.glassBroken.size());
    vec(m.glassK);  // empty without heat-transfer glazing: the hashes of other runs stay as they were
    h.addBytes(m.paneState.data(), m.paneState.size());
    h.addBytes(m.fanOn.data(), m.fanOn.size());
    // fanFilteredKg is a counter only (the soot it took is already out of yU / yL), left out so
    // that the hashes of runs without filters stay what they were.
    for (const auto& f : m.fires) {
        h.add(f.pyrolysedKg), h.add(f.burnedKg), h.add(f.knockdown), h.add(f.hrrKw), h.add(f.ignited);
        h.add(f.extinguished), h.add(f.burnedOut), h.add(f.sprinklerStartS), h.add(f.decayStartS);
    }
    for (const auto& d : m.detectors) h.add(d.linkK), h.add(d.chamberSootKgM3), h.add(d.activated);
    for (const auto& d : m.sprinklers) h.add(d.linkK), h.add(d.activated);
    for (const auto& it : m.items) h.add(it.doseKjM2), h.add(it.ignited);
    for (const auto& a : m.sprays) h.add(a.room), h.add(a.untilS);  // none unless water was sprayed
    // Smoke fronts (corridors only): where each has reached, how its layer cools along it.
    for (int r = 0; r < m.n; ++r)
        if (m.corridorAxis[r] >= 0)
            h.add(m.corridorCover[r]), h.add(m.corridorFilled[r] != 0), h.add(m.corridorProfile[r].shapeMean);
}

ConservationTotals FireModel::conservation() const {
    const auto& m = *impl_;
    ConservationTotals t = m.totals;
    t.gasMassKg = 0;
    t.gasInternalEnergyJ = 0;
    t.gasSootKg = 0;
    for (int i = 0; i < m.n; ++i) {
        t.gasMassKg += m.mU[i] + m.mL[i];
        t.gasInternalEnergyJ += (m.hU[i] + m.hL[i]) / kGamma;
        t.gasSootKg += m.yU[i * kSpeciesCount + kSoot] + m.yL[i * kSpeciesCount + kSoot];
    }
    return t;
}

}  // namespace cd::fire

namespace cd::fire {
SolverStats FireModel::solverStats() const { return impl_->stats; }
}  // namespace cd::fire
