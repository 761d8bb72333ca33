// district_gen --seed N --out DIR [--plan FILE.png] [--plan-storey S]
// Writes DIR/school_campus.gltf (+ .bin), DIR/school_campus.json (manifest),
// DIR/school_campus_dem.asc and DIR/school_campus_dem_buildings.asc. Same seed, same bytes.
#include <cstdio>
#include <cstdlib>
#include <string>

#include "campus_files.h"
#include "campus_geometry.h"
#include "core/files.h"
#include "plan_image.h"
#include "world/district.h"

namespace {
int usage(const char* why) {
    std::fprintf(stderr, "district_gen: %s\nusage: district_gen --seed N --out DIR [--plan FILE.png] [--plan-storey S]\n", why);
    return 1;
}
}  // namespace

int main(int argc, char** argv) {
    std::string out, plan;
    unsigned long long seed = 0;
    bool haveSeed = false;
    int planStorey = 0;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (i + 1 >= argc) return usage(("missing value after " + a).c_str());
        const std::string v = argv[++i];
        char* end = nullptr;
        if (a == "--seed") {
            seed = std::strtoull(v.c_str(), &end, 10);
            if (v.empty() || *end) return usage("--seed needs a non-negative integer");
            haveSeed = true;
        } else if (a == "--out") {
            out = v;
        } else if (a == "--plan") {
            plan = v;
        } else if (a == "--plan-storey") {
            planStorey = int(std::strtol(v.c_str(), &end, 10));
            if (v.empty() || *end) return usage("--plan-storey needs an integer");
        } else {
            return usage(("unknown option " + a).c_str());
        }
    }
    if (!haveSeed || out.empty()) return usage("--seed and --out are required");
    if (auto s = cd::makeDirectories(out); !s) return usage(s.error().str().c_str());

    const cd::districtgen::Campus campus = cd::districtgen::generateCampus(seed);
    auto model = cd::districtgen::writeCampusModel(campus, out);
    if (!model) return usage(model.error().str().c_str());
    if (auto s = cd::districtgen::writeCampusManifest(campus, out); !s) return usage(s.error().str().c_str());
    if (auto s = cd::districtgen::writeCampusDems(campus, out); !s) return usage(s.error().str().c_str());
    if (!plan.empty())
        if (auto s = cd::districtgen::writePlanImage(campus, plan, planStorey, 3); !s) return usage(s.error().str().c_str());

    // Check our own output with the engine's loader: a campus that does not validate is a bug here.
    auto loaded = cd::world::loadDistrict(cd::joinPath(out, "school_campus.json"));
    if (!loaded) {
        std::fprintf(stderr, "district_gen: generated manifest does not load: %s\n", loaded.error().str().c_str());
        return 1;
    }
    const auto& d = campus.district;
    int storeys = 0;
    for (const auto& b : d.buildings) storeys += b.storeys;
    std::printf("school_campus seed %llu: %zu buildings, %d storeys, %zu rooms, %zu doors, %zu exits, %zu stairs, %zu trees, %zu cars\n", seed,
                d.buildings.size(), storeys, d.rooms.size(), d.doors.size(), d.exits.size(), d.stairs.size(), campus.trees.size(), campus.cars.size());
    std::printf("glTF: %zu meshes, %zu triangles, %zu vertices, %zu + %zu bytes\n", model->meshes, model->triangles, model->vertices, model->gltfBytes,
                model->binBytes);
    return 0;
}
