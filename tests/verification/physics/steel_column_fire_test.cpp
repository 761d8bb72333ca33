// A loaded steel member in fire fails where EN 1993-1-2 4.2.4 says it does: at the critical
// temperature of its degree of utilisation mu0, theta_cr = 39.19 ln(1 / (0.9674 mu0^3.833) - 1)
// + 482 C (eq. 4.22), for members where stability need not be considered. The member is an
// HE 300 B stub (1 m: its slenderness 0.14 is below EN 1993-1-1 6.3.1.2(4)'s 0.2, so it does not
// buckle), given as a 0.3 m box with the profile's section factor, 116 m^-1; on it a steel block
// weighs mu0 of the section's plastic resistance A f_y (the tables' A = 149.1 cm2, S235). The
// column's storey is heated a step at a time (setStoreyTemperature) until a joint breaks.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>

#include "physics/physics_world.h"
#include "physics/structure_def.h"
#include "scene.h"

using namespace cd::physics;

namespace {

constexpr float kHe300bAreaM2 = 149.1e-4f;   // HE 300 B, EN 10365 / the steel tables
constexpr float kHe300bFactorPerM = 116.0f;  // its profile's A_m/V: 1.732 m / 149.1 cm2
constexpr float kIpe300AreaM2 = 53.8e-4f;
constexpr float kIpe300FactorPerM = 215.6f;  // 1.160 m / 53.8 cm2

double criticalTemperatureC(double mu0) { return 39.19 * std::log(1.0 / (0.9674 * std::pow(mu0, 3.833)) - 1.0) + 482.0; }

// The section's area as its member's chunks carry it (sectionFill) against the tables'.
TEST(SteelSection, AnISectionsAreaFromItsBoxAndSectionFactor) {
    MemberDef column;
    column.kind = MemberKind::Column;
    column.material = materials::steel();
    column.halfExtentsM = {0.15f, 0.15f, 1.5f};
    column.sectionFactorPerM = kHe300bFactorPerM;
    const float heb = sectionFill(column) * 0.09f;
    MemberDef beam;
    beam.kind = MemberKind::Beam;
    beam.material = materials::steel();
    beam.halfExtentsM = {3.0f, 0.075f, 0.15f};  // along x, 150 mm flanges, 300 mm deep
    beam.sectionFactorPerM = kIpe300FactorPerM;
    const float ipe = sectionFill(beam) * 0.045f;
    std::printf("HE 300 B: %.1f cm2 (tables 149.1); IPE 300: %.1f cm2 (tables 53.8)\n", heb * 1e4f, ipe * 1e4f);
    EXPECT_NEAR(heb, kHe300bAreaM2, 0.05f * kHe300bAreaM2);
    EXPECT_NEAR(ipe, kIpe300AreaM2, 0.05f * kIpe300AreaM2);
    // A solid bar (no section factor), a concrete column and a steel plate fill their boxes.
    column.sectionFactorPerM = 0.0f;
    EXPECT_EQ(sectionFill(column), 1.0f);
    column.material = materials::concrete();
    column.sectionFactorPerM = kHe300bFactorPerM;
    EXPECT_EQ(sectionFill(column), 1.0f);
    MemberDef plate = beam;
    plate.kind = MemberKind::Wall;
    EXPECT_EQ(sectionFill(plate), 1.0f);
}

// Within 20 C of eq. 4.22: the equation is a fit to EN 1993-1-2's k_y table, which the joints
// follow, and the section from its box and A_m/V is 4 % larger than the tables' (a lower mu0).
TEST(SteelColumnFire, ALoadedStubFailsAtTheCriticalTemperatureOfItsUtilisation) {
    for (const double mu0 : {0.3, 0.5, 0.7}) {
        const float loadN = static_cast<float>(mu0) * kHe300bAreaM2 * materials::steel().jointStrengthPa;
        StructureDef def;
        def.name = "stub";
        def.source = "steel_column_fire_test";
        def.chunkSizeM = 3.0f;
        def.jitter = 0.0f;
        def.designPgaG = 0.0f;
        MemberDef column;
        column.kind = MemberKind::Column;
        column.material = materials::steel();
        column.centerM = {0.0f, 0.0f, 0.5f};
        column.halfExtentsM = {0.15f, 0.15f, 0.5f};
        column.sectionFactorPerM = kHe300bFactorPerM;
        MemberDef block;  // solid steel, 3 x 3 m, as tall as the load asks
        block.kind = MemberKind::Slab;
        block.storey = 1;
        block.material = materials::steel();
        const float heightM = loadN / 9.81f / block.material.densityKgM3 / 9.0f;
        block.centerM = {0.0f, 0.0f, 1.0f + 0.5f * heightM};
        block.halfExtentsM = {1.5f, 1.5f, 0.5f * heightM};
        def.members = {column, block};
        auto w = test::makeWorld();
        const StructureId s = w->addStructure(def).value();
        auto breaks = [&](double seconds) {
            int n = 0;
            for (int i = 0; i < static_cast<int>(seconds / w->stepS()); ++i) {
                w->step();
                for (const PhysicsEvent& e : w->pullEvents()) n += e.kind == PhysicsEventKind::JointBroken;
            }
            return n;
        };
        ASSERT_EQ(breaks(0.5), 0) << "cold, it carries " << mu0 << " of its resistance";
        float failC = -1.0f;
        for (float c = 400.0f; c <= 900.0f && failC < 0.0f; c += 2.0f) {
            w->setStoreyTemperature(s, 0, c);
            if (breaks(0.1) > 0) failC = c;
        }
        const double cr = criticalTemperatureC(mu0);
        std::printf("mu0 %.1f: fails at %.0f C, EN 1993-1-2 eq. 4.22: %.1f C\n", mu0, failC, cr);
        EXPECT_NEAR(failC, cr, 20.0) << "mu0 " << mu0;
    }
}

}  // namespace
