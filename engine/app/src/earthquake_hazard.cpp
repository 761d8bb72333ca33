// The earthquake hazard over a session. Sections, in order (search for the function names):
//   [motion]    motionOf: a shaking's record or parametric motion, scaled to its jma_intensity
//   [build]     EarthquakeHazard::build: the physics world of the building, its furniture,
//               leaves, breakable structure and casualties, and the filtered records
//   [step]      advanceTo, heat, drainEvents, feltAccelerationMS2: the shaking, the scripted
//               collapses and fire weakening over time
//   [strikes]   somethingFalling, struckBy: what falling debris and items do to people
//   [doors]     followDoors .. doorPressed: leaves, shut doors and blocked passages
//   (what the renderer draws and cuts away, and the figures for the report:
//    earthquake_hazard_drawing.cpp)
//   [trainee]   addTrainee .. clearWalk: the trainee's capsule in the physics world
//   [rescue]    casualties, debrisOn, debrisInWay, carryAway: freeing the trapped
#include "earthquake_hazard.h"
#include "earthquake_hazard_impl.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include <glm/common.hpp>
#include <glm/geometric.hpp>

#include "building_physics.h"
#include "crowd_furniture.h"
#include "physics/ground_motion.h"
#include "physics/physics_world.h"
#include "physics/seismic_intensity.h"

