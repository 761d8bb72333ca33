#pragma once
/// FloodModel: 2D shallow-water equations by finite volumes on a regular grid.
///  - HLL fluxes (Toro 2001, "Shock-capturing methods for free-surface shallow flows", ch. 10),
///  - hydrostatic reconstruction, well balanced and depth positive (Audusse, Bouchut, Bristeau,
///    Klein & Perthame 2004, SIAM J. Sci. Comput. 25(6), 2050-2065, eqs. 2.8-2.12 and sec. 3),
///  - MUSCL with the van Leer limiter on depth, surface level and velocities; Heun (RK2) in time,
///  - velocities desingularised in thin films (Kurganov & Petrova 2007, Commun. Math. Sci. 5(1),
///    eq. 2.17),
///  - Manning friction split off and integrated implicitly (cf. Liang & Marche 2009, Adv. Water
///    Resour. 32(6), 873-884),
///  - adaptive time step from the CFL condition on the HLL wave speeds.
/// The grid is swept in 16 x 16 tiles; only tiles holding water or next to one are updated
/// (dry tiles far from water cannot change), and threads take runs of active tiles from a
/// shared counter. Every face flux is computed by one formula and every cell writes only its
/// own state, so results are bit-identical for any thread count and with or without skipping.
#include <cstdint>
#include <memory>
#include <vector>

#include "core/hash.h"
#include "core/result.h"
#include "flood/flood_setup.h"
#include "flood/hazard_rating.h"

namespace cd {
class JobPool;
}

namespace cd::flood {

/// Read-only view of the grid for the renderer and queries; valid until the next advance.
struct FloodGrid {
    int nx = 0;
    int ny = 0;
    double originXM = 0.0;  ///< west edge
    double originYM = 0.0;  ///< south edge
    double cellSizeM = 1.0;
    const double* depthM = nullptr;   ///< nx*ny, row 0 south
    const double* qxM2s = nullptr;    ///< unit discharge east (h u)
    const double* qyM2s = nullptr;    ///< unit discharge north (h v)
    const double* bedM = nullptr;
    const std::uint8_t* closed = nullptr;  ///< 1 = no water (NODATA / building)
    const double* maxDepthM = nullptr;
    const double* arrivalTimeS = nullptr;  ///< -1 where the water has not arrived
};

/// The water at a point (the cell holding it).
struct FloodSample {
    double depthM = 0.0;
    double levelM = 0.0;  ///< water surface (bed + depth)
    double uMs = 0.0;
    double vMs = 0.0;
    double hazardRating = 0.0;
    HazardClass hazardClass = HazardClass::Low;
    bool inside = false;  ///< false outside the grid or in a closed cell
};

/// Running volume account (m^3) since the start.
struct FloodVolumes {
    double storedM3 = 0.0;
    double initialM3 = 0.0;
    double inflowM3 = 0.0;
    double rainM3 = 0.0;
    double drainedM3 = 0.0;
    double boundaryInM3 = 0.0;   ///< net volume that came in through open / level sides (negative = out)
    double clippedM3 = 0.0;      ///< negative depths set to zero (round-off), should stay ~0
    /// stored - (initial + inflow + rain - drained + boundaryIn + clipped)
    double imbalanceM3() const { return storedM3 - (initialM3 + inflowM3 + rainM3 - drainedM3 + boundaryInM3 + clippedM3); }
};

class FloodModel {
public:
    static Result<std::unique_ptr<FloodModel>> create(FloodSetup setup);
    ~FloodModel();
    FloodModel(const FloodModel&) = delete;
    FloodModel& operator=(const FloodModel&) = delete;

    /// Advances to timeS with adaptive sub-steps (the last one shortened to land on timeS).
    void advanceTo(double timeS);
    /// Advances by dtS with adaptive sub-steps.
    void step(double dtS) { advanceTo(timeS_ + dtS); }
    /// One adaptive step of at most maxDtS; returns the step taken.
    double stepOnce(double maxDtS);

    double timeS() const { return timeS_; }
    std::uint64_t stepCount() const { return steps_; }
    double lastTimeStepS() const { return lastDtS_; }

    FloodGrid grid() const;
    FloodSample sample(double xM, double yM) const;
    /// Velocity of cell (i, j), desingularised in thin films.
    void velocity(int i, int j, double& uMs, double& vMs) const;
    FloodVolumes volumes() const;
    const FloodSetup& setup() const { return setup_; }

