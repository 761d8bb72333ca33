#include "platform/window.h"

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>

#include <cstdlib>
#include <string>

#include "core/log.h"

namespace cd::platform {

namespace {
int gLiveWindows = 0;

void glfwError(int code, const char* text) { CD_LOG_WARN("glfw: error %d: %s", code, text); }

bool envSet(const char* name) {
    const char* v = std::getenv(name);
    return v && *v;
}
}  // namespace

bool isHeadless() { return !envSet("DISPLAY") && !envSet("WAYLAND_DISPLAY"); }

struct Window::Impl {
    GLFWwindow* window = nullptr;
    bool captured = false;
    double lastX = 0.0, lastY = 0.0;
    bool havePos = false;
    bool escDown = false, eDown = false, rDown = false, fDown = false, hDown = false, gDown = false, lDown = false, xDown = false, zDown = false;
};

Window::Window(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

Window::~Window() {
    if (impl_ && impl_->window) {
        glfwDestroyWindow(impl_->window);
        if (--gLiveWindows == 0) glfwTerminate();
    }
}

Result<std::unique_ptr<Window>> Window::open(const WindowDesc& desc) {
    if (isHeadless()) return makeError("no display: neither DISPLAY nor WAYLAND_DISPLAY is set (run headless or under Xvfb)", "", 0, "window");
    glfwSetErrorCallback(glfwError);
    if (gLiveWindows == 0 && !glfwInit()) return makeError("glfwInit failed (is the display reachable?)", "", 0, "window");
    if (!glfwVulkanSupported()) {
        if (gLiveWindows == 0) glfwTerminate();
        return makeError("GLFW found no Vulkan loader", "", 0, "window");
    }
    glfwWindowHint(GLFW_CLIENT_API, GLFW_NO_API);
    glfwWindowHint(GLFW_RESIZABLE, desc.resizable ? GLFW_TRUE : GLFW_FALSE);
    GLFWwindow* w = glfwCreateWindow(int(desc.width), int(desc.height), desc.title.c_str(), nullptr, nullptr);
    if (!w) {
        if (gLiveWindows == 0) glfwTerminate();
        return makeError("glfwCreateWindow failed", "", 0, "window");
    }
    ++gLiveWindows;
    auto impl = std::make_unique<Impl>();
    impl->window = w;
    return std::unique_ptr<Window>(new Window(std::move(impl)));
}

InputState Window::pollInput() {
    Impl& d = *impl_;
    glfwPollEvents();
    InputState in;
    auto key = [&](int k) { return glfwGetKey(d.window, k) == GLFW_PRESS; };
    in.forward = key(GLFW_KEY_W) || key(GLFW_KEY_UP);
    in.back = key(GLFW_KEY_S) || key(GLFW_KEY_DOWN);
    in.left = key(GLFW_KEY_A) || key(GLFW_KEY_LEFT);
    in.right = key(GLFW_KEY_D) || key(GLFW_KEY_RIGHT);
    in.run = key(GLFW_KEY_LEFT_SHIFT) || key(GLFW_KEY_RIGHT_SHIFT);
    in.crouch = key(GLFW_KEY_C);
    const bool esc = key(GLFW_KEY_ESCAPE), e = key(GLFW_KEY_E);
    in.pause = esc && !d.escDown;
    in.interact = e && !d.eDown;
    d.escDown = esc;
    d.eDown = e;
    const bool r = key(GLFW_KEY_R) || key(GLFW_KEY_PAGE_UP), f = key(GLFW_KEY_F) || key(GLFW_KEY_PAGE_DOWN);
    in.stairsUp = r && !d.rDown;
    in.stairsDown = f && !d.fDown;
    d.rDown = r;
    d.fDown = f;
    const bool h = key(GLFW_KEY_H);
    in.takeCover = h && !d.hDown;
    d.hDown = h;
    const bool g = key(GLFW_KEY_G);
    in.leadGroup = g && !d.gDown;
    d.gDown = g;
    const bool l = key(GLFW_KEY_L);
    in.clearDebris = l && !d.lDown;
    d.lDown = l;
    const bool xKey = key(GLFW_KEY_X);
    in.useExtinguisher = xKey && !d.xDown;
    d.xDown = xKey;
    const bool zKey = key(GLFW_KEY_Z);
    in.coolGas = zKey && !d.zDown;
    d.zDown = zKey;
    double x = 0.0, y = 0.0;
    glfwGetCursorPos(d.window, &x, &y);
    if (d.captured && d.havePos) {
        in.mouseDxPx = float(x - d.lastX);
        in.mouseDyPx = float(y - d.lastY);
    }
    d.lastX = x;
    d.lastY = y;
    d.havePos = true;
    in.cursorCaptured = d.captured;
    in.closeRequested = glfwWindowShouldClose(d.window) != 0;
    return in;
}

bool Window::shouldClose() const { return glfwWindowShouldClose(impl_->window) != 0; }
void Window::requestClose() { glfwSetWindowShouldClose(impl_->window, GLFW_TRUE); }

void Window::setCursorCaptured(bool captured) {
    if (captured == impl_->captured) return;
    impl_->captured = captured;
    glfwSetInputMode(impl_->window, GLFW_CURSOR, captured ? GLFW_CURSOR_DISABLED : GLFW_CURSOR_NORMAL);
    impl_->havePos = false;  // no jump on the first captured frame
}
bool Window::cursorCaptured() const { return impl_->captured; }

std::uint32_t Window::framebufferWidth() const {
    int w = 0, h = 0;
    glfwGetFramebufferSize(impl_->window, &w, &h);
    return std::uint32_t(w);
}
std::uint32_t Window::framebufferHeight() const {
    int w = 0, h = 0;
    glfwGetFramebufferSize(impl_->window, &w, &h);
    return std::uint32_t(h);
}
void* Window::nativeHandle() const { return impl_->window; }

}  // namespace cd::platform
