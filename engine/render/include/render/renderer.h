#pragma once
/// Renderer: draws the static district and a RenderSnapshot into N render targets
/// (one per view): window swapchain (through ui::DesktopView), XR images, offscreen images.
#include <cstdint>
#include <memory>
#include <span>

#include "assets/model.h"
#include "core/result.h"
#include "gfx/command_list.h"
#include "gfx/device.h"
#include "gfx/image.h"
#include "render/render_snapshot.h"

namespace cd::render {

struct RendererDesc {
    /// 0 = automatic: 4 on a GPU, 1 on lavapipe (4x costs ~4x there: 6.5 s vs 1.6 s at 720p).
    /// Else 1, 2 or 4, capped by the device. CITYDRILL_MSAA overrides either.
    std::uint32_t msaaSamples = 0;
    /// Sun shadow map texels per side. 0 = automatic: 2048 on a GPU, 1024 on lavapipe (where
    /// filling a 2048^2 depth map costs more than shading a 720p frame).
    std::uint32_t shadowMapSize = 0;
    float shadowDistanceM = 220.0f;    ///< how far from the eye sun shadows reach
};

struct RenderStats {
    std::uint64_t worldTriangles = 0;
    std::uint32_t worldDrawCalls = 0;  ///< one per material batch
    std::uint32_t dynamicTriangles = 0;
};

class Renderer {
public:
    ~Renderer();
    Renderer(const Renderer&) = delete;
    Renderer& operator=(const Renderer&) = delete;

    /// Builds the pipelines (SPIR-V from gfx::shaderDirectory()).
    static Result<std::unique_ptr<Renderer>> create(gfx::Device& device, const RendererDesc& desc = {});

    /// Uploads the static world once: one vertex/index buffer, one draw per material.
    Status setWorld(const assets::Model& model);

    /// A colour+depth target matching the renderer's sample count.
    Result<gfx::RenderTargetHandle> createViewTarget(std::uint32_t width, std::uint32_t height);

    /// Records the frame into an open command list: shadow map, then view i into targets[i].
    Status record(gfx::CommandList& cmd, const RenderSnapshot& snapshot, std::span<const gfx::RenderTargetHandle> targets);

    /// Offscreen: begins a frame, records, submits and waits.
    Status render(const RenderSnapshot& snapshot, std::span<const gfx::RenderTargetHandle> targets);

    /// Offscreen convenience: renders one view into a cached target of its size and reads it back.
    Result<gfx::Image> renderToImage(const RenderSnapshot& snapshot, std::size_t viewIndex = 0);

    std::uint32_t samples() const;
    const RenderStats& stats() const;

private:
    struct Impl;
    explicit Renderer(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

}  // namespace cd::render
