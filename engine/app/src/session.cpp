#include "session.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "core/log.h"
#include "crowd/hazard_speed.h"
#include "crowd_furniture.h"
#include "faced_door.h"
#include "session_text.h"
#include "still_world.h"

namespace cd::app {

namespace {
constexpr double kPoseHz = 4.0;      // poses recorded 4 times a second
constexpr double kHashHz = 1.0;      // a state hash every second
constexpr float kArriveM = 0.15f;    // a move target counts as reached within this distance
constexpr double kFloodStrideS = 0.25;  // the flood advances in steps of this length
}  // namespace

Session::Session(const SessionSetup& setup)
    : setup_(setup),
      clock_(1.0 / setup.scenario->tickHz),
      rules_(*setup.scenario),
      motion_(*setup.district),
      graph_(*setup.district),
      felt_(1.0 / setup.scenario->tickHz) {}

Result<std::unique_ptr<Session>> Session::start(const SessionSetup& setup) {
    std::unique_ptr<Session> s(new Session(setup));
    if (auto st = s->init(); !st) return st.error();
    return s;
}

Status Session::init() {
    const auto& sc = *setup_.scenario;
    const auto& d = *setup_.district;

    auto fire = FireHazard::build(sc, d);
    if (!fire) return fire.error();
    fire_ = std::move(*fire);
    // The trainee breathes at the rate they work, carrying their load and the set if they wear one.
    const double setKg = sc.trainee.breathingApparatus ? sc.trainee.breathingApparatus->massKg : 0.0;
    breathingRate_ = BreathingRate(Breather{sc.trainee.bodyMassKg, sc.trainee.loadKg + setKg, sc.trainee.vo2MaxMlKgMin});
    if (sc.trainee.breathingApparatus)
        breathing_.emplace(*sc.trainee.breathingApparatus, breathingRate_.minuteVentilationLMin());
    auto flood = FloodHazard::build(sc, d);
    if (!flood) return flood.error();
    flood_ = std::move(*flood);
    auto quake = EarthquakeHazard::build(sc, d);
    if (!quake) return quake.error();
    quake_ = std::move(*quake);
    auto crowd = CrowdPopulation::build(sc, d, clock_.stepS(), setup_.seed);
    if (!crowd) return crowd.error();
    crowd_ = std::move(*crowd);
    // Without an alarm in the timeline, people start at once.
    bool alarmed = false;
    for (const auto& e : sc.timeline) alarmed = alarmed || e.kind == "alarm";
    if (crowd_ && !alarmed) crowd_->startEvacuation(0.0);

    glm::vec3 start(0.0f);
    if (sc.trainee.startPosition) {
        start = glm::vec3(sc.trainee.startPosition->x, sc.trainee.startPosition->y, sc.trainee.startPosition->z);
    } else {
        const world::Room* room = d.findRoom(sc.trainee.startRoom);
        if (!room) return makeError("no room '" + sc.trainee.startRoom + "' in the district", sc.path, sc.trainee.source.line, "trainee.start_room");
        start = room->box.center();
        start.z = room->box.min.z;
    }
    if (!motion_.place(body_, start))
        return makeError("the start position is not walkable (inside a wall or off the map)", sc.path, sc.trainee.source.line, "trainee");
    body_.yawDeg = static_cast<float>(sc.trainee.startYawDeg);
    if (!quake_) {
        // No earthquake: the building's physics world on a still ground, for the trainee's body.
        if (auto still = stillWorldScenario(sc, d, start)) {
            stillScenario_ = std::make_unique<scenario::ScenarioDef>(std::move(*still));
            auto q = EarthquakeHazard::build(*stillScenario_, d);
            if (!q) return q.error();
            quake_ = std::move(*q);
        }
    }
    if (quake_) {
        // The trainee is the physics capsule: walls, stair flights, furniture and debris stop them.
        auto capsule = TraineeCapsule::place(*quake_, sc.trainee, body_.feetM);
        if (!capsule) return capsule.error();
        capsule_.emplace(std::move(*capsule));
        motion_.moveFreely(body_, capsule_->state().feetM);
        rescue_.emplace(sc.trainee.liftKg);
    }

    auto& m = log_.meta;
    m.sessionId = setup_.sessionId;
    m.scenarioId = sc.id;
    m.scenarioTitle = sc.title;
    m.scenarioPath = sc.path;
    m.seed = setup_.seed;
    m.startedAtUtc = setup_.startedAtUtc;
    m.citydrillVersion = CITYDRILL_VERSION;
    m.traineeRole = sc.trainee.role;
    m.input = setup_.input;
    m.tickS = clock_.stepS();

    if (!setup_.databasePath.empty()) {
        auto store = record::SessionStore::create(setup_.databasePath, m);
        if (!store) return store.error();
        store_ = std::move(*store);
    }
    lastRoomId_ = body_.room ? body_.room->id : "outside";
    emit("scenario.start", sc.id, 0.0, sc.title);
    // A script that fails to load stops the start: the author sees file and line at once.
    if (auto st = rules_.loadHooks(sc); !st) return st.error();
    return Ok{};
}

std::string Session::tr(const SessionText& t) const { return setup_.scenario->language == "zh" ? t.zh : t.en; }

float Session::eyeHeightM() const {
    const auto& t = setup_.scenario->trainee;
    if (shelter_) return shelterEyeHeightM();
    // The capsule may stay crouched under a desk after the trainee asks to stand.
    const bool crouched = capsule_ ? capsule_->state().crouched : body_.crouched;
    return static_cast<float>(crouched ? t.crouchEyeHeightM : t.eyeHeightM);
}

const std::string& Session::chainHead() const {
    static const std::string none;
    return store_ ? store_->chainHead() : none;
}

void Session::recordStatus(const Status& s) {
    if (!s && !storeFailed_) {
        // Keep running and keep the in-memory log: the report still gets written.
        storeFailed_ = true;
        CD_LOG_ERROR("session record: %s", s.error().str().c_str());
        messages_.push_back({timeS(), "warning", tr(say::kRecordingFailed) + s.error().message});
    }
}

void Session::emit(const std::string& kind, const std::string& subject, double value, const std::string& text) {
    record::SimEvent e{timeS(), kind, subject, value, text};
    log_.events.push_back(e);
    if (store_) recordStatus(store_->appendEvent(e));
    rules_.observe(kind, timeS(), subject, value);
    // The alarm starts the crowd's pre-movement clock; in an earthquake the classes then walk
    // round the furniture where the shaking left it.
    if (crowd_ && (kind == "alarm.sound" || kind == "alarm.manual")) {
        if (quake_ && !crowd_->started())
            if (auto st = crowd_->settleFurniture(*quake_); !st) CD_LOG_ERROR("crowd furniture: %s", st.error().str().c_str());
        crowd_->startEvacuation(timeS());
    }
}

std::vector<CrowdPersonView> Session::crowdPeople() const {
    return crowd_ ? crowd_->people() : std::vector<CrowdPersonView>{};
}

CrowdFigures Session::crowdFigures() const { return crowd_ ? crowd_->figures() : CrowdFigures{}; }

void Session::act(record::TraineeAction action) { pending_.push_back(std::move(action)); }

void Session::setWalkIntent(float dirX, float dirY, bool run) {
    glm::vec3 dir(dirX, dirY, 0.0f);
    if (dir == intentDir_ && run == intentRun_) return;
    intentDir_ = dir;
    intentRun_ = run;
    record::TraineeAction a;
    a.kind = record::ActionKind::Move;
    a.text = "heading";
    a.x = dirX;
    a.y = dirY;
    a.value = run ? 1.0 : 0.0;
    act(a);
}

void Session::applyAction(const record::TraineeAction& a) {
    using record::ActionKind;
    switch (a.kind) {
        case ActionKind::Move:
            if (a.text == "heading") {
                walkDir_ = glm::vec3(static_cast<float>(a.x), static_cast<float>(a.y), 0.0f);
                walkRun_ = a.value > 0.5;
                moveTarget_.reset();
            } else {
                moveTarget_ = glm::vec3(static_cast<float>(a.x), static_cast<float>(a.y), static_cast<float>(a.z));
                moveRun_ = a.value > 0.5;
                walkDir_ = glm::vec3(0.0f);
            }
            break;
        case ActionKind::Look:
            body_.yawDeg = static_cast<float>(a.value);
            body_.pitchDeg = static_cast<float>(a.z);
            break;
        case ActionKind::Crouch: body_.crouched = true; break;
        case ActionKind::Stand:
            if (thrownDown_) messages_.push_back({timeS(), "warning", tr(say::kCannotStand)});
            else body_.crouched = false;
            break;
        case ActionKind::OpenDoor:
        case ActionKind::CloseDoor: {
            bool open = a.kind == ActionKind::OpenDoor;
            // Worked by hand: within reach, as a window (a bot or a script cannot work a door
            // from across the building).
            if (const world::Door* d = setup_.district->findDoor(a.target); d && !doorInReach(*d, body_.feetM)) {
                messages_.push_back({timeS(), "warning", tr(say::kDoorOutOfReach)});
                break;
            }
            // Pushed open in passing, it swings shut behind them (followPassedDoors); opened or shut
            // with the key, it stays as they left it.
            if (open && a.text == "walked into it") passedDoors_[a.target] = {timeS(), "the trainee"};
            else passedDoors_.erase(a.target);
            auto st = fire_->setDoorOpen(a.target, open);
            if (st) emit(open ? "door.open" : "door.close", a.target, 0.0, "by the trainee");
            else messages_.push_back({timeS(), "warning", st.error().message});
            break;
        }
        case ActionKind::OpenWindow:
        case ActionKind::CloseWindow: {
            const bool open = a.kind == ActionKind::OpenWindow;
            const world::Window* w = setup_.district->findWindow(a.target);
            if (!w) {
                messages_.push_back({timeS(), "warning", "no window '" + a.target + "' in the district"});
            } else if (!windowInReach(*w, body_.feetM)) {
                messages_.push_back({timeS(), "warning", tr(say::kWindowOutOfReach)});
            } else if (auto st = fire_->setWindowOpen(a.target, open); st) {
                emit(open ? "window.open" : "window.close", a.target, 0.0, "by the trainee");
            } else {
                messages_.push_back({timeS(), "warning", st.error().message});
            }
            break;
        }
        case ActionKind::DropCoverHold: {
            // Drop to the knees, take cover under a desk, hold on (the protective action taught
            // by earthquake programmes such as the Great ShakeOut): the body drops and crawls
            // under the nearest free desk within reach (session_shelter.cpp).
            body_.crouched = true;
            moveTarget_.reset();  // drop where they are: no walking on
            walkDir_ = glm::vec3(0.0f);
            const bool cover = takeShelter();
            emit("trainee.take_cover", body_.room ? body_.room->id : "outside", cover ? 1.0 : 0.0,
                 cover ? "dropped, took cover under a desk and held on" : "dropped and covered the head: no free desk within reach");
            if (!cover) messages_.push_back({timeS(), "warning", tr(say::kNoDeskNear)});
            break;
        }
        case ActionKind::ClearDebris: startRescue(a.target); break;
        case ActionKind::UseExtinguisher: useExtinguisher(a.target, a.text); break;
        case ActionKind::CoolGas: coolGas(a.value > 0.0 ? a.value : 1.0); break;
        case ActionKind::TagCasualty:
            // Triage: the category the trainee gave (START: green, yellow, red, black).
            emit("casualty.tagged", a.target, 0.0, "triaged " + a.target + (a.text.empty() ? "" : " as " + a.text));
            break;
        case ActionKind::PullAlarm:
            emit("alarm.manual", a.target, 0.0, "manual call point activated by the trainee");
            messages_.push_back({timeS(), "alarm", tr(say::kRaisedAlarm)});
            break;
        case ActionKind::LeadGroup: {
            // target = group id; text = an exit (directs the group there) or empty (they follow the trainee).
            if (!crowd_) {
                messages_.push_back({timeS(), "warning", tr(say::kNobodyToLead)});
                break;
            }
            auto r = crowd_->leadGroup(a.target, a.text);
            if (!r) {
                messages_.push_back({timeS(), "warning", r.error().message});
                break;
            }
            emit("crowd.directed", a.target, *r,
                 a.text.empty() ? std::to_string(*r) + " people follow the trainee"
                                : std::to_string(*r) + " people directed to " + a.text);
            messages_.push_back({timeS(), "message", std::to_string(*r) + (a.text.empty() ? tr(say::kFollowYou) : tr(say::kDirectedTo) + a.text)});
            break;
        }
        default:
            break;  // recorded; no effect on the hazards in this scenario
    }
}

void Session::applyCommand(const scenario::HazardCommand& c) {
    using scenario::CommandKind;
    bool zh = setup_.scenario->language == "zh" && !c.textZh.empty();
    const std::string& text = zh ? c.textZh : c.text;
    switch (c.kind) {
        case CommandKind::Ignite:
            if (auto st = fire_->ignite(c.target); st) emit("fire.ignite", c.target, 0.0, c.text);
            else CD_LOG_ERROR("%s", st.error().str().c_str());
            break;
        case CommandKind::Alarm:
            emit("alarm.sound", "", 0.0, c.text);
            messages_.push_back({timeS(), "alarm", text});
            break;
        case CommandKind::Message:
            emit("scenario.message", "", 0.0, c.text);
            messages_.push_back({timeS(), "message", text});
            break;
        case CommandKind::OpenDoor:
        case CommandKind::CloseDoor: {
            bool open = c.kind == CommandKind::OpenDoor;
            passedDoors_.erase(c.target);
            if (fire_->setDoorOpen(c.target, open)) emit(open ? "door.open" : "door.close", c.target, 0.0, "by the scenario");
            break;
        }
        case CommandKind::OpenWindow:
        case CommandKind::CloseWindow: {
            const bool open = c.kind == CommandKind::OpenWindow;
            if (auto st = fire_->setWindowOpen(c.target, open); !st) CD_LOG_ERROR("%s", st.error().str().c_str());
            else emit(open ? "window.open" : "window.close", c.target, 0.0, "by the scenario");
            break;
        }
        case CommandKind::End:
            emit("scenario.end", "", 0.0, c.text.empty() ? "ended by the scenario" : c.text);
            ended_ = true;
            break;
    }
}

float Session::speedFactor() const {
    float f = 1.0f;
    // Strong shaking makes walking hard (JMA intensity 5 upper: "difficult to walk without
    // holding onto something"; 6 lower: "difficult to remain standing"): FeltShaking.
    if (quake_) f *= static_cast<float>(FeltShaking::walkingFactor(felt_.intensity()));
    // Wading: slower in deeper, faster water (wadingSpeedFactor, Ishigaki et al. 2009).
    // Never quite zero, so someone at the limit can still turn back.
    if (flood_) f *= std::max(0.1f, static_cast<float>(wadingSpeedFactor(lastFlood_.specificForceM2)));
    return f;
}

// A move to a target is a bot's (a trainee at the controls steers by heading, and their own eyes
// slow them in smoke): a student or teacher walks as the crowd does, as people walked through
// smoke in Frantzich & Nilsson's experiments, by the smoke at the eyes (Ks = 3 / S for
// reflecting signs). A responder is not slowed: the experiments' people were evacuees, not
// firefighters advancing on a hose line, whose pace their procedures set.
float Session::scriptedSmokeFactor() const {
    if (setup_.scenario->trainee.role == "responder") return 1.0f;
    const double s = lastSample_.visibilityM;
    return s < 29.0 ? static_cast<float>(crowd::smokeSpeedFactor(3.0 / std::max(s, 0.1))) : 1.0f;
}

void Session::steerCapsule() {
    const float dt = static_cast<float>(clock_.stepS());
    if (incapacitated() || shelter_) {
        capsule_->steerAlong(glm::vec3(0.0f), 0.0f, false, body_.crouched);
        return;
    }
    if (stepIn_) {
        // A rescuer stepping into the heap; any move of the trainee's own ends it.
        if (moveTarget_ || walkDir_ != glm::vec3(0.0f) ||
            capsule_->stepToward(*stepIn_, speedFactor(), body_.crouched, dt) != TraineeCapsule::Progress::Moving)
            stepIn_.reset();
        else
            return;
    }
    if (!moveTarget_) {
        capsule_->steerAlong(walkDir_, speedFactor(), walkRun_, body_.crouched);
        return;
    }
    switch (capsule_->steerTo(*moveTarget_, speedFactor() * scriptedSmokeFactor(), moveRun_, body_.crouched, dt)) {
        case TraineeCapsule::Progress::Arrived: moveTarget_.reset(); break;
        case TraineeCapsule::Progress::Stuck:
            emit("trainee.blocked", body_.room ? body_.room->id : "outside", 0.0, "cannot get through to the move target");
            messages_.push_back({timeS(), "warning", tr(say::kCannotGetThrough)});
            moveTarget_.reset();
            break;
        case TraineeCapsule::Progress::Moving: break;
    }
}

void Session::moveBody() {
    const auto& t = setup_.scenario->trainee;
    const float dt = static_cast<float>(clock_.stepS());
    // Down, the trainee lies where they fell, whatever shoves the capsule; under a desk they
    // crawl to it and move with it.
    if (incapacitated()) return;
    if (shelter_) {
        followShelter(dt);
        return;
    }
    if (capsule_) {
        // The physics stepped the capsule: the body follows it (room by room, up the flights).
        const physics::CharacterState st = capsule_->state();
        motion_.moveFreely(body_, st.feetM);
        const glm::vec2 v(st.velocityMS.x, st.velocityMS.y);
        if (moveTarget_ && glm::length(v) > 0.05f) body_.yawDeg = std::atan2(v.y, v.x) * 57.29578f;
        return;
    }
    float crouchFactor = (body_.crouched ? 0.5f : 1.0f) * speedFactor();
    if (moveTarget_) {
        float speed = static_cast<float>(moveRun_ ? t.runSpeedMps : t.walkSpeedMps) * crouchFactor * scriptedSmokeFactor();
        glm::vec3 to = *moveTarget_ - body_.feetM;
        glm::vec3 flat(to.x, to.y, 0.0f);
        float dist = std::sqrt(flat.x * flat.x + flat.y * flat.y);
        float climb = std::fabs(to.z);
        if (dist <= kArriveM && climb <= 0.5f) {
            moveTarget_.reset();
            return;
        }
        if (climb > 0.5f) {
            // A flight of stairs: follow the straight line, slower (RiMEA/Fruin: ~0.6 of level speed).
            float len = std::sqrt(dist * dist + to.z * to.z);
            float stepLen = std::min(len, speed * 0.6f * dt);
            motion_.moveFreely(body_, body_.feetM + to * (stepLen / len));
        } else {
            float stepLen = std::min(dist, speed * dt);
            motion_.walk(body_, flat * (stepLen / dist));
        }
        if (dist > 1e-4f) body_.yawDeg = std::atan2(to.y, to.x) * 57.29578f;
    } else if (walkDir_ != glm::vec3(0.0f)) {
        float speed = static_cast<float>(walkRun_ ? t.runSpeedMps : t.walkSpeedMps) * crouchFactor;
        motion_.walk(body_, walkDir_ * (speed * dt));
    }
}

std::uint64_t Session::stateHash() const {
    StateHasher h;
    h.add(clock_.tick());
    h.add(body_.feetM.x); h.add(body_.feetM.y); h.add(body_.feetM.z);
    h.add(body_.yawDeg); h.add(body_.crouched); h.add(thrownDown_);
    h.add(shelter_ ? shelter_->desk * kMaxDeskPlaces + shelter_->place : -1); h.add(underDesk());
    h.add(fed_.fed());
    breathingRate_.hash(h);
    if (breathing_) breathing_->hash(h);
    fire_->hash(h);
    if (flood_) flood_->hash(h);
    if (quake_) quake_->hash(h);
    if (rescue_) rescue_->hash(h);
    if (crowd_) crowd_->hash(h);
    for (const std::string& a : emptied_) h.addString(a);  // nothing until an extinguisher is used
    return h.value();
}

void Session::tick() {
    if (ended_) return;
    const double now = timeS();
    if (store_) recordStatus(store_->beginTick(clock_.tick()));

    // 1. Input: actions queued since the last tick.
    while (!pending_.empty()) {
        record::TraineeAction a = std::move(pending_.front());
        pending_.pop_front();
        a.timeS = now;
        log_.actions.push_back(a);
        if (store_) recordStatus(store_->appendAction(a));
        applyAction(a);
    }
    // 2. Scenario rules. A script error is recorded, the hooks go off, the session goes on.
    for (const auto& c : rules_.due(now)) applyCommand(c);
    for (const auto& e : rules_.drainScriptErrors()) {
        emit("scenario.script_error", e.file, e.line, e.str());
        messages_.push_back({now, "warning", tr(say::kScriptStopped) + e.str()});
    }
    // 3. Hazards and the trainee step.
    fire_->step(clock_.stepS());
    // The flood follows the clock in 0.25 s strides: its own CFL steps are longer than a tick,
    // and landing on every 1/60 s tick would cut each one short.
    if (flood_ && now + clock_.stepS() > flood_->timeS() + 1e-9) flood_->advanceTo(flood_->timeS() + kFloodStrideS);
    if (quake_) {
        quake_->heat(fire_->smoke(), clock_.stepS());
        quake_->followDoors(*fire_);
        // Out from under the desk when the trainee stands or sets off.
        if (shelter_ && (moveTarget_ || walkDir_ != glm::vec3(0.0f) || !body_.crouched)) leaveShelter();
        if (capsule_) steerCapsule();
        quake_->advanceTo(now + clock_.stepS());
        if (capsule_) openDoorPressedOn();
    }
    moveBody();
    // 4. Events pulled after the step.
    for (const auto& e : fire_->drainEvents()) {
        emit(e.kind, e.subject, e.value, e.text);
        reportAgentEvent(e);
    }
    if (flood_)
        for (const auto& e : flood_->drainEvents()) emit(e.kind, e.subject, e.value, e.text);
    if (quake_)
        for (const auto& e : quake_->drainEvents()) {
            emit(e.kind, e.subject, e.value, e.text);
            applyQuakeEvent(e);
        }
    senseHazards();
    senseFlood();
    senseEarthquake();
    continueRescue();
    // The crowd after the fire, with the trainee where they now stand.
    if (crowd_) {
        // The crowd's obstacles follow furniture, debris and door leaves that still move.
        if (quake_)
            if (auto st = crowd_->followEarthquake(now, *quake_); !st) CD_LOG_ERROR("crowd obstacles: %s", st.error().str().c_str());
        std::vector<HazardEvent> events;
        if (quake_) {
            crowd_->holdOn(now, *quake_, claimedSpot(), events);
            crowd_->senseDebris(*quake_, events);
        }
        crowd_->tick(now, *fire_, body_.feetM, body_.room, events, flood_.get());
        for (const auto& e : events) emit(e.kind, e.subject, e.value, e.text);
    }
    followPassedDoors(now);
    // 5. Record poses and hashes at their lower rates.
    const std::int64_t poseEvery = std::max<std::int64_t>(1, clock_.stepsFor(1.0 / kPoseHz));
    const std::int64_t hashEvery = std::max<std::int64_t>(1, clock_.stepsFor(1.0 / kHashHz));
    if (clock_.tick() % poseEvery == 0) {
        record::PoseSample p;
        p.timeS = now;
        p.x = body_.feetM.x; p.y = body_.feetM.y; p.z = body_.feetM.z;
        p.yawDeg = body_.yawDeg; p.pitchDeg = body_.pitchDeg;
        p.room = body_.room ? body_.room->id : "outside";
        p.fed = fed_.fed();
        p.visibilityM = lastSample_.visibilityM;
        p.temperatureC = lastSample_.temperatureC;
        log_.poses.push_back(p);
        if (store_) recordStatus(store_->appendPose(p));
        trace_.push_back({now, static_cast<float>(lastFlood_.depthM), static_cast<float>(lastFlood_.speedMs),
                          static_cast<float>(lastFlood_.hazardRating), static_cast<float>(shakePeakMS2_),
                          static_cast<float>(felt_.intensity()),
                          breathing_ ? static_cast<float>(breathing_->pressureBar()) : 0.0f,
                          breathing_ && breathing_->supplying() ? static_cast<float>(breathing_->consumptionLMin()) : 0.0f,
                          static_cast<float>(breathingRate_.minuteVentilationLMin()), static_cast<float>(floorPeakMS2_),
                          quake_ ? static_cast<float>(100.0 * quake_->storeyDriftRatio()) : 0.0f});
        shakePeakMS2_ = 0.0;
        floorPeakMS2_ = 0.0;
    }
    if (clock_.tick() % hashEvery == 0) {
        lastHash_ = stateHash();
        record::StateHash sh{clock_.tick(), now, lastHash_};
        log_.hashes.push_back(sh);
        if (store_) recordStatus(store_->appendHash(sh));
    }
    if (store_) recordStatus(store_->commitTick());
    clock_.advance();
    if (timeS() >= setup_.durationS - 1e-9 && !ended_) {
        emit("scenario.end", "", 0.0, "time is up");
        ended_ = true;
    }
}

Status Session::finish() {
    log_.meta.durationS = timeS();
    if (store_) {
        auto st = store_->close(timeS());
        if (!st) return st;
    }
    return Ok{};
}

}  // namespace cd::app
