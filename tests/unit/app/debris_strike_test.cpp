// The grade of a blow from debris (debris_strike.h): hurt from 15 J (FAA AC 450.115-1, RCC 321),
// seriously injured from 79 J (DDESB TP-12's hazardous fragment, 58 ft-lbf).
#include <gtest/gtest.h>

#include "debris_strike.h"

using namespace cd::app;

TEST(DebrisStrike, FiftyEightFootPoundsIsTheSeriousInjuryLine) {
    // 58 ft-lbf = 58 x 1.3558 J = 78.6 J, 11 ft-lbf = 14.9 J: the constants are those, rounded.
    EXPECT_NEAR(kSeriousInjuryEnergyJ, 58.0f * 1.35582f, 0.5f);
    EXPECT_NEAR(kInjuryEnergyJ, 11.0f * 1.35582f, 0.2f);
    EXPECT_EQ(injuryFrom(78.9f), DebrisInjury::Hurt);
    EXPECT_EQ(injuryFrom(79.0f), DebrisInjury::Serious);
    EXPECT_EQ(injuryFrom(15.0f), DebrisInjury::Hurt);
    // A 5 kg light fitting falling 1.3 m onto a child's head: m g h = 64 J, hurt; from 2 m onto
    // a lying body's chest, 98 J: seriously injured.
    EXPECT_EQ(injuryFrom(5.0f * 9.81f * 1.3f), DebrisInjury::Hurt);
    EXPECT_EQ(injuryFrom(5.0f * 9.81f * 2.0f), DebrisInjury::Serious);
}

TEST(DebrisStrike, TheTextNamesWhatStruckTheEnergyAndTheGrade) {
    const DebrisStrike light{"a falling light fitting", 63.8f, injuryFrom(63.8f), 3};
    EXPECT_EQ(light.describe(), "struck by a falling light fitting (64 J): hurt");
    const DebrisStrike slab{"falling debris", 2400.0f, injuryFrom(2400.0f), 40};
    EXPECT_EQ(slab.describe(), "struck by falling debris (2400 J): seriously injured");
}
