// Against measured data: the NIST/NRC compartment fire tests (Hamins, Johnsson, Donnelly et al.,
// "Report of experimental results for the international fire model benchmarking and validation
// exercise #3", NUREG/CR-6905, NIST SP 1013-1, 2005; ICFMP Benchmark Exercise 3), as NIST keeps
// them for CFAST and FDS validation (github.com/firemodels: cfast Validation/NIST_NRC/*.in for
// NIST's zone-model rig, fds Validation/NIST_NRC/Experimental_Data/*_layer.csv for NIST's layer
// reductions of the thermocouple trees). A 21.7 x 7.04 x 3.82 m compartment lined with 25 mm
// marinite (k 0.12 W/m/K, 737 kg/m3, 1.25 kJ/kg/K, emissivity 0.8) on a 25 mm gypsum floor; a 1 m2 heptane spray burner
// (toluene in test 17) at its centre burning 0.4, 1.2 or 2.3 MW as measured (the decks' ramps);
// heat of combustion 45 MJ/kg, radiative fraction 0.44 (toluene 0.40). Either a 2 x 2 m door open
// to outside, or shut: the leaks as CFAST's rig has them, a 1 cm slit under the ceiling of
// 0.058-0.083 m2. Tests 4, 5, 10 and 16 run the room's ventilation: 0.9 m3/s supplied, 1.7 m3/s
// exhausted, both 2.4 m up.
//
// Checked as NIST's validation guides plot it (FDS_validation_dataplot_inputs.csv): the peak of the
// upper layer's temperature rise over the whole test, and the layer's greatest depth below the
// 3.8 m the reductions take as the ceiling, inside each test's window of steady burning. Tests 9
// and 18 have only another reduction in the stored data, and 6, 11 and 12 none: 13 tests, of which
// the shut room's long fires and the open room with its fans running are known gaps (below).
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <iterator>
#include <map>
#include <stdexcept>
#include <tuple>
#include <vector>

#include "fire_fixture.h"

using namespace cd::fire;
using namespace cd::fire::test;

