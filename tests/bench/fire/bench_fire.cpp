// bench_fire: realtime factor of the compartment fire model on a multi-storey office building.
// Prints one JSON line per configuration: rooms, fires, threads, simulated_s, wall_s,
// realtime_factor (simulated / wall seconds), and the same against the thread's CPU time
// (cpu_realtime_factor, which a busy shared machine does not distort). The model is
// single-threaded (threads = 1).
//
// Building: F floors, each a 4 m wide corridor with offices (4 x 5 x 3 m) on both sides,
// every office door 0.9 x 2.1 m (every other one open, the closed ones leak), a window
// (closed) and wall leakage; one stair shaft spans all floors with a door from each corridor
// and a door to outside at the ground. Fires: medium t-squared to 1 MW in offices spread over
// the floors. Driven the way the tick loop drives it: advanceTo() at 60 Hz. Each building runs
// with door mixing (CFAST spill plumes, the default) and without it, side by side
// ("door_mixing" in the JSON), so its cost is measured under the same machine load; the largest
// runs once more with surface connections between its rooms ("surface_connections", their number).
#include <chrono>
#include <ctime>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "fire/fire_model.h"

using namespace cd::fire;

namespace {

FireModelDef building(int floors, int officesPerFloor, int fires, bool fireDoorsOpen) {
    FireModelDef def;
    const double h = 3.0, officeW = 4.0, officeD = 5.0, corridorW = 4.0;
    int perSide = (officesPerFloor + 1) / 2;
    double length = perSide * officeW;
    RoomDef stair;
    stair.id = "stair";
    stair.originM = {-4.0, officeD, 0.0};
    stair.sizeM = {4.0, corridorW, h * floors};
    stair.wall.name = "concrete";
    builtinWallMaterial("concrete", stair.wall);
    def.rooms.push_back(stair);
    OpeningDef exit;
    exit.id = "exit";
    exit.roomA = "stair";
    exit.widthM = 1.2;
    exit.heightM = 2.1;
    def.openings.push_back(exit);
    std::vector<std::string> officeIds;
    for (int f = 0; f < floors; ++f) {
        double z = f * h;
        RoomDef corridor;
        corridor.id = "corridor" + std::to_string(f);
        corridor.originM = {0.0, officeD, z};
        corridor.sizeM = {length, corridorW, h};
        corridor.leakageAreaM2 = 0.02;
        def.rooms.push_back(corridor);
        OpeningDef sd;
        sd.id = "stairdoor" + std::to_string(f);
        sd.roomA = corridor.id;
        sd.roomB = "stair";
        sd.widthM = 1.0;
        sd.heightM = 2.1;
        sd.open = f % 2 == 0;
        def.openings.push_back(sd);
        for (int o = 0; o < officesPerFloor; ++o) {
            int side = o % 2, slot = o / 2;
            RoomDef office;
            office.id = "office" + std::to_string(f) + "_" + std::to_string(o);
            office.originM = {slot * officeW, side ? officeD + corridorW : 0.0, z};
            office.sizeM = {officeW, officeD, h};
            office.leakageAreaM2 = 0.005;
            def.rooms.push_back(office);
            OpeningDef door;
            door.id = "door" + office.id;
            door.roomA = office.id;
            door.roomB = corridor.id;
            door.widthM = 0.9;
            door.heightM = 2.1;
            door.open = o % 2 == 0;
            def.openings.push_back(door);
            OpeningDef window;
            window.id = "window" + office.id;
            window.roomA = office.id;
            window.widthM = 1.5;
            window.heightM = 1.2;
            window.sillM = 1.0;
            window.open = false;
            def.openings.push_back(window);
            officeIds.push_back(office.id);
        }
    }
    for (int i = 0; i < fires; ++i) {
        size_t k = (officeIds.size() * (2 * i + 1)) / (2 * fires);
        // The spread puts the large building's fires in offices whose doors are shut (their smoke
        // only leaks); fireDoorsOpen moves each to its neighbour with an open door.
        if (fireDoorsOpen && (k % officesPerFloor) % 2 == 1) --k;
        FireDef fd;
        fd.id = "fire" + std::to_string(i);
        fd.room = officeIds[k];
        const RoomDef* r = nullptr;
        for (const auto& rd : def.rooms)
            if (rd.id == fd.room) r = &rd;
        fd.positionM = {r->originM.x + 2.0, r->originM.y + 2.5, r->originM.z};
        fd.alphaKwS2 = kAlphaMedium;
        fd.peakHrrKw = 1000.0;
        fd.fuelMassKg = 200.0;
        fd.sootYield = 0.05;
        fd.coYield = 0.02;
        def.fires.push_back(fd);
    }
    return def;
}

void run(int floors, int officesPerFloor, int fires, double simulatedS, bool doorMixing, bool fireDoorsOpen = false, bool connected = false) {
    FireModelDef def = building(floors, officesPerFloor, fires, fireDoorsOpen);
    def.doorMixing = doorMixing;
    // Surface connections as a session makes them: every pair of rooms facing across a wall or slab.
    if (connected) connectFacingRooms(def);
    auto model = FireModel::create(def);
    if (!model) {
        std::fprintf(stderr, "%s\n", model.error().str().c_str());
        std::exit(1);
    }
    const double tick = 1.0 / 60.0;
    long ticks = static_cast<long>(simulatedS / tick);
    auto cpu = [] {
        timespec ts;
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
        return ts.tv_sec + 1e-9 * ts.tv_nsec;
    };
    double c0 = cpu();
    auto t0 = std::chrono::steady_clock::now();
    size_t events = 0;
    for (long i = 1; i <= ticks; ++i) {
        model->advanceTo(i * tick);
        if (i % 60 == 0) events += model->drainEvents().size();
    }
    double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    double cpuS = cpu() - c0;
    double sim = model->timeS();
    std::printf(
        "{\"rooms\": %d, \"openings\": %d, \"fires\": %d, \"fire_doors_open\": %s, \"door_mixing\": %s, \"threads\": 1, \"simulated_s\": %.1f, \"wall_s\": %.3f, "
        "\"realtime_factor\": %.1f, \"cpu_s\": %.3f, \"cpu_realtime_factor\": %.1f, \"events\": %zu, \"sub_steps\": %ld, \"pressure_sweeps\": %ld, "
        "\"residual_evaluations\": %ld, \"surface_connections\": %zu}\n",
        model->roomCount(), model->openingCount(), fires, fireDoorsOpen ? "true" : "false", doorMixing ? "true" : "false", sim, wall, sim / wall, cpuS, sim / cpuS, events, model->solverStats().subSteps,
        model->solverStats().pressureSweeps, model->solverStats().residualEvaluations, def.connections.size());
    std::fflush(stdout);
}

}  // namespace

int main(int argc, char** argv) {
    double simulated = argc > 1 ? std::atof(argv[1]) : 600.0;
    for (bool mixing : {true, false}) run(1, 9, 1, simulated, mixing);    // a small flat: 10 rooms + stair
    for (bool mixing : {true, false}) run(10, 9, 2, simulated, mixing);   // 100 rooms
    for (bool mixing : {true, false}) run(10, 99, 10, simulated, mixing); // 1000 rooms + stair, 10 fires
    // The same with the fire offices' doors open: smoke spills into the corridors (door mixing at work).
    for (bool mixing : {true, false}) run(10, 99, 10, simulated, mixing, true);
    // The 1000 rooms with heat through their walls and floors (surface connections), against the
    // first 1000-room line, so the connections' cost is measured under the same machine load.
    run(10, 99, 10, simulated, true, false, true);
    return 0;
}
