#include <cmath>

#include <gtest/gtest.h>

#include "physics/material.h"

namespace cd::physics {
namespace {

TEST(Material, PresetsAreValid) {
    for (const Material& m : {materials::ground(), materials::concrete(), materials::masonry(), materials::steel(),
                              materials::timber(), materials::furniture()})
        EXPECT_TRUE(validateMaterial(m, "preset").ok()) << m.name;
}

TEST(Material, RestitutionAboveOneIsAnErrorNamingTheField) {
    Material m = materials::concrete();
    m.restitution = 1.5f;
    const Status s = validateMaterial(m, "bodies[2].material", "scene.toml");
    ASSERT_FALSE(s.ok());
    EXPECT_EQ(s.error().field, "bodies[2].material.restitution");
    EXPECT_EQ(s.error().file, "scene.toml");
}

TEST(Material, NegativeOrNanFrictionAndAbsurdDensityAreErrors) {
    Material m = materials::furniture();
    m.frictionCoeff = -0.1f;
    EXPECT_EQ(validateMaterial(m, "m").error().field, "m.frictionCoeff");
    m.frictionCoeff = std::nanf("");
    EXPECT_FALSE(validateMaterial(m, "m").ok());
    m = materials::furniture();
    m.densityKgM3 = 1.0e6f;  // a unit slip (g/m^3?)
    EXPECT_EQ(validateMaterial(m, "m").error().field, "m.densityKgM3");
    m = materials::furniture();
    m.densityKgM3 = 0.0f;
    EXPECT_FALSE(validateMaterial(m, "m").ok());
    m = materials::concrete();
    m.bearingRatio = 0.5f;  // weaker in bearing than in tension: no building material is
    EXPECT_EQ(validateMaterial(m, "m").error().field, "m.bearingRatio");
    m.bearingRatio = std::nanf("");
    EXPECT_FALSE(validateMaterial(m, "m").ok());
}

}  // namespace
}  // namespace cd::physics
