// Against measured data: the US Navy's aircraft-hangar fires (Gott, Lowe, Notarianni & Davis,
// "Analysis of high bay hangar facilities for fire detector sensitivity and placement", NIST
// TN 1423, 1997), as NIST keeps them for CFAST and FDS validation (github.com/firemodels: cfast
// Validation/High_Bay/USN_{Hawaii,Iceland}_Test_N.in for the zone-model rigs, commits 0ea6b8d
// and 04c1504; fds Validation/USN_Hangars/Experimental_Data/*.csv for the measurements). JP-5
// pool fires of 0.1-17 MW (C12H26 as the decks give it: 44.1 MJ/kg, radiative fraction 0.4,
// soot 0.04, CO 0.016 kg/kg) under high ceilings:
// - Hawaii: one 97.6 x 74 x 14.8 m concrete bay (the deck has no vents), the pan 0.5 m up;
// - Iceland (Keflavik): five 14.8 x 45.7 x 22.3 m bays side by side, steel roof and walls (3 mm)
//   over a concrete floor, joined by 13.4 m high openings the bays' full length and open to
//   outside at both ends (10 m high); the pan 0.3 m up in the middle bay.
// What NIST compares (its dataplot inputs): the peak rise of the thermocouple on the fire's axis
// just under the ceiling (Hawaii C1 at 14.7 m, Iceland C at 22.3 m); the model's is its plume
// centreline there (FireModel::plumeAt). Measured peaks as the stored files give them, less the
// dataplot's initial value. Three are not NIST's own figure: Hawaii 3's maximum (76.2 C at 580 s)
// is a one-sample spike on nearly every thermocouple, and the test's steady peak (56.8 C at 430 s)
// is used; Iceland 18's file holds rows copied from tests 15 and 17 after 590 s, so its own peak to
// 590 s (69.9 C) is used; Iceland 17's deck gives the bay 1 C inside (a slip for the record's 11).
// Iceland 19 is read to 300 s, as NIST reads it.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include "fire_fixture.h"

using namespace cd::fire;
using namespace cd::fire::test;

namespace {

struct HangarTest {
    const char* name;
    bool iceland;
    double ambientC;     ///< the deck's interior temperature, the dataplot's initial value
    double peakKw, rampS, endS;  ///< the decks' four-point tables: 0 -> peak over rampS, held to endS
    double areaM2;
    double measuredRiseK;        ///< the axis thermocouple's peak over ambientC
    double untilS;               ///< read to
};

const HangarTest kTests[] = {
    {"Hawaii 1", false, 27, 101, 379, 977, 0.09, 5.0, 900},
    {"Hawaii 2", false, 28, 452, 256, 727, 0.36, 15.6, 750},
    {"Hawaii 3", false, 27, 1074, 133, 673, 0.81, 29.8, 570},
    {"Hawaii 4", false, 27, 3068, 209, 578, 1.77, 45.6, 570},
    {"Hawaii 5", false, 27, 6757, 291, 537, 3.14, 90.0, 500},
    {"Hawaii 6", false, 25, 7700, 90, 563, 4.91, 121.8, 500},
    {"Hawaii 7", false, 30, 5579, 93, 744, 3.14, 76.53, 740},
    {"Hawaii 11", false, 30, 96, 161, 681, 0.09, 3.4, 700},
    {"Iceland 1", true, 10, 158, 120, 674, 0.09, 2.6, 600},
    {"Iceland 2", true, 10, 166, 150, 693, 0.09, 3.2, 660},
    {"Iceland 3", true, 11, 412, 120, 638, 0.36, 10.333, 590},
    {"Iceland 4", true, 14, 530, 125, 620, 0.36, 8.433, 600},
    {"Iceland 5", true, 17, 1269, 90, 621, 0.81, 18.0, 600},
    {"Iceland 6", true, 16, 1273, 120, 619, 0.81, 17.933, 600},
    {"Iceland 7", true, 16, 2750, 150, 609, 1.44, 32.267, 600},
    {"Iceland 9", true, 9, 108, 120, 610, 0.09, 2.0, 600},
    {"Iceland 10", true, 9, 585, 120, 618, 0.36, 10.9, 590},
    {"Iceland 11", true, 9, 589, 120, 613, 0.36, 10.2, 580},
    {"Iceland 12", true, 9, 1534, 180, 621, 0.81, 20.867, 590},
    {"Iceland 13", true, 11, 2715, 120, 629, 1.44, 29.3, 590},
    {"Iceland 14", true, 12, 7787, 120, 641, 4.91, 88.3, 540},
    {"Iceland 15", true, 12, 14950, 330, 659, 9.0, 169.8, 760},
    {"Iceland 17", true, 11, 16912, 270, 668, 9.0, 170.07, 760},
    {"Iceland 18", true, 10, 5804, 180, 679, 3.14, 59.9, 590},
    {"Iceland 19", true, 13, 11062, 120, 380, 4.91, 57.9, 300},
    {"Iceland 20", true, 14, 14618, 240, 665, 9.0, 167.57, 725},
};

FireModelDef rig(const HangarTest& t, Point3& tc) {
    FireModelDef def;
    def.ambientTempC = t.ambientC;
    const WallMaterial concrete{"concrete USN", 1.6, 2400.0, 750.0, 0.15, 0.94};
    Point3 pan;
    const char* room = "bay";
    if (!t.iceland) {
        addRoom(def, "bay", {0, 0, 0}, {97.6, 74.0, 14.8}, concrete);
        pan = {36.7, 39.9, 0.5};
        tc = {36.7, 39.9, 14.7};
    } else {
        const WallMaterial steel{"steel 1/8 in", 60.0, 7850.0, 480.0, 0.003, 0.9};
        static const char* const kBays[] = {"bay 1", "bay 2", "bay 3", "bay 4", "bay 5"};
        for (int i = 0; i < 5; ++i) {
            addRoom(def, kBays[i], {14.8 * i, 0, 0}, {14.8, 45.7, 22.3}, steel);
            def.rooms.back().floor = concrete;
            if (i > 0) addOpening(def, kBays[i - 1], kBays[i], 45.7, 13.4, 14.8 * i, 22.85);
        }
        addOpening(def, "bay 1", kOutside, 45.7, 10.0, 0.0, 22.85);
        addOpening(def, "bay 5", kOutside, 45.7, 10.0, 74.0, 22.85);
        room = "bay 3";
        pan = {29.6 + 7.4, 22.85, 0.3};
        tc = {29.6 + 7.4, 22.85, 22.25};
    }
    FireDef& f = addBurner(def, room, pan, t.areaM2, 0.4, {{0, 0}, {t.rampS, t.peakKw}, {t.endS, t.peakKw}, {t.endS + 1, 0}});
    f.heatOfCombustionKjKg = 44100;
    f.sootYield = 0.04;
    f.coYield = 0.016;
    f.carbonAtoms = 12;
    f.hydrogenAtoms = 26;
    return def;
}

}  // namespace

