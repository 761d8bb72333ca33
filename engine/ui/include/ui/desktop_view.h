#pragma once
/// The desktop front end the tick loop drives: a window, the renderer for one view, the HUD.
/// Lifecycle: open, setWorld, then per frame pollInput -> (tick) -> drawFrame; saveScreenshot
/// any time after a frame.
#include <cstdint>
#include <memory>
#include <string>

#include "assets/model.h"
#include "core/result.h"
#include "platform/input_state.h"
#include "render/render_snapshot.h"
#include "render/renderer.h"
#include "ui/hud_model.h"

namespace cd::ui {

struct DesktopViewDesc {
    std::string title = "CityDrill";
    std::uint32_t width = 1280;
    std::uint32_t height = 720;
    std::string language = "en";      ///< "zh" loads the CJK font (wqy-microhei) with Chinese glyphs
    /// Text the HUD will show (the scenario's titles, instructions, messages): with "zh" its
    /// characters are added to the font's 2500 common ones, so rarer ones do not show as '?'.
    std::string glyphText;
    render::RendererDesc renderer;
    bool captureMouse = true;         ///< mouse look while not paused
    /// Scene resolution relative to the window (the HUD is always full size). 0 = automatic:
    /// 0.5 on lavapipe, where shading cost grows with pixels, 1 on a GPU.
    float renderScale = 0.0f;
};

class DesktopView {
public:
    ~DesktopView();
    DesktopView(const DesktopView&) = delete;
    DesktopView& operator=(const DesktopView&) = delete;

    /// Opens the window, the Vulkan device on it, the renderer and the HUD.
    static Result<std::unique_ptr<DesktopView>> open(const DesktopViewDesc& desc);

    /// Uploads the static district (once, or again on a new scenario).
    Status setWorld(const assets::Model& model);

    /// Window events and this frame's input.
    platform::InputState pollInput();

    /// Renders snapshot.views[0] at the window's size, draws the HUD on top and presents.
    /// Returns what the user clicked (pause menu).
    Result<UiChoices> drawFrame(const render::RenderSnapshot& snapshot, const HudModel& hud);

    bool shouldClose() const;

    /// Writes the last presented frame (scene + HUD) as PNG.
    Status saveScreenshot(const std::string& path);

    render::Renderer& renderer();

private:
    struct Impl;
    explicit DesktopView(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

}  // namespace cd::ui
