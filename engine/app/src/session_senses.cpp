// What the hazards do to the trainee where they stand, each tick after the hazards step: smoke
// (FED, visibility), flood water (depth, speed, swept), shaking (felt intensity, thrown down,
// struck by debris), and the earthquake's events the session acts on (doors blocked by debris).
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "core/log.h"
#include "fire/fed_accumulator.h"
#include "session.h"
#include "session_text.h"

namespace cd::app {

namespace {
constexpr double kFastestBreathingPaceMS = 10.0;  // faster than any sprint: the body was placed
}  // namespace

void Session::senseHazards() {
    glm::vec3 eye = body_.feetM + glm::vec3(0.0f, 0.0f, eyeHeightM());
    lastSample_ = fire_->sample(eye, body_.room);
    breathe();
    const bool onAir = breathing_ && breathing_->supplying();
    fed_.accumulate(lastSample_, clock_.stepS(), onAir, setup_.scenario->trainee.turnoutGear,
                    breathingRate_.minuteVentilationLMin());
    double fed = fed_.fed();
    // Which part of the dose is doing it: the heat (convected and radiant) or the gases.
    const bool heat = 2.0 * fed_.heatFed() >= fed;
    if (!fedWarned_ && fed >= 0.3) {
        fedWarned_ = true;
        emit("trainee.fed_threshold", "trainee", 0.3, "FED reached 0.3: incapacitation of susceptible people (ISO 13571)");
        messages_.push_back({timeS(), "warning", tr(heat ? say::kHeatDose : say::kToxicSmoke)});
    }
    if (!fedIncapacitated_ && fed >= 1.0) {
        fedIncapacitated_ = true;
        emit("trainee.fed_threshold", "trainee", 1.0, "FED reached 1.0: the trainee is incapacitated");
        emit("trainee.incapacitated", "trainee", fed, heat ? "incapacitated by heat" : "incapacitated by smoke");
        messages_.push_back({timeS(), "warning", tr(heat ? say::kOvercomeByHeat : say::kOvercome)});
    }

    // The flames' radiant heat on the trainee's chest (three quarters of the eye height): above
    // what a person tolerates for minutes, they are told to back away, once per approach.
    const glm::vec3 chest = body_.feetM + glm::vec3(0.0f, 0.0f, 0.75f * eyeHeightM());
    const double flux = fire_->flameFluxKwM2(chest, body_.room);
    if (!radiantWarned_ && flux >= fire::FedAccumulator::kRadiantThresholdKwM2) {
        radiantWarned_ = true;
        char text[96];
        std::snprintf(text, sizeof text, "radiant heat %.1f kW/m2 from the flames: too close", flux);
        emit("trainee.radiant_heat", body_.room ? body_.room->id : "outside", flux, text);
        messages_.push_back({timeS(), "warning", tr(say::kTooHot)});
    } else if (radiantWarned_ && flux < 0.8 * fire::FedAccumulator::kRadiantThresholdKwM2) {
        radiantWarned_ = false;
    }

    std::string roomId = body_.room ? body_.room->id : "outside";
    if (roomId != lastRoomId_) {
        emit("trainee.enter_room", roomId, 0.0, "from " + lastRoomId_);
        if (roomId == "outside" && !leftBuilding_) {
            leftBuilding_ = true;
            emit("trainee.left_building", lastRoomId_, 0.0, "left the building");
        }
        lastRoomId_ = roomId;
    }
    if (!reachedAssemblyS_) {
        if (const auto* ap = setup_.district->findAssemblyPoint(setup_.scenario->assemblyPoint)) {
            glm::vec3 d = body_.feetM - ap->positionM;
            if (!body_.room && d.x * d.x + d.y * d.y <= ap->radiusM * ap->radiusM) {
                reachedAssemblyS_ = timeS();
                emit("trainee.reached_assembly", ap->id, fed, "reached the assembly point");
                messages_.push_back({timeS(), "message", tr(say::kReachedAssembly)});
            }
        }
    }
}

void Session::breathe() {
    // The pace the trainee breathes at follows how fast they moved and climbed over the step
    // (walked, pushed by the capsule, carried up a flight); a jump (placed) counts as standing.
    const double dt = clock_.stepS();
    double speed = 0.0, climb = 0.0;
    if (breathedAtM_) {
        const glm::vec3 d = body_.feetM - *breathedAtM_;
        speed = std::hypot(d.x, d.y) / dt;
        climb = d.z / dt;
        if (speed > kFastestBreathingPaceMS || std::fabs(climb) > kFastestBreathingPaceMS) speed = climb = 0.0;
    }
    breathedAtM_ = body_.feetM;
    breathingRate_.follow(speed, climb, dt, timeS() < firefightingUntilS_ ? kFirefightingMets : 0.0);
    if (!breathing_) return;
    char text[128];
    switch (breathing_->breathe(dt, breathingRate_.minuteVentilationLMin())) {
        case BreathingApparatus::Change::Whistle:
            std::snprintf(text, sizeof text, "breathing apparatus whistle at %.0f bar: %.1f min of air left at %.0f L/min",
                          breathing_->pressureBar(), breathing_->minutesLeft(), breathing_->consumptionLMin());
            emit("trainee.ba_whistle", "trainee", breathing_->pressureBar(), text);
            messages_.push_back({timeS(), "warning", tr(say::kBaWhistle)});
            break;
        case BreathingApparatus::Change::Empty:
            emit("trainee.ba_empty", "trainee", 0.0, "breathing apparatus empty: breathing the room's air");
            messages_.push_back({timeS(), "warning", tr(say::kBaEmpty)});
            break;
        case BreathingApparatus::Change::None: break;
    }
}

void Session::senseFlood() {
    if (!flood_) return;
    // Indoors the trainee is above the water (the buildings are closed cells of the model).
    lastFlood_ = body_.room ? FloodPointSample{} : flood_->sample(body_.feetM.x, body_.feetM.y);
    maxFloodHr_ = std::max(maxFloodHr_, lastFlood_.hazardRating);
    // Defra FD2321/TR1 Table 3.2: HR >= 0.75 is "danger for some" (children among them).
    if (!floodExposed_ && lastFlood_.hazardRating >= 0.75) {
        floodExposed_ = true;
        char text[160];
        std::snprintf(text, sizeof text, "standing in flood water: depth %.2f m, speed %.2f m/s, hazard rating %.2f",
                      lastFlood_.depthM, lastFlood_.speedMs, lastFlood_.hazardRating);
        emit("trainee.flood_exposure", "trainee", lastFlood_.hazardRating, text);
        messages_.push_back({timeS(), "warning", tr(say::kFloodWater)});
    }
    if (!swept_ && lastFlood_.specificForceM2 > kWadeLimitM2) {
        swept_ = true;
        char text[160];
        std::snprintf(text, sizeof text, "swept off their feet: depth %.2f m, speed %.2f m/s, specific force %.3f m^2",
                      lastFlood_.depthM, lastFlood_.speedMs, lastFlood_.specificForceM2);
        emit("trainee.swept", "trainee", lastFlood_.specificForceM2, text);
        emit("trainee.incapacitated", "trainee", lastFlood_.hazardRating, "swept away by flood water");
        messages_.push_back({timeS(), "warning", tr(say::kSwept)});
    }
}

void Session::senseEarthquake() {
    if (!quake_) return;
    const glm::vec3 a = quake_->groundAccelerationMS2();
    const double ah = std::sqrt(double(a.x) * a.x + double(a.y) * a.y);
    felt_.add(quake_->feltAccelerationMS2(body_.feetM));
    shakePeakMS2_ = std::max(shakePeakMS2_, ah);
    const glm::vec3 af = quake_->floorAccelerationMS2(body_.feetM);
    floorPeakMS2_ = std::max(floorPeakMS2_, std::sqrt(double(af.x) * af.x + double(af.y) * af.y));
    // JMA 6 upper and above (I >= 6.0): "impossible to remain standing, impossible to move without
    // crawling" (JMA, tables explaining the seismic intensity scale). Whoever stands is thrown to
    // the floor and crawls (walking factor 0.2 or less) until the shaking falls below 6 lower
    // ("difficult to remain standing", I < 5.5); then they may stand again.
    const double felt = felt_.intensity();
    if (!thrownDown_ && !struck_ && !body_.crouched && felt >= FeltShaking::kThrownDownIntensity) {
        thrownDown_ = true;
        body_.crouched = true;
        emit("trainee.thrown_down", body_.room ? body_.room->id : "outside", felt, "thrown to the floor by the shaking (JMA 6 upper)");
        messages_.push_back({timeS(), "warning", tr(say::kThrownDown)});
    } else if (thrownDown_ && felt < FeltShaking::kStandAgainIntensity) {
        thrownDown_ = false;
    }
    // Under a desk only the body itself counts, low under the top (as for the crowd).
    const float height = shelter_ ? crawlHeightM() : eyeHeightM() + 0.15f;
    // A blow that only hurts is recorded once; the trainee walks on, and a serious one from
    // something else still strikes them down.
    const std::optional<DebrisStrike> hit = struck_ ? std::nullopt : quake_->struckBy(body_.feetM, body_.radiusM, height, underDesk(), hurtBy_);
    if (hit && (hit->serious() || hurtBy_ < 0)) {
        emit("trainee.struck_by_debris", body_.room ? body_.room->id : "outside", hit->energyJ, hit->describe());
        if (hit->serious()) {
            struck_ = true;
            emit("trainee.incapacitated", "trainee", 0.0, hit->describe());
            messages_.push_back({timeS(), "warning", tr(say::kStruck)});
        } else {
            hurtBy_ = hit->body;
            messages_.push_back({timeS(), "warning", tr(say::kHurt)});
        }
    }
}

void Session::applyQuakeEvent(const HazardEvent& e) {
    if (e.kind == "passage.blocked" || e.kind == "passage.cleared") {
        const bool blocked = e.kind == "passage.blocked";
        motion_.setDoorBlocked(e.subject, blocked);
        graph_.setDoorBlocked(e.subject, blocked);
        if (crowd_) (void)crowd_->setDoorBlocked(e.subject, blocked);
        if (blocked) messages_.push_back({timeS(), "warning", tr(say::kDebrisBlocks) + e.subject});
    } else if (e.kind == "structure.settled" && crowd_) {
        if (auto st = crowd_->followEarthquake(timeS(), *quake_, true); !st) CD_LOG_ERROR("crowd obstacles: %s", st.error().str().c_str());
    } else if (e.kind == "casualty.freed") {
        messages_.push_back({timeS(), "message", tr(say::kCasualtyFree) + e.subject});
        // Free because the trainee lifted the debris (not because it shifted of itself).
        if (rescue_ && rescue_->workedOn(e.subject)) {
            char text[96];
            const int n = rescue_->piecesCleared();
            std::snprintf(text, sizeof text, "freed: %d piece%s of debris (%.0f kg) lifted off", n, n == 1 ? "" : "s",
                          rescue_->massClearedKg());
            emit("casualty.rescued", e.subject, rescue_->piecesCleared(), text);
        }
    } else if (e.kind == "earthquake.start") {
        messages_.push_back({timeS(), "alarm", tr(say::kEarthquake)});
    } else if (e.kind == "earthquake.aftershock") {
        messages_.push_back({timeS(), "alarm", tr(say::kAftershock)});
    } else if (e.kind == "earthquake.end" || e.kind == "earthquake.aftershock_end") {
        messages_.push_back({timeS(), "message", tr(say::kShakingStopped)});
    }
}

}  // namespace cd::app
