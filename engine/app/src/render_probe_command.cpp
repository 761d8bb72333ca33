// citydrill render-probe MODEL --out OUT.png: renders a model (glTF or anything Assimp reads)
// offscreen to a PNG, for looking at districts and the renderer without a scenario.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>

#include <glm/common.hpp>
#include <glm/geometric.hpp>

#include "assets/model.h"
#include "command.h"
#include "gfx/device.h"
#include "render/renderer.h"

namespace cd::app {
namespace {

bool parseVec3(const std::string& s, glm::vec3& out) {
    return std::sscanf(s.c_str(), "%f,%f,%f", &out.x, &out.y, &out.z) == 3;
}

int runRenderProbe(const std::vector<std::string>& args) {
    const char* usage =
        "usage: citydrill render-probe MODEL --out OUT.png [--size WxH] [--eye X,Y,Z --target X,Y,Z] "
        "[--hour H] [--smoke X0,Y0,Z0:X1,Y1,Z1:ZI:K] [--fire X,Y,Z:HRRKW]\n";
    std::string model, out;
    std::uint32_t w = 1280, h = 720;
    glm::vec3 eye{0.0f}, target{0.0f};
    bool haveEye = false, haveTarget = false;
    float hour = -1.0f;
    render::RenderSnapshot snap;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        const bool hasNext = i + 1 < args.size();
        if (a == "--out" && hasNext) out = args[++i];
        else if (a == "--size" && hasNext) {
            if (std::sscanf(args[++i].c_str(), "%ux%u", &w, &h) != 2 || w == 0 || h == 0 || w > 8192 || h > 8192) {
                std::fprintf(stderr, "render-probe: --size: expected WxH, e.g. 1280x720, got '%s'\n", args[i].c_str());
                return 1;
            }
        } else if (a == "--eye" && hasNext) {
            if (!parseVec3(args[++i], eye)) { std::fprintf(stderr, "render-probe: --eye: expected X,Y,Z\n"); return 1; }
            haveEye = true;
        } else if (a == "--target" && hasNext) {
            if (!parseVec3(args[++i], target)) { std::fprintf(stderr, "render-probe: --target: expected X,Y,Z\n"); return 1; }
            haveTarget = true;
        } else if (a == "--hour" && hasNext) {
            hour = std::strtof(args[++i].c_str(), nullptr);
        } else if (a == "--smoke" && hasNext) {
            render::SmokeVolume v;
            if (std::sscanf(args[++i].c_str(), "%f,%f,%f:%f,%f,%f:%f:%f", &v.boxMin.x, &v.boxMin.y, &v.boxMin.z,
                            &v.boxMax.x, &v.boxMax.y, &v.boxMax.z, &v.interfaceZ, &v.extinctionPerM) != 8) {
                std::fprintf(stderr, "render-probe: --smoke: expected X0,Y0,Z0:X1,Y1,Z1:INTERFACE_Z:K\n");
                return 1;
            }
            snap.smoke.push_back(v);
        } else if (a == "--fire" && hasNext) {
            render::FireSource f;
            if (std::sscanf(args[++i].c_str(), "%f,%f,%f:%f", &f.base.x, &f.base.y, &f.base.z, &f.hrrKw) != 4) {
                std::fprintf(stderr, "render-probe: --fire: expected X,Y,Z:HRR_KW\n");
                return 1;
            }
            // Heskestad's flame height, L = 0.235 Q^(2/5) - 1.02 D (SFPE Handbook), for a 1 m fire.
            f.radiusM = 0.5f;
            f.flameHeightM = std::max(0.3f, 0.235f * std::pow(f.hrrKw, 0.4f) - 1.02f);
            snap.fires.push_back(f);
        } else if (a.rfind("--", 0) != 0 && model.empty()) model = a;
        else {
            std::fprintf(stderr, "render-probe: unexpected argument '%s'\n%s", a.c_str(), usage);
            return 2;
        }
    }
    if (model.empty() || out.empty()) {
        std::fprintf(stderr, "%s", usage);
        return 2;
    }
    auto m = assets::loadModel(model);
    if (!m) {
        std::fprintf(stderr, "%s\n", m.error().str().c_str());
        return 1;
    }
    auto device = gfx::Device::create(gfx::DeviceDesc{});
    if (!device) {
        std::fprintf(stderr, "%s\n", device.error().str().c_str());
        return 1;
    }
    auto renderer = render::Renderer::create(**device);
    if (!renderer) {
        std::fprintf(stderr, "%s\n", renderer.error().str().c_str());
        return 1;
    }
    if (auto st = (*renderer)->setWorld(*m); !st) {
        std::fprintf(stderr, "%s\n", st.error().str().c_str());
        return 1;
    }
    // Default camera: from the south-west, above the model, looking at its centre.
    const glm::vec3 centre = 0.5f * (m->boundsMin + m->boundsMax);
    const float radius = std::max(glm::length(m->boundsMax - m->boundsMin) * 0.5f, 1.0f);
    render::ViewDesc v;
    v.lookAt = true;
    v.target = haveTarget ? target : centre;
    v.eye = haveEye ? eye : centre + glm::vec3(-0.8f, -0.9f, 0.7f) * radius;
    v.width = w;
    v.height = h;
    v.farM = std::max(2000.0f, radius * 4.0f);
    snap.views.push_back(v);
    if (hour >= 0.0f) render::applyTimeOfDay(snap, hour);
    auto t0 = std::chrono::steady_clock::now();
    auto img = (*renderer)->renderToImage(snap);
    const double firstMs = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    t0 = std::chrono::steady_clock::now();
    if (img) img = (*renderer)->renderToImage(snap);  // again, with pipelines compiled
    const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    if (!img) {
        std::fprintf(stderr, "%s\n", img.error().str().c_str());
        return 1;
    }
    if (auto st = gfx::writePng(*img, out); !st) {
        std::fprintf(stderr, "%s\n", st.error().str().c_str());
        return 1;
    }
    std::printf("%s: bounds (%.1f, %.1f, %.1f) - (%.1f, %.1f, %.1f)\n", model.c_str(), m->boundsMin.x, m->boundsMin.y,
                m->boundsMin.z, m->boundsMax.x, m->boundsMax.y, m->boundsMax.z);
    std::printf("%s: %zu triangles, %ux%u on %s (%u samples): %.0f ms per frame with readback (first frame %.0f ms, "
                "includes shader compile) -> %s\n",
                model.c_str(), static_cast<std::size_t>((*renderer)->stats().worldTriangles), w, h,
                (*device)->deviceName().c_str(), (*renderer)->samples(), ms, firstMs, out.c_str());
    return 0;
}

}  // namespace

CD_COMMAND(render_probe, "render-probe", "render-probe MODEL --out OUT.png [--size WxH] [--eye X,Y,Z --target X,Y,Z]",
           "Render a model offscreen to a PNG (optionally with --hour, --smoke and --fire overlays).", runRenderProbe);

}  // namespace cd::app
