// Against measured data: the NBS multi-room tests (Peacock, Davis & Lee, "An experimental data
// set for the accuracy assessment of room fire models", NBSIR 88-3752, 1988), as NIST keeps them
// for FDS and CFAST validation (github.com/firemodels: cfast Validation/NBS/MV100*.in for NIST's
// zone-model rig, fds Validation/NBS_Multi-Room/Experimental_Data for the measurements). A 110 kW
// gas burner against the wall of a 2.34 x 2.34 x 2.16 m burn room (ceramic fibre) opening through
// a small entry (0.81 x 1.6 m doors) into the end of a 12.19 x 2.44 x 2.44 m corridor (marinite);
// test 100A with the corridor's far door open (0.76 x 2.03 m), 100O with it shut but for a 1 cm
// slot at the ceiling, 100Z open and a third room (2.22 x 2.24 x 2.43 m, through its own entry)
// open off the corridor. Thermocouple trees: 1 in the burn room; 3, 4, 5 along the corridor 1.4,
// 5.5 and 11.7 m from the burn-room end; 6 in the far doorway. The measured layers are NIST's
// reductions of the trees (the _layer files), averaged over 590-880 s of steady burning.
//
// Checked: the burn room's layers in all three; in 100A the corridor's layer at its far end, how
// it falls along the corridor (the thermocouples under the ceiling) and the smoke's arrival down
// it (first row with the tree's top thermocouple below the ceiling 5 K over its start; rows 10 s
// apart); in the shut corridor of 100O, where smoke fills it to the floor and NIST's reductions of
// its stratified gas differ (interface 0.23-0.36 m by NBS's own, 0.54-0.71 m by the _layer
// files), the corridor's gas temperature over the height of its trees. The corridor's layer,
// thinner and hotter than the reduced one, is a known gap (docs/fire.md).
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <iterator>
#include <map>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "fire_fixture.h"

using namespace cd::fire;
using namespace cd::fire::test;

