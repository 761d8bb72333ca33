// bench_crowd [--seconds S] [--agents N,N,...] [--threads T,T,...]
// Evacuates a synthetic campus (two-storey teaching blocks: a 60 m corridor per storey with ten
// 6 x 8 m classrooms on each side, two stairs, an exit at each corridor end) with 1 000, 10 000
// and 50 000 people, sized so each classroom holds at most 40. Prints one JSON line per run:
// agents, threads, sim_s, wall_s, cpu_s (all threads), realtime_factor (simulated / wall seconds),
// cpu_us_per_agent_step and evacuated (people out by sim_s).
#include <chrono>
#include <ctime>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <sstream>
#include <string>
#include <vector>

#include "core/rng.h"
#include "crowd/crowd_sim.h"
#include "crowd/demography.h"

using namespace cd::crowd;

namespace {

Polygon rect(double x0, double y0, double x1, double y1) { return {{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}}; }

constexpr int kRoomsPerSide = 10;
constexpr double kRoomW = 6.0, kRoomD = 8.0, kCorridorW = 3.0;
constexpr int kPerRoomMax = 40;

/// Adds one two-storey block at (ox, oy); returns the classroom area indices.
std::vector<int> addBlock(Building& b, int block, double ox, double oy) {
    std::vector<int> rooms;
    const double len = kRoomsPerSide * kRoomW;
    const double cy0 = oy + kRoomD, cy1 = cy0 + kCorridorW;
    int corridors[2];
    for (int level = 0; level < 2; ++level) {
        const std::string tag = "b" + std::to_string(block) + "l" + std::to_string(level);
        corridors[level] = static_cast<int>(b.areas.size());
        b.areas.push_back({tag + "corridor", rect(ox, cy0, ox + len, cy1), level, 0});
        for (int k = 0; k < kRoomsPerSide; ++k) {
            const double x0 = ox + k * kRoomW;
            for (int side = 0; side < 2; ++side) {
                const int area = static_cast<int>(b.areas.size());
                const double y0 = side == 0 ? oy : cy1, y1 = side == 0 ? cy0 : cy1 + kRoomD;
                b.areas.push_back({tag + "r" + std::to_string(k) + (side ? "n" : "s"), rect(x0, y0, x0 + kRoomW, y1), level, 0});
                const double yd = side == 0 ? cy0 : cy1;
                Door d;
                d.id = b.areas.back().id + "door";
                d.fromArea = area;
                d.toArea = corridors[level];
                d.segment = {{x0 + 2.5, yd}, {x0 + 3.5, yd}};
                b.doors.push_back(d);
                rooms.push_back(area);
            }
        }
    }
    for (int end = 0; end < 2; ++end) {
        Door d;
        d.id = "b" + std::to_string(block) + (end ? "east" : "west");
        d.fromArea = corridors[0];
        d.toArea = kSafeArea;
        const double x = end ? ox + len : ox;
        d.segment = {{x, cy0}, {x, cy1}};
        b.doors.push_back(d);
    }
    // Stairs near each corridor end: landings across the corridor, 2 m wide.
    for (int end = 0; end < 2; ++end) {
        Stair s;
        s.id = "b" + std::to_string(block) + "stair" + std::to_string(end);
        s.fromArea = corridors[1];
        s.toArea = corridors[0];
        s.lengthM = 8.0;
        const double xUp = end ? ox + len - 1.5 : ox + 1.5, xDown = end ? ox + len - 4.5 : ox + 4.5;
        s.fromSegment = {{xUp, cy0 + 0.5}, {xUp, cy1 - 0.5}};
        s.toSegment = {{xDown, cy0 + 0.5}, {xDown, cy1 - 0.5}};
        s.hasSegments = true;
        b.stairs.push_back(s);
    }
    return rooms;
}

struct Run {
    double setupS, wallS, cpuS, simS;
    int evacuated;
};

/// CPU seconds of the whole process (all threads): a fairer cost measure on a shared machine.
double cpuSeconds() {
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return ts.tv_sec + 1e-9 * ts.tv_nsec;
}

Run run(int people, unsigned threads, double seconds) {
    const int blocks = (people + 4 * kRoomsPerSide * kPerRoomMax - 1) / (4 * kRoomsPerSide * kPerRoomMax);
    Building b;
    std::vector<int> rooms;
    for (int k = 0; k < blocks; ++k) {
        auto r = addBlock(b, k, (k % 6) * 70.0, (k / 6) * 25.0);
        rooms.insert(rooms.end(), r.begin(), r.end());
    }
    CrowdSettings settings;
    settings.threads = threads;
    const auto t0 = std::chrono::steady_clock::now();
    auto created = CrowdSim::create(b, settings);
    if (!created) {
        std::fprintf(stderr, "bench_crowd: %s\n", created.error().str().c_str());
        std::exit(1);
    }
    CrowdSim& sim = **created;
    cd::Rng rng(2024);
    const SpeedDistribution speed = *speedProfile("weidmann-adult");
    const int perRoom = (people + static_cast<int>(rooms.size()) - 1) / static_cast<int>(rooms.size());
    int placed = 0;
    for (int area : rooms) {
        const Polygon& p = b.areas[area].polygon;
        for (int k = 0; k < perRoom && placed < people; ++k, ++placed) {
            Agent a;
            a.area = area;
            a.pos = {p[0].x + 0.6 + (k % 5) * 1.2, p[0].y + 0.5 + (k / 5) * 0.95};
            a.desiredSpeedMps = speed.draw(rng);
            a.premovementS = rng.uniform(0.0, 10.0);
            if (!sim.addAgent(a)) {
                std::fprintf(stderr, "bench_crowd: could not place a person\n");
                std::exit(1);
            }
        }
    }
    const auto t1 = std::chrono::steady_clock::now();
    const double c1 = cpuSeconds();
    sim.runUntil(seconds);
    const double c2 = cpuSeconds();
    const auto t2 = std::chrono::steady_clock::now();
    return {std::chrono::duration<double>(t1 - t0).count(), std::chrono::duration<double>(t2 - t1).count(), c2 - c1, sim.timeS(),
            sim.evacuatedCount()};
}

std::vector<double> list(const char* s) {
    std::vector<double> out;
    std::stringstream ss(s);
    std::string item;
    while (std::getline(ss, item, ',')) out.push_back(std::atof(item.c_str()));
    return out;
}

}  // namespace