// Acceptance. Rises under 10 K (the 0.1-0.5 MW fires, 2-8 K measured; near-identical fires,
// Iceland 3 and 4, measured 10.3 and 8.4 K): within 4 K. The rest: each within 0.65-1.75 of the
// measured, about two of CFAST's own relative standard deviations for plume temperatures (0.29,
// with a bias of 1.08, over its five plume data sets: cfast Utilities/Matlab scatterplot
// inputs, commit 10824d5), and their geometric mean within 0.9-1.2.
// Measured (model / measured): Hawaii 0.84-1.23; Iceland 0.90-1.32 up to 8 MW, 0.70-0.77 for the
// 15-17 MW fires (the model's axis 120-131 K over ambient against 168-170 K measured) and 1.65 for
// test 19 read to 300 s (its 11 MW, reached in the deck at 120 s, burns hot early in the model);
// geometric mean 1.05 over the twenty. Hawaii's sealed bay (as its deck) holds 0.05-4 kPa over
// ambient by the end: 4 % on the gas's density, nothing the plume's temperature feels.
TEST(UsnHangars, ThePlumesPeakUnderTheCeilingIsTheMeasured) {
    double sumLog = 0.0;
    int n = 0;
    for (const HangarTest& t : kTests) {
        Point3 tc;
        FireModelDef def = rig(t, tc);
        FireModel m = makeModel(def);
        double peak = -1e9, peakAt = 0.0;
        for (double time = 0.0; time <= t.untilS + 1e-9; time += 5.0) {
            m.advanceTo(time);
            const double rise = m.plumeAt(tc).plumeTempC - t.ambientC;
            if (rise > peak) peak = rise, peakAt = time;
        }
        const double ratio = peak / t.measuredRiseK;
        const RoomState fireBay = m.roomState(t.iceland ? 2 : 0);
        std::printf("%-10s %6.0f kW: axis under the ceiling %6.1f K over ambient at %4.0f s, measured %6.1f K (%.2f); layer %.1f C at "
                    "%.1f m, %.0f Pa\n",
                    t.name, t.peakKw, peak, peakAt, t.measuredRiseK, ratio, fireBay.upperTempC, fireBay.layerHeightM, fireBay.pressurePa);
        if (t.measuredRiseK < 10.0) {
            EXPECT_NEAR(peak, t.measuredRiseK, 4.0) << t.name;
            continue;
        }
        EXPECT_GT(ratio, 0.65) << t.name;
        EXPECT_LT(ratio, 1.75) << t.name;
        sumLog += std::log(ratio);
        ++n;
    }
    const double mean = std::exp(sumLog / n);
    std::printf("USN hangars, %d tests with 10 K or more measured: model / measured, geometric mean %.2f\n", n, mean);
    EXPECT_EQ(n, 20);
    EXPECT_GT(mean, 0.9);
    EXPECT_LT(mean, 1.2);
}