namespace {

enum class Door { Shut, OpenLeft, OpenFront };

struct NrcTest {
    int number;
    Door door;
    bool ventilated;
    double ambientC;        // the deck's
    double leakWidthM;      // the shut tests' slit, 1 cm high
    double fireX, fireY;
    std::vector<HrrPoint> hrr;
    bool toluene;
    // Measured: the reductions' initial temperature (dataplot's Initial_Value), the window for
    // the depth, the peak upper-layer temperature and the lowest interface in the window.
    double initialC, windowFromS, windowToS, peakUpperC, lowestInterfaceM;
};

const std::vector<NrcTest>& tests() {
    static const std::vector<NrcTest> t = {
        {1, Door::Shut, false, 22, 5.93, 10.85, 3.52, {{0, 0}, {148, 410}, {1350, 410}, {1500, 0}}, false, 22, 300, 1320, 143.78, 1.05},
        {2, Door::Shut, false, 26, 5.80, 10.85, 3.52, {{0, 0}, {180, 1190}, {625, 1190}, {626, 0}}, false, 26, 300, 900, 253.24, 0.82},
        {3, Door::OpenLeft, false, 30, 0, 10.85, 3.52, {{0, 0}, {178, 1190}, {1379, 1190}, {1562, 0}}, false, 30, 300, 1500, 235.09, 0.91},
        {4, Door::Shut, true, 27, 5.80, 10.85, 3.52, {{0, 0}, {178, 1200}, {814, 1200}, {815, 0}}, false, 27, 300, 720, 229.11, 0.84},
        {5, Door::OpenFront, true, 28, 0, 10.85, 3.52, {{0, 0}, {178, 1190}, {1379, 1190}, {1562, 0}}, false, 28, 300, 1500, 200.51, 0.89},
        {7, Door::Shut, false, 24, 7.12, 10.85, 3.52, {{0, 0}, {129, 400}, {1332, 400}, {1460, 0}}, false, 24, 300, 1320, 138.98, 1.02},
        {8, Door::Shut, false, 25, 6.45, 10.85, 3.52, {{0, 0}, {176, 1190}, {610, 1190}, {611, 0}}, false, 25, 300, 900, 246.52, 0.81},
        {10, Door::Shut, true, 27, 7.12, 10.85, 3.52, {{0, 0}, {176, 1190}, {826, 1190}, {827, 0}}, false, 27, 300, 720, 221.55, 0.85},
        {13, Door::Shut, false, 31, 8.33, 10.85, 3.52, {{0, 0}, {177, 2330}, {364, 2330}, {365, 0}}, false, 31, 300, 900, 323.06, 0.84},
        {14, Door::OpenLeft, false, 28, 0, 10.83, 5.21, {{0, 0}, {176, 1180}, {1381, 1180}, {1567, 0}}, false, 28, 300, 1500, 234.49, 0.91},
        {15, Door::OpenLeft, false, 18, 0, 10.83, 1.20, {{0, 0}, {180, 1180}, {1380, 1180}, {1567, 0}}, false, 18, 300, 1500, 233.40, 0.93},
        {16, Door::Shut, true, 26, 7.12, 10.85, 3.52, {{0, 0}, {177, 2300}, {382, 2300}, {383, 0}}, false, 26, 180, 360, 289.86, 0.93},
        {17, Door::Shut, false, 27, 8.33, 10.85, 3.52, {{0, 0}, {181, 1160}, {272, 1160}, {273, 0}}, true, 29, 300, 600, 161.03, 0.69},
    };
    return t;
}

FireModelDef rig(const NrcTest& t) {
    FireModelDef def;
    def.ambientTempC = t.ambientC;
    const WallMaterial marinite{"marinite BE3", 0.12, 737.0, 1250.0, 0.0254, 0.8};
    addRoom(def, "compartment", {0, 0, 0}, {21.7, 7.04, 3.82}, marinite);
    def.rooms.back().floor = WallMaterial{"gypsum BE3", 0.16, 790.0, 900.0, 0.0254, 0.9};  // the decks' FLOOR_MATL_ID
    switch (t.door) {
        case Door::Shut: addOpening(def, "compartment", kOutside, t.leakWidthM, 0.01, 0.0, 3.52, 3.81); break;
        case Door::OpenLeft: addOpening(def, "compartment", kOutside, 2.0, 2.0, 0.0, t.number == 15 ? 3.52 : 3.58); break;
        case Door::OpenFront: addOpening(def, "compartment", kOutside, 2.0, 2.0, 3.58, 0.0); break;
    }
    if (t.ventilated) {
        FanDef supply;
        supply.id = "supply";
        supply.to = "compartment";
        supply.flowM3S = 0.9;
        supply.toHeightM = 2.4;
        FanDef exhaust;
        exhaust.id = "exhaust";
        exhaust.from = "compartment";
        exhaust.flowM3S = 1.7;
        exhaust.fromHeightM = 2.4;
        def.fans = {supply, exhaust};
    }
    FireDef& f = addBurner(def, "compartment", {t.fireX, t.fireY, 0.0}, 1.0, t.toluene ? 0.40 : 0.44, t.hrr);
    f.heatOfCombustionKjKg = 45000.0;
    f.sootYield = t.toluene ? 0.195 : 0.015;
    f.coYield = t.toluene ? 0.07 : 0.006;
    f.carbonAtoms = 7.0;  // heptane C7H16, toluene C7H8
    f.hydrogenAtoms = t.toluene ? 8.0 : 16.0;
    return def;
}

struct Outcome {
    double peakUpperC = -1e9, lowestInterfaceM = 1e9;
};

Outcome simulate(const NrcTest& t) {
    FireModel m = makeModel(rig(t));
    Outcome r;
    const double endS = std::max(t.windowToS, t.hrr.back().timeS + 60.0);
    for (double time = 1.0; time <= endS + 1e-9; time += 1.0) {
        m.step(1.0);
        const RoomState s = m.roomState(0);
        r.peakUpperC = std::max(r.peakUpperC, s.upperTempC);
        if (time >= t.windowFromS && time <= t.windowToS) r.lowestInterfaceM = std::min(r.lowestInterfaceM, s.layerHeightM);
    }
    return r;
}

struct Ratio {
    double rise, depth;
};

/// The peak upper-layer rise and the greatest depth, model over measured; each test run once.
Ratio ratio(const NrcTest& t) {
    static std::map<int, Ratio> done;
    if (auto it = done.find(t.number); it != done.end()) return it->second;
    const Outcome r = simulate(t);
    const Ratio q{(r.peakUpperC - t.ambientC) / (t.peakUpperC - t.initialC), (3.8 - r.lowestInterfaceM) / (3.8 - t.lowestInterfaceM)};
    std::printf("test %2d (%s%s): peak upper layer %.1f C (measured %.1f, rise %.3f); interface %.2f m (measured %.2f, depth %.3f)\n",
                t.number, t.door == Door::Shut ? "shut" : "open", t.ventilated ? ", fans" : "", r.peakUpperC, t.peakUpperC, q.rise,
                r.lowestInterfaceM, t.lowestInterfaceM, q.depth);
    return done.emplace(t.number, q).first->second;
}

const NrcTest& test(int number) {
    for (const NrcTest& t : tests())
        if (t.number == number) return t;
    throw std::out_of_range("NIST/NRC test");
}

// The tests the zone model's assumptions hold in: the door open (3, 14, 15), the fans running with
// the door shut (4, 10, 16), and the short 1.2 MW toluene fire in the shut room (17). Each test's
// peak rise and depth within 25 % of the measured, their means within 10 %.
TEST(NistNrc, TheLayersPeakTemperatureAndDepthAreTheMeasured) {
    double sumT = 0, sumD = 0;
    const int numbers[] = {3, 4, 10, 14, 15, 16, 17};
    for (int n : numbers) {
        const Ratio q = ratio(test(n));
        EXPECT_NEAR(q.rise, 1.0, 0.25) << "test " << n;
        EXPECT_NEAR(q.depth, 1.0, 0.25) << "test " << n;
        sumT += q.rise;
        sumD += q.depth;
    }
    const double count = static_cast<double>(std::size(numbers));
    std::printf("NIST/NRC, %zu tests: peak rise model / measured %.3f on average, depth %.3f\n", std::size(numbers), sumT / count,
                sumD / count);
    EXPECT_NEAR(sumT / count, 1.0, 0.10);
    EXPECT_NEAR(sumD / count, 1.0, 0.10);
}

// Known gaps, bounded so that they cannot grow unseen (docs/fire.md, "Validation against the
// NIST/NRC tests"). The shut room with no fans and a long burn (1, 7: 0.4 MW for 20 min; 2, 8, 13:
// 1.2-2.3 MW for 3-7 min): the zone's layer comes down to 0.0-0.23 m where NIST's reductions level
// off at 0.81-1.05 m over a lower gas that is itself hot (depth 1.21-1.38 times the measured), and
// the large fires burn down at the lower oxygen limit (15 % by volume) while the real burner kept its
// rate, peak rise 0.78-0.80 (the 0.4 MW fires 0.93-0.97). The door open with the fans running (5):
// the supply goes into the lower layer (as CFAST) and the exhaust thins the upper one, rise 1.27,
// depth 0.78 (test 3, the same fire without fans: 1.12, 0.92).
TEST(NistNrc, TheShutRoomAndTheVentilatedOpenRoomStayWithinTheirKnownGaps) {
    for (int n : {1, 2, 7, 8, 13}) {
        const Ratio q = ratio(test(n));
        EXPECT_GT(q.rise, 0.7) << "test " << n;
        EXPECT_LT(q.rise, 1.25) << "test " << n;
        EXPECT_GT(q.depth, 1.0) << "test " << n;
        EXPECT_LT(q.depth, 1.45) << "test " << n;
    }
    const Ratio q = ratio(test(5));
    EXPECT_GT(q.rise, 1.0);
    EXPECT_LT(q.rise, 1.4);
    EXPECT_GT(q.depth, 0.65);
    EXPECT_LT(q.depth, 1.0);
}

// The gas in the upper layer, tests 9 and 18 (door open, 1.2 MW for 20 min; 18 with the burner
// off-centre at (12.33, 1.55); no layer reduction is stored for them, so they are not above;
// their full data files, rows read around the peak): the sampler 3.22 m up at (6.85, 3.48) measured oxygen
// down to 15.6 and 15.9 % from 20.9 and carbon dioxide up to 3.10 and 3.05 %. The model's oxygen
// drop and carbon dioxide there within 20 % (volume fractions of the gas as it is, water vapour
// included, as NIST's FDS inputs read them).
TEST(NistNrc, TheUpperLayersOxygenAndCarbonDioxideAreTheMeasured) {
    const NrcTest t9{9, Door::OpenLeft, false, 27, 0, 10.85, 3.52, {{0, 0}, {175, 1170}, {1376, 1170}, {1560, 0}}, false, 27, 300, 1500, 226.0, 1.22};
    const NrcTest t18{18, Door::OpenLeft, false, 27, 0, 12.33, 1.55, {{0, 0}, {178, 1190}, {1379, 1190}, {1562, 0}}, false, 27, 300, 1500, 224.0, 1.16};
    for (const auto& [t, o2, co2] : {std::tuple{t9, 15.6, 3.10}, std::tuple{t18, 15.9, 3.05}}) {
        FireModel m = makeModel(rig(t));
        double lowestO2 = 100, highestCo2 = 0;
        for (double time = 1.0; time <= 1560.0; time += 1.0) {
            m.step(1.0);
            const FireSample s = m.sample({6.85, 3.48, 3.22});
            lowestO2 = std::min(lowestO2, s.o2Pct);
            highestCo2 = std::max(highestCo2, s.co2Pct);
        }
        const double drop = (20.9 - lowestO2) / (20.9 - o2), rise = highestCo2 / co2;
        std::printf("test %d: upper layer O2 down to %.2f %% (measured %.1f, drop %.3f), CO2 up to %.2f %% (measured %.2f, %.3f)\n",
                    t.number, lowestO2, o2, drop, highestCo2, co2, rise);
        EXPECT_NEAR(drop, 1.0, 0.2) << "test " << t.number;
        EXPECT_NEAR(rise, 1.0, 0.2) << "test " << t.number;
    }
}

// The shut room's oxygen, tests 2, 8 and 13 (the full data files, upper sampler 3.22 m up at
// (6.85, 3.48)): until the fire nears the lower oxygen limit the model's upper layer loses oxygen
// as the measured gas does, drop from 20.9 % within 25 % at each minute while the measured oxygen
// is still above 15 % (0.78-0.83 at 3-4 min, while the layer deepens past the sampler 0.6 m
// under the ceiling and the zone's layer averages it; 0.85-1.00 after). After that the real
// burner kept its rate down to 11.9 % above and 13.8 % at 0.5 m, where the model's fire burns
// down at the 15 % limit: the known gap above.
TEST(NistNrc, TheShutRoomLosesItsOxygenAsMeasured) {
    struct Row {
        double timeS, o2Pct;
    };
    const std::pair<int, std::vector<Row>> measured[] = {
        {2, {{180, 18.5}, {240, 17.5}, {300, 16.8}, {360, 15.9}, {420, 15.2}}},
        {8, {{180, 18.4}, {240, 17.3}, {300, 16.5}, {360, 15.9}, {420, 15.2}}},
        {13, {{120, 18.8}, {180, 16.9}, {240, 15.1}}},
    };
    for (const auto& [n, rows] : measured) {
        FireModel m = makeModel(rig(test(n)));
        for (const Row& row : rows) {
            m.step(row.timeS - m.timeS());
            const double o2 = m.sample({6.85, 3.48, 3.22}).o2Pct, drop = (20.9 - o2) / (20.9 - row.o2Pct);
            std::printf("test %d at %.0f s: upper layer O2 %.2f %% (measured %.1f, drop %.3f)\n", n, row.timeS, o2, row.o2Pct, drop);
            EXPECT_NEAR(drop, 1.0, 0.25) << "test " << n << " at " << row.timeS << " s";
        }
    }
}

// The smoke, test 3 (door open, 1.2 MW for 20 min; the full data file): the smoke meter 0.22 m
// under the ceiling at the far end (21.10, 0.50, 3.60) read 110-118 mg/m3 from 10 to 23 min
// (mean of the minutes 600-1380 s: 112 mg/m3) and the oxygen 3.22 m up 15.8-16.0 %. The model's
// upper layer there, heptane's soot yield 0.015 as NIST's deck: its oxygen drop over the same
// minutes within 20 %; its soot density is a known gap, bounded: 1.37 times the measured (153
// mg/m3; 1.45 with no soot settling on the linings, which takes 5.3 % of the soot made by 23
// min) with the gas diluted as measured, as if the yield were 0.011, or more soot settled than
// thermophoresis alone puts on the walls and ceiling. Visibility comes out shorter than measured:
// on the safe side for a trainee.
TEST(NistNrc, TheUpperLayersOxygenIsTheMeasuredAndItsSmokeWithinItsKnownGap) {
    const double smoke[] = {109, 108, 107, 110, 107, 109, 113, 115, 113, 112, 116, 117, 113, 116};  // mg/m3, 600-1380 s
    const double o2[] = {16.0, 15.9, 15.8, 15.9, 15.9, 15.9, 15.8, 15.9, 15.9, 15.9, 15.9, 15.9, 15.9, 15.7};
    FireModelDef noDeposition = rig(test(3));
    noDeposition.sootDeposition = false;
    FireModel m = makeModel(rig(test(3))), kept = makeModel(noDeposition);
    double modelSmoke = 0, keptSmoke = 0, modelO2 = 0, measuredSmoke = 0, measuredO2 = 0;
    for (int k = 0; k < 14; ++k) {
        m.step(600.0 + 60.0 * k - m.timeS());
        kept.step(600.0 + 60.0 * k - kept.timeS());
        modelSmoke += m.sample({21.10, 0.50, 3.60}).sootKgM3 * 1e6 / 14.0;
        keptSmoke += kept.sample({21.10, 0.50, 3.60}).sootKgM3 * 1e6 / 14.0;
        modelO2 += m.sample({6.85, 3.48, 3.22}).o2Pct / 14.0;
        measuredSmoke += smoke[k] / 14.0;
        measuredO2 += o2[k] / 14.0;
    }
    const double drop = (20.9 - modelO2) / (20.9 - measuredO2);
    const ConservationTotals t = m.conservation();
    std::printf("test 3, 10-23 min: smoke %.1f mg/m3 (measured %.1f, %.3f; %.1f with no deposition, %.3f), O2 %.2f %% (measured %.2f, "
                "drop %.3f); by 23 min %.1f %% of the soot made had settled on the linings\n",
                modelSmoke, measuredSmoke, modelSmoke / measuredSmoke, keptSmoke, keptSmoke / measuredSmoke, modelO2, measuredO2, drop,
                100.0 * t.depositedKg / t.sootProducedKg);
    EXPECT_NEAR(drop, 1.0, 0.2);
    EXPECT_GT(modelSmoke / measuredSmoke, 1.2);
    EXPECT_LT(modelSmoke / measuredSmoke, 1.7);
    EXPECT_LT(modelSmoke, keptSmoke);  // deposition takes some out
}

}  // namespace
