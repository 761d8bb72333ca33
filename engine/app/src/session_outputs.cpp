#include "session_outputs.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <optional>
#include <set>

#include <glm/common.hpp>
#include <glm/trigonometric.hpp>

#include "assets/model.h"
#include "core/files.h"
#include "gfx/device.h"
#include "gfx/image.h"
#include "render/renderer.h"
#include "report/report_writer.h"
#include "scenario/rubric_builder.h"
#include "scene_view.h"
#include "score/scorer.h"

namespace cd::app {

namespace {

std::vector<std::uint8_t> readBytes(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return std::vector<std::uint8_t>(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

std::string modelPathOf(const world::District& d) {
    return joinPath(parentPath(d.manifestPath), d.modelPath);
}

// Where the trainee ends, looking at the fire (or the building they left).
render::ViewDesc finalEyeView(const Session& s, std::uint32_t w, std::uint32_t h) {
    render::ViewDesc v = eyeView(s, w, h);
    glm::vec3 target = v.eye + glm::vec3(std::cos(glm::radians(v.yawDeg)), std::sin(glm::radians(v.yawDeg)), 0.0f);
    auto flames = s.fire().flames();
    if (!flames.empty()) {
        target = flames.front().baseM + glm::vec3(0.0f, 0.0f, 1.0f);
    } else if (const world::Room* r = s.district().findRoom(s.scenario().trainee.startRoom)) {
        target = r->box.center();
    }
    // Keep the horizon in the frame: aim at the target's height, but no steeper than 20 degrees.
    glm::vec3 d = target - v.eye;
    float flat = std::sqrt(d.x * d.x + d.y * d.y);
    v.yawDeg = glm::degrees(std::atan2(d.y, d.x));
    v.pitchDeg = std::clamp(glm::degrees(std::atan2(d.z, std::max(flat, 1.0f))), -20.0f, 20.0f);
    return v;
}

// A view from above and to the south-west of the fire building, for the report.
// Frames both the building the trainee started in and where they ended.
render::ViewDesc overviewView(const Session& s, std::uint32_t w, std::uint32_t h) {
    glm::vec3 start = s.body().feetM;
    if (const world::Room* r = s.district().findRoom(s.scenario().trainee.startRoom)) start = r->box.center();
    glm::vec3 focus = 0.5f * (start + s.body().feetM);
    glm::vec3 span = start - s.body().feetM;
    float reach = std::max(85.0f, 1.3f * std::sqrt(span.x * span.x + span.y * span.y));
    render::ViewDesc v;
    v.lookAt = true;
    v.target = focus;
    v.eye = focus + glm::vec3(-0.45f, -0.7f, 0.45f) * reach;
    v.verticalFovDeg = 50.0f;
    v.width = w;
    v.height = h;
    return v;
}

// Inside the room of the scenario's first collapse, 7 m from the part that fell, looking at it.
std::optional<render::ViewDesc> damageView(const Session& s, std::uint32_t w, std::uint32_t h) {
    const auto& eq = s.scenario().earthquake;
    if (!eq || eq->collapses.empty()) return std::nullopt;
    const auto& c = eq->collapses.front();
    const world::Room* r = s.district().findRoom(c.room);
    if (!r) return std::nullopt;
    glm::vec3 part = c.hasPart ? glm::vec3(0.5 * (c.x0 + c.x1), 0.5 * (c.y0 + c.y1), 0.0) : r->box.center();
    part.z = r->box.min.z + 0.8f;
    const glm::vec3 size = r->box.size();
    const int along = size.x >= size.y ? 0 : 1;  // the room's long axis
    glm::vec3 eye = r->box.center();
    eye[along] = part[along] + (part[along] > r->box.center()[along] ? -7.0f : 7.0f);
    eye[along] = std::clamp(eye[along], r->box.min[along] + 0.3f, r->box.max[along] - 0.3f);
    eye.z = r->box.min.z + 1.6f;
    render::ViewDesc v;
    v.lookAt = true;
    v.eye = eye;
    v.target = part;
    v.verticalFovDeg = 70.0f;
    v.nearM = 0.05f;
    v.width = w;
    v.height = h;
    return v;
}

struct Pictures {
    std::string error;  // empty when all were written
};

Pictures renderPictures(const Session& s, const std::string& finalPath, const std::string& overviewPath,
                        const std::string& damagePath, const WorstMoment* worst, const std::string& worstPath,
                        const std::string& clearPath, std::uint32_t w, std::uint32_t h) {
    auto model = assets::loadModel(modelPathOf(s.district()));
    if (!model) return {model.error().str()};
    auto device = gfx::Device::create(gfx::DeviceDesc{});
    if (!device) return {device.error().str()};
    auto renderer = render::Renderer::create(**device);
    if (!renderer) return {renderer.error().str()};
    if (auto st = (*renderer)->setWorld(*model); !st) return {st.error().str()};
    render::RenderSnapshot snap = hazardSnapshot(s);
    snap.views = {finalEyeView(s, w, h), overviewView(s, w, h)};
    if (auto d = damageView(s, w, h)) snap.views.push_back(*d);
    render::PersonMarker me;
    me.feet = s.body().feetM;
    me.headingDeg = s.body().yawDeg;
    me.trainee = true;
    me.color = {0.95f, 0.55f, 0.1f};
    // The crowd is in both pictures; the trainee's own marker only in the overview.
    for (std::size_t i = 0; i < snap.views.size(); ++i) {
        if (i == 1) snap.people.push_back(me);
        auto img = (*renderer)->renderToImage(snap, i);
        if (!img) return {img.error().str()};
        if (auto st = gfx::writePng(*img, i == 0 ? finalPath : i == 1 ? overviewPath : damagePath); !st) return {st.error().str()};
    }
    if (worst && worst->seen()) {
        auto img = (*renderer)->renderToImage(worst->snapshot(), 0);
        if (!img) return {img.error().str()};
        if (auto st = gfx::writePng(*img, worstPath); !st) return {st.error().str()};
    }
    if (worst && worst->smokeHidTheView()) {
        render::RenderSnapshot clear = worst->snapshot();
        clear.smoke.clear();
        auto img = (*renderer)->renderToImage(clear, 0);
        if (!img) return {img.error().str()};
        if (auto st = gfx::writePng(*img, clearPath); !st) return {st.error().str()};
    }
    return {};
}

/// Water and shaking at the trainee, when the session has a flood or an earthquake; the
/// breathing apparatus's cylinder and the air drawn from it, when they wear one; without one, in
/// a fire, the air they breathe (the CO of the smoke they take up goes with it).
std::vector<report::ReportPlot> hazardPlots(const Session& s) {
    std::vector<report::ReportPlot> out;
    const auto& trace = s.hazardTrace();
    if (trace.empty()) return out;
    if (s.flood()) {
        report::ReportPlot water{"Flood water at the trainee's feet", "m, m/s", {{"depth", "#1f4e79", {}}, {"speed", "#00838f", {}}}, {}, 0.0, 0.5};
        report::ReportPlot hr{"Flood hazard rating at the trainee (Defra FD2321: HR = d (v + 0.5) + DF)", "HR", {{"HR", "#b3261e", {}}},
                              {{0.75, "0.75 danger for some", "#b26a00"}, {1.25, "1.25 danger for most", "#d84315"}, {2.0, "2.0 danger for all", "#b3261e"}},
                              0.0, 2.2};
        for (const HazardTracePoint& p : trace) {
            water.lines[0].points.emplace_back(p.timeS, p.waterDepthM);
            water.lines[1].points.emplace_back(p.timeS, p.waterSpeedMS);
            hr.lines[0].points.emplace_back(p.timeS, p.hazardRating);
            water.maxY = std::max(water.maxY, 1.1 * std::max(p.waterDepthM, p.waterSpeedMS));
            hr.maxY = std::max(hr.maxY, 1.1 * p.hazardRating);
        }
        out.push_back(std::move(water));
        out.push_back(std::move(hr));
    }
    if (s.groundShakes()) {
        report::ReportPlot shake{"Horizontal ground acceleration (highest in each quarter second)", "m/s\xC2\xB2", {{"ground", "#6a1b9a", {}}}, {}, 0.0, 4.5};
        // JMA instrumental intensity of the last 3 s, with the levels the session slows walking by.
        report::ReportPlot felt{"Shaking felt by the trainee (JMA instrumental intensity, last 3 s)", "I", {{"intensity", "#b3261e", {}}},
                                {{5.0, "5 upper: hard to walk", "#b26a00"}, {5.5, "6 lower: hard to stand", "#b3261e"}}, 0.0, 7.0};
        // In a swaying building, the trainee's floor too (what the furniture round them felt).
        const bool sways = s.earthquake() && s.earthquake()->sways();
        if (sways) {
            shake.title = "Horizontal acceleration of the ground and of the trainee's floor (highest in each quarter second)";
            shake.lines.push_back({"the trainee's floor", "#e65100", {}});
        }
        for (const HazardTracePoint& p : trace) {
            shake.lines[0].points.emplace_back(p.timeS, p.groundAccelMS2);
            shake.maxY = std::max(shake.maxY, 1.1 * p.groundAccelMS2);
            if (sways) {
                shake.lines[1].points.emplace_back(p.timeS, p.floorAccelMS2);
                shake.maxY = std::max(shake.maxY, 1.1 * p.floorAccelMS2);
            }
            felt.lines[0].points.emplace_back(p.timeS, p.shakingIntensity);
        }
        out.push_back(std::move(shake));
        out.push_back(std::move(felt));
        // How far the building's storeys leaned: against the code's limit and, when they can
        // yield, where the weakest starts to.
        if (sways) {
            report::ReportPlot drift{"Storey drift: the most any storey of the building leans now, over its height", "%",
                                     {{"drift", "#1f4e79", {}}}, {}, 0.0, 0.25};
            const double yieldPct = 100.0 * s.earthquake()->yieldDriftRatio();
            if (yieldPct > 0.0) {
                drift.thresholds.push_back({yieldPct, "the weakest storey yields", "#b3261e"});
                drift.maxY = std::max(drift.maxY, 1.3 * yieldPct);
            }
            for (const HazardTracePoint& p : trace) {
                drift.lines[0].points.emplace_back(p.timeS, p.storeyDriftPct);
                drift.maxY = std::max(drift.maxY, 1.1 * p.storeyDriftPct);
            }
            // ASCE/SEI 7-16 Table 12.12-1's allowable storey drift (most buildings): 2 % of the height.
            if (drift.maxY > 2.0) drift.thresholds.push_back({2.0, "2 %: ASCE 7's allowable storey drift", "#b26a00"});
            // HAZUS's damage thresholds (building_type): Slight always, to show how near it came.
            if (const auto t = s.earthquake()->damageThresholds()) {
                drift.maxY = std::max(drift.maxY, 120.0 * t->slight);
                const std::pair<double, const char*> states[] = {
                    {t->slight, "HAZUS slight damage"}, {t->moderate, "moderate"}, {t->extensive, "extensive"}, {t->complete, "complete"}};
                for (const auto& [ratio, label] : states)
                    if (100.0 * ratio <= drift.maxY) drift.thresholds.push_back({100.0 * ratio, label, "#6a1b9a"});
            }
            out.push_back(std::move(drift));
        }
    }
    if (const BreathingApparatus* ba = s.breathingApparatus()) {
        report::ReportPlot gauge{"Breathing apparatus: the cylinder's pressure", "bar", {{"pressure", "#1f4e79", {}}},
                                 {{ba->def().whistleBar, "whistle: withdraw", "#b3261e"}}, 0.0, 1.05 * ba->def().pressureBar};
        report::ReportPlot air{"Air drawn from the set (follows how the wearer moves and works)", "L/min", {{"air", "#00838f", {}}},
                               {{40.0, "40 L/min: the NIOSH rating rate", "#8a94a6"}}, 0.0, 60.0};
        for (const HazardTracePoint& p : trace) {
            gauge.lines[0].points.emplace_back(p.timeS, p.baPressureBar);
            air.lines[0].points.emplace_back(p.timeS, p.baLMin);
            air.maxY = std::max(air.maxY, 1.1 * p.baLMin);
        }
        out.push_back(std::move(gauge));
        out.push_back(std::move(air));
    } else if (!s.scenario().fires.empty() || !s.scenario().items.empty()) {
        report::ReportPlot air{"Air the trainee breathes (the smoke's CO dose goes with it, Purser)", "L/min", {{"air", "#00838f", {}}},
                               {{8.5, "at rest", "#8a94a6"}, {25.0, "light work: ISO 13571's dose", "#5b6475"}, {50.0, "heavy work", "#b26a00"}},
                               0.0, 55.0};
        for (const HazardTracePoint& p : trace) {
            air.lines[0].points.emplace_back(p.timeS, p.breathingLMin);
            air.maxY = std::max(air.maxY, 1.1 * p.breathingLMin);
        }
        out.push_back(std::move(air));
    }
    return out;
}

report::ReportExtras planOf(const Session& s) {
    report::ReportExtras x;
    const world::District& d = s.district();
    const world::Room* start = d.findRoom(s.scenario().trainee.startRoom);
    std::string building = start ? start->building : (d.buildings.empty() ? "" : d.buildings[0].id);
    std::set<int> storeys;
    for (const auto& r : d.rooms) if (r.building == building) storeys.insert(r.storey);
    for (int k : storeys) {
        report::PlanStorey ps;
        ps.id = building + "." + std::to_string(k);
        ps.name = "Building " + building + (k == 0 ? ", ground floor" : ", floor " + std::to_string(k));
        bool first = true;
        for (const auto& r : d.rooms) {
            if (r.building != building || r.storey != k) continue;
            if (first) { ps.floorZ = r.box.min.z; first = false; }
            report::PlanRoom pr;
            pr.id = r.id;
            pr.name = r.id.substr(r.id.find('.', r.id.find('.') + 1) + 1);
            pr.kind = r.kind == world::RoomKind::Corridor ? "corridor" : r.kind == world::RoomKind::Stairwell ? "stair" :
                      r.kind == world::RoomKind::Hall ? "hall" : "room";
            for (const auto& f : s.scenario().fires) if (f.room == r.id) pr.kind = "hazard";
            if (const auto& eq = s.scenario().earthquake)
                for (const auto& c : eq->collapses) if (c.room == r.id) pr.kind = "hazard";
            pr.minX = r.box.min.x; pr.minY = r.box.min.y; pr.maxX = r.box.max.x; pr.maxY = r.box.max.y;
            ps.rooms.push_back(pr);
        }
        for (const auto& door : d.doors) {
            const world::Room* a = d.findRoom(door.roomA);
            if (!a || a->building != building || a->storey != k) continue;
            report::PlanMarker m{door.id, "", door.centerM.x, door.centerM.y, ps.id};
            (door.isExit ? ps.exits : ps.doors).push_back(m);
        }
        // Windows opened (by the trainee or the scenario) or broken out by the heat.
        for (const auto& e : s.log().events) {
            const bool opened = e.kind == "window.open", broke = e.kind == "fire.window_broke";
            if (!opened && !broke) continue;
            const world::Window* w = d.findWindow(e.subject);
            const world::Room* r = w ? d.findRoom(w->room) : nullptr;
            if (!r || r->building != building || r->storey != k) continue;
            char label[200];
            if (opened) std::snprintf(label, sizeof label, "%s opened %s at %.0f s", w->id.c_str(), e.text.c_str(), e.timeS);
            else std::snprintf(label, sizeof label, "%s: the glass broke out at %.0f s (%.0f C)", w->id.c_str(), e.timeS, e.value);
            ps.windows.push_back(report::PlanMarker{w->id, label, w->centerM.x, w->centerM.y, ps.id});
        }
        x.storeys.push_back(std::move(ps));
    }
    if (const auto* ap = d.findAssemblyPoint(s.scenario().assemblyPoint))
        x.assemblyPoint = report::PlanMarker{ap->id, "Assembly point", ap->positionM.x, ap->positionM.y, ""};
    for (const auto& f : s.scenario().fires) {
        const world::Room* r = d.findRoom(f.room);
        if (!r) continue;
        glm::vec3 c = r->box.center();
        double fx = f.position ? f.position->x : c.x, fy = f.position ? f.position->y : c.y;
        x.fires.push_back(report::PlanMarker{f.id, "Fire " + f.id, fx, fy, r->building + "." + std::to_string(r->storey)});
    }
    // The items the fire spread to, where and when they caught.
    for (const auto& e : s.log().events) {
        if (e.kind != "fire.item_ignited") continue;
        for (const auto& it : s.scenario().items) {
            const world::Room* r = d.findRoom(it.fire.room);
            if (it.fire.id != e.subject || !r || !it.fire.position) continue;
            char label[160];
            std::snprintf(label, sizeof label, "Fire spread to %s at %.0f s", it.fire.id.c_str(), e.timeS);
            x.fires.push_back(report::PlanMarker{it.fire.id, label, it.fire.position->x, it.fire.position->y,
                                                 r->building + "." + std::to_string(r->storey)});
        }
    }
    return x;
}

}  // namespace

Result<SessionOutcome> writeSessionOutputs(const Session& s, const std::string& outDir, int width, int height,
                                           const WorstMoment* worst) {
    auto rubric = scenario::buildRubric(s.scenario().rubric);
    if (!rubric) return rubric.error();
    score::ScoreResult score = score::scoreSession(s.log(), *rubric);

    SessionOutcome out;
    out.scorePercent = score.percent;
    out.points = score.points;
    out.maxPoints = score.maxPoints;
    out.passed = score.passed;
    out.finalPng = joinPath(outDir, "final.png");
    out.reportJson = joinPath(outDir, "report.json");
    out.reportHtml = joinPath(outDir, "report.html");
    const std::string overview = joinPath(outDir, "overview.png");

    report::ReportExtras extras = planOf(s);
    extras.smokeExposure = !s.scenario().fires.empty();
    extras.hazardPlots = hazardPlots(s);
    const std::string damage = joinPath(outDir, "damage.png");
    const std::string worstPng = joinPath(outDir, "worst.png");
    const std::string worstClearPng = joinPath(outDir, "worst_no_smoke.png");
    Pictures pics = renderPictures(s, out.finalPng, overview, damage, worst, worstPng, worstClearPng,
                                   static_cast<std::uint32_t>(width), static_cast<std::uint32_t>(height));
    if (pics.error.empty()) {
        if (worst && worst->seen()) extras.pictures.push_back({worst->caption(), readBytes(worstPng)});
        if (worst && worst->smokeHidTheView())
            extras.pictures.push_back({"The same view without the smoke: what it hid", readBytes(worstClearPng)});
        extras.pictures.push_back({"The trainee's view at the end of the session (eye height)", readBytes(out.finalPng)});
        extras.pictures.push_back({"Overview of the scene at the end of the session", readBytes(overview)});
        if (damageView(s, 16, 16))
            extras.pictures.push_back({"The collapse: debris in " + s.scenario().earthquake->collapses.front().room + " at the end", readBytes(damage)});
    } else {
        std::fprintf(stderr, "citydrill: pictures not rendered: %s\n", pics.error.c_str());
        extras.note = "Pictures could not be rendered: " + pics.error;
    }
    const CrowdFigures crowd = s.crowdFigures();
    if (crowd.people > 0) {
        char line[256];
        // The times only once they exist: before that they hold the -1 of "nobody yet", "no alarm yet".
        char lastOut[48] = "", alarm[48] = "no alarm yet", lastOutLog[48] = "";
        if (crowd.out > 0) {
            std::snprintf(lastOut, sizeof lastOut, ", last out at %.0f s", crowd.lastOutS);
            std::snprintf(lastOutLog, sizeof lastOutLog, ", last out %.1f s", crowd.lastOutS);
        }
        if (crowd.startS >= 0) std::snprintf(alarm, sizeof alarm, "alarm at %.0f s", crowd.startS);
        std::snprintf(line, sizeof line, "Crowd: %d of %d people out%s%s (%s); %d overcome; highest FED %.3f.", crowd.out, crowd.people,
                      crowd.out == crowd.people ? " (all)" : "", lastOut, alarm, crowd.overcome, crowd.maxFed);
        extras.note = extras.note.empty() ? line : extras.note + " " + line;
        // A session ended before everybody got out is not a failed evacuation: say that the
        // count is the one at the end, and how many were still inside then.
        const int inside = crowd.people - crowd.out;
        if (inside > 0) {
            std::snprintf(line, sizeof line, " The session ended at %.0f s with %d still inside.", s.timeS(), inside);
            extras.note += line;
        }
        if (crowd.startS >= 0) std::snprintf(alarm, sizeof alarm, "alarm %.1f s", crowd.startS);
        std::printf("crowd: %d/%d out%s, %s, overcome %d, max FED %.3f\n", crowd.out, crowd.people, lastOutLog, alarm, crowd.overcome,
                    crowd.maxFed);
        if (inside > 0) std::printf("crowd: %d still inside when the session ended at %.1f s\n", inside, s.timeS());
        if (crowd.cutOff > 0) {
            std::snprintf(line, sizeof line, " %d cut off inside at the end: every way out blocked (crowd.cut_off).", crowd.cutOff);
            extras.note += line;
            std::printf("crowd: %d cut off inside, every way out blocked\n", crowd.cutOff);
        }
        std::snprintf(line, sizeof line, "%d of %d at the assembly point%s.", crowd.assembled, crowd.people,
                      crowd.assembled > 0 ? (", the last at " + std::to_string(static_cast<int>(std::lround(crowd.lastAssembledS))) + " s").c_str() : "");
        extras.note += std::string(" ") + line;
        if (crowd.assembled > 0)
            std::printf("crowd: %d/%d at the assembly point, last at %.1f s\n", crowd.assembled, crowd.people, crowd.lastAssembledS);
        else
            std::printf("crowd: %d/%d at the assembly point\n", crowd.assembled, crowd.people);
        if (s.earthquake()) {
            if (crowd.struck + crowd.hurt == 0)
                std::snprintf(line, sizeof line, "Falling debris struck nobody.");
            else
                std::snprintf(line, sizeof line, "%d struck down by falling debris, %d more hurt by it.", crowd.struck, crowd.hurt);
            extras.note += std::string(" ") + line;
            std::printf("crowd: %d struck down by debris, %d hurt\n", crowd.struck, crowd.hurt);
            if (crowd.underDesks + crowd.inTheOpen > 0) {
                std::snprintf(line, sizeof line, "While the ground shook %d took cover under desks and %d in the open.", crowd.underDesks,
                              crowd.inTheOpen);
                extras.note += std::string(" ") + line;
                std::printf("crowd: %d took cover under desks, %d in the open\n", crowd.underDesks, crowd.inTheOpen);
            }
            if (crowd.thrownDown > 0) {
                std::snprintf(line, sizeof line, "%d who did not drop were thrown to the floor by the shaking (JMA 6 upper).", crowd.thrownDown);
                extras.note += std::string(" ") + line;
                std::printf("crowd: %d thrown to the floor by the shaking\n", crowd.thrownDown);
            }
        }
        if (s.flood()) {
            std::snprintf(line, sizeof line,
                          "Crowd in the flood: %d exit(s) flooded; %d %s in water of 'danger for some' or worse (HR >= 0.75), "
                          "longest %.0f s, %.0f person-seconds in all; %d swept off their feet.",
                          crowd.exitsFlooded, crowd.floodExposed, crowd.floodExposed == 1 ? "person" : "people",
                          crowd.maxFloodExposureS, crowd.totalFloodExposureS, crowd.swept);
            extras.note += std::string(" ") + line;
            std::printf("crowd flood: %d exits flooded, %d exposed (max %.1f s, total %.1f s), %d swept\n", crowd.exitsFlooded,
                        crowd.floodExposed, crowd.maxFloodExposureS, crowd.totalFloodExposureS, crowd.swept);
        }
    }
    // Fire fighting: each extinguisher the trainee used, from where, and what became of the fire.
    {
        std::string fighting;
        int used = 0, out = 0, flares = 0, shocks = 0, misses = 0;
        for (const auto& e : s.log().events) {
            if (e.kind == "fire.agent_applied") {
                ++used;
                char line[192];
                std::snprintf(line, sizeof line, "%s%s at %.0f s", fighting.empty() ? "" : "; ", e.text.c_str(), e.timeS);
                fighting += line;
            }
            out += e.kind == "fire.extinguished";
            flares += e.kind == "fire.flare_up";
            shocks += e.kind == "fire.shock_hazard";
            misses += e.kind == "fire.agent_ineffective";
        }
        if (!fighting.empty()) {
            char tail[192];
            std::snprintf(tail, sizeof tail, ". Fires put out: %d; flare-ups: %d; shock hazards: %d; no effect (wrong agent or out of reach): %d.",
                          out, flares, shocks, misses);
            const std::string line = "Fire fighting: " + fighting + tail;
            extras.note = extras.note.empty() ? line : extras.note + " " + line;
            std::printf("fire fighting: %d used, %d out, %d flare-ups, %d shock hazards, %d no effect\n",
                        used, out, flares, shocks, misses);
        }
    }
    // What the trainee's dose came from: the heat (convected and radiant) or the gases.
    if (s.fed() >= 0.01) {
        char line[192];
        std::snprintf(line, sizeof line, "Dose: FED %.2f at the end, %.2f of it from heat (hot gas and radiation) and %.2f from"
                                         " the gases.", s.fed(), s.heatFed(), s.fed() - s.heatFed());
        extras.note = extras.note.empty() ? line : extras.note + " " + line;
        std::printf("dose: FED %.2f, heat %.2f\n", s.fed(), s.heatFed());
    }
    // The responder's kit: fog pulses into the layer and the air left.
    {
        int pulses = 0, boiling = 0;
        double meanSteam = 0.0;
        for (const auto& e : s.log().events)
            if (e.kind == "fire.gas_cooling") {
                ++pulses;
                if (e.value > 0.0) ++boiling, meanSteam += e.value;
            }
        if (pulses > 0) {
            char line[192];
            std::snprintf(line, sizeof line, "Gas cooling: %d fog pulse(s) into the hot layer, %d of them into gas hot enough to boil"
                                             " the water (%.0f %% turned to steam, on average).",
                          pulses, boiling, boiling ? 100.0 * meanSteam / boiling : 0.0);
            extras.note = extras.note.empty() ? line : extras.note + " " + line;
            std::printf("gas cooling: %d pulses, %d into hot gas\n", pulses, boiling);
        }
        if (const BreathingApparatus* ba = s.breathingApparatus()) {
            char line[256];
            std::snprintf(line, sizeof line,
                          "Breathing apparatus: %.0f bar left of %.0f (%.0f min of air at %.0f L/min)%s; %.0f L of air used,"
                          " %.0f L/min on average%s.",
                          ba->pressureBar(), ba->def().pressureBar, ba->minutesLeft(), ba->consumptionLMin(),
                          !ba->supplying() ? "; it ran out" : ba->pressureBar() <= ba->def().whistleBar ? "; the whistle sounded" : "",
                          ba->litresUsed(), ba->meanConsumptionLMin(),
                          ba->drawsWhatTheWearerBreathes() ? " (the wearer's breathing, from how they moved)" : "");
            extras.note = extras.note.empty() ? line : extras.note + " " + line;
            std::printf("breathing apparatus: %.0f bar left\n", ba->pressureBar());
        }
    }
    if (const FloodHazard* fl = s.flood()) {
        char line[256];
        std::snprintf(line, sizeof line, "Flood: %.0f m2 under water at the end, deepest %.2f m; highest hazard rating where the trainee stood %.2f%s.",
                      fl->wetAreaM2(), fl->maxDepthM(), s.maxFloodHazardRating(), s.sweptByFlood() ? " (swept off their feet)" : "");
        extras.note = extras.note.empty() ? line : extras.note + " " + line;
        std::printf("flood: wet %.0f m2, deepest %.2f m, trainee max HR %.2f%s\n", fl->wetAreaM2(), fl->maxDepthM(),
                    s.maxFloodHazardRating(), s.sweptByFlood() ? ", swept" : "");
        for (const FloodVehicleState& v : fl->vehicles()) {
            if (v.atRisk)
                std::snprintf(line, sizeof line, " Vehicle %s (%s) at risk at %.0f s: depth %.2f m, speed %.2f m/s.", v.id.c_str(),
                              v.kind.c_str(), v.atRiskS, v.depthM, v.speedMs);
            else
                std::snprintf(line, sizeof line, " Vehicle %s (%s) stayed stable (deepest water %.2f m).", v.id.c_str(), v.kind.c_str(),
                              v.maxDepthM);
            extras.note += line;
            std::printf("vehicle %s:%s\n", v.id.c_str(), line);
        }
    }
    if (const EarthquakeHazard* q = s.earthquake()) {
        const EarthquakeFigures f = q->figures();
        std::string blocked;
        for (const auto& d : f.blockedDoors) blocked += (blocked.empty() ? "" : ", ") + d;
        char line[512];
        std::snprintf(line, sizeof line,
                      "Earthquake: %.0f s of shaking from %.0f s, peak horizontal ground acceleration %.2f m/s2 (%.2f g), "
                      "JMA instrumental intensity %.1f (shindo %s); "
                      "%d of %d structure chunks came down; %d of %d pieces of furniture moved more than 5 cm, %d toppled; "
                      "%d hanging item(s) fell; %d of %d casualties trapped under debris; "
                      "doors blocked by debris at the end: %s%s.",
                      f.durationS, f.startS, f.pgaMS2, f.pgaMS2 / 9.81, f.jmaIntensity, f.jmaClass.c_str(), f.chunksLoose, f.chunks, f.furnitureMoved, f.furniture, f.furnitureToppled, f.itemsFallen,
                      f.casualtiesTrapped, f.casualties,
                      blocked.empty() ? "none" : blocked.c_str(),
                      s.struckByDebris() ? "; the trainee was struck down by debris (seriously injured)"
                      : s.hurtByDebris() ? "; the trainee was hurt by debris and walked on"
                                         : "");
        extras.note = extras.note.empty() ? line : extras.note + " " + line;
        // The trainee's own drop, cover, hold on (session_shelter.cpp), from the record.
        const record::SimEvent *drop = nullptr, *under = nullptr, *out = nullptr;
        for (const auto& e : s.log().events) {
            if (e.kind == "trainee.take_cover" && !drop) drop = &e;
            if (e.kind == "trainee.under_desk" && !under) under = &e;
            if ((e.kind == "trainee.left_cover" || e.kind == "trainee.cover_lost") && under && !out) out = &e;
        }
        if (under) {
            if (out)
                std::snprintf(line, sizeof line, "The trainee held on under a desk from %.1f s to %.1f s%s.", under->timeS, out->timeS,
                              out->kind == "trainee.cover_lost" ? ", when the desk went over"
                              : out->text.find("shook") != std::string::npos ? ", and came out while the ground still shook" : "");
            else
                std::snprintf(line, sizeof line, "The trainee got under a desk at %.1f s and held on to the end.", under->timeS);
            extras.note += std::string(" ") + line;
            std::printf("trainee: %s\n", line);
        } else if (drop) {
            std::snprintf(line, sizeof line, "The trainee dropped at %.1f s: %s.", drop->timeS, drop->text.c_str());
            extras.note += std::string(" ") + line;
            std::printf("trainee: %s\n", line);
        }
        if (f.buildingPeriodS > 0.0 && f.pgaMS2 > 0.0) {
            std::snprintf(line, sizeof line, "The building swayed with a period of %.2f s; its roof peaked at %.1f m/s^2, %.1f x the ground.",
                          f.buildingPeriodS, f.peakRoofMS2, f.peakRoofMS2 / f.pgaMS2);
            extras.note += std::string(" ") + line;
            std::printf("building: period %.2f s, roof peak %.2f m/s^2 (%.2f x the ground)\n", f.buildingPeriodS, f.peakRoofMS2,
                        f.peakRoofMS2 / f.pgaMS2);
            if (f.yieldStorey > 0) {
                if (f.storeyFailed > 0)
                    std::snprintf(line, sizeof line,
                                  "Storey %d (between floors %d and %d) gave way at %.1f s: its yielding ran on until the weight above "
                                  "outleaned its strength (P-delta). %s",
                                  f.storeyFailed, f.storeyFailed - 1, f.storeyFailed, f.storeyFailedS,
                                  f.storeyFailedModelled ? "Its breakable structure came down."
                                                         : "No breakable structure is modelled there (structure_rooms): in the scene the "
                                                           "building stands on.");
                else if (f.ductility > 1.0)
                    std::snprintf(line, sizeof line,
                                  "Its storeys yielded: storey %d drifted %.1f times its yield drift, and the building is left leaning by %.0f mm.",
                                  f.yieldStorey, f.ductility, 1e3 * f.permanentDriftM);
                else
                    std::snprintf(line, sizeof line, "Its storeys stayed elastic: storey %d reached %.2f of its yield drift.", f.yieldStorey,
                                  f.ductility);
                extras.note += std::string(" ") + line;
                std::printf("building: storey %d ductility %.2f, permanent drift %.1f mm%s\n", f.yieldStorey, f.ductility,
                            1e3 * f.permanentDriftM, f.storeyFailed > 0 ? (", storey " + std::to_string(f.storeyFailed) + " gave way").c_str() : "");
            }
            if (!f.storeyDamage.empty()) {
                std::string byStorey, drifts;
                for (std::size_t st = 0; st < f.storeyDamage.size(); ++st) {
                    char v[48];
                    std::snprintf(v, sizeof v, "%s%s (%.2f %%)", st ? ", " : "", f.storeyDamage[st].c_str(), 100.0 * f.storeyPeakDriftRatio[st]);
                    byStorey += v;
                    drifts += (st ? " / " : "") + f.storeyDamage[st];
                }
                extras.note += " Structural damage by storey (" + f.damageModel + ", from its peak drift), from the ground storey up: " + byStorey + ".";
                if (f.chunksLoose > 0)
                    extras.note += " (What came down is the breakable structure's own failure, scripted or by its joints' loads: this grade is "
                                   "of the storeys' frames.)";
                std::printf("building: %s damage by storey, ground up: %s\n", f.damageModel.c_str(), drifts.c_str());
            }
            if (!f.storeyJma.empty()) {
                std::string byStorey;
                for (double i : f.storeyJma) {
                    char v[32];
                    std::snprintf(v, sizeof v, " / %.1f", i);
                    byStorey += v;
                }
                std::snprintf(line, sizeof line, "JMA intensity by floor, from the ground floor to the roof: %.1f%s.", f.jmaIntensity, byStorey.c_str());
                extras.note += std::string(" ") + line;
                std::printf("building: JMA intensity by floor, ground to roof, %.1f%s\n", f.jmaIntensity, byStorey.c_str());
            }
        }
        if (f.ties > 0) {
            std::snprintf(line, sizeof line, "%d bookcase(s) tied to their walls; %d tie(s) tore out.", f.ties, f.tiesTorn);
            extras.note += std::string(" ") + line;
            std::printf("furniture: %d bookcases tied to their walls, %d ties torn\n", f.ties, f.tiesTorn);
        }
        if (f.aftershocks > 0) {
            std::snprintf(line, sizeof line, "%d aftershock(s) followed (the timeline's earthquake.aftershock).", f.aftershocks);
            extras.note += std::string(" ") + line;
        }
        std::printf("earthquake: PGA %.2f m/s^2, JMA %.1f (%s), %d/%d chunks down, furniture %d/%d moved, %d toppled, %d items fell, %d/%d casualties trapped, blocked: %s%s\n", f.pgaMS2,
                    f.jmaIntensity, f.jmaClass.c_str(),
                    f.chunksLoose, f.chunks, f.furnitureMoved, f.furniture, f.furnitureToppled, f.itemsFallen, f.casualtiesTrapped, f.casualties, blocked.empty() ? "none" : blocked.c_str(),
                    s.struckByDebris() ? ", trainee struck down" : s.hurtByDebris() ? ", trainee hurt" : "");
        if (const DebrisRescue* r = s.rescue(); r && r->piecesCleared() > 0) {
            int rescued = 0;
            for (const auto& e : s.log().events) rescued += e.kind == "casualty.rescued";
            std::snprintf(line, sizeof line, "Rescue: %d piece(s) of debris (%.0f kg) lifted off; %d casualty(ies) freed by it.",
                          r->piecesCleared(), r->massClearedKg(), rescued);
            extras.note += std::string(" ") + line;
            std::printf("rescue: %d piece%s lifted, %.0f kg, %d casualt%s freed\n", r->piecesCleared(), r->piecesCleared() == 1 ? "" : "s",
                        r->massClearedKg(), rescued, rescued == 1 ? "y" : "ies");
        }
    }
    std::string db = joinPath(outDir, "session.db");
    if (auto chain = record::verifyChain(db)) extras.chain = *chain;
    extras.chainHead = s.chainHead();

    if (auto st = report::writeReportJson(out.reportJson, s.log(), score, extras); !st) return st.error();
    if (auto st = report::writeReportHtml(out.reportHtml, s.log(), score, extras); !st) return st.error();
    return out;
}

}  // namespace cd::app
