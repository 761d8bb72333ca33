// FloodModel: set-up, time stepping (Heun with adaptive CFL step), sources, queries.
// The stage kernel itself is in flood_stage.cpp.
#include "flood/flood_model.h"

#include <algorithm>
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
    f.wetLo0_.assign(s.ny, 0);
    f.wetHi0_.assign(s.ny, 0);
    f.wetLo1_.assign(s.ny, 0);
    f.wetHi1_.assign(s.ny, 0);
    f.effLo_.assign(s.ny, 0);
    f.effHi_.assign(s.ny, 0);
    f.actLo_.assign(s.ny, 0);
    f.actHi_.assign(s.ny, 0);
    f.boundaryRow_.assign(s.ny, 0.0);
    f.boundarySouth_.assign(s.nx, 0.0);
    f.boundaryNorth_.assign(s.nx, 0.0);
    f.clipRow_.assign(s.ny, 0.0);
    f.pool_ = std::make_unique<JobPool>(std::max(1u, s.threads));
    for (unsigned t = 0; t < f.pool_->threadCount(); ++t) f.scratch_.push_back(std::make_unique<Scratch>(s.nx));
    f.refreshWetSpans();
    f.vol_.initialM3 = f.volumes().storedM3;
    return m;
}

void FloodModel::refreshWetSpans() {
    for (int j = 0; j < ny_; ++j) {
        int lo = nx_, hi = 0;
        for (int c = 0; c < nx_; ++c) {
            if (h0_[static_cast<size_t>(j) * nx_ + c] > 0.0) {
                lo = std::min(lo, c);
                hi = c + 1;
            }
        }
        wetLo0_[j] = lo;
        wetHi0_[j] = hi;
    }
    speedMeasure_ = -1.0;
}

void FloodModel::prepareSpans(int which) {
    const std::vector<int>& lo = which == 1 ? wetLo0_ : wetLo1_;
    const std::vector<int>& hi = which == 1 ? wetHi0_ : wetHi1_;
    const bool westLevel = setup_.boundaries[0].kind == BoundaryKind::Level;
    const bool eastLevel = setup_.boundaries[1].kind == BoundaryKind::Level;
    const bool southLevel = setup_.boundaries[2].kind == BoundaryKind::Level;
    const bool northLevel = setup_.boundaries[3].kind == BoundaryKind::Level;
    for (int j = 0; j < ny_; ++j) {
        int l = lo[j], h = hi[j];
        // A level side can flood dry cells next to it: keep those faces in the sweep.
        if (westLevel) { l = 0; h = std::max(h, 1); }
        if (eastLevel) { h = nx_; l = std::min(l, nx_ - 1); }
        if ((southLevel && j == 0) || (northLevel && j == ny_ - 1)) { l = 0; h = nx_; }
        effLo_[j] = l;
        effHi_[j] = h;
    }
    for (int j = 0; j < ny_; ++j) {
        int l = nx_, h = 0;
        for (int r = std::max(0, j - 3); r <= std::min(ny_ - 1, j + 3); ++r) {
            l = std::min(l, effLo_[r]);
            h = std::max(h, effHi_[r]);
        }
        actLo_[j] = l;
        actHi_[j] = h;
    }
}

double FloodModel::stage(int which, double dt) {
    prepareSpans(which);
    // The kernel reads the wet spans through effLo_/effHi_ when deciding which faces to sweep.
    if (which == 1) { wetLo0_.swap(effLo_); wetHi0_.swap(effHi_); }
    else { wetLo1_.swap(effLo_); wetHi1_.swap(effHi_); }
    for (auto& s : scratch_) s->maxSx = s->maxSy = 0.0;
    if (static_cast<size_t>(nx_) * ny_ < kMinCellsForThreads) {
        // Small grids: waking workers costs more than the sweep (same result, see rowStage).
        rowStage(which, dt, 0, static_cast<size_t>(ny_), *scratch_[0]);
    } else {
        pool_->parallelFor(static_cast<size_t>(ny_), [&](size_t b, size_t e, unsigned chunk) {
            if (b < e) rowStage(which, dt, b, e, *scratch_[chunk]);
        });
    }
    // Restore the true wet spans of the source (the kernel wrote the destination's).
    if (which == 1) { wetLo0_.swap(effLo_); wetHi0_.swap(effHi_); }
    else { wetLo1_.swap(effLo_); wetHi1_.swap(effHi_); }
    double sx = 0.0, sy = 0.0;
    for (const auto& s : scratch_) {
        sx = std::max(sx, s->maxSx);
        sy = std::max(sy, s->maxSy);
    }
    return (sx + sy) / dx_;  // 2D unsplit: max(Sx, Sy) alone lets thin films go negative (rain test)
}

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
        std::fill(boundaryRow_.begin(), boundaryRow_.end(), 0.0);
        std::fill(boundarySouth_.begin(), boundarySouth_.end(), 0.0);
        std::fill(boundaryNorth_.begin(), boundaryNorth_.end(), 0.0);
        std::fill(clipRow_.begin(), clipRow_.end(), 0.0);
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
    for (double v : boundaryRow_) bsum += v;
    for (double v : boundarySouth_) bsum += v;
    for (double v : boundaryNorth_) bsum += v;
    vol_.boundaryInM3 += 0.5 * dt * dx_ * bsum;
    double clip = 0.0;
    for (double v : clipRow_) clip += v;
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
        const int j = k / nx_, c = k % nx_;
        if (h0_[k] > 0.0) {
            wetLo0_[j] = std::min(wetLo0_[j], c);
            wetHi0_[j] = std::max(wetHi0_[j], c + 1);
        }
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
    if (changed) refreshWetSpans();
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
