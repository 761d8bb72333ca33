// The crowd's obstacles from the earthquake's physics world: furniture, debris and door leaves
// taken at the alarm and kept current while things still move, and the people they cover
// stepping off.
#include <algorithm>
#include <chrono>
#include <cmath>

#include <glm/glm.hpp>
#include <glm/gtc/quaternion.hpp>

#include "crowd_debris.h"
#include "crowd_furniture.h"
#include "crowd_obstacle_geometry.h"
#include "crowd_population.h"
#include "earthquake_hazard.h"

namespace cd::app {

namespace {

constexpr double kPersonRadiusM = 0.2;  // the crowd model's default body (as crowd_population.cpp)
constexpr double kWallClearM = 0.05;    // the crowd model's own clearance from walls
constexpr double kRingStepM = 0.1;      // the search for a free spot: rings this far apart
constexpr int kRings = 40;              // out to 4 m, then the whole area on a grid of kRingStepM
constexpr double kShoveGapM = 0.5;      // a body (0.4 m) and the model's 5 cm wall clearance each side
constexpr double kLyingRadiusM = 0.01;  // struck: on the floor; others step round and over them
bool sameExtents(glm::vec3 a, glm::vec3 b) { return glm::all(glm::lessThan(glm::abs(a - b), glm::vec3(1e-3f))); }

glm::vec3 sortedExtents(glm::vec3 h) {
    float v[3] = {h.x, h.y, h.z};
    std::sort(v, v + 3);
    return {v[0], v[1], v[2]};
}

// How far the furthest corner of a box moved between two poses.
float cornerShiftM(const render::BoxInstance& a, const render::BoxInstance& b) {
    float worst = 0.0f;
    for (int k = 0; k < 8; ++k) {
        const glm::vec3 local((k & 1 ? 1.0f : -1.0f) * a.halfExtents.x, (k & 2 ? 1.0f : -1.0f) * a.halfExtents.y,
                              (k & 4 ? 1.0f : -1.0f) * a.halfExtents.z);
        worst = std::max(worst, glm::length((a.center + a.orientation * local) - (b.center + b.orientation * local)));
    }
    return worst;
}

}  // namespace

// EarthquakeHazard::boxes() lists the bodies of the world it was built from in order, those
// that have mass: the dynamic bodies (furniture, lights, extinguishers), the door leaves, then
// the structure chunks that came loose (an intact chunk is static and left out).
Status CrowdPopulation::sortQuakeBoxes(const EarthquakeHazard& quake, std::vector<render::BoxInstance>& furniture,
                                       std::vector<render::BoxInstance>& leaves, std::vector<render::BoxInstance>& chunks) const {
    const std::vector<render::BoxInstance> all = quake.boxes();
    const std::size_t firstLeaf = static_cast<std::size_t>(quakeBodies_), firstChunk = firstLeaf + leafHalfExtentsM_.size();
    if (all.size() < firstChunk) return makeError("the earthquake's bodies are not those the crowd was built with");
    for (const FurniturePiece& f : furniture_) {
        const auto k = static_cast<std::size_t>(f.body);
        if (k >= firstLeaf || !sameExtents(all[k].halfExtents, f.halfExtentsM))
            return makeError("the earthquake's bodies are not the furniture the crowd was built with");
        furniture.push_back(all[k]);
    }
    for (std::size_t i = 0; i < leafHalfExtentsM_.size(); ++i) {
        if (!sameExtents(sortedExtents(all[firstLeaf + i].halfExtents), leafHalfExtentsM_[i]))
            return makeError("the earthquake's bodies are not the door leaves the crowd was built with");
        leaves.push_back(all[firstLeaf + i]);
    }
    chunks.assign(all.begin() + static_cast<std::ptrdiff_t>(firstChunk), all.end());
    return Ok{};
}

Status CrowdPopulation::settleFurniture(const EarthquakeHazard& quake) {
    if (!hasQuake_) return Ok{};
    if (auto st = takeObstacles(quake); !st) return st;
    // Those who sheltered under a desk that is now shoved aside (debris came against it) stand
    // up beside it, not inside it.
    int stuck = 0;
    obstacleFigures_.steppedOff += stepOffObstacles(stuck, true);
    obstacleFigures_.stuck += stuck;
    return Ok{};
}

Status CrowdPopulation::followEarthquake(double now, const EarthquakeHazard& quake, bool force) {
    if (!hasQuake_ || !started()) return Ok{};
    if (!force && now + 1e-9 < nextCheckS_) return Ok{};
    nextCheckS_ = now + kObstacleCheckS;
    ++obstacleFigures_.checks;
    if (!force && !pushAsideWhereStuck(now, quake) && !taken_.empty()) {
        std::vector<render::BoxInstance> furniture, leaves, chunks;
        if (auto st = sortQuakeBoxes(quake, furniture, leaves, chunks); !st) return st;
        bool moved = static_cast<int>(chunks.size()) != takenChunks_;
        std::vector<render::BoxInstance> current = std::move(furniture);
        current.insert(current.end(), leaves.begin(), leaves.end());
        current.insert(current.end(), chunks.begin(), chunks.end());
        for (std::size_t i = 0; i < current.size() && i < taken_.size() && !moved; ++i)
            moved = cornerShiftM(current[i], taken_[i]) > kObstacleMoveM;
        if (!moved) return Ok{};
    }
    return takeObstacles(quake);
}

bool CrowdPopulation::pushAsideWhereStuck(double now, const EarthquakeHazard& quake) {
    if (furniture_.empty()) return false;
    // Everyone the model steps, and the trainee (who can hold someone up, but is not watched).
    std::vector<FurniturePush::Person> people;
    people.reserve(sim_->agents().size());
    for (const crowd::Agent& a : sim_->agents()) {
        const world::Room* room = a.area >= 0 ? areaRoom_[static_cast<size_t>(a.area)] : nullptr;
        people.push_back({a.pos, a.radiusM, a.area, room ? static_cast<double>(room->box.min.z) : std::nan(""),
                          a.state == crowd::AgentState::Walking, a.external || a.leavingGate >= 0});
    }
    const std::vector<int> stuck = furniturePush_.whoIsStuck(now, people);
    if (stuck.empty()) return false;
    std::vector<render::BoxInstance> furniture, leaves, chunks;
    if (!sortQuakeBoxes(quake, furniture, leaves, chunks)) return false;
    std::vector<FurniturePush::Piece> pieces;
    pieces.reserve(furniture.size());
    for (const render::BoxInstance& f : furniture)
        pieces.push_back({boxFootprint(f, 0.0), static_cast<double>(f.center.z - f.halfExtents.z)});
    const std::vector<int> pushed = furniturePush_.pushAside(people, stuck, pieces);
    obstacleFigures_.pushedAside += static_cast<int>(pushed.size());
    return !pushed.empty();
}

Status CrowdPopulation::takeObstacles(const EarthquakeHazard& quake) {
    const auto t0 = std::chrono::steady_clock::now();
    std::vector<render::BoxInstance> furniture, leaves, chunks;
    if (auto st = sortQuakeBoxes(quake, furniture, leaves, chunks); !st) return st;
    const crowd::Building& b = sim_->building();
    int furnitureKept = 0;
    std::vector<render::BoxInstance> standing;  // not pushed aside by someone stuck among them
    for (size_t i = 0; i < furniture.size(); ++i)
        if (!furniturePush_.pushed(static_cast<int>(i))) standing.push_back(furniture[i]);
    std::vector<crowd::Obstacle> fromDesks = obstaclesOfFurniture(standing, b, areaRoom_, furnitureKept);
    // A leaf that came off its hinge with its wall lies among the debris, and is judged as debris.
    const std::vector<char>& off = quake.leavesOff();
    std::vector<render::BoxInstance> fallen = chunks;
    for (std::size_t i = 0; i < leaves.size(); ++i)
        if (i < off.size() && off[i]) fallen.push_back(leaves[i]);
    DebrisObstacleCount debris;
    std::vector<crowd::Obstacle> fromDebris = obstaclesOfDebris(fallen, b, areaRoom_, debris);
    // A desk or bookcase that debris came down against (closer than a body passes) is shoved aside or
    // climbed over, as one by a door: else a chunk fallen at the end of an aisle of desks shuts
    // everyone in the aisles beyond it in (the shipped scene's classroom A.4.3).
    std::vector<crowd::Obstacle> obstacles;
    int shoved = 0;
    for (crowd::Obstacle& f : fromDesks) {
        bool against = false;
        for (const crowd::Obstacle& d : fromDebris)
            against = against || (d.area == f.area && polygonGap(f.polygon, d.polygon) < kShoveGapM);
        if (against) ++shoved;
        else obstacles.push_back(std::move(f));
    }
    // Which pieces those were (a bridge between two pieces counts for both).
    shovedFurniture_.clear();
    shovedFootprints_.clear();
    for (size_t i = 0; i < furniture_.size() && i < furniture.size(); ++i)
        if (furniturePush_.pushed(static_cast<int>(i))) {
            shovedFurniture_.push_back(furniture_[i].body);
            shovedFootprints_.push_back(boxFootprint(furniture[i], 0.0));
        }
    if (shoved > 0)
        for (std::size_t i = 0; i < furniture.size(); ++i) {
            crowd::Polygon foot = boxFootprint(furniture[i], 0.0);
            bool against = false;
            for (const crowd::Obstacle& d : fromDebris) against = against || polygonGap(foot, d.polygon) < kShoveGapM;
            if (against) {
                shovedFurniture_.push_back(furniture_[i].body);
                shovedFootprints_.push_back(std::move(foot));
            }
        }
    const int fromFurniture = static_cast<int>(obstacles.size());
    for (crowd::Obstacle& o : fromDebris) obstacles.push_back(std::move(o));
    // A leaf whose door is shut is not in the way: people open it as they come (the session opens
    // the door in the fire model and the leaf swings back).
    const std::vector<char>& shut = quake.shutLeaves();
    std::vector<render::BoxInstance> hanging;
    for (std::size_t i = 0; i < leaves.size(); ++i)
        if ((i >= shut.size() || !shut[i]) && (i >= off.size() || !off[i])) hanging.push_back(leaves[i]);
    std::vector<crowd::Obstacle> leafObstacles = obstaclesOfDoorLeaves(hanging, b, areaRoom_);
    const int fromLeaves = static_cast<int>(leafObstacles.size());
    for (crowd::Obstacle& o : leafObstacles) obstacles.push_back(std::move(o));
    if (auto st = sim_->setObstacles(std::move(obstacles)); !st) return st;
    furnitureObstacles_ = furnitureKept;
    CrowdObstacleFigures& f = obstacleFigures_;
    f.furnitureObstacles = fromFurniture;
    f.furnitureShoved = shoved;
    f.debrisPieces = debris.pieces;
    f.debrisObstacles = debris.obstacles;
    f.leafObstacles = fromLeaves;
    taken_ = std::move(furniture);
    taken_.insert(taken_.end(), leaves.begin(), leaves.end());
    taken_.insert(taken_.end(), chunks.begin(), chunks.end());
    takenChunks_ = static_cast<int>(chunks.size());
    int stuck = 0;
    f.steppedOff += stepOffObstacles(stuck);
    f.stuck = stuck;
    ++f.refreshes;
    const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    f.refreshMsTotal += ms;
    f.refreshMsMax = std::max(f.refreshMsMax, ms);
    return Ok{};
}

// Whoever an obstacle now covers (or pins against it) steps to the nearest free spot: rings
// 0.1 m apart out to 4 m, the first point clear of walls, obstacles and the others; failing
// that (a heap fills the room round them), the nearest such point of their area on a 0.1 m grid.
int CrowdPopulation::stepOffObstacles(int& stuck, bool standingUp) {
    auto& agents = sim_->agents();
    auto clearOfShoved = [&](crowd::Vec2 p, double clearM) {
        if (!standingUp) return true;
        for (const crowd::Polygon& foot : shovedFootprints_)
            if (distanceToPolygon(p, foot) < clearM) return false;
        return true;
    };
    auto freeOfOthers = [&](crowd::Vec2 p, int area, int self) {
        for (int j = 0; j < static_cast<int>(agents.size()); ++j) {
            const crowd::Agent& o = agents[static_cast<size_t>(j)];
            if (j == self || o.external || o.area != area || o.state == crowd::AgentState::Out) continue;
            if (crowd::length(o.pos - p) < 2.0 * kPersonRadiusM + 0.05) return false;
        }
        return true;
    };
    int movedCount = 0;
    stuck = 0;
    for (int i = 0; i < people_; ++i) {
        crowd::Agent& a = sim_->agent(i);
        if (a.external || a.area < 0 || a.state == crowd::AgentState::Out || a.state == crowd::AgentState::OnStair || a.leavingGate >= 0 ||
            (sim_->fitsGeometry(a.pos, a.area, kWallClearM) && clearOfShoved(a.pos, kWallClearM)))
            continue;
        auto fits = [&](crowd::Vec2 p) {
            return sim_->fitsGeometry(p, a.area, kPersonRadiusM) && clearOfShoved(p, kPersonRadiusM) && freeOfOthers(p, a.area, i);
        };
        bool moved = false;
        for (int ring = 1; ring <= kRings && !moved; ++ring) {
            const double r = kRingStepM * ring;
            const int n = 8 * ring;
            for (int k = 0; k < n && !moved; ++k) {
                const double t = 6.283185307179586 * k / n;
                const crowd::Vec2 p = a.pos + crowd::Vec2{std::cos(t), std::sin(t)} * r;
                if (fits(p)) {
                    a.pos = p;
                    moved = true;
                }
            }
        }
        if (!moved) {
            const crowd::Polygon& poly = sim_->building().areas[static_cast<size_t>(a.area)].polygon;
            double x0 = 1e300, y0 = 1e300, x1 = -1e300, y1 = -1e300;
            for (crowd::Vec2 p : poly) {
                x0 = std::min(x0, p.x); x1 = std::max(x1, p.x);
                y0 = std::min(y0, p.y); y1 = std::max(y1, p.y);
            }
            crowd::Vec2 best{};
            double bestD = 1e300;
            for (double y = y0 + kPersonRadiusM; y <= y1 - kPersonRadiusM; y += kRingStepM)
                for (double x = x0 + kPersonRadiusM; x <= x1 - kPersonRadiusM; x += kRingStepM) {
                    const crowd::Vec2 p{x, y};
                    const double dd = crowd::length(p - a.pos);
                    if (dd < bestD && fits(p)) {
                        bestD = dd;
                        best = p;
                    }
                }
            if (bestD < 1e300) {
                a.pos = best;
                moved = true;
            }
        }
        if (moved) {
            a.vel = {};
            ++movedCount;
        } else {
            ++stuck;
        }
    }
    return movedCount;
}

void CrowdPopulation::senseDebris(const EarthquakeHazard& quake, std::vector<HazardEvent>& events) {
    if (!hasQuake_ || !quake.somethingFalling()) return;
    for (int i = 0; i < people_; ++i) {
        const auto k = static_cast<size_t>(i);
        crowd::Agent& a = sim_->agent(i);
        if (struck_[k] || a.exitTimeS >= 0.0 || a.area < 0 || a.state == crowd::AgentState::OnStair) continue;
        const world::Room* room = areaRoom_[static_cast<size_t>(a.area)];
        // Covering, they are low (holdOn); under a desk its top stops what falls on it.
        const std::optional<DebrisStrike> hit = quake.struckBy(glm::vec3(a.pos.x, a.pos.y, room->box.min.z), static_cast<float>(a.radiusM),
                                                               heightNowM(i), cover_[k] == Cover::UnderDesk, hurtBy_[k]);
        if (!hit) continue;
        if (!hit->serious()) {
            // Hurt, they walk on (recorded once; a serious blow from something else still
            // strikes them down).
            if (hurtBy_[k] < 0) {
                hurtBy_[k] = hit->body;
                events.push_back({"crowd.struck_by_debris", ids_[k], hit->energyJ, hit->describe() + " in " + room->id});
            }
            continue;
        }
        // Down where they fell: no longer stepped (as the trainee's body is placed by the caller),
        // and next to no size, so the others step round and over them: with even 0.1 m a body on
        // the floor of an aisle between desks was a wall to the model and three classmates stayed.
        struck_[k] = 1;
        cover_[k] = Cover::Standing;  // lying where they fell (drawn struck)
        coverPlace_[k] = -1;
        a.external = true;
        a.radiusM = kLyingRadiusM;
        a.vel = {0.0, 0.0};
        events.push_back({"crowd.struck_by_debris", ids_[k], hit->energyJ, hit->describe() + " in " + room->id});
    }
}

}  // namespace cd::app
