#pragma once
/// A desktop window made with GLFW for Vulkan (no GL context), and its input.
#include <cstdint>
#include <memory>
#include <string>

#include "core/result.h"
#include "platform/input_state.h"

namespace cd::platform {

/// True when no display server is reachable (neither DISPLAY nor WAYLAND_DISPLAY is set).
bool isHeadless();

struct WindowDesc {
    std::string title = "CityDrill";
    std::uint32_t width = 1280;
    std::uint32_t height = 720;
    bool resizable = true;
};

class Window {
public:
    ~Window();
    Window(const Window&) = delete;
    Window& operator=(const Window&) = delete;

    /// Fails with a clear message when headless or when GLFW has no Vulkan loader.
    static Result<std::unique_ptr<Window>> open(const WindowDesc& desc);

    /// Pumps window events and returns this frame's keys and mouse motion.
    InputState pollInput();
    bool shouldClose() const;
    void requestClose();
    /// Hides the cursor and reports relative motion (mouse look); off while a menu is shown.
    void setCursorCaptured(bool captured);
    bool cursorCaptured() const;
    std::uint32_t framebufferWidth() const;
    std::uint32_t framebufferHeight() const;
    /// The GLFWwindow*, for gfx (surface) and the ImGui platform backend only.
    void* nativeHandle() const;

private:
    struct Impl;
    explicit Window(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

}  // namespace cd::platform
