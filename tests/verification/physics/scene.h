#pragma once
// A physics world with a flat ground slab whose top face is z = 0, for verification cases.
#include <memory>

#include <gtest/gtest.h>

#include "physics/physics_world.h"

namespace cd::physics::test {

inline std::unique_ptr<PhysicsWorld> makeWorld(float groundFriction = 1.0f, float groundRestitution = 1.0f,
                                               float stepS = 1.0f / 60.0f, bool withGround = true) {
    WorldDef def;
    def.source = "verification";
    def.stepS = stepS;
    if (withGround) {
        StaticBoxDef ground;
        ground.centerM = {0.0f, 0.0f, -0.5f};
        ground.halfExtentsM = {100.0f, 100.0f, 0.5f};
        ground.material.frictionCoeff = groundFriction;
        ground.material.restitution = groundRestitution;
        def.staticBoxes.push_back(ground);
    }
    auto w = PhysicsWorld::create(def);
    EXPECT_TRUE(w.ok()) << (w.ok() ? "" : w.error().str());
    return std::move(w.value());
}

}  // namespace cd::physics::test
