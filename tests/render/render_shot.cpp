// render_shot: one offscreen picture of a district model from a given camera, for looking at the
// renderer's lighting by eye (before/after comparisons) without running a scenario.
//   render_shot MODEL.gltf OUT.png --eye X,Y,Z --target X,Y,Z [--size WxH] [--hours H]
//               [--fov DEG] [--hide X0,Y0,Z0,X1,Y1,Z1]... [--box X0,Y0,Z0,X1,Y1,Z1]...
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "assets/model.h"
#include "gfx/device.h"
#include "gfx/image.h"
#include "render/renderer.h"

using namespace cd;

namespace {

bool parseFloats(const std::string& s, float* out, int n) {
    const char* p = s.c_str();
    for (int i = 0; i < n; ++i) {
        char* end = nullptr;
        out[i] = std::strtof(p, &end);
        if (end == p) return false;
        p = end;
        if (i + 1 < n) {
            if (*p != ',') return false;
            ++p;
        }
    }
    return *p == '\0';
}

int usage() {
    std::fprintf(stderr,
                 "usage: render_shot MODEL OUT.png --eye X,Y,Z --target X,Y,Z [--size WxH] [--hours H] [--fov DEG]\n"
                 "                   [--hide X0,Y0,Z0,X1,Y1,Z1]... [--box X0,Y0,Z0,X1,Y1,Z1]... [--no-interior]\n");
    return 1;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 3) return usage();
    const std::string modelPath = argv[1], outPath = argv[2];
    render::RenderSnapshot snap;
    render::ViewDesc v;
    v.lookAt = true;
    v.nearM = 0.05f;
    v.verticalFovDeg = 70.0f;
    float hours = 10.5f;
    bool interior = true;
    std::vector<render::Aabb> hidden;
    std::vector<render::BoxInstance> boxes;
    for (int i = 3; i < argc; ++i) {
        const std::string a = argv[i];
        const bool hasValue = i + 1 < argc;
        float f[6];
        if (a == "--no-interior") {
            interior = false;
        } else if (!hasValue) {
            return usage();
        } else if (a == "--eye" && parseFloats(argv[i + 1], f, 3)) {
            v.eye = {f[0], f[1], f[2]};
            ++i;
        } else if (a == "--target" && parseFloats(argv[i + 1], f, 3)) {
            v.target = {f[0], f[1], f[2]};
            ++i;
        } else if (a == "--hours" && parseFloats(argv[i + 1], f, 1)) {
            hours = f[0];
            ++i;
        } else if (a == "--fov" && parseFloats(argv[i + 1], f, 1)) {
            v.verticalFovDeg = f[0];
            ++i;
        } else if (a == "--size" && std::sscanf(argv[i + 1], "%ux%u", &v.width, &v.height) == 2) {
            ++i;
        } else if (a == "--hide" && parseFloats(argv[i + 1], f, 6)) {
            hidden.push_back({{f[0], f[1], f[2]}, {f[3], f[4], f[5]}});
            ++i;
        } else if (a == "--box" && parseFloats(argv[i + 1], f, 6)) {
            render::BoxInstance b;
            b.center = 0.5f * (glm::vec3(f[0], f[1], f[2]) + glm::vec3(f[3], f[4], f[5]));
            b.halfExtents = 0.5f * glm::abs(glm::vec3(f[3], f[4], f[5]) - glm::vec3(f[0], f[1], f[2]));
            b.color = {0.5f, 0.48f, 0.45f};
            boxes.push_back(b);
            ++i;
        } else {
            std::fprintf(stderr, "render_shot: bad option or value: %s\n", a.c_str());
            return usage();
        }
    }
    auto model = assets::loadModel(modelPath);
    if (!model) {
        std::fprintf(stderr, "%s\n", model.error().str().c_str());
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
    if (auto st = (*renderer)->setWorld(*model); !st) {
        std::fprintf(stderr, "%s\n", st.error().str().c_str());
        return 1;
    }
    render::applyTimeOfDay(snap, hours);
    if (!interior) snap.interior.intensity = 0.0f;
    snap.views = {v};
    snap.hiddenBoxes = hidden;
    snap.boxes = boxes;
    auto img = (*renderer)->renderToImage(snap);
    if (!img) {
        std::fprintf(stderr, "%s\n", img.error().str().c_str());
        return 1;
    }
    if (auto st = gfx::writePng(*img, outPath); !st) {
        std::fprintf(stderr, "%s\n", st.error().str().c_str());
        return 1;
    }
    return 0;
}
