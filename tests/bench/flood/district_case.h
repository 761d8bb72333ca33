#pragma once
// The "typical flood" of the speed target (issue 4): a levee breach into a 1 km x 1 km city
// district at 1 m cells. Synthetic but city-like, so the benchmark is reproducible without
// data files:
//  - ground rising gently from the river (south) to the north, 1 : 500, with 0.3 m swells;
//  - a grid of streets (12 m wide east-west, 10 m north-south, 0.15 m below the kerb) around
//    blocks of 80 m x 60 m; each block holds four buildings (closed cells, building-hole
//    representation) separated by 4 m alleys and set back 3 m behind pavements;
//  - a 30 m riverside park along the levee (south edge, a wall), Manning 0.035; streets and
//    alleys 0.015, pavements and yards 0.025;
//  - the breach: an inflow on a 40 m line at the south edge, x in [480, 520] m, rising linearly
//    from 0 to 50 m^3/s over the first 10 min and held; west, east and north sides open
//    (the water runs on into the rest of the town).
// 45 % of the cells are buildings. After 20 simulated minutes 45 000 m^3 has entered and a
// quarter of the open area is wet: the spreading phase the speed target is about.
#include <algorithm>
#include <cmath>

#include "flood/flood_setup.h"

namespace cd::flood::bench {

inline FloodSetup districtBreach(int n, unsigned threads) {
    FloodSetup s;
    s.nx = s.ny = n;
    s.cellSizeM = 1000.0 / n;
    const double dx = s.cellSizeM;
    const size_t cells = static_cast<size_t>(n) * n;
    s.bedM.assign(cells, 0.0);
    s.closed.assign(cells, 0);
    s.manningGrid.assign(cells, 0.025);
    for (int j = 0; j < n; ++j) {
        for (int i = 0; i < n; ++i) {
            const size_t k = static_cast<size_t>(j) * n + i;
            const double x = (i + 0.5) * dx, y = (j + 0.5) * dx;
            double z = 10.0 + y / 500.0 + 0.3 * std::sin(x / 97.0) * std::cos(y / 131.0);
            double nM = 0.025;
            if (y < 30.0) {
                nM = 0.035;  // riverside park
            } else {
                const double bx = std::fmod(x, 80.0), by = std::fmod(y - 30.0, 60.0);
                const bool streetNS = bx < 10.0, streetEW = by < 12.0;
                if (streetNS || streetEW) {
                    z -= 0.15;
                    nM = 0.015;
                } else {
                    // Block interior [10, 80) x [12, 60): 3 m pavement, then 2 x 2 buildings
                    // with a 4 m alley between them.
                    const double ix = bx - 10.0, iy = by - 12.0;  // 0..70, 0..48
                    const bool setback = ix < 3.0 || ix >= 67.0 || iy < 3.0 || iy >= 45.0;
                    const bool alley = (ix >= 33.0 && ix < 37.0) || (iy >= 22.0 && iy < 26.0);
                    if (alley) {
                        z -= 0.05;
                        nM = 0.015;
                    } else if (!setback) {
                        s.closed[k] = 1;
                    }
                }
            }
            s.bedM[k] = z;
            s.manningGrid[k] = nM;
        }
    }
    InflowSpec breach;
    breach.dischargeM3s = TimeSeries::make({0.0, 600.0}, {0.0, 50.0}, "breach").value();
    breach.x0M = 480.0;
    breach.y0M = 0.5 * dx;
    breach.x1M = 520.0;
    breach.y1M = 0.5 * dx;
    breach.name = "breach";
    s.inflows.push_back(breach);
    s.boundaries[static_cast<int>(Side::West)].kind = BoundaryKind::Open;
    s.boundaries[static_cast<int>(Side::East)].kind = BoundaryKind::Open;
    s.boundaries[static_cast<int>(Side::North)].kind = BoundaryKind::Open;
    s.threads = threads;
    return s;
}

}  // namespace cd::flood::bench
