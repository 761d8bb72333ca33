#include "crowd_population.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <cstdio>
#include <set>

#include <glm/glm.hpp>
#include <glm/gtc/quaternion.hpp>

#include "building_physics.h"
#include "core/rng.h"
#include "crowd/demography.h"
#include "crowd_furniture.h"
#include "earthquake_hazard.h"

namespace cd::app {

namespace {

constexpr double kCrowdStepS = 0.05;      // the crowd model's verified time step (docs/crowd.md)
constexpr double kMaxGrowM = 0.5;         // a door centre further than this from its room is bad data
constexpr double kLandingHalfWidthM = 0.6;
constexpr double kChildEyeM = 1.2;        // eye height of 6-12 year olds (about 1.2-1.5 m tall)
constexpr double kAdultEyeM = 1.6;
constexpr double kPersonRadiusM = 0.2;    // the crowd model's default body (l = 0.4 m)
constexpr double kTraineeClearM = 0.7;    // nobody is placed on the trainee's start point
constexpr double kStandingMps = 0.1;       // slower than this the trainee counts as standing
constexpr double kSidewaysRadiusM = 0.15; // half a child's chest depth, turned sideways
constexpr double kOvercomeSpeedMps = 0.02;  // incapacitated: stays where they fell, still an obstacle

struct Box {
    double x0, y0, x1, y1;
};

// Grows the side of box that faces along n (from inside the room) out to the door's centre line.
bool growTo(Box& b, glm::vec3 n, glm::vec3 c) {
    if (std::fabs(n.x) >= std::fabs(n.y)) {
        double& side = n.x > 0 ? b.x1 : b.x0;
        double d = n.x > 0 ? c.x - side : side - c.x;
        if (d > kMaxGrowM) return false;
        if (d > 0) side = c.x;
    } else {
        double& side = n.y > 0 ? b.y1 : b.y0;
        double d = n.y > 0 ? c.y - side : side - c.y;
        if (d > kMaxGrowM) return false;
        if (d > 0) side = c.y;
    }
    return true;
}

crowd::Vec2 clampInto(crowd::Vec2 p, const Box& b, double marginM) {
    return {std::clamp(p.x, b.x0 + marginM, b.x1 - marginM), std::clamp(p.y, b.y0 + marginM, b.y1 - marginM)};
}

}  // namespace

Result<crowd::Building> crowdBuildingFromDistrict(const world::District& d, const std::vector<std::string>& buildings) {
    auto included = [&](const world::Room& r) {
        return buildings.empty() || std::find(buildings.begin(), buildings.end(), r.building) != buildings.end();
    };
    const std::string src = d.manifestPath.empty() ? "district " + d.name : d.manifestPath;
    // Levels: one per (building, storey), ascending storeys within a building.
    std::map<std::pair<std::string, int>, int> levels;
    for (const auto& r : d.rooms)
        if (included(r)) levels.emplace(std::make_pair(r.building, r.storey), 0);
    int next = 0;
    for (auto& [key, level] : levels) level = next++;

    crowd::Building b;
    b.sourceFile = src;
    std::vector<Box> boxes;
    std::map<std::string, int> areaOf;
    for (const auto& r : d.rooms) {
        if (!included(r)) continue;
        areaOf[r.id] = static_cast<int>(b.areas.size());
        crowd::Area a;
        a.id = r.id;
        a.level = levels[{r.building, r.storey}];
        b.areas.push_back(a);
        boxes.push_back({r.box.min.x, r.box.min.y, r.box.max.x, r.box.max.y});
    }
    auto areaIndex = [&](const std::string& id) {
        auto it = areaOf.find(id);
        return it == areaOf.end() ? -1 : it->second;
    };
    // Rooms stand apart by their walls; a door's centre lies on the wall's centre line. Growing
    // each room to that line on its door sides makes the door a segment on a shared edge.
    struct DoorRef {
        const world::Door* door;
        int from, to;
    };
    std::vector<DoorRef> doors;
    for (const auto& door : d.doors) {
        const int a = areaIndex(door.roomA);
        const bool outside = door.roomB == "outside";
        const int bIdx = outside ? crowd::kSafeArea : areaIndex(door.roomB);
        if (a < 0 || (!outside && bIdx < 0)) continue;
        if (!growTo(boxes[a], door.normal, door.centerM) || (bIdx >= 0 && !growTo(boxes[bIdx], -door.normal, door.centerM)))
            return makeError("door '" + door.id + "' is more than 0.5 m from the rooms it joins", src, 0, "doors");
        doors.push_back({&door, a, bIdx});
    }
    for (size_t i = 0; i < b.areas.size(); ++i) {
        const Box& x = boxes[i];
        b.areas[i].polygon = {{x.x0, x.y0}, {x.x1, x.y0}, {x.x1, x.y1}, {x.x0, x.y1}};
    }
    for (const DoorRef& ref : doors) {
        const world::Door& door = *ref.door;
        const Box& a = boxes[ref.from];
        const bool alongX = std::fabs(door.normal.x) >= std::fabs(door.normal.y);  // wall runs along y
        const double edge = alongX ? (door.normal.x > 0 ? a.x1 : a.x0) : (door.normal.y > 0 ? a.y1 : a.y0);
        double lo = (alongX ? door.centerM.y : door.centerM.x) - 0.5 * door.widthM;
        double hi = lo + door.widthM;
        // Keep the opening within both rooms' walls (1 cm clear of the corners).
        for (int k : {ref.from, ref.to}) {
            if (k < 0) continue;
            const Box& x = boxes[k];
            lo = std::max(lo, (alongX ? x.y0 : x.x0) + 0.01);
            hi = std::min(hi, (alongX ? x.y1 : x.x1) - 0.01);
        }
        crowd::Door cd;
        cd.id = door.id;
        cd.fromArea = ref.from;
        cd.toArea = ref.to;
        cd.segment = alongX ? crowd::Segment{{edge, lo}, {edge, hi}} : crowd::Segment{{lo, edge}, {hi, edge}};
        b.doors.push_back(cd);
    }
    for (const auto& st : d.stairs) {
        const int lower = areaIndex(st.lowerRoom), upper = areaIndex(st.upperRoom);
        if (lower < 0 || upper < 0) continue;
        crowd::Stair s;
        s.id = st.id;
        s.fromArea = upper;
        s.toArea = lower;
        const glm::vec3 run = st.topM - st.bottomM;
        s.lengthM = st.lengthM > 0.0f ? st.lengthM : std::sqrt(run.x * run.x + run.y * run.y + run.z * run.z);
        // Landings across the flight at its head (upper room) and foot (lower room).
        crowd::Vec2 across = crowd::perpLeft(crowd::normalized({run.x, run.y}));
        if (crowd::length(across) < 0.5) across = {1.0, 0.0};
        auto landing = [&](glm::vec3 p, const Box& box) {
            const crowd::Vec2 c{p.x, p.y};
            return crowd::Segment{clampInto(c - across * kLandingHalfWidthM, box, 0.05),
                                  clampInto(c + across * kLandingHalfWidthM, box, 0.05)};
        };
        s.fromSegment = landing(st.topM, boxes[upper]);
        s.toSegment = landing(st.bottomM, boxes[lower]);
        s.hasSegments = true;
        b.stairs.push_back(s);
    }
    if (b.exits().empty()) return makeError("the crowd's buildings have no exit door", src, 0, "doors");
    return b;
}

CrowdPopulation::~CrowdPopulation() = default;

Result<std::unique_ptr<CrowdPopulation>> CrowdPopulation::build(const scenario::ScenarioDef& sc, const world::District& d,
                                                               double tickS, std::uint64_t seed) {
    if (sc.crowd.empty()) return std::unique_ptr<CrowdPopulation>();
    std::vector<std::string> buildings;
    for (const auto& g : sc.crowd) {
        const world::Room* room = d.findRoom(g.room);
        if (!room) return makeError("no room '" + g.room + "' in district " + d.manifestPath, g.source.file, g.source.line, g.source.field + ".room");
        if (std::find(buildings.begin(), buildings.end(), room->building) == buildings.end()) buildings.push_back(room->building);
    }
    auto building = crowdBuildingFromDistrict(d, buildings);
    if (!building) return building.error();

    std::unique_ptr<CrowdPopulation> p(new CrowdPopulation());
    p->district_ = &d;
    for (const auto& a : building->areas) p->areaRoom_.push_back(d.findRoom(a.id));
    p->tickS_ = tickS;
    p->ticksPerStep_ = std::max(1, static_cast<int>(std::lround(kCrowdStepS / tickS)));
    p->crowdDtS_ = p->ticksPerStep_ * tickS;
    // An earthquake's desks and bookcases where they stand before the shaking (settleFurniture
    // and followEarthquake move them to where they end up, with the debris and door leaves):
    // the crowd walks around them and nobody starts in one.
    if (sc.earthquake) {
        auto bp = buildingPhysicsOfScenario(sc, d);  // as EarthquakeHazard::build: the same bodies in its order
        if (!bp) return bp.error();
        p->hasQuake_ = true;
        p->quakeBodies_ = static_cast<int>(bp->world.bodies.size());
        for (const physics::DoorDef& leaf : bp->world.doors) {
            float h[3] = {0.5f * leaf.widthM, 0.5f * leaf.thicknessM, 0.5f * leaf.heightM};
            std::sort(h, h + 3);
            p->leafHalfExtentsM_.emplace_back(h[0], h[1], h[2]);
        }
        std::vector<render::BoxInstance> boxes;
        for (std::size_t i = 0; i < bp->world.bodies.size(); ++i) {
            const physics::DynamicBodyDef& body = bp->world.bodies[i];
            if (!sc.earthquake->furniture || body.kind != physics::BodyKind::Furniture || body.shape != physics::ShapeKind::Box) continue;
            boxes.push_back({body.centerM, body.halfExtentsM, body.orientation, glm::vec3(0.0f)});
            p->furniture_.push_back({static_cast<int>(i), body.halfExtentsM, boxes.back(), isDesk(body)});
        }
        building->obstacles = obstaclesOfFurniture(boxes, *building, p->areaRoom_, p->furnitureObstacles_);
        p->obstacleFigures_.furnitureObstacles = static_cast<int>(building->obstacles.size());
    }
    crowd::CrowdSettings settings;
    settings.dtS = p->crowdDtS_;
    settings.threads = 1;  // the session runs beside the renderer and the fire; one thread is plenty here
    settings.seed = seed;
    auto sim = crowd::CrowdSim::create(std::move(*building), settings);
    if (!sim) return sim.error();
    p->sim_ = std::move(*sim);
    if (const auto* ap = d.findAssemblyPoint(sc.assemblyPoint)) {
        p->assemblyM_ = ap->positionM;
        p->assemblyRadiusM_ = ap->radiusM;
        p->hasAssembly_ = true;
    }
    if (sc.flood)
        for (std::size_t k = 0; k < sc.flood->crowdRouteXM.size(); ++k)
            p->route_.emplace_back(static_cast<float>(sc.flood->crowdRouteXM[k]), static_cast<float>(sc.flood->crowdRouteYM[k]));
    const std::size_t doors = p->sim_->building().doors.size();
    p->doorDebris_.assign(doors, 0);
    p->doorFlooded_.assign(doors, 0);
    p->doorEverFlooded_.assign(doors, 0);
    if (auto st = p->place(sc, d, seed); !st) return st.error();
    return p;
}

int CrowdPopulation::exitDoorIndex(const std::string& name) const {
    std::string door = name;
    if (const world::Exit* e = district_->findExit(name)) door = e->door;
    const int i = sim_->building().doorIndex(door);
    return i >= 0 && sim_->building().doors[static_cast<size_t>(i)].isExit() ? i : -1;
}

Status CrowdPopulation::place(const scenario::ScenarioDef& sc, const world::District& d, std::uint64_t seed) {
    // The trainee's start point stays free.
    glm::vec3 traineeStart(1e9f);
    if (sc.trainee.startPosition) {
        traineeStart = glm::vec3(sc.trainee.startPosition->x, sc.trainee.startPosition->y, sc.trainee.startPosition->z);
    } else if (const world::Room* r = d.findRoom(sc.trainee.startRoom)) {
        traineeStart = glm::vec3(r->box.center().x, r->box.center().y, r->box.min.z);  // feet on the floor
    }
    Rng root(seed ^ 0x63726f776455ULL);
    std::vector<crowd::Vec2> placed;
    std::vector<int> placedArea;
    for (size_t gi = 0; gi < sc.crowd.size(); ++gi) {
        const scenario::CrowdGroupDef& g = sc.crowd[gi];
        Rng rng = root.fork(gi + 1);
        Rng coverRng = Rng(seed ^ 0x636f766572ULL).fork(gi + 1);
        const std::string& file = g.source.file;
        const int line = g.source.line;
        const int area = sim_->building().areaIndex(g.room);
        const world::Room* room = d.findRoom(g.room);
        crowd::CrowdGroup cg;
        cg.id = g.id;
        for (const auto& e : g.knownExits) {
            const int door = exitDoorIndex(e);
            if (door < 0) return makeError("no exit '" + e + "' in the crowd's buildings", file, line, g.source.field + ".known_exits");
            cg.knownExits.push_back(door);
        }
        cg.familiarityPenaltyS = cg.knownExits.empty() ? 0.0 : 60.0;  // the crowd model's default
        const int group = sim_->addGroup(cg);
        groupIds_.push_back(g.id);

        crowd::SpeedDistribution speed;
        if (g.hasSpeedRange) {
            speed.kind = crowd::SpeedDistribution::Kind::Uniform;
            speed.minMps = g.speedMinMps;
            speed.maxMps = g.speedMaxMps;
        } else {
            auto prof = crowd::speedProfile(g.speedProfile);
            if (!prof) return makeError(prof.error().message, file, line, g.source.field + ".speed");
            speed = *prof;
        }
        auto adult = crowd::speedProfile("weidmann-adult");

        // In a room with desks (an earthquake's furnished classrooms) the lesson is on: pupils sit
        // at the desks, in an order of their own stream (so rooms without desks draw as before).
        std::vector<crowd::Vec2> seats;
        for (const FurniturePiece& f : furniture_) {
            if (!f.desk) continue;
            const glm::vec3 c = f.startM.center;
            if (c.x < room->box.min.x || c.x > room->box.max.x || c.y < room->box.min.y || c.y > room->box.max.y ||
                std::fabs(c.z - f.startM.halfExtents.z - room->box.min.z) > 0.3f)
                continue;
            for (const glm::vec3& seat : seatsAtDesk(f.startM)) seats.push_back({seat.x, seat.y});
        }
        Rng seatRng = Rng(seed ^ 0x7365617473ULL).fork(gi + 1);
        for (std::size_t k = seats.size(); k > 1; --k) std::swap(seats[k - 1], seats[seatRng.below(static_cast<std::uint32_t>(k))]);
        auto usable = [&](crowd::Vec2 p) {
            if (!sim_->fitsGeometry(p, area, kPersonRadiusM)) return false;
            if (std::hypot(p.x - traineeStart.x, p.y - traineeStart.y) < kTraineeClearM && std::fabs(room->box.min.z - traineeStart.z) < 1.5f)
                return false;
            for (size_t k = 0; k < placed.size(); ++k)
                if (placedArea[k] == area && crowd::length(placed[k] - p) < 2.0 * kPersonRadiusM + 0.05) return false;
            return true;
        };
        auto spot = [&](crowd::Vec2& out, bool pupil) {
            const double m = kPersonRadiusM + 0.05;
            auto take = [&](crowd::Vec2 p) {
                out = p;
                placed.push_back(p);
                placedArea.push_back(area);
                return true;
            };
            while (pupil && !seats.empty()) {
                const crowd::Vec2 p = seats.back();
                seats.pop_back();
                if (usable(p)) return take(p);
            }
            for (int tries = 0; tries < 400; ++tries) {
                crowd::Vec2 p{rng.uniform(room->box.min.x + m, room->box.max.x - m), rng.uniform(room->box.min.y + m, room->box.max.y - m)};
                if (usable(p)) return take(p);
            }
            return false;
        };
        auto add = [&](crowd::Agent a, const std::string& id, bool teacher) -> Status {
            if (!spot(a.pos, !teacher)) return makeError("room '" + g.room + "' cannot hold " + std::to_string(g.count) + " more people", file, line, g.source.field + ".count");
            a.group = group;
            a.area = area;
            a.radiusM = kPersonRadiusM;
            a.premovementS = rng.uniform(g.premovementMinS, g.premovementMaxS);
            // From a stream of its own, so that groups without take_cover_s draw as before.
            coverDelayS_.push_back(g.hasTakeCover ? coverRng.uniform(g.takeCoverMinS, g.takeCoverMaxS) : -1.0);
            auto r = sim_->addAgent(a);
            if (!r) return makeError(r.error().message, file, line, g.source.field);
            ids_.push_back(id);
            teacher_.push_back(teacher ? 1 : 0);
            return Ok{};
        };
        int leader = -1;
        if (g.leader == "teacher") {
            crowd::Agent t;
            t.desiredSpeedMps = adult->draw(rng);
            if (auto st = add(t, g.id + "#teacher", true); !st) return st;
            leader = static_cast<int>(ids_.size()) - 1;
        }
        for (int k = 0; k < g.count; ++k) {
            crowd::Agent a;
            a.desiredSpeedMps = speed.draw(rng);
            a.leader = leader;
            if (auto st = add(a, g.id + "#" + std::to_string(k + 1), false); !st) return st;
        }
    }
    people_ = static_cast<int>(ids_.size());
    trainee_ = sim_->addExternalAgent({-1e5, -1e5}, -1);
    ids_.push_back("trainee");
    teacher_.push_back(0);
    reported_.assign(ids_.size(), 0);
    overcome_.assign(ids_.size(), 0);
    noRouteSinceS_.assign(ids_.size(), -1.0);
    cutOff_.assign(ids_.size(), 0);
    exposedReported_.assign(ids_.size(), 0);
    swept_.assign(ids_.size(), 0);
    struck_.assign(ids_.size(), 0);
    hurtBy_.assign(ids_.size(), -1);
    coverDelayS_.push_back(-1.0);  // the trainee's slot
    cover_.assign(ids_.size(), Cover::Standing);
    coverPlace_.assign(ids_.size(), -1);
    paused_.assign(ids_.size(), 0);
    thrown_.assign(ids_.size(), 0);
    groupCovered_.assign(groupIds_.size(), 0);
    outdoor_.assign(ids_.size(), OutdoorWalk{});
    doses_.resize(ids_.size());
    headingDeg_.assign(ids_.size(), 90.0f);
    return Ok{};
}

void CrowdPopulation::startEvacuation(double sessionTimeS) {
    if (startS_ >= 0.0) return;
    startS_ = sessionTimeS;
    // Those who held on stand up (settleFurniture, called first, steps them out from under the desks).
    std::fill(cover_.begin(), cover_.end(), Cover::Standing);
    std::fill(coverPlace_.begin(), coverPlace_.end(), -1);
    std::fill(thrown_.begin(), thrown_.end(), 0);
}

void CrowdPopulation::tick(double now, const FireHazard& fire, const glm::vec3& traineeFeetM, const world::Room* traineeRoom,
                           std::vector<HazardEvent>& events, const FloodHazard* flood) {
    if (tickCount_++ % ticksPerStep_ != 0) return;
    int traineeArea = -1;
    if (traineeRoom) traineeArea = sim_->building().areaIndex(traineeRoom->id);
    sim_->setExternalAgent(trainee_, {traineeFeetM.x, traineeFeetM.y}, traineeArea);
    if (!furniture_.empty()) {
        // Among desks a trainee who stands still in an aisle turns sideways to let the class by
        // (a body's depth, not its width): otherwise the model's repulsion makes them a wall there.
        crowd::Agent& t = sim_->agent(trainee_);
        t.radiusM = crowd::length(t.vel) < kStandingMps ? kSidewaysRadiusM : kPersonRadiusM;
    }
    // Whole-area smoke for speeds and for judging doors smoke-logged: the upper layer counts
    // once it is down to an adult's eyes, over the part of the room it covers (a corridor's
    // smoke front may have run only part of its length): the room's mean extinction.
    for (int a = 0; a < static_cast<int>(areaRoom_.size()); ++a) sim_->setAreaHazard(a, crowd::LocalHazard{});
    std::vector<double>& extinction = areaExtinction_;
    extinction.assign(areaRoom_.size(), 0.0);
    for (const RoomSmoke& s : fire.smoke()) {
        if (s.layerHeightM > kAdultEyeM) continue;
        const int a = sim_->building().areaIndex(s.room->id);
        if (a < 0 || a >= static_cast<int>(extinction.size())) continue;
        const glm::vec3 part = s.box.size(), whole = s.room->box.size();
        extinction[static_cast<std::size_t>(a)] += s.extinctionPerM * (part.x * part.y) / std::max(whole.x * whole.y, 1e-6f);
    }
    for (int a = 0; a < static_cast<int>(extinction.size()); ++a)
        if (extinction[static_cast<std::size_t>(a)] > 0)
            sim_->setAreaHazard(a, crowd::LocalHazard{extinction[static_cast<std::size_t>(a)], 0.0, 0.0});
    if (flood) senseFloodAtExits(*flood, events);
    if (flood) {
        // Indoors people stand above the water (buildings are closed cells of the flood model);
        // those just past an exit (walking the last metre out) are in it.
        for (int i = 0; i < people_; ++i) {
            crowd::Agent& a = sim_->agent(i);
            a.hazard.waterDepthM = 0.0;
            a.hazard.waterSpeedMps = 0.0;
            if (a.state == crowd::AgentState::Out || a.leavingGate < 0) continue;
            const FloodPointSample w = flood->sample(a.pos.x, a.pos.y);
            a.hazard.waterDepthM = w.depthM;
            a.hazard.waterSpeedMps = w.speedMs;
            wade(i, w, events);
        }
    }
    if (started()) sim_->step();
    accumulateFed(fire, events);
    const auto& agents = sim_->agents();
    for (int i = 0; i < people_; ++i) {
        const crowd::Agent& a = agents[static_cast<size_t>(i)];
        if (crowd::length(a.vel) > 0.05) headingDeg_[static_cast<size_t>(i)] = static_cast<float>(std::atan2(a.vel.y, a.vel.x) * 57.29577951308232);
        if (a.exitTimeS >= 0.0 && !reported_[static_cast<size_t>(i)]) {
            reported_[static_cast<size_t>(i)] = 1;
            const std::string door = a.exitDoor >= 0 ? sim_->building().doors[static_cast<size_t>(a.exitDoor)].id : "?";
            events.push_back({"crowd.evacuated", ids_[static_cast<size_t>(i)], startS_ + a.exitTimeS, "reached safety through " + door});
        }
    }
    reportCutOff(now, events);
    if (!allOutReported_ && people_ > 0 && sim_->evacuatedCount() >= people_) {
        allOutReported_ = true;
        events.push_back({"crowd.all_out", "", now, "all " + std::to_string(people_) + " people are out"});
    }
    walkOutdoors(now, flood, events);
}

// Someone walking inside whom no route leads out (debris, a flooded exit or shut doors on every
// way) stands where they are: after kCutOffS of that they are reported, once, until a way
// opens again. A person waiting for the alarm, sheltering or on a stair is not walking.
void CrowdPopulation::reportCutOff(double now, std::vector<HazardEvent>& events) {
    for (int i = 0; i < people_; ++i) {
        const auto k = static_cast<size_t>(i);
        const crowd::Agent& a = sim_->agents()[k];
        const bool noRoute = !a.external && a.state == crowd::AgentState::Walking && a.exitTimeS < 0.0 && a.area >= 0 &&
                             a.nextGate < 0 && a.leavingGate < 0;
        if (!noRoute) {
            noRouteSinceS_[k] = -1.0;
            cutOff_[k] = 0;
            continue;
        }
        if (noRouteSinceS_[k] < 0.0) noRouteSinceS_[k] = now;
        if (cutOff_[k] || now - noRouteSinceS_[k] < kCutOffS) continue;
        cutOff_[k] = 1;
        const world::Room* room = areaRoom_[static_cast<size_t>(a.area)];
        events.push_back({"crowd.cut_off", ids_[k], now - noRouteSinceS_[k],
                          "no way out of " + (room ? room->id : std::string("?")) + ": every route is blocked"});
    }
}

// ISO 13571 FED of each person still inside, from the fire model at their eyes.
void CrowdPopulation::accumulateFed(const FireHazard& fire, std::vector<HazardEvent>& events) {
    for (int i = 0; i < people_; ++i) {
        crowd::Agent& a = sim_->agent(i);
        if (a.exitTimeS >= 0.0 || a.area < 0) continue;
        const world::Room* room = areaRoom_[static_cast<size_t>(a.area)];
        const double eye = teacher_[static_cast<size_t>(i)] ? kAdultEyeM : kChildEyeM;
        const HazardSample s = fire.sample(glm::vec3(a.pos.x, a.pos.y, room->box.min.z + eye), room);
        a.hazard.smokeExtinctionPerM = s.visibilityM < 29.0 ? 3.0 / std::max(s.visibilityM, 0.1) : 0.0;  // S = 3 / Ks
        FedDose& dose = doses_[static_cast<size_t>(i)];
        dose.accumulate(s, crowdDtS_);
        a.fed = dose.fed();
        if (a.fed >= 1.0 && !overcome_[static_cast<size_t>(i)]) {
            overcome_[static_cast<size_t>(i)] = 1;
            a.desiredSpeedMps = kOvercomeSpeedMps;
            const char* by = 2.0 * dose.heatFed() >= a.fed ? "overcome by heat (FED 1) in " : "overcome by smoke (FED 1) in ";
            events.push_back({"crowd.overcome", ids_[static_cast<size_t>(i)], a.fed, by + room->id});
        }
    }
}

Result<int> CrowdPopulation::leadGroup(const std::string& groupId, const std::string& exitOrDoor) {
    auto it = std::find(groupIds_.begin(), groupIds_.end(), groupId);
    if (it == groupIds_.end()) return makeError("no crowd group '" + groupId + "'");
    const int group = static_cast<int>(it - groupIds_.begin());
    if (exitOrDoor.empty()) return sim_->leadGroup(trainee_, group);
    const int door = exitDoorIndex(exitOrDoor);
    if (door < 0) return makeError("no exit '" + exitOrDoor + "' for group '" + groupId + "'");
    return sim_->directGroup(group, door);
}

void CrowdPopulation::hash(StateHasher& h) const {
    h.add(sim_->stateHash());
    for (int i = 0; i < people_; ++i) {
        const auto k = static_cast<size_t>(i);
        h.add(sim_->agents()[k].fed);
        h.add(sim_->agents()[k].floodExposureS);
        h.add(outdoor_[k].posM.x);
        h.add(outdoor_[k].posM.y);
        h.add(static_cast<int>(cover_[k]));
        h.add(coverPlace_[k]);
    }
}

std::vector<CrowdPersonView> CrowdPopulation::people() const {
    std::vector<CrowdPersonView> out;
    out.reserve(static_cast<size_t>(people_));
    const auto& agents = sim_->agents();
    for (int i = 0; i < people_; ++i) {
        const crowd::Agent& a = agents[static_cast<size_t>(i)];
        CrowdPersonView v;
        v.teacher = teacher_[static_cast<size_t>(i)] != 0;
        v.overcome = overcome_[static_cast<size_t>(i)] != 0;
        v.out = a.state == crowd::AgentState::Out;
        v.heightM = heightNowM(i);
        v.coverUp = cover_[static_cast<size_t>(i)] != Cover::Standing;
        v.headingDeg = headingDeg_[static_cast<size_t>(i)];
        const OutdoorWalk& w = outdoor_[static_cast<size_t>(i)];
        v.swept = swept_[static_cast<size_t>(i)] != 0;
        v.struck = struck_[static_cast<size_t>(i)] != 0;
        v.hurt = !v.struck && hurtBy_[static_cast<size_t>(i)] >= 0;
        v.assembled = w.arrived;
        v.color = v.overcome || v.swept || v.struck ? glm::vec3(0.9f, 0.1f, 0.1f)
                  : v.hurt                          ? glm::vec3(0.95f, 0.55f, 0.6f)  // hurt, walking: pink
                  : v.teacher                       ? glm::vec3(0.1f, 0.75f, 0.2f)
                                                    : glm::vec3(0.2f, 0.4f, 0.9f);
        if (v.out && w.started) {
            // Out of the building: on the walk to the assembly point, or lined up there.
            float z = assemblyM_.z;
            if (district_ && district_->terrain.nx > 0) z = district_->terrain.heightAt(w.posM.x, w.posM.y);
            v.feetM = glm::vec3(w.posM.x, w.posM.y, z);
        } else {
            const world::Room* room = a.area >= 0 ? areaRoom_[static_cast<size_t>(a.area)] : nullptr;
            float z = room ? room->box.min.z : 0.0f;
            if (!room && district_) z = district_->terrain.heightAt(static_cast<float>(a.pos.x), static_cast<float>(a.pos.y));
            v.feetM = glm::vec3(static_cast<float>(a.pos.x), static_cast<float>(a.pos.y), z);
        }
        out.push_back(v);
    }
    return out;
}

CrowdFigures CrowdPopulation::figures() const {
    CrowdFigures f;
    f.people = people_;
    f.startS = startS_;
    for (int i = 0; i < people_; ++i) {
        const crowd::Agent& a = sim_->agents()[static_cast<size_t>(i)];
        if (a.exitTimeS >= 0.0) {
            ++f.out;
            f.lastOutS = std::max(f.lastOutS, startS_ + a.exitTimeS);
        }
        f.overcome += overcome_[static_cast<size_t>(i)] ? 1 : 0;
        f.cutOff += cutOff_[static_cast<size_t>(i)] ? 1 : 0;
        f.maxFed = std::max(f.maxFed, a.fed);
        const OutdoorWalk& w = outdoor_[static_cast<size_t>(i)];
        if (w.arrived) {
            ++f.assembled;
            f.lastAssembledS = std::max(f.lastAssembledS, w.arrivedS);
        }
        f.floodExposed += a.floodExposureS > 0.0 ? 1 : 0;
        f.maxFloodExposureS = std::max(f.maxFloodExposureS, a.floodExposureS);
        f.totalFloodExposureS += a.floodExposureS;
        f.swept += swept_[static_cast<size_t>(i)] ? 1 : 0;
        f.struck += struck_[static_cast<size_t>(i)] ? 1 : 0;
        f.hurt += hurtBy_[static_cast<size_t>(i)] >= 0 && !struck_[static_cast<size_t>(i)] ? 1 : 0;
    }
    for (char c : doorEverFlooded_) f.exitsFlooded += c ? 1 : 0;
    f.underDesks = underDesks_;
    f.inTheOpen = inTheOpen_;
    f.thrownDown = thrownDown_;
    return f;
}

}  // namespace cd::app
