// Manifest and DEM output. Numbers are rounded (mm for positions) before writing so the
// text is short and identical from run to run.
#include "campus_files.h"

#include <cmath>
#include <nlohmann/json.hpp>

#include "core/files.h"
#include "world/esri_grid.h"

namespace cd::districtgen {

namespace {
using ojson = nlohmann::ordered_json;

double r3(double v) {
    const double r = std::round(v * 1000.0) / 1000.0;
    return r == 0.0 ? 0.0 : r;
}
ojson v3(const glm::vec3& v) { return {r3(v.x), r3(v.y), r3(v.z)}; }
ojson v2(const glm::vec2& v) { return {r3(v.x), r3(v.y)}; }
ojson box(const world::Aabb& b) { return {{"min", v3(b.min)}, {"max", v3(b.max)}}; }
ojson rect(const Rect& r) { return {{"min", {r3(r.x0), r3(r.y0)}}, {"max", {r3(r.x1), r3(r.y1)}}}; }
}  // namespace

Status writeCampusManifest(const Campus& c, const std::string& dir) {
    const world::District& d = c.district;
    ojson j;
    j["format"] = "citydrill-district";
    j["version"] = 1;
    j["name"] = d.name;
    j["generator"] = "district_gen";
    j["seed"] = c.seed;
    j["model"] = d.modelPath;
    j["terrain"] = {{"dem", "school_campus_dem.asc"}};
    j["demWithBuildings"] = "school_campus_dem_buildings.asc";
    ojson buildings = ojson::array();
    for (const world::Building& b : d.buildings)
        buildings.push_back({{"id", b.id}, {"name", b.name}, {"box", box(b.box)}, {"storeys", b.storeys}, {"storeyHeightM", r3(b.storeyHeightM)}});
    j["buildings"] = buildings;
    ojson rooms = ojson::array();
    for (const world::Room& r : d.rooms)
        rooms.push_back({{"id", r.id}, {"building", r.building}, {"storey", r.storey}, {"kind", world::roomKindName(r.kind)}, {"box", box(r.box)}});
    j["rooms"] = rooms;
    ojson doors = ojson::array();
    for (const world::Door& dr : d.doors)
        doors.push_back({{"id", dr.id}, {"roomA", dr.roomA}, {"roomB", dr.roomB}, {"centerM", v3(dr.centerM)}, {"normal", v3(dr.normal)},
                         {"widthM", r3(dr.widthM)}, {"heightM", r3(dr.heightM)}, {"isExit", dr.isExit}});
    j["doors"] = doors;
    ojson windows = ojson::array();
    for (const world::Window& w : d.windows)
        windows.push_back({{"id", w.id}, {"room", w.room}, {"centerM", v3(w.centerM)}, {"normal", v3(w.normal)}, {"widthM", r3(w.widthM)}, {"heightM", r3(w.heightM)}});
    j["windows"] = windows;
    ojson stairs = ojson::array();
    for (const world::Stair& s : d.stairs)
        stairs.push_back({{"id", s.id}, {"lowerRoom", s.lowerRoom}, {"upperRoom", s.upperRoom}, {"lengthM", r3(s.lengthM)}, {"bottomM", v3(s.bottomM)},
                          {"topM", v3(s.topM)}, {"widthM", r3(s.widthM)}});
    j["stairs"] = stairs;
    ojson exits = ojson::array();
    for (const world::Exit& e : d.exits) exits.push_back({{"id", e.id}, {"door", e.door}, {"positionM", v3(e.positionM)}});
    j["exits"] = exits;
    ojson aps = ojson::array();
    for (const world::AssemblyPoint& a : d.assemblyPoints) aps.push_back({{"id", a.id}, {"positionM", v3(a.positionM)}, {"radiusM", r3(a.radiusM)}});
    j["assemblyPoints"] = aps;
    float maxLow = -1e9f, bed = 1e9f;
    const world::Terrain& t = d.terrain;
    for (int jy = 0; jy < t.ny; ++jy)
        for (int ix = 0; ix < t.nx; ++ix)
            if (world::pointInPolygon(d.lowAreaM, {float(ix) + 0.5f, float(jy) + 0.5f})) {
                maxLow = std::max(maxLow, t.heightsM[std::size_t(jy) * t.nx + ix]);
                bed = std::min(bed, t.heightsM[std::size_t(jy) * t.nx + ix]);
            }
    ojson poly = ojson::array();
    for (const glm::vec2& p : d.lowAreaM) poly.push_back(v2(p));
    j["lowArea"] = {{"polygonM", poly}, {"maxGroundM", r3(maxLow)}, {"streamBedM", r3(bed)}};
    ojson line = ojson::array();
    for (const glm::vec2& p : c.streamLine) line.push_back(v2(p));
    ojson roads = ojson::array(), paths = ojson::array(), trees = ojson::array();
    for (const Rect& r : c.roads) roads.push_back(rect(r));
    for (const Rect& r : c.paths) paths.push_back(rect(r));
    for (std::size_t i = 0; i < c.trees.size(); ++i) trees.push_back({{"id", "tree." + std::to_string(i)}, {"positionM", v2(c.trees[i])}});
    j["features"] = {{"stream", {{"centerlineM", line}, {"waterLevelM", r3(c.waterLevelM)}, {"channelHalfWidthM", 5.0}}},
                     {"sportsField", rect(c.sportsField)},
                     {"playground", rect(c.playground)},
                     {"parking", rect(c.parking)},
                     {"roads", roads},
                     {"paths", paths},
                     {"fence", rect(c.fence)},
                     {"trees", trees}};
    return writeTextFile(joinPath(dir, "school_campus.json"), j.dump(1) + "\n");
}

Status writeCampusDems(const Campus& c, const std::string& dir) {
    const world::Terrain& t = c.district.terrain;
    if (auto s = writeTextFile(joinPath(dir, "school_campus_dem.asc"), world::formatEsriAsciiGrid(t)); !s) return s;
    world::Terrain raised = t;
    for (const world::Building& b : c.district.buildings) {
        for (int j = 0; j < t.ny; ++j) {
            for (int i = 0; i < t.nx; ++i) {
                const float x = t.originM.x + (float(i) + 0.5f) * t.cellM, y = t.originM.y + (float(j) + 0.5f) * t.cellM;
                if (x >= b.box.min.x && x <= b.box.max.x && y >= b.box.min.y && y <= b.box.max.y)
                    raised.heightsM[std::size_t(j) * t.nx + i] = b.box.max.z;  // roof top (ground + building height)
            }
        }
    }
    return writeTextFile(joinPath(dir, "school_campus_dem_buildings.asc"), world::formatEsriAsciiGrid(raised));
}

}  // namespace cd::districtgen
