// Drop, cover, hold on: what a drilled class does while the ground shakes (the protective
// action of earthquake programmes such as the Great ShakeOut, and the one the trainee is scored
// on). Each person drops when their time comes, crawls under the nearest free place at a desk
// or covers where they are, and holds on until the shaking stops.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>

#include <glm/glm.hpp>
#include <glm/gtc/quaternion.hpp>

#include "crowd_furniture.h"
#include "crowd_population.h"
#include "earthquake_hazard.h"

namespace cd::app {

namespace {

constexpr float kChildHeightM = 1.4f, kAdultHeightM = 1.7f;  // as drawn (CrowdPersonView)
constexpr float kTraineeClearM = 0.5f; // a place the trainee is at is theirs
constexpr double kArrivedM = 0.02;

}  // namespace

float CrowdPopulation::standingHeightM(int person) const {
    return teacher_[static_cast<std::size_t>(person)] ? kAdultHeightM : kChildHeightM;
}

float CrowdPopulation::heightNowM(int person) const {
    const Cover c = cover_[static_cast<std::size_t>(person)];
    return c == Cover::Standing ? standingHeightM(person) : kCrawlHeightFraction * standingHeightM(person);
}

bool CrowdPopulation::holdsDeskPlace(int body, int place) const {
    for (std::size_t k = 0; k < coverPlace_.size(); ++k) {
        const int code = coverPlace_[k];
        if (code < 0 || struck_[k] || code % kMaxDeskPlaces != place) continue;
        if (furniture_[static_cast<std::size_t>(code / kMaxDeskPlaces)].body == body) return true;
    }
    return false;
}

// The JMA intensity felt on each level's floor (the ground's through JMA's filters, or in a
// swaying building that storey's), as the trainee's (FeltShaking): one per level, not per person.
void CrowdPopulation::feelTheShaking(const EarthquakeHazard& quake) {
    if (feltOnLevel_.empty()) {
        int levels = 0;
        for (const auto& area : sim_->building().areas) levels = std::max(levels, area.level + 1);
        levelFloorZ_.assign(static_cast<std::size_t>(levels), std::numeric_limits<float>::quiet_NaN());
        for (std::size_t a = 0; a < areaRoom_.size(); ++a)
            if (areaRoom_[a]) levelFloorZ_[static_cast<std::size_t>(sim_->building().areas[a].level)] = areaRoom_[a]->box.min.z;
        feltOnLevel_.assign(static_cast<std::size_t>(levels), FeltShaking(tickS_));
    }
    for (std::size_t l = 0; l < feltOnLevel_.size(); ++l)
        if (!std::isnan(levelFloorZ_[l])) feltOnLevel_[l].add(quake.feltAccelerationMS2(glm::vec3(0.0f, 0.0f, levelFloorZ_[l])));
}

void CrowdPopulation::holdOn(double now, const EarthquakeHazard& quake, const glm::vec3& traineeFeetM, std::vector<HazardEvent>& events) {
    if (!hasQuake_) return;
    feelTheShaking(quake);
    // Thrown down, they stand again once their floor's shaking is below 6 lower (as the trainee),
    // and walk on if they were walking.
    for (int i = 0; i < people_; ++i) {
        const auto k = static_cast<std::size_t>(i);
        if (!thrown_[k] || struck_[k]) continue;
        const crowd::Agent& a = sim_->agents()[k];
        if (feltOnLevel_[static_cast<std::size_t>(a.level)].intensity() >= FeltShaking::kStandAgainIntensity) continue;
        thrown_[k] = 0;
        cover_[k] = Cover::Standing;
        if (paused_[k]) sim_->agent(i).external = false;
        paused_[k] = 0;
    }
    if (!quake.shaking()) {
        // Before the alarm they hold on until it sounds (startEvacuation stands them up). After an
        // aftershock those who stopped to hold on stand and walk on, out from under any desk.
        if (shakingSeen_ && started()) {
            for (int i = 0; i < people_; ++i) {
                const auto k = static_cast<std::size_t>(i);
                if (paused_[k] && !struck_[k]) sim_->agent(i).external = false;
                paused_[k] = 0;
                if (!struck_[k]) {
                    cover_[k] = Cover::Standing;
                    coverPlace_[k] = -1;
                }
            }
            int stuck = 0;
            obstacleFigures_.steppedOff += stepOffObstacles(stuck, true);
        }
        shakingSeen_ = false;
        lastHoldOnS_ = now;
        return;
    }
    if (!shakingSeen_) {
        // A shaking begins (the main one, or an aftershock): everyone's delay runs from now.
        shakingSeen_ = true;
        shakeStartS_ = now;
        std::fill(groupCovered_.begin(), groupCovered_.end(), 0);
    }
    const double dt = lastHoldOnS_ >= 0.0 ? std::max(0.0, now - lastHoldOnS_) : 0.0;
    lastHoldOnS_ = now;
    // Who drops in this shaking: those of a group that does, in a room. Walking out (an
    // aftershock), those on a flight or passing an exit keep going (a hand on the rail).
    auto dropsNow = [&](std::size_t k) {
        const crowd::Agent& a = sim_->agents()[k];
        if (coverDelayS_[k] < 0.0 || a.area < 0 || a.state == crowd::AgentState::Out) return false;
        return !started() || (a.state != crowd::AgentState::OnStair && a.leavingGate < 0 && a.exitTimeS < 0.0);
    };
    auto taken = [&](int code, int self) {
        for (int j = 0; j < people_; ++j)
            if (j != self && coverPlace_[static_cast<std::size_t>(j)] == code) return true;
        return false;
    };
    for (int i = 0; i < people_; ++i) {
        const auto k = static_cast<std::size_t>(i);
        crowd::Agent& a = sim_->agent(i);
        if (struck_[k] || !dropsNow(k)) continue;
        const world::Room* room = areaRoom_[static_cast<std::size_t>(a.area)];
        Cover& c = cover_[k];
        if (c == Cover::Standing) {
            if (now < shakeStartS_ + coverDelayS_[k]) continue;
            // Drop: the nearest free place under an upright desk of this room within reach, that
            // a person this tall fits under (the one rule the trainee's shelter uses too).
            int bestCode = -1;
            const glm::vec3 feet(static_cast<float>(a.pos.x), static_cast<float>(a.pos.y), room->box.min.z);
            for (const auto& at : quake.deskPlacesWithin(feet, static_cast<float>(kCoverReachM), kCrawlHeightFraction * standingHeightM(i), room)) {
                if (std::fabs(traineeFeetM.z - at.floorM.z) < 1.0f &&
                    std::hypot(traineeFeetM.x - at.floorM.x, traineeFeetM.y - at.floorM.y) < kTraineeClearM)
                    continue;
                const auto p = std::find_if(furniture_.begin(), furniture_.end(), [&](const FurniturePiece& f) { return f.body == at.body; });
                if (p == furniture_.end()) continue;
                const int code = static_cast<int>(p - furniture_.begin()) * kMaxDeskPlaces + at.place;
                if (taken(code, i)) continue;
                bestCode = code;
                break;
            }
            coverPlace_[k] = bestCode;
            c = bestCode >= 0 ? Cover::Crawling : Cover::InTheOpen;
            ++(bestCode >= 0 ? underDesks_ : inTheOpen_);
        }
        // Walking out (an aftershock), they stop where they hold on: no longer stepped until it has passed.
        if (started() && c != Cover::Standing && a.state == crowd::AgentState::Walking && !a.external) {
            a.external = true;
            a.vel = {0.0, 0.0};
            paused_[k] = 1;
        }
        if (c == Cover::Crawling || c == Cover::UnderDesk) {
            const int code = coverPlace_[k];
            const DeskPlaces desk = placesUnderDesk(quake.bodyBox(static_cast<std::size_t>(furniture_[static_cast<std::size_t>(code / kMaxDeskPlaces)].body)));
            const auto place = static_cast<std::size_t>(code % kMaxDeskPlaces);
            if (place >= desk.floorM.size()) {
                // The desk toppled or was thrown over: they are in the open where they are.
                c = Cover::InTheOpen;
                coverPlace_[k] = -1;
                continue;
            }
            // Crawl there; under it, hold on to it and move with it.
            const crowd::Vec2 to{desk.floorM[place].x, desk.floorM[place].y};
            const crowd::Vec2 d = to - a.pos;
            const double len = crowd::length(d);
            const double step = c == Cover::UnderDesk ? len : kCrawlMps * dt;
            if (c == Cover::Crawling && len > kArrivedM) headingDeg_[k] = static_cast<float>(std::atan2(d.y, d.x) * 57.29577951308232);
            a.pos = len <= step ? to : a.pos + d * (step / len);
            if (len <= step + kArrivedM) c = Cover::UnderDesk;
        }
    }
    // Those who do not drop of themselves are thrown to the floor where they stand once their
    // floor's shaking reaches JMA 6 upper ("impossible to remain standing"), as the trainee is
    // (Session::senseEarthquake); walking out (an aftershock), they stop there.
    for (int i = 0; i < people_; ++i) {
        const auto k = static_cast<std::size_t>(i);
        crowd::Agent& a = sim_->agent(i);
        if (coverDelayS_[k] >= 0.0 || struck_[k] || thrown_[k] || cover_[k] != Cover::Standing || a.area < 0 ||
            a.state == crowd::AgentState::Out || a.state == crowd::AgentState::OnStair || a.leavingGate >= 0 || a.exitTimeS >= 0.0)
            continue;
        const double felt = feltOnLevel_[static_cast<std::size_t>(a.level)].intensity();
        if (felt < FeltShaking::kThrownDownIntensity) continue;
        thrown_[k] = 1;
        cover_[k] = Cover::InTheOpen;
        ++thrownDown_;
        if (started() && a.state == crowd::AgentState::Walking && !a.external) {
            a.external = true;
            a.vel = {0.0, 0.0};
            paused_[k] = 1;
        }
        char text[96];
        std::snprintf(text, sizeof text, "thrown to the floor by the shaking (JMA %.1f)", felt);
        events.push_back({"crowd.thrown_down", ids_[k], felt, text});
    }
    // One event per group once every one of it (but the struck) has dropped.
    const int groups = static_cast<int>(groupIds_.size());
    for (int g = 0; g < groups; ++g) {
        if (groupCovered_[static_cast<std::size_t>(g)]) continue;
        int members = 0, standing = 0, under = 0, open = 0;
        for (int i = 0; i < people_; ++i) {
            const auto k = static_cast<std::size_t>(i);
            if (sim_->agents()[k].group != g || !dropsNow(k)) continue;
            ++members;
            if (struck_[k]) continue;
            if (cover_[k] == Cover::Standing) ++standing;
            else if (coverPlace_[k] >= 0) ++under;
            else ++open;
        }
        if (members == 0 || standing > 0) continue;
        groupCovered_[static_cast<std::size_t>(g)] = 1;
        events.push_back({"crowd.took_cover", groupIds_[static_cast<std::size_t>(g)], static_cast<double>(under),
                          std::to_string(under) + " under desks, " + std::to_string(open) + " in the open"});
    }
}

}  // namespace cd::app
