#include "debris_rescue.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace cd::app {
namespace {

constexpr float kSameFloorM = 1.5f;
/// Walking this far from where the work began stops it.
constexpr float kStayM = 0.75f;
/// A step in that brings the rescuer less than this much closer to the piece gains nothing.
constexpr float kStepGainM = 0.2f;

std::string kg(double m) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.0f kg", m);
    return buf;
}

}  // namespace

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
        const float d = planDistance(pieces.front(), feetM);
        bool inReach = false;
        for (const DebrisPiece& p : pieces) inReach = inReach || planDistance(p, feetM) <= kReachM;
        if (!inReach && quake.debrisInWay(feetM, pieces.front(), kReachM).empty()) {
            char buf[160];
            std::snprintf(buf, sizeof buf, "the debris on them is %.1f m away and nothing within %.1f m lies in the way: get closer",
                          d, kReachM);
            return makeError(buf);
        }
    }
    casualty_ = c;
    casualtyId_ = casualtyId;
    workFeetM_ = feetM;
    working_ = true;
    piece_.reset();
    stepIn_.reset();
    stepTried_ = false;
    (void)timeS;
    return Ok{};
}

bool DebrisRescue::next(const EarthquakeHazard& quake, double timeS, std::vector<HazardEvent>& out) {
    const std::vector<DebrisPiece> pieces = quake.debrisOn(casualty_);
    if (pieces.empty()) return false;
    // The highest piece within reach that nothing higher rests on (a piece whose bottom is above
    // its middle, over it in plan): what lies on top comes off first.
    auto restsOn = [](const DebrisPiece& upper, const DebrisPiece& lower) {
        const glm::vec3 gap = glm::abs(upper.centerM - lower.centerM) - upper.halfExtentsM - lower.halfExtentsM;
        return gap.x < 0.0f && gap.y < 0.0f && upper.centerM.z - upper.halfExtentsM.z > lower.centerM.z;
    };
    const DebrisPiece* reachable = nullptr;
    for (std::size_t i = 0; i < pieces.size() && !reachable; ++i) {
        if (planDistance(pieces[i], workFeetM_) > kReachM) continue;
        bool under = false;
        for (std::size_t k = 0; k < i && !under; ++k) under = restsOn(pieces[k], pieces[i]);
        if (!under) reachable = &pieces[i];
    }
    DebrisPiece p = reachable ? *reachable : pieces.front();
    bool inWay = false;
    if (!reachable) {
        // Beyond reach: step in as far as the ground lets them; when that gains nothing, lift what
        // lies in the way within reach, then try again.
        const float d = planDistance(p, workFeetM_);
        if (!stepTried_) {
            goalDistanceM_ = d;
            stepTried_ = true;
            stepIn_ = glm::vec3(p.centerM.x, p.centerM.y, workFeetM_.z);
            char buf[96];
            std::snprintf(buf, sizeof buf, "steps in towards the debris on %s, %.1f m away", casualtyId_.c_str(), d);
            out.push_back({"rescue.step_in", casualtyId_, static_cast<double>(d), buf});
            return false;
        }
        const std::vector<DebrisPiece> way = quake.debrisInWay(workFeetM_, p, kReachM);
        if (way.empty()) {
            char buf[96];
            std::snprintf(buf, sizeof buf, "stopped: the next piece is %.1f m away and the way in is shut", d);
            out.push_back({"rescue.stopped", casualtyId_, static_cast<double>(pieces_), buf});
            working_ = false;
            return false;
        }
        p = way.front();
        inWay = true;
    }
    if (p.massKg > liftKg_) {
        out.push_back({"rescue.too_heavy", casualtyId_, p.massKg,
                       "a " + kg(p.massKg) + " piece lies on " + casualtyId_ + ": more than you can move (" + kg(liftKg_) +
                           "); it needs more hands or lifting equipment"});
        working_ = false;
        return false;
    }
    piece_ = p;
    pieceInWay_ = inWay;
    startedAtS_ = timeS;
    doneAtS_ = timeS + kBaseS + kPerKgS * p.massKg;
    return true;
}

void DebrisRescue::update(EarthquakeHazard& quake, const glm::vec3& feetM, bool walking, double timeS, std::vector<HazardEvent>& out) {
    if (!working_) return;
    if (stepIn_) {
        if (walking && !quake.shaking()) return;
        stepIn_.reset();  // there, or as near as the debris lets them: they work from here
        workFeetM_ = feetM;
        // A step that brought them closer may be followed by another before anything is lifted.
        const std::vector<DebrisPiece> pieces = quake.debrisOn(casualty_);
        if (!pieces.empty() && planDistance(pieces.front(), feetM) < goalDistanceM_ - kStepGainM) stepTried_ = false;
    }
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
    stepTried_ = false;  // the way may be open now
    out.push_back({"rescue.piece_cleared", casualtyId_, p.massKg,
                   pieceInWay_ ? "lifted a " + kg(p.massKg) + " piece of debris out of the way to " + casualtyId_
                               : "lifted a " + kg(p.massKg) + " piece of debris off " + casualtyId_});
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
    h.add(stepIn_.has_value());
    h.add(stepTried_);
}

}  // namespace cd::app
