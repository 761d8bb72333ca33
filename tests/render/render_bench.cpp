// render_bench [triangles] [width height] [out.png]: times frames of a synthetic district
// (blocks of buildings with storey bands and window boxes, 8 materials) on the chosen device.
// Example: CITYDRILL_GPU=cpu build/bin/render_bench 200000 1280 720 /tmp/bench.png
#include <algorithm>
#include <chrono>
#include <cmath>
#include <utility>
#include <vector>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "core/rng.h"
#include "gfx/device.h"
#include "render/renderer.h"
#include "test_scene.h"

using namespace cd;

namespace {

void box(assets::Mesh& mesh, glm::vec3 lo, glm::vec3 hi) {
    const glm::vec3 c[8] = {{lo.x, lo.y, lo.z}, {hi.x, lo.y, lo.z}, {hi.x, hi.y, lo.z}, {lo.x, hi.y, lo.z},
                            {lo.x, lo.y, hi.z}, {hi.x, lo.y, hi.z}, {hi.x, hi.y, hi.z}, {lo.x, hi.y, hi.z}};
    struct Face { int a, b, cc, d; glm::vec3 n; };
    const Face faces[6] = {{0, 1, 5, 4, {0, -1, 0}}, {1, 2, 6, 5, {1, 0, 0}}, {2, 3, 7, 6, {0, 1, 0}},
                           {3, 0, 4, 7, {-1, 0, 0}}, {4, 5, 6, 7, {0, 0, 1}}, {3, 2, 1, 0, {0, 0, -1}}};
    for (const Face& f : faces) {
        const auto base = static_cast<std::uint32_t>(mesh.vertices.size());
        for (int i : {f.a, f.b, f.cc, f.d}) mesh.vertices.push_back({c[i], f.n, {0.0f, 0.0f}});
        mesh.indices.insert(mesh.indices.end(), {base, base + 1, base + 2, base, base + 2, base + 3});
    }
}

assets::Model syntheticDistrict(std::size_t targetTriangles) {
    assets::Model m;
    const glm::vec4 colors[8] = {{0.12f, 0.16f, 0.07f, 1}, {0.42f, 0.12f, 0.07f, 1}, {0.55f, 0.52f, 0.45f, 1},
                                 {0.22f, 0.27f, 0.36f, 1}, {0.05f, 0.07f, 0.09f, 1}, {0.35f, 0.33f, 0.30f, 1},
                                 {0.08f, 0.08f, 0.08f, 1}, {0.06f, 0.20f, 0.05f, 1}};
    for (int i = 0; i < 8; ++i) {
        assets::Material mat;
        mat.name = "mat" + std::to_string(i);
        mat.baseColor = colors[i];
        mat.roughness = i == 4 ? 0.1f : 0.8f;  // glass
        m.materials.push_back(mat);
    }
    assets::Mesh ground;
    ground.name = "ground";
    ground.material = 0;
    box(ground, {-400, -400, -0.2f}, {400, 400, 0});
    m.meshes.push_back(ground);
    Rng rng(7);
    std::size_t tris = 12;
    // Blocks nearest the centre first, so any triangle budget fills the view.
    std::vector<std::pair<int, int>> blocks;
    for (int by = -8; by < 8; ++by)
        for (int bx = -8; bx < 8; ++bx) blocks.push_back({bx, by});
    std::stable_sort(blocks.begin(), blocks.end(), [](auto a, auto b) {
        return std::abs(a.first) + std::abs(a.second) < std::abs(b.first) + std::abs(b.second);
    });
    for (auto [bx, by] : blocks) {
        if (tris >= targetTriangles) break;
        {
            for (int k = 0; k < 4 && tris < targetTriangles; ++k) {
                assets::Mesh walls, glass;
                walls.name = "building." + std::to_string(bx) + "." + std::to_string(by) + "." + std::to_string(k);
                const std::uint32_t wallMaterials[4] = {1, 2, 3, 5};
                walls.material = wallMaterials[rng.below(4)];
                glass.material = 4;
                const float x0 = bx * 45.0f + (k % 2) * 20.0f + 3.0f, y0 = by * 45.0f + (k / 2) * 20.0f + 3.0f;
                const float w = 12.0f + float(rng.uniform()) * 4.0f, d = 12.0f + float(rng.uniform()) * 4.0f;
                const int storeys = 2 + int(rng.below(10));
                box(walls, {x0, y0, 0}, {x0 + w, y0 + d, storeys * 3.2f});
                for (int s = 0; s < storeys; ++s)
                    for (float u = 1.0f; u + 1.5f < w; u += 2.5f) {
                        const float z = s * 3.2f + 1.0f;
                        box(glass, {x0 + u, y0 - 0.05f, z}, {x0 + u + 1.4f, y0 + 0.02f, z + 1.5f});
                        box(glass, {x0 + u, y0 + d - 0.02f, z}, {x0 + u + 1.4f, y0 + d + 0.05f, z + 1.5f});
                    }
                tris += (walls.indices.size() + glass.indices.size()) / 3;
                m.meshes.push_back(std::move(walls));
                m.meshes.push_back(std::move(glass));
            }
        }
    }
    m.boundsMin = {-400, -400, -0.2f};
    m.boundsMax = {400, 400, 40};
    return m;
}

}  // namespace

