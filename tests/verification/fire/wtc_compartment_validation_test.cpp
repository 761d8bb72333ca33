// Against measured data: NIST's WTC compartment fires (Hamins, Maranghides, McGrattan et al.,
// "Experiments and modeling of structural steel elements exposed to fire", NIST NCSTAR 1-5B,
// 2005), as NIST keeps them for CFAST and FDS validation (github.com/firemodels: cfast
// Validation/WTC/WTC_0N.in for the zone-model rig, fds Validation/WTC/Experimental_Data/
// WTCP1T{1,4,5,6}_layer.csv for NIST's layer reductions). A 7 x 3.6 x 3.82 m compartment lined
// with 25 mm Marinite I (tests 1: k 0.16 W/m/K, c 1.075 kJ/kg/K; 4-6: 0.19, 1.2; 670 kg/m3,
// emissivity 0.8) on a floor of 13 mm gypsum (the decks' FLOOR_MATL_ID; since 3 Dec); four openings 0.7 m high in each end wall, low (sills 0.28 m) in one and high
// (2.12 m) in the other, 3.53 m2 in all; a 2.13 m2 heptane spray burner at the floor's centre
// burning 2.0, 3.2, 3.0 and 3.0 MW for 14, 14, 51 and 50 minutes (the decks' tables): hot layers
// of 410-650 C, where the model's fully developed fires ran hot against the Eurocode's
// parametric curves (docs/fire.md). Tests 2 and 3 (another fuel) have no stored reduction.
//
// Checked as CFAST's validation guide plots it (CFAST_validation_dataplot_inputs.csv): the peak
// rise of the upper layer's temperature over the test. A known gap, bounded: the model's layer is
// 22-34 % hotter than measured, and thinner (test 5 at 50 min: interface 2.06 m against 1.09 m,
// over 800 C against 640 C; test 1: 1.60 m against 1.23 m). The gas also takes the hot linings' heat,
// so the plume's entrainment sits at CFAST's stable-stratification cap (Qc / (c_p (T_u - T_l)))
// and the flow through the room stays small; the real layer, stirred by the flames along the
// ceiling and the flow in at the low openings and out at the high ones, is deep and cooler
// (docs/fire.md, "Validation against NIST's WTC compartment fires").
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

#include "fire_fixture.h"

using namespace cd::fire;
using namespace cd::fire::test;

namespace {

struct WtcTest {
    int number;
    double ambientC;
    bool newerLining;  // tests 4-6: the Marinite's properties as measured for them
    std::vector<HrrPoint> hrr;
    double measuredPeakC;  // NIST's reduction, T_upper's maximum
};

FireModelDef rig(const WtcTest& t) {
    FireModelDef def;
    def.ambientTempC = t.ambientC;
    const WallMaterial marinite{"Marinite I", t.newerLining ? 0.19 : 0.16, 670.0, t.newerLining ? 1200.0 : 1075.0, 0.0254, 0.8};
    addRoom(def, "compartment", {0, 0, 0}, {7.0, 3.6, 3.82}, marinite);
    def.rooms.back().floor = WallMaterial{"gypsum 1/2 in", 0.16, 790.0, 900.0, 0.013, 0.9};  // the decks' FLOOR_MATL_ID
    const double widths[] = {0.5, 0.76, 0.76, 0.5}, offsets[] = {0.3, 1.0, 1.9, 2.8};
    for (int k = 0; k < 4; ++k) {
        addOpening(def, "compartment", kOutside, widths[k], 0.7, 0.0, offsets[k] + 0.5 * widths[k], 0.28);
        addOpening(def, "compartment", kOutside, widths[k], 0.7, 7.0, offsets[k] + 0.5 * widths[k], 2.12);
        def.openings[def.openings.size() - 2].id += "-low" + std::to_string(k);
        def.openings.back().id += "-high" + std::to_string(k);
    }
    FireDef& f = addBurner(def, "compartment", {4.02, 1.825, 0.0}, 2.13, 0.44, t.hrr);
    f.heatOfCombustionKjKg = 45000.0;
    f.sootYield = 0.015;
    f.coYield = 0.008;
    f.carbonAtoms = 7.0;  // heptane
    f.hydrogenAtoms = 16.0;
    return def;
}

// Each test's peak upper-layer rise over the measured between 1.0 and 1.45 (known gap, above),
// their mean between 1.1 and 1.4.
TEST(WtcCompartment, TheHotLayersPeakStaysWithinItsKnownGap) {
    const WtcTest tests[] = {
        {1, 24, false, {{0, 0}, {5, 1950}, {860, 2048}, {870, 0}}, 411.06},
        {4, 20, true, {{0, 0}, {5, 3240}, {832, 3240}, {840, 0}}, 606.36},
        {5, 20, true, {{0, 0}, {5, 3000}, {3070, 3000}, {3080, 0}}, 645.78},
        {6, 20, true, {{0, 0}, {5, 2980}, {3020, 2980}, {3030, 0}}, 640.56},
    };
    double sum = 0;
    for (const WtcTest& t : tests) {
        FireModel m = makeModel(rig(t));
        double peak = -1e9, hrrAtPeak = 0;
        for (double time = 1.0; time <= t.hrr.back().timeS; time += 1.0) {
            m.step(1.0);
            const RoomState s = m.roomState(0);
            if (s.upperTempC > peak) peak = s.upperTempC, hrrAtPeak = s.hrrKw;
        }
        const double rise = (peak - t.ambientC) / (t.measuredPeakC - t.ambientC);
        std::printf("WTC test %d: peak upper layer %.1f C (measured %.1f, rise %.3f), burning %.0f kW inside then\n", t.number, peak,
                    t.measuredPeakC, rise, hrrAtPeak);
        EXPECT_GT(rise, 1.0) << "test " << t.number;
        EXPECT_LT(rise, 1.45) << "test " << t.number;
        sum += rise;
    }
    std::printf("WTC, 4 tests: peak rise model / measured %.3f on average\n", sum / 4.0);
    EXPECT_GT(sum / 4.0, 1.1);
    EXPECT_LT(sum / 4.0, 1.4);
}

}  // namespace
