// HAZUS's structural damage states by interstorey drift (physics/structural_damage.h): the
// thresholds are the Technical Manual's Tables 5.9a-d, a storey is in the worst state whose
// threshold it reached, and a type or design level the tables do not give is refused.
#include <gtest/gtest.h>

#include "physics/structural_damage.h"

using namespace cd::physics;

TEST(StructuralDamage, AMidRiseConcreteFrameHasHazusThresholdsAtEachDesignLevel) {
    // C1M, Tables 5.9a-d: high 0.0033 / 0.0067 / 0.0200 / 0.0533, moderate 0.0033 / 0.0058 /
    // 0.0156 / 0.0400, low 0.0033 / 0.0053 / 0.0133 / 0.0333, pre 0.0027 / 0.0043 / 0.0107 / 0.0267.
    struct Row {
        SeismicDesign design;
        DriftThresholds t;
    };
    for (const Row& r : {Row{SeismicDesign::High, {0.0033, 0.0067, 0.02, 0.0533}}, Row{SeismicDesign::Moderate, {0.0033, 0.0058, 0.0156, 0.04}},
                         Row{SeismicDesign::Low, {0.0033, 0.0053, 0.0133, 0.0333}}, Row{SeismicDesign::Pre, {0.0027, 0.0043, 0.0107, 0.0267}}}) {
        auto t = hazusDriftThresholds("C1M", r.design);
        ASSERT_TRUE(t.has_value()) << seismicDesignName(r.design);
        EXPECT_DOUBLE_EQ(t->slight, r.t.slight);
        EXPECT_DOUBLE_EQ(t->moderate, r.t.moderate);
        EXPECT_DOUBLE_EQ(t->extensive, r.t.extensive);
        EXPECT_DOUBLE_EQ(t->complete, r.t.complete);
    }
    // Low-rise wood frame, high code: 0.004 / 0.012 / 0.04 / 0.10 (Table 5.9a).
    EXPECT_DOUBLE_EQ(hazusDriftThresholds("W1", SeismicDesign::High)->complete, 0.1);
    // Every type's thresholds rise from Slight to Complete, and pre-code ones are no higher.
    for (const char* type : {"W1", "S1L", "S1M", "S1H", "S2L", "S2M", "S2H", "C1L", "C1M", "C1H", "C2L", "C2M", "C2H", "C3L", "C3M", "C3H",
                             "RM1L", "RM1M", "RM2L", "RM2M", "RM2H", "URML", "URMM"})
        for (SeismicDesign d : {SeismicDesign::High, SeismicDesign::Moderate, SeismicDesign::Low, SeismicDesign::Pre}) {
            auto t = hazusDriftThresholds(type, d);
            if (!t) continue;
            EXPECT_LT(t->slight, t->moderate) << type;
            EXPECT_LT(t->moderate, t->extensive) << type;
            EXPECT_LT(t->extensive, t->complete) << type;
            EXPECT_LE(hazusDriftThresholds(type, SeismicDesign::Pre)->complete, t->complete) << type;
        }
}

TEST(StructuralDamage, AStoreyIsInTheWorstStateWhoseThresholdItsDriftReached) {
    const DriftThresholds t = *hazusDriftThresholds("C1M", SeismicDesign::Moderate);
    EXPECT_EQ(damageStateAt(0.0, t), DamageState::None);
    EXPECT_EQ(damageStateAt(0.0032, t), DamageState::None);
    EXPECT_EQ(damageStateAt(0.0033, t), DamageState::Slight);
    EXPECT_EQ(damageStateAt(0.0058, t), DamageState::Moderate);
    // 67 mm over a 3.5 m storey: 1.91 %, past Extensive (1.56 %), short of Complete (4 %).
    EXPECT_EQ(damageStateAt(0.067 / 3.5, t), DamageState::Extensive);
    EXPECT_EQ(damageStateAt(0.04, t), DamageState::Complete);
    EXPECT_EQ(damageStateAt(0.2, t), DamageState::Complete);
    EXPECT_STREQ(damageStateName(DamageState::Extensive), "extensive");
}

TEST(StructuralDamage, ATypeOrDesignLevelTheTablesDoNotGiveIsRefused) {
    EXPECT_FALSE(hazusDriftThresholds("C9X", SeismicDesign::High));
    EXPECT_FALSE(hazusDriftThresholds("c1m", SeismicDesign::High)) << "HAZUS's labels as written";
    // Unreinforced masonry and concrete frames with masonry infill: low and pre-code only.
    EXPECT_FALSE(hazusDriftThresholds("URML", SeismicDesign::High));
    EXPECT_FALSE(hazusDriftThresholds("C3M", SeismicDesign::Moderate));
    EXPECT_DOUBLE_EQ(hazusDriftThresholds("URML", SeismicDesign::Low)->complete, 0.035);
    EXPECT_EQ(seismicDesignNamed("moderate"), SeismicDesign::Moderate);
    EXPECT_FALSE(seismicDesignNamed("medium"));
    EXPECT_NE(hazusBuildingTypes().find("C1M"), std::string::npos);
}
