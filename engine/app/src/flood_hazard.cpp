#include "flood_hazard.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "flood/ascii_grid.h"
#include "flood/flood_model.h"
#include "flood/flood_setup.h"
#include "flood/time_series.h"
#include "vehicle_stability.h"

namespace cd::app {

double wadingSpeedFactor(double specificForceM2) {
    return std::clamp(1.0 - specificForceM2 / kWadeLimitM2, 0.0, 1.0);
}

struct FloodHazard::Impl {
    std::unique_ptr<flood::FloodModel> model;
    std::vector<scenario::FloodBreachDef> breaches;
    std::vector<bool> breached;
    std::vector<FloodVehicleState> vehicles;
    std::vector<VehicleLimits> vehicleLimits;
    std::vector<HazardEvent> events;

    void checkVehicles();
};

void FloodHazard::Impl::checkVehicles() {
    for (std::size_t i = 0; i < vehicles.size(); ++i) {
        FloodVehicleState& v = vehicles[i];
        if (v.atRisk) continue;
        const flood::FloodSample s = model->sample(v.xM, v.yM);
        const double speed = std::hypot(s.uMs, s.vMs);
        if (s.depthM > v.maxDepthM) {
            v.maxDepthM = s.depthM;
            v.depthM = s.depthM;
            v.speedMs = speed;
        }
        if (!vehicleUnstable(vehicleLimits[i], s.depthM, speed)) continue;
        v.atRisk = true;
        v.atRiskS = model->timeS();
        v.depthM = s.depthM;
        v.speedMs = speed;
        char text[224];
        std::snprintf(text, sizeof text,
                      "%s at risk: depth %.2f m, speed %.2f m/s, d*v %.2f m2/s (limits %.2f m, %.2f m2/s, %.1f m/s; Shand et al. 2011)",
                      v.kind.c_str(), s.depthM, speed, s.depthM * speed, vehicleLimits[i].stillDepthM,
                      vehicleLimits[i].depthSpeedM2s, vehicleLimits[i].speedMs);
        events.push_back({"flood.vehicle_at_risk", v.id, s.depthM, text});
    }
}

namespace {

// A building footprint: the buildings DEM stands this far above the bare terrain.
constexpr double kBuildingStepM = 1.0;

// Coarsens the DEM by an integer factor k: each model cell's bed is the mean of its open DEM
// cells; it is closed (a building, NODATA) when at least half of them are.
void coarsen(const flood::AsciiGrid& dem, const world::Terrain& terrain, int k, flood::FloodSetup& s) {
    s.nx = dem.ncols / k;
    s.ny = dem.nrows / k;
    s.cellSizeM = dem.cellSizeM * k;
    s.originXM = dem.xllCornerM;
    s.originYM = dem.yllCornerM;
    s.bedM.assign(static_cast<size_t>(s.nx) * s.ny, 0.0);
    s.closed.assign(s.bedM.size(), 0);
    const bool hasTerrain = terrain.nx > 0 && terrain.ny > 0;
    for (int j = 0; j < s.ny; ++j)
        for (int i = 0; i < s.nx; ++i) {
            double sum = 0.0, maxOpen = -1e30;
            int open = 0, shut = 0;
            for (int b = 0; b < k; ++b)
                for (int a = 0; a < k; ++a) {
                    int c = i * k + a, r = j * k + b;
                    double z = dem.at(c, r);
                    bool closed = dem.isNodata(c, r);
                    if (!closed && hasTerrain) {
                        float x = static_cast<float>(dem.xllCornerM + (c + 0.5) * dem.cellSizeM);
                        float y = static_cast<float>(dem.yllCornerM + (r + 0.5) * dem.cellSizeM);
                        closed = z - terrain.heightAt(x, y) > kBuildingStepM;
                    }
                    if (closed) { ++shut; continue; }
                    ++open;
                    sum += z;
                    maxOpen = std::max(maxOpen, z);
                }
            size_t idx = static_cast<size_t>(j) * s.nx + i;
            if (open == 0 || shut * 2 >= k * k) {
                s.closed[idx] = 1;
                s.bedM[idx] = open ? maxOpen : 0.0;
            } else {
                s.bedM[idx] = sum / open;
            }
        }
}

Error at(const scenario::SourceRef& src, const std::string& field, const std::string& message) {
    return makeError(message, src.file, src.line, field);
}

}  // namespace

FloodHazard::FloodHazard(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
FloodHazard::~FloodHazard() = default;

Result<std::unique_ptr<FloodHazard>> FloodHazard::build(const scenario::ScenarioDef& sc, const world::District& d,
                                                        unsigned threads) {
    if (!sc.flood) return std::unique_ptr<FloodHazard>();
    const scenario::FloodDef& fd = *sc.flood;
    auto dem = flood::readAsciiGrid(fd.demPath);
    if (!dem) return dem.error();
    int k = 1;
    if (fd.cellM > 0.0) {
        double ratio = fd.cellM / dem->cellSizeM;
        k = static_cast<int>(std::lround(ratio));
        if (k < 1 || std::fabs(ratio - k) > 1e-6)
            return at(fd.source, "flood.cell_m", "must be a whole multiple of the DEM's cell size (" + std::to_string(dem->cellSizeM) + " m)");
        if (k > dem->ncols || k > dem->nrows) return at(fd.source, "flood.cell_m", "is larger than the DEM");
    }
    flood::FloodSetup setup;
    coarsen(*dem, d.terrain, k, setup);
    setup.manningN = fd.manningN;
    setup.threads = std::max(1u, threads);
    // The campus is a closed basin in the scenario's few minutes: walls all round.
    if (!fd.rainTimesS.empty()) {
        auto rain = flood::TimeSeries::make(fd.rainTimesS, fd.rainMmPerH, sc.path);
        if (!rain) return at(fd.source, "flood.rain", rain.error().message);
        setup.rainMmPerH = std::move(*rain);
    }
    auto model = flood::FloodModel::create(std::move(setup));
    if (!model) return at(fd.source, "flood", model.error().message);

    auto impl = std::make_unique<Impl>();
    impl->model = std::move(*model);
    for (std::size_t i = 0; i < fd.inflows.size(); ++i) {
        const auto& in = fd.inflows[i];
        auto q = flood::TimeSeries::make(in.timesS, in.dischargeM3s, sc.path);
        if (!q) return at(in.source, in.source.field + ".hydrograph", q.error().message);
        flood::InflowSpec spec;
        spec.dischargeM3s = std::move(*q);
        spec.x0M = in.x0; spec.y0M = in.y0; spec.x1M = in.x1; spec.y1M = in.y1;
        spec.name = in.source.field;
        auto id = impl->model->addInflow(spec);
        if (!id) return at(in.source, in.source.field + ".segment", id.error().message);
    }
    for (const auto& b : fd.breaches) {
        if (impl->model->cellAt(b.x0, b.y0) < 0 || impl->model->cellAt(b.x1, b.y1) < 0)
            return at(b.source, b.source.field + ".segment", "the breach is outside the flood grid");
    }
    impl->breaches = fd.breaches;
    impl->breached.assign(fd.breaches.size(), false);
    for (const auto& v : fd.vehicles) {
        auto limits = vehicleLimits(v.kind);
        if (!limits) return at(v.source, v.source.field + ".kind", limits.error().message);
        if (impl->model->cellAt(v.x, v.y) < 0)
            return at(v.source, v.source.field + ".position", "the vehicle is outside the flood grid");
        if (!impl->model->sample(v.x, v.y).inside)
            return at(v.source, v.source.field + ".position", "the vehicle stands on a building or NODATA cell of the DEM");
        FloodVehicleState st;
        st.id = v.id;
        st.kind = v.kind;
        st.xM = v.x;
        st.yM = v.y;
        impl->vehicles.push_back(st);
        impl->vehicleLimits.push_back(*limits);
    }
    return std::unique_ptr<FloodHazard>(new FloodHazard(std::move(impl)));
}

void FloodHazard::advanceTo(double timeS) {
    auto& m = *impl_->model;
    // Breaches open at their time: advance to it, lower the bed, go on.
    for (;;) {
        int next = -1;
        for (std::size_t i = 0; i < impl_->breaches.size(); ++i)
            if (!impl_->breached[i] && impl_->breaches[i].atS <= timeS &&
                (next < 0 || impl_->breaches[i].atS < impl_->breaches[next].atS))
                next = static_cast<int>(i);
        if (next < 0) break;
        const auto& b = impl_->breaches[next];
        if (b.atS > m.timeS()) m.advanceTo(b.atS);
        int cells = m.lowerBed(b.x0, b.y0, b.x1, b.y1, b.widthM, b.crestM);
        impl_->breached[next] = true;
        impl_->events.push_back({"flood.breach", b.source.field, static_cast<double>(cells),
                                 "levee breach: crest lowered to " + std::to_string(b.crestM) + " m"});
    }
    if (timeS > m.timeS()) m.advanceTo(timeS);
    impl_->checkVehicles();
}

const std::vector<FloodVehicleState>& FloodHazard::vehicles() const { return impl_->vehicles; }

FloodPointSample FloodHazard::sample(double xM, double yM) const {
    FloodPointSample out;
    flood::FloodSample s = impl_->model->sample(xM, yM);
    if (!s.inside) return out;
    out.depthM = s.depthM;
    double u2 = s.uMs * s.uMs + s.vMs * s.vMs;
    out.speedMs = std::sqrt(u2);
    out.hazardRating = s.hazardRating;
    out.hazardClass = static_cast<int>(s.hazardClass);
    out.specificForceM2 = u2 * s.depthM / impl_->model->setup().gravityMs2 + 0.5 * s.depthM * s.depthM;
    return out;
}

std::vector<HazardEvent> FloodHazard::drainEvents() {
    std::vector<HazardEvent> out;
    out.swap(impl_->events);
    return out;
}

void FloodHazard::hash(StateHasher& h) const { impl_->model->hash(h); }

double FloodHazard::timeS() const { return impl_->model->timeS(); }

double FloodHazard::cellSizeM() const { return impl_->model->grid().cellSizeM; }

render::WaterGrid FloodHazard::waterGrid(double minCellM) const {
    const flood::FloodGrid g = impl_->model->grid();
    int k = std::max(1, static_cast<int>(std::ceil(minCellM / g.cellSizeM - 1e-9)));
    render::WaterGrid w;
    w.origin = glm::vec2(static_cast<float>(g.originXM), static_cast<float>(g.originYM));
    w.cellSizeM = static_cast<float>(g.cellSizeM * k);
    w.nx = static_cast<std::uint32_t>(g.nx / k);
    w.ny = static_cast<std::uint32_t>(g.ny / k);
    w.depthM.assign(static_cast<size_t>(w.nx) * w.ny, 0.0f);
    w.surfaceZ.assign(w.depthM.size(), 0.0f);
    for (std::uint32_t j = 0; j < w.ny; ++j)
        for (std::uint32_t i = 0; i < w.nx; ++i) {
            // The deepest model cell of the block, so narrow channels still show.
            double best = 0.0, level = 0.0, bed = 1e30;
            for (int b = 0; b < k; ++b)
                for (int a = 0; a < k; ++a) {
                    size_t idx = static_cast<size_t>(j * k + b) * g.nx + (i * k + a);
                    if (g.closed[idx]) continue;
                    bed = std::min(bed, g.bedM[idx]);
                    if (g.depthM[idx] > best) { best = g.depthM[idx]; level = g.bedM[idx] + g.depthM[idx]; }
                }
            size_t o = static_cast<size_t>(j) * w.nx + i;
            w.depthM[o] = static_cast<float>(best);
            w.surfaceZ[o] = static_cast<float>(best > 0.0 ? level : (bed < 1e29 ? bed : 0.0));
        }
    return w;
}

double FloodHazard::wetAreaM2() const {
    const flood::FloodGrid g = impl_->model->grid();
    size_t n = 0;
    for (size_t k = 0; k < static_cast<size_t>(g.nx) * g.ny; ++k) n += g.depthM[k] > 0.01 ? 1 : 0;
    return static_cast<double>(n) * g.cellSizeM * g.cellSizeM;
}

double FloodHazard::maxDepthM() const {
    const flood::FloodGrid g = impl_->model->grid();
    double m = 0.0;
    for (size_t k = 0; k < static_cast<size_t>(g.nx) * g.ny; ++k) m = std::max(m, g.depthM[k]);
    return m;
}

}  // namespace cd::app
