#include "session_outputs.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <iterator>
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

struct Pictures {
    std::string error;  // empty when both were written
};

Pictures renderPictures(const Session& s, const std::string& finalPath, const std::string& overviewPath, std::uint32_t w,
                        std::uint32_t h) {
    auto model = assets::loadModel(modelPathOf(s.district()));
    if (!model) return {model.error().str()};
    auto device = gfx::Device::create(gfx::DeviceDesc{});
    if (!device) return {device.error().str()};
    auto renderer = render::Renderer::create(**device);
    if (!renderer) return {renderer.error().str()};
    if (auto st = (*renderer)->setWorld(*model); !st) return {st.error().str()};
    render::RenderSnapshot snap = hazardSnapshot(s);
    snap.views = {finalEyeView(s, w, h), overviewView(s, w, h)};
    render::PersonMarker me;
    me.feet = s.body().feetM;
    me.headingDeg = s.body().yawDeg;
    me.trainee = true;
    me.color = {0.95f, 0.55f, 0.1f};
    // The crowd is in both pictures; the trainee's own marker only in the overview.
    for (std::size_t i = 0; i < 2; ++i) {
        if (i == 1) snap.people.push_back(me);
        auto img = (*renderer)->renderToImage(snap, i);
        if (!img) return {img.error().str()};
        if (auto st = gfx::writePng(*img, i == 0 ? finalPath : overviewPath); !st) return {st.error().str()};
    }
    return {};
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
            pr.minX = r.box.min.x; pr.minY = r.box.min.y; pr.maxX = r.box.max.x; pr.maxY = r.box.max.y;
            ps.rooms.push_back(pr);
        }
        for (const auto& door : d.doors) {
            const world::Room* a = d.findRoom(door.roomA);
            if (!a || a->building != building || a->storey != k) continue;
            report::PlanMarker m{door.id, "", door.centerM.x, door.centerM.y, ps.id};
            (door.isExit ? ps.exits : ps.doors).push_back(m);
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
    return x;
}

}  // namespace

Result<SessionOutcome> writeSessionOutputs(const Session& s, const std::string& outDir, int width, int height) {
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
    Pictures pics = renderPictures(s, out.finalPng, overview, static_cast<std::uint32_t>(width), static_cast<std::uint32_t>(height));
    if (pics.error.empty()) {
        extras.pictures.push_back({"The trainee's view at the end of the session (eye height)", readBytes(out.finalPng)});
        extras.pictures.push_back({"Overview of the scene at the end of the session", readBytes(overview)});
    } else {
        std::fprintf(stderr, "citydrill: pictures not rendered: %s\n", pics.error.c_str());
        extras.note = "Pictures could not be rendered: " + pics.error;
    }
    const CrowdFigures crowd = s.crowdFigures();
    if (crowd.people > 0) {
        char line[256];
        std::snprintf(line, sizeof line, "Crowd: %d of %d people out%s, last out at %.0f s (alarm at %.0f s); %d overcome; highest FED %.3f.",
                      crowd.out, crowd.people, crowd.out == crowd.people ? " (all)" : "", crowd.lastOutS, crowd.startS,
                      crowd.overcome, crowd.maxFed);
        extras.note = extras.note.empty() ? line : extras.note + " " + line;
        std::printf("crowd: %d/%d out, last out %.1f s, alarm %.1f s, overcome %d, max FED %.3f\n", crowd.out, crowd.people,
                    crowd.lastOutS, crowd.startS, crowd.overcome, crowd.maxFed);
    }
    if (const FloodHazard* fl = s.flood()) {
        char line[256];
        std::snprintf(line, sizeof line, "Flood: %.0f m2 under water at the end, deepest %.2f m; highest hazard rating where the trainee stood %.2f%s.",
                      fl->wetAreaM2(), fl->maxDepthM(), s.maxFloodHazardRating(), s.sweptByFlood() ? " (swept off their feet)" : "");
        extras.note = extras.note.empty() ? line : extras.note + " " + line;
        std::printf("flood: wet %.0f m2, deepest %.2f m, trainee max HR %.2f%s\n", fl->wetAreaM2(), fl->maxDepthM(),
                    s.maxFloodHazardRating(), s.sweptByFlood() ? ", swept" : "");
    }
    std::string db = joinPath(outDir, "session.db");
    if (auto chain = record::verifyChain(db)) extras.chain = *chain;
    extras.chainHead = s.chainHead();

    if (auto st = report::writeReportJson(out.reportJson, s.log(), score, extras); !st) return st.error();
    if (auto st = report::writeReportHtml(out.reportHtml, s.log(), score, extras); !st) return st.error();
    return out;
}

}  // namespace cd::app
