#include "flood/flood_setup.h"

#include <cmath>

namespace cd::flood {

void setTerrainFromDem(FloodSetup& s, const AsciiGrid& dem) {
    s.nx = dem.ncols;
    s.ny = dem.nrows;
    s.cellSizeM = dem.cellSizeM;
    s.originXM = dem.xllCornerM;
    s.originYM = dem.yllCornerM;
    s.bedM = dem.values;
    s.closed.assign(dem.values.size(), 0);
    for (size_t k = 0; k < dem.values.size(); ++k) {
        if (dem.nodata && dem.values[k] == *dem.nodata) {
            s.closed[k] = 1;
            s.bedM[k] = 0.0;
        }
    }
}

Status validateFloodSetup(const FloodSetup& s) {
    if (s.nx < 1 || s.ny < 1) return makeError("grid must have at least one cell", {}, 0, "nx/ny");
    if (!(s.cellSizeM > 0) || !std::isfinite(s.cellSizeM)) return makeError("must be > 0", {}, 0, "cellSizeM");
    const size_t n = static_cast<size_t>(s.nx) * s.ny;
    if (s.bedM.size() != n) return makeError("needs nx*ny values", {}, 0, "bedM");
    if (!s.closed.empty() && s.closed.size() != n) return makeError("needs nx*ny values or none", {}, 0, "closed");
    for (size_t k = 0; k < n; ++k)
        if (!std::isfinite(s.bedM[k])) return makeError("not finite at cell " + std::to_string(k), {}, 0, "bedM");
    if (s.manningGrid.empty()) {
        if (!(s.manningN >= 0) || !std::isfinite(s.manningN)) return makeError("must be >= 0", {}, 0, "manningN");
    } else {
        if (s.manningGrid.size() != n) return makeError("needs nx*ny values", {}, 0, "manningGrid");
        for (size_t k = 0; k < n; ++k)
            if (!(s.manningGrid[k] >= 0) || !std::isfinite(s.manningGrid[k]))
                return makeError("must be >= 0 (cell " + std::to_string(k) + ")", {}, 0, "manningGrid");
    }
    if (s.initialLevelM && !std::isfinite(*s.initialLevelM)) return makeError("not finite", {}, 0, "initialLevelM");
    if (!s.initialDepthM.empty()) {
        if (s.initialDepthM.size() != n) return makeError("needs nx*ny values", {}, 0, "initialDepthM");
        for (size_t k = 0; k < n; ++k)
            if (!(s.initialDepthM[k] >= 0) || !std::isfinite(s.initialDepthM[k]))
                return makeError("must be >= 0 (cell " + std::to_string(k) + ")", {}, 0, "initialDepthM");
    }
    for (const auto& in : s.inflows) {
        if (in.dischargeM3s.empty()) return makeError("empty hydrograph", in.name, 0, "inflow");
        for (double v : {in.x0M, in.y0M, in.x1M, in.y1M})
            if (!std::isfinite(v)) return makeError("coordinate not finite", in.name, 0, "inflow");
    }
    if (!s.rainMmPerH.empty() && s.rainMmPerH.minValue() < 0) return makeError("rain intensity must be >= 0", {}, 0, "rainMmPerH");
    for (const auto& d : s.drains)
        if (!(d.capacityM3s >= 0) || !std::isfinite(d.capacityM3s)) return makeError("must be >= 0", {}, 0, "drain.capacityM3s");
    if (!(s.gravityMs2 > 0)) return makeError("must be > 0", {}, 0, "gravityMs2");
    if (!(s.cflNumber > 0 && s.cflNumber <= 0.5)) return makeError("must be in (0, 0.5]", {}, 0, "cflNumber");
    if (!(s.maxTimeStepS > 0)) return makeError("must be > 0", {}, 0, "maxTimeStepS");
    if (!(s.thinFilmDepthM > 0)) return makeError("must be > 0", {}, 0, "thinFilmDepthM");
    if (!(s.arrivalDepthM >= 0)) return makeError("must be >= 0", {}, 0, "arrivalDepthM");
    return Ok{};
}

}  // namespace cd::flood
