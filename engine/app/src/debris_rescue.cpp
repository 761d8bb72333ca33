#include "debris_rescue.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace cd::app {
namespace {

constexpr float kSameFloorM = 1.5f;
/// Walking this far from where the work began stops it.
constexpr float kStayM = 0.75f;

std::string kg(double m) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.0f kg", m);
    return buf;
}

}  // namespace

float DebrisRescue::distanceTo(const DebrisPiece& p, const glm::vec3& feetM) {
    const float dx = std::max(0.0f, std::fabs(feetM.x - p.centerM.x) - p.halfExtentsM.x);
    const float dy = std::max(0.0f, std::fabs(feetM.y - p.centerM.y) - p.halfExtentsM.y);
    return std::sqrt(dx * dx + dy * dy);
}

Status DebrisRescue::start(const EarthquakeHazard& quake, const std::string& casualtyId, const glm::vec3& feetM, double timeS) {
    const int c = quake.casualtyIndex(casualtyId);
    if (c < 0) return makeError("there is no casualty '" + casualtyId + "' in this scenario");
    if (working_ && c == casualty_) return Ok{};
    if (quake.shaking()) return makeError("not while the ground shakes: wait until it stops");
    if (!quake.casualtyTrapped(c)) return makeError(casualtyId + " is not trapped");
    if (std::fabs(quake.casualtyPoints()[static_cast<std::size_t>(c)].z - feetM.z) > kSameFloorM)
        return makeError(casualtyId + " is on another floor");
    const std::vector<DebrisPiece> pieces = quake.debrisOn(c);
    if (!pieces.empty()) {
        const float d = distanceTo(pieces.front(), feetM);
        if (d > kReachM) {
            char buf[96];
            std::snprintf(buf, sizeof buf, "the debris on them is %.1f m away: get within %.1f m of it", d, kReachM);
            return makeError(buf);
        }
    }
    casualty_ = c;
    casualtyId_ = casualtyId;
    workFeetM_ = feetM;
    working_ = true;
    piece_.reset();
    (void)timeS;
    return Ok{};
}

bool DebrisRescue::next(const EarthquakeHazard& quake, double timeS, std::vector<HazardEvent>& out) {
    const std::vector<DebrisPiece> pieces = quake.debrisOn(casualty_);
    if (pieces.empty()) return false;
    const DebrisPiece& p = pieces.front();
    if (p.massKg > liftKg_) {
        out.push_back({"rescue.too_heavy", casualtyId_, p.massKg,
                       "a " + kg(p.massKg) + " piece lies on " + casualtyId_ + ": more than you can move (" + kg(liftKg_) +
                           "); it needs more hands or lifting equipment"});
        working_ = false;
        return false;
    }
    if (distanceTo(p, workFeetM_) > kReachM) {
        char buf[64];
        std::snprintf(buf, sizeof buf, "stopped: the next piece is %.1f m away", distanceTo(p, workFeetM_));
        out.push_back({"rescue.stopped", casualtyId_, static_cast<double>(pieces_), buf});
        working_ = false;
        return false;
    }
    piece_ = p;
    startedAtS_ = timeS;
    doneAtS_ = timeS + kBaseS + kPerKgS * p.massKg;
    return true;
}

void DebrisRescue::update(EarthquakeHazard& quake, const glm::vec3& feetM, double timeS, std::vector<HazardEvent>& out) {
    if (!working_) return;
    const glm::vec3 moved = feetM - workFeetM_;
    const char* why = nullptr;
    if (quake.shaking()) why = "the ground shakes again";
    else if (moved.x * moved.x + moved.y * moved.y > kStayM * kStayM || std::fabs(moved.z) > kSameFloorM) why = "the rescuer moved away";
    if (why) {
        working_ = false;
        piece_.reset();
        out.push_back({"rescue.stopped", casualtyId_, static_cast<double>(pieces_), std::string("stopped: ") + why});
        return;
    }
    if (!quake.casualtyTrapped(casualty_) && !piece_) {
        working_ = false;  // free: the physics reports casualty.freed
        return;
    }
    if (!piece_) {
        // None to lift while still trapped: the blockage check has not caught up; next tick.
        (void)next(quake, timeS, out);
        return;
    }
    if (timeS + 1e-9 < doneAtS_) return;
    const DebrisPiece p = *piece_;
    piece_.reset();
    if (auto st = quake.carryAway(p); !st) {
        working_ = false;
        out.push_back({"rescue.stopped", casualtyId_, static_cast<double>(pieces_), "stopped: " + st.error().message});
        return;
    }
    ++pieces_;
    massKg_ += p.massKg;
    out.push_back({"rescue.piece_cleared", casualtyId_, p.massKg, "lifted a " + kg(p.massKg) + " piece of debris off " + casualtyId_});
}

double DebrisRescue::pieceDone(double timeS) const {
    if (!piece_ || doneAtS_ <= startedAtS_) return 0.0;
    return std::clamp((timeS - startedAtS_) / (doneAtS_ - startedAtS_), 0.0, 1.0);
}

void DebrisRescue::hash(StateHasher& h) const {
    h.add(working_);
    h.add(casualty_);
    h.add(pieces_);
    h.add(doneAtS_);
    h.add(piece_ ? static_cast<std::uint64_t>(piece_->body.index) : ~0ull);
}

}  // namespace cd::app
