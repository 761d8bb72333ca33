// Against measured data: the FM/SNL enclosure fires (Nowlen, NUREG/CR-4681, 1986-87: Factory
// Mutual and Sandia's tests for the NRC), as NIST keeps them for CFAST and FDS validation
// (github.com/firemodels: cfast Validation/FM_SNL/FMSNL_N.in for the zone-model rig; exp and fds
// FM_SNL/FM_SNL_Test_N_Layer.csv for NIST's layer reductions). An 18.3 x 12.2 x 6.1 m enclosure
// lined with 25 mm Marinite (k 0.23 W/m/K, 1000 kg/m3, 1.16 kJ/kg/K, emissivity 0.95), a 1.08 m2
// vent in its ceiling, air blown in 4.9 m up at 3.78 m3/s (10 air changes an hour; tests 1 and 2)
// or 0.38 m3/s (tests 4, 8 and 21); a 0.64 m2 propylene burner 0.2 m up, steady 516 kW (1, 2)
// or grown as t-squared to 516, 1000 and 470 kW in 4 min (4, 8, 21). The tests with a stored
// reduction: 1, 2, 4, 8 and 21. The model's ambient is each record's starting gas temperature
// (the decks round it to 15 C).
//
// Checked as CFAST's validation guide plots it (CFAST_validation_dataplot_inputs.csv): the peak
// of the upper layer's temperature and the lowest interface from 3 to 15 min (30 min in test 21).
// Tests 1 and 2 repeat one another (their lowest interfaces, 4.11 and 3.18 m, show the scatter).
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <vector>

#include "fire_fixture.h"

using namespace cd::fire;
using namespace cd::fire::test;

namespace {

struct FmTest {
    int number;
    double startC, supplyM3S, fireX, fireY, heatOfCombustionKjKg;
    std::vector<HrrPoint> hrr;
    double windowToS, peakUpperC, lowestInterfaceM;  // measured
};

FireModelDef rig(const FmTest& t) {
    FireModelDef def;
    def.ambientTempC = t.startC;
    const WallMaterial marinite{"Marinite FM/SNL", 0.23, 1000.0, 1160.0, 0.025, 0.95};
    addRoom(def, "enclosure", {0, 0, 0}, {18.3, 12.2, 6.1}, marinite);
    addCeilingVent(def, "enclosure", 1.08);
    FanDef supply;
    supply.id = "supply";
    supply.to = "enclosure";
    supply.flowM3S = t.supplyM3S;
    supply.toHeightM = 4.9;
    def.fans.push_back(supply);
    FireDef& f = addBurner(def, "enclosure", {t.fireX, t.fireY, 0.2}, 0.64, 0.4, t.hrr);
    f.heatOfCombustionKjKg = t.heatOfCombustionKjKg;
    f.sootYield = 0.02;
    f.coYield = 0.0086;
    f.carbonAtoms = 3.0;  // propylene C3H6
    f.hydrogenAtoms = 6.0;
    return def;
}

// Each test's peak upper-layer rise within 25 % of the measured and the mean within 10 %. The
// greatest depth (below 6.1 m): with ten air changes an hour (1, 2) within 30 % (the repeats
// themselves differ by 0.9 m, 47 %); with one (4, 8, 21), little more than a closed room, a known
// gap, bounded: the zone's layer comes down to 0.9-1.5 m where NIST's reductions stop at 2.7-2.8 m
// (depth 1.36-1.59 times), as in the shut NIST/NRC tests.
TEST(FmSnl, TheLayersPeakTemperatureIsTheMeasuredAndItsDepthWithinItsGap) {
    const std::vector<HrrPoint> grow516 = {{0, 0}, {60, 32.24}, {120, 128.96}, {180, 290.16}, {240, 515.84}, {600, 515.84}, {601, 0}};
    const FmTest tests[] = {
        {1, 20.33, 3.78, 12.0, 6.1, 46400, {{0, 515.84}, {580, 515.84}, {581, 0}}, 900, 69.86, 4.11},
        {2, 10.79, 3.78, 12.0, 6.1, 46400, {{0, 515.84}, {580, 515.84}, {581, 0}}, 900, 65.52, 3.18},
        {4, 12.50, 0.38, 12.0, 6.1, 46400, grow516, 900, 72.11, 2.68},
        {8, 22.02, 0.38, 12.0, 6.1, 46400, {{0, 0}, {60, 62.52}, {120, 250.08}, {180, 562.68}, {240, 1000.32}, {780, 1000.32}, {781, 0}}, 900,
         137.82, 2.81},
        {21, 14.23, 0.38, 8.1, 7.8, 44600, {{0, 0}, {60, 29.36}, {120, 117.44}, {180, 264.24}, {240, 469.76}, {1140, 469.76}, {1141, 0}},
         1800, 79.51, 2.69},
    };
    double sum = 0;
    for (const FmTest& t : tests) {
        FireModel m = makeModel(rig(t));
        double peak = -1e9, lowest = 1e9;
        const double endS = std::max(t.windowToS, t.hrr.back().timeS);
        for (double time = 1.0; time <= endS + 1e-9; time += 1.0) {
            m.step(1.0);
            const RoomState s = m.roomState(0);
            peak = std::max(peak, s.upperTempC);
            if (time >= 180.0 && time <= t.windowToS) lowest = std::min(lowest, s.layerHeightM);
        }
        const double rise = (peak - t.startC) / (t.peakUpperC - t.startC), depth = (6.1 - lowest) / (6.1 - t.lowestInterfaceM);
        std::printf("FM/SNL test %2d: peak upper layer %.1f C (measured %.1f, rise %.3f); lowest interface %.2f m (measured %.2f, "
                    "depth %.3f)\n",
                    t.number, peak, t.peakUpperC, rise, lowest, t.lowestInterfaceM, depth);
        EXPECT_NEAR(rise, 1.0, 0.25) << "test " << t.number;
        if (t.supplyM3S > 1.0) {
            EXPECT_NEAR(depth, 1.0, 0.3) << "test " << t.number;
        } else {
            EXPECT_GT(depth, 1.2) << "test " << t.number;
            EXPECT_LT(depth, 1.8) << "test " << t.number;
        }
        sum += rise;
    }
    std::printf("FM/SNL, 5 tests: peak rise model / measured %.3f on average\n", sum / 5.0);
    EXPECT_NEAR(sum / 5.0, 1.0, 0.10);
}

}  // namespace
