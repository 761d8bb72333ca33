#define STB_IMAGE_WRITE_IMPLEMENTATION
#include "plan_image.h"

#include <stb_image_write.h>

#include <algorithm>
#include <cmath>
#include <vector>

namespace cd::districtgen {

namespace {
struct Canvas {
    int w, h, ppm;
    std::vector<unsigned char> px;
    void set(int x, int y, int r, int g, int b) {
        if (x < 0 || y < 0 || x >= w || y >= h) return;
        unsigned char* p = &px[(std::size_t(h - 1 - y) * w + x) * 3];  // north up
        p[0] = (unsigned char)r;
        p[1] = (unsigned char)g;
        p[2] = (unsigned char)b;
    }
    void fill(float x0, float y0, float x1, float y1, int r, int g, int b) {
        for (int y = int(y0 * ppm); y < int(y1 * ppm); ++y)
            for (int x = int(x0 * ppm); x < int(x1 * ppm); ++x) set(x, y, r, g, b);
    }
    void outline(float x0, float y0, float x1, float y1, int r, int g, int b) {
        for (int x = int(x0 * ppm); x <= int(x1 * ppm); ++x) {
            set(x, int(y0 * ppm), r, g, b);
            set(x, int(y1 * ppm), r, g, b);
        }
        for (int y = int(y0 * ppm); y <= int(y1 * ppm); ++y) {
            set(int(x0 * ppm), y, r, g, b);
            set(int(x1 * ppm), y, r, g, b);
        }
    }
    void dot(float x, float y, float radiusM, int r, int g, int b) {
        const int cx = int(x * ppm), cy = int(y * ppm), rr = std::max(1, int(radiusM * ppm));
        for (int dy = -rr; dy <= rr; ++dy)
            for (int dx = -rr; dx <= rr; ++dx)
                if (dx * dx + dy * dy <= rr * rr) set(cx + dx, cy + dy, r, g, b);
    }
};
}  // namespace

Status writePlanImage(const Campus& c, const std::string& path, int storey, int ppm) {
    const int size = int(c.sizeM) * ppm;
    Canvas cv{size, size, ppm, std::vector<unsigned char>(std::size_t(size) * size * 3, 0)};
    const world::Terrain& t = c.district.terrain;
    for (int y = 0; y < size; ++y) {
        for (int x = 0; x < size; ++x) {
            const float h = t.heightAt((float(x) + 0.5f) / ppm, (float(y) + 0.5f) / ppm);
            const float k = std::clamp((h - 5.0f) / 12.0f, 0.0f, 1.0f);
            const bool contour = std::fmod(h + 0.5f, 2.0f) < 0.05f;  // 2 m contours off the 10 m campus level
            const int g = contour ? 90 : int(110 + 120 * k);
            cv.set(x, y, contour ? 70 : int(60 + 90 * k), g, contour ? 60 : int(50 + 40 * k));
        }
    }
    for (float x = 0; x < c.sizeM; x += 0.5f) cv.dot(x, c.streamY(x), 2.5f, 60, 110, 200);
    for (const Rect& r : c.roads) cv.fill(r.x0, r.y0, r.x1, r.y1, 50, 50, 55);
    for (const Rect& r : c.paths) cv.fill(r.x0, r.y0, r.x1, r.y1, 190, 185, 170);
    cv.fill(c.parking.x0, c.parking.y0, c.parking.x1, c.parking.y1, 70, 70, 75);
    cv.fill(c.sportsField.x0, c.sportsField.y0, c.sportsField.x1, c.sportsField.y1, 80, 170, 70);
    cv.fill(c.playground.x0, c.playground.y0, c.playground.x1, c.playground.y1, 220, 200, 140);
    cv.outline(c.fence.x0, c.fence.y0, c.fence.x1, c.fence.y1, 30, 60, 40);
    for (const glm::vec2& p : c.trees) cv.dot(p.x, p.y, 1.8f, 30, 90, 30);
    for (const Car& car : c.cars) cv.fill(car.x - 0.9f, car.y - 2.1f, car.x + 0.9f, car.y + 2.1f, 200, 60, 60);
    for (const world::Building& b : c.district.buildings) cv.fill(b.box.min.x, b.box.min.y, b.box.max.x, b.box.max.y, 120, 60, 50);
    for (const world::Room& r : c.district.rooms) {
        if (r.storey != storey) continue;
        int col[3] = {230, 230, 220};
        if (r.kind == world::RoomKind::Corridor) col[0] = 200, col[1] = 200, col[2] = 240;
        if (r.kind == world::RoomKind::Stairwell) col[0] = 240, col[1] = 200, col[2] = 150;
        if (r.kind == world::RoomKind::Hall) col[0] = 200, col[1] = 240, col[2] = 200;
        if (r.kind == world::RoomKind::Office) col[0] = 240, col[1] = 220, col[2] = 240;
        cv.fill(r.box.min.x, r.box.min.y, r.box.max.x, r.box.max.y, col[0], col[1], col[2]);
    }
    for (const world::Stair& s : c.district.stairs) {
        const world::Room* lo = c.district.findRoom(s.lowerRoom);
        if (lo && lo->storey == storey) {
            cv.dot(s.bottomM.x, s.bottomM.y, 0.4f, 0, 150, 0);
            cv.dot(s.topM.x, s.topM.y, 0.4f, 0, 0, 150);
        }
    }
    for (const world::Door& d : c.district.doors) {
        const world::Room* a = c.district.findRoom(d.roomA);
        if (!a || a->storey != storey) continue;
        const glm::vec3 tan(-d.normal.y, d.normal.x, 0);
        for (float s = -d.widthM / 2; s <= d.widthM / 2; s += 0.1f) cv.dot(d.centerM.x + tan.x * s, d.centerM.y + tan.y * s, 0.2f, d.isExit ? 255 : 220, d.isExit ? 200 : 30, 30);
    }
    for (const world::Exit& e : c.district.exits) cv.dot(e.positionM.x, e.positionM.y, 0.8f, 255, 220, 0);
    for (const world::AssemblyPoint& a : c.district.assemblyPoints) cv.dot(a.positionM.x, a.positionM.y, 3.0f, 40, 80, 255);
    if (!stbi_write_png(path.c_str(), size, size, 3, cv.px.data(), size * 3)) return makeError("cannot write PNG", path);
    return Ok{};
}

}  // namespace cd::districtgen
