// Against measured data: the ATF corridor experiments (D. T. Sheppard and B. W. Klein, "Burn
// tests in two story structure with hallways", ATF Laboratories, Ammendale MD, 2009), as NIST
// keeps them for FDS and CFAST validation (github.com/firemodels: cfast
// Validation/ATF_Corridors/*.in for NIST's zone-model rig, fds
// Validation/ATF_Corridors/Experimental_Data for the measurements). Two 17 m hallways, one above
// the other, joined at one end by a stairway; a natural-gas burner 2 m from the closed far end of
// the lower hallway; the only way out is the open far end of the upper hallway. Steady burners of
// 48, 97, 242, 250 and 485 kW (ramped over the first 60-70 s, as the measured HRR columns give
// them). Thermocouple trees: A, B, C along the lower hallway (13, 6 and 0.5 m from its closed
// end), E up the stairwell, F and G along the upper hallway (4 and 15 m); the data as measured
// (avg files, or one repeat where no average is kept: 48 kW test 3402, 250 kW test 3429).
//
// The rig is CFAST's: lower corridor 17 x 1.8 x 2.5 m, stairwell 2.6 x 3.2 x 5 m open over its
// whole height to the lower corridor's end and over the upper storey to the upper corridor, the
// exit 1.8 x 2.0 m; 17 mm gypsum (k 0.13 W/m/K, 930 kg/m3, 1.09 kJ/kg/K); burner 0.16 m2 at 0.4 m,
// radiative fraction 0.2. Tree D, under the stairs' landing, is left out: the zone rig has the
// stairwell open 5 m high there, where the real one has a landing above it.
//
// Checked: (1) the smoke's arrival at each tree, the first time the gas at its top thermocouple
// is 5 K over ambient (the data's rows are 10 s apart); (2) the layers once steady (mean over the
// last 300 s): the lower hallway's upper layer against NIST's reduction of trees A, B, C (the
// integral method of He et al. in FDS's layer_height.m, weights 0.33/0.33/0.34, ceiling 2.4 m:
// what the CFAST validation guide plots), the stairwell's against tree E (well mixed: every
// reduction agrees), the upper hallway's against the layer's top (its hottest thermocouple);
// (3) in the pulsed test, the lower hallway's layer following the burner's steps. The layer
// depths are printed with a bound, not matched: see docs/fire.md.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <vector>

#include "fire_fixture.h"

using namespace cd::fire;
using namespace cd::fire::test;