int main(int argc, char** argv) {
    double seconds = 30.0;
    std::vector<double> agents = {1000, 10000, 50000}, threads = {1, 2};
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string a = argv[i];
        if (a == "--seconds") seconds = std::atof(argv[i + 1]);
        else if (a == "--agents") agents = list(argv[i + 1]);
        else if (a == "--threads") threads = list(argv[i + 1]);
        else {
            std::fprintf(stderr, "usage: bench_crowd [--seconds S] [--agents N,N] [--threads T,T]\n");
            return 2;
        }
    }
    for (double n : agents)
        for (double t : threads) {
            const Run r = run(static_cast<int>(n), static_cast<unsigned>(t), seconds);
            std::printf(
                "{\"bench\":\"crowd_campus\",\"agents\":%d,\"threads\":%u,\"sim_s\":%.1f,\"wall_s\":%.3f,\"cpu_s\":%.3f,"
                "\"setup_s\":%.3f,\"realtime_factor\":%.2f,\"cpu_us_per_agent_step\":%.3f,\"evacuated\":%d}\n",
                static_cast<int>(n), static_cast<unsigned>(t), r.simS, r.wallS, r.cpuS, r.setupS, r.simS / r.wallS,
                r.cpuS * 1e6 / (n * r.simS / 0.05), r.evacuated);
            std::fflush(stdout);
        }
    return 0;
}
