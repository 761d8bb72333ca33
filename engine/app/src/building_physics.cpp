#include "building_physics.h"

#include <algorithm>
#include <cmath>
#include <set>

#include "core/rng.h"

namespace cd::app {

namespace {

constexpr float kMaxWallM = 0.6f;      // a gap wider than this between rooms is not one wall
constexpr float kDefaultWallM = 0.25f;
constexpr float kMinPieceM = 0.05f;    // wall pieces and lintels thinner than this are left out

struct Side {
    int axis = 0;    // 0: the wall's normal is x, 1: y
    int sign = 1;    // +1: the max face of the room, -1: the min face
};

const Side kSides[4] = {{0, -1}, {0, 1}, {1, -1}, {1, 1}};

float face(const world::Room& r, Side s) { return s.sign > 0 ? r.box.max[s.axis] : r.box.min[s.axis]; }

bool overlapsAlong(const world::Room& a, const world::Room& b, int axis) {
    return b.box.min[axis] < a.box.max[axis] - 0.05f && b.box.max[axis] > a.box.min[axis] + 0.05f;
}

/// Rooms on the far side of a room's wall: same storey, facing face within a wall's thickness.
std::vector<const world::Room*> across(const std::vector<const world::Room*>& storeyRooms, const world::Room& r, Side s) {
    std::vector<const world::Room*> out;
    const int b = 1 - s.axis;
    for (const world::Room* q : storeyRooms) {
        if (q == &r) continue;
        float gap = s.sign > 0 ? q->box.min[s.axis] - r.box.max[s.axis] : r.box.min[s.axis] - q->box.max[s.axis];
        if (gap >= -0.01f && gap <= kMaxWallM && overlapsAlong(r, *q, b)) out.push_back(q);
    }
    return out;
}

float wallThickness(const world::Building& bld, const world::Room& r, const std::vector<const world::Room*>& other, Side s) {
    float t = kMaxWallM + 1.0f;
    for (const world::Room* q : other) {
        float gap = s.sign > 0 ? q->box.min[s.axis] - r.box.max[s.axis] : r.box.min[s.axis] - q->box.max[s.axis];
        t = std::min(t, gap);
    }
    if (t > kMaxWallM) t = s.sign > 0 ? bld.box.max[s.axis] - face(r, s) : face(r, s) - bld.box.min[s.axis];
    return (t >= 0.1f && t <= kMaxWallM) ? t : kDefaultWallM;
}

/// An axis-aligned box from its corners.
struct Box {
    glm::vec3 min, max;
    glm::vec3 center() const { return 0.5f * (min + max); }
    glm::vec3 half() const { return 0.5f * (max - min); }
};

/// The pieces of one wall: full-height segments between door openings, and lintels above them.
std::vector<Box> wallPieces(const world::District& d, const world::Room& r, Side s, float t, float extendLo, float extendHi) {
    const int a = s.axis, b = 1 - a;
    const float f = face(r, s);
    const float w0 = s.sign > 0 ? f : f - t, w1 = s.sign > 0 ? f + t : f;
    const float lo = r.box.min[b] - extendLo, hi = r.box.max[b] + extendHi;
    const float z0 = r.box.min.z, z1 = r.box.max.z;
    struct Opening { float lo, hi, top; };
    std::vector<Opening> openings;
    for (const world::Door* door : d.doorsOf(r.id)) {
        const float mid = 0.5f * (w0 + w1);
        if (std::fabs(door->centerM[a] - mid) > 0.5f * t + 0.15f) continue;
        if (door->centerM[b] < r.box.min[b] || door->centerM[b] > r.box.max[b]) continue;
        openings.push_back({door->centerM[b] - 0.5f * door->widthM, door->centerM[b] + 0.5f * door->widthM,
                            std::min(z1, z0 + door->heightM)});
    }
    std::sort(openings.begin(), openings.end(), [](const Opening& x, const Opening& y) { return x.lo < y.lo; });
    auto box = [&](float u0, float u1, float zlo, float zhi) {
        Box out;
        out.min[a] = w0; out.max[a] = w1;
        out.min[b] = u0; out.max[b] = u1;
        out.min.z = zlo; out.max.z = zhi;
        return out;
    };
    std::vector<Box> pieces;
    float u = lo;
    for (const Opening& o : openings) {
        if (o.lo - u > kMinPieceM) pieces.push_back(box(u, o.lo, z0, z1));
        if (z1 - o.top > kMinPieceM) pieces.push_back(box(std::max(o.lo, u), o.hi, o.top, z1));
        u = std::max(u, o.hi);
    }
    if (hi - u > kMinPieceM) pieces.push_back(box(u, hi, z0, z1));
    return pieces;
}

physics::StaticBoxDef staticBox(const Box& b, const physics::Material& m, std::uint64_t tag) {
    physics::StaticBoxDef s;
    s.centerM = b.center();
    s.halfExtentsM = b.half();
    s.material = m;
    s.tag = tag;
    return s;
}

physics::MemberDef member(physics::MemberKind kind, int storey, const Box& b, const physics::Material& m) {
    physics::MemberDef out;
    out.kind = kind;
    out.storey = storey;
    out.centerM = b.center();
    out.halfExtentsM = b.half();
    out.material = m;
    return out;
}

/// A stair flight in plan: its run from the first riser to the last (world::Stair's ends
/// stand kLandingM off the flight), its width across, and its risers.
constexpr float kLandingM = 0.3f;
constexpr float kMaxRiserM = 0.18f;    // BS 5395-1 / IBC 1011.5.2: risers of at most 175-180 mm

struct Flight {
    glm::vec2 start, dir;  // first riser, unit direction of the run (horizontal)
    float runM = 0.0f, widthM = 0.0f, zBottom = 0.0f, zTop = 0.0f;
    int risers = 1;
    Box footprint(float endMargin, float sideMargin) const {
        const glm::vec2 side(-dir.y, dir.x), end = start + dir * runM;
        const glm::vec2 corners[4] = {start - dir * endMargin - side * (0.5f * widthM + sideMargin), start - dir * endMargin + side * (0.5f * widthM + sideMargin),
                                      end + dir * endMargin - side * (0.5f * widthM + sideMargin), end + dir * endMargin + side * (0.5f * widthM + sideMargin)};
        Box b{{1e9f, 1e9f, zBottom}, {-1e9f, -1e9f, zTop}};
        for (const glm::vec2& c : corners) {
            b.min.x = std::min(b.min.x, c.x); b.min.y = std::min(b.min.y, c.y);
            b.max.x = std::max(b.max.x, c.x); b.max.y = std::max(b.max.y, c.y);
        }
        return b;
    }
};

Flight flightOf(const world::Stair& st) {
    Flight f;
    glm::vec2 d(st.topM.x - st.bottomM.x, st.topM.y - st.bottomM.y);
    const float len = std::max(1e-3f, std::sqrt(d.x * d.x + d.y * d.y));
    f.dir = d / len;
    f.start = glm::vec2(st.bottomM.x, st.bottomM.y) + f.dir * kLandingM;
    f.runM = std::max(0.5f, len - 2.0f * kLandingM);
    f.widthM = st.widthM;
    f.zBottom = st.bottomM.z;
    f.zTop = st.topM.z;
    f.risers = std::max(1, static_cast<int>(std::ceil((f.zTop - f.zBottom) / kMaxRiserM - 1e-3f)));
    return f;
}

/// The parts of an axis-aligned floor slab outside a hole (in plan): up to four boxes.
std::vector<Box> slabAround(const Box& slab, const Box& hole) {
    const float x0 = std::max(slab.min.x, hole.min.x), x1 = std::min(slab.max.x, hole.max.x);
    const float y0 = std::max(slab.min.y, hole.min.y), y1 = std::min(slab.max.y, hole.max.y);
    if (x0 >= x1 || y0 >= y1) return {slab};
    std::vector<Box> out;
    auto add = [&](float ax, float ay, float bx, float by) {
        if (bx - ax > kMinPieceM && by - ay > kMinPieceM) out.push_back({{ax, ay, slab.min.z}, {bx, by, slab.max.z}});
    };
    add(slab.min.x, slab.min.y, slab.max.x, y0);   // south strip, full width
    add(slab.min.x, y1, slab.max.x, slab.max.y);   // north strip
    add(slab.min.x, y0, x0, y1);                   // west of the hole
    add(x1, y0, slab.max.x, y1);                   // east of the hole
    return out;
}

std::vector<Box> cutHole(const std::vector<Box>& slab, const Box& hole) {
    std::vector<Box> out;
    for (const Box& piece : slab)
        for (const Box& part : slabAround(piece, hole)) out.push_back(part);
    return out;
}

/// Solid steps (each down to the floor, so nobody walks under the flight) along a flight.
void addFlight(const Flight& f, physics::WorldDef& w, std::uint64_t& tag) {
    const float going = f.runM / static_cast<float>(f.risers), rise = (f.zTop - f.zBottom) / static_cast<float>(f.risers);
    for (int k = 0; k < f.risers; ++k) {
        physics::StaticBoxDef step;
        const float top = f.zBottom + rise * static_cast<float>(k + 1);
        const glm::vec2 c = f.start + f.dir * (going * (static_cast<float>(k) + 0.5f));
        step.centerM = glm::vec3(c.x, c.y, 0.5f * (f.zBottom + top));
        step.halfExtentsM = glm::vec3(0.5f * going, 0.5f * f.widthM, 0.5f * (top - f.zBottom));
        step.yawRad = std::atan2(f.dir.y, f.dir.x);
        step.material = physics::materials::concrete();
        step.tag = tag++;
        w.staticBoxes.push_back(step);
    }
}

/// Guard rails (1.0 m, BS 6180 / IBC 1015.3: at least 1.07 m in IBC, 0.9-1.1 m in BS) round
/// the hole a flight comes up through, except on its arrival end and where a wall stands.
void railHole(const Box& hole, const Flight& f, const world::Room& room, physics::WorldDef& w, std::uint64_t& tag) {
    constexpr float kRailM = 0.05f, kRailHeightM = 1.0f, kWallNearM = 0.3f;
    const float z0 = room.box.min.z, z1 = z0 + kRailHeightM;
    // The arrival end: the side of the hole the flight's run points to.
    const int arrivalAxis = std::fabs(f.dir.x) > std::fabs(f.dir.y) ? 0 : 1;
    const int arrivalSign = (arrivalAxis == 0 ? f.dir.x : f.dir.y) > 0.0f ? 1 : -1;
    for (int axis = 0; axis < 2; ++axis)
        for (int sign : {-1, 1}) {
            if (axis == arrivalAxis && sign == arrivalSign) continue;
            const float edge = sign > 0 ? hole.max[axis] : hole.min[axis];
            const float wall = sign > 0 ? room.box.max[axis] : room.box.min[axis];
            if (std::fabs(wall - edge) < kWallNearM) continue;
            Box rail;
            rail.min[axis] = sign > 0 ? edge : edge - kRailM;
            rail.max[axis] = sign > 0 ? edge + kRailM : edge;
            rail.min[1 - axis] = std::max(hole.min[1 - axis] - kRailM, room.box.min[1 - axis]);
            rail.max[1 - axis] = std::min(hole.max[1 - axis] + kRailM, room.box.max[1 - axis]);
            rail.min.z = z0;
            rail.max.z = z1;
            w.staticBoxes.push_back(staticBox(rail, physics::materials::steel(), tag++));
        }
}

/// Desks in rows facing the board (west wall), a bookcase on the back wall, two ceiling lights.
void furnishClassroom(const world::Room& r, float bookcaseTieN, physics::WorldDef& w, Rng& rng) {
    const glm::vec3 lo = r.box.min, hi = r.box.max;
    const float lx = hi.x - lo.x, ly = hi.y - lo.y;
    const int cols = std::max(1, static_cast<int>((lx - 2.0f) / 1.7f));
    const int rows = std::max(1, static_cast<int>((ly - 1.5f) / 1.3f));
    for (int i = 0; i < cols; ++i)
        for (int j = 0; j < rows; ++j) {
            physics::DynamicBodyDef desk;
            desk.kind = physics::BodyKind::Furniture;
            desk.halfExtentsM = glm::vec3(0.3f, 0.6f, 0.375f);  // 0.6 deep (x) by 1.2 wide (y), 0.75 high
            desk.centerM = glm::vec3(lo.x + 2.0f + (static_cast<float>(i) + 0.5f) * (lx - 2.5f) / static_cast<float>(cols),
                                     lo.y + 0.75f + (static_cast<float>(j) + 0.5f) * (ly - 1.5f) / static_cast<float>(rows),
                                     lo.z + 0.375f + 0.002f);
            desk.material = schoolDesk();
            w.bodies.push_back(desk);
        }
    // A loaded bookcase, 0.9 wide, 0.25 deep, 2.0 m tall, 60 kg, 3 cm off the back wall: the
    // common 250 mm shelf depth. Only its shape sets how it rocks (Housner 1963: b/h = 0.125,
    // p = 2.7 rad/s); docs/physics.md ("Should the shipped bookcases topple?") has the figures.
    physics::DynamicBodyDef shelf;
    shelf.kind = physics::BodyKind::Furniture;
    shelf.halfExtentsM = glm::vec3(0.45f, 0.125f, 1.0f);
    shelf.centerM = glm::vec3(lo.x + 0.5f * lx, hi.y - 0.125f - 0.03f, lo.z + 1.0f + 0.002f);
    shelf.material = physics::materials::furniture();
    shelf.material.name = "bookcase";
    shelf.material.densityKgM3 = 60.0f / (0.9f * 0.25f * 2.0f);
    // Tied to the back wall at its top when the scenario says so (docs/physics.md, "Tied to the wall").
    shelf.wallTieBreakForceN = bookcaseTieN;
    shelf.wallTieDir = glm::vec3(0.0f, 1.0f, 0.0f);
    w.bodies.push_back(shelf);
    for (int k = 0; k < 2; ++k) {
        physics::DynamicBodyDef light;  // 1.2 x 0.3 x 0.08 m, 5 kg, hung 0.5 m below the ceiling
        light.kind = physics::BodyKind::HangingItem;
        light.halfExtentsM = glm::vec3(0.6f, 0.15f, 0.04f);
        light.centerM = glm::vec3(lo.x + lx * (k == 0 ? 0.33f : 0.67f), lo.y + 0.5f * ly, hi.z - 0.5f);
        light.material = physics::materials::steel();
        light.material.name = "light fitting";
        light.material.densityKgM3 = 5.0f / (1.2f * 0.3f * 0.08f);
        // Fixings vary (a chain on a hook, a screw in a plasterboard ceiling): each holds 1.2 to
        // 2.5 times the light's weight of 49 N, drawn from the seed. Our assumption, not a rating.
        light.anchorBreakForceN = static_cast<float>(49.05 * rng.uniform(1.2, 2.5));
        w.bodies.push_back(light);
    }
}

/// A 6 kg dry-powder extinguisher (about 10 kg charged, 0.16 m across, 0.55 m tall) on a hook
/// on the corridor wall by each stair door, its top 1.45 m up (NFPA 10 6.1.3.8.1: at most 1.53 m
/// for units up to 18 kg). It lifts off its hook when the shaking pulls it harder than the hook
/// holds: 1.5 to 3 times its weight, drawn from the seed (our assumption, not a rating).
void hangExtinguishers(const world::District& d, const world::Room& corridor, physics::WorldDef& w, Rng& rng) {
    for (const world::Door* door : d.doorsOf(corridor.id)) {
        const world::Room* other = d.findRoom(door->roomA == corridor.id ? door->roomB : door->roomA);
        if (!other || other->kind != world::RoomKind::Stairwell) continue;
        // Beside the door on the corridor's side, 0.3 m from its jamb, 1 cm off the wall's face.
        glm::vec3 n = door->normal;
        if ((corridor.box.center().x - door->centerM.x) * n.x + (corridor.box.center().y - door->centerM.y) * n.y < 0.0f) n = -n;
        const int a = std::fabs(n.x) > std::fabs(n.y) ? 0 : 1;
        const glm::vec3 along(-n.y, n.x, 0.0f);
        physics::DynamicBodyDef e;
        e.kind = physics::BodyKind::Extinguisher;
        e.shape = physics::ShapeKind::Cylinder;
        e.halfExtentsM = glm::vec3(0.08f, 0.08f, 0.275f);
        bool placed = false;
        glm::vec3 c(0.0f);
        for (float side : {1.0f, -1.0f}) {
            c = door->centerM + along * (side * (0.5f * door->widthM + 0.3f));
            c[a] = (n[a] > 0.0f ? corridor.box.min[a] : corridor.box.max[a]) + n[a] * (0.08f + 0.01f);
            c.z = corridor.box.min.z + 1.45f - 0.275f;
            const int b = 1 - a;
            if (c[b] > corridor.box.min[b] + 0.1f && c[b] < corridor.box.max[b] - 0.1f) {
                placed = true;
                break;
            }
        }
        if (!placed) continue;
        e.centerM = c;
        e.material = physics::materials::steel();
        e.material.name = "fire extinguisher";
        e.material.densityKgM3 = 10.0f / (3.14159265f * 0.08f * 0.08f * 0.55f);
        e.anchorBreakForceN = static_cast<float>(10.0 * 9.81 * rng.uniform(1.5, 3.0));
        w.bodies.push_back(e);
    }
}

}  // namespace

bool isDesk(const physics::DynamicBodyDef& body) {
    return body.kind == physics::BodyKind::Furniture && body.halfExtentsM.z < 0.6f;
}

physics::Material schoolDesk() {
    physics::Material m = physics::materials::furniture();
    m.name = "school desk";
    m.densityKgM3 = 20.0f / (1.2f * 0.6f * 0.75f);
    return m;
}

Result<BuildingPhysics> buildingPhysicsFromDistrict(const world::District& d, const BuildingPhysicsOptions& o) {
    const std::string field = "earthquake.structure_rooms";
    auto err = [&](const std::string& msg) { return makeError(msg, o.source, o.sourceLine, field); };
    const world::Building* bld = d.findBuilding(o.building);
    if (!bld) return err("no building '" + o.building + "' in district " + d.manifestPath);

    std::set<std::string> structure(o.structureRooms.begin(), o.structureRooms.end());
    int lowestStorey = -1, highestStorey = -1;
    for (const auto& id : o.structureRooms) {
        const world::Room* r = d.findRoom(id);
        if (!r) return err("no room '" + id + "' in district " + d.manifestPath);
        if (r->building != bld->id) return err("room '" + id + "' is not in building " + bld->id);
        lowestStorey = lowestStorey < 0 ? r->storey : std::min(lowestStorey, r->storey);
        highestStorey = std::max(highestStorey, r->storey);
    }
    // Whether a structure room of the storey below lies under r (its slab is r's floor).
    auto onStructure = [&](const world::Room& r) {
        for (const auto& sid : o.structureRooms) {
            const world::Room* s = d.findRoom(sid);
            if (s->storey == r.storey - 1 && overlapsAlong(r, *s, 0) && overlapsAlong(r, *s, 1)) return true;
        }
        return false;
    };

    BuildingPhysics out;
    out.buildingMinM = bld->box.min;
    out.buildingMaxM = bld->box.max;
    out.topStorey = bld->storeys - 1;
    out.world.source = o.source;
    // The whole ground of the district: debris thrown out of the building lands on it, and the
    // trainee walks over it to the assembly point.
    const world::Terrain& t = d.terrain;
    if (t.nx >= 2 && t.ny >= 2 && t.heightsM.size() == static_cast<std::size_t>(t.nx) * static_cast<std::size_t>(t.ny)) {
        // The district's heights are cell centres and it holds the edge cells' heights out to the
        // cell edges (Terrain::heightAt); Bullet's heightfield spans only its samples. A ring of
        // samples on the edges, with the edge cells' heights, covers the whole district.
        physics::TerrainDef td;
        td.nx = t.nx + 2;
        td.ny = t.ny + 2;
        td.cellM = t.cellM;
        td.originM = t.originM - glm::vec2(0.5f * t.cellM, 0.5f * t.cellM);
        td.heightsM.resize(static_cast<std::size_t>(td.nx) * static_cast<std::size_t>(td.ny));
        for (int j = 0; j < td.ny; ++j)
            for (int i = 0; i < td.nx; ++i) {
                const int si = std::clamp(i - 1, 0, t.nx - 1), sj = std::clamp(j - 1, 0, t.ny - 1);
                td.heightsM[static_cast<std::size_t>(j) * td.nx + i] = t.heightsM[static_cast<std::size_t>(sj) * t.nx + si];
            }
        out.world.terrain = std::move(td);
    }
    const float storeyGapM = std::max(0.1f, bld->storeyHeightM - 3.2f);
    physics::StructureDef sd;
    sd.name = bld->id + (lowestStorey == highestStorey ? " storey " + std::to_string(lowestStorey)
                                                        : " storeys " + std::to_string(lowestStorey) + "-" + std::to_string(highestStorey));
    sd.source = o.source;
    sd.seed = o.seed;
    sd.designPgaG = o.designPgaG;
    std::uint64_t tag = 0;
    Rng rng(o.seed, 0x6c69676874ULL);

    for (int storey = 0; storey < bld->storeys; ++storey) {
        std::vector<const world::Room*> rooms = d.roomsOn(bld->id, storey);
        for (const world::Room* r : rooms) {
            const bool isStructure = structure.count(r->id) > 0;
            const float roomH = r->box.max.z - r->box.min.z;
            const float gapBelow = storey == 0 ? std::max(0.1f, r->box.min.z - bld->box.min.z) : std::max(0.1f, bld->storeyHeightM - roomH);
            // A flight coming up from the storey below arrives through a hole in this floor, with
            // rails round it. The floor is static, unless a structure room's slab lies there.
            std::vector<Box> holes;
            for (const world::Stair& st : d.stairs) {
                if (st.upperRoom != r->id) continue;
                const Flight f = flightOf(st);
                holes.push_back(f.footprint(0.0f, 0.05f));
                railHole(holes.back(), f, *r, out.world, tag);
            }
            if (!onStructure(*r)) {
                std::vector<Box> floor{{{r->box.min.x, r->box.min.y, r->box.min.z - gapBelow}, {r->box.max.x, r->box.max.y, r->box.min.z}}};
                for (const Box& hole : holes) floor = cutHole(floor, hole);
                for (const Box& piece : floor) out.world.staticBoxes.push_back(staticBox(piece, physics::materials::concrete(), tag++));
            }
            // Walls: which sides this room owns, and how thick they are.
            float t[4];
            bool owns[4];
            for (int k = 0; k < 4; ++k) {
                auto other = across(rooms, *r, kSides[k]);
                t[k] = wallThickness(*bld, *r, other, kSides[k]);
                bool otherStructure = false, lowerStructure = false;
                for (const world::Room* q : other) {
                    if (structure.count(q->id)) {
                        otherStructure = true;
                        lowerStructure = lowerStructure || q->id < r->id;
                    }
                }
                owns[k] = isStructure ? !lowerStructure : !otherStructure;
            }
            for (int k = 0; k < 4; ++k) {
                if (!owns[k]) continue;
                // Walls along x (normal y) run over the owned x-walls' thickness to close the corners.
                float extLo = 0.0f, extHi = 0.0f;
                if (kSides[k].axis == 1) {
                    extLo = owns[0] ? t[0] : 0.0f;
                    extHi = owns[1] ? t[1] : 0.0f;
                }
                for (const Box& piece : wallPieces(d, *r, kSides[k], t[k], extLo, extHi)) {
                    if (isStructure) {
                        sd.members.push_back(member(physics::MemberKind::Wall, storey, piece, physics::materials::masonry()));
                        // The floor goes on under a wall that can fall (rooms' floors stop at their walls),
                        // and under a lintel's door opening as its threshold: at the room's floor, not
                        // under the lintel's bottom (that hung a slab in the top of the opening).
                        if (!onStructure(*r))
                            out.world.staticBoxes.push_back(staticBox({{piece.min.x, piece.min.y, r->box.min.z - gapBelow}, {piece.max.x, piece.max.y, r->box.min.z}},
                                                                      physics::materials::concrete(), tag++));
                    } else {
                        out.world.staticBoxes.push_back(staticBox(piece, physics::materials::masonry(), tag++));
                    }
                }
            }
            const bool top = storey == bld->storeys - 1;
            const float slabAbove = top ? std::max(0.1f, bld->box.max.z - r->box.max.z) : storeyGapM;
            if (isStructure) {
                // A roof slab is as thick as the floor slabs: the rest of the building's height above
                // the top rooms is roof build-up and parapet, far lighter than concrete.
                const float structural = std::min(slabAbove, storeyGapM);
                Box slab{{r->box.min.x - (owns[0] ? t[0] : 0.0f), r->box.min.y - (owns[2] ? t[2] : 0.0f), r->box.max.z},
                         {r->box.max.x + (owns[1] ? t[1] : 0.0f), r->box.max.y + (owns[3] ? t[3] : 0.0f), r->box.max.z + structural}};
                // The stairwell above comes up through it: the slab is the pieces round the hole.
                std::vector<Box> pieces{slab};
                for (const world::Stair& st : d.stairs)
                    if (st.lowerRoom == r->id) pieces = cutHole(pieces, flightOf(st).footprint(0.0f, 0.05f));
                for (const Box& piece : pieces) sd.members.push_back(member(physics::MemberKind::Slab, storey, piece, physics::materials::concrete()));
                if (storey == lowestStorey) sd.groundZM = r->box.min.z;
                sd.buildingBaseZM = bld->box.min.z;
                sd.buildingHeightM = bld->box.max.z - bld->box.min.z;
            } else if (top) {
                out.world.staticBoxes.push_back(staticBox({{r->box.min.x, r->box.min.y, r->box.max.z}, {r->box.max.x, r->box.max.y, r->box.max.z + slabAbove}},
                                                          physics::materials::concrete(), tag++));
            }
            if (o.furniture && r->kind == world::RoomKind::Classroom) furnishClassroom(*r, o.bookcaseTieN, out.world, rng);
            // Not on breakable walls: the hook would hold the extinguisher to a wall that falls.
            if (o.furniture && r->kind == world::RoomKind::Corridor && !isStructure) hangExtinguishers(d, *r, out.world, rng);
        }
    }
    if (!o.structureRooms.empty()) out.structure = std::move(sd);
    for (const world::Stair& st : d.stairs) {
        const world::Room* lower = d.findRoom(st.lowerRoom);
        if (lower && lower->building == bld->id) addFlight(flightOf(st), out.world, tag);
    }
    // Door leaves on every inner door, open at 1.5 rad into roomA (classrooms and stairwells), as
    // in a lesson: they swing when the ground shakes, and the trainee pushes them. Hinged 3 cm in
    // from the jamb; they open into roomA only, to 1.6 rad, short of where the leaf meets the
    // wall, and the frame's stop holds them at shut (a walker on that side pulls them). A leaf
    // in a breakable wall (a structure room's) comes off its hinge when its frame comes down
    // (EarthquakeHazard: the wall chunks at its hinge).
    for (const world::Door& door : d.doors) {
        const world::Room* a = d.findRoom(door.roomA);
        if (!o.doors || door.isExit || !a || a->building != bld->id) continue;
        const glm::vec3 along(-door.normal.y, door.normal.x, 0.0f);
        physics::DoorDef leaf;
        leaf.hingeM = door.centerM - along * (0.5f * door.widthM - 0.03f);
        leaf.closedDir = along;
        leaf.widthM = door.widthM - 0.06f;
        leaf.heightM = std::min(door.heightM - 0.02f, 2.1f);
        leaf.openLimitRad = 1.6f;
        leaf.startAngleRad = 1.5f;
        leaf.opens = 1;
        leaf.tag = tag++;
        out.world.doors.push_back(leaf);
        out.leafDoors.push_back(door.id);
        out.leafInBreakableWall.push_back(structure.count(door.roomA) || structure.count(door.roomB) ? 1 : 0);
    }
    // The other buildings as solid blocks: nobody walks through them on the way out.
    for (const world::Building& other : d.buildings)
        if (other.id != bld->id)
            out.world.staticBoxes.push_back(staticBox({other.box.min, other.box.max}, physics::materials::masonry(), tag++));

    // A watched passage at every door of the building: blocked when a crouched person cannot get through.
    for (const world::Door& door : d.doors) {
        const world::Room* a = d.findRoom(door.roomA);
        if (!a || a->building != bld->id) continue;
        physics::PassageDef p;
        p.centerM = door.centerM + glm::vec3(0.0f, 0.0f, 0.5f * door.heightM);
        p.halfExtentsM = glm::vec3(0.6f, 0.5f * door.widthM, 0.5f * door.heightM);
        p.yawRad = std::atan2(door.normal.y, door.normal.x);
        p.tag = out.passageDoors.size();
        out.passages.push_back(p);
        out.passageDoors.push_back(door.id);
    }
    // Every other door (exits, inner doors without a leaf) as a panel across the opening, 4 cm
    // thick in the wall's middle plane, 1 cm clear of the jambs and the lintel.
    for (const world::Door& door : d.doors) {
        const world::Room* a = d.findRoom(door.roomA);
        if (!a || a->building != bld->id || (o.doors && !door.isExit)) continue;
        if (structure.count(door.roomA) || structure.count(door.roomB)) continue;
        const glm::vec3 along(-door.normal.y, door.normal.x, 0.0f);
        physics::StaticBoxDef panel;
        panel.centerM = door.centerM + glm::vec3(0.0f, 0.0f, 0.5f * door.heightM - 0.005f);
        panel.halfExtentsM = glm::vec3(0.5f * door.widthM - 0.01f, 0.02f, 0.5f * door.heightM - 0.005f);
        panel.yawRad = std::atan2(along.y, along.x);
        panel.material = physics::materials::timber();
        panel.tag = tag++;
        out.doorPanels.push_back(panel);
        out.panelDoors.push_back(door.id);
    }
    return out;
}

Result<BuildingPhysics> buildingPhysicsOfScenario(const scenario::ScenarioDef& sc, const world::District& d) {
    const scenario::EarthquakeDef& eq = *sc.earthquake;
    BuildingPhysicsOptions o;
    o.building = eq.building;
    o.structureRooms = eq.structureRooms;
    o.furniture = eq.furniture;
    o.doors = eq.doors;
    o.bookcaseTieN = static_cast<float>(eq.bookcaseTieN);
    o.designPgaG = static_cast<float>(eq.designPgaG);
    o.seed = sc.seed;
    o.source = sc.path;
    o.sourceLine = eq.source.line;
    return buildingPhysicsFromDistrict(d, o);
}

}  // namespace cd::app
