#pragma once
// UK Environment Agency 2D benchmark, Test 4 "Speed of flood propagation over an extended
// floodplain" (Néelz & Pender 2013, "Benchmarking the latest generation of 2D hydraulic modelling
// packages", EA report SC120002; first edition Néelz & Pender 2010, SC080035): the set-up and the
// published reference figures the verification tests compare with. Where each number comes from:
//
// Set-up (EA 2010 Test 4 dataset; the same numbers in LISFLOOD-FP 8.0's reproducibility package,
// Shaw et al. 2021, Geosci. Model Dev. 14, 3577-3602, data: Zenodo doi:10.5281/zenodo.4066824,
// CC-BY 4.0, files ea4.par, ea4.bci, ea4.bdy, ea4.stage):
//  - flat plain at 0 m, 1000 m west-east (x) by 2000 m south-north (y), Manning n = 0.05,
//    5 m cells, dry start, 5 h simulated (ea4.par: fpfric 0.05, sim_time 18000);
//  - inflow on the 20 m line x = 0, 990 <= y <= 1010 (ea4.bci "W 990.0 1010.0 QVAR test4");
//  - hydrograph (ea4.bdy, in LISFLOOD's unit-width convention, x 20 m = m^3/s): 0 at 0 s and
//    300 s, 20 m^3/s at 3600 s, held to 14400 s, 0 at 18000 s. Its volume, 285 000 m^3, is the
//    total of the EA's own file Test4BC.csv (minutes vs m^3/s) as quoted by the deceris_inundation
//    harness (github.com/u11d-com/deceris_inundation, deceris/inundation/bench/flood_propagation.py);
//  - output points 1-6: (50,1000) (100,1000) (200,1000) (300,1000) (400,1000) (300,1300)
//    (EA Test4output.csv in that repository's benchmark_assets/Test4 dataset 2010; ea4.stage;
//    and the table "Required output" of the Tygron wiki page "UK EA benchmark 4 (Water Module)",
//    support.tygron.com). The EA specification closes every side but the inflow line; the
//    LISFLOOD-FP package sets E, S and N to FREE (ea4.bci), which only matters once the front
//    reaches a side (after ~3 h; every output point is wet by 70 min).
//
// Reference results: LISFLOOD-FP 8.0 depth series at the six points, published in the same
// Zenodo package (files reference/ea4-5m-dg2.stage: second-order discontinuous Galerkin full
// shallow-water solver on the 5 m grid, rows every ~60 s; reference/ea4-1m-acc.stage: the local
// inertial "ACC" solver, the LISFLOOD-FP scheme entered in the EA benchmark, on a 1 m grid, rows
// every ~100 s). We read them from the copy in github.com/franciscoparrao/hydroflux,
// benchmarks/data/uk_ea/test4/reference/. These are two published runs of one package, NOT the
// spread of the ~15 industry packages in the EA report: the report shows that spread only as
// curves in its figures, and its numbers were not available to us.
//
// Arrival = the first time the depth exceeds 0.01 m. The published series are sampled, so each
// reference arrival is a bracket: the last row at or below 0.01 m and the first row above it.

#include <array>

#include "flood/flood_model.h"

