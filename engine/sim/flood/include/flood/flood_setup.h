#pragma once
/// Everything a flood run needs, as plain data: the terrain, roughness, initial water,
/// inflows, rain, boundaries, drains and numerical settings. FloodModel::create validates it.
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "flood/ascii_grid.h"
#include "flood/hazard_rating.h"
#include "flood/time_series.h"

namespace cd::flood {

enum class Side : std::uint8_t { West = 0, East = 1, South = 2, North = 3 };
enum class BoundaryKind : std::uint8_t { Wall, Open, Level };

/// One side of the domain. Wall (default) reflects; Open is a zero-gradient free outflow;
/// Level holds the water surface outside at levelM (or at levelSeries(t) when it is not empty).
struct BoundarySpec {
    BoundaryKind kind = BoundaryKind::Wall;
    double levelM = 0.0;
    TimeSeries levelSeries;
};

/// Discharge (m^3/s against time) added as a mass source on the open cells under a segment
/// (spread evenly over them), or in one cell when isPoint.
struct InflowSpec {
    TimeSeries dischargeM3s;
    double x0M = 0.0, y0M = 0.0, x1M = 0.0, y1M = 0.0;
    bool isPoint = false;
    std::string name;  ///< for messages (usually the CSV path)
};

/// A drain inlet: removes up to capacityM3s from the cell holding (xM, yM), never more than is there.
struct DrainSpec {
    double xM = 0.0, yM = 0.0;
    double capacityM3s = 0.0;
};

struct FloodSetup {
    // Grid: nx * ny square cells, row 0 to the south; cell (i, j) spans
    // [originXM + i*cellSizeM, +cellSizeM) x [originYM + j*cellSizeM, +cellSizeM).
    int nx = 0;
    int ny = 0;
    double cellSizeM = 1.0;
    double originXM = 0.0;
    double originYM = 0.0;
    std::vector<double> bedM;            ///< ground level per cell, nx*ny
    std::vector<std::uint8_t> closed;    ///< optional nx*ny; 1 = no water (DEM NODATA, building footprint)

    double manningN = 0.03;              ///< used when manningGrid is empty
    std::vector<double> manningGrid;     ///< optional nx*ny, s m^-1/3

    std::optional<double> initialLevelM; ///< water surface level; depth = max(0, level - bed)
    std::vector<double> initialDepthM;   ///< optional nx*ny (used when initialLevelM is not set)

    std::vector<InflowSpec> inflows;
    TimeSeries rainMmPerH;               ///< hyetograph on every open cell; empty = no rain
    std::array<BoundarySpec, 4> boundaries{};  ///< indexed by Side
    std::vector<DrainSpec> drains;

    // Numerics and outputs.
    double gravityMs2 = 9.81;
    double cflNumber = 0.45;             ///< dt = cfl / (max Sx/dx + max Sy/dy), Courant number of the 2D step
    double maxTimeStepS = 30.0;
    double thinFilmDepthM = 1e-4;        ///< below this depth velocities are desingularised (Kurganov & Petrova 2007)
    double arrivalDepthM = 0.01;         ///< arrival time = first time depth exceeds this
    LandUse landUse = LandUse::Urban;    ///< debris factor of the hazard rating
    unsigned threads = 1;                ///< worker threads including the caller; results do not depend on it
    bool skipDryTiles = true;            ///< false updates every tile each stage (same results; for tests)
};

/// Fills the grid part of a setup from a DEM: NODATA cells become closed.
void setTerrainFromDem(FloodSetup& setup, const AsciiGrid& dem);

/// Checks sizes, finiteness and ranges; the error names the field.
Status validateFloodSetup(const FloodSetup& setup);

}  // namespace cd::flood
