#include "fire_hazard.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <set>

#include "fire/extinguishing_agent.h"
#include "fire/fed_accumulator.h"
#include "fire/fire_model.h"
#include "fire/plume.h"
#include "fire/radiant_heat.h"
#include "fire/smoke_optics.h"
#include "sprinkler_layout.h"

namespace cd::app {

// ---------------------------------------------------------------------------------------
// FedDose

struct FedDose::Impl {
    fire::FedAccumulator acc;
};
FedDose::FedDose() : impl_(std::make_unique<Impl>()) {}
FedDose::~FedDose() = default;
FedDose::FedDose(FedDose&&) noexcept = default;
FedDose& FedDose::operator=(FedDose&&) noexcept = default;

static_assert(FedDose::kLightWorkVentilationLMin == fire::FedAccumulator::kLightWorkVentilationLMin);

void FedDose::accumulate(const HazardSample& s, double dtS, bool suppliedAir, bool turnoutGear, double ventilationLMin) {
    fire::FireSample f;
    f.temperatureC = s.temperatureC;
    f.coPpm = s.coPpm;
    f.co2Pct = s.co2Pct;
    f.o2Pct = s.o2Pct;
    f.hcnPpm = s.hcnPpm;
    f.radiantFluxKwM2 = s.radiantFluxKwM2;
    impl_->acc.accumulate(f, dtS, fire::Protection{suppliedAir, turnoutGear}, ventilationLMin);
}
double FedDose::fed() const { return impl_->acc.fed(); }
double FedDose::heatFed() const { return impl_->acc.heatFed(); }

// ---------------------------------------------------------------------------------------
// Building the zone model from the district: one compartment per room, except that the
// stairwell rooms of one stair (stacked storeys) form a single shaft compartment, so smoke
// can rise through the stair as it does in a real building.

struct FireHazard::Impl {
    fire::FireModel model;
    const scenario::ScenarioDef* scenario = nullptr;
    const world::District* district = nullptr;
    std::vector<int> roomToZone;               // district room index -> model room index
    std::vector<std::string> zoneIds;          // model room index -> id used in events
    std::map<std::string, int> doorToOpening;  // district door id -> model opening index
    std::map<std::string, int> windowToOpening;  // district window id -> model opening index
    /// Windows and exit doors: where flames out of them are drawn (FireHazard::flames).
    struct OutsideOpening {
        int opening = -1;
        glm::vec3 sillCentreM{0.0f};
        glm::vec3 normal{1.0f, 0.0f, 0.0f};
        float heightM = 0.0f;
    };
    std::vector<OutsideOpening> outsideOpenings;
    std::vector<HazardEvent> events;
    double clockS = 0.0;  // the session's clock, which the model follows in its own steps

