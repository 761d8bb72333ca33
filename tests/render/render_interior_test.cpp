// Inside buildings: ceiling lights, no sunlight through solid walls and slabs, sun through
// glass, and cutaway boxes that hide the static world. Offscreen on lavapipe, checked by region
// means with tolerances (golden-free). CITYDRILL_RENDER_TEST_OUT=dir keeps the PNGs.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <string>

#include "gfx/device.h"
#include "gfx/image.h"
#include "render/renderer.h"
#include "test_scene.h"

using namespace cd;
using namespace cd::render;
using namespace cd::render::test;

namespace {

const glm::vec4 kPlaster{0.85f, 0.83f, 0.75f, 1.0f};
const glm::vec4 kConcrete{0.39f, 0.39f, 0.35f, 1.0f};
const glm::vec4 kGlass{0.33f, 0.53f, 0.70f, 0.35f};

// A closed room 12 m x 12 m x 3.2 m (0.25 m walls, 0.3 m roof slab) west of the tower, and a
// second room like it whose south wall has a 4 m x 1.5 m glazed window.
assets::Model interiorDistrict() {
    assets::Model m = testDistrict();
    m.sourcePath = "interior_district";
    auto room = [&](float x0, bool window) {
        const float x1 = x0 + 12.0f, y0 = -6.0f, y1 = 6.0f, h = 3.2f, t = 0.25f;
        addBox(m, {x0, y0, 0.0f}, {x1, y1, 0.02f}, kConcrete, "building.room.floor");
        addBox(m, {x0, y0, h}, {x1, y1, h + 0.3f}, kConcrete, "building.room.roof");
        addBox(m, {x0, y1 - t, 0.0f}, {x1, y1, h}, kPlaster, "building.room.wall_n");
        addBox(m, {x0, y0, 0.0f}, {x0 + t, y1, h}, kPlaster, "building.room.wall_w");
        addBox(m, {x1 - t, y0, 0.0f}, {x1, y1, h}, kPlaster, "building.room.wall_e");
        if (!window) {
            addBox(m, {x0, y0, 0.0f}, {x1, y0 + t, h}, kPlaster, "building.room.wall_s");
            return;
        }
        const float wx0 = x0 + 4.0f, wx1 = x0 + 8.0f, wz0 = 0.9f, wz1 = 2.4f;
        addBox(m, {x0, y0, 0.0f}, {wx0, y0 + t, h}, kPlaster, "building.room.wall_s");
        addBox(m, {wx1, y0, 0.0f}, {x1, y0 + t, h}, kPlaster, "building.room.wall_s");
        addBox(m, {wx0, y0, 0.0f}, {wx1, y0 + t, wz0}, kPlaster, "building.room.wall_s");
        addBox(m, {wx0, y0, wz1}, {wx1, y0 + t, h}, kPlaster, "building.room.wall_s");
        addBox(m, {wx0, y0 + 0.1f, wz0}, {wx1, y0 + 0.15f, wz1}, kGlass, "building.room.window");
    };
    room(-62.0f, false);
    room(-82.0f, true);
    return m;
}

class InteriorRender : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        gfx::DeviceDesc desc;
        desc.forceCpu = true;
        auto dev = gfx::Device::create(desc);
        ASSERT_TRUE(dev.ok()) << dev.error().str();
        device_ = std::move(*dev).release();
        auto r = Renderer::create(*device_);
        ASSERT_TRUE(r.ok()) << r.error().str();
        renderer_ = std::move(*r).release();
        auto st = renderer_->setWorld(interiorDistrict());
        ASSERT_TRUE(st.ok()) << st.error().str();
    }
    static void TearDownTestSuite() {
        delete renderer_;
        delete device_;
        renderer_ = nullptr;
        device_ = nullptr;
    }

    gfx::Image renderImage(const RenderSnapshot& s, const char* name) {
        auto img = renderer_->renderToImage(s);
        EXPECT_TRUE(img.ok()) << img.error().str();
        if (!img) return {};
        if (const char* dir = std::getenv("CITYDRILL_RENDER_TEST_OUT")) {
            std::filesystem::create_directories(dir);
            (void)gfx::writePng(*img, std::string(dir) + "/" + name + ".png");
        }
        return *img;
    }

    // Inside the closed room, from its south-west corner towards the north-east, looking a
    // little up: ceiling in the top of the picture, floor at the bottom.
    static RenderSnapshot inClosedRoom() {
        RenderSnapshot s = testSnapshot(240, 136);
        s.views[0].eye = {-60.5f, -4.5f, 1.5f};
        s.views[0].lookAt = true;
        s.views[0].target = {-51.0f, 4.0f, 1.6f};
        s.views[0].verticalFovDeg = 80.0f;
        s.views[0].nearM = 0.05f;
        return s;
    }

    static gfx::Device* device_;
    static Renderer* renderer_;
};

