// Segment against rectangle by parametric clipping (Liang, Y.-D., Barsky, B. A. (1984):
// A new concept and method for line clipping. ACM Transactions on Graphics 3(1), 1-22).
#include "world/footprint.h"

#include <algorithm>

namespace cd::world {

bool insideFootprint(const Aabb& box, const glm::vec2& p, float insetM) {
    return p.x >= box.min.x + insetM && p.x <= box.max.x - insetM && p.y >= box.min.y + insetM &&
           p.y <= box.max.y - insetM;
}

bool segmentCrossesFootprint(const Aabb& box, const glm::vec2& a, const glm::vec2& b, float insetM) {
    const glm::vec2 lo(box.min.x + insetM, box.min.y + insetM), hi(box.max.x - insetM, box.max.y - insetM);
    if (lo.x > hi.x || lo.y > hi.y) return false;
    const glm::vec2 d = b - a;
    float t0 = 0.0f, t1 = 1.0f;
    // One slab per axis: the segment is inside the rectangle for t in [t0, t1] if that is non-empty.
    for (int axis = 0; axis < 2; ++axis) {
        if (d[axis] == 0.0f) {
            if (a[axis] < lo[axis] || a[axis] > hi[axis]) return false;
            continue;
        }
        float tA = (lo[axis] - a[axis]) / d[axis], tB = (hi[axis] - a[axis]) / d[axis];
        if (tA > tB) std::swap(tA, tB);
        t0 = std::max(t0, tA);
        t1 = std::min(t1, tB);
        if (t0 > t1) return false;
    }
    return true;
}

bool segmentClearOfBuildings(const District& district, const glm::vec3& a, const glm::vec3& b, float insetM) {
    const glm::vec2 a2(a.x, a.y), b2(b.x, b.y);
    for (const Building& bld : district.buildings) {
        if (insideFootprint(bld.box, a2, insetM) || insideFootprint(bld.box, b2, insetM)) continue;
        if (segmentCrossesFootprint(bld.box, a2, b2, insetM)) return false;
    }
    return true;
}

}  // namespace cd::world