    explicit Impl(fire::FireModel m) : model(std::move(m)) {}
    /// The model room (zone) a district room belongs to.
    int zoneOf(const world::Room& r) const { return roomToZone[static_cast<std::size_t>(&r - district->rooms.data())]; }
};

namespace {

// Average construction leakage, CFAST Users' Guide (NIST SP 1889v2) Table: 1.3e-4 m² per m² of wall.
constexpr double kLeakPerWallArea = 1.3e-4;

bool overlapsInPlan(const world::Aabb& a, const world::Aabb& b) {
    return a.min.x < b.max.x - 0.1f && b.min.x < a.max.x - 0.1f && a.min.y < b.max.y - 0.1f && b.min.y < a.max.y - 0.1f;
}

std::string eventKind(fire::FireEventType t) {
    using T = fire::FireEventType;
    switch (t) {
        case T::Ignition: return "fire.ignition";
        case T::ItemIgnited: return "fire.item_ignited";
        case T::Flashover: return "fire.flashover";
        case T::DetectorActivated: return "fire.detected";
        case T::SprinklerActivated: return "fire.sprinkler";
        case T::OxygenLimited: return "fire.oxygen_limited";
        case T::FlareUp: return "fire.flare_up";
        case T::ShockHazard: return "fire.shock_hazard";
        case T::AgentIneffective: return "fire.agent_ineffective";
        case T::Extinguished: return "fire.extinguished";
        case T::Burnout: return "fire.burnout";
        case T::BackdraftRisk: return "fire.backdraft_risk";
        case T::OpeningChanged: return "fire.opening_changed";
        case T::GlassBroke: return "fire.window_broke";
        case T::GlassCracked: return "fire.window_cracked";
        case T::ExternalFlames: return "fire.external_flames";
        case T::Reignited: return "fire.reignited";
        case T::ItemWetted: return "fire.item_wetted";
        case T::CorridorFilled: return "fire.corridor_filled";
    }
    return "fire.event";
}

/// Where a scenario fire's base is: its position, or the middle of its room's floor.
glm::vec3 fireBase(const scenario::FireDef& f, const world::Room* room) {
    const glm::vec3 c = room ? room->box.center() : glm::vec3(0.0f);
    return f.position ? glm::vec3(f.position->x, f.position->y, f.position->z) : glm::vec3(c.x, c.y, room ? room->box.min.z : 0.0f);
}

fire::FireDef toFireDef(const scenario::FireDef& f, const world::Room& room, const std::string& zoneId) {
    fire::FireDef d;
    d.id = f.id;
    d.room = zoneId;
    glm::vec3 c = room.box.center();
    d.positionM = f.position ? fire::Point3{f.position->x, f.position->y, f.position->z}
                             : fire::Point3{c.x, c.y, room.box.min.z};
    d.startS = 0.0;
    d.alphaKwS2 = f.alphaKwS2;
    d.peakHrrKw = f.peakHrrKw;
    d.areaM2 = f.areaM2;
    d.fuelMassKg = f.fuelMassKg;
    d.heatOfCombustionKjKg = f.heatOfCombustionKjKg;
    d.sootYield = f.sootYield;
    d.coYield = f.coYield;
    d.hcnYield = f.hcnYield;
    fire::parseFireClass(f.fireClass, d.fireClass);
    d.line = f.source.line;
    return d;
}

}  // namespace

FireHazard::FireHazard(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
FireHazard::~FireHazard() = default;

Result<std::unique_ptr<FireHazard>> FireHazard::build(const scenario::ScenarioDef& scenario, const world::District& d) {
    fire::FireModelDef def;
    def.sourceFile = d.manifestPath;
    std::vector<int> roomToZone(d.rooms.size(), -1);
    std::vector<std::string> zoneIds;
    std::vector<world::Aabb> zoneBoxes;

    for (std::size_t i = 0; i < d.rooms.size(); ++i) {
        const world::Room& r = d.rooms[i];
        if (roomToZone[i] >= 0) continue;
        world::Aabb box = r.box;
        std::string id = r.id;
        std::vector<std::size_t> members{i};
        if (r.kind == world::RoomKind::Stairwell) {
            for (std::size_t j = i + 1; j < d.rooms.size(); ++j) {
                const world::Room& o = d.rooms[j];
                if (o.kind != world::RoomKind::Stairwell || o.building != r.building || !overlapsInPlan(o.box, r.box)) continue;
                members.push_back(j);
                box.min = glm::min(box.min, o.box.min);
                box.max = glm::max(box.max, o.box.max);
            }
            if (members.size() > 1) id = r.building + ".shaft." + r.id.substr(r.id.rfind('.') + 1);
        }
        int zone = static_cast<int>(def.rooms.size());
        for (auto m : members) roomToZone[m] = zone;
        fire::RoomDef rd;
        rd.id = id;
        rd.originM = {box.min.x, box.min.y, box.min.z};
        glm::vec3 s = box.size();
        rd.sizeM = {s.x, s.y, s.z};
        fire::builtinWallMaterial("concrete", rd.wall);
        rd.leakageAreaM2 = kLeakPerWallArea * 2.0 * (s.x + s.y) * s.z;
        // The district says which rooms are corridors (their smoke runs along them as a front).
        rd.corridor = r.kind == world::RoomKind::Corridor;
        def.rooms.push_back(rd);
        zoneIds.push_back(id);
        zoneBoxes.push_back(box);
        // Schools have smoke detection in corridors and classrooms (EN 54 / NFPA 72 practice).
        if (r.kind == world::RoomKind::Corridor || r.kind == world::RoomKind::Classroom ||
            r.kind == world::RoomKind::Hall || r.kind == world::RoomKind::Office) {
            fire::DetectorDef det;
            det.id = id + ".smoke_detector";
            det.room = id;
            glm::vec3 c = box.center();
            det.positionM = {c.x, c.y, box.max.z - 0.05};
            det.kind = fire::DetectorKind::Smoke;
            // Smoke reaches the chamber through its entry with a lag (Heskestad 1975): L = 1.8 m,
            // the characteristic length measured for ionization detectors (NFPA 72 Annex B);
            // photoelectric ones measure from that up to about 14 m, so this is the quick end.
            det.characteristicLengthM = 1.8;
            def.detectors.push_back(det);
        }
    }

    // Heat goes through the walls and floor slabs between the rooms (CFAST's surface connections),
    // wherever two rooms' boxes face each other across one.
    fire::connectFacingRooms(def);

    auto roomIndex = [&](const std::string& id) -> int {
        for (std::size_t i = 0; i < d.rooms.size(); ++i)
            if (d.rooms[i].id == id) return static_cast<int>(i);
        return -1;
    };
    std::map<std::string, int> doorToOpening, windowToOpening;
    for (const world::Door& door : d.doors) {
        int a = roomIndex(door.roomA);
        int b = door.roomB == "outside" ? -1 : roomIndex(door.roomB);
        if (a < 0) continue;
        int za = roomToZone[static_cast<std::size_t>(a)], zb = b >= 0 ? roomToZone[static_cast<std::size_t>(b)] : -1;
        if (za == zb) continue;
        // The opening is measured from roomA's floor; keep a storey room as roomA where there is one.
        if (zb >= 0 && zoneBoxes[static_cast<std::size_t>(za)].size().z > zoneBoxes[static_cast<std::size_t>(zb)].size().z + 0.5f)
            std::swap(za, zb);
        fire::OpeningDef o;
        o.id = door.id;
        o.roomA = zoneIds[static_cast<std::size_t>(za)];
        o.roomB = zb >= 0 ? zoneIds[static_cast<std::size_t>(zb)] : fire::kOutside;
        o.widthM = door.widthM;
        o.heightM = door.heightM;
        o.sillM = std::max(0.0, static_cast<double>(door.centerM.z - zoneBoxes[static_cast<std::size_t>(za)].min.z));
        o.open = !door.isExit;  // drills: inner doors stand open, exit doors are shut
        o.placed = true;        // its door-jet flames radiate from the doorway
        o.centerXM = door.centerM.x;
        o.centerYM = door.centerM.y;
        if (zb < 0) o.outwardX = door.normal.x, o.outwardY = door.normal.y;  // roomA to outside
        doorToOpening[door.id] = static_cast<int>(def.openings.size());
        def.openings.push_back(o);
    }
    // Windows: shut, their glass heated through until it cracks and falls out (the fire gets air).
    for (const world::Window& w : d.windows) {
        const int a = roomIndex(w.room);
        if (a < 0) continue;
        const int za = roomToZone[static_cast<std::size_t>(a)];
        const world::Aabb& box = zoneBoxes[static_cast<std::size_t>(za)];
        fire::OpeningDef o;
        o.id = w.id;
        o.roomA = zoneIds[static_cast<std::size_t>(za)];
        o.widthM = w.widthM;
        o.heightM = std::min(static_cast<double>(w.heightM), static_cast<double>(box.max.z - w.centerM.z));
        o.sillM = std::max(0.0, static_cast<double>(w.centerM.z - box.min.z));
        o.open = false;
        o.glazing.kind = w.glazing == "toughened" ? fire::GlassKind::Toughened : fire::GlassKind::Float;
        o.glazing.panes = w.panes;
        o.glazing.thicknessM = w.glassThicknessM;
        if (o.glazing.kind == fire::GlassKind::Float) o.glassBreaksAtC = fire::kSingleGlazingFalloutC;
        o.placed = true;
        o.centerXM = w.centerM.x;
        o.centerYM = w.centerM.y;
        o.outwardX = w.normal.x;  // its facade: flames out of the windows below heat it
        o.outwardY = w.normal.y;
        windowToOpening[w.id] = static_cast<int>(def.openings.size());
        def.openings.push_back(o);
    }

    // The scenario's fuel items: what its fires can spread to (fire_model_spread.cpp).
    for (const scenario::FuelItemDef& it : scenario.items) {
        const scenario::FireDef& f = it.fire;
        const int r = roomIndex(f.room);
        if (r < 0) return makeError("no room '" + f.room + "' in district " + d.manifestPath, f.source.file, f.source.line, f.source.field + ".room");
        const std::string& zoneId = zoneIds[static_cast<std::size_t>(roomToZone[static_cast<std::size_t>(r)])];
        fire::ItemDef item;
        item.id = f.id;
        item.fire = toFireDef(f, d.rooms[static_cast<std::size_t>(r)], zoneId);
        item.room = zoneId;
        item.positionM = item.fire.positionM;
        item.criticalFluxKwM2 = it.criticalFluxKwM2;
        item.fluxTimeProductKjM2 = it.fluxTimeProductKjM2;
        item.fluxTimeExponent = it.fluxTimeExponent;
        item.igniteAtS = it.igniteAtS.value_or(-1.0);
        item.line = f.source.line;
        def.items.push_back(std::move(item));
    }

    // The scenario's sprinkler system: heads on a grid under the ceilings of its rooms.
    if (const auto& sp = scenario.sprinklers) {
        std::set<int> zones;
        for (const std::string& id : sp->rooms) {
            const int r = roomIndex(id);
            if (r < 0) return makeError("no room '" + id + "' in district " + d.manifestPath, sp->source.file, sp->source.line, sp->source.field);
            zones.insert(roomToZone[static_cast<std::size_t>(r)]);
        }
        for (const int z : zones) {
            const world::Aabb& box = zoneBoxes[static_cast<std::size_t>(z)];
            const glm::vec3 size = box.size();
            const SprinklerGrid grid = sprinklerGrid(size.x, size.y, sp->spacingM);
            for (int j = 0; j < grid.ny; ++j)
                for (int i = 0; i < grid.nx; ++i) {
                    fire::SprinklerDef head;
                    head.id = zoneIds[static_cast<std::size_t>(z)] + ".sprinkler." + std::to_string(j * grid.nx + i + 1);
                    head.room = zoneIds[static_cast<std::size_t>(z)];
                    head.positionM = {box.min.x + (i + 0.5) * size.x / grid.nx, box.min.y + (j + 0.5) * size.y / grid.ny,
                                      box.max.z - kSprinklerBelowCeilingM};
                    head.rtiMS = sp->rtiMS;
                    head.activationTempC = sp->activationTempC;
                    head.sprayDensityMmS = sp->densityMmMin / 60.0;
                    head.line = sp->source.line;
                    def.sprinklers.push_back(std::move(head));
                }
        }
    }

    auto model = fire::FireModel::create(def);
    if (!model) return model.error();
    auto impl = std::make_unique<Impl>(std::move(*model));
    impl->scenario = &scenario;
    impl->district = &d;
    impl->roomToZone = std::move(roomToZone);
    impl->zoneIds = std::move(zoneIds);
    impl->doorToOpening = std::move(doorToOpening);
    impl->windowToOpening = std::move(windowToOpening);
    for (const world::Window& w : d.windows)
        if (auto it = impl->windowToOpening.find(w.id); it != impl->windowToOpening.end())
            impl->outsideOpenings.push_back({it->second, w.centerM, w.normal, w.heightM});
    for (const world::Door& door : d.doors)
        if (auto it = impl->doorToOpening.find(door.id); it != impl->doorToOpening.end() && door.roomB == "outside")
            impl->outsideOpenings.push_back({it->second, door.centerM, door.normal, door.heightM});
    return std::unique_ptr<FireHazard>(new FireHazard(std::move(impl)));
}

Status FireHazard::ignite(const std::string& fireId) {
    for (const auto& f : impl_->scenario->fires) {
        if (f.id != fireId) continue;
        const world::Room* room = impl_->district->findRoom(f.room);
        if (!room) return makeError("no room '" + f.room + "'", f.source.file, f.source.line, f.source.field + ".room");
        int zone = impl_->zoneOf(*room);
        auto r = impl_->model.ignite(toFireDef(f, *room, impl_->zoneIds[static_cast<std::size_t>(zone)]));
        if (!r) return r.error();
        return Ok{};
    }
    for (const auto& it : impl_->scenario->items)
        if (it.fire.id == fireId) return makeError("'" + fireId + "' is an [[item]]: it catches fire from the heat on it, not by command");
    return makeError("no fire '" + fireId + "' in the scenario");
}

namespace {
/// Every fire the scenario can have: its [[fire]]s and the fires its [[item]]s become.
std::vector<const scenario::FireDef*> scenarioFires(const scenario::ScenarioDef& s) {
    std::vector<const scenario::FireDef*> out;
    for (const auto& f : s.fires) out.push_back(&f);
    for (const auto& it : s.items) out.push_back(&it.fire);
    return out;
}
/// The scenario fire (or item's fire) of that id, nullptr if none. No allocation: flames() calls
/// it for every burning fire, and flames() runs for every person the crowd samples.
const scenario::FireDef* scenarioFire(const scenario::ScenarioDef& s, const std::string& id) {
    for (const auto& f : s.fires)
        if (f.id == id) return &f;
    for (const auto& it : s.items)
        if (it.fire.id == id) return &it.fire;
    return nullptr;
}
}  // namespace

Result<double> FireHazard::applyAgent(const std::string& fireId, const std::string& agentName, const glm::vec3& feetM,
                                      const world::Room* room) {
    Impl& m = *impl_;
    const scenario::FireDef* f = scenarioFire(*m.scenario, fireId);
    if (!f) return makeError("no fire '" + fireId + "' in the scenario");
    fire::AgentApplication app;
    if (agentName != "hose") {
        if (!fire::parseAgent(agentName, app.agent))
            return makeError("unknown agent '" + agentName + "' (water, foam, co2, powder, wet_chemical or hose)");
        const fire::AgentProperties& unit = fire::agentProperties(app.agent);
        app.flowKgS = unit.flowKgS;
        app.durationS = unit.dischargeTimeS;
    }
    const int i = m.model.fireIndex(fireId);
    const fire::FireState st = i >= 0 ? m.model.fireState(i) : fire::FireState{};
    if (!st.ignited || st.extinguished || st.burnedOut) return makeError("the fire '" + fireId + "' is not burning");
    const world::Room* fireRoom = m.district->findRoom(f->room);
    if (!room || !fireRoom || m.zoneOf(*room) != m.zoneOf(*fireRoom))
        return makeError("the fire '" + fireId + "' burns in " + f->room + ": go into that room to fight it");
    const glm::vec3 base = fireBase(*f, fireRoom);
    const double distanceM = std::hypot(feetM.x - base.x, feetM.y - base.y);
    if (agentName == "hose") app = fire::hoseStream(kHoseBurstS, distanceM);
    app.distanceM = distanceM;
    if (auto s = m.model.applyAgent(i, app); !s) return s.error();
    return distanceM;
}

Result<double> FireHazard::sprayIntoLayer(const world::Room* room, double nozzleZM, double pulseS) {
    Impl& m = *impl_;
    if (!room) return makeError("outdoors there is no smoke layer to cool");
    const int zone = m.zoneOf(*room);
    const fire::RoomDef& z = m.model.def().rooms[static_cast<std::size_t>(zone)];
    fire::WaterSpray spray;  // the hose's 2 kg/s on a fog setting
    spray.durationS = pulseS;
    spray.nozzleHeightM = std::clamp(nozzleZM - z.originM.z, 0.0, z.sizeM.z);
    return m.model.sprayIntoLayer(zone, spray);
}

std::string FireHazard::nearestBurningFire(const glm::vec3& p, const world::Room* room) const {
    const Impl& m = *impl_;
    if (!room) return "";
    const int zone = m.zoneOf(*room);
    std::string best;
    double bestD = 1e300;
    for (const scenario::FireDef* f : scenarioFires(*m.scenario)) {
        const int i = m.model.fireIndex(f->id);
        if (i < 0) continue;
        const fire::FireState st = m.model.fireState(i);
        const world::Room* fr = m.district->findRoom(f->room);
        if (!st.ignited || st.extinguished || st.burnedOut || !fr) continue;
        if (m.zoneOf(*fr) != zone) continue;
        const glm::vec3 base = fireBase(*f, fr);
        const double d = std::hypot(p.x - base.x, p.y - base.y);
        if (d < bestD) {
            bestD = d;
            best = f->id;
        }
    }
    return best;
}

double FireHazard::distanceToFire(const std::string& fireId, const glm::vec3& p) const {
    const scenario::FireDef* f = scenarioFire(*impl_->scenario, fireId);
    if (!f) return -1.0;
    const glm::vec3 base = fireBase(*f, impl_->district->findRoom(f->room));
    return std::hypot(p.x - base.x, p.y - base.y);
}

double FireHazard::agentReachM(const std::string& agent) {
    if (agent == "hose") return fire::hoseStream(kHoseBurstS, 0.0).rangeM;
    fire::Agent a;
    return fire::parseAgent(agent, a) ? fire::agentProperties(a).rangeM : 0.0;
}

double FireHazard::flameFluxKwM2(const glm::vec3& p, const world::Room* room) const {
    if (!room) return 0.0;
    const int zone = impl_->zoneOf(*room);
    const double chi = fire::FireDef{}.radiativeFraction;  // the scenario's fires keep the model's default
    double flux = 0.0;
    for (const FlameView& f : flames()) {
        if (!f.room || impl_->zoneOf(*f.room) != zone) continue;
        flux += fire::flameFluxKwM2(f.hrrKw, chi, {f.baseM.x, f.baseM.y, f.baseM.z}, f.heightM, f.diameterM, {p.x, p.y, p.z});
    }
    // Door-jet fires: a fuel-rich layer flowing out of a doorway burns where it meets this room's
    // air (the flames out of a door opened onto a starved room). The doors are placed openings of
    // the model, which takes each as a point source in the doorway.
    return flux + impl_->model.jetFlameFluxKwM2(zone, {p.x, p.y, p.z});
}

Status FireHazard::setDoorOpen(const std::string& doorId, bool open) {
    auto it = impl_->doorToOpening.find(doorId);
    if (it == impl_->doorToOpening.end()) {
        if (impl_->district->findDoor(doorId)) return Ok{};  // a door inside one compartment
        return makeError("no door '" + doorId + "' in the district");
    }
    impl_->model.setOpeningOpen(it->second, open);
    return Ok{};
}

Status FireHazard::setWindowOpen(const std::string& windowId, bool open) {
    auto it = impl_->windowToOpening.find(windowId);
    if (it == impl_->windowToOpening.end()) return makeError("no window '" + windowId + "' in the district");
    impl_->model.setOpeningOpen(it->second, open);  // a pane that fell out stays open
    return Ok{};
}

bool FireHazard::windowOpen(const std::string& windowId) const {
    auto it = impl_->windowToOpening.find(windowId);
    return it != impl_->windowToOpening.end() && impl_->model.openingOpen(it->second);
}

bool FireHazard::doorOpen(const std::string& doorId) const {
    auto it = impl_->doorToOpening.find(doorId);
    return it == impl_->doorToOpening.end() || impl_->model.openingOpen(it->second);
}

void FireHazard::step(double dtS) {
    // The model keeps its own (up to 0.5 s) steps and follows the session clock: stepping it
    // at every 1/60 s tick would cost about 30 times more for the same answer.
    impl_->clockS += dtS;
    impl_->model.advanceTo(impl_->clockS);
    bool wentOut = false;
    for (const auto& e : impl_->model.drainEvents()) {
        if (e.type == fire::FireEventType::OpeningChanged || e.type == fire::FireEventType::Ignition) continue;
        HazardEvent h;
        h.kind = eventKind(e.type);
        // An item that caught is named by its own id, which is the id of the fire it became; a
        // window whose glass broke, by the window's.
        if ((e.type == fire::FireEventType::ItemIgnited || e.type == fire::FireEventType::Reignited) && e.fire >= 0) h.subject = impl_->model.fireId(e.fire);
        else if (e.type == fire::FireEventType::ItemWetted)
            h.subject = impl_->model.def().items[static_cast<std::size_t>(e.device)].id;
        else if (e.type == fire::FireEventType::GlassBroke || e.type == fire::FireEventType::GlassCracked ||
                 e.type == fire::FireEventType::ExternalFlames)
            h.subject = impl_->model.def().openings[static_cast<std::size_t>(e.device)].id;
        else if (e.room >= 0) h.subject = impl_->zoneIds[static_cast<std::size_t>(e.room)];
        else if (e.fire >= 0) h.subject = impl_->model.fireId(e.fire);
        h.value = e.value;
        h.text = impl_->model.describe(e);
        wentOut |= e.type == fire::FireEventType::Extinguished || e.type == fire::FireEventType::Burnout;
        impl_->events.push_back(std::move(h));
    }
    if (!wentOut || !burning().empty()) return;
    // The last burning fire went out: the scenario's fires and whatever they spread to.
    int burned = 0, putOut = 0;
    for (int i = 0; i < impl_->model.fireCount(); ++i) {
        const fire::FireState st = impl_->model.fireState(i);
        burned += st.ignited;
        putOut += st.extinguished;
    }
    char text[128];
    std::snprintf(text, sizeof text, "no fire burns: %d put out, %d burnt out", putOut, burned - putOut);
    impl_->events.push_back({"fire.all_out", "", static_cast<double>(burned), text});
}

std::vector<std::string> FireHazard::burning() const {
    std::vector<std::string> out;
    for (int i = 0; i < impl_->model.fireCount(); ++i) {
        const fire::FireState st = impl_->model.fireState(i);
        if (st.ignited && !st.extinguished && !st.burnedOut) out.push_back(impl_->model.fireId(i));
    }
    return out;
}

HazardSample FireHazard::sample(const glm::vec3& p, const world::Room* room) const {
    fire::FireSample f;
    if (room) {
        f = impl_->model.sampleRoom(impl_->zoneOf(*room), p.x, p.y, p.z);
    } else {
        f = impl_->model.sample({p.x, p.y, p.z});
    }
    HazardSample s;
    s.temperatureC = f.temperatureC;
    s.layerHeightM = f.room >= 0 ? f.layerHeightM : 99.0;
    s.visibilityM = f.visibilityM;
    s.coPpm = f.coPpm;
    s.co2Pct = f.co2Pct;
    s.o2Pct = f.o2Pct;
    s.hcnPpm = f.hcnPpm;
    s.sootKgM3 = f.sootKgM3;
    // sampleRoom gives the layer's radiation; the flames' is added here (sample(p) has both).
    s.radiantFluxKwM2 = f.radiantFluxKwM2 + (room ? flameFluxKwM2(p, room) : 0.0);
    return s;
}

std::vector<HazardEvent> FireHazard::drainEvents() {
    std::vector<HazardEvent> out;
    out.swap(impl_->events);
    return out;
}

void FireHazard::hash(StateHasher& h) const { impl_->model.hash(h); }

std::vector<RoomSmoke> FireHazard::smoke() const {
    std::vector<RoomSmoke> out;
    const auto& rooms = impl_->district->rooms;
    for (std::size_t i = 0; i < rooms.size(); ++i) {
        int zone = impl_->roomToZone[i];
        if (zone < 0) continue;
        fire::RoomState st = impl_->model.roomState(zone);
        if (st.upperSootKgM3 < 1e-7) continue;
        // The stretches of the room under the layer (a corridor's smoke front may not have
        // reached its far end yet).
        const double zoneFloor = impl_->model.def().rooms[static_cast<std::size_t>(zone)].originM.z;
        for (const fire::SmokeCover& c : impl_->model.smokeCover(zone)) {
            RoomSmoke s;
            s.room = &rooms[i];
            s.box = rooms[i].box;
            s.box.min.x = std::max(s.box.min.x, static_cast<float>(c.x0));
            s.box.min.y = std::max(s.box.min.y, static_cast<float>(c.y0));
            s.box.max.x = std::min(s.box.max.x, static_cast<float>(c.x1));
            s.box.max.y = std::min(s.box.max.y, static_cast<float>(c.y1));
            if (s.box.min.x >= s.box.max.x || s.box.min.y >= s.box.max.y) continue;
            // The shaft's interface is measured from its bottom; express it per storey room.
            s.layerHeightM = std::max(0.0, zoneFloor + c.layerHeightM - rooms[i].box.min.z);
            s.upperTempC = st.upperTempC;
            s.extinctionPerM = fire::extinctionCoefficientPerM(st.upperSootKgM3);
            out.push_back(s);
        }
    }
    return out;
}

std::vector<FireSeat> FireHazard::seats() const {
    std::vector<FireSeat> out;
    std::vector<const scenario::FireDef*> onSeats;
    for (const auto& f : impl_->scenario->fires) onSeats.push_back(&f);
    for (const auto& it : impl_->scenario->items)
        if (!it.size) onSeats.push_back(&it.fire);
    for (const scenario::FireDef* f : onSeats) {
        const world::Room* room = impl_->district->findRoom(f->room);
        if (!room) continue;
        out.push_back({fireBase(*f, room), fire::equivalentDiameterM(f->areaM2), room->box.min.z});
    }
    return out;
}

std::vector<ItemView> FireHazard::items() const {
    std::vector<ItemView> out;
    for (const auto& it : impl_->scenario->items) {
        if (!it.size || !it.fire.position) continue;
        const scenario::Vec3& p = *it.fire.position;
        const scenario::Vec3& e = *it.size;
        const int i = impl_->model.fireIndex(it.fire.id);
        out.push_back({glm::vec3(p.x, p.y, p.z), 0.5f * glm::vec3(e.x, e.y, e.z), i >= 0 && impl_->model.fireState(i).ignited});
    }
    return out;
}

std::vector<SprinklerView> FireHazard::sprinklers() const {
    const auto& m = impl_->model;
    std::vector<SprinklerView> out;
    for (std::size_t i = 0; i < m.def().sprinklers.size(); ++i) {
        const fire::Point3& p = m.def().sprinklers[i].positionM;
        out.push_back({glm::vec3(p.x, p.y, p.z), m.sprinklerOpenedS(static_cast<int>(i)) >= 0.0});
    }
    return out;
}

std::vector<FlameView> FireHazard::flames() const {
    std::vector<FlameView> out;
    const auto& m = impl_->model;
    for (int i = 0; i < m.fireCount(); ++i) {
        fire::FireState st = m.fireState(i);
        if (!st.ignited || st.hrrKw < 1.0) continue;
        // The model's fires are the scenario's and its items', in the order they caught.
        const scenario::FireDef* def = scenarioFire(*impl_->scenario, m.fireId(i));
        if (!def) continue;
        const world::Room* room = impl_->district->findRoom(def->room);
        FlameView v;
        v.room = room;
        v.baseM = fireBase(*def, room);
        v.hrrKw = st.hrrKw;
        v.diameterM = fire::equivalentDiameterM(def->areaM2);
        v.heightM = std::max(0.2, fire::heskestadFlameHeightM(st.hrrKw, v.diameterM));
        out.push_back(v);
    }
    // Flames out of windows and exit doors of a flashed-over room (EN 1991-1-2 Annex B): drawn
    // outside, L_H out from the facade, from the opening's mid-height to L_L above its top.
    for (const Impl::OutsideOpening& o : impl_->outsideOpenings) {
        const fire::ExternalFlame f = m.externalFlame(o.opening);
        if (!f.present) continue;
        FlameView v;
        v.baseM = o.sillCentreM + o.normal * static_cast<float>(f.projectionM) + glm::vec3(0.0f, 0.0f, 0.5f * o.heightM);
        v.hrrKw = f.hrrKw;
        v.diameterM = f.widthM;  // Annex B: as wide as the opening
        v.heightM = f.heightM + 0.5 * o.heightM;
        out.push_back(v);
    }
    return out;
}

}  // namespace cd::app
