// The desktop front end under Xvfb: window, swapchain, HUD, screenshot. Skipped only when Xvfb
// is not installed.
#include <gtest/gtest.h>

#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <thread>

#include "gfx/image.h"
#include "platform/window.h"
#include "test_scene.h"
#include "ui/desktop_view.h"

extern char** environ;

using namespace cd;
using namespace cd::render::test;

namespace {

constexpr const char* kXvfb = "/usr/bin/Xvfb";

/// Starts `Xvfb :N` on a free display number and points DISPLAY at it for the test's lifetime.
class XvfbDisplay : public ::testing::Test {
protected:
    void SetUp() override {
        if (!std::filesystem::exists(kXvfb)) GTEST_SKIP() << "Xvfb is not installed";
        for (int n = 90 + int(getpid() % 50); n < 200; ++n) {
            const std::string lock = "/tmp/.X" + std::to_string(n) + "-lock";
            if (std::filesystem::exists(lock)) continue;
            const std::string disp = ":" + std::to_string(n);
            const char* argv[] = {kXvfb, disp.c_str(), "-screen", "0", "800x600x24", "-nolisten", "tcp", nullptr};
            if (posix_spawn(&pid_, kXvfb, nullptr, nullptr, const_cast<char**>(argv), environ) != 0) continue;
            const std::string socket = "/tmp/.X11-unix/X" + std::to_string(n);
            for (int i = 0; i < 100 && !std::filesystem::exists(socket); ++i)
                std::this_thread::sleep_for(std::chrono::milliseconds(50));
            if (std::filesystem::exists(socket)) {
                std::this_thread::sleep_for(std::chrono::milliseconds(200));
                setenv("DISPLAY", disp.c_str(), 1);
                setenv("CITYDRILL_GPU", "cpu", 1);  // Xvfb has no GPU path; lavapipe presents through X11 SHM
                unsetenv("WAYLAND_DISPLAY");
                return;
            }
            kill(pid_, SIGTERM);
            waitpid(pid_, nullptr, 0);
            pid_ = 0;
        }
        FAIL() << "could not start Xvfb";
    }
    void TearDown() override {
        if (pid_ > 0) {
            kill(pid_, SIGTERM);
            waitpid(pid_, nullptr, 0);
        }
    }
    pid_t pid_ = 0;
};

ui::HudModel sampleHud() {
    ui::HudModel hud;
    hud.title = "Fire drill: Building A, second floor";
    hud.instructions = {"Leave the classroom by the nearest safe exit.", "Stay low where there is smoke.",
                        "Report to the assembly point on the sports field."};
    hud.clockS = 95.0;
    hud.trainee.room = "Classroom 2.04";
    hud.trainee.fed = 0.42f;
    hud.trainee.visibilityM = 6.0f;
    hud.trainee.temperatureC = 38.0f;
    hud.messages = {{ui::MessageKind::Alarm, "Fire alarm: Building A"},
                    {ui::MessageKind::Radio, "Control: evacuate via stair B"}};
    return hud;
}

TEST_F(XvfbDisplay, DesktopViewPresentsFramesWithTheHudAndSavesAScreenshot) {
    ASSERT_FALSE(platform::isHeadless());
    ui::DesktopViewDesc desc;
    desc.title = "CityDrill test";
    desc.width = 640;
    desc.height = 360;
    desc.captureMouse = false;
    auto view = ui::DesktopView::open(desc);
    ASSERT_TRUE(view.ok()) << view.error().str();
    ASSERT_TRUE((*view)->setWorld(testDistrict()).ok());
    render::RenderSnapshot snap = testSnapshot(640, 360);
    ui::HudModel hud = sampleHud();
    for (int i = 0; i < 3; ++i) {
        (void)(*view)->pollInput();
        snap.timeS = 0.1f * float(i);
        auto choices = (*view)->drawFrame(snap, hud);
        ASSERT_TRUE(choices.ok()) << choices.error().str();
        EXPECT_FALSE(choices->quit);
    }
    EXPECT_FALSE((*view)->shouldClose());
    const std::string path = (std::filesystem::temp_directory_path() / "citydrill_desktop_view.png").string();
    auto saved = (*view)->saveScreenshot(path);
    ASSERT_TRUE(saved.ok()) << saved.error().str();
    auto img = gfx::readPng(path);
    ASSERT_TRUE(img.ok()) << img.error().str();
    EXPECT_EQ(img->width, 640u);
    EXPECT_EQ(img->height, 360u);
    if (const char* dir = std::getenv("CITYDRILL_RENDER_TEST_OUT")) {
        std::filesystem::create_directories(dir);
        std::filesystem::copy_file(path, std::string(dir) + "/desktop_view.png",
                                   std::filesystem::copy_options::overwrite_existing);
    }
    // HUD: the scenario panel top left is a dark box with bright text in it, where the scene
    // alone shows plain sky.
    int dark = 0, bright = 0, n = 0;
    for (std::uint32_t y = 16; y < 60; ++y)
        for (std::uint32_t x = 16; x < 200; ++x) {
            const std::uint8_t* p = img->at(x, y);
            const int lum = (p[0] + p[1] + p[2]) / 3;
            dark += lum < 90;
            bright += lum > 170;
            ++n;
        }
    const glm::vec3 sky = meanColor(*img, 0.45f, 0.02f, 0.55f, 0.1f);
    EXPECT_GT(luminance(sky), 0.5f) << "the sky above the tower is bright without a panel";
    EXPECT_GT(dark, n / 3) << "panel background missing";
    EXPECT_GT(bright, 40) << "panel text missing";
    // The scene shows through elsewhere: the tower straight ahead is brick red.
    const glm::vec3 centre = meanColor(*img, 0.47f, 0.45f, 0.53f, 0.55f);
    EXPECT_GT(centre.r, centre.b + 0.1f);
    std::filesystem::remove(path);
}


TEST_F(XvfbDisplay, ChineseHudUsesTheCjkFontAndShowsThePauseMenu) {
    if (!std::filesystem::exists("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"))
        GTEST_SKIP() << "fonts-wqy-microhei is not installed";
    ui::DesktopViewDesc desc;
    desc.width = 480;
    desc.height = 270;
    desc.language = "zh";
    desc.captureMouse = false;
    auto view = ui::DesktopView::open(desc);
    ASSERT_TRUE(view.ok()) << view.error().str();
    ui::HudModel hud = sampleHud();
    hud.language = "zh";
    hud.title = "\u6d88\u9632\u6f14\u7ec3\uff1aA\u680b\u4e8c\u697c";  // 消防演练：A栋二楼
    hud.instructions = {"\u8bf7\u4ece\u6700\u8fd1\u7684\u5b89\u5168\u51fa\u53e3\u79bb\u5f00\u6559\u5ba4\u3002"};
    hud.paused = true;
    hud.labels.paused = "\u6682\u505c";
    hud.labels.resume = "\u7ee7\u7eed";
    hud.labels.quit = "\u9000\u51fa";
    render::RenderSnapshot snap = testSnapshot(480, 270);
    for (int i = 0; i < 2; ++i) {
        (void)(*view)->pollInput();
        auto choices = (*view)->drawFrame(snap, hud);
        ASSERT_TRUE(choices.ok()) << choices.error().str();
    }
    const std::string path = (std::filesystem::temp_directory_path() / "citydrill_desktop_view_zh.png").string();
    ASSERT_TRUE((*view)->saveScreenshot(path).ok());
    auto img = gfx::readPng(path);
    ASSERT_TRUE(img.ok());
    if (const char* dir = std::getenv("CITYDRILL_RENDER_TEST_OUT"))
        std::filesystem::copy_file(path, std::string(dir) + "/desktop_view_zh.png",
                                   std::filesystem::copy_options::overwrite_existing);
    // The pause menu dims the scene: the sky at the top centre is darker than unpaused (> 0.5).
    EXPECT_LT(luminance(meanColor(*img, 0.45f, 0.02f, 0.55f, 0.08f)), 0.5f);
    // Its panel sits in the middle with light button text on dark buttons.
    int bright = 0;
    for (std::uint32_t y = img->height / 2 - 30; y < img->height / 2 + 30; ++y)
        for (std::uint32_t x = img->width / 2 - 70; x < img->width / 2 + 70; ++x) bright += img->at(x, y)[0] > 170;
    EXPECT_GT(bright, 30) << "pause menu text missing";
    std::filesystem::remove(path);
}


TEST(Headless, NoDisplayVariablesMeansHeadlessAndWindowsRefuseClearly) {
    const char* display = std::getenv("DISPLAY");
    const char* wayland = std::getenv("WAYLAND_DISPLAY");
    const std::string savedDisplay = display ? display : "", savedWayland = wayland ? wayland : "";
    unsetenv("DISPLAY");
    unsetenv("WAYLAND_DISPLAY");
    EXPECT_TRUE(platform::isHeadless());
    auto w = platform::Window::open(platform::WindowDesc{});
    ASSERT_FALSE(w.ok());
    EXPECT_NE(w.error().str().find("DISPLAY"), std::string::npos) << w.error().str();
    setenv("WAYLAND_DISPLAY", "wayland-0", 1);
    EXPECT_FALSE(platform::isHeadless());
    unsetenv("WAYLAND_DISPLAY");
    if (display) setenv("DISPLAY", savedDisplay.c_str(), 1);
    if (wayland) setenv("WAYLAND_DISPLAY", savedWayland.c_str(), 1);
}

}  // namespace