int main(int argc, char** argv) {
    const std::size_t tris = argc > 1 ? std::strtoul(argv[1], nullptr, 10) : 200000;
    const std::uint32_t w = argc > 3 ? std::uint32_t(std::atoi(argv[2])) : 1280;
    const std::uint32_t h = argc > 3 ? std::uint32_t(std::atoi(argv[3])) : 720;
    auto dev = gfx::Device::create(gfx::DeviceDesc{});
    if (!dev) {
        std::fprintf(stderr, "%s\n", dev.error().str().c_str());
        return 1;
    }
    auto r = render::Renderer::create(**dev);
    if (!r) {
        std::fprintf(stderr, "%s\n", r.error().str().c_str());
        return 1;
    }
    auto t0 = std::chrono::steady_clock::now();
    if (auto s = (*r)->setWorld(syntheticDistrict(tris)); !s) {
        std::fprintf(stderr, "%s\n", s.error().str().c_str());
        return 1;
    }
    auto t1 = std::chrono::steady_clock::now();
    render::RenderSnapshot snap = render::test::testSnapshot(w, h);
    snap.views[0].eye = {-60.0f, -50.0f, 25.0f};
    snap.views[0].lookAt = true;
    snap.views[0].target = {40.0f, 40.0f, 5.0f};
    snap.fires.push_back({{10.0f, 10.0f, 0.0f}, 1.0f, 3.0f, 1500.0f});
    snap.smoke.push_back({{3.0f, 3.0f, 0.0f}, {20.0f, 20.0f, 12.0f}, 4.0f, 0.4f, {0.2f, 0.2f, 0.2f}});
    if (std::getenv("BENCH_NO_SHADOWS")) snap.sun.shadows = false;
    auto target = (*r)->createViewTarget(w, h);
    if (!target) return 1;
    const gfx::RenderTargetHandle t = *target;
    std::span<const gfx::RenderTargetHandle> targets(&t, 1);
    double first = 0, total = 0;
    const int frames = 5;
    for (int i = 0; i <= frames; ++i) {
        auto a = std::chrono::steady_clock::now();
        if (auto s = (*r)->render(snap, targets); !s) {
            std::fprintf(stderr, "%s\n", s.error().str().c_str());
            return 1;
        }
        double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - a).count();
        if (i == 0) first = ms; else total += ms;
    }
    auto a = std::chrono::steady_clock::now();
    auto img = (*dev)->readback(t);
    double readMs = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - a).count();
    std::printf("device: %s, %u samples\n", (*dev)->deviceName().c_str(), (*r)->samples());
    std::printf("world: %llu triangles in %u draws, upload %.0f ms\n",
                static_cast<unsigned long long>((*r)->stats().worldTriangles), (*r)->stats().worldDrawCalls,
                std::chrono::duration<double, std::milli>(t1 - t0).count());
    std::printf("%ux%u: first frame %.0f ms (pipeline compile), then %.0f ms/frame (mean of %d), readback %.0f ms\n", w,
                h, first, total / frames, frames, readMs);
    if (argc > 4 && img) (void)gfx::writePng(*img, argv[4]);
    return 0;
}
