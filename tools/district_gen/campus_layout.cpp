// Lays out the school campus from a seed. Everything random comes from one cd::Rng so the
// same seed gives the same campus on every run (the determinism test compares bytes).
//
// Site plan (300 m x 300 m, x east, y north):
//   y   0.. 62  riverside low area with the stream channel (outside the school fence)
//   y  62.. 80  bank rising to the campus level (about 10 m)
//   y  80..140  playground, parking, sports field (assembly point)
//   y 146..153  access road from the west edge; N-S service road at x 62..69
//   y 160..290  teaching blocks in two rows; a gentle hill in the north-west corner
#include <algorithm>
#include <cmath>
#include <map>

#include "campus.h"
#include "core/rng.h"

namespace cd::districtgen {

namespace {

constexpr float kPi = 3.14159265f;

float smooth01(float t) {
    t = std::clamp(t, 0.0f, 1.0f);
    return t * t * (3.0f - 2.0f * t);
}

struct TerrainShape {
    float phase1, phase2, hillX, hillY, hillA, hillSigma;
    const Campus* campus;

    float height(float x, float y) const {
        float h;
        if (y < 60.0f) h = 7.5f + 0.5f * y / 60.0f;
        else h = 8.0f + 2.0f * smooth01((y - 60.0f) / 20.0f);
        const float w = smooth01((y - 60.0f) / 20.0f);
        h += w * 0.3f * std::sin(x / 23.0f + phase1) * std::cos(y / 31.0f + phase2);
        const float dx = x - hillX, dy = y - hillY;
        h += hillA * std::exp(-(dx * dx + dy * dy) / (2.0f * hillSigma * hillSigma));
        const float d = std::abs(y - campus->streamY(x));
        if (d < 5.0f) h -= 2.2f * (1.0f - (d / 5.0f) * (d / 5.0f));
        return h;
    }
};

struct Pad {
    Rect rect;
    float level;
    float blendM;
};

float distanceOutside(const Rect& r, float x, float y) {
    const float dx = std::max({r.x0 - x, 0.0f, x - r.x1});
    const float dy = std::max({r.y0 - y, 0.0f, y - r.y1});
    return std::sqrt(dx * dx + dy * dy);
}

float round2(float v) { return std::round(v * 100.0f) / 100.0f; }
float round3(float v) { return std::round(v * 1000.0f) / 1000.0f; }

void addDoor(world::District& d, const std::string& id, const std::string& a, const std::string& b, glm::vec3 c, glm::vec3 n, float w,
             float h = 2.1f) {
    world::Door door;
    door.id = id;
    door.roomA = a;
    door.roomB = b;
    door.centerM = c;
    door.normal = n;
    door.widthM = w;
    door.heightM = h;
    door.isExit = b == "outside";
    d.doors.push_back(door);
}

/// Rooms, doors, stairs, exits and wall lines of one teaching block.
void planBuildingInterior(BuildingPlan& p, Campus& campus) {
    world::District& d = campus.district;
    const float t = BuildingPlan::kWallM, H = BuildingPlan::kStoreyM;
    const auto& xl = p.xLines;
    const auto& yl = p.yLines;
    const int n = int(xl.size()) - 3;   // classroom slots per band
    const int bands = int(yl.size()) - 1;
    const int cb = p.corridorBand;
    const float sy0 = yl[0] + t / 2, sy1 = yl.back() - t / 2;
    const float corrY = (yl[cb] + yl[cb + 1]) * 0.5f;
    const float midX = (xl[1] + xl[n + 1]) * 0.5f;

    // Stairwell strips: two flight strips (alternating by storey so a flight never starts
    // under the slab hole of the one below) and a circulation strip by the corridor.
    struct Well {
        std::string name;
        float ix0, ix1;           // interior x range
        float strip[2][2];        // [even/odd][x0,x1]
        float circX;              // circulation centre
        int innerWall;            // index into xl of the wall to the corridor
        float normalToCorridor;   // +1: corridor is east
    };
    const float wx0 = xl[0] + t / 2, wx1 = xl[1] - t / 2;
    const float ex0 = xl[n + 1] + t / 2, ex1 = xl[n + 2] - t / 2;
    Well wells[2] = {
        {"stairW", wx0, wx1, {{wx0 + 0.05f, wx0 + 1.55f}, {wx0 + 1.65f, wx0 + 3.15f}}, (wx0 + 3.15f + wx1) * 0.5f, 1, 1.0f},
        {"stairE", ex0, ex1, {{ex1 - 1.55f, ex1 - 0.05f}, {ex1 - 3.15f, ex1 - 1.65f}}, (ex0 + ex1 - 3.15f) * 0.5f, n + 1, -1.0f},
    };

    p.walls.assign(p.storeys, {});
    for (int s = 0; s < p.storeys; ++s) {
        const float zf = p.baseZ + float(s) * H;
        const float zc = zf + H - BuildingPlan::kSlabM;
        const std::string pre = p.id + "." + std::to_string(s) + ".";
        auto& walls = p.walls[s];
        const float extZ0 = s == 0 ? zf - 0.2f : zf;
        // 0 south, 1 north, 2 west, 3 east (exterior); then band walls, stair walls, partitions.
        walls.push_back({true, yl[0], xl[0] + t / 2, xl.back() - t / 2, extZ0, zf + H, true, {}});
        walls.push_back({true, yl.back(), xl[0] + t / 2, xl.back() - t / 2, extZ0, zf + H, true, {}});
        walls.push_back({false, xl[0], yl[0] - t / 2, yl.back() + t / 2, extZ0, zf + H, true, {}});
        walls.push_back({false, xl.back(), yl[0] - t / 2, yl.back() + t / 2, extZ0, zf + H, true, {}});
        std::vector<int> bandWall(yl.size(), -1);
        for (int k = 1; k < bands; ++k) {
            bandWall[k] = int(walls.size());
            walls.push_back({true, yl[k], xl[1] + t / 2, xl[n + 1] - t / 2, zf, zc, false, {}});
        }
        const int stairWall[2] = {int(walls.size()), int(walls.size()) + 1};
        walls.push_back({false, xl[1], sy0, sy1, zf, zc, false, {}});
        walls.push_back({false, xl[n + 1], sy0, sy1, zf, zc, false, {}});
        for (int k = 2; k <= n; ++k)
            for (int b = 0; b < bands; ++b)
                if (b != cb) walls.push_back({false, xl[k], yl[b] + t / 2, yl[b + 1] - t / 2, zf, zc, false, {}});

        // A glazed opening in exterior wall `wall` (0 south, 1 north, 2 west, 3 east), also listed
        // in the manifest (the fire model keeps windows shut until their glass falls out).
        std::map<std::string, int> windowsOfRoom;
        auto addWindow = [&](int wall, const std::string& roomId, float c, float w) {
            constexpr float kSill = 0.9f, kHead = 2.4f;
            walls[wall].openings.push_back({c, w, kSill, kHead, true});
            world::Window win;
            win.id = roomId + ".window" + std::to_string(++windowsOfRoom[roomId]);
            win.room = roomId;
            const Wall& wl = walls[wall];
            win.centerM = wl.alongX ? glm::vec3(c, wl.at, zf + kSill) : glm::vec3(wl.at, c, zf + kSill);
            const glm::vec3 outward[4] = {{0, -1, 0}, {0, 1, 0}, {-1, 0, 0}, {1, 0, 0}};
            win.normal = outward[wall];
            win.widthM = w;
            win.heightM = kHead - kSill;
            d.windows.push_back(win);
        };

        // Stairwells.
        for (int wi = 0; wi < 2; ++wi) {
            const Well& w = wells[wi];
            world::Room room;
            room.id = pre + w.name;
            room.building = p.id;
            room.storey = s;
            room.kind = world::RoomKind::Stairwell;
            room.box = {{w.ix0, sy0, zf}, {w.ix1, sy1, zc}};
            d.rooms.push_back(room);
            addDoor(d, room.id + ".corridor", room.id, pre + "corridor", {xl[w.innerWall], corrY, zf}, {w.normalToCorridor, 0, 0}, 1.2f);
            walls[stairWall[wi]].openings.push_back({corrY, 1.2f, 0.0f, 2.1f, false});
            if (s == 0) {
                const std::string doorId = p.id + "." + w.name + ".exit";
                addDoor(d, doorId, room.id, "outside", {w.circX, yl[0], zf}, {0, -1, 0}, 1.4f);
                walls[0].openings.push_back({w.circX, 1.4f, 0.0f, 2.1f, false});
            } else {
                addWindow(0, room.id, w.circX, 1.2f);
            }
            addWindow(1, room.id, w.circX, 1.2f);
            addWindow(wi == 0 ? 2 : 3, room.id, (sy0 + sy1) * 0.5f, 1.5f);
        }

        // Corridor.
        {
            world::Room room;
            room.id = pre + "corridor";
            room.building = p.id;
            room.storey = s;
            room.kind = world::RoomKind::Corridor;
            room.box = {{xl[1] + t / 2, yl[cb] + t / 2, zf}, {xl[n + 1] - t / 2, yl[cb + 1] - t / 2, zc}};
            d.rooms.push_back(room);
            if (cb == 0) {  // single-loaded: the corridor has the south facade
                for (int k = 0; k < n; ++k) {
                    const float c = (xl[k + 1] + xl[k + 2]) * 0.5f;
                    if (s == 0 && std::abs(c - midX) < 2.5f) continue;
                    addWindow(0, room.id, c, 1.8f);
                }
                if (s == 0) {
                    addDoor(d, p.id + ".main.exit", room.id, "outside", {midX, yl[0], zf}, {0, -1, 0}, 2.0f, 2.4f);
                    walls[0].openings.push_back({midX, 2.0f, 0.0f, 2.4f, false});
                }
            }
        }

        // Classrooms (and the ground floor's entrance hall and office).
        int number = 1;
        for (int b = 0; b < bands; ++b) {
            if (b == cb) continue;
            for (int k = 0; k < n; ++k) {
                world::Room room;
                room.building = p.id;
                room.storey = s;
                room.kind = world::RoomKind::Classroom;
                const float rx0 = xl[k + 1] + t / 2, rx1 = xl[k + 2] - t / 2;
                const float c = (rx0 + rx1) * 0.5f;
                room.box = {{rx0, yl[b] + t / 2, zf}, {rx1, yl[b + 1] - t / 2, zc}};
                const bool hall = s == 0 && p.doubleLoaded && b == 0 && k == n / 2;
                const bool office = s == 0 && b == bands - 1 && k == 0;
                if (hall) {
                    room.kind = world::RoomKind::Hall;
                    room.id = pre + "hall";
                } else if (office) {
                    room.kind = world::RoomKind::Office;
                    room.id = pre + "office";
                } else {
                    room.id = pre + "classroom" + std::to_string(number++);
                }
                d.rooms.push_back(room);
                const bool south = b < cb;
                const float wallY = south ? yl[cb] : yl[cb + 1];
                const int bw = bandWall[south ? cb : cb + 1];
                const float doorX = hall ? c : rx0 + 1.3f;
                const float doorW = hall ? 1.8f : 1.0f;
                addDoor(d, room.id + ".door", room.id, pre + "corridor", {doorX, wallY, zf}, {0, south ? 1.0f : -1.0f, 0}, doorW);
                walls[bw].openings.push_back({doorX, doorW, 0.0f, 2.1f, false});
                // Facade: the band's outer wall (south for band 0, north for the last band).
                const int facade = b == 0 ? 0 : (b == bands - 1 ? 1 : -1);
                if (facade < 0) continue;
                if (hall) {
                    addDoor(d, p.id + ".main.exit", room.id, "outside", {c, yl[0], zf}, {0, -1, 0}, 2.0f, 2.4f);
                    walls[0].openings.push_back({c, 2.0f, 0.0f, 2.4f, false});
                    addWindow(0, room.id, c - 2.9f, 1.2f);
                    addWindow(0, room.id, c + 2.9f, 1.2f);
                } else {
                    addWindow(facade, room.id, c - 2.0f, 1.8f);
                    addWindow(facade, room.id, c + 2.0f, 1.8f);
                }
            }
        }
        for (Wall& w : walls)
            std::sort(w.openings.begin(), w.openings.end(), [](const Opening& a, const Opening& b) { return a.centre < b.centre; });

        // Flights up to the next storey.
        if (s + 1 < p.storeys) {
            for (int wi = 0; wi < 2; ++wi) {
                const Well& w = wells[wi];
                const int parity = s % 2;
                Flight f;
                f.storey = s;
                f.x0 = w.strip[parity][0];
                f.x1 = w.strip[parity][1];
                f.yBottom = parity == 0 ? sy0 + 1.2f : sy0 + 8.0f;
                f.yTop = parity == 0 ? sy0 + 6.8f : sy0 + 2.4f;
                f.zBottom = zf;
                f.zTop = zf + H;
                p.flights.push_back(f);
                const float dir = f.yTop > f.yBottom ? 1.0f : -1.0f;
                const float cx = (f.x0 + f.x1) * 0.5f;
                world::Stair st;
                st.id = p.id + "." + w.name + "." + std::to_string(s) + "-" + std::to_string(s + 1);
                st.lowerRoom = pre + w.name;
                st.upperRoom = p.id + "." + std::to_string(s + 1) + "." + w.name;
                st.bottomM = {cx, f.yBottom - 0.3f * dir, zf};
                st.topM = {cx, f.yTop + 0.3f * dir, zf + H};
                st.lengthM = round3(std::hypot(std::abs(f.yTop - f.yBottom), H) + 0.6f);
                st.widthM = round3(f.x1 - f.x0);
                d.stairs.push_back(st);
            }
        }
    }
}

}  // namespace

float Campus::streamY(float x) const { return 28.0f + 7.0f * std::sin(2.0f * kPi * x / 170.0f + streamPhase); }

Campus generateCampus(std::uint64_t seed) {
    Campus campus;
    campus.seed = seed;
    Rng rng(seed, 0x5c4001c0ffeeULL);
    world::District& d = campus.district;
    d.name = "school_campus";
    d.modelPath = "school_campus.gltf";

    campus.streamPhase = float(rng.uniform(0.0, 2.0 * kPi));
    TerrainShape shape{float(rng.uniform(0.0, 6.28)), float(rng.uniform(0.0, 6.28)), float(rng.uniform(30.0, 50.0)),
                       float(rng.uniform(245.0, 265.0)), float(rng.uniform(5.0, 7.0)), 32.0f, &campus};

    // Outdoor areas (fixed frame; buildings and props vary with the seed).
    campus.roads = {{0, 146, 292, 153}, {62, 153, 69, 285}};
    campus.parking = {75, 122, 135, 145};
    campus.playground = {88, 84, 138, 116};
    campus.sportsField = {150, 80, 272, 138};
    campus.fence = {4, 70, 296, 296};
    campus.fenceGates = {{0, 144, 8, 155}, {198, 66, 206, 74}};
    campus.paths.push_back({145, 138, 148, 146});  // road to the sports field

    // Teaching blocks in two rows.
    const int total = 3 + int(rng.below(3));
    const int row1 = std::min(total, 2 + int(rng.below(2)));
    const int rowCount[2] = {row1, total - row1};
    float rowY = 168.0f;
    char letter = 'A';
    for (int row = 0; row < 2; ++row) {
        const int k = rowCount[row];
        if (k == 0) continue;
        std::vector<int> slots(k);
        std::vector<bool> dbl(k);
        for (int i = 0; i < k; ++i) {
            slots[i] = 3 + int(rng.below(3));
            dbl[i] = rng.uniform() < 0.6;
        }
        auto length = [&](int i) { return 11.0f + 8.0f * float(slots[i]) + BuildingPlan::kWallM; };
        const float span = 290.0f - 78.0f;
        float used = 0;
        for (int i = 0; i < k; ++i) used += length(i);
        float slack = span - used - 14.0f * float(k - 1);
        while (slack < 0) {  // shrink the longest block until the row fits
            int longest = int(std::max_element(slots.begin(), slots.end()) - slots.begin());
            --slots[longest];
            slack += 8.0f;
        }
        float x = 78.0f + float(rng.uniform(0.0, slack * 0.3));
        float depthMax = 0;
        for (int i = 0; i < k; ++i) {
            BuildingPlan p;
            p.id = std::string(1, letter++);
            p.storeys = 2 + int(rng.below(4));
            p.doubleLoaded = dbl[i];
            p.brick = rng.uniform() < 0.5;
            p.name = "Teaching block " + p.id;
            p.x0 = round2(x);
            p.y0 = rowY;
            const float t = BuildingPlan::kWallM;
            p.xLines.push_back(p.x0 + t / 2);
            p.xLines.push_back(p.xLines.back() + 5.5f);
            for (int s = 0; s < slots[i]; ++s) p.xLines.push_back(p.xLines.back() + 8.0f);
            p.xLines.push_back(p.xLines.back() + 5.5f);
            const std::vector<float> yo = p.doubleLoaded ? std::vector<float>{0, 7, 9.5f, 16.5f} : std::vector<float>{0, 2.5f, 9.5f};
            for (float o : yo) p.yLines.push_back(p.y0 + t / 2 + o);
            p.corridorBand = p.doubleLoaded ? 1 : 0;
            p.baseZ = round2(std::round(shape.height((p.x0 + p.x1()) * 0.5f, (p.y0 + p.y1()) * 0.5f) * 20.0f) / 20.0f + 0.15f);
            depthMax = std::max(depthMax, p.y1() - p.y0);
            x = p.x1() + 14.0f + float(rng.uniform(0.0, slack * 0.7 / std::max(1, k - 1)));
            campus.plans.push_back(p);
        }
        // The row's walkway, from the service road to the last block.
        campus.paths.push_back({69, rowY - 7.0f, campus.plans.back().x1(), rowY - 4.5f});
        rowY += depthMax + 30.0f;
    }

    // Terrain: the shape, then level pads under buildings and sports areas, rounded to cm
    // (the DEM's precision) so that every consumer sees the same numbers.
    world::Terrain& terrain = d.terrain;
    terrain.nx = terrain.ny = int(campus.sizeM);
    terrain.cellM = 1.0f;
    terrain.originM = {0.0f, 0.0f};
    terrain.heightsM.resize(std::size_t(terrain.nx) * terrain.ny);
    std::vector<Pad> pads;
    for (const BuildingPlan& p : campus.plans) pads.push_back({{p.x0 - 3, p.y0 - 3, p.x1() + 3, p.y1() + 3}, p.baseZ - 0.15f, 8.0f});
    for (const Rect& r : {campus.sportsField, campus.playground, campus.parking}) {
        const glm::vec2 c = r.centre();
        pads.push_back({r, round2(shape.height(c.x, c.y)), 6.0f});
    }
    for (int j = 0; j < terrain.ny; ++j) {
        for (int i = 0; i < terrain.nx; ++i) {
            const float x = float(i) + 0.5f, y = float(j) + 0.5f;
            float h = shape.height(x, y);
            for (const Pad& pad : pads) {
                const float dist = distanceOutside(pad.rect, x, y);
                if (dist < pad.blendM) h += (pad.level - h) * smooth01(1.0f - dist / pad.blendM);
            }
            terrain.heightsM[std::size_t(j) * terrain.nx + i] = round2(h);
        }
    }

    // Interiors, then the outdoor side of every exit.
    for (BuildingPlan& p : campus.plans) {
        world::Building b;
        b.id = p.id;
        b.name = p.name;
        b.storeys = p.storeys;
        b.storeyHeightM = BuildingPlan::kStoreyM;
        b.box = {{p.x0, p.y0, p.baseZ - 0.2f}, {p.x1(), p.y1(), p.baseZ + float(p.storeys) * BuildingPlan::kStoreyM + 0.3f}};
        d.buildings.push_back(b);
        planBuildingInterior(p, campus);
    }
    for (const world::Door& door : d.doors) {
        if (!door.isExit) continue;
        world::Exit e;
        e.id = door.id.substr(0, door.id.size() - 5);  // "A.stairW.exit" -> "A.stairW"
        e.id = "exit." + e.id;
        e.door = door.id;
        const glm::vec3 out = door.centerM + door.normal * 2.5f;
        e.positionM = {out.x, out.y, terrain.heightAt(out.x, out.y)};
        d.exits.push_back(e);
        // A short path from the door down to the row's walkway.
        const BuildingPlan* plan = nullptr;
        for (const BuildingPlan& p : campus.plans)
            if (door.id.rfind(p.id + ".", 0) == 0) plan = &p;
        if (plan) campus.paths.push_back({door.centerM.x - 1.2f, plan->y0 - 4.5f, door.centerM.x + 1.2f, plan->y0});
    }
    const glm::vec2 fc = campus.sportsField.centre();
    d.assemblyPoints.push_back({"assembly.field", {fc.x, fc.y, terrain.heightAt(fc.x, fc.y)}, 15.0f});
    const glm::vec2 pc = campus.playground.centre();
    d.assemblyPoints.push_back({"assembly.playground", {pc.x, pc.y, terrain.heightAt(pc.x, pc.y)}, 10.0f});
    d.lowAreaM = {{0, 0}, {campus.sizeM, 0}, {campus.sizeM, 62}, {0, 62}};
    for (float x = 0; x <= campus.sizeM; x += 10.0f) campus.streamLine.push_back({x, round2(campus.streamY(x))});
    campus.waterLevelM = 6.6f;

    // Trees: rejection sampling away from everything built, at least 4 m apart.
    auto blocked = [&](float x, float y) {
        for (const BuildingPlan& p : campus.plans)
            if (Rect{p.x0, p.y0, p.x1(), p.y1()}.contains(x, y, 5.0f)) return true;
        for (const Rect& r : campus.roads)
            if (r.contains(x, y, 2.5f)) return true;
        for (const Rect& r : campus.paths)
            if (r.contains(x, y, 2.0f)) return true;
        for (const Rect& r : {campus.parking, campus.playground, campus.sportsField})
            if (r.contains(x, y, 3.5f)) return true;
        if (std::abs(y - campus.streamY(x)) < 7.0f) return true;
        const Rect& f = campus.fence;
        if (y > f.y0 - 2 && y < f.y1 + 2 && (std::abs(x - f.x0) < 2 || std::abs(x - f.x1) < 2)) return true;
        if (x > f.x0 - 2 && x < f.x1 + 2 && (std::abs(y - f.y0) < 2 || std::abs(y - f.y1) < 2)) return true;
        return false;
    };
    const int wanted = 55 + int(rng.below(20));
    for (int attempt = 0; attempt < 4000 && int(campus.trees.size()) < wanted; ++attempt) {
        const float x = round2(float(rng.uniform(6.0, 294.0))), y = round2(float(rng.uniform(4.0, 294.0)));
        const float s = round2(float(rng.uniform(0.8, 1.3)));
        if (blocked(x, y)) continue;
        bool close = false;
        for (const glm::vec2& o : campus.trees) close = close || std::hypot(o.x - x, o.y - y) < 4.0f;
        if (close) continue;
        campus.trees.push_back({x, y});
        campus.treeScale.push_back(s);
    }

    // Benches along the north edge of the sports field and by the playground.
    for (float x = campus.sportsField.x0 + 10; x < campus.sportsField.x1 - 5; x += 18) campus.benches.push_back({x, campus.sportsField.y1 + 2.0f, 0.0f});
    for (float y = campus.playground.y0 + 6; y < campus.playground.y1; y += 10) campus.benches.push_back({campus.playground.x1 + 2.0f, y, kPi / 2});

    // Parked cars: two rows of stalls, about half taken.
    const Rect& pk = campus.parking;
    for (int r = 0; r < 2; ++r) {
        const float y = r == 0 ? pk.y0 + 3.0f : pk.y1 - 3.0f;
        for (float x = pk.x0 + 1.5f; x < pk.x1 - 1.0f; x += 2.6f)
            if (rng.uniform() < 0.55) campus.cars.push_back({x, y, kPi / 2, int(rng.below(5))});
    }
    return campus;
}

}  // namespace cd::districtgen
