#include "test_scene.h"

#include <algorithm>

#include <glm/common.hpp>

namespace cd::render::test {

const glm::vec4 kGroundColor{0.12f, 0.16f, 0.07f, 1.0f};  // linear, like glTF: grass
const glm::vec4 kTowerColor{0.42f, 0.12f, 0.07f, 1.0f};  // brick red

void addBox(assets::Model& model, const glm::vec3& lo, const glm::vec3& hi, const glm::vec4& color, const char* name) {
    assets::Material mat;
    mat.name = name;
    mat.baseColor = color;
    mat.roughness = 0.8f;
    model.materials.push_back(mat);
    assets::Mesh mesh;
    mesh.name = name;
    mesh.material = static_cast<std::uint32_t>(model.materials.size() - 1);
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
    model.meshes.push_back(std::move(mesh));
    model.boundsMin = glm::min(model.boundsMin, lo);
    model.boundsMax = glm::max(model.boundsMax, hi);
}

assets::Model testDistrict() {
    assets::Model m;
    m.sourcePath = "test_district";
    addBox(m, {-100.0f, -100.0f, -0.2f}, {100.0f, 100.0f, 0.0f}, kGroundColor, "ground");
    addBox(m, {0.0f, -6.0f, 0.0f}, {12.0f, 6.0f, 18.0f}, kTowerColor, "building.tower");
    addBox(m, {-4.0f, 14.0f, 0.0f}, {10.0f, 26.0f, 7.0f}, {0.55f, 0.52f, 0.45f, 1.0f}, "building.school");
    addBox(m, {-6.0f, -26.0f, 0.0f}, {8.0f, -14.0f, 9.0f}, {0.22f, 0.27f, 0.36f, 1.0f}, "building.gym");
    return m;
}

RenderSnapshot testSnapshot(std::uint32_t width, std::uint32_t height) {
    RenderSnapshot s;
    ViewDesc v;
    v.eye = {-30.0f, 0.0f, 6.0f};
    v.yawDeg = 0.0f;
    v.pitchDeg = 4.0f;
    v.verticalFovDeg = 60.0f;
    v.width = width;
    v.height = height;
    s.views.push_back(v);
    // Sun high in the south-west: the tower's shadow falls north-east of it.
    s.sun.direction = {-0.35f, -0.55f, 0.76f};
    return s;
}

glm::vec3 meanColor(const gfx::Image& img, float x0, float y0, float x1, float y1) {
    const auto px0 = std::uint32_t(x0 * float(img.width)), px1 = std::max(px0 + 1, std::uint32_t(x1 * float(img.width)));
    const auto py0 = std::uint32_t(y0 * float(img.height)), py1 = std::max(py0 + 1, std::uint32_t(y1 * float(img.height)));
    glm::vec3 sum(0.0f);
    int n = 0;
    for (std::uint32_t y = py0; y < std::min(py1, img.height); ++y)
        for (std::uint32_t x = px0; x < std::min(px1, img.width); ++x) {
            const std::uint8_t* p = img.at(x, y);
            sum += glm::vec3(p[0], p[1], p[2]) / 255.0f;
            ++n;
        }
    return n ? sum / float(n) : sum;
}

float luminance(const glm::vec3& c) { return 0.2126f * c.r + 0.7152f * c.g + 0.0722f * c.b; }

}  // namespace cd::render::test