gfx::Device* InteriorRender::device_ = nullptr;
Renderer* InteriorRender::renderer_ = nullptr;

TEST_F(InteriorRender, CeilingOfAClosedRoomIsLitByTheCeilingLightsNotBlack) {
    RenderSnapshot lit = inClosedRoom();
    RenderSnapshot dark = lit;
    dark.interior.intensity = 0.0f;  // power cut
    const glm::vec3 ceiling = meanColor(renderImage(lit, "room_ceiling"), 0.3f, 0.02f, 0.7f, 0.15f);
    const glm::vec3 ceilingDark = meanColor(renderImage(dark, "room_ceiling_power_cut"), 0.3f, 0.02f, 0.7f, 0.15f);
    // Concrete soffit (albedo 0.39) under half the lights: clearly grey, not a black lid.
    EXPECT_GT(luminance(ceiling), 0.3f);
    EXPECT_GT(luminance(ceiling), luminance(ceilingDark) + 0.15f) << "the ceiling's light comes from the lamps";
    // Floors get more of the ceiling lights than the ceiling does (the lamps face down).
    const glm::vec3 floor = meanColor(renderImage(lit, "room_floor"), 0.3f, 0.88f, 0.7f, 0.98f);
    EXPECT_GT(luminance(floor), luminance(ceiling));
}

TEST_F(InteriorRender, NoSunlightLeaksThroughSolidWallsOrTheRoof) {
    // A high sun and a low grazing one: the closed room must look the same as with no sun.
    for (const glm::vec3 sunDir : {glm::vec3(-0.35f, -0.55f, 0.76f), glm::vec3(0.2f, -0.95f, 0.22f)}) {
        RenderSnapshot sunny = inClosedRoom();
        sunny.sun.direction = sunDir;
        // Direct sunlight off, everything else (the sky, the ground's bounce) the same.
        RenderSnapshot night = sunny;
        night.sun.color = glm::vec3(0.0f);
        const gfx::Image a = renderImage(sunny, "room_sun");
        const gfx::Image b = renderImage(night, "room_nosun");
        // Whole picture, in 8 x 4 tiles: no tile brighter by more than a trace.
        for (int ty = 0; ty < 4; ++ty)
            for (int tx = 0; tx < 8; ++tx) {
                const float x0 = tx / 8.0f, y0 = ty / 4.0f;
                const float la = luminance(meanColor(a, x0, y0, x0 + 0.125f, y0 + 0.25f));
                const float lb = luminance(meanColor(b, x0, y0, x0 + 0.125f, y0 + 0.25f));
                EXPECT_NEAR(la, lb, 0.02f) << "tile " << tx << "," << ty << " sun " << sunDir.x << "," << sunDir.z;
            }
    }
}

