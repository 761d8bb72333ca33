#include "crowd/crowd_sim.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "core/hash.h"
#include "core/job_pool.h"
#include "nav_map.h"

namespace cd::crowd {

CrowdSim::CrowdSim(Building building, const CrowdSettings& settings)
    : building_(std::move(building)), settings_(settings), nav_(std::make_unique<NavMap>()) {}

CrowdSim::~CrowdSim() = default;

Result<std::unique_ptr<CrowdSim>> CrowdSim::create(Building building, const CrowdSettings& settings) {
    if (!(settings.dtS > 0.0 && settings.dtS <= 0.2)) return makeError("time step must be in (0, 0.2] s", building.sourceFile, 0, "dt_s");
    if (!(settings.fieldCellM >= 0.05 && settings.fieldCellM <= 1.0))
        return makeError("floor-field cell must be in [0.05, 1] m", building.sourceFile, 0, "cell_m");
    if (building.areas.empty()) return makeError("no areas", building.sourceFile, 0, "area");
    if (auto s = validateBuilding(building); !s) return s.error();
    for (const Area& a : building.areas) {
        const Bounds2 box = boundsOf(a.polygon);
        const double cells = box.width() / settings.fieldCellM * (box.depth() / settings.fieldCellM);
        if (cells > kMaxFieldCells) {
            char buf[240];
            std::snprintf(buf, sizeof buf,
                          "area '%s' spans %.6g m by %.6g m: its floor field would have %.3g cells of %.3g m, at most %.0f",
                          a.id.c_str(), box.width(), box.depth(), cells, settings.fieldCellM, kMaxFieldCells);
            return makeError(buf, building.sourceFile, a.geometryLine ? a.geometryLine : a.sourceLine, "polygon");
        }
    }
    std::unique_ptr<CrowdSim> sim(new CrowdSim(std::move(building), settings));
    if (auto s = sim->init(); !s) return s.error();
    return Result<std::unique_ptr<CrowdSim>>(std::move(sim));
}

Status CrowdSim::init() {
    if (auto s = nav_->build(building_, settings_.fieldCellM); !s) return s;
    pool_ = std::make_unique<JobPool>(std::max(1u, settings_.threads));
    areaHazard_.assign(building_.areas.size(), LocalHazard{});
    doorHazardBlocked_.assign(building_.doors.size(), 0);
    lanes_.assign(building_.stairs.size() * 2, StairLane{});
    queue_.assign(nav_->gates().size(), 0);
    gridOrigin_ = nav_->origin();
    gridNx_ = static_cast<int>(std::ceil(nav_->extentX() / gridCellM_)) + 1;
    gridNy_ = static_cast<int>(std::ceil(nav_->extentY() / gridCellM_)) + 1;
    gridLevels_ = nav_->levelCount();
    minLevel_ = nav_->minLevel();
    cellStart_.assign(static_cast<size_t>(gridNx_) * gridNy_ * gridLevels_ + 1, 0);
    return Ok{};
}

const std::vector<Segment>& CrowdSim::walls() const { return nav_->walls(); }
const std::vector<int>& CrowdSim::wallLevels() const { return nav_->wallLevels(); }

int CrowdSim::addGroup(const CrowdGroup& group) {
    groups_.push_back(group);
    return static_cast<int>(groups_.size()) - 1;
}

int CrowdSim::areaAt(Vec2 pos, int level) const {
    for (size_t a = 0; a < building_.areas.size(); ++a)
        if (building_.areas[a].level == level && pointInPolygon(pos, building_.areas[a].polygon)) return static_cast<int>(a);
    return -1;
}

bool CrowdSim::fitsGeometry(Vec2 pos, int area, double radiusM) const {
    if (area < 0 || area >= static_cast<int>(building_.areas.size())) return false;
    if (!pointInPolygon(pos, building_.areas[area].polygon)) return false;
    for (const Obstacle& o : building_.obstacles)
        if (o.area == area && pointInPolygon(pos, o.polygon)) return false;
    bool clear = true;
    nav_->forWallsNear(pos, building_.areas[area].level, [&](int w) {
        if (distanceToSegment(pos, nav_->walls()[w]) < radiusM) clear = false;
    });
    return clear;
}

Status CrowdSim::setObstacles(std::vector<Obstacle> obstacles) {
    Building b = building_;
    b.obstacles = std::move(obstacles);
    if (auto s = validateBuilding(b); !s) return s;
    auto nav = std::make_unique<NavMap>();
    // Areas whose obstacles did not change keep their floor fields.
    if (auto s = nav->build(b, settings_.fieldCellM, nav_.get()); !s) return s;
    // Same areas, doors and stairs: gates, grids and queues keep their sizes and indices.
    building_ = std::move(b);
    nav_ = std::move(nav);
    return Ok{};
}

Result<int> CrowdSim::addAgent(Agent a) {
    if (!std::isfinite(a.pos.x) || !std::isfinite(a.pos.y)) return makeError("agent position is not finite");
    if (a.area < 0) a.area = areaAt(a.pos, a.level);
    if (a.area < 0 || a.area >= static_cast<int>(building_.areas.size()) ||
        !pointInPolygon(a.pos, building_.areas[a.area].polygon))
        return makeError("agent position (" + std::to_string(a.pos.x) + ", " + std::to_string(a.pos.y) + ") is not inside its area");
    if (!(a.desiredSpeedMps > 0.0 && a.desiredSpeedMps < 5.0)) return makeError("desired speed must be in (0, 5) m/s");
    if (!(a.radiusM >= 0.05 && a.radiusM <= 0.5)) return makeError("radius must be in [0.05, 0.5] m");
    if (!(a.premovementS >= 0.0) || !std::isfinite(a.premovementS)) return makeError("pre-movement time must be >= 0");
    if (a.assignedExit >= 0 && nav_->exitIndexOfDoor(a.assignedExit) < 0) return makeError("assigned exit is not an exit door");
    if (a.leader >= static_cast<int>(agents_.size())) return makeError("leader must be an agent added before its followers");
    if (a.group >= static_cast<int>(groups_.size())) return makeError("unknown group");
    a.level = building_.areas[a.area].level;
    a.state = AgentState::Waiting;
    a.external = false;
    a.startPos = a.pos;
    a.vel = {};
    a.pathLengthM = 0.0;
    a.exitTimeS = -1.0;
    a.exitDoor = -1;
    a.chosenExit = -1;
    a.nextGate = -1;
    a.lastGate = -1;
    a.leavingGate = -1;
    a.knownBlocked.fill(-1);
    agents_.push_back(a);
    const size_t n = agents_.size();
    nextPos_.resize(n);
    nextVel_.resize(n);
    event_.resize(n, -1);
    prevExit_.resize(n, -1);
    active_.reserve(n);
    cellAgents_.resize(n);
    cellPos_.resize(n);
    cellRadius_.resize(n);
    cellStanding_.resize(n);
    return static_cast<int>(n) - 1;
}

int CrowdSim::addExternalAgent(Vec2 pos, int area, double radiusM) {
    Agent a;
    a.pos = a.startPos = pos;
    a.area = area < static_cast<int>(building_.areas.size()) ? area : -1;
    area = a.area;
    a.level = area >= 0 ? building_.areas[area].level : 0;
    a.radiusM = radiusM;
    a.external = true;
    a.state = AgentState::Walking;
    agents_.push_back(a);
    const size_t n = agents_.size();
    nextPos_.resize(n);
    nextVel_.resize(n);
    event_.resize(n, -1);
    prevExit_.resize(n, -1);
    cellAgents_.resize(n);
    cellPos_.resize(n);
    cellRadius_.resize(n);
    cellStanding_.resize(n);
    return static_cast<int>(n) - 1;
}

void CrowdSim::setExternalAgent(int i, Vec2 pos, int area) {
    if (i < 0 || i >= static_cast<int>(agents_.size())) return;
    Agent& a = agents_[static_cast<size_t>(i)];
    if (!a.external) return;
    if (area >= static_cast<int>(building_.areas.size())) area = -1;
    a.vel = (pos - a.pos) * (1.0 / settings_.dtS);
    a.pos = pos;
    a.area = area;
    if (area >= 0) a.level = building_.areas[area].level;
}

void CrowdSim::setAreaHazard(int area, const LocalHazard& hazard) {
    if (area >= 0 && area < static_cast<int>(areaHazard_.size())) areaHazard_[area] = hazard;
}

void CrowdSim::positions(std::vector<Vec2>& out) const {
    out.resize(agents_.size());
    for (size_t i = 0; i < agents_.size(); ++i) out[i] = agents_[i].pos;
}

std::uint64_t CrowdSim::stateHash() const {
    StateHasher h;
    for (const Agent& a : agents_) {
        h.add(a.pos.x);
        h.add(a.pos.y);
        h.add(a.area);
        h.add(static_cast<int>(a.state));
        h.add(a.exitTimeS);
        h.add(a.nextGate);
    }
    return h.value();
}

double CrowdSim::effectiveSpeed(const Agent& a) const {
    const LocalHazard& ah = areaHazard_[a.area];
    const double k = std::max(a.hazard.smokeExtinctionPerM, ah.smokeExtinctionPerM);
    const double h = std::max(a.hazard.waterDepthM, ah.waterDepthM);
    const double u = std::max(a.hazard.waterSpeedMps, ah.waterSpeedMps);
    return a.desiredSpeedMps * smokeSpeedFactor(k) * floodSpeedFactor(h, u, settings_.floodBlockM2);
}

void CrowdSim::setDoorHazardBlocked(int door, bool blocked) {
    if (door >= 0 && door < static_cast<int>(doorHazardBlocked_.size())) doorHazardBlocked_[door] = blocked ? 1 : 0;
}

bool CrowdSim::gateHazardBlocked(int gate, int fromArea) const {
    const Gate& g = nav_->gates()[gate];
    if (g.door >= 0 && doorHazardBlocked_[g.door]) return true;
    // What lies beyond the gate, seen from fromArea: smoke-logged or flooded means impassable.
    for (int area : {g.areaA, g.areaB}) {
        if (area < 0 || area == fromArea) continue;
        const LocalHazard& h = areaHazard_[area];
        if (h.smokeExtinctionPerM >= settings_.smokeBlockPerM) return true;
        if (floodSpecificForceM2(h.waterDepthM, h.waterSpeedMps) >= settings_.floodBlockM2) return true;
    }
    return false;
}

bool CrowdSim::knows(const Agent& a, int gate) const {
    for (int k : a.knownBlocked)
        if (k == gate) return true;
    return false;
}

double CrowdSim::gateWaitS(int gate) const {
    return queue_[gate] / (nav_->gates()[gate].widthM * settings_.queueFlowPerMs);
}

int CrowdSim::cellIndex(Vec2 p, int level) const {
    const int cx = std::clamp(static_cast<int>((p.x - gridOrigin_.x) / gridCellM_), 0, gridNx_ - 1);
    const int cy = std::clamp(static_cast<int>((p.y - gridOrigin_.y) / gridCellM_), 0, gridNy_ - 1);
    const int cl = std::clamp(level - minLevel_, 0, gridLevels_ - 1);
    return (cl * gridNy_ + cy) * gridNx_ + cx;
}

}  // namespace cd::crowd
