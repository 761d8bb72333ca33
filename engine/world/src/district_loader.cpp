// District manifest (JSON, format "citydrill-district", version 1) -> District, with full
// validation. Every error names the file, the line of the field (found again in the text)
// and the field path, e.g. "school_campus.json:812: doors[3].roomB: unknown room 'A.9.x'".
#include <cmath>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>

#include <glm/common.hpp>

#include "core/files.h"
#include "json_locator.h"
#include "world/district.h"
#include "world/esri_grid.h"

namespace cd::world {

namespace {

using nlohmann::json;

// A door centre sits in the middle of a wall: half the wall thickness from each room box.
// Walls up to 0.6 m thick pass; a door 1 m off the boundary does not.
constexpr float kDoorBoundaryTolM = 0.35f;
constexpr float kDoorFloorTolM = 0.3f;

struct Ctx {
    std::string file;
    const std::string& text;
    std::optional<Error> error;

    bool fail(const std::string& field, const std::string& message) {
        if (!error) error = makeError(message, file, detail::jsonLineOf(text, field), field);
        return false;
    }
};

/// Reads the members of one JSON object; rejects unknown keys so typos are not silently ignored.
class ObjectReader {
public:
    ObjectReader(Ctx& ctx, const json& obj, std::string path) : ctx_(ctx), obj_(obj), path_(std::move(path)) {
        if (!obj_.is_object()) ctx_.fail(path_, "must be an object");
    }

