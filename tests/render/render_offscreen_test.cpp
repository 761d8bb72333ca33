// Offscreen renders on lavapipe, checked by what the picture shows (golden-free, region means
// with tolerances). Set CITYDRILL_RENDER_TEST_OUT=dir to keep the PNGs for a look.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cmath>

#include <glm/trigonometric.hpp>
#include <cstdlib>
#include <filesystem>

#include "gfx/device.h"
#include "gfx/image.h"
#include "render/renderer.h"
#include "test_scene.h"

using namespace cd;
using namespace cd::render;
using namespace cd::render::test;

namespace {

class OffscreenRender : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        gfx::DeviceDesc desc;
        desc.forceCpu = true;  // same pictures on machines with a GPU
        auto dev = gfx::Device::create(desc);
        ASSERT_TRUE(dev.ok()) << dev.error().str();
        device_ = std::move(*dev).release();
        auto r = Renderer::create(*device_);
        ASSERT_TRUE(r.ok()) << r.error().str();
        renderer_ = std::move(*r).release();
        auto st = renderer_->setWorld(testDistrict());
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

    static gfx::Device* device_;
    static Renderer* renderer_;
};

gfx::Device* OffscreenRender::device_ = nullptr;
Renderer* OffscreenRender::renderer_ = nullptr;

TEST_F(OffscreenRender, RunsOnLavapipeWhenAskedForTheCpu) {
    EXPECT_TRUE(device_->isCpuDevice()) << device_->deviceName();
}

TEST_F(OffscreenRender, SkyIsBlueAndBrighterAtTheHorizonThanAtTheTop) {
    gfx::Image img = renderImage(testSnapshot(320, 180), "sky");
    ASSERT_EQ(img.width, 320u);
    const glm::vec3 top = meanColor(img, 0.0f, 0.0f, 0.25f, 0.06f);
    const glm::vec3 nearHorizon = meanColor(img, 0.0f, 0.36f, 0.2f, 0.42f);
    EXPECT_GT(top.b, top.r + 0.15f) << "sky should be clearly blue";
    EXPECT_GT(luminance(nearHorizon), luminance(top) + 0.05f) << "sky brightens towards the horizon";
}

TEST_F(OffscreenRender, GroundFillsTheBottomWithGroundColour) {
    gfx::Image img = renderImage(testSnapshot(320, 180), "ground");
    const glm::vec3 bottom = meanColor(img, 0.05f, 0.9f, 0.3f, 1.0f);
    // Olive ground: green strongest, blue weakest, and not sky-blue.
    EXPECT_GT(bottom.g, bottom.b);
    EXPECT_GT(bottom.r, bottom.b - 0.02f);
    EXPECT_GT(luminance(bottom), 0.2f);
}

TEST_F(OffscreenRender, TowerStraightAheadCoversTheCentre) {
    gfx::Image img = renderImage(testSnapshot(320, 180), "tower");
    const glm::vec3 centre = meanColor(img, 0.48f, 0.45f, 0.52f, 0.55f);
    // Brick red: red dominant.
    EXPECT_GT(centre.r, centre.g + 0.1f);
    EXPECT_GT(centre.r, centre.b + 0.1f);
    // The tower (12 m wide at 30 m) spans about a quarter of the width: a bit left of it is sky or other.
    const glm::vec3 farLeft = meanColor(img, 0.02f, 0.45f, 0.06f, 0.5f);
    EXPECT_LT(farLeft.r - farLeft.b, 0.05f);
}


// Straight down from 80 m over (6, 0): ground at z = 0 maps to pixels linearly, north up.
RenderSnapshot topDown(std::uint32_t w, std::uint32_t h) {
    RenderSnapshot s = testSnapshot(w, h);
    s.views[0].eye = {6.0f, 0.0f, 80.0f};
    s.views[0].lookAt = true;
    s.views[0].target = {6.0f, 0.0f, 0.0f};
    return s;
}
glm::vec2 groundToPixelFraction(const RenderSnapshot& s, glm::vec2 p) {
    const ViewDesc& v = s.views[0];
    const float halfH = v.eye.z * std::tan(glm::radians(v.verticalFovDeg) * 0.5f);
    const float halfW = halfH * float(v.width) / float(v.height);
    return {0.5f + (p.x - v.eye.x) / (2.0f * halfW), 0.5f - (p.y - v.eye.y) / (2.0f * halfH)};
}

TEST_F(OffscreenRender, TowerCastsItsShadowAwayFromTheSun) {
    RenderSnapshot s = topDown(320, 180);
    gfx::Image img = renderImage(s, "shadow");
    // Sun from the south-west at ~50 deg: the 18 m tower's shadow covers (12..20, 6..19) north-east
    // of it; the same offset south-east of the tower is open ground in sun.
    const glm::vec2 shaded = groundToPixelFraction(s, {16.0f, 12.0f});
    const glm::vec2 sunlit = groundToPixelFraction(s, {16.0f, -12.0f});
    const float d = 0.012f;
    const float lumShaded = luminance(meanColor(img, shaded.x - d, shaded.y - d, shaded.x + d, shaded.y + d));
    const float lumSunlit = luminance(meanColor(img, sunlit.x - d, sunlit.y - d, sunlit.x + d, sunlit.y + d));
    EXPECT_LT(lumShaded, 0.75f * lumSunlit) << "shaded " << lumShaded << " sunlit " << lumSunlit;

    RenderSnapshot noShadow = s;
    noShadow.sun.shadows = false;
    gfx::Image flat = renderImage(noShadow, "shadow_off");
    const float lumFlat = luminance(meanColor(flat, shaded.x - d, shaded.y - d, shaded.x + d, shaded.y + d));
    EXPECT_NEAR(lumFlat, lumSunlit, 0.03f) << "without shadows the same spot is as bright as open ground";
}

