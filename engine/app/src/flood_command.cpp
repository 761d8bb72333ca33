// citydrill flood --dem DEM.asc ... --until T --every DT --csv OUT.csv [--max-depth OUT.asc]
// Runs the 2D shallow-water flood model without graphics and writes gauge time series.
// Every bad input ends with "file:line: field: message" on stderr and exit code 1.
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "core/parse_number.h"
#include "command.h"
#include "core/files.h"
#include "flood/ascii_grid.h"
#include "scenario/scenario_def.h"
#include "flood/flood_model.h"
#include "flood/time_series.h"

namespace {

using namespace cd::flood;

constexpr const char* kUsage =
    "flood --dem DEM.asc [--manning N | --manning-grid FILE.asc] [--level Z | --depth FILE.asc] "
    "[--inflow FILE.csv:x0,y0,x1,y1]... [--inflow FILE.csv:x,y]... [--rain FILE.csv] "
    "[--boundary west|east|south|north=wall|open|level:Z]... [--gauge x,y]... "
    "--until T --every DT --csv OUT.csv [--max-depth OUT.asc] [--threads N]";

bool parseNumber(const std::string& s, double& out) { return cd::parseDouble(s, out); }

bool parseNumbers(const std::string& s, std::vector<double>& out) {
    out.clear();
    size_t start = 0;
    while (true) {
        const size_t comma = s.find(',', start);
        double v;
        if (!parseNumber(s.substr(start, comma == std::string::npos ? std::string::npos : comma - start), v)) return false;
        out.push_back(v);
        if (comma == std::string::npos) return true;
        start = comma + 1;
    }
}

// The bounds a scenario's [flood] tables have (scenario_def.h).
const cd::flood::SeriesRange kDischargeRange{0.0, cd::scenario::kMaxInflowM3s, "m^3/s"};
const cd::flood::SeriesRange kRainRange{0.0, cd::scenario::kMaxRainMmPerH, "mm/h"};

int fail(const cd::Error& e) {
    std::fprintf(stderr, "citydrill flood: %s\n", e.str().c_str());
    return 1;
}

int fail(const std::string& field, const std::string& message) { return fail(cd::makeError(message, {}, 0, field)); }

// A grid that must match the DEM and have a value (>= 0) on every open cell.
cd::Result<std::vector<double>> cellGrid(const std::string& path, const AsciiGrid& dem, const FloodSetup& s, const char* what) {
    auto g = readAsciiGrid(path);
    if (!g) return g.error();
    if (!g->sameShapeAs(dem)) {
        char msg[256];
        std::snprintf(msg, sizeof msg, "grids of different shape: %dx%d at (%g, %g) cell %g, the DEM is %dx%d at (%g, %g) cell %g",
                      g->ncols, g->nrows, g->xllCornerM, g->yllCornerM, g->cellSizeM, dem.ncols, dem.nrows, dem.xllCornerM,
                      dem.yllCornerM, dem.cellSizeM);
        return cd::makeError(msg, path, 0, "ncols/nrows/xllcorner/yllcorner/cellsize");
    }
    for (int r = 0; r < g->nrows; ++r) {
        for (int c = 0; c < g->ncols; ++c) {
            const size_t k = static_cast<size_t>(r) * g->ncols + c;
            if (s.closed[k]) continue;
            if (g->isNodata(c, r))
                return cd::makeError(std::string("NODATA where the DEM has ground: every open cell needs a ") + what, path,
                                     g->fileLineOfRow(r), "column " + std::to_string(c + 1));
            if (g->values[k] < 0.0)
                return cd::makeError(std::string(what) + " must be >= 0", path, g->fileLineOfRow(r), "column " + std::to_string(c + 1));
        }
    }
    return g->values;
}

std::string num(double v) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.6f", v);
    return buf;
}