namespace {

enum class Corridor { Open, Shut, OpenWithThirdRoom };

struct NbsTest {
    const char* name;
    Corridor corridor;
    double ambientC, radiativeFraction;
};
const NbsTest kA{"100A", Corridor::Open, 23.0, 0.2}, kO{"100O", Corridor::Shut, 21.0, 0.3}, kZ{"100Z", Corridor::OpenWithThirdRoom, 22.0, 0.3};

// Tree positions in plan (CFAST's frame: x along the corridor from its far door) and the height
// of the highest thermocouple under the ceiling (trees 3-5: 90 in; their 96 in one touches it).
struct TreeAt {
    int tree;
    const char* room;
    double x, y, topZ;
};
const TreeAt kTrees[] = {{1, "burn", 10.0, 2.0, 2.134}, {3, "corridor", 10.8, 4.6, 2.286}, {4, "corridor", 6.7, 4.6, 2.286},
                         {5, "corridor", 0.5, 5.5, 2.286}, {6, "corridor", 0.1, 4.6, 1.930}};

FireModelDef rig(const NbsTest& t) {
    FireModelDef def;
    def.ambientTempC = t.ambientC;
    const WallMaterial ceramic{"ceramic fibre NBS", 0.09, 128.0, 1040.0, 0.05, 0.97};
    const WallMaterial marinite{"marinite NBS", 0.12, 720.0, 1250.0, 0.0127, 0.83};
    const WallMaterial gypsum{"gypsum NBS", 0.17, 930.0, 1090.0, 0.0127, 0.95};
    addRoom(def, "burn", {9.85, 0, 0}, {2.34, 2.34, 2.16}, ceramic);
    addRoom(def, "entry", {11.16, 2.34, 0}, {1.03, 1.02, 2.0}, marinite);
    addRoom(def, "corridor", {0, 3.36, 0}, {12.19, 2.44, 2.44}, marinite, true);
    addOpening(def, "burn", "entry", 0.81, 1.6, 11.675, 2.34);
    addOpening(def, "entry", "corridor", 0.81, 1.6, 11.675, 3.36);
    if (t.corridor == Corridor::Shut) addOpening(def, "corridor", kOutside, 0.76, 0.01, 0.0, 4.58, 2.43);
    else addOpening(def, "corridor", kOutside, 0.76, 2.03, 0.0, 4.58);
    if (t.corridor == Corridor::OpenWithThirdRoom) {
        addRoom(def, "target", {2.07, 0.33, 0}, {2.22, 2.24, 2.43}, gypsum);
        addRoom(def, "target entry", {2.07, 2.57, 0}, {0.94, 0.79, 2.04}, gypsum);
        addOpening(def, "corridor", "target entry", 0.79, 2.04, 2.535, 3.36);
        addOpening(def, "target entry", "target", 0.79, 2.04, 2.54, 2.57);
    }
    FireDef f;
    f.id = "burner";
    f.room = "burn";
    f.positionM = {11.02, 0.10, 0.0};  // against the burn room's wall
    f.areaM2 = 0.1156;
    f.radiativeFraction = t.radiativeFraction;
    f.heatOfCombustionKjKg = 50000.0;
    f.hrrTable = {{0, 0}, {10, 110}, {890, 110}, {900, 0}};
    def.fires.push_back(f);
    return def;
}

struct TreeResult {
    double arrivalS = -1;
    double interfaceM = 0, upperC = 0, lowerC = 0, meanC = 0;  // steady; meanC over the tree's height
};

std::vector<TreeResult> simulate(const NbsTest& t) {
    FireModel m = makeModel(rig(t));
    std::vector<TreeResult> out(std::size(kTrees));
    int samples = 0;
    for (double time = 1.0; time <= 880.0 + 1e-9; time += 1.0) {
        m.step(1.0);
        for (size_t k = 0; k < out.size(); ++k) {
            const TreeAt& at = kTrees[k];
            const FireSample s = m.sample({at.x, at.y, at.topZ});
            if (out[k].arrivalS < 0 && s.temperatureC > t.ambientC + 5.0) out[k].arrivalS = time;
            if (time < 590.0) continue;
            // The gas over the thermocouples' span (0.15 m to the top one): the two layers by depth.
            const double zi = std::clamp(s.layerHeightM, 0.152, at.topZ);
            out[k].interfaceM += s.layerHeightM;
            out[k].upperC += s.upperTempC;
            out[k].lowerC += s.lowerTempC;
            out[k].meanC += ((zi - 0.152) * s.lowerTempC + (at.topZ - zi) * s.upperTempC) / (at.topZ - 0.152);
        }
        samples += time >= 590.0;
    }
    for (auto& r : out) r.interfaceM /= samples, r.upperC /= samples, r.lowerC /= samples, r.meanC /= samples;
    return out;
}

/// Each test simulated once, whichever checks ask for it.
const std::vector<TreeResult>& run(const NbsTest& t) {
    static std::map<std::string, std::vector<TreeResult>> done;
    auto it = done.find(t.name);
    if (it == done.end()) it = done.emplace(t.name, simulate(t)).first;
    return it->second;
}

const TreeResult& tree(const std::vector<TreeResult>& r, int n) {
    for (size_t k = 0; k < std::size(kTrees); ++k)
        if (kTrees[k].tree == n) return r[k];
    throw std::out_of_range("tree");
}

// NIST's _layer files, 590-880 s means: {tree, interface m, upper layer C}.
struct MeasuredLayer {
    int tree;
    double interfaceM, upperC;
};

double rise(const NbsTest& t, double modelC, double measuredC) { return (modelC - t.ambientC) / (measuredC - t.ambientC); }

// The burn room's layers in all three tests: upper-layer rise within 15 %, interface within
// 0.15 m (a wall fire: Zukoski's mirror, plume.h).
TEST(NbsMultiRoom, TheBurnRoomsLayersAreTheMeasured) {
    for (const auto& [t, l] : {std::pair{kA, MeasuredLayer{1, 0.938, 268.88}}, std::pair{kO, MeasuredLayer{1, 0.913, 316.60}},
                               std::pair{kZ, MeasuredLayer{1, 0.917, 291.56}}}) {
        const TreeResult m = tree(run(t), 1);
        std::printf("%s burn room: upper layer %.1f C (measured %.1f, rise %.3f), interface %.2f m (measured %.2f)\n", t.name,
                    m.upperC, l.upperC, rise(t, m.upperC, l.upperC), m.interfaceM, l.interfaceM);
        EXPECT_NEAR(rise(t, m.upperC, l.upperC), 1.0, 0.15) << t.name;
        EXPECT_NEAR(m.interfaceM, l.interfaceM, 0.15) << t.name;
    }
}

// 100A: the corridor's layer at its far end. The interface at trees 5 and 6 within 0.25 m of NIST's
// reduction; the gas over tree 5's height (0.15-2.29 m), measured 64.2 C (trapezoids over its
// thermocouples' means), within 15 % in rise. (Its upper layer against the reduction's is a known
// gap, below: the model's layer is thinner and hotter than the reduced one.)
TEST(NbsMultiRoom, WithTheCorridorOpenItsLayerIsTheMeasured) {
    const std::vector<TreeResult>& r = run(kA);
    for (const MeasuredLayer& l : {MeasuredLayer{5, 1.177, 96.95}, MeasuredLayer{6, 1.284, 95.06}}) {
        const TreeResult& m = tree(r, l.tree);
        std::printf("100A tree %d: interface %.2f m (measured %.2f)\n", l.tree, m.interfaceM, l.interfaceM);
        EXPECT_NEAR(m.interfaceM, l.interfaceM, 0.25) << "tree " << l.tree;
    }
    const double gas = tree(r, 5).meanC;
    std::printf("100A tree 5: gas over the height %.1f C (measured 64.2, rise %.3f)\n", gas, rise(kA, gas, 64.2));
    EXPECT_NEAR(rise(kA, gas, 64.2), 1.0, 0.15);
}

// 100A: how the layer falls along the open corridor. The measured gas under the ceiling (the
// thermocouples 2.29 m up, 590-880 s means 163.2, 142.6 and 118.5 C at trees 3, 4 and 5) rises
// 0.853 and 0.681 as much at trees 4 and 5 as at tree 3, 4.1 and 10.3 m further on; the model's
// upper layer there falls alike, within 0.1 of each ratio. (Before the layer's exchange along its
// depth, layerExchangeSpeedMS, it fell to 0.50 by tree 5.)
TEST(NbsMultiRoom, WithTheCorridorOpenItsLayerFallsAlongItAsMeasured) {
    const std::vector<TreeResult>& r = run(kA);
    const double r3 = tree(r, 3).upperC - kA.ambientC;
    const std::pair<int, double> measured[] = {{4, (142.6 - kA.ambientC) / (163.2 - kA.ambientC)}, {5, (118.5 - kA.ambientC) / (163.2 - kA.ambientC)}};
    for (const auto& [n, ratio] : measured) {
        const double model = (tree(r, n).upperC - kA.ambientC) / r3;
        std::printf("100A tree %d over tree 3: rise %.3f (measured %.3f; %.1f C and %.1f C)\n", n, model, ratio, tree(r, n).upperC,
                    tree(r, 3).upperC);
        EXPECT_NEAR(model, ratio, 0.1) << "tree " << n;
    }
}

// 100A, first rows with the top thermocouple 5 K over its start (NBS_MV100A.csv): tree 3 at
// 20 s, 4 at 30 s, 5 at 40 s, 6 at 40 s. The model's front is no later, and within one row and
// 30 % (as the ATF corridors: a few seconds of thermocouple lag and the rows).
TEST(NbsMultiRoom, TheSmokeRunsDownTheCorridorWhenMeasured) {
    const std::vector<TreeResult>& r = run(kA);
    const std::pair<int, double> measured[] = {{3, 20.0}, {4, 30.0}, {5, 40.0}, {6, 40.0}};
    for (const auto& [n, s] : measured) {
        const double model = tree(r, n).arrivalS;
        std::printf("100A tree %d: smoke at %.0f s (measured %.0f)\n", n, model, s);
        EXPECT_GT(model, 0.0);
        EXPECT_LE(model, s) << "tree " << n;
        EXPECT_GE(model, s - 10.0 - 0.3 * s) << "tree " << n;
    }
}

// 100O, the corridor shut: the corridor's gas over the trees' height (0.15-2.29 m), measured
// 111.4, 106.2 and 104.9 C at trees 3, 4 and 5 (trapezoids over each tree's mean profile): the
// mean of the three within 10 %, each tree within 15 % (the stirred gas is nearly even along the
// shut corridor: the layer's exchange along its depth evens the model's out).
TEST(NbsMultiRoom, WithTheCorridorShutTheHeatInItIsTheMeasured) {
    const std::vector<TreeResult>& r = run(kO);
    const double modelMean = (tree(r, 3).meanC + tree(r, 4).meanC + tree(r, 5).meanC) / 3.0, measuredMean = (111.4 + 106.2 + 104.9) / 3.0;
    std::printf("100O corridor gas %.1f / %.1f / %.1f C at trees 3/4/5 (measured 111.4 / 106.2 / 104.9), mean %.1f against %.1f; "
                "interface %.2f m\n",
                tree(r, 3).meanC, tree(r, 4).meanC, tree(r, 5).meanC, modelMean, measuredMean, tree(r, 4).interfaceM);
    EXPECT_NEAR(rise(kO, modelMean, measuredMean), 1.0, 0.10);
    for (const auto& [n, measured] : {std::pair{3, 111.4}, std::pair{4, 106.2}, std::pair{5, 104.9}})
        EXPECT_NEAR(rise(kO, tree(r, n).meanC, measured), 1.0, 0.15) << "tree " << n;
    const double spread = rise(kO, tree(r, 5).meanC, tree(r, 3).meanC), measuredSpread = rise(kO, 104.9, 111.4);
    std::printf("100O tree 5 over tree 3: %.2f (measured %.2f)\n", spread, measuredSpread);
    EXPECT_NEAR(spread, measuredSpread, 0.2);
}

// Known gaps, bounded so that they cannot grow unseen (docs/fire.md, "Validation against the
// NBS multi-room tests"): the corridor's layer is thinner and hotter than NIST's reductions of the
// measured gas. 100A: its upper layer at the far end (trees 5 and 6) rises 1.28 and 1.29 times
// the reduced layer's; 100Z, with the third room open off the corridor: 1.68 and 1.36 times at
// trees 4 and 5.
TEST(NbsMultiRoom, TheCorridorsLayerStaysWithinItsKnownGap) {
    const std::vector<TreeResult>& a = run(kA);
    const std::vector<TreeResult>& z = run(kZ);
    const double a5 = rise(kA, tree(a, 5).upperC, 96.95), a6 = rise(kA, tree(a, 6).upperC, 95.06);
    const double z4 = rise(kZ, tree(z, 4).upperC, 86.63), z5 = rise(kZ, tree(z, 5).upperC, 86.08);
    std::printf("100A trees 5 and 6: upper layer rise %.2f and %.2f of the reduced (%.1f and %.1f C against 97.0 and 95.1); "
                "100Z trees 4 and 5: %.2f and %.2f (%.1f and %.1f C against 86.6 and 86.1)\n",
                a5, a6, tree(a, 5).upperC, tree(a, 6).upperC, z4, z5, tree(z, 4).upperC, tree(z, 5).upperC);
    for (double x : {a5, a6}) {
        EXPECT_GT(x, 0.85);
        EXPECT_LT(x, 1.45);
    }
    for (double x : {z4, z5}) {
        EXPECT_GT(x, 0.85);
        EXPECT_LT(x, 1.9);
    }
}

}  // namespace
