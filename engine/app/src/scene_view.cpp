#include "scene_view.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "faced_door.h"
#include "fire/fed_accumulator.h"
#include "physics/seismic_intensity.h"
#include "session_text.h"

namespace cd::app {

render::RenderSnapshot hazardSnapshot(const Session& s) {
    render::RenderSnapshot snap;
    render::applyTimeOfDay(snap, 10.5f);  // a school morning
    snap.timeS = static_cast<float>(s.timeS());
    for (const auto& r : s.fire().smoke()) {
        render::SmokeVolume v;
        v.boxMin = r.box.min;
        v.boxMax = r.box.max;
        v.interfaceZ = r.room->box.min.z + static_cast<float>(r.layerHeightM);
        v.extinctionPerM = static_cast<float>(r.extinctionPerM);
        snap.smoke.push_back(v);
    }
    // The renderer draws 32 smoke volumes: keep the densest.
    std::sort(snap.smoke.begin(), snap.smoke.end(),
              [](const render::SmokeVolume& a, const render::SmokeVolume& b) { return a.extinctionPerM > b.extinctionPerM; });
    if (snap.smoke.size() > 32) snap.smoke.resize(32);
    for (const auto& f : s.fire().flames()) {
        render::FireSource src;
        src.base = f.baseM;
        src.radiusM = static_cast<float>(0.5 * f.diameterM);
        src.flameHeightM = static_cast<float>(f.heightM);
        src.hrrKw = static_cast<float>(f.hrrKw);
        snap.fires.push_back(src);
    }
    // A fire raised above its floor burns on something (a hob, a desk, a shelf): a plain dark
    // block from the floor up to the fire's base, a little wider than the fire.
    for (const FireSeat& seat : s.fire().seats()) {
        const float lift = seat.baseM.z - seat.floorZ;
        if (lift < 0.1f) continue;
        render::BoxInstance b;
        const float half = std::max(0.3f, 0.5f * static_cast<float>(seat.diameterM) + 0.15f);
        b.center = {seat.baseM.x, seat.baseM.y, seat.floorZ + 0.5f * lift};
        b.halfExtents = {half, half, 0.5f * lift};
        b.color = {0.32f, 0.32f, 0.34f};
        snap.boxes.push_back(b);
    }
    // The fuel items a fire can spread to, as drawn by the scenario: cloth-red, charred once caught.
    for (const ItemView& item : s.fire().items()) {
        render::BoxInstance b;
        b.center = item.centerM;
        b.halfExtents = item.halfExtentsM;
        b.color = item.caught ? glm::vec3(0.035f, 0.03f, 0.028f) : glm::vec3(0.62f, 0.22f, 0.18f);
        snap.boxes.push_back(b);
    }
    // Sprinkler heads: a brass drop and deflector 0.1 m under the ceiling; an open one throws its
    // umbrella of water, two rings of streaks 35 and 65 degrees off the vertical.
    for (const SprinklerView& head : s.fire().sprinklers()) {
        const glm::vec3 brass{0.72f, 0.55f, 0.22f};
        snap.boxes.push_back({head.positionM + glm::vec3(0.0f, 0.0f, 0.05f), {0.012f, 0.012f, 0.05f}, glm::quat(1, 0, 0, 0), brass});
        snap.boxes.push_back({head.positionM, {0.03f, 0.03f, 0.003f}, glm::quat(1, 0, 0, 0), brass});
        if (!head.open) continue;
        constexpr int kStreaks = 12;
        constexpr float kLengthM = 0.8f;
        for (float tiltDeg : {35.0f, 65.0f})
            for (int k = 0; k < kStreaks; ++k) {
                const float around = (static_cast<float>(k) + (tiltDeg > 50.0f ? 0.5f : 0.0f)) * 6.2831853f / kStreaks;
                const float tilt = glm::radians(tiltDeg);
                const glm::quat q = glm::angleAxis(tilt, glm::vec3(std::sin(around), -std::cos(around), 0.0f));
                const glm::vec3 dir{std::cos(around) * std::sin(tilt), std::sin(around) * std::sin(tilt), -std::cos(tilt)};
                snap.boxes.push_back({head.positionM + 0.5f * kLengthM * dir, {0.01f, 0.01f, 0.5f * kLengthM}, q, {0.62f, 0.8f, 0.97f}});
            }
    }
    // The flood: the model's grid, in blocks of at least 2 m (the renderer draws cells over 1 cm deep).
    if (const FloodHazard* f = s.flood()) snap.water.push_back(f->waterGrid(2.0));
    // Shut doors, then the earthquake: furniture, fallen lights and the debris of a collapse.
    const std::vector<render::BoxInstance> doors = s.shutDoors();
    snap.boxes.insert(snap.boxes.end(), doors.begin(), doors.end());
    if (const EarthquakeHazard* q = s.earthquake()) {
        const std::vector<render::BoxInstance> bodies = q->boxesToDraw();
        snap.boxes.insert(snap.boxes.end(), bodies.begin(), bodies.end());
        snap.hiddenBoxes = q->fallenStructure();
        const std::vector<render::BoxInstance> sides = q->holeSides(snap.hiddenBoxes);
        snap.boxes.insert(snap.boxes.end(), sides.begin(), sides.end());
        // Casualties sit on the floor: short figures in orange.
        for (const glm::vec3& p : q->casualtyPoints()) {
            render::PersonMarker m;
            m.feet = p;
            m.color = {0.95f, 0.45f, 0.1f};
            m.heightM = 0.8f;
            snap.people.push_back(m);
        }
    }
    // Windows opened, or broken out by the heat: their glass is not drawn. The cutaway stops 3 cm
    // short of the opening's edges, so its reveals (within 1 cm of a cutaway they would go too)
    // stay, and a rim of glass is left in the frame.
    for (const world::Window& w : s.district().windows) {
        if (!s.fire().windowOpen(w.id)) continue;
        const glm::vec3 along = glm::abs(glm::vec3(-w.normal.y, w.normal.x, 0.0f)), across = glm::abs(w.normal);
        const glm::vec3 half = along * (0.5f * w.widthM - 0.03f) + across * 0.05f + glm::vec3(0.0f, 0.0f, 0.5f * w.heightM - 0.03f);
        const glm::vec3 c = w.centerM + glm::vec3(0.0f, 0.0f, 0.5f * w.heightM);
        snap.hiddenBoxes.push_back({c - half, c + half});
    }
    // The crowd: classmates blue, teachers green, people overcome by smoke red.
    const glm::vec3 me = s.body().feetM;
    for (const auto& v : s.crowdPeople()) {
        // Nobody drawn inside the trainee's own head (the eye view's camera).
        const glm::vec3 d = v.feetM - me;
        if (d.x * d.x + d.y * d.y < 0.4f * 0.4f && std::fabs(d.z) < 1.0f) continue;
        render::PersonMarker m;
        m.feet = v.feetM;
        m.headingDeg = v.headingDeg;
        m.color = v.color;
        // Dropped and covering: drawn on hands and knees at their standing height's proportions.
        m.crouched = v.coverUp;
        m.heightM = v.coverUp ? v.heightM / CrowdPopulation::kCrawlHeightFraction : v.heightM;
        snap.people.push_back(m);
    }
    return snap;
}

render::ViewDesc eyeView(const Session& s, std::uint32_t width, std::uint32_t height) {
    render::ViewDesc v;
    const TraineeBody& b = s.body();
    v.eye = b.feetM + glm::vec3(0.0f, 0.0f, s.eyeHeightM());
    // In an earthquake the view shakes with the floor under the trainee (the ground's, or in a
    // swaying building their storey's): the head lags the floor by about 1 cm per m/s^2 (a look,
    // not a model of the body's response).
    if (const EarthquakeHazard* q = s.earthquake()) v.eye -= 0.01f * q->floorAccelerationMS2(b.feetM);
    v.yawDeg = b.yawDeg;
    v.pitchDeg = b.pitchDeg;
    v.verticalFovDeg = 70.0f;
    v.nearM = 0.05f;
    v.width = width;
    v.height = height;
    return v;
}

ui::HudModel hudModel(const Session& s, bool paused) {
    ui::HudModel h;
    const auto& sc = s.scenario();
    const bool zh = sc.language == "zh";
    h.language = sc.language;
    h.title = zh && !sc.titleZh.empty() ? sc.titleZh : sc.title;
    h.instructions = zh && !sc.instructionsZh.empty() ? sc.instructionsZh : sc.instructions;
    h.clockS = s.timeS();
    h.trainee.room = s.body().room ? s.body().room->id : (zh ? "室外" : "outside");
    h.trainee.fed = static_cast<float>(s.fed());
    h.trainee.visibilityM = static_cast<float>(s.lastSample().visibilityM);
    h.trainee.temperatureC = static_cast<float>(s.lastSample().temperatureC);
    h.trainee.radiantFluxKwM2 = static_cast<float>(s.lastSample().radiantFluxKwM2);
    h.trainee.radiantWarnKwM2 = static_cast<float>(fire::FedAccumulator::kRadiantThresholdKwM2);
    h.trainee.hasSmoke = !sc.fires.empty();
    if (const BreathingApparatus* ba = s.breathingApparatus()) {
        h.trainee.hasBreathingApparatus = true;
        h.trainee.baPressureBar = static_cast<float>(ba->pressureBar());
        h.trainee.baMinutesLeft = static_cast<float>(ba->minutesLeft());
        h.trainee.baConsumptionLMin = static_cast<float>(ba->consumptionLMin());
        h.trainee.baWhistleBar = static_cast<float>(ba->def().whistleBar);
    }
    if (s.groundShakes()) {
        h.trainee.hasQuake = true;
        h.trainee.shakingIntensity = static_cast<float>(s.feltShaking().intensity());
        h.trainee.shakingClass = physics::jmaClassName(h.trainee.shakingIntensity);
    }
    if (const world::Door* d = facedDoor(s.district(), s.body().feetM, s.body().yawDeg)) {
        const SessionText& t = s.fire().doorOpen(d->id) ? say::kCloseDoorKey : say::kOpenDoorKey;
        h.trainee.prompt = zh ? t.zh : t.en;
    } else if (const world::Window* w = facedWindow(s.district(), s.body().feetM, s.body().yawDeg)) {
        const SessionText& t = s.fire().windowOpen(w->id) ? say::kCloseWindowKey : say::kOpenWindowKey;
        h.trainee.prompt = zh ? t.zh : t.en;
    } else if (const std::string& agent = sc.trainee.extinguisher; !agent.empty() && !s.extinguisherEmpty(agent)) {
        // A fire burns in the trainee's room and they carry a charged extinguisher: how far they
        // are from it against how far the agent throws.
        const std::string fire = s.fire().nearestBurningFire(s.body().feetM, s.body().room);
        if (!fire.empty()) {
            auto pick = [zh](const SessionText& t) { return std::string(zh ? t.zh : t.en); };
            char m[32];
            std::snprintf(m, sizeof m, "%.1f", s.fire().distanceToFire(fire, s.body().feetM));
            char r[16];
            std::snprintf(r, sizeof r, "%.0f", FireHazard::agentReachM(agent));
            h.trainee.prompt = pick(say::kUseExtinguisherKey) + pick(say::agentName(agent)) + pick(say::kOnTheFire) + m +
                               pick(say::kReaches) + r + pick(say::kMetres);
        }
    }
    if (s.earthquake()) {
        if (const DebrisRescue* r = s.rescue(); r && r->working() && r->currentPiece()) {
            char task[96];
            std::snprintf(task, sizeof task, "%s%d (%.0f kg)", zh ? say::kLiftingPiece.zh : say::kLiftingPiece.en,
                          r->piecesCleared() + 1, r->currentPiece()->massKg);
            h.trainee.task = task;
            h.trainee.taskDone = static_cast<float>(r->pieceDone(s.timeS()));
        }
    }
    if (s.flood()) {
        const FloodPointSample& w = s.lastFloodSample();
        h.trainee.hasFlood = true;
        h.trainee.waterDepthM = static_cast<float>(w.depthM);
        h.trainee.waterSpeedMs = static_cast<float>(w.speedMs);
        h.trainee.floodHazardRating = static_cast<float>(w.hazardRating);
        h.trainee.floodHazardClass = w.hazardClass;
    }
    const auto& msgs = s.messages();
    std::size_t first = msgs.size() > 6 ? msgs.size() - 6 : 0;
    for (std::size_t i = first; i < msgs.size(); ++i) {
        ui::HudMessage m;
        m.kind = msgs[i].kind == "alarm" ? ui::MessageKind::Alarm : ui::MessageKind::Info;
        char stamp[16];
        std::snprintf(stamp, sizeof stamp, "%02d:%02d ", static_cast<int>(msgs[i].timeS) / 60, static_cast<int>(msgs[i].timeS) % 60);
        m.text = stamp + msgs[i].text;
        h.messages.push_back(m);
    }
    h.paused = paused;
    if (zh) {
        ui::HudLabels& l = h.labels;
        l.clock = "时间";
        l.room = "位置";
        l.fed = "有效剂量 FED";
        l.visibility = "能见度";
        l.temperature = "温度";
        l.radiantHeat = "热辐射";
        l.breathingApparatus = "呼吸器";
        l.minutesLeft = "分钟可用";
        l.messages = "消息";
        l.paused = "已暂停";
        l.resume = "继续";
        l.quit = "退出";
        l.waterDepth = "水深";
        l.waterSpeed = "流速";
        l.floodHazard = "洪水危险";
        const char* classes[4] = {"低", "对部分人危险", "对多数人危险", "对所有人危险"};
        for (int k = 0; k < 4; ++k) l.floodClasses[k] = classes[k];
        l.shaking = "震动";
        l.shakingClasses[1] = "难以行走";
        l.shakingClasses[2] = "难以站立";
    }
    return h;
}

}  // namespace cd::app
