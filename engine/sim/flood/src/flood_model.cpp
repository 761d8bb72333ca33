// FloodModel: set-up, time stepping (Heun with adaptive CFL step), sources, queries.
// The stage kernel itself is in flood_stage.cpp.
#include "flood/flood_model.h"

#include <algorithm>
#include <atomic>
#include <cmath>

#include "core/job_pool.h"
#include "flood_numerics.h"
#include "flood_scratch.h"

namespace cd::flood {

namespace {
// CFL above which a predictor is recomputed with a shorter step (positivity of the
// second-order hydrostatic reconstruction needs dt (Sx/dx + Sy/dy) <= 1/2, Audusse et al. 2004 sec. 3).
constexpr double kCflHardLimit = 0.5;
constexpr size_t kMinCellsForThreads = 16384;
constexpr int kMaxRunTiles = 16;
}  // namespace

FloodModel::FloodModel(FloodSetup setup) : setup_(std::move(setup)) {}
FloodModel::~FloodModel() = default;

Result<std::unique_ptr<FloodModel>> FloodModel::create(FloodSetup setup) {
    if (auto st = validateFloodSetup(setup); !st) return st.error();
    for (int side = 0; side < 4; ++side) {
        const auto& b = setup.boundaries[side];
        if (b.kind == BoundaryKind::Level && b.levelSeries.empty() && !std::isfinite(b.levelM))
            return makeError("level not finite", {}, 0, "boundaries");
    }
    std::unique_ptr<FloodModel> m(new FloodModel(std::move(setup)));
    FloodModel& f = *m;
    const FloodSetup& s = f.setup_;
    f.nx_ = s.nx;
    f.ny_ = s.ny;
    f.dx_ = s.cellSizeM;
    const size_t n = static_cast<size_t>(s.nx) * s.ny;
    f.z_ = s.bedM;
    f.closed_ = s.closed.empty() ? std::vector<std::uint8_t>(n, 0) : s.closed;
    for (auto& c : f.closed_) c = c ? 1 : 0;
    f.h0_.assign(n, 0.0);
    f.qx0_.assign(n, 0.0);
    f.qy0_.assign(n, 0.0);
    f.h1_.assign(n, 0.0);
    f.qx1_.assign(n, 0.0);
    f.qy1_.assign(n, 0.0);
    f.maxDepth_.assign(n, 0.0);
    f.arrival_.assign(n, -1.0);
    const double g = s.gravityMs2;
    if (s.manningGrid.empty()) {
        f.frictionK0_ = g * s.manningN * s.manningN;
    } else {
        f.frictionK_.resize(n);
        for (size_t k = 0; k < n; ++k) f.frictionK_[k] = g * s.manningGrid[k] * s.manningGrid[k];
    }
    for (size_t k = 0; k < n; ++k) {
        if (f.closed_[k]) continue;
        ++f.openCells_;
        if (s.initialLevelM) f.h0_[k] = std::max(0.0, *s.initialLevelM - f.z_[k]);
        else if (!s.initialDepthM.empty()) f.h0_[k] = s.initialDepthM[k];
        f.maxDepth_[k] = f.h0_[k];
        if (f.h0_[k] > s.arrivalDepthM) f.arrival_[k] = 0.0;
    }
    if (f.openCells_ == 0) return makeError("every cell is closed (NODATA or building)", {}, 0, "bedM");
    for (const auto& in : s.inflows) {
        auto id = f.addInflow(in);
        if (!id) return id.error();
    }
    for (const auto& d : s.drains) {
        if (!f.addDrain(d)) return makeError("drain outside the grid or in a closed cell", {}, 0, "drains");
    }
    f.tilesX_ = (s.nx + kTileCells - 1) / kTileCells;
    f.tilesY_ = (s.ny + kTileCells - 1) / kTileCells;
    const size_t tiles = static_cast<size_t>(f.tilesX_) * f.tilesY_;
    f.tileWet0_.assign(tiles, 0);
    f.tileWet1_.assign(tiles, 0);
    f.tileInU1_.assign(tiles, 0);
    f.tileLevel_.assign(tiles, 0);
    for (int ty = 0; ty < f.tilesY_; ++ty) {
        for (int tx = 0; tx < f.tilesX_; ++tx) {
            const bool level = (tx == 0 && s.boundaries[0].kind == BoundaryKind::Level) ||
                               (tx == f.tilesX_ - 1 && s.boundaries[1].kind == BoundaryKind::Level) ||
                               (ty == 0 && s.boundaries[2].kind == BoundaryKind::Level) ||
                               (ty == f.tilesY_ - 1 && s.boundaries[3].kind == BoundaryKind::Level);
            f.tileLevel_[static_cast<size_t>(ty) * f.tilesX_ + tx] = level ? 1 : 0;
        }
    }
    f.clipTile_.assign(tiles, 0.0);
    f.boundaryWest_.assign(s.ny, 0.0);
    f.boundaryEast_.assign(s.ny, 0.0);
    f.boundarySouth_.assign(s.nx, 0.0);
    f.boundaryNorth_.assign(s.nx, 0.0);
    f.pool_ = std::make_unique<JobPool>(std::max(1u, s.threads));
    for (unsigned t = 0; t < f.pool_->threadCount(); ++t) f.scratch_.push_back(std::make_unique<Scratch>(s.nx));
    f.refreshWetTiles();
    f.vol_.initialM3 = f.volumes().storedM3;
    return m;
}

int FloodModel::tileOf(size_t k) const {
    const int j = static_cast<int>(k / nx_), c = static_cast<int>(k % nx_);
    return (j / kTileCells) * tilesX_ + c / kTileCells;
}

void FloodModel::refreshWetTiles() {
    std::fill(tileWet0_.begin(), tileWet0_.end(), 0);
    for (size_t k = 0; k < h0_.size(); ++k)
        if (h0_[k] > 0.0) tileWet0_[tileOf(k)] = 1;
    speedMeasure_ = -1.0;
}

double FloodModel::stage(int which, double dt) {
    // Active tiles: wet ones and their four neighbours (the stencil reaches two cells, a tile
    // is 16), level sides, everything under rain. A corrector also updates the tiles that are
    // wet in U0 (they average with U1 even when U1 is dry).
    const size_t tiles = tileWet0_.size();
    const std::vector<std::uint8_t>& wet = which == 1 ? tileWet0_ : tileWet1_;
    const bool all = !setup_.skipDryTiles || rainDepthM_ > 0.0;
    std::vector<std::uint8_t> now(tiles, 0);
    for (int ty = 0; ty < tilesY_; ++ty) {
        for (int tx = 0; tx < tilesX_; ++tx) {
            const size_t t = static_cast<size_t>(ty) * tilesX_ + tx;
            const bool on = all || wet[t] || tileLevel_[t] || (which == 2 && tileWet0_[t]) ||
                            (tx > 0 && wet[t - 1]) || (tx + 1 < tilesX_ && wet[t + 1]) ||
                            (ty > 0 && wet[t - tilesX_]) || (ty + 1 < tilesY_ && wet[t + tilesX_]);
            now[t] = on ? 1 : 0;
        }
    }
    // Runs of neighbouring active tiles are swept together (no halo between them), at most
    // kMaxRunTiles long so that the threads have several pieces to share.
    activeRuns_.clear();
    for (int ty = 0; ty < tilesY_; ++ty) {
        const std::uint8_t* row = now.data() + static_cast<size_t>(ty) * tilesX_;
        for (int tx = 0; tx < tilesX_;) {
            if (!row[tx]) {
                ++tx;
                continue;
            }
            int end = tx;
            while (end < tilesX_ && row[end] && end - tx < kMaxRunTiles) ++end;
            activeRuns_.push_back({ty, tx, end});
            cellUpdates_ += 0.5 * (std::min(nx_, end * kTileCells) - tx * kTileCells) *
                            (std::min(ny_, (ty + 1) * kTileCells) - ty * kTileCells);
            tx = end;
        }
    }
    if (which == 1) {
        // Outside the active tiles the predictor equals U0, which is dry there: keep U1 zero.
        for (size_t t = 0; t < tiles; ++t) {
            if (!tileInU1_[t] || now[t]) continue;
            const int c0 = static_cast<int>(t % tilesX_) * kTileCells, b = static_cast<int>(t / tilesX_) * kTileCells;
            const int c1 = std::min(nx_, c0 + kTileCells), e = std::min(ny_, b + kTileCells);
            for (int j = b; j < e; ++j) {
                const size_t k = static_cast<size_t>(j) * nx_;
                std::fill(h1_.begin() + k + c0, h1_.begin() + k + c1, 0.0);
                std::fill(qx1_.begin() + k + c0, qx1_.begin() + k + c1, 0.0);
                std::fill(qy1_.begin() + k + c0, qy1_.begin() + k + c1, 0.0);
            }
        }
        tileInU1_.swap(now);
        std::fill(tileWet1_.begin(), tileWet1_.end(), 0);
    }
    std::uint8_t* dstWet = which == 1 ? tileWet1_.data() : tileWet0_.data();
    for (auto& s : scratch_) s->maxSx = s->maxSy = 0.0;
    const size_t n = activeRuns_.size();
    if (static_cast<size_t>(nx_) * ny_ < kMinCellsForThreads || pool_->threadCount() == 1 || n < 2) {
        // Small grids: waking workers costs more than the sweep (same result, see tileStage).
        for (const TileRun& r : activeRuns_) tileStage(which, dt, r.ty, r.tx0, r.tx1, *scratch_[0], dstWet);
    } else {
        // Runs are independent (each writes only its own cells), so threads take them in
        // turn from a shared counter: balanced wherever the water is.
        std::atomic<size_t> next{0};
        pool_->parallelFor(pool_->threadCount(), [&](size_t, size_t, unsigned chunk) {
            for (size_t i = next.fetch_add(1, std::memory_order_relaxed); i < n; i = next.fetch_add(1, std::memory_order_relaxed)) {
                const TileRun& r = activeRuns_[i];
                tileStage(which, dt, r.ty, r.tx0, r.tx1, *scratch_[chunk], dstWet);
            }
        });
    }
    double sx = 0.0, sy = 0.0;
    for (const auto& s : scratch_) {
        sx = std::max(sx, s->maxSx);
        sy = std::max(sy, s->maxSy);
    }
    return (sx + sy) / dx_;  // 2D unsplit: max(Sx, Sy) alone lets thin films go negative (rain test)
}

double FloodModel::cellUpdates() const { return cellUpdates_; }

double FloodModel::initialSpeedMeasure() const {
    double m = 0.0;
    const double g = setup_.gravityMs2;
    for (size_t k = 0; k < h0_.size(); ++k) {
        if (closed_[k] || h0_[k] <= 0.0) continue;
        double u, v;
        detail::velocityOf(h0_[k], qx0_[k], qy0_[k], setup_.thinFilmDepthM, u, v);
        const double c = 2.0 * std::sqrt(g * h0_[k]);
        m = std::max(m, std::fabs(u) + std::fabs(v) + 2.0 * c);
    }
    return m / dx_;
}

double FloodModel::stepOnce(double maxDtS) {
    if (!(maxDtS > 0.0)) return 0.0;
    if (speedMeasure_ < 0.0) speedMeasure_ = initialSpeedMeasure();
    const double cfl = setup_.cflNumber;
    double dt = speedMeasure_ > 0.0 ? cfl / speedMeasure_ : setup_.maxTimeStepS;
    dt = std::min({dt, setup_.maxTimeStepS, maxDtS});
    dt = std::min(dt, sourceLimitedStep(dt));
    const double area = dx_ * dx_;
    double m1 = 0.0;
    for (int attempt = 0; attempt < 3; ++attempt) {
        std::fill(boundaryWest_.begin(), boundaryWest_.end(), 0.0);
        std::fill(boundaryEast_.begin(), boundaryEast_.end(), 0.0);
        std::fill(boundarySouth_.begin(), boundarySouth_.end(), 0.0);
        std::fill(boundaryNorth_.begin(), boundaryNorth_.end(), 0.0);
        std::fill(clipTile_.begin(), clipTile_.end(), 0.0);
        rainDepthM_ = setup_.rainMmPerH.empty() ? 0.0 : std::max(0.0, setup_.rainMmPerH.integral(timeS_, timeS_ + dt) / 3.6e6);
        stageTimeS_ = timeS_;
        m1 = stage(1, dt);
        if (m1 * dt <= kCflHardLimit || attempt == 2) break;
        dt = std::min(dt, cfl / m1);  // the predictor saw faster waves than expected: shorten the step
    }
    stageTimeS_ = timeS_ + dt;
    const double m2 = stage(2, dt);
    speedMeasure_ = std::max(m1, m2);
    double bsum = 0.0;
    for (size_t j = 0; j < boundaryWest_.size(); ++j) bsum += boundaryWest_[j] + boundaryEast_[j];
    for (double v : boundarySouth_) bsum += v;
    for (double v : boundaryNorth_) bsum += v;
    vol_.boundaryInM3 += 0.5 * dt * dx_ * bsum;
    double clip = 0.0;
    for (double v : clipTile_) clip += v;
    vol_.clippedM3 += clip * area;
    vol_.rainM3 += rainDepthM_ * area * static_cast<double>(openCells_);
    applySources(timeS_, dt);
    timeS_ += dt;
    lastDtS_ = dt;
    ++steps_;
    return dt;
}

void FloodModel::advanceTo(double timeS) {
    // Stop short of the target only by round-off: the last step lands on timeS.
    while (timeS - timeS_ > 1e-9 * std::max(1.0, std::fabs(timeS))) stepOnce(timeS - timeS_);
    if (timeS > timeS_) timeS_ = timeS;
}

void FloodModel::applySources(double t0, double dt) {
    const double area = dx_ * dx_;
    auto touch = [&](int k) {
        if (h0_[k] > 0.0) tileWet0_[tileOf(static_cast<size_t>(k))] = 1;
        maxDepth_[k] = std::max(maxDepth_[k], h0_[k]);
        if (arrival_[k] < 0.0 && h0_[k] > setup_.arrivalDepthM) arrival_[k] = t0 + dt;
    };
    for (const auto& src : sources_) {
        if (!src.active || src.cells.empty()) continue;
        const double vol = src.discharge.integral(t0, t0 + dt);
        const double perCell = vol / static_cast<double>(src.cells.size());
        for (int k : src.cells) {
            double add = perCell;
            if (add < 0.0) add = std::max(add, -h0_[k] * area);  // abstraction takes only what is there
            const double hOld = h0_[k];
            h0_[k] = std::max(0.0, hOld + add / area);
            if (add < 0.0 && hOld > 0.0) {
                qx0_[k] *= h0_[k] / hOld;
                qy0_[k] *= h0_[k] / hOld;
            }
            vol_.inflowM3 += add;
            touch(k);
        }
    }
    for (size_t d = 0; d < drainCells_.size(); ++d) {
        const int k = drainCells_[d];
        const double hOld = h0_[k];
        if (hOld <= 0.0) continue;
        const double take = std::min(drainCapacity_[d] * dt, hOld * area);
        h0_[k] = hOld - take / area;
        if (h0_[k] <= 0.0 || take == hOld * area) {
            h0_[k] = 0.0;
            qx0_[k] = qy0_[k] = 0.0;
        } else {
            qx0_[k] *= h0_[k] / hOld;
            qy0_[k] *= h0_[k] / hOld;
        }
        vol_.drainedM3 += take;
    }
}

double FloodModel::sourceLimitedStep(double dt) const {
    // An inflow into dry or shallow cells raises a column of water that the CFL estimate of
    // the last step cannot see: keep dt below the Courant limit of the depth the source will
    // have built by the end of the step (fixed point, a few iterations suffice).
    const double g = setup_.gravityMs2, area = dx_ * dx_;
    for (const auto& src : sources_) {
        if (!src.active || src.cells.empty()) continue;
        double hMax = 0.0;
        for (int k : src.cells) hMax = std::max(hMax, h0_[k]);
        for (int it = 0; it < 4; ++it) {
            const double q = std::max({src.discharge.value(timeS_), src.discharge.value(timeS_ + dt), 0.0});
            const double h = hMax + q * dt / (area * static_cast<double>(src.cells.size()));
            const double measure = 4.0 * std::sqrt(g * h) / dx_;  // |u| + 2c in x and y from a still column
            if (measure * dt <= setup_.cflNumber) break;
            dt = setup_.cflNumber / measure;
        }
    }
    return dt;
}

double FloodModel::boundaryLevel(int side, double timeS) const {
    const auto& b = setup_.boundaries[side];
    return b.levelSeries.empty() ? b.levelM : b.levelSeries.value(timeS);
}

int FloodModel::cellAt(double xM, double yM) const {
    const double fx = (xM - setup_.originXM) / dx_, fy = (yM - setup_.originYM) / dx_;
    if (!(fx >= 0.0 && fy >= 0.0 && fx <= nx_ && fy <= ny_)) return -1;
    const int i = std::min(nx_ - 1, static_cast<int>(fx));
    const int j = std::min(ny_ - 1, static_cast<int>(fy));
    return j * nx_ + i;
}

std::vector<int> FloodModel::cellsUnderSegment(double x0, double y0, double x1, double y1, double halfWidth) const {
    std::vector<int> cells;
    const double reach = std::max(halfWidth, 0.5 * dx_) + 1e-9 * dx_;
    const double ox = setup_.originXM, oy = setup_.originYM;
    const int i0 = std::max(0, static_cast<int>(std::floor((std::min(x0, x1) - reach - ox) / dx_)));
    const int i1 = std::min(nx_ - 1, static_cast<int>(std::floor((std::max(x0, x1) + reach - ox) / dx_)));
    const int j0 = std::max(0, static_cast<int>(std::floor((std::min(y0, y1) - reach - oy) / dx_)));
    const int j1 = std::min(ny_ - 1, static_cast<int>(std::floor((std::max(y0, y1) + reach - oy) / dx_)));
    const double ex = x1 - x0, ey = y1 - y0, len2 = ex * ex + ey * ey;
    for (int j = j0; j <= j1; ++j) {
        for (int i = i0; i <= i1; ++i) {
            const double cx = ox + (i + 0.5) * dx_, cy = oy + (j + 0.5) * dx_;
            double t = len2 > 0.0 ? ((cx - x0) * ex + (cy - y0) * ey) / len2 : 0.0;
            t = std::clamp(t, 0.0, 1.0);
            const double px = x0 + t * ex - cx, py = y0 + t * ey - cy;
            const int k = j * nx_ + i;
            if (px * px + py * py <= reach * reach && !closed_[k]) cells.push_back(k);
        }
    }
    return cells;
}

Result<int> FloodModel::addInflow(const InflowSpec& in) {
    Source src;
    src.id = nextSourceId_++;
    src.discharge = in.dischargeM3s;
    if (in.isPoint) {
        const int k = cellAt(in.x0M, in.y0M);
        if (k >= 0 && !closed_[k]) src.cells.push_back(k);
    } else {
        src.cells = cellsUnderSegment(in.x0M, in.y0M, in.x1M, in.y1M, 0.0);
    }
    if (src.cells.empty())
        return makeError(in.isPoint ? "inflow point is outside the grid or in a closed cell"
                                    : "inflow segment crosses no open cell of the grid",
                         in.name, 0, "inflow");
    sources_.push_back(std::move(src));
    return sources_.back().id;
}

bool FloodModel::removeInflow(int id) {
    for (auto& s : sources_) {
        if (s.id == id && s.active) {
            s.active = false;
            return true;
        }
    }
    return false;
}

bool FloodModel::addDrain(const DrainSpec& d) {
    const int k = cellAt(d.xM, d.yM);
    if (k < 0 || closed_[k] || !(d.capacityM3s >= 0.0)) return false;
    drainCells_.push_back(k);
    drainCapacity_.push_back(d.capacityM3s);
    return true;
}

int FloodModel::lowerBed(double x0, double y0, double x1, double y1, double widthM, double crestLevelM) {
    int changed = 0;
    for (int k : cellsUnderSegment(x0, y0, x1, y1, 0.5 * widthM)) {
        if (z_[k] > crestLevelM) {
            z_[k] = crestLevelM;  // depth kept: mass is conserved, the surface drops with the bed
            ++changed;
        }
    }
    if (changed) refreshWetTiles();
    return changed;
}

FloodGrid FloodModel::grid() const {
    FloodGrid g;
    g.nx = nx_;
    g.ny = ny_;
    g.originXM = setup_.originXM;
    g.originYM = setup_.originYM;
    g.cellSizeM = dx_;
    g.depthM = h0_.data();
    g.qxM2s = qx0_.data();
    g.qyM2s = qy0_.data();
    g.bedM = z_.data();
    g.closed = closed_.data();
    g.maxDepthM = maxDepth_.data();
    g.arrivalTimeS = arrival_.data();
    return g;
}

void FloodModel::velocity(int i, int j, double& u, double& v) const {
    const size_t k = static_cast<size_t>(j) * nx_ + i;
    detail::velocityOf(h0_[k], qx0_[k], qy0_[k], setup_.thinFilmDepthM, u, v);
}

FloodSample FloodModel::sample(double xM, double yM) const {
    FloodSample s;
    const int k = cellAt(xM, yM);
    if (k < 0 || closed_[k]) return s;
    s.inside = true;
    s.depthM = h0_[k];
    s.levelM = z_[k] + h0_[k];
    velocity(k % nx_, k / nx_, s.uMs, s.vMs);
    s.hazardRating = hazardRating(s.depthM, std::hypot(s.uMs, s.vMs), setup_.landUse);
    s.hazardClass = hazardClass(s.hazardRating);
    return s;
}

FloodVolumes FloodModel::volumes() const {
    FloodVolumes v = vol_;
    double sum = 0.0;
    for (double h : h0_) sum += h;
    v.storedM3 = sum * dx_ * dx_;
    return v;
}

void FloodModel::hash(StateHasher& hasher) const {
    hasher.add(timeS_);
    hasher.addBytes(h0_.data(), h0_.size() * sizeof(double));
    hasher.addBytes(qx0_.data(), qx0_.size() * sizeof(double));
    hasher.addBytes(qy0_.data(), qy0_.size() * sizeof(double));
    hasher.addBytes(z_.data(), z_.size() * sizeof(double));
}

}  // namespace cd::flood
