// district_preview MODEL.gltf OUT.png --eye x y z --look x y z [--fov deg] [--size WxH]
// A small CPU rasteriser (z-buffer, flat Lambert shading, material base colours) that shows
// what a model looks like without a GPU. Positions are in CityDrill's frame (Z up) as
// loaded by cd::assets, so this also checks the importer's axis conversion.
#include <stb_image_write.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include <glm/geometric.hpp>
#include <glm/exponential.hpp>
#include <glm/trigonometric.hpp>

#include "assets/model.h"

namespace {

struct ClipVert {
    glm::vec3 view;  // camera space: x right, y up, z forward (depth)
};

int usage(const char* why) {
    std::fprintf(stderr, "district_preview: %s\nusage: district_preview MODEL OUT.png --eye x y z --look x y z [--fov deg] [--size WxH]\n", why);
    return 1;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 3) return usage("need a model and an output path");
    const std::string modelPath = argv[1], out = argv[2];
    glm::vec3 eye(150, -40, 60), look(150, 150, 10);
    float fovDeg = 60;
    int W = 960, H = 540;
    for (int i = 3; i < argc; ++i) {
        const std::string a = argv[i];
        auto num = [&](float& v) {
            if (i + 1 >= argc) return false;
            char* end = nullptr;
            v = std::strtof(argv[++i], &end);
            return *end == '\0';
        };
        bool ok = true;
        if (a == "--eye") ok = num(eye.x) && num(eye.y) && num(eye.z);
        else if (a == "--look") ok = num(look.x) && num(look.y) && num(look.z);
        else if (a == "--fov") ok = num(fovDeg);
        else if (a == "--size" && i + 1 < argc) ok = std::sscanf(argv[++i], "%dx%d", &W, &H) == 2 && W > 0 && H > 0 && W <= 8192 && H <= 8192;
        else ok = false;
        if (!ok) return usage(("bad option " + a).c_str());
    }
    auto model = cd::assets::loadModel(modelPath);
    if (!model) return usage(model.error().str().c_str());

    const glm::vec3 fwd = glm::normalize(look - eye);
    const glm::vec3 right = glm::normalize(glm::cross(fwd, glm::vec3(0, 0, 1)));
    const glm::vec3 up = glm::cross(right, fwd);
    const float focal = 0.5f * float(H) / std::tan(glm::radians(fovDeg) * 0.5f);
    const float nearZ = 0.1f;
    const glm::vec3 sun = glm::normalize(glm::vec3(0.4f, -0.5f, 0.8f));

    std::vector<float> depth(std::size_t(W) * H, 1e30f);
    std::vector<glm::vec3> color(std::size_t(W) * H);
    for (int y = 0; y < H; ++y)
        for (int x = 0; x < W; ++x) color[std::size_t(y) * W + x] = glm::mix(glm::vec3(0.75f, 0.85f, 0.95f), glm::vec3(0.45f, 0.6f, 0.85f), float(H - y) / float(H));

