#include "ui/desktop_view.h"

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
#include <imgui.h>
#include <backends/imgui_impl_glfw.h>

#include <algorithm>

#include "core/log.h"
#include "gfx/device.h"
#include "hud.h"
#include "platform/window.h"

namespace cd::ui {

struct DesktopView::Impl {
    DesktopViewDesc desc;
    std::unique_ptr<platform::Window> window;
    std::unique_ptr<gfx::Device> device;
    std::unique_ptr<render::Renderer> renderer;
    gfx::RenderTargetHandle target{};
    std::uint32_t targetW = 0, targetH = 0;
    bool imguiContext = false, imguiGlfw = false;
    bool warnedLanguage = false;

    ~Impl() {
        if (device) device->waitIdle();
        if (device && target.valid()) device->destroy(target);
        renderer.reset();
        if (device) device->shutdownImGui();
        if (imguiGlfw) ImGui_ImplGlfw_Shutdown();
        if (imguiContext) ImGui::DestroyContext();
        device.reset();  // before the window: the surface belongs to it
        window.reset();
    }
};

DesktopView::DesktopView(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
DesktopView::~DesktopView() = default;

Result<std::unique_ptr<DesktopView>> DesktopView::open(const DesktopViewDesc& desc) {
    auto impl = std::make_unique<Impl>();
    Impl& v = *impl;
    v.desc = desc;
    auto win = platform::Window::open(platform::WindowDesc{desc.title, desc.width, desc.height, true});
    if (!win) return win.error();
    v.window = std::move(*win);
    gfx::DeviceDesc dd;
    dd.appName = desc.title;
    dd.window = v.window->nativeHandle();
    auto dev = gfx::Device::create(dd);
    if (!dev) return dev.error();
    v.device = std::move(*dev);
    auto r = render::Renderer::create(*v.device, desc.renderer);
    if (!r) return r.error();
    v.renderer = std::move(*r);

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    v.imguiContext = true;
    ImGui::GetIO().IniFilename = nullptr;  // no imgui.ini next to the user's files
    applyHudStyle();
    loadHudFonts(desc.language, 18.0f, desc.glyphText);
    if (!ImGui_ImplGlfw_InitForVulkan(static_cast<GLFWwindow*>(v.window->nativeHandle()), true))
        return makeError("ImGui_ImplGlfw_InitForVulkan failed", "", 0, "ui");
    v.imguiGlfw = true;
    if (auto s = v.device->initImGui(); !s) return s.error();
    return std::unique_ptr<DesktopView>(new DesktopView(std::move(impl)));
}

Status DesktopView::setWorld(const assets::Model& model) { return impl_->renderer->setWorld(model); }

platform::InputState DesktopView::pollInput() { return impl_->window->pollInput(); }

bool DesktopView::shouldClose() const { return impl_->window->shouldClose(); }

render::Renderer& DesktopView::renderer() { return *impl_->renderer; }

Result<UiChoices> DesktopView::drawFrame(const render::RenderSnapshot& snapshot, const HudModel& hud) {
    Impl& v = *impl_;
    if (snapshot.views.empty()) return makeError("snapshot has no view", "", 0, "RenderSnapshot.views");
    if (hud.language != v.desc.language && !v.warnedLanguage) {
        CD_LOG_WARN("ui: HUD language '%s' differs from the font loaded at open ('%s')", hud.language.c_str(),
                    v.desc.language.c_str());
        v.warnedLanguage = true;
    }
    if (v.desc.captureMouse) v.window->setCursorCaptured(!hud.paused);

    auto cmd = v.device->beginFrame();
    if (!cmd) return cmd.error();
    auto acquired = v.device->acquireNextImage();
    if (!acquired || !*acquired) {
        // Minimised (or failed): submit the empty frame so the slot's fence keeps cycling.
        Status end = v.device->endFrame(false);
        if (!acquired) return acquired.error();
        if (!end) return end.error();
        return UiChoices{};
    }
    const float scale = v.desc.renderScale > 0.0f ? std::min(v.desc.renderScale, 1.0f)
                        : (v.device->isCpuDevice() ? 0.5f : 1.0f);
    const std::uint32_t w = std::max(std::uint32_t(float(v.window->framebufferWidth()) * scale), 1u);
    const std::uint32_t h = std::max(std::uint32_t(float(v.window->framebufferHeight()) * scale), 1u);
    if (!v.target.valid() || w != v.targetW || h != v.targetH) {
        if (v.target.valid()) v.device->destroy(v.target);
        auto t = v.renderer->createViewTarget(w, h);
        if (!t) {
            (void)v.device->endFrame(false);
            return t.error();
        }
        v.target = *t;
        v.targetW = w;
        v.targetH = h;
    }
    render::RenderSnapshot one = snapshot;
    one.views.resize(1);
    one.views[0].width = w;
    one.views[0].height = h;
    Status st = v.renderer->record(**cmd, one, std::span<const gfx::RenderTargetHandle>(&v.target, 1));

    v.device->imGuiNewFrame();
    ImGui_ImplGlfw_NewFrame();
    ImGui::NewFrame();
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    UiChoices choices = drawHud(hud, display.x > 0 ? display.x : float(v.window->framebufferWidth()),
                                display.y > 0 ? display.y : float(v.window->framebufferHeight()));
    ImGui::Render();
    (*cmd)->presentTarget(v.target, ImGui::GetDrawData());

    Status end = v.device->endFrame(false);
    Status pres = v.device->present();
    if (!st) return st.error();
    if (!end) return end.error();
    if (!pres) return pres.error();
    return choices;
}

Status DesktopView::saveScreenshot(const std::string& path) {
    auto img = impl_->device->readbackLastPresented();
    if (!img) return img.error();
    return gfx::writePng(*img, path);
}

}  // namespace cd::ui