int runFlood(const std::vector<std::string>& args) {
    std::string demPath, manningGridPath, depthPath, rainPath, csvPath, maxDepthPath;
    double manning = -1.0, level = NAN, until = -1.0, every = -1.0, threads = 2.0;
    std::vector<std::string> inflowArgs, boundaryArgs, gaugeArgs;
    for (size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (a == "--help" || a == "-h") {
            std::printf("usage: citydrill %s\n", kUsage);
            return 0;
        }
        if (i + 1 >= args.size()) return fail(a, "needs a value (usage: citydrill " + std::string(kUsage) + ")");
        const std::string v = args[++i];
        if (a == "--dem") demPath = v;
        else if (a == "--manning") { if (!parseNumber(v, manning)) return fail(a, "not a number: '" + v + "'"); if (manning < 0) return fail(a, "Manning n must be >= 0"); }
        else if (a == "--manning-grid") manningGridPath = v;
        else if (a == "--level") { if (!parseNumber(v, level)) return fail(a, "not a number: '" + v + "'"); }
        else if (a == "--depth") depthPath = v;
        else if (a == "--inflow") inflowArgs.push_back(v);
        else if (a == "--rain") rainPath = v;
        else if (a == "--boundary") boundaryArgs.push_back(v);
        else if (a == "--gauge") gaugeArgs.push_back(v);
        else if (a == "--until") { if (!parseNumber(v, until) || until < 0) return fail(a, "needs a time in seconds >= 0"); }
        else if (a == "--every") { if (!parseNumber(v, every) || every <= 0) return fail(a, "needs a time in seconds > 0"); }
        else if (a == "--csv") csvPath = v;
        else if (a == "--max-depth") maxDepthPath = v;
        else if (a == "--threads") { if (!parseNumber(v, threads) || threads < 1 || threads > 256 || threads != std::floor(threads)) return fail(a, "needs a whole number >= 1"); }
        else return fail(a, "unknown option (usage: citydrill " + std::string(kUsage) + ")");
    }
    if (demPath.empty()) return fail("--dem", "missing (the terrain as an ESRI ASCII grid)");
    if (until < 0) return fail("--until", "missing");
    if (every <= 0) return fail("--every", "missing");
    if (!(until / every <= 1e7)) return fail("--every", "--until / --every asks for more than 10 000 000 rows");
    if (csvPath.empty()) return fail("--csv", "missing");
    if (manning >= 0 && !manningGridPath.empty()) return fail("--manning", "give --manning or --manning-grid, not both");
    if (!std::isnan(level) && !depthPath.empty()) return fail("--level", "give --level or --depth, not both");

    auto dem = readAsciiGrid(demPath);
    if (!dem) return fail(dem.error());
    FloodSetup s;
    setTerrainFromDem(s, *dem);
    s.threads = static_cast<unsigned>(threads);
    if (!manningGridPath.empty()) {
        auto g = cellGrid(manningGridPath, *dem, s, "Manning n");
        if (!g) return fail(g.error());
        s.manningGrid = std::move(*g);
        for (size_t k = 0; k < s.manningGrid.size(); ++k) if (s.closed[k]) s.manningGrid[k] = 0.0;
    } else if (manning >= 0) {
        s.manningN = manning;
    } else {
        s.manningN = 0.03;
        std::fprintf(stderr, "citydrill flood: no --manning given, using n = 0.03 (paved urban surface)\n");
    }
    if (!std::isnan(level)) s.initialLevelM = level;
    if (!depthPath.empty()) {
        auto g = cellGrid(depthPath, *dem, s, "depth");
        if (!g) return fail(g.error());
        s.initialDepthM = std::move(*g);
        for (size_t k = 0; k < s.initialDepthM.size(); ++k) if (s.closed[k]) s.initialDepthM[k] = 0.0;
    }
    for (const auto& arg : inflowArgs) {
        const size_t colon = arg.rfind(':');
        if (colon == std::string::npos) return fail("--inflow", "expected FILE.csv:x0,y0,x1,y1 or FILE.csv:x,y, got '" + arg + "'");
        InflowSpec in;
        in.name = arg.substr(0, colon);
        std::vector<double> xy;
        if (!parseNumbers(arg.substr(colon + 1), xy) || (xy.size() != 2 && xy.size() != 4))
            return fail("--inflow", "coordinates must be x,y or x0,y0,x1,y1 in map units, got '" + arg.substr(colon + 1) + "'");
        auto q = readTimeSeriesCsv(in.name, kDischargeRange);
        if (!q) return fail(q.error());
        in.dischargeM3s = *q;
        in.isPoint = xy.size() == 2;
        in.x0M = xy[0];
        in.y0M = xy[1];
        in.x1M = in.isPoint ? xy[0] : xy[2];
        in.y1M = in.isPoint ? xy[1] : xy[3];
        s.inflows.push_back(in);
    }
    if (!rainPath.empty()) {
        auto r = readTimeSeriesCsv(rainPath, kRainRange);
        if (!r) return fail(r.error());
        s.rainMmPerH = *r;
    }
    for (const auto& arg : boundaryArgs) {
        const size_t eq = arg.find('=');
        const std::string side = arg.substr(0, eq), kind = eq == std::string::npos ? "" : arg.substr(eq + 1);
        int idx = side == "west" ? 0 : side == "east" ? 1 : side == "south" ? 2 : side == "north" ? 3 : -1;
        if (idx < 0 || eq == std::string::npos) return fail("--boundary", "expected west|east|south|north=wall|open|level:Z, got '" + arg + "'");
        BoundarySpec b;
        if (kind == "wall") b.kind = BoundaryKind::Wall;
        else if (kind == "open") b.kind = BoundaryKind::Open;
        else if (kind.rfind("level:", 0) == 0) {
            b.kind = BoundaryKind::Level;
            if (!parseNumber(kind.substr(6), b.levelM)) return fail("--boundary", "level needs a number: '" + arg + "'");
        } else return fail("--boundary", "expected wall, open or level:Z after '" + side + "=', got '" + kind + "'");
        s.boundaries[idx] = b;
    }
    auto made = FloodModel::create(s);
    if (!made) return fail(made.error());
    FloodModel& model = *made.value();
    struct Gauge { double x, y; };
    std::vector<Gauge> gauges;
    for (const auto& arg : gaugeArgs) {
        std::vector<double> xy;
        if (!parseNumbers(arg, xy) || xy.size() != 2) return fail("--gauge", "expected x,y in map units, got '" + arg + "'");
        const int k = model.cellAt(xy[0], xy[1]);
        if (k < 0) return fail("--gauge", "gauge " + std::to_string(gauges.size() + 1) + " at (" + arg + ") is outside the grid");
        if (s.closed[k]) return fail("--gauge", "gauge " + std::to_string(gauges.size() + 1) + " at (" + arg + ") is in a NODATA/closed cell");
        gauges.push_back({xy[0], xy[1]});
    }

    std::string csv = "time_s";
    for (size_t g = 1; g <= gauges.size(); ++g) {
        const std::string p = "g" + std::to_string(g) + ".";
        csv += "," + p + "depth_m," + p + "level_m," + p + "u_ms," + p + "v_ms";
    }
    csv += '\n';
    auto writeRow = [&]() {
        char buf[64];
        std::snprintf(buf, sizeof buf, "%.6g", model.timeS());
        csv += buf;
        for (const auto& g : gauges) {
            const FloodSample p = model.sample(g.x, g.y);
            csv += "," + num(p.depthM) + "," + num(p.levelM) + "," + num(p.uMs) + "," + num(p.vMs);
        }
        csv += '\n';
    };
    const auto t0 = std::chrono::steady_clock::now();
    writeRow();
    for (long n = 1;; ++n) {
        const double t = std::min(until, n * every);
        if (t <= model.timeS()) break;
        model.advanceTo(t);
        writeRow();
        if (t >= until) break;
    }
    const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    if (auto st = cd::writeTextFile(csvPath, csv); !st) return fail(st.error());
    if (!maxDepthPath.empty()) {
        AsciiGrid out;
        out.ncols = dem->ncols;
        out.nrows = dem->nrows;
        out.xllCornerM = dem->xllCornerM;
        out.yllCornerM = dem->yllCornerM;
        out.cellSizeM = dem->cellSizeM;
        out.nodata = -9999.0;
        const FloodGrid g = model.grid();
        out.values.assign(g.maxDepthM, g.maxDepthM + static_cast<size_t>(g.nx) * g.ny);
        for (size_t k = 0; k < out.values.size(); ++k) if (g.closed[k]) out.values[k] = -9999.0;
        if (auto st = cd::writeTextFile(maxDepthPath, formatAsciiGrid(out)); !st) return fail(st.error());
    }
    const FloodVolumes v = model.volumes();
    std::printf("flood: %d x %d cells of %g m, %.1f s simulated in %llu steps, %.2f s wall (%.1fx real time)\n", s.nx, s.ny,
                s.cellSizeM, model.timeS(), static_cast<unsigned long long>(model.stepCount()), wall,
                wall > 0 ? model.timeS() / wall : 0.0);
    std::printf("volumes (m^3): stored %.3f = initial %.3f + inflow %.3f + rain %.3f - drained %.3f + boundary %.3f (imbalance %.3g)\n",
                v.storedM3, v.initialM3, v.inflowM3, v.rainM3, v.drainedM3, v.boundaryInM3, v.imbalanceM3());
    return 0;
}

}  // namespace

CD_COMMAND(flood, "flood", kUsage, "Runs the 2D shallow-water flood model on a DEM and writes gauge time series.", runFlood);
