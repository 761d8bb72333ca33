#pragma once
/// Records draws for one frame. Obtained from Device::beginFrame(), valid until endFrame().
#include <cstdint>

#include "gfx/handles.h"

struct ImDrawData;

namespace cd::gfx {

class Device;

struct ClearValues {
    float color[4] = {0.0f, 0.0f, 0.0f, 1.0f};  ///< linear
    float depth = 1.0f;
};

class CommandList {
public:
    /// Starts drawing into a render target (clears it).
    void beginPass(RenderTargetHandle target, const ClearValues& clear);
    void endPass();

    void bindPipeline(PipelineHandle pipeline);
    /// Binds set 0: a uniform block (binding 0, range bytes from offset) and a depth map
    /// sampled with comparison (binding 1; pass an invalid handle for a 1x1 lit dummy).
    void bindGlobals(BufferHandle uniforms, std::uint32_t offset, std::uint32_t range, RenderTargetHandle shadowMap);
    void bindVertexBuffer(BufferHandle buffer, std::uint64_t offset = 0);
    void bindIndexBuffer(BufferHandle buffer, std::uint64_t offset = 0);
    void pushConstants(const void* data, std::uint32_t bytes);
    void draw(std::uint32_t vertexCount, std::uint32_t firstVertex = 0);
    void drawIndexed(std::uint32_t indexCount, std::uint32_t firstIndex = 0, std::int32_t vertexOffset = 0);

    /// Copies a scene target's resolved colour into the swapchain image acquired this frame,
    /// then draws the ImGui draw data (may be null) over it. Call outside a pass, once.
    void presentTarget(RenderTargetHandle target, ImDrawData* overlay);

private:
    friend class Device;
    Device* device_ = nullptr;
    void* cmd_ = nullptr;  // VkCommandBuffer
    RenderTargetHandle current_{};
};

}  // namespace cd::gfx