TEST_F(OffscreenRender, SmokeLayerAboveHeadGreysTheUpperViewOnly) {
    RenderSnapshot clear = testSnapshot(320, 180);
    clear.views[0].eye = {-30.0f, 0.0f, 1.2f};
    clear.views[0].pitchDeg = 8.0f;
    RenderSnapshot smoky = clear;
    SmokeVolume room;
    room.boxMin = {-45.0f, -15.0f, 0.0f};
    room.boxMax = {-15.0f, 15.0f, 4.0f};
    room.interfaceZ = 1.5f;
    room.extinctionPerM = 0.6f;
    smoky.smoke.push_back(room);
    gfx::Image a = renderImage(clear, "smoke_off");
    gfx::Image b = renderImage(smoky, "smoke_on");
    auto saturation = [](glm::vec3 c) { return std::max({c.r, c.g, c.b}) - std::min({c.r, c.g, c.b}); };
    const glm::vec3 topClear = meanColor(a, 0.0f, 0.0f, 1.0f, 0.3f);
    const glm::vec3 topSmoky = meanColor(b, 0.0f, 0.0f, 1.0f, 0.3f);
    EXPECT_LT(saturation(topSmoky), 0.5f * saturation(topClear)) << "sky above the layer turns grey";
    EXPECT_LT(saturation(topSmoky), 0.06f) << "looking up through 2.5 m of K = 0.6/m smoke shows mostly smoke";
    // Rays going down from 1.2 m never reach the 1.5 m interface: the floor looks the same.
    const glm::vec3 floorClear = meanColor(a, 0.0f, 0.9f, 1.0f, 1.0f);
    const glm::vec3 floorSmoky = meanColor(b, 0.0f, 0.9f, 1.0f, 1.0f);
    EXPECT_NEAR(luminance(floorSmoky), luminance(floorClear), 0.02f);
}

TEST_F(OffscreenRender, ReadbackWritesAPngThatReloadsPixelForPixel) {
    gfx::Image img = renderImage(testSnapshot(320, 180), "png_source");
    const std::string path = (std::filesystem::temp_directory_path() / "citydrill_render_readback.png").string();
    ASSERT_TRUE(gfx::writePng(img, path).ok());
    auto back = gfx::readPng(path);
    ASSERT_TRUE(back.ok()) << back.error().str();
    EXPECT_EQ(back->width, 320u);
    EXPECT_EQ(back->height, 180u);
    EXPECT_EQ(back->rgba, img.rgba);
    std::filesystem::remove(path);
}

TEST_F(OffscreenRender, HazardOverlaysShowFlamesWaterPeopleAndRoute) {
    RenderSnapshot s = testSnapshot(640, 360);
    s.views[0].eye = {-24.0f, -4.0f, 5.0f};
    s.views[0].lookAt = true;
    s.views[0].target = {0.0f, 0.0f, 2.0f};
    FireSource fire;
    fire.base = {-1.0f, -3.0f, 0.0f};
    fire.radiusM = 1.2f;
    fire.flameHeightM = 3.5f;
    fire.hrrKw = 2000.0f;
    s.fires.push_back(fire);
    WaterGrid water;
    water.origin = {-20.0f, -20.0f};
    water.cellSizeM = 1.0f;
    water.nx = 12;
    water.ny = 12;
    water.surfaceZ.assign(144, 0.25f);
    water.depthM.assign(144, 0.25f);
    s.water.push_back(water);
    s.people.push_back({{-14.0f, 2.0f, 0.0f}, 180.0f, {0.9f, 0.2f, 0.1f}, 1.7f, true});
    s.people.push_back({{-12.0f, 4.0f, 0.0f}, 200.0f, {0.1f, 0.3f, 0.9f}, 1.6f, false});
    s.routes.push_back({{{-18.0f, 6.0f, 0.0f}, {-10.0f, 6.0f, 0.0f}, {-6.0f, 10.0f, 0.0f}}, {0.1f, 0.9f, 0.3f}, 0.8f});
    s.timeS = 3.0f;
    gfx::Image img = renderImage(s, "overlays");
    ASSERT_EQ(img.width, 640u);
    ASSERT_EQ(img.height, 360u);
    // Flames: a bright, warm spot where the fire stands (left of the tower's front).
    float bestWarm = 0.0f;
    for (std::uint32_t y = 0; y < img.height; y += 2)
        for (std::uint32_t x = 0; x < img.width; x += 2) {
            const std::uint8_t* p = img.at(x, y);
            if (p[0] > 230 && p[0] > p[2] + 80) bestWarm = std::max(bestWarm, float(p[0]));
        }
    EXPECT_GT(bestWarm, 230.0f) << "no bright orange flame pixels";
    // Water (x -20..-8, y -20..-8) lies bottom right: bluer and darker than the grass there without it.
    RenderSnapshot dry = s;
    dry.water.clear();
    gfx::Image grass = renderImage(dry, "overlays_dry");
    const glm::vec3 wet = meanColor(img, 0.85f, 0.85f, 0.98f, 0.98f);
    const glm::vec3 turf = meanColor(grass, 0.85f, 0.85f, 0.98f, 0.98f);
    EXPECT_GT(wet.b - wet.g, turf.b - turf.g + 0.03f) << "flood water tints the ground";
}
}  // namespace