namespace {

constexpr double kNoTc = std::numeric_limits<double>::quiet_NaN();  // a thermocouple not logged

enum Tree { A, B, C, E, F, G, kTrees };
const char* const kTreeName[kTrees] = {"A", "B", "C", "E", "F", "G"};
// Tree positions in plan, CFAST's frame (x along the hallways from the stair end, m).
const Point3 kTreeAt[kTrees] = {{13.0, 0.8, 0}, {6.0, 1.0, 0}, {0.5, 0.5, 0}, {1.32, 4.4, 0}, {4.0, 0.5, 0}, {15.0, 0.88, 0}};
// Thermocouple heights (m above the lower floor): trees A-C, tree E (8), trees F and G.
const std::vector<double> kLowerZ = {0.2364, 0.54, 0.85, 1.15, 1.46, 1.76, 2.07, 2.22, 2.29, 2.34};
const std::vector<double> kStairZ = {2.87, 3.17, 3.48, 3.78, 4.09, 4.39, 4.70, 4.97};
const std::vector<double> kUpperZ = {2.87, 3.17, 3.48, 3.78, 4.09, 4.39, 4.70, 4.85, 4.92, 4.97};
const std::vector<double>& heights(int tree) { return tree <= C ? kLowerZ : tree == E ? kStairZ : kUpperZ; }

struct AtfTest {
    const char* name;
    const char* file;                 // the measured file the figures come from
    double ambientC;                  // mean start temperature of the trees' top thermocouples
    double endS;                      // end of the record; the steady means are over its last 300 s
    std::vector<HrrPoint> ramp;       // measured HRR to its plateau, held after
    double arrivalS[kTrees];          // first row with the top thermocouple 5 K over its start
    std::vector<double> meanC[kTrees];  // each thermocouple's mean over the last 300 s, bottom up
};

const std::vector<AtfTest> kTests = {
    {"48 kW", "ATF_Corridors_048kW_3402.csv", 23.6, 900, {{0, 15}, {10, 19}, {20, 25}, {30, 31}, {40, 37}, {50, 44}, {60, 48}, {70, 49}},
     {20, 30, 40, 60, 100, 130},
     {{25.8, 29.0, 30.4, 33.2, 38.5, 73.1, 84.9, 88.5, 90.0, 89.5},
      {25.3, 27.0, 28.9, 30.9, 40.3, 60.0, 77.0, 80.4, 80.1, 79.1},
      {29.0, 30.1, 30.4, 30.7, 33.4, 68.8, 72.1, 72.1, 72.1, 69.1},
      {47.7, 47.9, 48.6, 48.1, 48.3, 48.6, kNoTc, 51.4},
      {20.6, 20.7, 21.3, 29.5, 39.2, 42.0, 44.8, 45.7, 46.0, 46.0},
      {20.2, 20.6, 22.8, 32.5, 36.6, 40.0, 41.2, 42.5, 42.2, 40.5}}},
    {"97 kW", "ATF_Corridors_097kW_avg.csv", 24.2, 900, {{0, 9.7}, {10, 18}, {20, 32.7}, {30, 47.3}, {40, 62}, {50, 76.7}, {60, 91}, {70, 97}},
     {20, 30, 50, 60, 80, 110},
     {{32.9, 37.4, 39.5, 47.2, 55.5, 111.9, 129.5, 135.4, 138.0, 136.9},
      {30.6, 34.3, 37.0, 40.6, 57.1, 89.9, 116.3, 122.8, 122.3, 120.5},
      {35.4, 37.4, 38.4, 38.9, 54.6, 102.2, 107.9, 108.2, 108.1, 103.4},
      {70.5, 68.3, 67.7, 66.6, 67.3, 68.4, 70.4, 72.5},
      {21.9, 22.2, 22.8, 34.9, 51.3, 56.8, 61.5, 63.0, 63.3, 63.2},
      {21.8, 22.1, 25.3, 40.4, 47.7, 53.3, 54.9, 55.5, 55.1, 52.3}}},
    {"242 kW", "ATF_Corridors_242kW_avg.csv", 25.9, 900, {{0, 14.5}, {10, 34.5}, {20, 72.5}, {30, 109.5}, {40, 148.5}, {50, 187}, {60, 226}, {70, 242.5}},
     {20, 30, 40, 50, 60, 90},
     {{49.4, 56.1, 61.7, 80.0, 90.9, 202.9, 244.0, 262.0, 269.0, 267.0},
      {44.3, 52.8, 57.0, 66.5, 92.4, 160.6, 213.3, 229.4, 228.8, 224.9},
      {51.1, 54.8, 56.5, 58.8, 106.2, 183.5, 196.8, 197.8, 197.5, 185.4},
      {119.8, 116.7, 114.8, 112.2, 113.0, 114.8, 118.4, 122.4},
      {25.1, 25.8, 26.8, 48.4, 83.6, 93.7, 102.3, 104.8, 105.2, 104.7},
      {24.6, 25.6, 31.8, 60.8, 76.0, 86.2, 89.4, 90.4, 89.4, 84.2}}},
    {"250 kW", "ATF_Corridors_250kW_3429.csv", 23.1, 890, {{0, 0}, {10, 35}, {20, 76}, {30, 115}, {40, 156}, {50, 195}, {60, 235}, {70, 251}, {80, 250}},
     {20, 30, 40, 50, 60, 80},
     {{45.2, 50.7, 55.8, 72.7, 85.6, 197.9, 239.8, 258.6, 266.5, 265.2},
      {41.1, 48.5, 51.5, 59.9, 86.9, 154.8, 211.6, 226.7, 225.2, 220.9},
      {45.8, 49.1, 51.0, 52.5, 110.4, 180.8, 196.7, 196.5, 195.1, 180.6},
      {112.1, 116.5, 117.7, 115.1, 114.4, 115.6, 118.0, 120.6},
      {20.1, 20.7, 22.0, 44.4, 82.0, 91.1, 99.4, 102.3, 102.8, 102.3},
      {19.6, 19.9, 25.0, 58.3, 73.7, 84.0, 87.1, 88.1, 87.2, 81.9}}},
    {"485 kW", "ATF_Corridors_485kW_avg.csv", 26.8, 730, {{0, 0.3}, {10, 55.3}, {20, 135.3}, {30, 207.3}, {40, 262}, {50, 370}, {60, 451.3}, {70, 484.7}},
     {20, 30, 30, 40, 50, 70},
     {{75.3, 83.8, 94.1, 132.5, 161.0, 316.6, 416.3, 464.1, 483.1, 471.2},
      {62.4, 77.7, 82.8, 106.8, 159.6, 250.0, 342.8, 370.3, 366.6, 356.2},
      {68.9, 75.2, 79.3, 86.5, 241.6, 279.1, 306.6, 306.4, 302.2, 275.8},
      {180.1, 170.5, 167.8, 161.9, 163.8, 167.2, 173.1, 180.6},
      {25.4, 26.6, 27.6, 61.0, 119.3, 134.3, 147.4, 151.3, 151.8, 150.6},
      {24.8, 24.7, 30.8, 80.8, 103.8, 119.5, 125.5, 127.5, 125.9, 117.1}}},
};

struct Layer {
    double interfaceM = 0, lowerC = 0, upperC = 0;
};

/// NIST's reduction of a thermocouple tree to two layers (FDS Utilities/Matlab/scripts/
/// layer_height.m, after He, Fernando & Luo 1998): cells between the midpoints of the
/// thermocouples from floorZ to ceilingZ; I1 = integral of T dz, I2 = of 1/T dz (T in K);
/// T_l the lowest thermocouple; z_int = T_l (I1 I2 - H^2) / (I1 + I2 T_l^2 - 2 T_l H) above the
/// floor; T_u the mean over the cells above it.
Layer integralLayer(const std::vector<double>& z, const std::vector<double>& tC, double floorZ, double ceilingZ) {
    const size_t n = z.size();
    std::vector<double> top(n), t(n);
    for (size_t i = 0; i < n; ++i) {
        top[i] = i + 1 < n ? 0.5 * (z[i] + z[i + 1]) : ceilingZ;
        t[i] = tC[i] + 273.15;
    }
    double i1 = 0, i2 = 0;
    for (size_t i = 0; i < n; ++i) {
        const double dz = top[i] - (i ? top[i - 1] : floorZ);
        i1 += t[i] * dz;
        i2 += dz / t[i];
    }
    const double h = ceilingZ - floorZ, tl = t[0];
    Layer out;
    out.interfaceM = tl * (i1 * i2 - h * h) / (i1 + i2 * tl * tl - 2.0 * tl * h);
    const double zi = floorZ + out.interfaceM;
    double sum = 0;
    for (size_t i = 0; i < n; ++i) {
        const double lo = std::max(i ? top[i - 1] : floorZ, zi);
        if (top[i] > lo) sum += t[i] * (top[i] - lo);
    }
    out.lowerC = tC[0];
    out.upperC = sum / (ceilingZ - zi) - 273.15;
    return out;
}

FireModelDef rig(const AtfTest& t) {
    FireModelDef def;
    def.ambientTempC = t.ambientC;
    const WallMaterial gypsum{"ATF gypsum", 0.13, 930.0, 1090.0, 0.017, 0.9};
    addRoom(def, "lower", {0, 0, 0}, {17.0, 1.8, 2.5}, gypsum, true);
    addRoom(def, "stair", {0, 1.8, 0}, {2.6, 3.2, 5.0}, gypsum);
    addRoom(def, "upper", {0, 0, 2.5}, {17.0, 1.8, 2.5}, gypsum, true);
    addOpening(def, "lower", "stair", 2.6, 2.5, 1.3, 1.8);
    addOpening(def, "upper", "stair", 2.6, 2.5, 1.3, 1.8);
    addOpening(def, "upper", kOutside, 1.8, 2.0, 17.0, 0.9);
    FireDef f;
    f.id = "burner";
    f.room = "lower";
    f.positionM = {15.0, 0.9, 0.4};
    f.areaM2 = 0.16;
    f.radiativeFraction = 0.2;
    f.heatOfCombustionKjKg = 50000.0;
    f.hrrTable = t.ramp;
    def.fires.push_back(f);
    return def;
}

struct Result {
    double arrivalS[kTrees];
    double upperC[kTrees], lowerC[kTrees], interfaceM[kTrees];  // steady means; interface above the room's floor
};

Result run(const AtfTest& t) {
    FireModel m = makeModel(rig(t));
    const int stair = m.roomIndex("stair");
    Result r{};
    std::fill(std::begin(r.arrivalS), std::end(r.arrivalS), -1.0);
    int samples = 0;
    for (double time = 1.0; time <= t.endS + 1e-9; time += 1.0) {
        m.step(1.0);
        for (int k = 0; k < kTrees; ++k) {
            const Point3 top{kTreeAt[k].x, kTreeAt[k].y, heights(k).back()};
            if (r.arrivalS[k] < 0 && m.sample(top).temperatureC > t.ambientC + 5.0) r.arrivalS[k] = time;
        }
        if (time <= t.endS - 300.0) continue;
        ++samples;
        const RoomState room = m.roomState(stair);
        for (int k = 0; k < kTrees; ++k) {
            const FireSample s = m.sample({kTreeAt[k].x, kTreeAt[k].y, k >= F ? 3.5 : 1.0});
            r.upperC[k] += k == E ? room.upperTempC : s.upperTempC;
            r.lowerC[k] += k == E ? room.lowerTempC : s.lowerTempC;
            r.interfaceM[k] += k == E ? room.layerHeightM : s.layerHeightM;
        }
    }
    for (int k = 0; k < kTrees; ++k) r.upperC[k] /= samples, r.lowerC[k] /= samples, r.interfaceM[k] /= samples;
    return r;
}

const std::vector<Result>& results() {
    static const std::vector<Result> all = [] {
        std::vector<Result> v;
        for (const auto& t : kTests) v.push_back(run(t));
        return v;
    }();
    return all;
}

double hottest(const std::vector<double>& tc) {
    double h = -1e9;
    for (double v : tc)
        if (!std::isnan(v)) h = std::max(h, v);
    return h;
}

double mean(const std::vector<double>& tc) {
    double s = 0;
    int n = 0;
    for (double v : tc)
        if (!std::isnan(v)) s += v, ++n;
    return s / n;
}

// The measured lower hallway's layers: NIST's reduction of trees A, B, C (weights 0.33, 0.33,
// 0.34, ceiling 2.4 m, as FDS_Output_Files/ATF_Corridors_*_1_HGL.input).
Layer measuredLowerHallway(const AtfTest& t) {
    std::vector<double> profile(kLowerZ.size());
    for (size_t i = 0; i < profile.size(); ++i) profile[i] = 0.33 * t.meanC[A][i] + 0.33 * t.meanC[B][i] + 0.34 * t.meanC[C][i];
    return integralLayer(kLowerZ, profile, 0.0, 2.4);
}

// The smoke reaches each tree no later than measured (whose row it rose in) and within one row
// (10 s) and 30 % of the measured time before it. The model is early, the more so the farther
// along the path: 13-15 s at tree A, 2 m from the burner (thermocouple lag and the data's 10 s
// rows; from A to C the front's travel agrees to a row), 1-9 s more up the stairwell (C to E: a
// zone's layer forms under the ceiling the moment the smoke enters), 16-46 s early at G, the
// far end of the upper hallway (at 48 kW the front runs F to G in 14 s against 30).
TEST(AtfCorridors, TheSmokeReachesEachTreeNoLaterThanMeasured) {
    double ratioSum = 0;
    int n = 0;
    for (size_t i = 0; i < kTests.size(); ++i) {
        const AtfTest& t = kTests[i];
        const Result& r = results()[i];
        std::printf("%-6s arrival model / measured, s:", t.name);
        for (int k = 0; k < kTrees; ++k) {
            std::printf(" %s %.0f/%.0f", kTreeName[k], r.arrivalS[k], t.arrivalS[k]);
            EXPECT_GT(r.arrivalS[k], 0.0) << t.name << " tree " << kTreeName[k];
            EXPECT_LE(r.arrivalS[k], t.arrivalS[k]) << t.name << " tree " << kTreeName[k];
            EXPECT_GE(r.arrivalS[k], t.arrivalS[k] - 10.0 - 0.3 * t.arrivalS[k]) << t.name << " tree " << kTreeName[k];
            ratioSum += r.arrivalS[k] / t.arrivalS[k];
            ++n;
        }
        // Along the lower hallway (A to C, 12.5 m) the front's travel time is the measured one,
        // to the data's 10 s rows.
        const double modelAC = r.arrivalS[C] - r.arrivalS[A], measuredAC = t.arrivalS[C] - t.arrivalS[A];
        std::printf("; A to C %.0f s (measured %.0f)\n", modelAC, measuredAC);
        EXPECT_NEAR(modelAC, measuredAC, 10.0) << t.name;
    }
    std::printf("ATF corridors: arrival model / measured %.2f on average\n", ratioSum / n);
}

// Once steady (the last 300 s of each record) the layers' temperatures are the measured ones:
// the lower hallway's upper layer against NIST's reduction of trees A, B, C, rise within 15 %;
// the stairwell's against tree E (well mixed) and the upper hallway's at F and G against the
// layer's top (the hottest thermocouple of the tree; a zone's layer has one temperature over its
// depth, and the upper hallway's is deeper than the measured one), rises within 10 %.
TEST(AtfCorridors, TheLayersTemperaturesAreTheMeasured) {
    for (size_t i = 0; i < kTests.size(); ++i) {
        const AtfTest& t = kTests[i];
        const Result& r = results()[i];
        const Layer low = measuredLowerHallway(t);
        const double modelLow = 0.33 * r.upperC[A] + 0.33 * r.upperC[B] + 0.34 * r.upperC[C];
        const double a = t.ambientC;
        const double lowRatio = (modelLow - a) / (low.upperC - a), stairRatio = (r.upperC[E] - a) / (mean(t.meanC[E]) - a);
        const double fRatio = (r.upperC[F] - a) / (hottest(t.meanC[F]) - a), gRatio = (r.upperC[G] - a) / (hottest(t.meanC[G]) - a);
        std::printf("%-6s rise model / measured: lower hallway %.3f (%.1f C against %.1f), stairwell %.3f (%.1f / %.1f), "
                    "F %.3f (%.1f / %.1f), G %.3f (%.1f / %.1f)\n",
                    t.name, lowRatio, modelLow, low.upperC, stairRatio, r.upperC[E], mean(t.meanC[E]), fRatio, r.upperC[F],
                    hottest(t.meanC[F]), gRatio, r.upperC[G], hottest(t.meanC[G]));
        EXPECT_NEAR(lowRatio, 1.0, 0.15) << t.name;
        EXPECT_NEAR(stairRatio, 1.0, 0.10) << t.name;
        EXPECT_NEAR(fRatio, 1.0, 0.10) << t.name;
        EXPECT_NEAR(gRatio, 1.0, 0.10) << t.name;
    }
}

// The pulsed test (ATF_Corridors_Pulse_avg.csv, three repeats averaged): the burner stepped
// 49, 97, 243, 49, 485, 49 kW, about two minutes each, as its measured HRR column gives it. The
// lower hallway's upper layer follows the steps as NIST's reduction of trees A, B, C
// (ATF_Corridors_Pulse_HGL_1.csv) does: at the end of each step rise within 15 %, and from
// 120 s on, every minute, within 30 % (the model's layer cools more slowly after the 485 kW
// step: 1.28 of the measured rise 50 s after it).
TEST(AtfCorridors, TheLowerHallwaysLayerFollowsThePulsedBurner) {
    AtfTest pulse{"pulse", "ATF_Corridors_Pulse_avg.csv", 24.9, 890,
                  {{0, 4.3}, {10, 14}, {20, 20.7}, {30, 26.3}, {40, 34}, {50, 40.3}, {60, 46.7}, {70, 49.3}, {170, 48.7},
                   {180, 54}, {190, 97.3}, {290, 97}, {300, 113.7}, {310, 243}, {410, 242.3}, {420, 230}, {430, 48.7},
                   {530, 49}, {540, 107.7}, {550, 485}, {600, 485}, {610, 486.3}, {620, 484.7}, {650, 485.7}, {660, 427},
                   {670, 48.7}, {890, 48.7}},
                  {},
                  {}};
    const std::pair<double, double> measured[] = {{120, 56.05}, {170, 59.71}, {230, 81.89}, {290, 87.02}, {350, 148.57},
                                                  {410, 156.53}, {470, 82.13}, {530, 74.01}, {590, 229.21}, {650, 241.92},
                                                  {710, 102.19}, {770, 87.26}, {830, 83.69}, {890, 81.51}};
    FireModel m = makeModel(rig(pulse));
    double time = 0;
    for (const auto& [t, upperC] : measured) {
        m.step(t - time);
        time = t;
        double modelC = 0;
        const double weight[] = {0.33, 0.33, 0.34};
        for (int k : {A, B, C}) modelC += weight[k] * m.sample({kTreeAt[k].x, kTreeAt[k].y, 1.0}).upperTempC;
        const double ratio = (modelC - pulse.ambientC) / (upperC - pulse.ambientC);
        const bool stepEnd = t == 170 || t == 290 || t == 410 || t == 530 || t == 650 || t == 890;
        std::printf("pulse %3.0f s: lower hallway upper layer %.1f C, measured %.1f (rise %.2f)%s\n", t, modelC, upperC, ratio,
                    stepEnd ? ", end of a step" : "");
        EXPECT_NEAR(ratio, 1.0, stepEnd ? 0.15 : 0.30) << t << " s";
    }
}

// A known gap, bounded so that it cannot grow unseen (docs/fire.md, "Validation against the ATF
// corridors"): the lower hallway's layer is 0.41-0.50 of the measured depth (NIST's reduction,
// below a 2.4 m ceiling), the upper hallway's 1.3-1.4 times the measured (trees F and G reduced
// the same way over the real 2.65-5.0 m storey). The hot gas leaves the lower hallway more easily
// than in the rig, whose stairwell has flights, a landing and barriers where NIST's zone rig has a
// room open 5 m high (tree D, under the landing, shows the lower hallway's layer running on into
// the stairs' foot).
TEST(AtfCorridors, TheLayerDepthsStayWithinTheirKnownGap) {
    for (size_t i = 0; i < kTests.size(); ++i) {
        const AtfTest& t = kTests[i];
        const Result& r = results()[i];
        const double lowDepth = 2.5 - r.interfaceM[A], lowMeasured = 2.4 - measuredLowerHallway(t).interfaceM;
        const double upDepth = 2.5 - r.interfaceM[F];
        const double upMeasured = 0.5 * (2.35 - integralLayer(kUpperZ, t.meanC[F], 2.65, 5.0).interfaceM +
                                         2.35 - integralLayer(kUpperZ, t.meanC[G], 2.65, 5.0).interfaceM);
        std::printf("%-6s layer depth model / measured: lower hallway %.2f / %.2f m (%.2f), upper hallway %.2f / %.2f m (%.2f)\n",
                    t.name, lowDepth, lowMeasured, lowDepth / lowMeasured, upDepth, upMeasured, upDepth / upMeasured);
        EXPECT_GT(lowDepth / lowMeasured, 0.35) << t.name;
        EXPECT_LT(lowDepth / lowMeasured, 1.15) << t.name;
        EXPECT_GT(upDepth / upMeasured, 0.85) << t.name;
        EXPECT_LT(upDepth / upMeasured, 1.5) << t.name;
    }
}

}  // namespace
