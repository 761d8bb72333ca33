#pragma once
// View-frustum culling of world meshes by their bounding boxes, so views and the sun's shadow
// pass only submit what they can see (vertex work matters on lavapipe).
#include <array>

#include <glm/mat4x4.hpp>
#include <glm/vec3.hpp>
#include <glm/vec4.hpp>

namespace cd::render {

class Frustum {
public:
    /// Planes of a Vulkan clip-space matrix (depth 0..1), Gribb & Hartmann's row sums.
    explicit Frustum(const glm::mat4& viewProj) {
        const glm::mat4 m = glm::transpose(viewProj);  // rows of viewProj as columns
        planes_ = {m[3] + m[0], m[3] - m[0], m[3] + m[1], m[3] - m[1], m[2], m[3] - m[2]};
    }
    /// False only when the box is wholly outside one plane (conservative).
    bool intersects(const glm::vec3& lo, const glm::vec3& hi) const {
        for (const glm::vec4& p : planes_) {
            const glm::vec3 v{p.x >= 0 ? hi.x : lo.x, p.y >= 0 ? hi.y : lo.y, p.z >= 0 ? hi.z : lo.z};
            if (p.x * v.x + p.y * v.y + p.z * v.z + p.w < 0.0f) return false;
        }
        return true;
    }

private:
    std::array<glm::vec4, 6> planes_;
};

}  // namespace cd::render
