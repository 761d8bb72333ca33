#include "desktop_loop.h"
#include "session_text.h"

#include <algorithm>
#include <chrono>
#include <cmath>

#include <glm/trigonometric.hpp>

#include "assets/model.h"
#include "bot_driver.h"
#include "core/files.h"
#include "faced_door.h"
#include "scene_view.h"
#include "ui/desktop_view.h"

namespace cd::app {

namespace {
constexpr float kMouseDegPerPx = 0.12f;
constexpr double kLookRecordS = 0.1;  // mouse look is recorded at most 10 times a second

// The far end of a stair flight from the trainee's stairwell, going up (+1) or down (-1).
const world::Stair* stairFrom(const Session& s, int direction) {
    const world::Room* room = s.body().room;
    if (!room) return nullptr;
    for (const auto& st : s.district().stairs)
        if ((direction > 0 ? st.lowerRoom : st.upperRoom) == room->id) return &st;
    return nullptr;
}
}  // namespace

Status runDesktopLoop(Session& s, BotDriver* bot, const DesktopLoopOptions& options) {
    ui::DesktopViewDesc desc;
    desc.title = "CityDrill - " + s.scenario().title;
    desc.width = static_cast<std::uint32_t>(options.width);
    desc.height = static_cast<std::uint32_t>(options.height);
    desc.language = s.scenario().language;
    const auto& sc = s.scenario();
    desc.glyphText = sc.titleZh + sessionTextZh();
    for (const auto& line : sc.instructionsZh) desc.glyphText += line;
    for (const auto& e : sc.timeline) desc.glyphText += e.textZh;
    for (const auto& it : sc.items) desc.glyphText += it.nameZh;
    auto view = ui::DesktopView::open(desc);
    if (!view) return view.error();
    auto model = assets::loadModel(joinPath(parentPath(s.district().manifestPath), s.district().modelPath));
    if (!model) return model.error();
    if (auto st = (*view)->setWorld(*model); !st) return st.error();

    bool paused = false, crouched = false;
    float yaw = s.body().yawDeg, pitch = 0.0f;
    double lastLookS = -1.0;
    double accumulator = 0.0;
    auto last = std::chrono::steady_clock::now();
    while (!(*view)->shouldClose() && !s.ended()) {
        platform::InputState in = (*view)->pollInput();
        if (in.closeRequested) break;
        if (in.pause) paused = !paused;
        auto now = std::chrono::steady_clock::now();
        double frameS = std::min(0.25, std::chrono::duration<double>(now - last).count());
        last = now;

        if (!paused && !bot) {
            yaw -= in.mouseDxPx * kMouseDegPerPx;
            pitch = std::clamp(pitch - in.mouseDyPx * kMouseDegPerPx, -80.0f, 80.0f);
            if ((std::fabs(yaw - s.body().yawDeg) > 0.5f || std::fabs(pitch - s.body().pitchDeg) > 0.5f) &&
                s.timeS() - lastLookS >= kLookRecordS) {
                record::TraineeAction a;
                a.kind = record::ActionKind::Look;
                a.value = yaw;
                a.z = pitch;
                s.act(a);
                lastLookS = s.timeS();
            }
            float fx = static_cast<float>(in.forward) - static_cast<float>(in.back);
            float sx = static_cast<float>(in.right) - static_cast<float>(in.left);
            float c = std::cos(glm::radians(yaw)), sn = std::sin(glm::radians(yaw));
            glm::vec2 dir(fx * c + sx * sn, fx * sn - sx * c);
            float len = std::sqrt(dir.x * dir.x + dir.y * dir.y);
            if (len > 0.0f) dir /= len;
            s.setWalkIntent(dir.x, dir.y, in.run);
            if (in.crouch != crouched) {
                crouched = in.crouch;
                record::TraineeAction a;
                a.kind = crouched ? record::ActionKind::Crouch : record::ActionKind::Stand;
                s.act(a);
            }
            if (in.stairsUp || in.stairsDown) {
                // Walk the flight to its other end (the stairwell is one open box, so a straight line).
                int dir = in.stairsUp ? 1 : -1;
                if (const world::Stair* st = stairFrom(s, dir)) {
                    glm::vec3 to = dir > 0 ? st->topM : st->bottomM;
                    record::TraineeAction a;
                    a.kind = record::ActionKind::Move;
                    a.text = "stairs";
                    a.x = to.x; a.y = to.y; a.z = to.z;
                    s.act(a);
                }
            }
            if (in.leadGroup) {
                // "Follow me": the group of the nearest person still inside, within 4 m on this floor.
                if (const CrowdPopulation* c = s.crowd()) {
                    const auto people = c->people();
                    const auto& ids = c->personIds();
                    float best = 4.0f * 4.0f;
                    std::string group;
                    for (std::size_t i = 0; i < people.size() && i < ids.size(); ++i) {
                        const glm::vec3 d = people[i].feetM - s.body().feetM;
                        const float d2 = d.x * d.x + d.y * d.y;
                        if (people[i].out || std::fabs(d.z) > 1.0f || d2 >= best) continue;
                        best = d2;
                        group = ids[i].substr(0, ids[i].find('#'));
                    }
                    if (!group.empty()) {
                        record::TraineeAction a;
                        a.kind = record::ActionKind::LeadGroup;
                        a.target = group;
                        s.act(a);
                    }
                }
            }
            if (in.clearDebris) {
                // The nearest casualty decides; the session says if they are out of reach or free.
                record::TraineeAction a;
                a.kind = record::ActionKind::ClearDebris;
                s.act(a);
            }
            if (in.useExtinguisher) {
                // The session picks the nearest fire of the room and the agent the trainee carries.
                record::TraineeAction a;
                a.kind = record::ActionKind::UseExtinguisher;
                s.act(a);
            }
            if (in.coolGas) {
                record::TraineeAction a;
                a.kind = record::ActionKind::CoolGas;
                a.value = 1.0;
                s.act(a);
            }
            if (in.takeCover) {
                record::TraineeAction a;
                a.kind = record::ActionKind::DropCoverHold;
                s.act(a);
            }
            if (in.interact) {
                if (const world::Door* d = facedDoor(s.district(), s.body().feetM, s.body().yawDeg)) {
                    record::TraineeAction a;
                    a.kind = s.fire().doorOpen(d->id) ? record::ActionKind::CloseDoor : record::ActionKind::OpenDoor;
                    a.target = d->id;
                    s.act(a);
                } else if (const world::Window* w = facedWindow(s.district(), s.body().feetM, s.body().yawDeg)) {
                    record::TraineeAction a;
                    a.kind = s.fire().windowOpen(w->id) ? record::ActionKind::CloseWindow : record::ActionKind::OpenWindow;
                    a.target = w->id;
                    s.act(a);
                }
            }
        }
        if (!paused) {
            accumulator += frameS;
            while (accumulator >= s.stepS() && !s.ended()) {
                if (bot) bot->update(s);
                s.tick();
                if (options.worst) options.worst->observe(s);
                accumulator -= s.stepS();
            }
        }
        render::RenderSnapshot snap = hazardSnapshot(s);
        snap.views.push_back(eyeView(s, desc.width, desc.height));
        auto choice = (*view)->drawFrame(snap, hudModel(s, paused));
        if (!choice) return choice.error();
        if (choice->resume) paused = false;
        if (choice->quit) break;
    }
    if (!options.screenshotPath.empty()) return (*view)->saveScreenshot(options.screenshotPath);
    return Ok{};
}

}  // namespace cd::app
