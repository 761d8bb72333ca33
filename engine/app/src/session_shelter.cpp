// Drop, cover, hold on for the trainee, as the crowd does it (crowd_population_cover.cpp): the
// trainee crawls to the nearest free place under a desk within reach that they fit under on
// hands and knees, holds on to it and moves with it while the ground shakes, and comes out
// from under it when they stand or move. Under the desk, the desk's top stops what falls on it
// (EarthquakeHazard::struckBy) and the eye is low, under the top.
#include <cmath>
#include <cstdio>

#include "crowd_furniture.h"
#include "crowd_population.h"
#include "session.h"
#include "session_text.h"

namespace cd::app {

namespace {
constexpr float kArrivedM = 0.02f;
constexpr float kEyeBelowTopM = 0.1f;  // on hands and knees, the eye a little under the back
}  // namespace

float Session::crawlHeightM() const {
    const float stature = capsule_ ? capsule_->statureM() : static_cast<float>(setup_.scenario->trainee.eyeHeightM) + 0.12f;
    return CrowdPopulation::kCrawlHeightFraction * stature;
}

float Session::shelterEyeHeightM() const { return crawlHeightM() - kEyeBelowTopM; }

glm::vec3 Session::claimedSpot() const {
    if (shelter_ && quake_)
        if (auto at = quake_->deskPlace(shelter_->desk, shelter_->place)) return *at;
    return body_.feetM;
}

bool Session::takeShelter() {
    if (shelter_) return true;
    if (!quake_) return false;
    if (!body_.room) return false;  // outdoors: no desk to get under
    for (const auto& p : quake_->deskPlacesWithin(body_.feetM, static_cast<float>(CrowdPopulation::kCoverReachM), crawlHeightM(), body_.room)) {
        if (crowd_ && crowd_->holdsDeskPlace(p.body, p.place)) continue;
        shelter_ = Shelter{p.body, p.place, false};
        return true;
    }
    return false;
}

void Session::followShelter(float dt) {
    const std::optional<glm::vec3> at = quake_->deskPlace(shelter_->desk, shelter_->place);
    if (!at) {
        // The desk went over or was thrown aside: in the open where they are.
        const double held = shelter_->under ? timeS() - shelter_->sinceS : 0.0;
        shelter_->under = false;
        leaveShelter();
        emit("trainee.cover_lost", body_.room ? body_.room->id : "outside", held, "the desk over the trainee went over");
        messages_.push_back({timeS(), "warning", tr(say::kDeskOver)});
        return;
    }
    // Crawl there (at the crowd's pace); under it, hold on to it and move with it.
    glm::vec3 feet = *at;
    if (!shelter_->under) {
        const glm::vec2 d(at->x - body_.feetM.x, at->y - body_.feetM.y);
        const float len = glm::length(d), step = static_cast<float>(CrowdPopulation::kCrawlMps) * dt;
        if (len > kArrivedM) body_.yawDeg = std::atan2(d.y, d.x) * 57.29578f;
        if (len > step) feet = glm::vec3(body_.feetM.x + d.x * (step / len), body_.feetM.y + d.y * (step / len), at->z);
        else {
            shelter_->under = true;
            shelter_->sinceS = timeS();
            emit("trainee.under_desk", body_.room ? body_.room->id : "outside", 0.0, "under a desk, holding on");
            messages_.push_back({timeS(), "message", tr(say::kUnderDesk)});
        }
    }
    motion_.moveFreely(body_, feet);
}

void Session::leaveShelter() {
    if (!shelter_) return;
    const Shelter was = *shelter_;
    shelter_.reset();
    if (was.under) {
        // For the review: how long they held on, and whether they came out while it still shook.
        const double held = timeS() - was.sinceS;
        char text[96];
        std::snprintf(text, sizeof text, "came out from under the desk after %.1f s%s", held,
                      quake_->shaking() ? " while the ground still shook" : "");
        emit("trainee.left_cover", body_.room ? body_.room->id : "outside", held, text);
    }
    if (!capsule_) return;
    // Out the way they came in: the standable spot nearest to where one sits at that place
    // (the desk's open side), or, the desk gone over, nearest to where they are.
    glm::vec3 out = body_.feetM;
    if (quake_->deskPlace(was.desk, was.place)) {
        const std::vector<glm::vec3> seats = seatsAtDesk(quake_->bodyBox(static_cast<std::size_t>(was.desk)));
        if (static_cast<std::size_t>(was.place) < seats.size()) out = seats[static_cast<std::size_t>(was.place)];
    }
    capsule_->moveTo(out, out);
}

}  // namespace cd::app
