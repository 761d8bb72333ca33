// bench_flood: one JSON line per configuration.
//  1. copy bandwidth of this machine (memcpy of 256 MiB, 1 and 2 threads),
//  2. flood solver throughput on a 1000 x 1000 dam break (1 m cells, 1 m of water on the west
//     half, dry east half) with 1 and 2 threads, and the bandwidth ceiling from (1),
//  3. the speed target's "typical flood": a levee breach into a 1 km^2 city district at 1 m
//     cells (district_case.h), the first --district-s simulated seconds on --district-threads
//     threads: realtime factor (wall and CPU), wet fraction, cell updates, bytes per update,
//  4. the Ritter dam break at 1024 x 1024 against Gerris (gerris2D, GfsRiver) when installed:
//     wall time and L1 error against the analytic solution for each.
// Options: --size N (default 1000), --steps N (default 20), --gerris-end T (default 5 s),
//          --gerris-level L (default 10), --gerris-case FILE.gfs, --district-s T (default
//          1200), --district-threads N (default 2), --skip-throughput, --skip-district,
//          --skip-gerris.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "core/files.h"
#include "district_case.h"
#include "flood/flood_model.h"

using namespace cd::flood;
using Clock = std::chrono::steady_clock;

namespace {

// Bytes the two Heun stages stream per cell (see flood_stage.cpp): predictor reads h, qx, qy, z
// and the closed flag and writes h, qx, qy (57 B); corrector reads the predictor state, z, the
// flag, the old state, max depth and arrival time and writes the state and max depth (105 B).
constexpr double kBytesPerCellUpdate = 162.0;
// The district adds the Manning grid (8 B read by the corrector): 170 B. These are the bytes
// each array contributes once; the 3-cell halo of a 16 x 16 tile is read again (x 1.7 for the
// state read by the prim rows), mostly from cache since neighbouring tiles run close in time.
constexpr double kBytesPerTileUpdate = 170.0;

double seconds(Clock::time_point a, Clock::time_point b) { return std::chrono::duration<double>(b - a).count(); }

// CPU seconds of this process (all threads): with other programs on the machine the wall
// time overstates what the solver needs, so both are reported.
double cpuSeconds() {
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + 1e-9 * static_cast<double>(ts.tv_nsec);
}

// 1-minute load average (other processes competing for the cores).
double loadAverage() {
    std::ifstream in("/proc/loadavg");
    double l = -1.0;
    in >> l;
    return l;
}

double copyBandwidth(unsigned threads) {
    const size_t bytes = size_t(256) << 20;
    std::vector<char> src(bytes, 1), dst(bytes, 0);
    double best = 1e30;
    for (int rep = 0; rep < 4; ++rep) {
        const auto t0 = Clock::now();
        std::vector<std::thread> pool;
        for (unsigned t = 0; t < threads; ++t) {
            pool.emplace_back([&, t] {
                const size_t b = bytes * t / threads, e = bytes * (t + 1) / threads;
                std::memcpy(dst.data() + b, src.data() + b, e - b);
            });
        }
        for (auto& th : pool) th.join();
        best = std::min(best, seconds(t0, Clock::now()));
    }
    volatile char sink = dst[bytes / 2];
    (void)sink;
    return 2.0 * static_cast<double>(bytes) / best;  // read + write
}

double ritterDepth(double x, double t, double h0, double g) {
    const double c0 = std::sqrt(g * h0);
    if (x <= -c0 * t) return h0;
    if (x >= 2.0 * c0 * t) return 0.0;
    const double a = 2.0 * c0 - x / t;
    return a * a / (9.0 * g);
}

// Dam break on [-L/2, L/2]^2 with n x n cells, water (1 m) for x < 0.
FloodSetup damBreak(int n, double lengthM, unsigned threads) {
    FloodSetup s;
    s.nx = s.ny = n;
    s.cellSizeM = lengthM / n;
    s.originXM = s.originYM = -0.5 * lengthM;
    s.bedM.assign(static_cast<size_t>(n) * n, 0.0);
    s.initialDepthM.assign(s.bedM.size(), 0.0);
    for (int j = 0; j < n; ++j)
        for (int i = 0; i < n; ++i)
            if (s.originXM + (i + 0.5) * s.cellSizeM < 0.0) s.initialDepthM[static_cast<size_t>(j) * n + i] = 1.0;
    s.manningN = 0.0;
    s.gravityMs2 = 9.81;
    s.threads = threads;
    return s;
}

// L1 (m^2 per unit width) of depth along the row through y ~ 0, over x in [-250, 250] m.
double lineL1(const std::vector<double>& xs, const std::vector<double>& hs, double dx, double t) {
    double l1 = 0.0;
    for (size_t k = 0; k < xs.size(); ++k)
        if (std::fabs(xs[k]) <= 250.0) l1 += std::fabs(hs[k] - ritterDepth(xs[k], t, 1.0, 9.81)) * dx;
    return l1;
}

}  // namespace