    std::string field(const std::string& key) const { return path_.empty() ? key : path_ + "." + key; }
    bool ok() const { return !ctx_.error; }
    bool has(const std::string& key) {
        seen_.insert(key);
        return obj_.is_object() && obj_.contains(key);
    }
    const json* get(const std::string& key, bool required) {
        if (ctx_.error) return nullptr;
        if (!has(key)) {
            if (required) ctx_.fail(field(key), "missing required field '" + key + "'");
            return nullptr;
        }
        return &obj_.at(key);
    }
    bool str(const std::string& key, std::string& out, bool required = true) {
        const json* v = get(key, required);
        if (!v) return false;
        if (!v->is_string()) return ctx_.fail(field(key), "must be a string");
        out = v->get<std::string>();
        if (out.empty()) return ctx_.fail(field(key), "must not be empty");
        return true;
    }
    bool num(const std::string& key, float& out, bool required = true) {
        const json* v = get(key, required);
        if (!v) return false;
        if (!v->is_number()) return ctx_.fail(field(key), "must be a number");
        const double d = v->get<double>();
        if (!std::isfinite(d)) return ctx_.fail(field(key), "must be finite");
        out = float(d);
        return true;
    }
    bool integer(const std::string& key, int& out, bool required = true) {
        const json* v = get(key, required);
        if (!v) return false;
        if (!v->is_number_integer()) return ctx_.fail(field(key), "must be an integer");
        out = v->get<int>();
        return true;
    }
    bool boolean(const std::string& key, bool& out, bool required = true) {
        const json* v = get(key, required);
        if (!v) return false;
        if (!v->is_boolean()) return ctx_.fail(field(key), "must be true or false");
        out = v->get<bool>();
        return true;
    }
    template <int N>
    bool vec(const std::string& key, float* out, bool required = true) {
        const json* v = get(key, required);
        if (!v) return false;
        if (!v->is_array() || v->size() != N) return ctx_.fail(field(key), "must be an array of " + std::to_string(N) + " numbers");
        for (int i = 0; i < N; ++i) {
            const json& e = (*v)[i];
            if (!e.is_number() || !std::isfinite(e.get<double>()))
                return ctx_.fail(field(key) + "[" + std::to_string(i) + "]", "must be a finite number");
            out[i] = e.get<float>();
        }
        return true;
    }
    bool vec3(const std::string& key, glm::vec3& out, bool required = true) { return vec<3>(key, &out.x, required); }
    bool vec2(const std::string& key, glm::vec2& out, bool required = true) { return vec<2>(key, &out.x, required); }
    bool box(const std::string& key, Aabb& out) {
        const json* v = get(key, true);
        if (!v) return false;
        ObjectReader b(ctx_, *v, field(key));
        if (!b.vec3("min", out.min) || !b.vec3("max", out.max) || !b.noOtherKeys()) return false;
        const glm::vec3 size = out.max - out.min;
        if (size.x <= 0.01f || size.y <= 0.01f || size.z <= 0.01f)
            return ctx_.fail(field(key), "box has zero or negative volume (max must exceed min by more than 1 cm on every axis)");
        return true;
    }
    /// Call after reading: any key not asked for is an error.
    bool noOtherKeys() {
        if (ctx_.error || !obj_.is_object()) return ok();
        for (auto it = obj_.begin(); it != obj_.end(); ++it)
            if (!seen_.count(it.key())) return ctx_.fail(field(it.key()), "unknown field");
        return true;
    }

private:
    Ctx& ctx_;
    const json& obj_;
    std::string path_;
    std::set<std::string> seen_;
};

/// An array member; absent is allowed only if !required (then it reads as empty).
const json* arrayField(Ctx& ctx, ObjectReader& top, const std::string& key, bool required) {
    const json* v = top.get(key, required);
    if (!v) return nullptr;
    if (!v->is_array()) {
        ctx.fail(key, "must be an array");
        return nullptr;
    }
    return v;
}

std::string at(const std::string& key, std::size_t i) { return key + "[" + std::to_string(i) + "]"; }

float distanceXY(const Aabb& box, const glm::vec3& p) {
    const float dx = std::max({box.min.x - p.x, 0.0f, p.x - box.max.x});
    const float dy = std::max({box.min.y - p.y, 0.0f, p.y - box.max.y});
    return std::sqrt(dx * dx + dy * dy);
}

bool readTerrain(Ctx& ctx, const json& j, const std::string& manifestDir, Terrain& t) {
    ObjectReader r(ctx, j, "terrain");
    if (!r.ok()) return false;
    if (r.has("dem")) {
        std::string dem;
        if (!r.str("dem", dem) || !r.noOtherKeys()) return false;
        auto grid = loadEsriAsciiGrid(joinPath(manifestDir, dem));
        if (!grid) {
            // The grid's own error names the .asc file and its line; say who referred to it.
            Error e = grid.error();
            e.message += " (terrain.dem of " + ctx.file + ")";
            if (!ctx.error) ctx.error = e;
            return false;
        }
        t = std::move(*grid);
        return true;
    }
    if (!r.integer("nx", t.nx) || !r.integer("ny", t.ny) || !r.num("cellM", t.cellM) || !r.vec2("originM", t.originM)) return false;
    if (t.nx < 1 || t.ny < 1) return ctx.fail("terrain.nx", "grid must have at least one cell each way");
    if (t.cellM <= 0) return ctx.fail("terrain.cellM", "must be positive");
    const json* h = r.get("heightsM", true);
    if (!h) return false;
    if (!h->is_array() || h->size() != std::size_t(t.nx) * t.ny)
        return ctx.fail("terrain.heightsM", "must be an array of nx * ny = " + std::to_string(std::size_t(t.nx) * t.ny) + " numbers");
    t.heightsM.resize(h->size());
    for (std::size_t i = 0; i < h->size(); ++i) {
        if (!(*h)[i].is_number() || !std::isfinite((*h)[i].get<double>())) return ctx.fail(at("terrain.heightsM", i), "must be a finite number");
        t.heightsM[i] = (*h)[i].get<float>();
    }
    return r.noOtherKeys();
}

bool readAll(Ctx& ctx, const json& root, const std::string& manifestDir, District& d) {
    ObjectReader top(ctx, root, "");
    if (!top.ok()) return false;
    std::string format;
    int version = 0;
    if (!top.str("format", format)) return false;
    if (format != "citydrill-district") return ctx.fail("format", "must be \"citydrill-district\", not \"" + format + "\"");
    if (!top.integer("version", version)) return false;
    if (version != 1) return ctx.fail("version", "unsupported version " + std::to_string(version) + " (this build reads 1)");
    if (!top.str("name", d.name) || !top.str("model", d.modelPath)) return false;
    if (const json* t = top.get("terrain", true)) {
        if (!readTerrain(ctx, *t, manifestDir, d.terrain)) return false;
    } else {
        return false;
    }
    // Informational members written by the generator: read by tools, not by the engine.
    top.has("seed");
    top.has("generator");
    top.has("demWithBuildings");
    top.has("features");

    // Buildings.
    std::map<std::string, std::size_t> buildingIndex;
    if (const json* arr = arrayField(ctx, top, "buildings", true)) {
        for (std::size_t i = 0; i < arr->size(); ++i) {
            const std::string p = at("buildings", i);
            ObjectReader r(ctx, (*arr)[i], p);
            Building b;
            if (!r.str("id", b.id)) return false;
            r.str("name", b.name, false);
            if (!r.box("box", b.box) || !r.integer("storeys", b.storeys) || !r.num("storeyHeightM", b.storeyHeightM) || !r.noOtherKeys()) return false;
            if (b.storeys < 1 || b.storeys > 200) return ctx.fail(r.field("storeys"), "must be between 1 and 200");
            if (b.storeyHeightM < 2.0f || b.storeyHeightM > 10.0f) return ctx.fail(r.field("storeyHeightM"), "must be between 2 and 10 m");
            if (!buildingIndex.emplace(b.id, i).second) return ctx.fail(r.field("id"), "duplicate building id '" + b.id + "'");
            d.buildings.push_back(b);
        }
    } else {
        return false;
    }

    // Rooms.
    std::map<std::string, std::size_t> roomIndex;
    if (const json* arr = arrayField(ctx, top, "rooms", true)) {
        for (std::size_t i = 0; i < arr->size(); ++i) {
            const std::string p = at("rooms", i);
            ObjectReader r(ctx, (*arr)[i], p);
            Room room;
            std::string kind;
            if (!r.str("id", room.id) || !r.str("building", room.building) || !r.integer("storey", room.storey) || !r.str("kind", kind) ||
                !r.box("box", room.box) || !r.noOtherKeys())
                return false;
            if (room.id == "outside") return ctx.fail(r.field("id"), "'outside' is reserved for doors leading out");
            if (!parseRoomKind(kind, room.kind))
                return ctx.fail(r.field("kind"), "unknown room kind '" + kind + "' (classroom, corridor, stairwell, hall, office, other)");
            auto b = buildingIndex.find(room.building);
            if (b == buildingIndex.end()) return ctx.fail(r.field("building"), "unknown building '" + room.building + "'");
            if (room.storey < 0 || room.storey >= d.buildings[b->second].storeys)
                return ctx.fail(r.field("storey"), "storey " + std::to_string(room.storey) + " outside building '" + room.building + "' (0.." +
                                                       std::to_string(d.buildings[b->second].storeys - 1) + ")");
            if (!roomIndex.emplace(room.id, i).second) return ctx.fail(r.field("id"), "duplicate room id '" + room.id + "'");
            // Rooms are interior volumes: two of them never share space (touching is fine).
            for (const Room& other : d.rooms) {
                const glm::vec3 lo = glm::max(room.box.min, other.box.min), hi = glm::min(room.box.max, other.box.max);
                if (hi.x - lo.x > 0.01f && hi.y - lo.y > 0.01f && hi.z - lo.z > 0.01f)
                    return ctx.fail(r.field("box"), "overlaps room '" + other.id + "'");
            }
            d.rooms.push_back(room);
        }
    } else {
        return false;
    }

    // Doors.
    std::set<std::string> doorIds;
    if (const json* arr = arrayField(ctx, top, "doors", true)) {
        for (std::size_t i = 0; i < arr->size(); ++i) {
            const std::string p = at("doors", i);
            ObjectReader r(ctx, (*arr)[i], p);
            Door door;
            if (!r.str("id", door.id) || !r.str("roomA", door.roomA) || !r.str("roomB", door.roomB) || !r.vec3("centerM", door.centerM) ||
                !r.vec3("normal", door.normal) || !r.num("widthM", door.widthM) || !r.num("heightM", door.heightM))
                return false;
            bool isExitGiven = false;
            const bool haveExitFlag = r.boolean("isExit", isExitGiven, false);
            if (!r.noOtherKeys()) return false;
            if (!doorIds.insert(door.id).second) return ctx.fail(r.field("id"), "duplicate door id '" + door.id + "'");
            auto a = roomIndex.find(door.roomA);
            if (a == roomIndex.end()) return ctx.fail(r.field("roomA"), "unknown room '" + door.roomA + "'");
            door.isExit = door.roomB == "outside";
            if (haveExitFlag && isExitGiven != door.isExit)
                return ctx.fail(r.field("isExit"), door.isExit ? "a door to 'outside' is an exit" : "only a door with roomB \"outside\" can be an exit");
            if (door.roomB == door.roomA) return ctx.fail(r.field("roomB"), "a door must join two different rooms");
            auto b = door.isExit ? roomIndex.end() : roomIndex.find(door.roomB);
            if (!door.isExit && b == roomIndex.end()) return ctx.fail(r.field("roomB"), "unknown room '" + door.roomB + "' (or \"outside\")");
            if (door.widthM <= 0.3f || door.widthM > 10.0f) return ctx.fail(r.field("widthM"), "must be between 0.3 and 10 m");
            if (door.heightM <= 1.0f || door.heightM > 10.0f) return ctx.fail(r.field("heightM"), "must be between 1 and 10 m");
            const glm::vec2 n2(door.normal.x, door.normal.y);
            const float nLen = std::sqrt(n2.x * n2.x + n2.y * n2.y);
            if (nLen < 1e-3f || std::abs(door.normal.z) > 1e-3f) return ctx.fail(r.field("normal"), "must be a non-zero horizontal vector");
            door.normal = glm::vec3(n2 / nLen, 0.0f);

            // The opening must lie on the boundary of roomA (and of roomB), across its whole width,
            // at floor level, and the normal must point from roomA into roomB.
            const glm::vec3 tangent(-door.normal.y, door.normal.x, 0.0f);
            const glm::vec3 ends[3] = {door.centerM, door.centerM + tangent * (door.widthM * 0.5f), door.centerM - tangent * (door.widthM * 0.5f)};
            auto onBoundary = [&](const Room& room, const std::string& which) {
                for (const glm::vec3& e : ends) {
                    if (distanceXY(room.box, e) > kDoorBoundaryTolM)
                        return ctx.fail(r.field("centerM"), "door opening (width " + std::to_string(door.widthM) + " m) is not on the boundary of " + which + " '" +
                                                               room.id + "' (more than " + std::to_string(kDoorBoundaryTolM) + " m from its box)");
                }
                if (std::abs(door.centerM.z - room.box.min.z) > kDoorFloorTolM)
                    return ctx.fail(r.field("centerM"), "door is not at the floor level of " + which + " '" + room.id + "'");
                return true;
            };
            const Room& ra = d.rooms[a->second];
            if (!onBoundary(ra, "roomA")) return false;
            if (!door.isExit) {
                const Room& rb = d.rooms[b->second];
                if (rb.building != ra.building) return ctx.fail(r.field("roomB"), "rooms of a door must be in the same building");
                if (!onBoundary(rb, "roomB")) return false;
            }
            const glm::vec3 toA = ra.box.center() - door.centerM;
            if (toA.x * door.normal.x + toA.y * door.normal.y >= 0.0f) return ctx.fail(r.field("normal"), "must point away from roomA '" + ra.id + "'");
            if (!door.isExit) {
                const Room& rb = d.rooms[b->second];
                const glm::vec3 toB = rb.box.center() - door.centerM;
                if (toB.x * door.normal.x + toB.y * door.normal.y <= 0.0f) return ctx.fail(r.field("normal"), "must point into roomB '" + rb.id + "'");
            }
            d.doors.push_back(door);
        }
    } else {
        return false;
    }

    // Windows (optional): glazing in a room's outside wall, above its floor.
    std::set<std::string> windowIds;
    if (const json* arr = arrayField(ctx, top, "windows", false)) {
        for (std::size_t i = 0; i < arr->size(); ++i) {
            ObjectReader r(ctx, (*arr)[i], at("windows", i));
            Window w;
            if (!r.str("id", w.id) || !r.str("room", w.room) || !r.vec3("centerM", w.centerM) || !r.vec3("normal", w.normal) ||
                !r.num("widthM", w.widthM) || !r.num("heightM", w.heightM))
                return false;
            if ((r.has("glazing") && !r.str("glazing", w.glazing)) || (r.has("panes") && !r.integer("panes", w.panes)) ||
                (r.has("glassThicknessM") && !r.num("glassThicknessM", w.glassThicknessM)) || !r.noOtherKeys())
                return false;
            if (w.glazing != "float" && w.glazing != "toughened") return ctx.fail(r.field("glazing"), "must be \"float\" or \"toughened\"");
            if (w.panes != 1 && w.panes != 2) return ctx.fail(r.field("panes"), "must be 1 or 2");
            if (!(w.glassThicknessM >= 0.002f && w.glassThicknessM <= 0.025f)) return ctx.fail(r.field("glassThicknessM"), "must be between 0.002 and 0.025 m");
            if (!windowIds.insert(w.id).second || doorIds.count(w.id)) return ctx.fail(r.field("id"), "duplicate window or door id '" + w.id + "'");
            auto a = roomIndex.find(w.room);
            if (a == roomIndex.end()) return ctx.fail(r.field("room"), "unknown room '" + w.room + "'");
            if (w.widthM < 0.2f || w.widthM > 20.0f) return ctx.fail(r.field("widthM"), "must be between 0.2 and 20 m");
            if (w.heightM < 0.2f || w.heightM > 10.0f) return ctx.fail(r.field("heightM"), "must be between 0.2 and 10 m");
            const float nLen = std::sqrt(w.normal.x * w.normal.x + w.normal.y * w.normal.y);
            if (nLen < 1e-3f || std::abs(w.normal.z) > 1e-3f) return ctx.fail(r.field("normal"), "must be a non-zero horizontal vector");
            w.normal = glm::vec3(w.normal.x / nLen, w.normal.y / nLen, 0.0f);
            const Room& room = d.rooms[a->second];
            const glm::vec3 tangent(-w.normal.y, w.normal.x, 0.0f);
            // Near the box's edge from either side (a window is in a wall, not the room's middle).
            auto toBoundary = [&](const glm::vec3& e) {
                const float inside = std::min({e.x - room.box.min.x, room.box.max.x - e.x, e.y - room.box.min.y, room.box.max.y - e.y});
                return inside > 0.0f ? inside : distanceXY(room.box, e);
            };
            for (const glm::vec3& e : {w.centerM, w.centerM + tangent * (w.widthM * 0.5f), w.centerM - tangent * (w.widthM * 0.5f)})
                if (toBoundary(e) > kDoorBoundaryTolM)
                    return ctx.fail(r.field("centerM"), "window (width " + std::to_string(w.widthM) + " m) is not on the boundary of room '" + room.id + "'");
            if (w.centerM.z < room.box.min.z - kDoorFloorTolM || w.centerM.z + w.heightM > room.box.max.z + kDoorFloorTolM)
                return ctx.fail(r.field("heightM"), "window does not fit between the floor and ceiling of room '" + room.id + "'");
            const glm::vec3 toRoom = room.box.center() - w.centerM;
            if (toRoom.x * w.normal.x + toRoom.y * w.normal.y >= 0.0f) return ctx.fail(r.field("normal"), "must point out of room '" + room.id + "'");
            d.windows.push_back(w);
        }
    } else if (ctx.error) {
        return false;
    }

    // Stairs.
    std::set<std::string> stairIds;
    if (const json* arr = arrayField(ctx, top, "stairs", false)) {
        for (std::size_t i = 0; i < arr->size(); ++i) {
            ObjectReader r(ctx, (*arr)[i], at("stairs", i));
            Stair s;
            if (!r.str("id", s.id) || !r.str("lowerRoom", s.lowerRoom) || !r.str("upperRoom", s.upperRoom) || !r.num("lengthM", s.lengthM) ||
                !r.vec3("bottomM", s.bottomM) || !r.vec3("topM", s.topM))
                return false;
            if (r.has("widthM") && !r.num("widthM", s.widthM)) return false;
            if (!r.noOtherKeys()) return false;
            if (s.widthM < 0.5f || s.widthM > 10.0f) return ctx.fail(r.field("widthM"), "must be between 0.5 and 10 m");
            if (!stairIds.insert(s.id).second) return ctx.fail(r.field("id"), "duplicate stair id '" + s.id + "'");
            auto lo = roomIndex.find(s.lowerRoom);
            if (lo == roomIndex.end()) return ctx.fail(r.field("lowerRoom"), "unknown room '" + s.lowerRoom + "'");
            auto up = roomIndex.find(s.upperRoom);
            if (up == roomIndex.end()) return ctx.fail(r.field("upperRoom"), "unknown room '" + s.upperRoom + "'");
            const Room& rl = d.rooms[lo->second];
            const Room& ru = d.rooms[up->second];
            if (rl.kind != RoomKind::Stairwell) return ctx.fail(r.field("lowerRoom"), "room '" + rl.id + "' is not a stairwell");
            if (ru.kind != RoomKind::Stairwell) return ctx.fail(r.field("upperRoom"), "room '" + ru.id + "' is not a stairwell");
            if (rl.building != ru.building || ru.storey != rl.storey + 1)
                return ctx.fail(r.field("upperRoom"), "must be the stairwell one storey above lowerRoom in the same building");
            const float rise = s.topM.z - s.bottomM.z;
            if (rise <= 0.0f) return ctx.fail(r.field("topM"), "top of the flight must be above its bottom");
            if (s.lengthM < rise) return ctx.fail(r.field("lengthM"), "walking length is shorter than the rise");
            if (!rl.box.contains(s.bottomM + glm::vec3(0, 0, 0.01f))) return ctx.fail(r.field("bottomM"), "must lie inside lowerRoom '" + rl.id + "'");
            if (!ru.box.contains(s.topM + glm::vec3(0, 0, 0.01f))) return ctx.fail(r.field("topM"), "must lie inside upperRoom '" + ru.id + "'");
            d.stairs.push_back(s);
        }
    } else if (ctx.error) {
        return false;
    }

    // Exits.
    std::set<std::string> exitIds;
    if (const json* arr = arrayField(ctx, top, "exits", true)) {
        for (std::size_t i = 0; i < arr->size(); ++i) {
            ObjectReader r(ctx, (*arr)[i], at("exits", i));
            Exit e;
            if (!r.str("id", e.id) || !r.str("door", e.door) || !r.vec3("positionM", e.positionM) || !r.noOtherKeys()) return false;
            if (!exitIds.insert(e.id).second) return ctx.fail(r.field("id"), "duplicate exit id '" + e.id + "'");
            const Door* door = d.findDoor(e.door);
            if (!door) return ctx.fail(r.field("door"), "unknown door '" + e.door + "'");
            if (!door->isExit) return ctx.fail(r.field("door"), "door '" + e.door + "' does not lead outside");
            const glm::vec3 out = e.positionM - door->centerM;
            if (out.x * door->normal.x + out.y * door->normal.y <= 0.0f) return ctx.fail(r.field("positionM"), "must lie outside, in front of the door");
            d.exits.push_back(e);
        }
    } else {
        return false;
    }

    // Assembly points.
    std::set<std::string> apIds;
    if (const json* arr = arrayField(ctx, top, "assemblyPoints", true)) {
        for (std::size_t i = 0; i < arr->size(); ++i) {
            ObjectReader r(ctx, (*arr)[i], at("assemblyPoints", i));
            AssemblyPoint ap;
            if (!r.str("id", ap.id) || !r.vec3("positionM", ap.positionM) || !r.num("radiusM", ap.radiusM) || !r.noOtherKeys()) return false;
            if (!apIds.insert(ap.id).second) return ctx.fail(r.field("id"), "duplicate assembly point id '" + ap.id + "'");
            if (ap.radiusM <= 0.0f) return ctx.fail(r.field("radiusM"), "must be positive");
            d.assemblyPoints.push_back(ap);
        }
    } else {
        return false;
    }

    // Low area (optional).
    if (const json* low = top.get("lowArea", false)) {
        ObjectReader r(ctx, *low, "lowArea");
        const json* poly = r.get("polygonM", true);
        if (!poly) return false;
        if (!poly->is_array() || poly->size() < 3) return ctx.fail("lowArea.polygonM", "must be an array of at least 3 [x, y] points");
        for (std::size_t i = 0; i < poly->size(); ++i) {
            const json& pt = (*poly)[i];
            if (!pt.is_array() || pt.size() != 2 || !pt[0].is_number() || !pt[1].is_number())
                return ctx.fail(at("lowArea.polygonM", i), "must be [x, y]");
            d.lowAreaM.emplace_back(pt[0].get<float>(), pt[1].get<float>());
        }
        r.has("maxGroundM");
        r.has("streamBedM");
        if (!r.noOtherKeys()) return false;
    } else if (ctx.error) {
        return false;
    }

    if (d.exits.empty() && !d.rooms.empty()) return ctx.fail("exits", "a district with rooms needs at least one exit");
    return top.noOtherKeys();
}

}  // namespace

Result<District> parseDistrict(const std::string& jsonText, const std::string& sourcePath) {
    json root;
    try {
        root = json::parse(jsonText);
    } catch (const json::parse_error& e) {
        // byte position -> line, so the message points at the broken spot.
        int line = 1;
        for (std::size_t i = 0; i < e.byte && i < jsonText.size(); ++i)
            if (jsonText[i] == '\n') ++line;
        return makeError(std::string("invalid JSON: ") + e.what(), sourcePath, line);
    }
    Ctx ctx{sourcePath, jsonText, std::nullopt};
    District d;
    d.manifestPath = sourcePath;
    try {
        readAll(ctx, root, parentPath(sourcePath), d);
    } catch (const json::exception& e) {
        // Should not happen (every access is type-checked first); never let it escape.
        ctx.fail("", std::string("unexpected JSON error: ") + e.what());
    }
    if (ctx.error) return *ctx.error;
    return d;
}

Result<District> loadDistrict(const std::string& manifestPath) {
    auto text = readTextFile(manifestPath);
    if (!text) return text.error();
    return parseDistrict(*text, manifestPath);
}

}  // namespace cd::world
