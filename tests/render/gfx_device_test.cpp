// gfx::Device on lavapipe: errors name what failed, handles are checked, views render separately.
#include <gtest/gtest.h>

#include "gfx/device.h"
#include "gfx/shader_path.h"
#include "render/renderer.h"
#include "test_scene.h"

using namespace cd;
using namespace cd::render::test;

namespace {

class GfxDevice : public ::testing::Test {
protected:
    void SetUp() override {
        gfx::DeviceDesc desc;
        desc.forceCpu = true;
        auto dev = gfx::Device::create(desc);
        ASSERT_TRUE(dev.ok()) << dev.error().str();
        device = std::move(*dev);
    }
    std::unique_ptr<gfx::Device> device;
};

TEST_F(GfxDevice, MissingShaderFileIsAnErrorNamingTheFile) {
    gfx::PipelineDesc d;
    d.vertexShader = "/nonexistent/dir/nope.vert.spv";
    d.fragmentShader = gfx::shaderPath("lit.frag");
    auto p = device->createPipeline(d);
    ASSERT_FALSE(p.ok());
    EXPECT_NE(p.error().str().find("/nonexistent/dir/nope.vert.spv"), std::string::npos) << p.error().str();
}

TEST_F(GfxDevice, ShaderDirectoryFollowsTheEnvironmentOverride) {
    setenv("CITYDRILL_SHADER_DIR", "/tmp/citydrill-shaders", 1);
    EXPECT_EQ(gfx::shaderPath("sky.frag"), "/tmp/citydrill-shaders/sky.frag.spv");
    unsetenv("CITYDRILL_SHADER_DIR");
    EXPECT_NE(gfx::shaderDirectory(), "/tmp/citydrill-shaders");
}

TEST_F(GfxDevice, StaleBufferHandleIsRejectedNotDereferenced) {
    auto b = device->createBuffer(gfx::BufferDesc{256, gfx::BufferUsage::Vertex, false});
    ASSERT_TRUE(b.ok());
    gfx::BufferHandle stale = *b;
    device->destroy(stale);
    const char bytes[16] = {};
    auto st = device->upload(stale, bytes, sizeof bytes);
    EXPECT_FALSE(st.ok());
    EXPECT_EQ(device->mapped(stale), nullptr);
}

TEST_F(GfxDevice, UploadPastTheEndOfABufferIsAnError) {
    auto b = device->createBuffer(gfx::BufferDesc{64, gfx::BufferUsage::Index, false});
    ASSERT_TRUE(b.ok());
    const char bytes[128] = {};
    EXPECT_FALSE(device->upload(*b, bytes, sizeof bytes).ok());
    EXPECT_TRUE(device->upload(*b, bytes, 64).ok());
}

TEST_F(GfxDevice, TwoViewsInOneFrameRenderIntoTheirOwnTargets) {
    auto r = render::Renderer::create(*device);
    ASSERT_TRUE(r.ok()) << r.error().str();
    ASSERT_TRUE((*r)->setWorld(testDistrict()).ok());
    render::RenderSnapshot s = testSnapshot(160, 90);
    render::ViewDesc up = s.views[0];
    up.pitchDeg = 70.0f;  // second view looks at the sky
    s.views.push_back(up);
    auto a = (*r)->createViewTarget(160, 90);
    auto b = (*r)->createViewTarget(160, 90);
    ASSERT_TRUE(a.ok() && b.ok());
    const gfx::RenderTargetHandle targets[2] = {*a, *b};
    ASSERT_TRUE((*r)->render(s, targets).ok());
    auto ia = device->readback(*a);
    auto ib = device->readback(*b);
    ASSERT_TRUE(ia.ok() && ib.ok());
    const glm::vec3 ca = meanColor(*ia, 0.45f, 0.45f, 0.55f, 0.55f);
    const glm::vec3 cb = meanColor(*ib, 0.45f, 0.45f, 0.55f, 0.55f);
    EXPECT_GT(ca.r, ca.b + 0.1f) << "view 0 sees the brick tower";
    EXPECT_GT(cb.b, cb.r + 0.1f) << "view 1 sees blue sky";
}

TEST_F(GfxDevice, SnapshotWithoutViewsIsAnError) {
    auto r = render::Renderer::create(*device);
    ASSERT_TRUE(r.ok());
    render::RenderSnapshot s;
    auto img = (*r)->renderToImage(s);
    EXPECT_FALSE(img.ok());
}

}  // namespace
