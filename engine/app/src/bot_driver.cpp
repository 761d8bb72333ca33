#include "bot_driver.h"

#include <algorithm>
#include <sstream>

#include <glm/glm.hpp>

#include "route.h"

namespace cd::app {

namespace {

// How far beyond what the district holds (its terrain, buildings, rooms, exits and assembly
// points) a bot may be sent: a street or a field round it, not a typo's kilometres.
constexpr float kReachBeyondM = 100.0f;

struct Extent {
    glm::vec3 lo{1e30f}, hi{-1e30f};
    void add(const glm::vec3& p) {
        lo = glm::min(lo, p);
        hi = glm::max(hi, p);
    }
};

Extent extentOf(const world::District& d) {
    Extent e;
    const world::Terrain& t = d.terrain;
    if (t.nx > 0 && t.ny > 0 && !t.heightsM.empty()) {
        const auto [zlo, zhi] = std::minmax_element(t.heightsM.begin(), t.heightsM.end());
        e.add({t.originM.x, t.originM.y, *zlo});
        e.add({t.originM.x + static_cast<float>(t.nx) * t.cellM, t.originM.y + static_cast<float>(t.ny) * t.cellM, *zhi});
    }
    for (const world::Building& b : d.buildings) {
        e.add(b.box.min);
        e.add(b.box.max);
    }
    for (const world::Room& r : d.rooms) {
        e.add(r.box.min);
        e.add(r.box.max);
    }
    for (const world::Exit& x : d.exits) e.add(x.positionM);
    for (const world::AssemblyPoint& a : d.assemblyPoints) e.add(a.positionM);
    e.lo -= glm::vec3(kReachBeyondM);
    e.hi += glm::vec3(kReachBeyondM);
    return e;
}

}  // namespace

BotDriver::BotDriver(scenario::BotScript script, const world::District& district, const world::WalkGraph& graph)
    : script_(std::move(script)), district_(district), graph_(&graph) {}

Result<glm::vec3> BotDriver::goalPoint(const scenario::BotStep& step) const {
    if (step.position) return glm::vec3(step.position->x, step.position->y, step.position->z);
    auto colon = step.to.find(':');
    std::string kind = step.to.substr(0, colon), id = step.to.substr(colon + 1);
    auto err = [&](const std::string& what) {
        return makeError("no " + what + " '" + id + "' in the district", step.source.file, step.source.line, step.source.field + ".to");
    };
    if (kind == "room") {
        const world::Room* r = district_.findRoom(id);
        if (!r) return err("room");
        glm::vec3 c = r->box.center();
        c.z = r->box.min.z;
        return c;
    }
    if (kind == "door") {
        const world::Door* d = district_.findDoor(id);
        if (!d) return err("door");
        return d->centerM;
    }
    if (kind == "exit") {
        const world::Exit* e = district_.findExit(id);
        if (!e) return err("exit");
        return e->positionM;
    }
    const world::AssemblyPoint* a = district_.findAssemblyPoint(id);
    if (!a) return err("assembly point");
    return a->positionM;
}

Status BotDriver::validate() const {
    const Extent extent = extentOf(district_);
    for (const auto& s : script_.steps) {
        if (s.action == "move") {
            auto g = goalPoint(s);
            if (!g) return g.error();
            if (s.position && !(glm::all(glm::greaterThanEqual(*g, extent.lo)) && glm::all(glm::lessThanEqual(*g, extent.hi)))) {
                std::ostringstream msg;
                msg << "(" << g->x << ", " << g->y << ", " << g->z << ") lies outside the district (x " << extent.lo.x + kReachBeyondM
                    << " to " << extent.hi.x - kReachBeyondM << ", y " << extent.lo.y + kReachBeyondM << " to "
                    << extent.hi.y - kReachBeyondM << " m, and " << kReachBeyondM << " m round it)";
                return makeError(msg.str(), s.source.file, s.source.line, s.source.field + ".position");
            }
        }
        if ((s.action == "open_door" || s.action == "close_door") && !district_.findDoor(s.target))
            return makeError("no door '" + s.target + "' in the district", s.source.file, s.source.line, s.source.field + ".target");
        if ((s.action == "open_window" || s.action == "close_window") && !district_.findWindow(s.target))
            return makeError("no window '" + s.target + "' in the district", s.source.file, s.source.line, s.source.field + ".target");
    }
    return Ok{};
}

void BotDriver::startStep(Session& session, const scenario::BotStep& step) {
    if (step.action == "wait") {
        waiting_ = true;
        waitUntilS_ = session.timeS() + step.waitS;
        waitFor_ = step.untilEvent.empty() ? nullptr : &step;
        eventsSeen_ = 0;  // an event recorded before the wait began ends it at once
        return;
    }
    if (step.action == "move") {
        auto goal = goalPoint(step);
        if (!goal) return;  // validate() ran before the session started
        run_ = step.run;
        if (step.direct) {
            waypoints_.push_back(*goal);
        } else {
            for (const auto& p : routeBetween(*graph_, district_, session.body().feetM, session.body().room, step.to, *goal))
                waypoints_.push_back(p);
        }
        return;
    }
    record::TraineeAction a;
    record::parseActionKind(step.action, a.kind);
    a.target = step.target;
    a.text = step.text;
    a.value = step.value;
    session.act(a);
}

bool BotDriver::waitedForEventSeen(const Session& session) {
    if (!waitFor_) return false;
    const auto& events = session.log().events;
    for (; eventsSeen_ < events.size(); ++eventsSeen_) {
        const record::SimEvent& e = events[eventsSeen_];
        if (e.kind == waitFor_->untilEvent && (waitFor_->target.empty() || e.subject == waitFor_->target)) return true;
    }
    return false;
}

void BotDriver::update(Session& session) {
    for (;;) {
        if (waiting_) {
            if (session.timeS() + 1e-9 < waitUntilS_ && !waitedForEventSeen(session)) return;
            waiting_ = false;
            waitFor_ = nullptr;
        }
        if (!waypoints_.empty()) {
            if (!session.idle()) return;
            glm::vec3 p = waypoints_.front();
            waypoints_.pop_front();
            record::TraineeAction a;
            a.kind = record::ActionKind::Move;
            a.x = p.x; a.y = p.y; a.z = p.z;
            a.value = run_ ? 1.0 : 0.0;
            session.act(a);
            return;
        }
        if (!session.idle()) return;
        if (next_ >= script_.steps.size()) return;
        const auto& step = script_.steps[next_];
        if (step.notBeforeS && session.timeS() + 1e-9 < *step.notBeforeS) return;
        ++next_;
        startStep(session, step);
    }
}

}  // namespace cd::app