namespace cd::app {

namespace {

// Floors 1..N's motion under a record, JMA-filtered: the sway fed the record at its own samples,
// then 5 s of ringing after it; the vertical is the ground's.
std::vector<physics::GroundMotion> feltOnFloors(const physics::GroundMotion& m, physics::BuildingSway sway) {
    sway.reset();
    std::vector<physics::GroundMotion> floors(static_cast<std::size_t>(sway.storeys()));
    const std::size_t n = m.timeS.size();
    const double dt = n > 1 ? m.timeS[1] - m.timeS[0] : 0.01;
    const auto tail = static_cast<std::size_t>(5.0 / dt);
    double prevT = n > 0 ? m.timeS[0] - dt : 0.0;
    for (std::size_t k = 0; k < n + tail; ++k) {
        const glm::vec3 a = k < n ? m.accelMS2[k] : glm::vec3(0.0f);
        const double t = k < n ? m.timeS[k] : prevT + dt;
        sway.step(glm::vec2(a.x, a.y), t - prevT);
        prevT = t;
        for (int j = 1; j <= sway.storeys(); ++j) {
            const glm::vec2 f = sway.floorAccelerationMS2(j);
            floors[static_cast<std::size_t>(j - 1)].timeS.push_back(t);
            floors[static_cast<std::size_t>(j - 1)].accelMS2.emplace_back(f.x, f.y, a.z);
        }
    }
    for (physics::GroundMotion& f : floors) {
        f.source = m.source;
        f = physics::jmaFiltered(f);
    }
    return floors;
}
constexpr float kStrikeSpeedMS = 1.0f;  // debris slower than this pushes, it does not strike
constexpr float kStrikeReachM = 0.1f;   // debris this close to the body counts as touching it
// A leaf in a breakable wall hangs on the wall chunks within kFrameReachM of its hinge line,
// from the floor to kFrameAboveM over the leaf's top (the lintel).
constexpr float kFrameReachM = 0.1f;
constexpr float kFrameAboveM = 0.3f;
constexpr double kG = 9.81;

const glm::vec3 kDeskColor{0.62f, 0.45f, 0.26f}, kShelfColor{0.35f, 0.22f, 0.12f}, kLightColor{0.85f, 0.85f, 0.8f};
const glm::vec3 kExtinguisherColor{0.8f, 0.08f, 0.06f};
// What a walker must find room for: everything but door leaves, which they push open.
constexpr std::uint32_t kWalkerBlockers = physics::kQueryAll & ~physics::kQueryDoors;
const glm::vec3 kBrickColor{0.55f, 0.3f, 0.22f};

glm::vec3 bodyColor(const physics::DynamicBodyDef& b) {
    if (b.kind == physics::BodyKind::HangingItem) return kLightColor;
    if (b.kind == physics::BodyKind::Extinguisher) return kExtinguisherColor;
    return isDesk(b) ? kDeskColor : kShelfColor;
}
// A shaking's ground motion: its record, or the parametric model, scaled to its jma_intensity
// when it has one (the filters are linear: scaling by k adds 2 log10 k to I). Errors name the
// field (prefix "earthquake." or "earthquake.aftershock[i].").
Result<physics::GroundMotion> motionOf(const scenario::ShakingDef& s, const std::string& file, int line, const std::string& prefix) {
    Result<physics::GroundMotion> m = physics::GroundMotion{};
    if (!s.recordPath.empty()) {
        m = physics::loadGroundMotionCsv(s.recordPath);
        if (!m) return m;
    } else {
        physics::ParametricGroundMotion p;
        p.pgaMS2 = s.pgaG * kG;
        p.dominantPeriodS = s.periodS;
        p.durationS = s.durationS;
        p.seed = s.recordSeed;
        m = physics::makeParametricGroundMotion(p);
        if (!m) return makeError(m.error().message, file, line, prefix + m.error().field);
    }
    if (s.jmaIntensity > 0.0) {
        const physics::SeismicIntensity now = physics::jmaIntensity(*m);
        if (!(now.aGal > 0.0)) return makeError("the record never shakes: there is no intensity to scale", file, line, prefix + "jma_intensity");
        const double k = std::pow(10.0, (s.jmaIntensity - now.rawI) / 2.0);
        for (glm::vec3& a : m->accelMS2) {
            a *= static_cast<float>(k);
            if (glm::length(a) > 100.0f) {
                char text[160];
                std::snprintf(text, sizeof text, "scaled by %.3g to reach it the record would exceed 100 m/s^2 (it reads %.2f as it is)", k, now.rawI);
                return makeError(text, file, line, prefix + "jma_intensity");
            }
        }
    }
    return m;
}

// The rooms of the building whose hot gas heats a structural member in a fire, face by face
// (physics::MemberGas): a slab's underside, the room under it (it is that room's ceiling), its top
// the room over it; a wall's faces, the rooms either side of it along its thickness; a column or
// beam, the rooms it stands in or bounds, all round.
EarthquakeHazard::Impl::MemberRooms roomsAround(const physics::MemberDef& m, const world::District& d, const std::string& building) {
    constexpr float kReachM = 0.15f;  // a member's face lies within this of the rooms it bounds
    constexpr float kSlabReachM = 0.5f;
    constexpr float kSlabOverM = 0.3f;  // more than a slab's bearing on a wall
    const glm::vec3 lo = m.centerM - m.halfExtentsM, hi = m.centerM + m.halfExtentsM;
    const int across = m.halfExtentsM.x <= m.halfExtentsM.y ? 0 : 1;  // a wall's thickness
    EarthquakeHazard::Impl::MemberRooms out;
    for (const world::Room& r : d.rooms) {
        if (r.building != building) continue;
        const world::Aabb& b = r.box;
        if (lo.x >= b.max.x + kReachM || hi.x <= b.min.x - kReachM || lo.y >= b.max.y + kReachM || hi.y <= b.min.y - kReachM)
            continue;
        if (m.kind == physics::MemberKind::Slab) {
            // Over the room, not only bearing on its walls' tops.
            if (std::min(hi.x, b.max.x) - std::max(lo.x, b.min.x) < kSlabOverM || std::min(hi.y, b.max.y) - std::max(lo.y, b.min.y) < kSlabOverM)
                continue;
            if (std::fabs(b.max.z - lo.z) <= kSlabReachM && b.max.z <= m.centerM.z) out.front.push_back(&r);
            else if (std::fabs(b.min.z - hi.z) <= kSlabReachM && b.min.z >= m.centerM.z) out.back.push_back(&r);
            continue;
        }
        if (!(lo.z < b.max.z && hi.z > b.min.z)) continue;
        const bool front = m.kind != physics::MemberKind::Wall || 0.5f * (b.min[across] + b.max[across]) < m.centerM[across];
        (front ? out.front : out.back).push_back(&r);
    }
    return out;
}

}  // namespace

EarthquakeHazard::EarthquakeHazard(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
EarthquakeHazard::~EarthquakeHazard() = default;

Result<std::unique_ptr<EarthquakeHazard>> EarthquakeHazard::build(const scenario::ScenarioDef& sc, const world::District& d) {
    if (!sc.earthquake) return std::unique_ptr<EarthquakeHazard>();
    const scenario::EarthquakeDef& eq = *sc.earthquake;
    auto impl = std::make_unique<Impl>();
    impl->def = &eq;
    impl->source = sc.path;
    impl->traineeLine = sc.trainee.source.line;

    if (!eq.buildingType.empty()) {
        const auto design = physics::seismicDesignNamed(eq.seismicDesign);
        if (!design)
            return makeError("unknown seismic design level '" + eq.seismicDesign + "' (HAZUS's: high, moderate, low, pre)", sc.path,
                             eq.source.line, "earthquake.seismic_design");
        impl->damageThresholds = physics::hazusDriftThresholds(eq.buildingType, *design);
        if (!impl->damageThresholds) {
            const bool known = physics::hazusDriftThresholds(eq.buildingType, physics::SeismicDesign::Pre).has_value();
            return makeError(known ? "HAZUS gives " + eq.buildingType + " no " + eq.seismicDesign +
                                         "-code design (it is not built to that code): give low or pre"
                                   : "unknown building type '" + eq.buildingType + "' (HAZUS's model building types here: " +
                                         physics::hazusBuildingTypes() + ")",
                             sc.path, eq.source.line, known ? "earthquake.seismic_design" : "earthquake.building_type");
        }
    }
    if (eq.groundMotion) {
        // The main shaking, then the aftershocks, each after the one before has stopped.
        auto motion = motionOf(eq.shaking, sc.path, eq.source.line, "earthquake.");
        if (!motion) return motion.error();
        impl->motions.push_back(std::move(*motion));
        impl->motionStartS.push_back(eq.atS);
        for (std::size_t i = 0; i < eq.aftershocks.size(); ++i) {
            const scenario::AftershockDef& a = eq.aftershocks[i];
            const std::string field = "earthquake.aftershock[" + std::to_string(i) + "].";
            auto m = motionOf(a.shaking, sc.path, a.source.line, field);
            if (!m) return m.error();
            const double endS = impl->motionStartS.back() + impl->motions.back().durationS();
            if (a.atS < endS) {
                char text[112];
                std::snprintf(text, sizeof text, "must be after the shaking before it has stopped (at %g s)", endS);
                return makeError(text, sc.path, a.source.line, field + "at_s");
            }
            impl->motions.push_back(std::move(*m));
            impl->motionStartS.push_back(a.atS);
        }
        for (const physics::GroundMotion& m : impl->motions) {
            impl->felt.push_back(physics::jmaFiltered(m));
            impl->intensity.push_back(physics::jmaIntensity(m));
        }
    }

    auto bp = buildingPhysicsOfScenario(sc, d);
    if (!bp) return bp.error();
    auto world = physics::PhysicsWorld::create(bp->world);
    if (!world) return world.error();
    impl->world = std::move(*world);
    // Upper floors shake harder than the ground: by ASCE/SEI 7-16 eq. 13.3-1 (1 + 2 z/h), or as
    // the building sways (physics/building_sway.h).
    const world::Building* building = d.findBuilding(eq.building);
    if (building && eq.floorResponse != "sway")
        impl->world->setFloorAmplification(building->box.min.z, building->box.max.z - building->box.min.z);
    if (building && eq.floorResponse == "sway") {
        physics::BuildingSwayDef sd;
        sd.baseZM = building->box.min.z;
        sd.storeys = building->storeys;
        sd.storeyHeightM = building->storeyHeightM;
        sd.periodS = static_cast<float>(eq.buildingPeriodS);
        sd.dampingRatio = static_cast<float>(eq.buildingDamping);
        sd.yieldCoefficient = static_cast<float>(eq.buildingYieldCoefficient);
        auto sway = physics::BuildingSway::create(sd, sc.path);
        if (!sway) return makeError(sway.error().message, sc.path, eq.source.line, "earthquake." + sway.error().field);
        impl->world->setBuildingSway(*sway);
        impl->sway = *sway;
        for (const physics::GroundMotion& m : impl->motions) impl->feltFloors.push_back(feltOnFloors(m, *sway));
        impl->buildingPeriodS = static_cast<float>(sway->periodS(1));
        impl->roofZ = sd.baseZM + static_cast<float>(sd.storeys) * sd.storeyHeightM;
        impl->buildingLo = building->box.min;
        impl->buildingHi = building->box.max;
    }
    for (std::size_t i = 0; i < bp->world.bodies.size(); ++i) {
        impl->movable.push_back(physics::makeId<physics::BodyId>(static_cast<std::uint32_t>(bp->world.staticBoxes.size() + i)));
        impl->colors.push_back(bodyColor(bp->world.bodies[i]));
        const auto& b = bp->world.bodies[i];
        impl->desk.push_back(isDesk(b));
        impl->furniture.push_back(b.kind == physics::BodyKind::Furniture);
        impl->tieDir.push_back(b.wallTieBreakForceN > 0.0f ? glm::inverse(b.orientation) * b.wallTieDir : glm::vec3(0.0f));
        impl->ties += b.wallTieBreakForceN > 0.0f;
        impl->striker.push_back(b.kind == physics::BodyKind::HangingItem    ? "a falling light fitting"
                                : b.kind == physics::BodyKind::Extinguisher ? "a falling extinguisher"
                                : impl->desk.back()                         ? ""  // held on to; it slides, it does not strike
                                : b.kind == physics::BodyKind::Furniture    ? "a toppling bookcase"
                                                                            : "a falling object");
        impl->startM.push_back(b.centerM);
    }
    const std::size_t firstDoor = bp->world.staticBoxes.size() + bp->world.bodies.size();
    impl->firstLeaf = impl->movable.size();
    for (std::size_t i = 0; i < bp->world.doors.size(); ++i) {
        impl->leaves.push_back(physics::makeId<physics::BodyId>(static_cast<std::uint32_t>(firstDoor + i)));
        impl->leafDoors.push_back(i < bp->leafDoors.size() ? bp->leafDoors[i] : std::string());
        impl->leafOpenRad.push_back(bp->world.doors[i].startAngleRad);
        impl->leafShut.push_back(0);
        impl->leafOff.push_back(0);
        impl->leafFrame.emplace_back();
        impl->movable.push_back(physics::makeId<physics::BodyId>(static_cast<std::uint32_t>(firstDoor + i)));
        impl->colors.push_back(kDoorColor);
        impl->desk.push_back(0);
        impl->tieDir.push_back(glm::vec3(0.0f));
        impl->furniture.push_back(0);
        impl->striker.push_back("");  // a door leaf swings, it does not strike
        impl->startM.push_back(glm::vec3(0.0f));
    }
    impl->firstChunk = impl->movable.size();
    if (bp->structure) {
        auto s = impl->world->addStructure(*bp->structure);
        if (!s) return makeError(s.error().message, sc.path, eq.source.line, "earthquake.structure_rooms");
        impl->structure = *s;
        const auto chunks = impl->world->structureChunks(*s);
        impl->chunkDefs = impl->world->structureChunkDefs(*s);
        for (const physics::MemberDef& m : bp->structure->members) impl->memberRooms.push_back(roomsAround(m, d, eq.building));
        impl->structureGroundZ = bp->structure->groundZM;
        impl->buildingMin = bp->buildingMinM;
        impl->buildingMax = bp->buildingMaxM;
        impl->roofStorey = bp->topStorey;
        for (const physics::ChunkDef& c : impl->chunkDefs)
            if (c.kind == physics::MemberKind::Slab && c.storey == impl->roofStorey)
                impl->roofSlabBottomZ = std::min(impl->roofSlabBottomZ.value_or(1e30f), c.centerM.z - c.halfExtentsM.z);
        for (std::size_t i = 0; i < chunks.size(); ++i) {
            impl->movable.push_back(chunks[i]);
            const bool slab = impl->chunkDefs[i].kind == physics::MemberKind::Slab;
            impl->colors.push_back(slab ? kConcreteColor : kBrickColor);
            impl->desk.push_back(0);
            impl->tieDir.push_back(glm::vec3(0.0f));
            impl->furniture.push_back(0);
            impl->striker.push_back("falling debris");
            impl->startM.push_back(glm::vec3(0.0f));
        }
        // A leaf in a breakable wall hangs on its frame: the wall chunks at its hinge line, from
        // the floor to above the lintel. When one of them comes loose the leaf comes off with it.
        for (std::size_t i = 0; i < bp->world.doors.size() && i < bp->leafInBreakableWall.size(); ++i) {
            if (!bp->leafInBreakableWall[i]) continue;
            const physics::DoorDef& leaf = bp->world.doors[i];
            for (std::size_t c = 0; c < chunks.size(); ++c) {
                const physics::ChunkDef& k = impl->chunkDefs[c];
                if (k.kind != physics::MemberKind::Wall) continue;
                const glm::vec3 lo = k.centerM - k.halfExtentsM, hi = k.centerM + k.halfExtentsM;
                const float dx = std::max({lo.x - leaf.hingeM.x, 0.0f, leaf.hingeM.x - hi.x});
                const float dy = std::max({lo.y - leaf.hingeM.y, 0.0f, leaf.hingeM.y - hi.y});
                const float top = leaf.hingeM.z + leaf.heightM + kFrameAboveM;
                const float dz = std::max({lo.z - top, 0.0f, leaf.hingeM.z - hi.z});
                if (dx * dx + dy * dy + dz * dz <= kFrameReachM * kFrameReachM) impl->leafFrame[i].push_back(chunks[c]);
            }
        }
    }
    for (std::size_t i = 0; i < impl->movable.size(); ++i) {
        const auto b = static_cast<std::size_t>(impl->movable[i].index);
        if (b >= impl->movableOf.size()) impl->movableOf.resize(b + 1, -1);
        impl->movableOf[b] = static_cast<int>(i);
    }
    for (const auto& p : bp->passages)
        if (auto id = impl->world->watchPassage(p); !id) return makeError(id.error().message, sc.path, eq.source.line, "earthquake");
    impl->passageDoors = bp->passageDoors;
    for (const auto& c : eq.casualties) {
        const glm::vec3 p(c.position.x, c.position.y, c.position.z);
        if (!d.roomNear(p, 0.3f))
            return makeError("the casualty is not in a room of the district", sc.path, c.source.line, c.source.field + ".position");
        physics::CasualtyDef casualty;
        casualty.pointM = p + glm::vec3(0.0f, 0.0f, 0.3f);  // lying: the body's centre 0.3 m above the floor
        casualty.tag = impl->casualtyIds.size();
        auto id = impl->world->addCasualty(casualty);
        if (!id) return makeError(id.error().message, sc.path, c.source.line, c.source.field + ".position");
        impl->casualties.push_back(*id);
        impl->casualtyIds.push_back(c.id);
        impl->casualtyPoints.push_back(p);
    }

    // The door panels last, open: followDoors() shuts those the fire model has shut.
    for (std::size_t i = 0; i < bp->doorPanels.size(); ++i) {
        auto id = impl->world->addDoorPanel(bp->doorPanels[i], false);
        if (!id) return makeError(id.error().message, sc.path, eq.source.line, "earthquake");
        impl->panels.push_back(*id);
        impl->panelDoors.push_back(bp->panelDoors[i]);
    }

    for (const auto& c : eq.collapses) {
        const world::Room* r = d.findRoom(c.room);
        if (!r) return makeError("no room '" + c.room + "' in district " + d.manifestPath, sc.path, c.source.line, c.source.field + ".room");
        // The part in plan, from the room's floor to above its ceiling slab (walls and slab fall).
        glm::vec3 lo = c.hasPart ? glm::vec3(c.x0, c.y0, 0.0) : r->box.min - glm::vec3(0.7f, 0.7f, 0.0f);
        glm::vec3 hi = c.hasPart ? glm::vec3(c.x1, c.y1, 0.0) : r->box.max + glm::vec3(0.7f, 0.7f, 0.0f);
        lo.z = r->box.min.z - 0.05f;
        hi.z = r->box.max.z + 1.5f;
        impl->collapseLo.push_back(lo);
        impl->collapseHi.push_back(hi);
        impl->collapsed.push_back(0);
    }
    return std::unique_ptr<EarthquakeHazard>(new EarthquakeHazard(std::move(impl)));
}

void EarthquakeHazard::advanceTo(double timeS) {
    Impl& im = *impl_;
    physics::PhysicsWorld& w = *im.world;
    const scenario::EarthquakeDef& eq = *im.def;
    const double stepS = w.stepS();
    while (w.timeS() + 0.5 * stepS <= timeS) {
        const double t = w.timeS();
        if (!im.shakingNow && im.nextMotion < im.motions.size() && t + 1e-9 >= im.motionStartS[im.nextMotion]) {
            const physics::GroundMotion& m = im.motions[im.nextMotion];
            im.shakingNow = true;
            w.setGroundMotion(m, t);
            im.startedAtS.push_back(t);
            const physics::SeismicIntensity& si = im.intensity[im.nextMotion];
            char text[256];
            std::snprintf(text, sizeof text, "%s: %s, peak %.2f m/s^2 (%.2f g), JMA intensity %.1f (%s), %.0f s",
                          im.nextMotion == 0 ? "the ground shakes" : "an aftershock", m.source.c_str(), m.peakHorizontalMS2(),
                          m.peakHorizontalMS2() / kG, si.instrumental, si.jmaClass.c_str(), m.durationS());
            im.emit(im.nextMotion == 0 ? "earthquake.start" : "earthquake.aftershock", eq.building, m.peakHorizontalMS2(), text);
        }
        if (im.shakingNow && t + 1e-9 >= im.motionStartS[im.nextMotion] + im.motions[im.nextMotion].durationS()) {
            im.shakingNow = false;
            w.stopGroundMotion();
            im.emit(im.nextMotion == 0 ? "earthquake.end" : "earthquake.aftershock_end", eq.building, 0.0,
                    im.nextMotion == 0 ? "the shaking stops" : "the aftershock stops");
            ++im.nextMotion;
        }
        for (std::size_t i = 0; i < eq.collapses.size(); ++i) {
            if (im.collapsed[i] || t + 1e-9 < eq.collapses[i].atS || !im.structure.valid()) continue;
            im.collapsed[i] = 1;
            w.triggerCollapse(im.structure, im.collapseLo[i], im.collapseHi[i]);
        }
        w.step();
        if (im.buildingPeriodS > 0.0f) {
            const glm::vec3 roof = w.floorAccelerationMS2(im.roofZ);
            im.peakRoofMS2 = std::max(im.peakRoofMS2, std::hypot(roof.x, roof.y));
        }
        // A yielded storey pushed past where the weight above outleans its strength gives way:
        // the breakable structure in that storey comes down (physics/building_sway.h, P-delta).
        if (const physics::BuildingSway* sway = w.buildingSway(); sway && im.storeyFailed == 0 && sway->failedStorey() > 0) {
            im.storeyFailed = sway->failedStorey();
            im.storeyFailedS = w.timeS();
            glm::vec3 lo = im.buildingLo, hi = im.buildingHi;
            lo.z = sway->baseZM() + static_cast<float>(im.storeyFailed - 1) * sway->storeyHeightM() - 0.05f;
            hi.z = sway->baseZM() + static_cast<float>(im.storeyFailed) * sway->storeyHeightM() + 1.5f;
            // Only the breakable structure (structure_rooms) can come down in the scene.
            if (im.structure.valid())
                for (const physics::ChunkDef& c : w.structureChunkDefs(im.structure))
                    im.storeyFailedModelled |= c.centerM.z > lo.z && c.centerM.z < hi.z;
            char text[240];
            std::snprintf(text, sizeof text,
                          "storey %d (between floors %d and %d) gives way: its drift reached %.2f m, where the weight above leans on it "
                          "harder than it holds",
                          im.storeyFailed, im.storeyFailed - 1, im.storeyFailed, sway->collapseDriftM(im.storeyFailed));
            im.emit("building.storey_failed", eq.building, im.storeyFailed, text);
            if (im.storeyFailedModelled) w.triggerCollapse(im.structure, lo, hi);
        }
        // Each storey's peak drift graded by HAZUS's thresholds: the building's worst state so far.
        if (const physics::BuildingSway* sway = w.buildingSway(); sway && im.damageThresholds)
            for (int st = 1; st <= sway->storeys(); ++st) {
                const double ratio = sway->peakDriftM(st) / sway->storeyHeightM();
                const physics::DamageState state = physics::damageStateAt(ratio, *im.damageThresholds);
                if (state <= im.worstDamage) continue;
                im.worstDamage = state;
                char text[200];
                std::snprintf(text, sizeof text, "storey %d drifted %.2f %% of its height: %s structural damage (HAZUS %s %s-code)", st,
                              100.0 * ratio, physics::damageStateName(state), eq.buildingType.c_str(), eq.seismicDesign.c_str());
                im.emit("building.damage", eq.building, static_cast<double>(state), text);
            }
        releaseLeavesOffTheirFrames();
        for (const physics::PhysicsEvent& e : w.pullEvents()) {
            using K = physics::PhysicsEventKind;
            switch (e.kind) {
                case K::CollapseStarted: {
                    const auto st = w.structureStats(im.structure);
                    im.emit("structure.collapse", eq.structureRooms.empty() ? eq.building : eq.structureRooms.front(), st.jointsBroken,
                            std::string(st.collapses > 1 ? "the structure fails again: " : "the structure starts to fail: ") +
                                std::to_string(st.jointsBroken) + (st.jointsBroken == 1 ? " joint" : " joints") + " broken");
                    break;
                }
                case K::DebrisFalling: {
                    im.emit("structure.falling", eq.structureRooms.empty() ? eq.building : eq.structureRooms.front(),
                            w.structureStats(im.structure).chunksLoose, "the structure comes down: pieces of it fall");
                    break;
                }
                case K::DebrisSettled: {
                    const auto st = w.structureStats(im.structure);
                    im.emit("structure.settled", eq.building, st.chunksLoose,
                            std::to_string(st.chunksLoose) + " of " + std::to_string(st.chunks) + " chunks came down");
                    break;
                }
                case K::PassageBlocked:
                case K::PassageCleared: {
                    if (e.tag >= im.passageDoors.size()) break;
                    const std::string& door = im.passageDoors[e.tag];
                    const bool blocked = e.kind == K::PassageBlocked;
                    if (blocked) blocked_.insert(door);
                    else blocked_.erase(door);
                    im.emit(blocked ? "passage.blocked" : "passage.cleared", door, 0.0,
                            blocked ? "debris blocks door " + door : "door " + door + " is passable again");
                    break;
                }
                case K::CasualtyTrapped:
                case K::CasualtyFreed: {
                    if (e.tag >= im.casualtyIds.size()) break;
                    const std::string& who = im.casualtyIds[e.tag];
                    const bool trapped = e.kind == K::CasualtyTrapped;
                    if (trapped) ++im.trapped;
                    else --im.trapped;
                    im.emit(trapped ? "casualty.trapped" : "casualty.freed", who, 0.0,
                            trapped ? who + " is trapped under debris: a rescue task" : who + " is no longer trapped");
                    break;
                }
                case K::AnchorBroken: {
                    if (w.bodyState(e.bodyA).kind == physics::BodyKind::Furniture) {  // a bookcase's wall tie
                        ++im.tiesTorn;
                        if (e.bodyA.index < im.movableOf.size() && im.movableOf[e.bodyA.index] >= 0)
                            im.tieDir[static_cast<std::size_t>(im.movableOf[e.bodyA.index])] = glm::vec3(0.0f);
                        im.emit("earthquake.tie_torn", "bookcase", im.tiesTorn, "a bookcase's wall tie tore out");
                        break;
                    }
                    ++im.itemsFallen;
                    const bool extinguisher = w.bodyState(e.bodyA).kind == physics::BodyKind::Extinguisher;
                    im.emit("earthquake.item_fell", extinguisher ? "extinguisher" : "light", im.itemsFallen,
                            extinguisher ? "a fire extinguisher fell off its hook" : "a ceiling light fell");
                    break;
                }
                case K::BodyLost:
                    // A model failure, recorded rather than hidden: the body tunnelled through the ground.
                    im.emit("physics.body_lost", std::to_string(e.bodyA.index), 0.0,
                            "a body fell through the ground and was taken out of the simulation");
                    break;
                default: break;
            }
        }
    }
}

void EarthquakeHazard::heat(const std::vector<RoomSmoke>& smoke, double dtS) {
    Impl& im = *impl_;
    if (!im.structure.valid()) return;
    // Each face of a member is heated by the hottest upper layer among the rooms on that side.
    std::vector<physics::MemberGas> gas(im.memberRooms.size());
    for (const RoomSmoke& r : smoke) {
        if (!r.room || !(r.upperTempC > 20.0)) continue;
        const auto c = static_cast<float>(r.upperTempC);
        for (std::size_t m = 0; m < im.memberRooms.size(); ++m) {
            for (const world::Room* around : im.memberRooms[m].front)
                if (around == r.room) gas[m].frontC = std::max(gas[m].frontC, c);
            for (const world::Room* around : im.memberRooms[m].back)
                if (around == r.room) gas[m].backC = std::max(gas[m].backC, c);
        }
    }
    im.world->heatStructure(im.structure, gas, static_cast<float>(dtS));
}

std::vector<HazardEvent> EarthquakeHazard::drainEvents() {
    std::vector<HazardEvent> out;
    out.swap(impl_->events);
    return out;
}

bool EarthquakeHazard::shaking() const { return impl_->shakingNow; }

glm::vec3 EarthquakeHazard::groundAccelerationMS2() const { return impl_->world->groundAccelerationMS2(); }

glm::vec3 EarthquakeHazard::floorAccelerationMS2(const glm::vec3& feetM) const {
    return impl_->world->floorAccelerationMS2(feetM.z + 0.1f);
}

bool EarthquakeHazard::sways() const { return impl_->sway.has_value(); }

double EarthquakeHazard::storeyDriftRatio() const {
    const physics::BuildingSway* sway = impl_->world ? impl_->world->buildingSway() : nullptr;
    if (!sway) return 0.0;
    double worst = 0.0;
    for (int st = 1; st <= sway->storeys(); ++st) {
        const glm::vec2 d = sway->storeyDriftM(st);
        worst = std::max(worst, static_cast<double>(glm::length(d)));
    }
    return worst / sway->storeyHeightM();
}

std::optional<physics::DriftThresholds> EarthquakeHazard::damageThresholds() const { return impl_->damageThresholds; }

double EarthquakeHazard::yieldDriftRatio() const {
    const physics::BuildingSway* sway = impl_->world ? impl_->world->buildingSway() : nullptr;
    if (!sway || !sway->yields()) return 0.0;
    double least = sway->yieldDriftM(1);
    for (int st = 2; st <= sway->storeys(); ++st) least = std::min(least, sway->yieldDriftM(st));
    return least / sway->storeyHeightM();
}

glm::vec3 EarthquakeHazard::feltAccelerationMS2(const glm::vec3& feetM) const {
    const Impl& im = *impl_;
    // The ground acceleration of the last step's start, as groundAccelerationMS2(); the filters'
    // ringing after a record ends is kept, what they put before it starts is not.
    const double t = im.world->timeS() - im.world->stepS();
    const int floor = im.sway ? im.sway->floorAt(feetM.z + 0.1f) : 0;
    glm::vec3 sum(0.0f);
    for (std::size_t i = 0; i < im.startedAtS.size(); ++i) {
        const physics::GroundMotion& f = floor > 0 && i < im.feltFloors.size() ? im.feltFloors[i][static_cast<std::size_t>(floor - 1)] : im.felt[i];
        sum += f.accelerationAt(t - im.startedAtS[i] + im.motions[i].timeS.front());
    }
    return sum;
}

namespace {
// Loose structure debris strikes faster than kStrikeSpeedMS; a fallen or toppling item with
// enough kinetic energy to injure (kInjuryEnergyJ, debris_strike.h).
bool strikesNow(const physics::BodyState& s, bool chunk) {
    if (s.massKg <= 0.0f || s.removed || !s.awake) return false;
    const float v2 = glm::dot(s.velocityMS, s.velocityMS);
    return chunk ? v2 >= kStrikeSpeedMS * kStrikeSpeedMS : s.kineticEnergyJ >= kInjuryEnergyJ;
}
}  // namespace

bool EarthquakeHazard::somethingFalling() const {
    const Impl& im = *impl_;
    for (std::size_t i = 0; i < im.movable.size(); ++i)
        if (*im.striker[i] && strikesNow(im.world->bodyState(im.movable[i]), i >= im.firstChunk)) return true;
    return false;
}

std::optional<DebrisStrike> EarthquakeHazard::struckBy(const glm::vec3& feetM, float radiusM, float heightM, bool underDesk,
                                                      int pastBody) const {
    const Impl& im = *impl_;
    // What touches the person's body (within a hand's breadth; under a desk, the body itself:
    // the desk's sides take what comes against them) and still moves fast: what a desk or a wall
    // stops never reaches them. Of several, the one with the most energy.
    const float reachM = underDesk ? 0.0f : kStrikeReachM;
    std::optional<DebrisStrike> worst;
    for (physics::BodyId b : im.world->bodiesInCapsule(feetM, radiusM + reachM, heightM, physics::kQueryDebris | physics::kQueryDynamic)) {
        const int i = b.index < im.movableOf.size() ? im.movableOf[b.index] : -1;
        if (i < 0 || i == pastBody || !*im.striker[static_cast<std::size_t>(i)]) continue;
        const bool chunk = static_cast<std::size_t>(i) >= im.firstChunk;
        const physics::BodyState s = im.world->bodyState(b);
        if (!strikesNow(s, chunk)) continue;
        if (!worst || s.kineticEnergyJ > worst->energyJ)
            worst = DebrisStrike{im.striker[static_cast<std::size_t>(i)], s.kineticEnergyJ, injuryFrom(s.kineticEnergyJ), i};
    }
    return worst;
}

std::vector<EarthquakeHazard::DeskPlace> EarthquakeHazard::deskPlacesWithin(const glm::vec3& feetM, float reachM, float crawlHeightM,
                                                                            const world::Room* room) const {
    const float floorZ = room ? room->box.min.z : feetM.z;
    std::vector<DeskPlace> out;
    for (std::size_t i = 0; i < impl_->movable.size(); ++i) {
        if (!impl_->desk[i]) continue;
        // Upright (room under it: placesUnderDesk), high enough, on this floor, within reach.
        const DeskPlaces desk = placesUnderDesk(bodyBox(i));
        if (desk.floorM.empty() || crawlHeightM > desk.heightM) continue;
        for (std::size_t s = 0; s < desk.floorM.size(); ++s) {
            const glm::vec3 at = desk.floorM[s], d = at - feetM;
            // Not through a wall: a desk of the next room may stand within reach.
            if (room && !room->box.contains(glm::vec3(at.x, at.y, room->box.center().z))) continue;
            if (std::fabs(at.z - floorZ) <= 0.3f && d.x * d.x + d.y * d.y < reachM * reachM)
                out.push_back({static_cast<int>(i), static_cast<int>(s), desk.floorM[s]});
        }
    }
    auto dist2 = [&](const DeskPlace& p) {
        const glm::vec2 d(p.floorM.x - feetM.x, p.floorM.y - feetM.y);
        return glm::dot(d, d);
    };
    std::stable_sort(out.begin(), out.end(), [&](const DeskPlace& a, const DeskPlace& b) { return dist2(a) < dist2(b); });
    return out;
}

std::optional<glm::vec3> EarthquakeHazard::deskPlace(int body, int place) const {
    if (body < 0 || static_cast<std::size_t>(body) >= impl_->movable.size() || !impl_->desk[static_cast<std::size_t>(body)] || place < 0) return {};
    const DeskPlaces desk = placesUnderDesk(bodyBox(static_cast<std::size_t>(body)));
    if (static_cast<std::size_t>(place) >= desk.floorM.size()) return {};
    return desk.floorM[static_cast<std::size_t>(place)];
}

void EarthquakeHazard::followDoors(const FireHazard& fire) {
    Impl& im = *impl_;
    for (std::size_t i = 0; i < im.panels.size(); ++i) {
        const bool shut = !fire.doorOpen(im.panelDoors[i]);
        if (shut != im.world->doorPanelShut(im.panels[i])) (void)im.world->setDoorPanelShut(im.panels[i], shut);
    }
    for (std::size_t i = 0; i < im.leaves.size(); ++i) {
        if (im.leafDoors[i].empty() || im.leafOff[i]) continue;
        const bool shut = !fire.doorOpen(im.leafDoors[i]);
        if (shut == static_cast<bool>(im.leafShut[i])) continue;
        if (im.world->swingDoorLeaf(im.leaves[i], shut ? 0.0f : im.leafOpenRad[i])) im.leafShut[i] = shut ? 1 : 0;
    }
}

void EarthquakeHazard::openLeafAtStop(const std::string& doorId) {
    Impl& im = *impl_;
    for (std::size_t i = 0; i < im.leaves.size(); ++i)
        if (im.leafDoors[i] == doorId && !im.leafOff[i] && !im.leafShut[i]) im.world->pullDoorLeaf(im.leaves[i]);
}

const std::vector<char>& EarthquakeHazard::shutLeaves() const { return impl_->leafShut; }
const std::vector<char>& EarthquakeHazard::leavesOff() const { return impl_->leafOff; }

void EarthquakeHazard::releaseLeavesOffTheirFrames() {
    Impl& im = *impl_;
    for (std::size_t i = 0; i < im.leaves.size(); ++i) {
        if (im.leafOff[i] || im.leafFrame[i].empty()) continue;
        bool loose = false;
        for (physics::BodyId c : im.leafFrame[i]) loose = loose || im.world->bodyState(c).massKg > 0.0f;
        if (!loose || !im.world->releaseDoorLeaf(im.leaves[i])) continue;
        im.leafOff[i] = 1;
        im.leafShut[i] = 0;
        // Off its hinge a leaf falls like any heavy item (the 15 J rule of struckBy).
        im.striker[im.firstLeaf + i] = "a falling door";
        im.emit("door.torn_off", im.leafDoors[i], 0.0, "the leaf of door " + im.leafDoors[i] + " came away with its wall");
    }
}

std::string EarthquakeHazard::doorPressed() const {
    const Impl& im = *impl_;
    if (!im.trainee.valid()) return {};
    const physics::BodyId pressed = im.world->character(im.trainee).shutDoor;
    for (std::size_t i = 0; pressed.valid() && i < im.panels.size(); ++i)
        if (im.panels[i].index == pressed.index) return im.panelDoors[i];
    for (std::size_t i = 0; pressed.valid() && i < im.leaves.size(); ++i)
        if (im.leaves[i].index == pressed.index) return im.leafDoors[i];
    return {};
}

Status EarthquakeHazard::addTrainee(const physics::CharacterDef& def) {
    auto id = impl_->world->addCharacter(def);
    if (!id) return makeError(id.error().message, impl_->source, impl_->traineeLine, "trainee." + id.error().field);
    impl_->trainee = *id;
    return Ok{};
}

bool EarthquakeHazard::hasTrainee() const { return impl_->trainee.valid(); }

void EarthquakeHazard::setTraineeInput(const physics::CharacterInput& input) {
    if (impl_->trainee.valid()) impl_->world->setCharacterInput(impl_->trainee, input);
}

physics::CharacterState EarthquakeHazard::trainee() const {
    return impl_->trainee.valid() ? impl_->world->character(impl_->trainee) : physics::CharacterState{};
}

void EarthquakeHazard::placeTrainee(const glm::vec3& feetM) {
    if (impl_->trainee.valid()) impl_->world->placeCharacter(impl_->trainee, feetM);
}

bool EarthquakeHazard::standable(const glm::vec3& feetM, float radiusM, float heightM, float stepM) const {
    const physics::PhysicsWorld& w = *impl_->world;
    // Floor: a ray from a step above the feet to a step below finds walkable ground.
    auto floor = w.raycast(feetM + glm::vec3(0.0f, 0.0f, stepM), feetM - glm::vec3(0.0f, 0.0f, stepM + 0.05f), kWalkerBlockers);
    if (!floor || floor->normal.z < 0.7f) return false;
    // Room for the body above the step height (desks, rails, debris, walls).
    const glm::vec3 lo = floor->pointM + glm::vec3(0.0f, 0.0f, stepM + 0.02f);
    return !w.overlapsCapsule(lo, radiusM, std::max(2.0f * radiusM + 0.01f, heightM - stepM - 0.02f), kWalkerBlockers);
}

bool EarthquakeHazard::clearWalk(const glm::vec3& a, const glm::vec3& b, float radiusM, float heightM, float stepM) const {
    const physics::PhysicsWorld& w = *impl_->world;
    // Two horizontal sweeps of the body's width, at knee and at chest height, and floor all along.
    for (float z : {stepM + radiusM + 0.02f, std::max(stepM + radiusM + 0.03f, heightM - radiusM)})
        if (w.sweepSphere(a + glm::vec3(0.0f, 0.0f, z), b + glm::vec3(0.0f, 0.0f, z), radiusM, kWalkerBlockers)) return false;
    const glm::vec3 d = b - a;
    const int n = std::max(1, static_cast<int>(std::ceil(glm::length(glm::vec2(d.x, d.y)) / 0.5f)));
    for (int i = 1; i <= n; ++i) {
        const glm::vec3 p = a + d * (static_cast<float>(i) / static_cast<float>(n));
        auto floor = w.raycast(p + glm::vec3(0.0f, 0.0f, stepM), p - glm::vec3(0.0f, 0.0f, stepM + 0.05f), kWalkerBlockers);
        if (!floor || floor->normal.z < 0.7f) return false;
    }
    return true;
}

const std::vector<glm::vec3>& EarthquakeHazard::casualtyPoints() const { return impl_->casualtyPoints; }

int EarthquakeHazard::casualtyIndex(const std::string& id) const {
    for (std::size_t i = 0; i < impl_->casualtyIds.size(); ++i)
        if (impl_->casualtyIds[i] == id) return static_cast<int>(i);
    return -1;
}

bool EarthquakeHazard::casualtyTrapped(int casualty) const {
    if (casualty < 0 || static_cast<std::size_t>(casualty) >= impl_->casualties.size()) return false;
    return impl_->world->isCasualtyTrapped(impl_->casualties[static_cast<std::size_t>(casualty)]);
}

namespace {

DebrisPiece pieceOf(const physics::PhysicsWorld& w, physics::BodyId b) {
    const physics::BodyState s = w.bodyState(b);
    const glm::mat3 r = glm::mat3_cast(s.orientation);
    glm::vec3 half(0.0f);
    for (int k = 0; k < 3; ++k) half += glm::abs(r[k]) * s.halfExtentsM[k];
    return {b, s.massKg, s.positionM, half};
}

}  // namespace

float planDistance(const DebrisPiece& piece, const glm::vec3& p) {
    const float dx = std::max(0.0f, std::fabs(p.x - piece.centerM.x) - piece.halfExtentsM.x);
    const float dy = std::max(0.0f, std::fabs(p.y - piece.centerM.y) - piece.halfExtentsM.y);
    return std::sqrt(dx * dx + dy * dy);
}

std::vector<DebrisPiece> EarthquakeHazard::debrisOn(int casualty) const {
    std::vector<DebrisPiece> out;
    if (casualty < 0 || static_cast<std::size_t>(casualty) >= impl_->casualties.size()) return out;
    const physics::PhysicsWorld& w = *impl_->world;
    for (physics::BodyId b : w.debrisTrapping(impl_->casualties[static_cast<std::size_t>(casualty)])) out.push_back(pieceOf(w, b));
    return out;
}

std::vector<DebrisPiece> EarthquakeHazard::debrisInWay(const glm::vec3& feetM, const DebrisPiece& goal, float reachM) const {
    constexpr float kStepOverM = 0.3f;  // lower debris is stepped over (the capsule's step)
    constexpr float kWayHalfWidthM = 0.6f;
    std::vector<DebrisPiece> out;
    if (!impl_->structure.valid()) return out;
    const physics::PhysicsWorld& w = *impl_->world;
    const glm::vec3 from(feetM.x, feetM.y, 0.0f);
    // The straight way to the goal's nearest side.
    const glm::vec3 to(glm::clamp(glm::vec2(from), glm::vec2(goal.centerM - goal.halfExtentsM), glm::vec2(goal.centerM + goal.halfExtentsM)), 0.0f);
    const float len = glm::length(to - from);
    std::vector<std::pair<float, DebrisPiece>> found;
    for (physics::BodyId b : w.structureChunks(impl_->structure)) {
        if (b.index == goal.body.index) continue;
        const physics::BodyState s = w.bodyState(b);
        if (s.massKg <= 0.0f || s.removed) continue;  // still standing, or carried away
        const DebrisPiece p = pieceOf(w, b);
        if (p.centerM.z + p.halfExtentsM.z < feetM.z + kStepOverM || p.centerM.z - p.halfExtentsM.z > feetM.z + 2.0f) continue;
        const float reach = planDistance(p, from);
        if (reach > reachM) continue;
        float way = reach;
        for (float t = 0.1f; t < len; t += 0.1f) way = std::min(way, planDistance(p, from + (to - from) * (t / len)));
        way = std::min(way, planDistance(p, to));
        if (way <= kWayHalfWidthM) found.push_back({reach, p});
    }
    std::stable_sort(found.begin(), found.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    for (auto& f : found) out.push_back(f.second);
    return out;
}

Status EarthquakeHazard::carryAway(const DebrisPiece& piece) {
    if (auto st = impl_->world->removeBody(piece.body); !st) return st;
    impl_->world->refreshBlockage();  // the casualty may be free now (events on the next step)
    return Ok{};
}

void EarthquakeHazard::hash(StateHasher& h) const { h.add(impl_->world->stateHash()); }

}  // namespace cd::app
