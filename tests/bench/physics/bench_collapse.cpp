// bench_collapse: a 10-storey reinforced-concrete frame fractured into about 500, 1000, 2000 and
// 4000 chunks collapses; prints one JSON line per configuration with the awake (active) body
// count, the bodies actually moving, milliseconds per physics step and steps per wall second
// (and the same from the thread's CPU time, which a busy shared machine does not inflate).
// Single-threaded Bullet, 60 Hz, 10 solver iterations. Modes:
//   debris:  every joint fails at once (all chunks fall freely; the "N bodies move" case)
//   pancake: the ground storey fails, the rest breaks on impact (progressive collapse)
//   --bonds off: loose chunks fall one by one (no cluster bonds), to compare against the default
// Usage: bench_collapse [--steps N] [--bodies 500,1000,...] [--mode debris|pancake|both] [--bonds on|off|both] [--iterations N]
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <sstream>
#include <string>
#include <vector>

#include "physics/physics_world.h"

using namespace cd::physics;

namespace {

double threadCpuMs() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return 1e3 * static_cast<double>(ts.tv_sec) + 1e-6 * static_cast<double>(ts.tv_nsec);
}

FrameBuildingParams buildingFor(int targetChunks, int& chunksOut) {
    FrameBuildingParams p;
    p.storeys = 10;
    p.baysX = 4;
    p.baysY = 3;
    p.seed = 2024;
    // Chunk count falls with chunk size; bisect the size for the target count.
    float lo = 0.3f, hi = 8.0f;
    for (int it = 0; it < 30; ++it) {
        p.chunkSizeM = 0.5f * (lo + hi);
        const int n = static_cast<int>(fractureStructure(makeFrameBuilding(p)).value().chunks.size());
        if (n > targetChunks) lo = p.chunkSizeM;
        else hi = p.chunkSizeM;
    }
    p.chunkSizeM = lo;  // the size just above the target count
    chunksOut = static_cast<int>(fractureStructure(makeFrameBuilding(p)).value().chunks.size());
    return p;
}

void run(int target, const std::string& mode, int steps, int iterations, bool bonds) {
    int chunks = 0;
    const FrameBuildingParams p = buildingFor(target, chunks);
    WorldDef def;
    def.source = "bench_collapse";
    def.solverIterations = iterations;
    StaticBoxDef ground;
    ground.centerM = {10.0f, 7.5f, -0.5f};
    ground.halfExtentsM = {80.0f, 80.0f, 0.5f};
    ground.material = materials::ground();
    def.staticBoxes.push_back(ground);
    auto world = std::move(PhysicsWorld::create(def).value());
    StructureDef sdef = makeFrameBuilding(p);
    sdef.bondLooseChunks = bonds;
    const StructureId s = world->addStructure(sdef).value();
    const int joints = world->structureStats(s).joints;
    for (int n = 0; n < 61; ++n) world->step();  // joints armed after 1 s
    const float top = static_cast<float>(p.storeys) * p.storeyHeightM + 1.0f;
    if (mode == "debris") world->triggerCollapse(s, {-50.0f, -50.0f, -1.0f}, {100.0f, 100.0f, top}, 1.0f);
    else world->triggerCollapse(s, {-50.0f, -50.0f, -1.0f}, {100.0f, 100.0f, p.storeyHeightM + 0.01f}, 1.5f);
    const std::vector<BodyId> ids = world->structureChunks(s);
    double totalMs = 0.0, maxMs = 0.0, awakeSum = 0.0, movingSum = 0.0, cpuMs = 0.0, cpuFirstMs = 0.0;
    for (int n = 0; n < steps; ++n) {
        const auto t0 = std::chrono::steady_clock::now();
        const double c0 = threadCpuMs();
        world->step();
        cpuMs += threadCpuMs() - c0;
        if (2 * n < steps) cpuFirstMs = cpuMs;
        const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
        totalMs += ms;
        maxMs = std::max(maxMs, ms);
        awakeSum += static_cast<double>(world->awakeBodyCount());
        int moving = 0;
        for (BodyId b : ids)
            if (glm::length(world->bodyState(b).velocityMS) > 0.1f) ++moving;
        movingSum += moving;
    }
    const StructureStats st = world->structureStats(s);
    const double msPerStep = totalMs / steps;
    std::printf("{\"bench\":\"collapse\",\"mode\":\"%s\",\"bonds\":%s,\"target_bodies\":%d,\"chunks\":%d,\"joints\":%d,"
                "\"joints_broken\":%d,\"bonds_formed\":%d,\"bonds_holding\":%d,\"chunk_size_m\":%.3f,\"steps\":%d,\"active_bodies\":%.0f,"
                "\"moving_bodies\":%.0f,\"solver_iterations\":%d,\"ms_per_step\":%.3f,\"ms_per_step_max\":%.3f,\"steps_per_s\":%.1f,"
                "\"cpu_ms_per_step\":%.3f,\"cpu_steps_per_s\":%.1f,\"cpu_ms_first_half\":%.3f,\"cpu_ms_second_half\":%.3f}\n",
                mode.c_str(), bonds ? "true" : "false", target, chunks, joints, st.jointsBroken, st.bondsFormed, st.bondsHolding, double(p.chunkSizeM), steps,
                awakeSum / steps, movingSum / steps, iterations, msPerStep, maxMs, 1000.0 / msPerStep, cpuMs / steps,
                1000.0 * steps / cpuMs, cpuFirstMs / ((steps + 1) / 2), (cpuMs - cpuFirstMs) / std::max(1, steps / 2));
    std::fflush(stdout);
}

}  // namespace

int main(int argc, char** argv) {
    int steps = 120;
    int iterations = 10;
    std::vector<int> bodies{500, 1000, 2000, 4000};
    std::string mode = "both";
    std::string bonds = "on";
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--steps" && i + 1 < argc) steps = std::max(1, std::atoi(argv[++i]));
        else if (a == "--mode" && i + 1 < argc) mode = argv[++i];
        else if (a == "--bonds" && i + 1 < argc) bonds = argv[++i];
        else if (a == "--iterations" && i + 1 < argc) iterations = std::clamp(std::atoi(argv[++i]), 1, 200);
        else if (a == "--bodies" && i + 1 < argc) {
            bodies.clear();
            std::stringstream ss(argv[++i]);
            std::string item;
            while (std::getline(ss, item, ','))
                if (std::atoi(item.c_str()) > 0) bodies.push_back(std::atoi(item.c_str()));
        } else {
            std::fprintf(stderr, "usage: bench_collapse [--steps N] [--bodies 500,1000,2000,4000] [--mode debris|pancake|both] [--bonds on|off|both] [--iterations N]\n");
            return 1;
        }
    }
    if (mode != "debris" && mode != "pancake" && mode != "both") {
        std::fprintf(stderr, "bench_collapse: --mode must be debris, pancake or both\n");
        return 1;
    }
    if (bonds != "on" && bonds != "off" && bonds != "both") {
        std::fprintf(stderr, "bench_collapse: --bonds must be on, off or both\n");
        return 1;
    }
    for (int n : bodies)
        for (const bool b : {false, true}) {
            if ((b && bonds == "off") || (!b && bonds == "on")) continue;
            if (mode != "pancake") run(n, "debris", steps, iterations, b);
            if (mode != "debris") run(n, "pancake", steps, iterations, b);
        }
    return 0;
}