TEST_F(InteriorRender, SunComesInThroughAWindowOntoTheFloor) {
    // The windowed room, looking down at the floor inside its south window, sun from the south.
    RenderSnapshot s = testSnapshot(240, 136);
    s.sun.direction = {0.0f, -0.8f, 0.6f};
    s.views[0].eye = {-76.0f, 4.0f, 3.0f};
    s.views[0].lookAt = true;
    s.views[0].target = {-76.0f, -3.5f, 0.0f};
    s.views[0].nearM = 0.05f;
    RenderSnapshot noSun = s;
    noSun.sun.color = glm::vec3(0.0f);
    // The patch: window z 0.9..2.4 at y = -6, sun 0.75 m down per metre north: floor y -4.8..-2.8,
    // seen in the middle of the picture just below the window.
    const gfx::Image a = renderImage(s, "window_sun"), b = renderImage(noSun, "window_nosun");
    const glm::vec3 sunny = meanColor(a, 0.42f, 0.47f, 0.58f, 0.53f);
    const glm::vec3 dark = meanColor(b, 0.42f, 0.47f, 0.58f, 0.53f);
    EXPECT_GT(luminance(sunny), luminance(dark) + 0.1f) << "a sunlit patch on the floor below the window";
    // Beside the window the wall keeps the floor in shade.
    const glm::vec3 besideSun = meanColor(a, 0.05f, 0.5f, 0.2f, 0.56f);
    const glm::vec3 besideDark = meanColor(b, 0.05f, 0.5f, 0.2f, 0.56f);
    EXPECT_NEAR(luminance(besideSun), luminance(besideDark), 0.02f);
}

TEST_F(InteriorRender, CutawayBoxHidesTheWorldInsideItButNotOutside) {
    // The default view faces the brick tower (x 0..12, y -6..6, z 0..18) from 30 m west.
    RenderSnapshot whole = testSnapshot(320, 180);
    RenderSnapshot cut = whole;
    cut.hiddenBoxes.push_back({{-1.0f, -7.0f, -1.0f}, {13.0f, 7.0f, 9.0f}});
    // Debris inside the box is an overlay, drawn regardless.
    BoxInstance debris;
    debris.center = {1.0f, 0.0f, 1.0f};
    debris.halfExtents = {1.0f, 2.0f, 1.0f};
    debris.color = {0.1f, 0.7f, 0.9f};
    cut.boxes.push_back(debris);
    const gfx::Image a = renderImage(whole, "cutaway_off");
    const gfx::Image b = renderImage(cut, "cutaway_on");
    auto brick = [](glm::vec3 c) { return c.r > c.g + 0.1f && c.r > c.b + 0.1f; };
    // Tower face at z 4..5 (inside the box): brick without the cutaway, something else with it.
    const glm::vec3 lowOff = meanColor(a, 0.46f, 0.59f, 0.54f, 0.62f);
    const glm::vec3 lowOn = meanColor(b, 0.46f, 0.59f, 0.54f, 0.62f);
    EXPECT_TRUE(brick(lowOff)) << lowOff.r << "," << lowOff.g << "," << lowOff.b;
    EXPECT_FALSE(brick(lowOn)) << "the tower is still drawn inside the cutaway: " << lowOn.r << "," << lowOn.g << "," << lowOn.b;
    // Tower face at z 13..15 (above the box): unchanged, within a small tolerance.
    const glm::vec3 highOff = meanColor(a, 0.46f, 0.32f, 0.54f, 0.36f);
    const glm::vec3 highOn = meanColor(b, 0.46f, 0.32f, 0.54f, 0.36f);
    EXPECT_TRUE(brick(highOn));
    EXPECT_NEAR(highOn.r, highOff.r, 0.02f);
    EXPECT_NEAR(highOn.g, highOff.g, 0.02f);
    EXPECT_NEAR(highOn.b, highOff.b, 0.02f);
    // The debris box at z 0..2 shows through where the tower used to hide it.
    const glm::vec3 debrisOn = meanColor(b, 0.47f, 0.68f, 0.53f, 0.71f);
    EXPECT_GT(debrisOn.b, debrisOn.r + 0.1f) << "debris overlay inside the cutaway is drawn";
}

}  // namespace
