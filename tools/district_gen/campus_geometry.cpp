// Turns the campus plan into glTF meshes: terrain, stream water, roads, buildings (walls with
// door and window openings, glazing, slabs with stair holes, flights, roofs), trees, fence,
// benches and parked cars. One glTF mesh per named part.
#include <algorithm>
#include <cmath>

#include "campus_geometry.h"

namespace cd::districtgen {

namespace {

struct Materials {
    int brick, plasterOut, plasterIn, glass, roof, concrete, asphalt, grass, fieldGrass, sand, mud, water, foliage, bark, paving, fenceMetal,
        wood, carGlass, rubber, sign;
    int paint[5];
};

/// Colours are given as they look (sRGB) and stored linear, as glTF requires.
glm::vec4 srgb(float r, float g, float b, float a = 1.0f) { return {std::pow(r, 2.2f), std::pow(g, 2.2f), std::pow(b, 2.2f), a}; }

Materials addMaterials(GltfWriter& w) {
    Materials m{};
    m.brick = w.addMaterial("brick", srgb(0.62f, 0.32f, 0.24f), 0.0f, 0.9f);
    m.plasterOut = w.addMaterial("plaster_exterior", srgb(0.87f, 0.82f, 0.70f), 0.0f, 0.85f);
    m.plasterIn = w.addMaterial("plaster_interior", srgb(0.93f, 0.92f, 0.88f), 0.0f, 0.9f);
    m.glass = w.addMaterial("glass", srgb(0.60f, 0.75f, 0.85f, 0.35f), 0.0f, 0.05f);
    m.roof = w.addMaterial("roof", srgb(0.30f, 0.30f, 0.33f), 0.0f, 0.8f);
    m.concrete = w.addMaterial("concrete", srgb(0.65f, 0.65f, 0.62f), 0.0f, 0.9f);
    m.asphalt = w.addMaterial("asphalt", srgb(0.20f, 0.20f, 0.22f), 0.0f, 0.95f);
    m.grass = w.addMaterial("grass", srgb(0.36f, 0.52f, 0.25f), 0.0f, 1.0f);
    m.fieldGrass = w.addMaterial("sports_turf", srgb(0.35f, 0.62f, 0.28f), 0.0f, 1.0f);
    m.sand = w.addMaterial("sand", srgb(0.86f, 0.77f, 0.55f), 0.0f, 1.0f);
    m.mud = w.addMaterial("stream_bank", srgb(0.45f, 0.38f, 0.27f), 0.0f, 1.0f);
    m.water = w.addMaterial("water", srgb(0.20f, 0.38f, 0.48f, 0.7f), 0.0f, 0.1f);
    m.foliage = w.addMaterial("tree_foliage", srgb(0.22f, 0.45f, 0.18f), 0.0f, 1.0f);
    m.bark = w.addMaterial("tree_bark", srgb(0.38f, 0.27f, 0.17f), 0.0f, 1.0f);
    m.paving = w.addMaterial("paving", srgb(0.72f, 0.70f, 0.64f), 0.0f, 0.9f);
    m.fenceMetal = w.addMaterial("fence_metal", srgb(0.18f, 0.32f, 0.22f), 0.6f, 0.5f);
    m.wood = w.addMaterial("bench_wood", srgb(0.55f, 0.38f, 0.22f), 0.0f, 0.8f);
    m.carGlass = w.addMaterial("car_glass", srgb(0.12f, 0.14f, 0.17f), 0.0f, 0.1f);
    m.rubber = w.addMaterial("tyre_rubber", srgb(0.06f, 0.06f, 0.06f), 0.0f, 0.9f);
    m.sign = w.addMaterial("assembly_sign", srgb(0.10f, 0.62f, 0.25f), 0.0f, 0.6f);
    const char* paintNames[5] = {"car_paint_red", "car_paint_blue", "car_paint_white", "car_paint_grey", "car_paint_yellow"};
    const glm::vec4 paints[5] = {srgb(0.70f, 0.10f, 0.10f), srgb(0.12f, 0.25f, 0.60f), srgb(0.92f, 0.92f, 0.92f), srgb(0.45f, 0.46f, 0.48f),
                                 srgb(0.90f, 0.75f, 0.15f)};
    for (int i = 0; i < 5; ++i) m.paint[i] = w.addMaterial(paintNames[i], paints[i], 0.3f, 0.4f);
    return m;
}

using P = std::vector<std::pair<int, const MeshBuilder*>>;

/// Two triangles over four ground points (not planar in general).
void groundQuad(MeshBuilder& b, const glm::vec3& p00, const glm::vec3& p10, const glm::vec3& p11, const glm::vec3& p01) {
    b.triangle(p00, p10, p11);
    b.triangle(p00, p11, p01);
}

/// A rectangle draped over the terrain, `offset` above it, in cells of about `step` metres.
void drape(MeshBuilder& b, const world::Terrain& t, const Rect& r, float step, float offset) {
    const int nx = std::max(1, int(std::ceil((r.x1 - r.x0) / step))), ny = std::max(1, int(std::ceil((r.y1 - r.y0) / step)));
    auto pt = [&](int i, int j) {
        const float x = r.x0 + (r.x1 - r.x0) * float(i) / float(nx), y = r.y0 + (r.y1 - r.y0) * float(j) / float(ny);
        return glm::vec3(x, y, t.heightAt(x, y) + offset);
    };
    for (int j = 0; j < ny; ++j)
        for (int i = 0; i < nx; ++i) groundQuad(b, pt(i, j), pt(i + 1, j), pt(i + 1, j + 1), pt(i, j + 1));
}

/// One wall with its openings: solid runs, sills below and lintels above each gap, glass in
/// windows. An exterior wall is two leaves, facade outside (outsideSign: +1 if the outside is
/// towards +y / +x) and plaster inside, so rooms look like rooms.
void emitWall(MeshBuilder& solid, MeshBuilder& lining, MeshBuilder& glass, const Wall& w, float floorZ, float outsideSign) {
    const float t = BuildingPlan::kWallM, facadeT = 0.12f;
    auto slab = [&](MeshBuilder& b, float a0, float a1, float z0, float z1, float c0, float c1) {
        if (a1 - a0 < 1e-3f || z1 - z0 < 1e-3f) return;
        const unsigned skip = (z0 <= w.z0 ? MeshBuilder::kNoBottom : 0u) | (z1 >= w.z1 ? MeshBuilder::kNoTop : 0u);
        if (w.alongX) b.box({a0, w.at + c0, z0}, {a1, w.at + c1, z1}, skip);
        else b.box({w.at + c0, a0, z0}, {w.at + c1, a1, z1}, skip);
    };
    auto piece = [&](float a0, float a1, float z0, float z1) {
        if (!w.exterior) return slab(solid, a0, a1, z0, z1, -t / 2, t / 2);
        // Across the wall from the outside face: facade leaf, then the plaster leaf.
        const float outer = outsideSign * t / 2, split = outsideSign * (t / 2 - facadeT), inner = -outsideSign * t / 2;
        slab(solid, a0, a1, z0, z1, std::min(outer, split), std::max(outer, split));
        slab(lining, a0, a1, z0, z1, std::min(split, inner), std::max(split, inner));
    };
    float cursor = w.from;
    for (const Opening& o : w.openings) {
        const float a0 = std::max(w.from, o.centre - o.width / 2), a1 = std::min(w.to, o.centre + o.width / 2);
        piece(cursor, a0, w.z0, w.z1);
        piece(a0, a1, w.z0, floorZ + o.bottom);
        piece(a0, a1, floorZ + o.top, w.z1);
        if (o.glazed) {  // one pane in the wall's mid-plane; the glass material is double-sided
            const float zb = floorZ + o.bottom, zt = floorZ + o.top;
            if (w.alongX) glass.face({a0, w.at, zb}, {a1 - a0, 0, 0}, {0, 0, zt - zb});
            else glass.face({w.at, a0, zb}, {0, a1 - a0, 0}, {0, 0, zt - zb});
        }
        cursor = std::max(cursor, a1);
    }
    piece(cursor, w.to, w.z0, w.z1);
}

/// The rectangle minus holes, as rectangles (sweep across x, then cut each column in y).
std::vector<Rect> rectMinusHoles(const Rect& r, const std::vector<Rect>& holes) {
    std::vector<float> xs = {r.x0, r.x1};
    for (const Rect& h : holes) {
        xs.push_back(std::clamp(h.x0, r.x0, r.x1));
        xs.push_back(std::clamp(h.x1, r.x0, r.x1));
    }
    std::sort(xs.begin(), xs.end());
    xs.erase(std::unique(xs.begin(), xs.end()), xs.end());
    std::vector<Rect> out;
    for (std::size_t i = 0; i + 1 < xs.size(); ++i) {
        const float xm = (xs[i] + xs[i + 1]) * 0.5f;
        std::vector<Rect> cut;
        for (const Rect& h : holes)
            if (xm > h.x0 && xm < h.x1) cut.push_back(h);
        std::sort(cut.begin(), cut.end(), [](const Rect& a, const Rect& b) { return a.y0 < b.y0; });
        float y = r.y0;
        for (const Rect& h : cut) {
            if (h.y0 > y) out.push_back({xs[i], y, xs[i + 1], h.y0});
            y = std::max(y, h.y1);
        }
        if (y < r.y1) out.push_back({xs[i], y, xs[i + 1], r.y1});
    }
    return out;
}

void emitBuilding(GltfWriter& w, const Materials& m, const BuildingPlan& p) {
    const float t = BuildingPlan::kWallM, H = BuildingPlan::kStoreyM, slab = BuildingPlan::kSlabM;
    const int group = w.addGroup("building." + p.id);
    const std::string pre = "building." + p.id + ".storey";
    const Rect inner{p.xLines.front() + t / 2, p.yLines.front() + t / 2, p.xLines.back() - t / 2, p.yLines.back() - t / 2};
    for (int s = 0; s < p.storeys; ++s) {
        const float zf = p.baseZ + float(s) * H;
        MeshBuilder outside, inside, glass, floor, stairs;
        const float cx = (p.x0 + p.x1()) * 0.5f, cy = (p.y0 + p.y1()) * 0.5f;
        for (const Wall& wall : p.walls[s]) {
            const float sign = (wall.alongX ? wall.at > cy : wall.at > cx) ? 1.0f : -1.0f;
            emitWall(wall.exterior ? outside : inside, inside, glass, wall, zf, sign);
        }
        std::vector<Rect> holes;
        for (const Flight& f : p.flights) {
            if (f.storey == s - 1) holes.push_back({f.x0 - 0.05f, std::min(f.yBottom, f.yTop) - 0.1f, f.x1 + 0.05f, std::max(f.yBottom, f.yTop) + 0.1f});
            if (f.storey != s) continue;
            const int risers = 20;
            const float dir = f.yTop > f.yBottom ? 1.0f : -1.0f, going = std::abs(f.yTop - f.yBottom) / risers, rise = (f.zTop - f.zBottom) / risers;
            for (int k = 0; k < risers; ++k) {
                const float ya = f.yBottom + dir * going * float(k), yb = f.yBottom + dir * going * float(k + 1);
                const float top = f.zBottom + rise * float(k + 1);
                stairs.box({f.x0, std::min(ya, yb), std::max(f.zBottom, top - 0.45f)}, {f.x1, std::max(ya, yb), top}, k < 2 ? MeshBuilder::kNoBottom : 0u);
            }
        }
        const float z0 = s == 0 ? zf - 0.2f : zf - slab;
        for (const Rect& r : rectMinusHoles(inner, holes)) floor.box({r.x0, r.y0, z0}, {r.x1, r.y1, zf});
        const std::string name = pre + std::to_string(s);
        w.addMesh(name + ".walls", P{{p.brick ? m.brick : m.plasterOut, &outside}, {m.plasterIn, &inside}}, group);
        w.addMesh(name + ".windows", P{{m.glass, &glass}}, group);
        w.addMesh(name + ".floor", P{{m.concrete, &floor}}, group);
        w.addMesh(name + ".stairs", P{{m.concrete, &stairs}}, group);
    }
    MeshBuilder roof;
    const float top = p.baseZ + float(p.storeys) * H;
    // The roof slab doubles as the top storey's ceiling (reaching down to the partitions) and
    // overhangs the facade as an eave.
    roof.box({p.x0 - 0.3f, p.y0 - 0.3f, top - slab}, {p.x1() + 0.3f, p.y1() + 0.3f, top + 0.3f});
    w.addMesh("building." + p.id + ".roof", P{{m.roof, &roof}}, group);
}

void emitTerrain(GltfWriter& w, const Materials& m, const Campus& c) {
    const world::Terrain& t = c.district.terrain;
    const float step = 2.0f;
    const int n = int(c.sizeM / step);
    MeshBuilder parts[2];  // 0 grass, 1 stream bank
    std::vector<int> map[2];
    for (auto& v : map) v.assign(std::size_t(n + 1) * (n + 1), -1);
    auto vert = [&](int part, int i, int j) {
        int& slot = map[part][std::size_t(j) * (n + 1) + i];
        if (slot < 0) {
            const float x = float(i) * step, y = float(j) * step;
            const float hx = t.heightAt(x + 1, y) - t.heightAt(x - 1, y), hy = t.heightAt(x, y + 1) - t.heightAt(x, y - 1);
            slot = int(parts[part].vertex({x, y, t.heightAt(x, y)}, glm::normalize(glm::vec3(-hx / 2, -hy / 2, 1))));
        }
        return std::uint32_t(slot);
    };
    for (int j = 0; j < n; ++j) {
        for (int i = 0; i < n; ++i) {
            const float xc = (float(i) + 0.5f) * step, yc = (float(j) + 0.5f) * step;
            const int part = std::abs(yc - c.streamY(xc)) < 5.5f ? 1 : 0;
            const std::uint32_t a = vert(part, i, j), b = vert(part, i + 1, j), cc = vert(part, i + 1, j + 1), d = vert(part, i, j + 1);
            parts[part].indices.insert(parts[part].indices.end(), {a, b, cc, a, cc, d});
        }
    }
    w.addMesh("terrain", P{{m.grass, &parts[0]}, {m.mud, &parts[1]}});

    MeshBuilder water;
    const float hw = 3.6f;
    for (float x = 0; x < c.sizeM; x += step) {
        const float y0 = c.streamY(x), y1 = c.streamY(x + step), z = c.waterLevelM;
        groundQuad(water, {x, y0 - hw, z}, {x + step, y1 - hw, z}, {x + step, y1 + hw, z}, {x, y0 + hw, z});
    }
    w.addMesh("water.stream", P{{m.water, &water}});

    MeshBuilder road, parking, paths, field, sand;
    for (const Rect& r : c.roads) drape(road, t, r, 2.0f, 0.06f);
    drape(parking, t, c.parking, 2.0f, 0.05f);
    for (const Rect& r : c.paths) drape(paths, t, r, 2.0f, 0.07f);
    drape(field, t, c.sportsField, 4.0f, 0.04f);
    drape(sand, t, c.playground, 2.0f, 0.04f);
    w.addMesh("road", P{{m.asphalt, &road}});
    w.addMesh("parking", P{{m.asphalt, &parking}});
    w.addMesh("path", P{{m.paving, &paths}});
    w.addMesh("sports_field", P{{m.fieldGrass, &field}});
    // A climbing frame on the sand so the playground reads as one.
    const glm::vec2 pc = c.playground.centre();
    const float pz = t.heightAt(pc.x, pc.y);
    MeshBuilder frame;
    for (float dx : {-2.0f, 2.0f})
        for (float dy : {-1.0f, 1.0f}) frame.box({pc.x + 8 + dx - 0.06f, pc.y + dy - 0.06f, pz}, {pc.x + 8 + dx + 0.06f, pc.y + dy + 0.06f, pz + 2.2f});
    frame.box({pc.x + 5.9f, pc.y - 1.06f, pz + 2.1f}, {pc.x + 10.1f, pc.y + 1.06f, pz + 2.25f});
    w.addMesh("playground", P{{m.sand, &sand}, {m.fenceMetal, &frame}});
}

void emitOutdoorProps(GltfWriter& w, const Materials& m, const Campus& c) {
    const world::Terrain& t = c.district.terrain;
    for (std::size_t i = 0; i < c.trees.size(); ++i) {
        const glm::vec2 p = c.trees[i];
        const float s = c.treeScale[i], h = t.heightAt(p.x, p.y);
        MeshBuilder trunk, crown;
        trunk.prism(p.x, p.y, 0.18f * s, h - 0.2f, h + 2.4f * s, 6);
        crown.spindle(p.x, p.y, 1.9f * s, h + 1.6f * s, h + 3.5f * s, h + 6.5f * s, 7);
        w.addMesh("tree." + std::to_string(i), P{{m.bark, &trunk}, {m.foliage, &crown}});
    }

    // Fence: posts every 2.5 m round the school grounds, two rails, gaps at the gates.
    MeshBuilder fence;
    const Rect& f = c.fence;
    const glm::vec2 corners[5] = {{f.x0, f.y0}, {f.x1, f.y0}, {f.x1, f.y1}, {f.x0, f.y1}, {f.x0, f.y0}};
    auto inGate = [&](const glm::vec2& q) {
        for (const Rect& g : c.fenceGates)
            if (g.contains(q.x, q.y)) return true;
        return false;
    };
    for (int side = 0; side < 4; ++side) {
        const glm::vec2 a = corners[side], b = corners[side + 1];
        const int posts = int(glm::length(b - a) / 2.5f);
        glm::vec2 prev{};
        bool havePrev = false;
        for (int k = 0; k <= posts; ++k) {
            const glm::vec2 q = a + (b - a) * (float(k) / float(posts));
            if (inGate(q)) {
                havePrev = false;
                continue;
            }
            const float h = t.heightAt(q.x, q.y);
            fence.box({q.x - 0.04f, q.y - 0.04f, h - 0.1f}, {q.x + 0.04f, q.y + 0.04f, h + 1.8f});
            if (havePrev) {
                const float base = std::min(h, t.heightAt(prev.x, prev.y));
                const glm::vec2 lo = glm::min(prev, q) - glm::vec2(0.02f), hi = glm::max(prev, q) + glm::vec2(0.02f);
                for (float z : {0.5f, 1.6f}) fence.box({lo.x, lo.y, base + z}, {hi.x, hi.y, base + z + 0.05f});
            }
            prev = q;
            havePrev = true;
        }
    }
    w.addMesh("fence", P{{m.fenceMetal, &fence}});

    for (std::size_t i = 0; i < c.benches.size(); ++i) {
        const glm::vec3 b = c.benches[i];
        const bool alongX = std::abs(std::sin(b.z)) < 0.5f;
        const float h = t.heightAt(b.x, b.y);
        auto bx = [&](MeshBuilder& mb, float a0, float a1, float c0, float c1, float z0, float z1) {
            if (alongX) mb.box({b.x + a0, b.y + c0, h + z0}, {b.x + a1, b.y + c1, h + z1});
            else mb.box({b.x + c0, b.y + a0, h + z0}, {b.x + c1, b.y + a1, h + z1});
        };
        MeshBuilder wood, legs;
        bx(wood, -0.9f, 0.9f, -0.22f, 0.22f, 0.42f, 0.47f);
        bx(wood, -0.9f, 0.9f, 0.2f, 0.25f, 0.5f, 0.9f);
        bx(legs, -0.8f, -0.72f, -0.2f, 0.2f, -0.05f, 0.42f);
        bx(legs, 0.72f, 0.8f, -0.2f, 0.2f, -0.05f, 0.42f);
        w.addMesh("bench." + std::to_string(i), P{{m.wood, &wood}, {m.fenceMetal, &legs}});
    }

    for (std::size_t i = 0; i < c.cars.size(); ++i) {
        const Car& car = c.cars[i];
        const bool alongX = std::abs(std::sin(car.heading)) < 0.5f;
        const float h = t.heightAt(car.x, car.y);
        auto bx = [&](MeshBuilder& mb, float a0, float a1, float c0, float c1, float z0, float z1) {
            if (alongX) mb.box({car.x + a0, car.y + c0, h + z0}, {car.x + a1, car.y + c1, h + z1});
            else mb.box({car.x + c0, car.y + a0, h + z0}, {car.x + c1, car.y + a1, h + z1});
        };
        MeshBuilder body, cabin, wheels;
        bx(body, -2.15f, 2.15f, -0.88f, 0.88f, 0.3f, 1.0f);
        bx(cabin, -1.1f, 1.0f, -0.8f, 0.8f, 1.0f, 1.45f);
        for (float a : {-1.4f, 1.4f})
            for (float s : {-1.0f, 1.0f}) bx(wheels, a - 0.32f, a + 0.32f, s * 0.9f - 0.13f, s * 0.9f + 0.13f, 0.0f, 0.62f);
        w.addMesh("car." + std::to_string(i), P{{m.paint[car.colour % 5], &body}, {m.carGlass, &cabin}, {m.rubber, &wheels}});
    }

    for (const world::AssemblyPoint& ap : c.district.assemblyPoints) {
        MeshBuilder sign;
        const float h = t.heightAt(ap.positionM.x, ap.positionM.y);
        sign.box({ap.positionM.x - 0.05f, ap.positionM.y - 0.05f, h - 0.1f}, {ap.positionM.x + 0.05f, ap.positionM.y + 0.05f, h + 2.6f});
        sign.box({ap.positionM.x - 0.6f, ap.positionM.y - 0.03f, h + 1.8f}, {ap.positionM.x + 0.6f, ap.positionM.y + 0.03f, h + 2.6f});
        w.addMesh(ap.id + ".sign", P{{m.sign, &sign}});
    }
}

}  // namespace

Result<GltfStats> writeCampusModel(const Campus& campus, const std::string& dir) {
    GltfWriter w;
    const Materials m = addMaterials(w);
    emitTerrain(w, m, campus);
    for (const BuildingPlan& p : campus.plans) emitBuilding(w, m, p);
    emitOutdoorProps(w, m, campus);
    return w.write(dir, "school_campus");
}

}  // namespace cd::districtgen
