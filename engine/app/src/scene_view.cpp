#include "scene_view.h"

#include <algorithm>
#include <cmath>

namespace cd::app {

render::RenderSnapshot hazardSnapshot(const Session& s) {
    render::RenderSnapshot snap;
    render::applyTimeOfDay(snap, 10.5f);  // a school morning
    snap.timeS = static_cast<float>(s.timeS());
    for (const auto& r : s.fire().smoke()) {
        render::SmokeVolume v;
        v.boxMin = r.room->box.min;
        v.boxMax = r.room->box.max;
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
    // The flood: the model's grid, in blocks of at least 2 m (the renderer draws cells over 1 cm deep).
    if (const FloodHazard* f = s.flood()) snap.water.push_back(f->waterGrid(2.0));
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
        m.heightM = v.heightM;
        snap.people.push_back(m);
    }
    return snap;
}

render::ViewDesc eyeView(const Session& s, std::uint32_t width, std::uint32_t height) {
    render::ViewDesc v;
    const TraineeBody& b = s.body();
    v.eye = b.feetM + glm::vec3(0.0f, 0.0f, s.eyeHeightM());
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
        h.labels = {"时间", "位置", "有效剂量 FED", "能见度", "温度", "消息", "已暂停", "继续", "退出"};
    }
    return h;
}

}  // namespace cd::app
