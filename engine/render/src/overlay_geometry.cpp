#include "overlay_geometry.h"

#include <algorithm>
#include <cmath>

#include <glm/geometric.hpp>
#include <glm/gtc/quaternion.hpp>
#include <glm/trigonometric.hpp>

namespace cd::render {

namespace {

constexpr float kPi = 3.14159265f;

struct Builder {
    OverlayGeometry& g;
    std::uint32_t vertex(glm::vec3 p, glm::vec3 n, glm::vec2 uv, std::uint32_t color) {
        gfx::LitVertex v{{p.x, p.y, p.z}, {n.x, n.y, n.z}, {uv.x, uv.y}, color};
        g.vertices.push_back(v);
        return static_cast<std::uint32_t>(g.vertices.size() - 1);
    }
    void tri(std::uint32_t a, std::uint32_t b, std::uint32_t c) { g.indices.insert(g.indices.end(), {a, b, c}); }
    void quad(std::uint32_t a, std::uint32_t b, std::uint32_t c, std::uint32_t d) {
        tri(a, b, c);
        tri(a, c, d);
    }
    // Closed cylinder (sides + top cap) from z0 to z1 around centre.
    void cylinder(glm::vec3 c, float r, float z0, float z1, int sides, std::uint32_t color) {
        std::uint32_t top = vertex({c.x, c.y, z1}, {0, 0, 1}, {0, 0}, color);
        for (int i = 0; i < sides; ++i) {
            float a0 = 2 * kPi * i / sides, a1 = 2 * kPi * (i + 1) / sides;
            glm::vec3 n0{std::cos(a0), std::sin(a0), 0}, n1{std::cos(a1), std::sin(a1), 0};
            std::uint32_t v0 = vertex({c.x + r * n0.x, c.y + r * n0.y, z0}, n0, {0, 0}, color);
            std::uint32_t v1 = vertex({c.x + r * n1.x, c.y + r * n1.y, z0}, n1, {0, 0}, color);
            std::uint32_t v2 = vertex({c.x + r * n1.x, c.y + r * n1.y, z1}, n1, {0, 0}, color);
            std::uint32_t v3 = vertex({c.x + r * n0.x, c.y + r * n0.y, z1}, n0, {0, 0}, color);
            quad(v0, v1, v2, v3);
            std::uint32_t t0 = vertex({c.x + r * n0.x, c.y + r * n0.y, z1}, {0, 0, 1}, {0, 0}, color);
            std::uint32_t t1 = vertex({c.x + r * n1.x, c.y + r * n1.y, z1}, {0, 0, 1}, {0, 0}, color);
            tri(top, t0, t1);
        }
    }
    // Low-poly sphere (latitude/longitude).
    void sphere(glm::vec3 c, float r, std::uint32_t color) {
        const int rings = 5, segs = 8;
        std::uint32_t base = static_cast<std::uint32_t>(g.vertices.size());
        for (int i = 0; i <= rings; ++i) {
            float phi = kPi * i / rings;
            for (int j = 0; j <= segs; ++j) {
                float th = 2 * kPi * j / segs;
                glm::vec3 n{std::sin(phi) * std::cos(th), std::sin(phi) * std::sin(th), std::cos(phi)};
                vertex(c + n * r, n, {0, 0}, color);
            }
        }
        for (int i = 0; i < rings; ++i)
            for (int j = 0; j < segs; ++j) {
                std::uint32_t a = base + i * (segs + 1) + j, b = a + segs + 1;
                quad(a, b, b + 1, a + 1);
            }
    }
};

}  // namespace

std::uint32_t packColor(const glm::vec4& c) {
    auto u = [](float f) { return static_cast<std::uint32_t>(std::clamp(f, 0.0f, 1.0f) * 255.0f + 0.5f); };
    return u(c.r) | (u(c.g) << 8) | (u(c.b) << 16) | (u(c.a) << 24);
}

float flameBrightness(float hrrKw) { return 0.6f + 0.35f * std::log10(1.0f + std::max(hrrKw, 0.0f) / 50.0f); }

void OverlayGeometry::clear() {
    vertices.clear();
    indices.clear();
    batches.clear();
}

void OverlayGeometry::addPeople(const std::vector<PersonMarker>& people) {
    if (people.empty()) return;
    Builder b{*this};
    OverlayBatch batch;
    batch.pipeline = OverlayPipeline::Lit;
    batch.firstIndex = static_cast<std::uint32_t>(indices.size());
    batch.emissive = {0, 0, 0, 0.3f};
    for (const PersonMarker& p : people) {
        const float h = std::max(p.heightM, 0.3f);
        const std::uint32_t body = packColor(glm::vec4(p.color, 1.0f));
        const std::uint32_t skin = packColor({0.85f, 0.68f, 0.55f, 1.0f});
        const std::uint32_t dark = packColor({0.12f, 0.12f, 0.14f, 1.0f});
        const float r = 0.19f * h / 1.7f;
        const float a = glm::radians(p.headingDeg);
        glm::vec3 dir{std::cos(a), std::sin(a), 0.0f};
        if (p.crouched) {
            // Knees on the floor behind, the back level at about a third of the height, the head
            // tucked down in front (about 0.45 of the standing height in all).
            b.cylinder(p.feet - dir * (0.12f * h), r * 0.7f, p.feet.z, p.feet.z + 0.2f * h, 6, dark);  // shins and thighs
            for (int k = 0; k < 3; ++k)
                b.sphere(p.feet + dir * (0.08f * h * static_cast<float>(k - 1)) + glm::vec3(0, 0, 0.31f * h), 0.85f * r, body);  // back
            b.sphere(p.feet + dir * (0.19f * h) + glm::vec3(0, 0, 0.28f * h), 0.075f * h, skin);  // head
        } else {
            b.cylinder(p.feet + glm::vec3(0.0f), r * 0.8f, p.feet.z, p.feet.z + 0.47f * h, 6, dark);  // legs
            b.cylinder(p.feet, r, p.feet.z + 0.47f * h, p.feet.z + 0.83f * h, 8, body);              // torso
            b.sphere(p.feet + glm::vec3(0, 0, 0.91f * h), 0.075f * h, skin);                          // head
            // A nose block shows the heading.
            b.sphere(p.feet + dir * (0.07f * h) + glm::vec3(0, 0, 0.92f * h), 0.03f * h, skin);
        }
        if (p.trainee) {
            // A bright ring on the ground around the trainee.
            const std::uint32_t ring = packColor({1.0f, 0.85f, 0.1f, 1.0f});
            const int n = 24;
            for (int i = 0; i < n; ++i) {
                float a0 = 2 * kPi * i / n, a1 = 2 * kPi * (i + 1) / n;
                auto at = [&](float ang, float rad) {
                    return glm::vec3(p.feet.x + rad * std::cos(ang), p.feet.y + rad * std::sin(ang), p.feet.z + 0.03f);
                };
                std::uint32_t v0 = b.vertex(at(a0, 0.45f), {0, 0, 1}, {0, 0}, ring);
                std::uint32_t v1 = b.vertex(at(a1, 0.45f), {0, 0, 1}, {0, 0}, ring);
                std::uint32_t v2 = b.vertex(at(a1, 0.6f), {0, 0, 1}, {0, 0}, ring);
                std::uint32_t v3 = b.vertex(at(a0, 0.6f), {0, 0, 1}, {0, 0}, ring);
                b.quad(v0, v1, v2, v3);
            }
        }
    }
    batch.indexCount = static_cast<std::uint32_t>(indices.size()) - batch.firstIndex;
    batches.push_back(batch);
}

void OverlayGeometry::addRoutes(const std::vector<RoutePolyline>& routes) {
    Builder b{*this};
    for (const RoutePolyline& r : routes) {
        if (r.points.size() < 2) continue;
        OverlayBatch batch;
        batch.pipeline = OverlayPipeline::Lit;
        batch.firstIndex = static_cast<std::uint32_t>(indices.size());
        batch.baseColor = glm::vec4(r.color, 1.0f);
        batch.emissive = glm::vec4(r.color * 0.5f, 0.0f);  // glows so it reads in shade and smoke
        const std::uint32_t white = packColor(glm::vec4(1.0f));
        const std::uint32_t dim = packColor(glm::vec4(0.35f, 0.35f, 0.35f, 1.0f));  // ribbon darker than its chevrons
        const float hw = 0.5f * std::max(r.widthM, 0.05f);
        for (std::size_t i = 0; i + 1 < r.points.size(); ++i) {
            glm::vec3 a = r.points[i] + glm::vec3(0, 0, 0.06f), c = r.points[i + 1] + glm::vec3(0, 0, 0.06f);
            glm::vec3 d = c - a;
            d.z = 0.0f;
            if (glm::length(d) < 1e-4f) continue;
            glm::vec3 side = glm::normalize(glm::vec3(-d.y, d.x, 0.0f)) * hw;
            std::uint32_t v0 = b.vertex(a - side, {0, 0, 1}, {0, 0}, dim);
            std::uint32_t v1 = b.vertex(c - side, {0, 0, 1}, {0, 0}, dim);
            std::uint32_t v2 = b.vertex(c + side, {0, 0, 1}, {0, 0}, dim);
            std::uint32_t v3 = b.vertex(a + side, {0, 0, 1}, {0, 0}, dim);
            b.quad(v0, v1, v2, v3);
            // Chevrons every 2 m point along the route.
            const float len = glm::length(d);
            glm::vec3 dn = glm::normalize(d);
            for (float s = 1.0f; s + 0.6f < len; s += 2.0f) {
                glm::vec3 p = a + dn * s + glm::vec3(0, 0, 0.02f);
                std::uint32_t c0 = b.vertex(p - side * 0.8f, {0, 0, 1}, {0, 0}, white);
                std::uint32_t c1 = b.vertex(p + dn * (hw * 1.2f), {0, 0, 1}, {0, 0}, white);
                std::uint32_t c2 = b.vertex(p + side * 0.8f, {0, 0, 1}, {0, 0}, white);
                b.tri(c0, c1, c2);
            }
        }
        batch.indexCount = static_cast<std::uint32_t>(indices.size()) - batch.firstIndex;
        if (batch.indexCount) batches.push_back(batch);
    }
}

void OverlayGeometry::addWater(const WaterGrid& grid) {
    const std::size_t cells = std::size_t(grid.nx) * grid.ny;
    if (cells == 0 || grid.surfaceZ.size() != cells || grid.depthM.size() != cells || grid.cellSizeM <= 0.0f) return;
    constexpr float kWetM = 0.01f;
    Builder b{*this};
    OverlayBatch batch;
    batch.pipeline = OverlayPipeline::Water;
    batch.firstIndex = static_cast<std::uint32_t>(indices.size());
    batch.baseColor = glm::vec4(grid.color, 1.0f);
    // Shared corner vertices: height and opacity averaged over the wet cells around each corner,
    // so the surface is continuous instead of stepped.
    const std::uint32_t cx = grid.nx + 1, cy = grid.ny + 1;
    std::vector<std::uint32_t> cornerIndex(std::size_t(cx) * cy, UINT32_MAX);
    auto wet = [&](int i, int j) {
        return i >= 0 && j >= 0 && i < int(grid.nx) && j < int(grid.ny) && grid.depthM[std::size_t(j) * grid.nx + i] > kWetM;
    };
    auto corner = [&](std::uint32_t i, std::uint32_t j) {
        std::uint32_t& idx = cornerIndex[std::size_t(j) * cx + i];
        if (idx != UINT32_MAX) return idx;
        float z = 0.0f, depth = 0.0f;
        int n = 0;
        for (int dj = -1; dj <= 0; ++dj)
            for (int di = -1; di <= 0; ++di)
                if (wet(int(i) + di, int(j) + dj)) {
                    std::size_t k = std::size_t(int(j) + dj) * grid.nx + std::size_t(int(i) + di);
                    z += grid.surfaceZ[k];
                    depth += grid.depthM[k];
                    ++n;
                }
        z /= float(std::max(n, 1));
        depth /= float(std::max(n, 1));
        // Shallow water is see-through, deep muddy water opaque.
        float alpha = std::clamp(0.6f + 0.4f * depth, 0.6f, 0.94f);
        glm::vec3 p{grid.origin.x + float(i) * grid.cellSizeM, grid.origin.y + float(j) * grid.cellSizeM, z + 0.005f};
        idx = b.vertex(p, {0, 0, 1}, {p.x, p.y}, packColor({1.0f, 1.0f, 1.0f, alpha}));
        return idx;
    };
    for (std::uint32_t j = 0; j < grid.ny; ++j)
        for (std::uint32_t i = 0; i < grid.nx; ++i)
            if (wet(int(i), int(j))) b.quad(corner(i, j), corner(i + 1, j), corner(i + 1, j + 1), corner(i, j + 1));
    batch.indexCount = static_cast<std::uint32_t>(indices.size()) - batch.firstIndex;
    if (batch.indexCount) batches.push_back(batch);
}

void OverlayGeometry::addBoxes(const std::vector<BoxInstance>& boxes) {
    if (boxes.empty()) return;
    Builder b{*this};
    OverlayBatch batch;
    batch.pipeline = OverlayPipeline::Lit;
    batch.firstIndex = static_cast<std::uint32_t>(indices.size());
    for (const BoxInstance& box : boxes) {
        const std::uint32_t color = packColor(glm::vec4(box.color, 1.0f));
        const glm::mat3 r = glm::mat3_cast(box.orientation);
        // Six faces, each with its own normal so the edges stay sharp.
        for (int axis = 0; axis < 3; ++axis)
            for (int sign = -1; sign <= 1; sign += 2) {
                const int u = (axis + 1) % 3, v = (axis + 2) % 3;
                glm::vec3 n(0.0f), du(0.0f), dv(0.0f);
                n[axis] = static_cast<float>(sign);
                du[u] = box.halfExtents[u];
                dv[v] = box.halfExtents[v] * static_cast<float>(sign);  // keeps the winding outward
                const glm::vec3 c = n * box.halfExtents[axis];
                const glm::vec3 wn = r * n;
                std::uint32_t q[4];
                const glm::vec3 corners[4] = {c - du - dv, c + du - dv, c + du + dv, c - du + dv};
                for (int k = 0; k < 4; ++k) q[k] = b.vertex(box.center + r * corners[k], wn, {0, 0}, color);
                b.quad(q[0], q[1], q[2], q[3]);
            }
    }
    batch.indexCount = static_cast<std::uint32_t>(indices.size()) - batch.firstIndex;
    batches.push_back(batch);
}

void OverlayGeometry::addFires(const std::vector<FireSource>& fires) {
    if (fires.empty()) return;
    Builder b{*this};
    OverlayBatch batch;
    batch.pipeline = OverlayPipeline::Fire;
    batch.firstIndex = static_cast<std::uint32_t>(indices.size());
    int k = 0;
    for (const FireSource& f : fires) {
        const float bright = flameBrightness(f.hrrKw);
        // Two billboards per fire: a wide one and a narrower, taller, brighter core.
        for (int layer = 0; layer < 2; ++layer) {
            const float r = f.radiusM * (layer == 0 ? 1.3f : 0.8f);
            const float h = f.flameHeightM * (layer == 0 ? 1.0f : 1.15f);
            const float seed = float((k * 37 + layer * 11) % 97) / 97.0f;
            const std::uint32_t col = packColor({bright * 0.8f, bright * 0.8f, bright * 0.8f, seed});
            glm::vec3 n{r, h, 0.0f};
            std::uint32_t v0 = b.vertex(f.base, n, {0, 0}, col);
            std::uint32_t v1 = b.vertex(f.base, n, {1, 0}, col);
            std::uint32_t v2 = b.vertex(f.base, n, {1, 1}, col);
            std::uint32_t v3 = b.vertex(f.base, n, {0, 1}, col);
            b.quad(v0, v1, v2, v3);
        }
        ++k;
    }
    batch.indexCount = static_cast<std::uint32_t>(indices.size()) - batch.firstIndex;
    batches.push_back(batch);
}

}  // namespace cd::render