    /// Adds an inflow hydrograph at run time (a river overtopping, a burst main); returns its id.
    Result<int> addInflow(const InflowSpec& inflow);
    /// Stops an inflow added before; false for an unknown id.
    bool removeInflow(int id);
    /// Levee breach: lowers the bed to at most crestLevelM in the cells within widthM/2 of the
    /// segment (water already there keeps its depth, so volume is conserved). Returns cells changed.
    int lowerBed(double x0M, double y0M, double x1M, double y1M, double widthM, double crestLevelM);
    /// Adds a drain inlet at run time; returns false when the point is outside or closed.
    bool addDrain(const DrainSpec& drain);

    /// Cells updated so far, counting a Heun step (two stages) of one cell as one update; dry
    /// tiles away from water are skipped and not counted.
    double cellUpdates() const;

    /// Hashes time, depths, discharges and bed (bitwise) for determinism checks.
    void hash(StateHasher& hasher) const;

    /// Cell index holding (xM, yM), or -1 outside the grid.
    int cellAt(double xM, double yM) const;

private:
    explicit FloodModel(FloodSetup setup);
    struct Source {
        int id = 0;
        TimeSeries discharge;
        std::vector<int> cells;
        bool active = true;
    };
    struct Scratch;

    double stage(int which, double dtS);
    void tileStage(int which, double dtS, int ty, int tx0, int tx1, Scratch& s, std::uint8_t* dstWet);
    void primRow(int r, int lo, int hi, const double* hs, const double* qxs, const double* qys, Scratch& s) const;
    void refreshWetTiles();
    int tileOf(size_t cell) const;
    void applySources(double t0S, double dtS);
    double initialSpeedMeasure() const;
    double sourceLimitedStep(double dtS) const;
    std::vector<int> cellsUnderSegment(double x0M, double y0M, double x1M, double y1M, double halfWidthM) const;
    double boundaryLevel(int side, double timeS) const;

    FloodSetup setup_;
    int nx_ = 0, ny_ = 0;
    double dx_ = 1.0;
    std::vector<double> h0_, qx0_, qy0_;  // state at the start of the step (and after it)
    std::vector<double> h1_, qx1_, qy1_;  // Heun predictor
    std::vector<double> z_;
    std::vector<std::uint8_t> closed_;
    std::vector<double> frictionK_;       // g n^2 per cell
    std::vector<double> maxDepth_, arrival_;
    // Tiles of kTileCells x kTileCells cells, row-major. A stage updates only the active tiles:
    // those holding water or next to a tile that does (the stencil reaches 2 cells), those on a
    // level side, and all of them under rain. Elsewhere nothing can change.
    static constexpr int kTileCells = 16;
    int tilesX_ = 0, tilesY_ = 0;
    std::vector<std::uint8_t> tileWet0_, tileWet1_;         // any h > 0 in the tile, in U0 / U1
    std::vector<std::uint8_t> tileLevel_;                   // the tile touches a level side
    std::vector<std::uint8_t> tileInU1_;                    // updated by the last predictor (else U1 = 0 there)
    struct TileRun {
        int ty, tx0, tx1;
    };
    std::vector<TileRun> activeRuns_;                       // active tiles, in runs along tile rows
    double cellUpdates_ = 0.0;                              // cells x stages / 2 updated, for cellUpdates()
    std::vector<double> boundaryWest_, boundaryEast_, boundarySouth_, boundaryNorth_;  // stage-summed boundary mass fluxes (m^2/s)
    std::vector<double> clipTile_;                          // clipped negative depths per tile
    double frictionK0_ = 0.0;                               // g n^2 when uniform
    double stageTimeS_ = 0.0;
    double rainDepthM_ = 0.0;                               // rain added in the current step
    size_t openCells_ = 0;
    std::vector<std::unique_ptr<Scratch>> scratch_;
    std::unique_ptr<JobPool> pool_;
    std::vector<Source> sources_;
    std::vector<int> drainCells_;
    std::vector<double> drainCapacity_;
    int nextSourceId_ = 1;
    double timeS_ = 0.0;
    double lastDtS_ = 0.0;
    double speedMeasure_ = -1.0;  // max(Sx/dx + Sy/dy) seen in the last step, < 0 = unknown
    std::uint64_t steps_ = 0;
    FloodVolumes vol_;
};

}  // namespace cd::flood
