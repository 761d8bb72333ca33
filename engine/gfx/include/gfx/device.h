#pragma once
/// The Vulkan device: instance, GPU choice, queues, memory, resources, frames.
/// Methods in lifecycle order. Nothing here exposes Vulkan types.
#include <cstdint>
#include <memory>
#include <string>

#include "core/result.h"
#include "gfx/command_list.h"
#include "gfx/handles.h"
#include "gfx/image.h"
#include "gfx/pipeline_desc.h"

namespace cd::gfx {

struct DeviceDesc {
    std::string appName = "CityDrill";
    bool validation = false;  ///< Khronos validation layer; also on when CITYDRILL_VALIDATE=1
    bool forceCpu = false;    ///< lavapipe even when a GPU exists; also when CITYDRILL_GPU=cpu
    void* window = nullptr;   ///< a GLFWwindow* to present to, or null for offscreen only
};

enum class BufferUsage : std::uint8_t { Vertex, Index, Uniform };

struct BufferDesc {
    std::uint64_t bytes = 0;
    BufferUsage usage = BufferUsage::Vertex;
    bool hostVisible = false;  ///< mapped for writes every frame; else device-local, filled by upload()
};

struct RenderTargetDesc {
    std::uint32_t width = 0;
    std::uint32_t height = 0;
    PassKind pass = PassKind::Scene;
    std::uint32_t samples = 1;  ///< Scene only: 1 or 4 (resolved before readback/present)
};

class Device {
public:
    struct Impl;
    ~Device();
    Device(const Device&) = delete;
    Device& operator=(const Device&) = delete;

    /// Creates the instance, picks a GPU (discrete, then integrated, then lavapipe) and
    /// makes the logical device; with desc.window also the surface and swapchain.
    static Result<std::unique_ptr<Device>> create(const DeviceDesc& desc);

    std::string deviceName() const;
    bool isCpuDevice() const;  ///< true on lavapipe / llvmpipe
    std::uint32_t framesInFlight() const;
    std::uint32_t frameIndex() const;  ///< 0..framesInFlight-1, the frame being recorded
    std::uint32_t uniformAlignment() const;
    std::uint32_t maxSamples() const;  ///< highest supported of 1/2/4 for colour+depth

    Result<BufferHandle> createBuffer(const BufferDesc& desc);
    /// Mapped memory of a hostVisible buffer (null otherwise).
    void* mapped(BufferHandle buffer);
    /// Copies into a device-local buffer through a staging buffer, waiting for completion.
    Status upload(BufferHandle buffer, const void* data, std::uint64_t bytes, std::uint64_t offset = 0);
    /// Freed once the frames that may use it have finished.
    void destroy(BufferHandle buffer);

    Result<PipelineHandle> createPipeline(const PipelineDesc& desc);
    void destroy(PipelineHandle pipeline);

    Result<RenderTargetHandle> createRenderTarget(const RenderTargetDesc& desc);
    void destroy(RenderTargetHandle target);
    /// Size of a target.
    std::uint32_t width(RenderTargetHandle target) const;
    std::uint32_t height(RenderTargetHandle target) const;

    /// Waits for this frame slot's previous use, flushes its deletion queue and begins recording.
    Result<CommandList*> beginFrame();
    /// Submits the frame; with wait the call returns once the GPU is done.
    Status endFrame(bool wait);
    /// Copies a scene target's resolved colour to the CPU (the target must be idle: call
    /// after endFrame(true)).
    Result<Image> readback(RenderTargetHandle target);

    /// Window presentation (desc.window given). acquireNextImage before recording
    /// presentTarget; present after endFrame. Both recreate the swapchain on resize.
    /// acquire returns false when the window is minimised (skip the frame).
    Result<bool> acquireNextImage();
    Status present();
    /// The last presented swapchain image, read back (for screenshots).
    Result<Image> readbackLastPresented();

    /// Dear ImGui's Vulkan backend on the swapchain pass (after ImGui::CreateContext and
    /// the platform backend). Uploads the font atlas built so far.
    Status initImGui();
    void shutdownImGui();
    /// ImGui_ImplVulkan_NewFrame; call before ImGui::NewFrame.
    void imGuiNewFrame();

    void waitIdle();

    Impl& impl() { return *impl_; }

private:
    explicit Device(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

}  // namespace cd::gfx
