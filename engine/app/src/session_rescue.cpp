// The session's side of a rescue under debris (DebrisRescue does the work): which casualty, and
// what the trainee is told.
#include <cmath>
#include <cstdio>
#include <limits>

#include "session.h"
#include "session_text.h"

namespace cd::app {

void Session::startRescue(const std::string& casualtyId) {
    auto refuse = [&](const std::string& why) {
        emit("rescue.refused", casualtyId, 0.0, why);
        messages_.push_back({timeS(), "warning", tr(say::kCannotRescue) + why});
    };
    if (!quake_ || !rescue_) return refuse("there is no debris in this scenario");
    if (struck_) return refuse("you are injured");
    std::string id = casualtyId;
    if (id.empty()) {
        // The nearest trapped casualty on this floor (the desktop's L key names none).
        float best = std::numeric_limits<float>::max();
        const auto& points = quake_->casualtyPoints();
        for (std::size_t i = 0; i < points.size(); ++i) {
            const glm::vec3 d = points[i] - body_.feetM;
            const float d2 = d.x * d.x + d.y * d.y;
            if (std::fabs(d.z) > 1.5f || d2 >= best || !quake_->casualtyTrapped(static_cast<int>(i))) continue;
            best = d2;
            id = scenario().earthquake->casualties[i].id;
        }
        if (id.empty()) return refuse("nobody trapped on this floor");
    }
    if (auto st = rescue_->start(*quake_, id, body_.feetM, timeS()); !st) return refuse(st.error().message);
    emit("rescue.start", id, 0.0, "starts lifting the debris off " + id);
    messages_.push_back({timeS(), "message", tr(say::kRescueStart) + id});
}

void Session::continueRescue() {
    if (!rescue_ || !rescue_->working() || struck_) {
        if (rescue_ && struck_) rescue_->cancel();
        stepIn_.reset();
        return;
    }
    std::vector<HazardEvent> events;
    rescue_->update(*quake_, body_.feetM, stepIn_.has_value(), timeS(), events);
    // Working into the heap: the rescuer steps straight in over the ground they cleared
    // (steerCapsule() walks them until they are there or the debris stops them).
    if (rescue_->stepIn() && !stepIn_) {
        stepIn_ = *rescue_->stepIn();
        moveTarget_.reset();
        walkDir_ = glm::vec3(0.0f);
    }
    for (const auto& e : events) {
        emit(e.kind, e.subject, e.value, e.text);
        char kg[32];
        std::snprintf(kg, sizeof kg, "%.0f kg", e.value);
        if (e.kind == "rescue.piece_cleared") messages_.push_back({timeS(), "message", tr(say::kPieceLifted) + kg});
        else if (e.kind == "rescue.too_heavy") messages_.push_back({timeS(), "warning", tr(say::kTooHeavy) + kg});
        else if (e.kind == "rescue.stopped") messages_.push_back({timeS(), "warning", tr(say::kRescueStopped) + e.text});
    }
}

}  // namespace cd::app
