#pragma once
// Triangle soup with flat normals, built from boxes, quads and prisms. Every face gets its
// own vertices so that normals stay sharp (buildings, props); the terrain uses its own grid.
#include <cmath>
#include <cstdint>
#include <vector>

#include <glm/geometric.hpp>
#include <glm/vec3.hpp>

namespace cd::districtgen {

struct MeshBuilder {
    std::vector<glm::vec3> positions;
    std::vector<glm::vec3> normals;
    std::vector<std::uint32_t> indices;

    bool empty() const { return indices.empty(); }
    std::size_t triangles() const { return indices.size() / 3; }

    std::uint32_t vertex(const glm::vec3& p, const glm::vec3& n) {
        positions.push_back(p);
        normals.push_back(n);
        return std::uint32_t(positions.size() - 1);
    }
    /// Counter-clockwise seen from the side the normal points to.
    void triangle(const glm::vec3& a, const glm::vec3& b, const glm::vec3& c) {
        glm::vec3 n = glm::cross(b - a, c - a);
        const float len = glm::length(n);
        if (len <= 0.0f) return;
        n /= len;
        const std::uint32_t i = vertex(a, n);
        vertex(b, n);
        vertex(c, n);
        indices.insert(indices.end(), {i, i + 1, i + 2});
    }
    /// Parallelogram o, o+u, o+u+v, o+v; normal along u x v.
    void face(const glm::vec3& o, const glm::vec3& u, const glm::vec3& v) {
        glm::vec3 n = glm::cross(u, v);
        const float len = glm::length(n);
        if (len <= 0.0f) return;
        n /= len;
        const std::uint32_t i = vertex(o, n);
        vertex(o + u, n);
        vertex(o + u + v, n);
        vertex(o + v, n);
        indices.insert(indices.end(), {i, i + 1, i + 2, i, i + 2, i + 3});
    }
    static constexpr unsigned kNoTop = 1u, kNoBottom = 2u;
    /// Axis-aligned box; degenerate (thin or inverted) boxes are skipped. `skip` leaves out
    /// faces nobody can see (a wall's top under a slab, its bottom on the floor).
    void box(const glm::vec3& lo, const glm::vec3& hi, unsigned skip = 0) {
        const glm::vec3 d = hi - lo;
        if (d.x <= 1e-4f || d.y <= 1e-4f || d.z <= 1e-4f) return;
        const glm::vec3 X(d.x, 0, 0), Y(0, d.y, 0), Z(0, 0, d.z);
        face({hi.x, lo.y, lo.z}, Y, Z);
        face(lo, Z, Y);
        face({lo.x, hi.y, lo.z}, Z, X);
        face(lo, X, Z);
        if (!(skip & kNoTop)) face({lo.x, lo.y, hi.z}, X, Y);
        if (!(skip & kNoBottom)) face(lo, Y, X);
    }
    /// Vertical prism of `sides` around (cx, cy) from z0 to z1 (side faces only).
    void prism(float cx, float cy, float radius, float z0, float z1, int sides) {
        for (int k = 0; k < sides; ++k) {
            const float a0 = 6.2831853f * float(k) / float(sides), a1 = 6.2831853f * float(k + 1) / float(sides);
            const glm::vec3 p0(cx + radius * std::cos(a0), cy + radius * std::sin(a0), z0);
            const glm::vec3 p1(cx + radius * std::cos(a1), cy + radius * std::sin(a1), z0);
            face(p0, p1 - p0, {0, 0, z1 - z0});
        }
    }
    /// Double cone (a low-poly tree crown): apex below at zLow, ring of radius at zMid, apex at zTop.
    void spindle(float cx, float cy, float radius, float zLow, float zMid, float zTop, int sides) {
        const glm::vec3 bottom(cx, cy, zLow), top(cx, cy, zTop);
        for (int k = 0; k < sides; ++k) {
            const float a0 = 6.2831853f * float(k) / float(sides), a1 = 6.2831853f * float(k + 1) / float(sides);
            const glm::vec3 r0(cx + radius * std::cos(a0), cy + radius * std::sin(a0), zMid);
            const glm::vec3 r1(cx + radius * std::cos(a1), cy + radius * std::sin(a1), zMid);
            triangle(r0, r1, top);
            triangle(r1, r0, bottom);
        }
    }
};

}  // namespace cd::districtgen