    auto toView = [&](const glm::vec3& p) {
        const glm::vec3 d = p - eye;
        return glm::vec3(glm::dot(d, right), glm::dot(d, up), glm::dot(d, fwd));
    };
    auto raster = [&](const glm::vec3 v[3], const glm::vec3& c, float alpha) {
        glm::vec2 s[3];
        for (int k = 0; k < 3; ++k) s[k] = {W * 0.5f + focal * v[k].x / v[k].z, H * 0.5f - focal * v[k].y / v[k].z};
        const float area = (s[1].x - s[0].x) * (s[2].y - s[0].y) - (s[2].x - s[0].x) * (s[1].y - s[0].y);
        if (std::abs(area) < 1e-8f) return;
        const int x0 = std::max(0, int(std::floor(std::min({s[0].x, s[1].x, s[2].x})))), x1 = std::min(W - 1, int(std::ceil(std::max({s[0].x, s[1].x, s[2].x}))));
        const int y0 = std::max(0, int(std::floor(std::min({s[0].y, s[1].y, s[2].y})))), y1 = std::min(H - 1, int(std::ceil(std::max({s[0].y, s[1].y, s[2].y}))));
        for (int y = y0; y <= y1; ++y) {
            for (int x = x0; x <= x1; ++x) {
                const glm::vec2 p(float(x) + 0.5f, float(y) + 0.5f);
                const float w0 = ((s[1].x - p.x) * (s[2].y - p.y) - (s[2].x - p.x) * (s[1].y - p.y)) / area;
                const float w1 = ((s[2].x - p.x) * (s[0].y - p.y) - (s[0].x - p.x) * (s[2].y - p.y)) / area;
                const float w2 = 1.0f - w0 - w1;
                if (w0 < 0 || w1 < 0 || w2 < 0) continue;
                const float invZ = w0 / v[0].z + w1 / v[1].z + w2 / v[2].z;  // 1/z is linear in screen space
                const float z = 1.0f / invZ;
                float& zb = depth[std::size_t(y) * W + x];
                if (z >= zb) continue;
                glm::vec3& px = color[std::size_t(y) * W + x];
                if (alpha >= 0.99f) {
                    zb = z;
                    px = c;
                } else {
                    px = glm::mix(px, c, alpha);
                }
            }
        }
    };
    // Opaque first, then blended (glass, water) over them.
    for (int pass = 0; pass < 2; ++pass) {
        for (const auto& mesh : model->meshes) {
            const auto& mat = model->materials[mesh.material];
            const bool blended = mat.baseColor.a < 0.99f;
            if (blended != (pass == 1)) continue;
            const glm::vec3 base = glm::pow(glm::vec3(mat.baseColor), glm::vec3(1.0f / 2.2f));
            for (std::size_t t = 0; t + 2 < mesh.indices.size(); t += 3) {
                const glm::vec3 a = mesh.vertices[mesh.indices[t]].position, b = mesh.vertices[mesh.indices[t + 1]].position,
                                c = mesh.vertices[mesh.indices[t + 2]].position;
                glm::vec3 n = glm::cross(b - a, c - a);
                if (glm::length(n) <= 0) continue;
                n = glm::normalize(n);
                if (glm::dot(n, eye - a) < 0) n = -n;  // two-sided lighting
                const glm::vec3 shade = base * (0.35f + 0.65f * std::max(0.0f, glm::dot(n, sun)));
                glm::vec3 v[3] = {toView(a), toView(b), toView(c)};
                // Clip against the near plane: keep the part with z >= nearZ (0, 1 or 2 triangles).
                std::vector<glm::vec3> poly;
                for (int k = 0; k < 3; ++k) {
                    const glm::vec3 &p = v[k], &q = v[(k + 1) % 3];
                    const bool pin = p.z >= nearZ, qin = q.z >= nearZ;
                    if (pin) poly.push_back(p);
                    if (pin != qin) poly.push_back(p + (q - p) * ((nearZ - p.z) / (q.z - p.z)));
                }
                for (std::size_t k = 1; k + 1 < poly.size(); ++k) {
                    const glm::vec3 tri[3] = {poly[0], poly[k], poly[k + 1]};
                    raster(tri, shade, mat.baseColor.a);
                }
            }
        }
    }
    std::vector<unsigned char> rgb(std::size_t(W) * H * 3);
    for (std::size_t i = 0; i < color.size(); ++i)
        for (int k = 0; k < 3; ++k) rgb[i * 3 + k] = (unsigned char)std::clamp(color[i][k] * 255.0f, 0.0f, 255.0f);
    if (!stbi_write_png(out.c_str(), W, H, 3, rgb.data(), W * 3)) return usage(("cannot write " + out).c_str());
    std::printf("%s: %zu triangles, bounds (%.1f %.1f %.1f)-(%.1f %.1f %.1f)\n", modelPath.c_str(), model->triangleCount(), model->boundsMin.x, model->boundsMin.y,
                model->boundsMin.z, model->boundsMax.x, model->boundsMax.y, model->boundsMax.z);
    return 0;
}