namespace ea4 {

constexpr double kWidthM = 1000.0;   // x, west-east
constexpr double kLengthM = 2000.0;  // y, south-north
constexpr double kCellM = 5.0;
constexpr double kManningN = 0.05;
constexpr double kArrivalDepthM = 0.01;
constexpr double kEndS = 18000.0;
constexpr double kHydrographVolumeM3 = 285000.0;  // EA Test4BC.csv total (see above)

struct Point {
    double xM, yM;
};
constexpr std::array<Point, 6> kPoints{{{50, 1000}, {100, 1000}, {200, 1000}, {300, 1000}, {400, 1000}, {300, 1300}}};

/// A published arrival bracket (s): depth <= 0.01 m at loS, > 0.01 m at hiS.
struct Bracket {
    double loS, hiS;
};
// ea4-5m-dg2.stage rows around the crossing, e.g. point 1: 600.554 s 0.0022 m, 660.068 s 0.0393 m.
constexpr std::array<Bracket, 6> kArrivalDg2{{{600.554, 660.068}, {960.197, 1020.607}, {1800.007, 1860.105},
                                               {2700.127, 2760.050}, {3660.356, 3720.189}, {3960.288, 4020.121}}};
// ea4-1m-acc.stage rows around the crossing, e.g. point 1: 600.201 s 0.0001 m, 700.213 s 0.0588 m.
constexpr std::array<Bracket, 6> kArrivalAcc{{{600.201, 700.213}, {900.151, 1000.342}, {1800.099, 1900.208},
                                               {2700.180, 2800.195}, {3600.203, 3700.268}, {3900.044, 4000.059}}};

/// Published depths (m) at the six points at one time, from both runs.
struct DepthRow {
    double timeS;               ///< the nominal time we compare at
    std::array<double, 6> dg2;  ///< ea4-5m-dg2.stage row nearest timeS
    std::array<double, 6> acc;  ///< ea4-1m-acc.stage row nearest timeS
};
constexpr std::array<DepthRow, 5> kDepths{{
    // 1 h: points 5 and 6 still dry in both.  Rows 3600.139 s (DG2), 3600.203 s (ACC).
    {3600.0, {0.3092, 0.2461, 0.1739, 0.1137, 0.0, 0.0}, {0.3132, 0.2487, 0.1753, 0.1146, 0.0, 0.0}},
    // 2 h.  Rows 7200.149 s, 7200.221 s.
    {7200.0, {0.3221, 0.2689, 0.2166, 0.1830, 0.1546, 0.1475}, {0.3262, 0.2715, 0.2180, 0.1839, 0.1554, 0.1486}},
    // 3 h.  Rows 10800.091 s, 10800.216 s.
    {10800.0, {0.3241, 0.2727, 0.2240, 0.1946, 0.1718, 0.1665}, {0.3283, 0.2752, 0.2253, 0.1955, 0.1725, 0.1674}},
    // 4 h, end of the 20 m^3/s plateau.  Rows 14400.032 s, 14400.075 s.
    {14400.0, {0.3251, 0.2745, 0.2275, 0.1999, 0.1794, 0.1747}, {0.3293, 0.2771, 0.2287, 0.2008, 0.1800, 0.1755}},
    // 5 h, inflow back to 0.  Rows 18000.475 s, 18000.405 s.
    {18000.0, {0.1535, 0.1542, 0.1538, 0.1520, 0.1492, 0.1482}, {0.1516, 0.1524, 0.1518, 0.1494, 0.1457, 0.1446}},
}};
/// Largest depth of each series over 0-5 h (all reached between 4.0 h and 4.2 h).
constexpr std::array<double, 6> kPeakDg2{0.3251, 0.2745, 0.2275, 0.2002, 0.1800, 0.1755};
constexpr std::array<double, 6> kPeakAcc{0.3293, 0.2771, 0.2288, 0.2010, 0.1805, 0.1761};

// Tolerances, chosen before our run: the envelope of the two published runs widened by
// max(60 s, 5 %) for arrival times (60 s: the row spacing of the DG2 series; 5 %: of the order of
// the DG2/ACC difference itself) and by 5 % for depths.
constexpr double kArrivalSlackS = 60.0;
constexpr double kRelativeSlack = 0.05;

/// The Test 4 set-up, on the specified 5 m cells unless cellM says otherwise (it must divide 10 m,
/// so that the inflow line and the output points stay on cell edges). farSidesOpen = true gives
/// free outflow on E, S and N as in the LISFLOOD-FP package (ea4.bci FREE); false closes them as
/// the EA specification says.
inline cd::flood::FloodSetup makeSetup(bool farSidesOpen, unsigned threads, double cellM = kCellM) {
    using namespace cd::flood;
    FloodSetup s;
    s.nx = static_cast<int>(kWidthM / cellM);   // 200 at 5 m
    s.ny = static_cast<int>(kLengthM / cellM);  // 400 at 5 m
    s.cellSizeM = cellM;
    s.bedM.assign(static_cast<size_t>(s.nx) * s.ny, 0.0);
    s.manningN = kManningN;
    s.arrivalDepthM = kArrivalDepthM;
    InflowSpec in;
    in.dischargeM3s = *TimeSeries::make({0, 300, 3600, 14400, 18000}, {0, 0, 20, 20, 0}, "ea4.bdy");
    in.x0M = 0.0;
    in.y0M = 990.0;
    in.x1M = 0.0;
    in.y1M = 1010.0;
    in.name = "ea4.bdy";
    s.inflows.push_back(in);
    if (farSidesOpen)
        for (Side side : {Side::East, Side::South, Side::North}) s.boundaries[static_cast<int>(side)].kind = BoundaryKind::Open;
    s.threads = threads;
    return s;
}

/// The four cells meeting at a point that lies on cell corners (all six output points do, on a
/// 5 m or 10 m grid), so a value "at the point" is their mean: bilinear interpolation at the corner.
inline std::array<int, 4> cornerCells(const cd::flood::FloodModel& m, Point p) {
    const double h = 0.5 * m.setup().cellSizeM;
    return {m.cellAt(p.xM - h, p.yM - h), m.cellAt(p.xM + h, p.yM - h), m.cellAt(p.xM - h, p.yM + h),
            m.cellAt(p.xM + h, p.yM + h)};
}

inline double meanAt(const cd::flood::FloodModel& m, const double* field, Point p) {
    double sum = 0.0;
    for (int k : cornerCells(m, p)) sum += field[k];
    return 0.25 * sum;
}

/// Arrival at a corner point: the mean of its four cells' arrival times (-1 if any is still dry).
inline double arrivalAt(const cd::flood::FloodModel& m, Point p) {
    const cd::flood::FloodGrid g = m.grid();
    for (int k : cornerCells(m, p))
        if (g.arrivalTimeS[k] < 0.0) return -1.0;
    return meanAt(m, g.arrivalTimeS, p);
}

inline double depthAt(const cd::flood::FloodModel& m, Point p) { return meanAt(m, m.grid().depthM, p); }

}  // namespace ea4
