// Against measured data: Fleury's radiant heat flux from propane burner flames (R. Fleury,
// M. Spearpoint, C. Fleischmann, "Evaluation of thermal radiation models for fire spread between
// objects", Fire and Evacuation Modeling Technical Conference, Baltimore, 2011; Fleury's
// thesis, University of Canterbury, 2010), as NIST keeps them for FDS validation
// (github.com/firemodels/fds Validation/Fleury_Heat_Flux/Experimental_Data). Burners 0.3 x 0.3,
// 0.6 x 0.3 and 0.9 x 0.3 m, their top 0.3 m up, burning 100-300 kW; gauges 0.5-2 m from the
// burner's centre in front of its long face and beside its end, at the burner's top and 0.5, 1.0 and 1.5 m above it, facing the flames. Steady fluxes as NIST's
// files give them (12 of the 15 tests; no file for 1:1 250 kW and 2:1, 3:1 100 kW).
//
// The model is the one people, probes and items get from a fire's flames (radiant_heat.h): Modak's
// point source at half Heskestad's flame height (the burner's equivalent diameter), with propane's
// radiative fraction 0.32 as NIST's correlation inputs for these data take it.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <vector>

#include "fire/plume.h"
#include "fire/radiant_heat.h"

using namespace cd::fire;

namespace {

struct Row {
    double distanceM;
    double front[4], side[4];  // kW/m2 at 0, 0.5, 1.0 and 1.5 m above the burner's top
};
struct FleuryTest {
    int aspect;  // burner 0.3 aspect x 0.3 m
    double hrrKw;
    std::vector<Row> rows;
};

const std::vector<FleuryTest>& tests() {
    static const std::vector<FleuryTest> t = {
        {1, 100, {{0.50, {6.25, 7.98, 3.39, 1.15}, {6.54, 7.78, 3.34, 1.69}},
                    {0.75, {3.31, 4.08, 2.38, 1.06}, {3.58, 4.19, 2.30, 1.10}},
                    {1.00, {2.10, 2.55, 1.81, 0.99}, {2.34, 2.65, 1.75, 1.04}},
                    {1.50, {1.12, 1.27, 1.08, 0.75}, {1.25, 1.33, 1.10, 0.81}},
                    {2.00, {0.72, 0.77, 0.71, 0.56}, {0.79, 0.80, 0.73, 0.59}}}},
        {1, 150, {{0.50, {6.87, 10.46, 5.99, 2.01}, {7.10, 10.00, 5.48, 2.45}},
                    {0.75, {4.10, 5.43, 3.75, 1.86}, {4.80, 6.32, 3.99, 2.03}},
                    {1.00, {2.74, 3.42, 2.67, 1.58}, {3.18, 3.80, 2.74, 1.71}},
                    {1.50, {1.72, 1.98, 1.77, 1.25}, {1.91, 2.14, 1.77, 1.32}},
                    {2.00, {1.02, 1.11, 1.06, 0.87}, {1.17, 1.21, 1.11, 0.94}}}},
        {1, 200, {{0.50, {7.44, 11.41, 7.88, 3.62}, {8.98, 15.70, 10.64, 5.10}},
                    {0.75, {4.57, 6.36, 5.01, 2.76}, {5.57, 7.85, 5.74, 3.17}},
                    {1.00, {3.44, 4.54, 3.85, 2.38}, {4.11, 5.43, 4.25, 2.71}},
                    {1.50, {1.99, 2.32, 2.17, 1.65}, {2.27, 2.58, 2.27, 1.79}},
                    {2.00, {1.28, 1.41, 1.37, 1.14}, {1.41, 1.50, 1.39, 1.17}}}},
        {1, 300, {{0.50, {8.04, 14.27, 12.14, 6.50}, {9.71, 22.33, 21.97, 13.57}},
                    {0.75, {5.59, 8.77, 8.12, 5.06}, {6.57, 10.33, 9.28, 6.23}},
                    {1.00, {4.09, 5.81, 5.62, 3.94}, {4.77, 6.68, 6.20, 4.69}},
                    {1.50, {2.58, 3.21, 3.24, 2.59}, {3.02, 3.80, 3.59, 3.06}},
                    {2.00, {1.68, 1.94, 1.99, 1.72}, {1.80, 2.05, 1.97, 1.83}}}},
        {2, 150, {{0.50, {7.65, 11.65, 6.19, 2.29}, {6.93, 8.53, 4.42, 2.22}},
                    {0.75, {4.73, 6.68, 4.34, 1.82}, {4.29, 5.51, 3.35, 1.77}},
                    {1.00, {3.01, 3.99, 2.98, 1.59}, {2.79, 3.55, 2.49, 1.59}},
                    {1.50, {1.68, 2.04, 1.79, 1.22}, {1.59, 1.86, 1.55, 1.21}},
                    {2.00, {1.07, 1.20, 1.13, 0.88}, {1.00, 1.12, 1.02, 0.88}}}},
        {2, 200, {{0.50, {9.99, 14.01, 7.68, 3.13}, {12.51, 15.99, 8.31, 4.51}},
                    {0.75, {5.75, 7.92, 5.37, 2.64}, {6.76, 9.11, 5.57, 2.95}},
                    {1.00, {3.89, 5.16, 4.03, 2.34}, {4.36, 5.59, 3.96, 2.45}},
                    {1.50, {2.15, 2.57, 2.30, 1.66}, {2.32, 2.72, 2.28, 1.75}},
                    {2.00, {1.30, 1.47, 1.39, 1.13}, {1.38, 1.53, 1.40, 1.17}}}},
        {2, 250, {{0.50, {10.40, 16.12, 10.77, 4.67}, {12.48, 17.80, 11.09, 5.92}},
                    {0.75, {6.73, 9.68, 7.26, 3.75}, {7.49, 10.50, 7.17, 4.07}},
                    {1.00, {4.77, 6.41, 5.21, 3.07}, {5.17, 6.82, 5.07, 3.26}},
                    {1.50, {2.65, 3.19, 2.92, 2.17}, {2.75, 3.27, 2.86, 2.25}},
                    {2.00, {1.72, 1.94, 1.89, 1.58}, {1.86, 2.09, 1.93, 1.68}}}},
        {2, 300, {{0.50, {11.51, 18.53, 13.72, 6.85}, {14.28, 21.61, 15.55, 9.53}},
                    {0.75, {7.47, 11.12, 9.12, 5.09}, {8.34, 12.10, 9.08, 5.64}},
                    {1.00, {5.00, 6.74, 5.90, 3.85}, {5.45, 7.27, 5.88, 4.21}},
                    {1.50, {2.86, 3.46, 3.31, 2.54}, {3.02, 3.64, 3.25, 2.73}},
                    {2.00, {1.84, 2.08, 2.05, 1.68}, {1.80, 2.06, 1.92, 1.74}}}},
        {3, 150, {{0.50, {9.13, 10.95, 4.44, 1.75}, {12.54, 10.00, 3.74, 1.96}},
                    {0.75, {5.31, 6.73, 3.58, 1.49}, {5.60, 6.36, 3.03, 1.49}},
                    {1.00, {3.49, 4.45, 2.92, 1.48}, {3.54, 4.42, 2.55, 1.48}},
                    {1.50, {1.78, 2.18, 1.84, 1.22}, {1.64, 2.01, 1.63, 1.22}},
                    {2.00, {1.13, 1.30, 1.22, 0.94}, {1.07, 1.25, 1.10, 0.94}}}},
        {3, 200, {{0.50, {11.93, 14.89, 6.42, 2.39}, {18.85, 14.82, 5.64, 2.70}},
                    {0.75, {6.84, 8.91, 5.18, 2.27}, {7.48, 8.84, 4.41, 2.26}},
                    {1.00, {4.36, 5.49, 3.85, 2.03}, {4.31, 5.37, 3.34, 2.04}},
                    {1.50, {2.23, 2.62, 2.27, 1.52}, {2.05, 2.42, 1.93, 1.52}},
                    {2.00, {1.28, 1.39, 1.29, 0.98}, {1.12, 1.25, 1.08, 0.96}}}},
        {3, 250, {{0.50, {13.10, 17.98, 9.95, 4.00}, {20.42, 19.52, 8.59, 3.91}},
                    {0.75, {8.18, 11.10, 7.02, 3.23}, {9.47, 11.91, 6.34, 3.24}},
                    {1.00, {5.57, 7.27, 5.34, 2.91}, {6.01, 7.79, 4.90, 2.94}},
                    {1.50, {2.99, 3.61, 3.17, 2.20}, {2.89, 3.56, 2.89, 2.22}},
                    {2.00, {1.86, 2.11, 2.01, 1.61}, {1.81, 2.10, 1.90, 1.61}}}},
        {3, 300, {{0.50, {15.01, 21.31, 12.43, 5.24}, {25.84, 25.59, 12.34, 6.32}},
                    {0.75, {8.98, 12.42, 8.55, 4.29}, {10.79, 14.10, 8.16, 4.45}},
                    {1.00, {6.12, 8.00, 6.26, 3.66}, {6.53, 8.50, 5.86, 3.76}},
                    {1.50, {3.24, 3.87, 3.51, 2.51}, {3.24, 3.94, 3.25, 2.61}},
                    {2.00, {1.94, 2.14, 2.05, 1.62}, {1.82, 2.07, 1.82, 1.63}}}}
    };
    return t;
}

constexpr double kRadiativeFraction = 0.32, kBurnerTopM = 0.3;

/// Model over measured for every gauge at one distance from the burner's centre.
std::vector<double> ratiosAt(double distanceM) {
    std::vector<double> out;
    for (const FleuryTest& t : tests()) {
        const double diameter = equivalentDiameterM(0.09 * t.aspect), flame = heskestadFlameHeightM(t.hrrKw, diameter);
        for (const Row& row : t.rows) {
            if (std::fabs(row.distanceM - distanceM) > 1e-9) continue;
            for (int k = 0; k < 4; ++k) {
                const double z = kBurnerTopM + 0.5 * k;
                const double q = flameFluxKwM2(t.hrrKw, kRadiativeFraction, {0, 0, kBurnerTopM}, flame, diameter, {distanceM, 0, z});
                out.push_back(q / row.front[k]);
                out.push_back(q / row.side[k]);
            }
        }
    }
    return out;
}

struct Spread {
    double mean, lo, hi;
};
Spread spread(const std::vector<double>& r) {
    double sum = 0;
    for (double x : r) sum += x;
    return {sum / static_cast<double>(r.size()), *std::min_element(r.begin(), r.end()), *std::max_element(r.begin(), r.end())};
}

// From 1.5 m (2.5-4.4 burner diameters, where the point source is meant to hold: Beyler, SFPE
// Handbook ch. 66) the model's flux is 0.86 of the measured on average, within 20 %, and every gauge
// within 40 % (the point source at half the flame's height under-predicts most at the burner's
// own height, 0.74-0.78 on average there). At 1 m: each within 50 %, the mean within 20 %.
TEST(FleuryHeatFlux, BeyondTwoBurnerDiametersThePointSourceGivesTheMeasuredFlux) {
    for (double d : {1.0, 1.5, 2.0}) {
        const Spread s = spread(ratiosAt(d));
        std::printf("Fleury, %.2f m from the burner: model / measured %.2f on average, %.2f-%.2f\n", d, s.mean, s.lo, s.hi);
        EXPECT_NEAR(s.mean, 1.0, 0.2) << d << " m";
        EXPECT_GT(s.lo, d < 1.25 ? 0.5 : 0.6) << d << " m";
        EXPECT_LT(s.hi, d < 1.25 ? 1.5 : 1.4) << d << " m";
    }
}

// Closer (0.5 and 0.75 m, under 1.5 burner diameters from a flame up to 2 m tall) the point source
// does not hold: a known gap, bounded. The model gives 0.15-2.5 times the measured there: low at the
// burner's own height (the 0.9 m burner at 300 kW, 0.5 m off: 4.0 against 25.8 kW/m2), high level
// with the middle of the flames where the point sits (1:1 at 300 kW, 1 m up: 30.5 against 12.1).
TEST(FleuryHeatFlux, CloseToTheFlamesThePointSourceStaysWithinItsKnownGap) {
    for (double d : {0.5, 0.75}) {
        const Spread s = spread(ratiosAt(d));
        std::printf("Fleury, %.2f m from the burner: model / measured %.2f on average, %.2f-%.2f\n", d, s.mean, s.lo, s.hi);
        EXPECT_GT(s.lo, 0.1) << d << " m";
        EXPECT_LT(s.hi, 3.0) << d << " m";
    }
}

}  // namespace
