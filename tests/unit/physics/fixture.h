#pragma once
// A world with a flat floor slab (top at z = 0) that tests add geometry to.
#include <memory>

#include <gtest/gtest.h>

#include "physics/physics_world.h"

namespace cd::physics::test {

inline WorldDef floorWorld() {
    WorldDef def;
    def.source = "unit";
    StaticBoxDef floor;
    floor.centerM = {0.0f, 0.0f, -0.5f};
    floor.halfExtentsM = {60.0f, 60.0f, 0.5f};
    floor.material = materials::concrete();
    floor.tag = 1;
    def.staticBoxes.push_back(floor);
    return def;
}

inline std::unique_ptr<PhysicsWorld> build(const WorldDef& def) {
    auto w = PhysicsWorld::create(def);
    EXPECT_TRUE(w.ok()) << (w.ok() ? "" : w.error().str());
    return std::move(w.value());
}

inline void run(PhysicsWorld& w, double seconds) {
    const int n = static_cast<int>(seconds / w.stepS() + 0.5);
    for (int i = 0; i < n; ++i) w.step();
}

/// A loose concrete block that does not bounce (rubble).
inline DynamicBodyDef debris(glm::vec3 centre, glm::vec3 half) {
    DynamicBodyDef d;
    d.kind = BodyKind::Debris;
    d.centerM = centre;
    d.halfExtentsM = half;
    d.material = materials::concrete();
    d.material.restitution = 0.0f;
    return d;
}

inline StaticBoxDef box(glm::vec3 lo, glm::vec3 hi, std::uint64_t tag = 0) {
    StaticBoxDef b;
    b.centerM = 0.5f * (lo + hi);
    b.halfExtentsM = 0.5f * (hi - lo);
    b.tag = tag;
    return b;
}

}  // namespace cd::physics::test