int main(int argc, char** argv) {
    int size = 1000, steps = 20, gerrisLevel = 10;
    double gerrisEnd = 5.0;
    bool throughput = true, gerris = true, district = true;
    double districtS = 1200.0;
    unsigned districtThreads = 2;
    std::string gerrisCase;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        auto next = [&]() { return i + 1 < argc ? std::string(argv[++i]) : std::string(); };
        if (a == "--size") size = std::atoi(next().c_str());
        else if (a == "--steps") steps = std::atoi(next().c_str());
        else if (a == "--gerris-end") gerrisEnd = std::atof(next().c_str());
        else if (a == "--gerris-level") gerrisLevel = std::atoi(next().c_str());
        else if (a == "--gerris-case") gerrisCase = next();
        else if (a == "--skip-throughput") throughput = false;
        else if (a == "--skip-gerris") gerris = false;
        else if (a == "--skip-district") district = false;
        else if (a == "--district-s") districtS = std::atof(next().c_str());
        else if (a == "--district-threads") districtThreads = static_cast<unsigned>(std::atoi(next().c_str()));
        else {
            std::fprintf(stderr, "bench_flood: unknown option %s\n", a.c_str());
            return 2;
        }
    }
    if (size < 8 || steps < 1 || gerrisLevel < 4 || gerrisLevel > 12 || !(gerrisEnd > 0)) {
        std::fprintf(stderr, "bench_flood: bad option value\n");
        return 2;
    }

    if (throughput) {
        const double bw1 = copyBandwidth(1), bw2 = copyBandwidth(2);
        std::printf("{\"bench\":\"copy_bandwidth\",\"threads\":1,\"bytes_per_s\":%.4g}\n", bw1);
        std::printf("{\"bench\":\"copy_bandwidth\",\"threads\":2,\"bytes_per_s\":%.4g}\n", bw2);
        for (unsigned threads : {1u, 2u}) {
            auto made = FloodModel::create(damBreak(size, static_cast<double>(size), threads));
            if (!made) {
                std::fprintf(stderr, "bench_flood: %s\n", made.error().str().c_str());
                return 1;
            }
            FloodModel& m = *made.value();
            m.stepOnce(1.0);  // warm caches and the step-size estimate
            m.stepOnce(1.0);
            const double simStart = m.timeS();
            const auto t0 = Clock::now();
            for (int k = 0; k < steps; ++k) m.stepOnce(1.0);
            const double wall = seconds(t0, Clock::now());
            const double cells = static_cast<double>(size) * size;
            const double rate = cells * steps / wall;
            const double bw = threads == 1 ? bw1 : bw2;
            const double ceiling = bw / kBytesPerCellUpdate;
            std::printf("{\"bench\":\"flood_dambreak\",\"cells\":%.0f,\"threads\":%u,\"steps\":%d,\"wall_s\":%.4g,"
                        "\"cell_updates_per_s\":%.4g,\"bytes_per_cell_update\":%.0f,\"copy_bandwidth_bytes_per_s\":%.4g,"
                        "\"ceiling_cell_updates_per_s\":%.4g,\"fraction_of_ceiling\":%.3f,\"dt_s\":%.4g,"
                        "\"simulated_s_per_wall_s\":%.3g}\n",
                        cells, threads, steps, wall, rate, kBytesPerCellUpdate, bw, ceiling, rate / ceiling,
                        m.lastTimeStepS(), (m.timeS() - simStart) / wall);
            std::fflush(stdout);
        }
    }

    if (district) {
        const double bw = copyBandwidth(districtThreads);
        auto made = FloodModel::create(cd::flood::bench::districtBreach(1000, districtThreads));
        if (!made) {
            std::fprintf(stderr, "bench_flood: %s\n", made.error().str().c_str());
            return 1;
        }
        FloodModel& m = *made.value();
        const FloodGrid g = m.grid();
        const size_t cells = static_cast<size_t>(g.nx) * g.ny;
        size_t open = 0;
        for (size_t k = 0; k < cells; ++k) open += g.closed[k] ? 0 : 1;
        auto wetFraction = [&] {
            size_t wet = 0;
            for (size_t k = 0; k < cells; ++k) wet += g.depthM[k] > 0.01 ? 1 : 0;
            return static_cast<double>(wet) / static_cast<double>(open);
        };
        // Wall time of the whole window, sampled every simulated minute for the wet fraction
        // (the scan is outside the timed part).
        double wall = 0.0, cpu = 0.0, wetSum = 0.0;
        int samples = 0;
        const std::uint64_t steps0 = m.stepCount();
        const double load0 = loadAverage();
        for (double t = 60.0; t <= districtS + 1e-9; t += 60.0) {
            const auto t0 = Clock::now();
            const double c0 = cpuSeconds();
            m.advanceTo(t);
            cpu += cpuSeconds() - c0;
            wall += seconds(t0, Clock::now());
            const double wf = wetFraction();
            wetSum += wf;
            ++samples;
            std::fprintf(stderr, "district t=%5.0f s  wall %7.2f s  cpu %7.2f s  wet %.3f  steps %llu  updates %.4g\n", t, wall, cpu,
                         wf, static_cast<unsigned long long>(m.stepCount() - steps0), m.cellUpdates());
        }
        const double load1 = loadAverage();
        const double wetEnd = wetFraction();
        const auto vol = m.volumes();
        const double rate = m.cellUpdates() / wall;
        std::printf("{\"bench\":\"flood_district\",\"cells\":%zu,\"open_cells\":%zu,\"threads\":%u,\"simulated_s\":%g,"
                    "\"wall_s\":%.4g,\"cpu_s\":%.4g,\"realtime_factor\":%.3f,\"realtime_factor_from_cpu\":%.3f,"
                    "\"load_average_start\":%.2f,\"load_average_end\":%.2f,\"steps\":%llu,"
                    "\"wet_fraction\":%.3f,\"wet_fraction_end\":%.3f,\"cell_updates\":%.4g,\"cell_updates_per_s\":%.4g,"
                    "\"bytes_per_update\":%.0f,\"copy_bandwidth_bytes_per_s\":%.4g,\"ceiling_cell_updates_per_s\":%.4g,"
                    "\"fraction_of_ceiling\":%.3f,\"stored_m3\":%.6g,\"imbalance_m3\":%.3g}\n",
                    cells, open, districtThreads, m.timeS(), wall, cpu, m.timeS() / wall,
                    m.timeS() / (cpu / districtThreads), load0, load1, static_cast<unsigned long long>(m.stepCount() - steps0),
                    samples ? wetSum / samples : 0.0, wetEnd, m.cellUpdates(), rate, kBytesPerTileUpdate, bw,
                    bw / kBytesPerTileUpdate, rate / (bw / kBytesPerTileUpdate), vol.storedM3, vol.imbalanceM3());
        std::fflush(stdout);
    }

    if (gerris) {
        const int n = 1 << gerrisLevel;
        const double length = 1000.0, dx = length / n;
        // CityDrill on the same grid and end time.
        auto made = FloodModel::create(damBreak(n, length, 2));
        if (!made) return 1;
        FloodModel& m = *made.value();
        const auto t0 = Clock::now();
        m.advanceTo(gerrisEnd);
        const double cdWall = seconds(t0, Clock::now());
        const FloodGrid g = m.grid();
        std::vector<double> xs(n), hs(n);
        const int row = n / 2;  // the row just above y = 0 (centre y = dx / 2)
        for (int i = 0; i < n; ++i) {
            xs[i] = g.originXM + (i + 0.5) * dx;
            hs[i] = g.depthM[static_cast<size_t>(row) * n + i];
        }
        const double cdL1 = lineL1(xs, hs, dx, m.timeS());

        double gWall = -1.0, gL1 = -1.0;
        const bool haveGerris = std::system("command -v gerris2D > /dev/null 2>&1") == 0;
        if (gerrisCase.empty()) {
            const char* src = std::getenv("CITYDRILL_SOURCE_DIR");
            gerrisCase = std::string(src ? src : ".") + "/tests/bench/flood/gerris/dambreak.gfs";
        }
        auto gfs = cd::readTextFile(gerrisCase);
        std::string note;
        if (!haveGerris) note = "gerris2D not installed";
        else if (!gfs) note = "case file not found: " + gerrisCase;
        else {
            std::string text = *gfs;
            auto replace = [&](const std::string& from, const std::string& to) {
                const size_t p = text.find(from);
                if (p != std::string::npos) text.replace(p, from.size(), to);
            };
            replace("Refine 10", "Refine " + std::to_string(gerrisLevel));
            char endBuf[64];
            std::snprintf(endBuf, sizeof endBuf, "end = %g", gerrisEnd);
            replace("end = 5", endBuf);
            char tmpl[] = "/tmp/bench_flood_gerris_XXXXXX";
            const char* dir = mkdtemp(tmpl);
            if (!dir) return 1;
            const std::string d = dir;
            (void)cd::writeTextFile(d + "/dambreak.gfs", text);
            (void)cd::writeTextFile(d + "/dam.cgd", "1 x\n4\n-100000\n-0.000001\n0.000001\n100000\n1\n1\n0\n0\n");
            std::string pts;
            for (int i = 0; i < n; ++i) {
                char b[64];
                std::snprintf(b, sizeof b, "%.9g %.9g 0\n", xs[i], 0.5 * dx);
                pts += b;
            }
            (void)cd::writeTextFile(d + "/pts.dat", pts);
            // OpenMPI singleton without orted (Debian's gerris links MPI): run isolated.
            const std::string cmd = "cd " + d + " && OMPI_MCA_ess_singleton_isolated=1 gerris2D dambreak.gfs > gerris.log 2>&1";
            const auto g0 = Clock::now();
            const int rc = std::system(cmd.c_str());
            gWall = seconds(g0, Clock::now());
            std::ifstream in(d + "/p.dat");
            std::vector<double> gx, gh;
            std::string line;
            while (std::getline(in, line)) {
                if (line.empty() || line[0] == '#') continue;
                std::istringstream ls(line);
                double t, x, y, z, p;
                if (ls >> t >> x >> y >> z >> p) {
                    gx.push_back(x);
                    gh.push_back(p);
                }
            }
            if (rc != 0 || gx.size() != static_cast<size_t>(n)) {
                note = "gerris run failed (see " + d + "/gerris.log)";
                gWall = -1.0;
            } else {
                gL1 = lineL1(gx, gh, dx, gerrisEnd);
            }
        }
        std::printf("{\"bench\":\"flood_vs_gerris\",\"cells\":%d,\"simulated_s\":%g,\"citydrill_threads\":2,"
                    "\"citydrill_wall_s\":%.4g,\"citydrill_l1\":%.5g,\"gerris_wall_s\":%.4g,\"gerris_l1\":%.5g,"
                    "\"speedup\":%.3g,\"l1_ratio_citydrill_over_gerris\":%.3g%s%s%s}\n",
                    n * n, gerrisEnd, cdWall, cdL1, gWall, gL1, gWall > 0 ? gWall / cdWall : -1.0,
                    gL1 > 0 ? cdL1 / gL1 : -1.0, note.empty() ? "" : ",\"note\":\"", note.c_str(), note.empty() ? "" : "\"");
    }
    return 0;
}
