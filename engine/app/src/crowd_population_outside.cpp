// CrowdPopulation outside the building and at its doors: the flood's water at the exits, people
// wading, the walk from the exits to the assembly point, and doors blocked by debris.
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "crowd_population.h"

namespace cd::app {

namespace {

constexpr double kDangerForSomeHr = 0.75;  // Defra FD2321/TR1 Table 3.2: "danger for some" from here
constexpr double kMinWadeFactor = 0.1;     // as the trainee: never quite stopped short of the limit
// Where the water outside an exit is judged: the model's cells 1 to 3 m out from the door
// (buildings are closed cells; the door's own cell may be half wall).
constexpr double kDoorLookM[] = {1.0, 2.0, 3.0};

}  // namespace

bool exitFlooded(const FloodPointSample& w) {
    return w.specificForceM2 >= kWadeLimitM2 || w.hazardRating >= kDangerForSomeHr;
}

void CrowdPopulation::updateDoorHazard(int door) {
    const auto k = static_cast<size_t>(door);
    sim_->setDoorHazardBlocked(door, doorDebris_[k] || doorFlooded_[k]);
}

// Each exit: the worst water in the cells just outside it. A flooded exit is marked for the
// crowd model, which shows it to the people in the room next to it (as a smoke-logged door).
void CrowdPopulation::senseFloodAtExits(const FloodHazard& flood, std::vector<HazardEvent>& events) {
    const auto& doors = sim_->building().doors;
    for (size_t k = 0; k < doors.size(); ++k) {
        if (!doors[k].isExit()) continue;
        const world::Door* door = district_->findDoor(doors[k].id);
        if (!door) continue;
        FloodPointSample worst;
        for (double out : kDoorLookM) {
            const glm::vec3 p = door->centerM + door->normal * static_cast<float>(out);
            const FloodPointSample w = flood.sample(p.x, p.y);
            if (w.hazardRating > worst.hazardRating || w.specificForceM2 > worst.specificForceM2) worst = w;
        }
        const bool flooded = exitFlooded(worst);
        if (flooded == (doorFlooded_[k] != 0)) continue;
        doorFlooded_[k] = flooded ? 1 : 0;
        updateDoorHazard(static_cast<int>(k));
        if (flooded && !doorEverFlooded_[k]) {
            doorEverFlooded_[k] = 1;
            char text[200];
            std::snprintf(text, sizeof text, "water outside the exit: depth %.2f m, speed %.2f m/s, hazard rating %.2f; people who see it go elsewhere",
                          worst.depthM, worst.speedMs, worst.hazardRating);
            events.push_back({"crowd.exit_flooded", doors[k].id, worst.hazardRating, text});
        }
    }
}

// A person in water: exposure while the hazard rating is "danger for some" or worse (Defra
// FD2321/TR1), swept off their feet beyond the wading limit (Ishigaki et al. 2009).
void CrowdPopulation::wade(int person, const FloodPointSample& w, std::vector<HazardEvent>& events) {
    const auto i = static_cast<size_t>(person);
    crowd::Agent& a = sim_->agent(person);
    if (w.hazardRating >= kDangerForSomeHr) {
        a.floodExposureS += crowdDtS_;
        if (!exposedReported_[i]) {
            exposedReported_[i] = 1;
            char text[160];
            std::snprintf(text, sizeof text, "in flood water: depth %.2f m, speed %.2f m/s, hazard rating %.2f", w.depthM, w.speedMs, w.hazardRating);
            events.push_back({"crowd.flood_exposure", ids_[i], w.hazardRating, text});
        }
    }
    if (!swept_[i] && w.specificForceM2 > kWadeLimitM2) {
        swept_[i] = 1;
        char text[160];
        std::snprintf(text, sizeof text, "swept off their feet: depth %.2f m, speed %.2f m/s, specific force %.3f m^2", w.depthM, w.speedMs, w.specificForceM2);
        events.push_back({"crowd.swept", ids_[i], w.specificForceM2, text});
    }
}

glm::vec2 CrowdPopulation::assemblySlot(int person) const {
    // Lined up for the roll call: rows of 10, 1 m apart, from 3 m south of the assembly point
    // (its centre stays free for whoever takes the roll).
    const int row = person / 10, col = person % 10;
    return glm::vec2(assemblyM_.x - 4.5f + col * 1.0f, assemblyM_.y - 3.0f - row * 1.0f);
}

// Out of the building, each person walks to the assembly point: through the scenario's
// crowd_route, then to their place in the line-up. No collisions out here (open ground);
// the water slows them (wadingSpeedFactor), exposes them, and may sweep them off their feet.
void CrowdPopulation::walkOutdoors(double now, const FloodHazard* flood, std::vector<HazardEvent>& events) {
    if (!hasAssembly_) return;
    const auto& agents = sim_->agents();
    int arrived = 0;
    for (int i = 0; i < people_; ++i) {
        const auto k = static_cast<size_t>(i);
        const crowd::Agent& a = agents[k];
        OutdoorWalk& w = outdoor_[k];
        if (a.state != crowd::AgentState::Out) continue;
        if (!w.started) {
            // Just out: this step's water was met on the way out (the leaving metre).
            w.started = true;
            w.posM = glm::vec2(static_cast<float>(a.pos.x), static_cast<float>(a.pos.y));
            continue;
        }
        arrived += w.arrived ? 1 : 0;
        if (swept_[k]) continue;
        double factor = 1.0;
        if (flood) {
            const FloodPointSample water = flood->sample(w.posM.x, w.posM.y);
            wade(i, water, events);
            if (swept_[k]) continue;
            factor = std::max(kMinWadeFactor, wadingSpeedFactor(water.specificForceM2));
        }
        float stepM = static_cast<float>(a.desiredSpeedMps * factor * crowdDtS_);
        const int legs = static_cast<int>(route_.size()) + 1;
        while (stepM > 0.0f && w.leg < legs) {
            const glm::vec2 target = w.leg < static_cast<int>(route_.size()) ? route_[static_cast<size_t>(w.leg)] : assemblySlot(i);
            const glm::vec2 to = target - w.posM;
            const float dist = std::sqrt(to.x * to.x + to.y * to.y);
            if (dist > 1e-4f) headingDeg_[k] = std::atan2(to.y, to.x) * 57.29578f;
            if (dist <= stepM) {
                w.posM = target;
                stepM -= dist;
                ++w.leg;
            } else {
                w.posM += to * (stepM / dist);
                stepM = 0.0f;
            }
        }
        if (w.leg >= legs) headingDeg_[k] = 90.0f;  // facing the roll call
        const glm::vec2 d = w.posM - glm::vec2(assemblyM_.x, assemblyM_.y);
        if (!w.arrived && (w.leg >= legs || d.x * d.x + d.y * d.y <= assemblyRadiusM_ * assemblyRadiusM_)) {
            w.arrived = true;
            w.arrivedS = now;
            ++arrived;
        }
    }
    if (!allAssembledReported_ && people_ > 0 && arrived >= people_) {
        allAssembledReported_ = true;
        events.push_back({"crowd.all_assembled", "", now, "all " + std::to_string(people_) + " people are at the assembly point"});
    }
}

Status CrowdPopulation::setDoorBlocked(const std::string& districtDoorId, bool blocked) {
    if (!district_->findDoor(districtDoorId)) return makeError("no door '" + districtDoorId + "' in district " + district_->name);
    const int door = sim_->building().doorIndex(districtDoorId);
    if (door < 0) return Ok{};  // in a building without crowd: nobody to reroute
    doorDebris_[static_cast<size_t>(door)] = blocked ? 1 : 0;
    updateDoorHazard(door);
    return Ok{};
}

std::vector<std::string> CrowdPopulation::doorsInUse() const {
    constexpr double kReachM = 0.3;  // a hand on the door beyond the body's edge
    std::vector<std::string> out;
    const crowd::Building& b = sim_->building();
    for (const crowd::Door& d : b.doors) {
        bool used = false;
        for (const crowd::Agent& a : sim_->agents()) {
            if (a.external || a.state != crowd::AgentState::Walking || (a.area != d.fromArea && a.area != d.toArea)) continue;
            if (crowd::distanceToSegment(a.pos, d.segment) <= a.radiusM + kReachM) {
                used = true;
                break;
            }
        }
        if (used) out.push_back(d.id);
    }
    return out;
}

std::vector<std::string> CrowdPopulation::floodedExits() const {
    std::vector<std::string> out;
    for (size_t k = 0; k < doorFlooded_.size(); ++k)
        if (doorFlooded_[k]) out.push_back(sim_->building().doors[k].id);
    return out;
}

}  // namespace cd::app
