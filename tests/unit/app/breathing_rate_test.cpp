// How hard the trainee breathes (breathing_rate.h): Pandolf's load-carriage equation, ACSM's
// walking and running equations, the oxygen uptake's 30 s time constant, the ventilatory
// equivalent, and the breathing apparatus that runs down at that rate.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>

#include "breathing_apparatus.h"
#include "breathing_rate.h"

using namespace cd;
using app::BreathingRate;

namespace {

// Pandolf, Givoni & Goldman (1977) in its published form, grade in %: a 70 kg walker with 20 kg
// at 1.34 m/s up a 5 % grade. 1.5 x 70 + 2 (90)(20/70)^2 + 90 (1.5 x 1.34^2 + 0.35 x 1.34 x 5)
// = 105 + 14.694 + 453.456 = 573.15 W; the code takes the rate of climb (5 % of 1.34 m/s).
TEST(BreathingRate, PandolfsEquationAsPublished) {
    const double w = 70.0, l = 20.0, v = 1.34, g = 5.0;
    const double published = 1.5 * w + 2.0 * (w + l) * (l / w) * (l / w) + 1.0 * (w + l) * (1.5 * v * v + 0.35 * v * g);
    EXPECT_NEAR(published, 573.15, 0.01);
    EXPECT_NEAR(app::pandolfMetabolicRateW(w, l, v, v * g / 100.0), published, 1e-9);
    // Standing still with no load: 1.5 W/kg, about 1.3 times the resting 3.5 mL/kg/min.
    EXPECT_NEAR(app::pandolfMetabolicRateW(w, 0.0, 0.0, 0.0), 105.0, 1e-12);
    // Downhill is counted as level ground.
    EXPECT_NEAR(app::pandolfMetabolicRateW(w, l, v, -0.1), app::pandolfMetabolicRateW(w, l, v, 0.0), 1e-12);
}

// Two published equations for the same thing, fitted on different subjects: where both hold
// (ACSM's walking equation: 50-100 m/min; Pandolf: walking) they agree within 10 %, level and
// uphill. (Above 1.5 m/s Pandolf's V^2 term pulls away from ACSM's straight line: 1.6 m/s gives
// 22 % more.)
TEST(BreathingRate, PandolfAgreesWithAcsmsWalkingEquationWhereBothHold) {
    const double w = 70.0;
    struct Case { double speed, climb; } cases[] = {{0.9, 0.0}, {1.1, 0.0}, {1.34, 0.0}, {1.0, 0.1}, {1.2, 0.06}};
    for (const Case& c : cases) {
        const double pandolf = app::oxygenUptakeLMin(app::pandolfMetabolicRateW(w, 0.0, c.speed, c.climb)) * 1000.0 / w;
        const double acsm = app::acsmWalkingVo2MlKgMin(c.speed, c.climb);
        std::printf("%.2f m/s, climbing %.2f m/s: Pandolf %.2f, ACSM %.2f mL/kg/min (%+.1f %%)\n", c.speed, c.climb, pandolf, acsm,
                    100.0 * (pandolf / acsm - 1.0));
        EXPECT_NEAR(pandolf / acsm, 1.0, 0.10);
    }
    // At the walk-run boundary (2.2 m/s) ACSM's running equation asks 17 % more than Pandolf's
    // walking: running costs more than walking at the same speed.
    const BreathingRate rate(app::Breather{70.0, 0.0, 60.0});
    EXPECT_GT(rate.demandLMin(2.21, 0.0), 1.1 * rate.demandLMin(2.2, 0.0));
    EXPECT_NEAR(rate.demandLMin(2.5, 0.0), app::acsmRunningVo2MlKgMin(2.5, 0.0) * 70.0 / 1000.0, 1e-12);
}

// Whipp & Wasserman (1972): the uptake rises to a new steady work with a time constant of
// about 30 s. After one time constant 63.2 % of the way; the step length does not matter.
TEST(BreathingRate, UptakeFollowsTheWorkWithAThirtySecondTimeConstant) {
    const app::Breather who{75.0, 11.0, 42.0};
    BreathingRate coarse(who), fine(who);
    const double rest = coarse.vo2LMin(), walk = coarse.demandLMin(1.3, 0.0);
    EXPECT_NEAR(rest, coarse.demandLMin(0.0, 0.0), 1e-12) << "starts at rest";
    for (int i = 0; i < 60; ++i) coarse.follow(1.3, 0.0, 0.5);
    for (int i = 0; i < 600; ++i) fine.follow(1.3, 0.0, 0.05);
    EXPECT_NEAR(coarse.vo2LMin(), rest + (walk - rest) * (1.0 - std::exp(-1.0)), 1e-9);
    EXPECT_NEAR(fine.vo2LMin(), coarse.vo2LMin(), 1e-9);
    for (int i = 0; i < 600; ++i) coarse.follow(1.3, 0.0, 0.5);
    EXPECT_NEAR(coarse.vo2LMin(), walk, 1e-4 * walk);
    // Demand beyond the body's capacity is held at VO2max.
    EXPECT_NEAR(coarse.demandLMin(2.5, 1.0), who.vo2MaxLMin(), 1e-12);
}

TEST(BreathingRate, BreathingRisesFasterThanUptakeAboveTheVentilatoryThreshold) {
    EXPECT_EQ(app::ventilatoryEquivalent(0.1), 25.0);
    EXPECT_EQ(app::ventilatoryEquivalent(0.55), 25.0);
    EXPECT_NEAR(app::ventilatoryEquivalent(0.775), 30.0, 1e-12);
    EXPECT_EQ(app::ventilatoryEquivalent(1.0), 35.0);
    // A 75 kg person standing in an 11 kg set breathes about 8.7 L/min (textbook rest: 6-8 L/min).
    const BreathingRate standing(app::Breather{75.0, 11.0, 42.0});
    const double expected = 25.0 * (1.5 * 75.0 + 2.0 * 86.0 * (11.0 / 75.0) * (11.0 / 75.0)) * 60.0 / 20100.0;
    EXPECT_NEAR(standing.minuteVentilationLMin(), expected, 1e-9);
    EXPECT_NEAR(expected, 8.67, 0.01);
}

// "The steady-state load of five firefighting tasks" (Int. J. Occup. Saf. Ergon. 26(1) 173-180,
// 2020): eight men dressed as smoke divers (21 kg of kit) walked at 1.4 m/s for 5 min and took up
// 19 mL/kg/min of O2, breathing 38 L/min. The model (an 80 kg man: the paper's abstract gives no
// mass; 75-85 kg moves the figure by 0.2) gives 16.1 and 32.2, both 15 % low: Pandolf's equation
// counts the kit as dead weight, while turnout gear hobbles the stride and the set's valve adds
// breathing work (Dorman & Havenith 2009 measured protective clothing costing up to a fifth more
// than its weight). Asserted within 20 %.
TEST(BreathingRate, WalkingInSmokeDiversKitAgainstMeasurement) {
    BreathingRate rate(app::Breather{80.0, 21.0, 42.0});
    for (int i = 0; i < 6000; ++i) rate.follow(1.4, 0.0, 0.05);  // the 5 min bout
    const double vo2 = rate.vo2LMin() * 1000.0 / 80.0, ve = rate.minuteVentilationLMin();
    std::printf("smoke diver walking at 1.4 m/s: %.1f mL/kg/min (measured 19), %.1f L/min (measured 38)\n", vo2, ve);
    EXPECT_NEAR(vo2 / 19.0, 1.0, 0.20);
    EXPECT_NEAR(ve / 38.0, 1.0, 0.20);
    EXPECT_LT(vo2, 19.0) << "the model is known to be low here (see above): a change that flips it should be looked at";
}

// Williams-Bell, McGill & Hughson (2010, Applied Ergonomics 41, 251-259): 36 firefighters
// climbing a high-rise's stairs in full kit worked at 75 +- 8 % of VO2max; the low-air alarm of
// their "30-minute" cylinders (25 % left) sounded from 8 min, 19 of 36 before 12 min. A NIOSH
// 30-minute cylinder holds 1 200 L (30 min at 40 L/min), 900 L to the alarm. Held at 75 % of
// VO2max (a climbing pace found for it), the model's firefighter (80 kg, 42-50 mL/kg/min, 21 kg
// of set and gear) reaches 900 L in 8-14 min; 67 % and 83 % are printed.
TEST(BreathingRate, AStairClimbEmptiesAThirtyMinuteCylinderAsFirefightersDid) {
    for (double vo2max : {42.0, 50.0})
        for (double fraction : {0.67, 0.75, 0.83}) {
            const app::Breather who{80.0, 21.0, vo2max};
            BreathingRate rate(who);
            // The rate of climb (at 0.4 m/s along the flight) that asks for this share of VO2max.
            double lo = 0.0, hi = 1.0;
            for (int i = 0; i < 60; ++i) {
                const double mid = 0.5 * (lo + hi);
                (rate.demandLMin(0.4, mid) < fraction * who.vo2MaxLMin() ? lo : hi) = mid;
            }
            double litres = 0.0, t = 0.0;
            const double dt = 0.05;
            while (litres < 900.0 && t < 3600.0) {
                rate.follow(0.4, lo, dt);
                litres += rate.minuteVentilationLMin() * dt / 60.0;
                t += dt;
            }
            std::printf("VO2max %.0f mL/kg/min at %.0f %% (climbing %.2f m/s): %.0f L/min, the alarm after %.1f min\n", vo2max,
                        100.0 * fraction, lo, rate.minuteVentilationLMin(), t / 60.0);
            if (fraction != 0.75) continue;  // the spread's ends, printed: 67 % of 42 takes longest
            EXPECT_GE(t / 60.0, 8.0);
            EXPECT_LE(t / 60.0, 14.0);
        }
}

// The set runs down at the wearer's rate: standing, a 6.8 L set at 300 bar lasts its 2 040 L at
// the resting rate to the second; walking and running empty it sooner.
TEST(BreathingApparatus, TheCylinderRunsDownFasterTheHarderTheWearerWorks) {
    scenario::BreathingApparatusDef def;  // no fixed consumption: the wearer's breathing
    const app::Breather body{75.0, 0.0, 42.0};
    const app::Breather wearer{body.bodyKg, body.loadKg + def.massKg, body.vo2MaxMlKgMin};
    auto untilWhistle = [&](double speed, double climb) {
        app::BreathingRate rate(wearer);
        app::BreathingApparatus ba(def, rate.minuteVentilationLMin());
        double t = 0.0;
        for (;;) {
            rate.follow(speed, climb, 0.05);
            if (ba.breathe(0.05, rate.minuteVentilationLMin()) == app::BreathingApparatus::Change::Whistle || t >= 6.0 * 3600.0) break;
            t += 0.05;
        }
        return (t + 0.05) / 60.0;
    };
    const double standing = untilWhistle(0.0, 0.0), walking = untilWhistle(1.3, 0.0), running = untilWhistle(2.5, 0.0);
    std::printf("a 6.8 L set at 300 bar to the whistle: standing %.1f min, walking %.1f min, running %.1f min\n", standing,
                walking, running);
    const BreathingRate rest(app::Breather{75.0, def.massKg, 42.0});
    EXPECT_NEAR(standing, (300.0 - 55.0) * 6.8 / rest.minuteVentilationLMin(), 0.05 / 60.0 + 1e-9);
    EXPECT_LT(walking, 0.6 * standing);
    EXPECT_LT(running, 0.5 * walking);
    // Five minutes' walk: the mean is the litres drawn over the minutes.
    app::BreathingRate rate(wearer);
    app::BreathingApparatus ba(def, rate.minuteVentilationLMin());
    for (int i = 0; i < 6000; ++i) {
        rate.follow(1.3, 0.0, 0.05);
        ba.breathe(0.05, rate.minuteVentilationLMin());
    }
    EXPECT_NEAR(ba.consumptionLMin(), rate.minuteVentilationLMin(), 1e-12);
    EXPECT_NEAR(ba.meanConsumptionLMin(), ba.litresUsed() / 5.0, 1e-9);
}

}  // namespace
