#pragma once
// Device::Impl: every Vulkan object the device owns. Private to gfx.
#include <vulkan/vulkan.h>

#include <array>
#include <functional>
#include <map>
#include <utility>
#include <vector>

#include "gfx/device.h"
#include "memory_allocator.h"
#include "vk_check.h"

namespace cd::gfx {

constexpr std::uint32_t kFramesInFlight = 2;
constexpr std::uint32_t kPushConstantBytes = 128;

struct BufferSlot {
    VkBuffer buffer = VK_NULL_HANDLE;
    Allocation memory;
    VkDeviceSize bytes = 0;
    std::uint32_t generation = 0;
    bool live = false;
};

struct PipelineSlot {
    VkPipeline pipeline = VK_NULL_HANDLE;
    std::uint32_t generation = 0;
    bool live = false;
};

struct ImageResource {
    VkImage image = VK_NULL_HANDLE;
    VkImageView view = VK_NULL_HANDLE;
    Allocation memory;
};

struct TargetSlot {
    RenderTargetDesc desc;
    ImageResource msaaColor;  // Scene with samples > 1
    ImageResource color;      // Scene: single-sample sRGB colour (resolve target), TRANSFER_SRC after a pass
    ImageResource depth;      // depth (Scene: multisampled; Shadow: sampled with compare)
    VkFramebuffer framebuffer = VK_NULL_HANDLE;
    VkRenderPass renderPass = VK_NULL_HANDLE;  // borrowed from the cache
    std::uint32_t generation = 0;
    bool live = false;
};

/// Per frame in flight: recording state and the deletion queue flushed when the frame's fence signals.
struct FrameSlot {
    VkCommandPool pool = VK_NULL_HANDLE;
    VkCommandBuffer cmd = VK_NULL_HANDLE;
    VkFence fence = VK_NULL_HANDLE;
    VkSemaphore imageAcquired = VK_NULL_HANDLE;
    VkSemaphore renderFinished = VK_NULL_HANDLE;
    VkDescriptorPool descriptors = VK_NULL_HANDLE;
    std::vector<std::function<void()>> deletions;  // run in reverse order
    bool acquired = false;  // an image was acquired for this frame
    bool submitted = false;
};

struct Swapchain {
    VkSurfaceKHR surface = VK_NULL_HANDLE;
    VkSwapchainKHR swapchain = VK_NULL_HANDLE;
    VkFormat format = VK_FORMAT_UNDEFINED;
    VkExtent2D extent{};
    std::vector<VkImage> images;
    std::vector<VkImageView> views;
    std::vector<VkFramebuffer> framebuffers;
    VkRenderPass overlayPass = VK_NULL_HANDLE;  // loads the blitted scene, draws ImGui, ends in PRESENT_SRC
    std::uint32_t imageIndex = 0;
    std::uint32_t lastPresented = UINT32_MAX;
    // A copy of the last composed frame for screenshots (host-visible, per frame in flight).
    std::array<std::pair<VkBuffer, Allocation>, kFramesInFlight> copies{};
    std::array<VkExtent2D, kFramesInFlight> copyExtent{};
    std::uint32_t lastCopyFrame = UINT32_MAX;
};

struct Device::Impl {
    DeviceDesc desc;
    VkInstance instance = VK_NULL_HANDLE;
    VkDebugUtilsMessengerEXT messenger = VK_NULL_HANDLE;
    VkPhysicalDevice physical = VK_NULL_HANDLE;
    VkPhysicalDeviceProperties props{};
    VkDevice device = VK_NULL_HANDLE;
    std::uint32_t queueFamily = 0;
    VkQueue queue = VK_NULL_HANDLE;
    MemoryAllocator allocator;
    VkCommandPool transientPool = VK_NULL_HANDLE;

    VkDescriptorSetLayout globalsLayout = VK_NULL_HANDLE;
    VkPipelineLayout pipelineLayout = VK_NULL_HANDLE;
    VkSampler shadowSampler = VK_NULL_HANDLE;
    RenderTargetHandle dummyShadow{};

    std::map<std::pair<int, std::uint32_t>, VkRenderPass> renderPasses;  // (PassKind, samples)

    std::vector<BufferSlot> buffers{1};  // slot 0 unused: index 0 means "none"
    std::vector<PipelineSlot> pipelines{1};
    std::vector<TargetSlot> targets{1};

    std::array<FrameSlot, kFramesInFlight> frames{};
    std::uint32_t frame = 0;
    bool recording = false;
    CommandList commandList;

    Swapchain swap;
    bool imguiReady = false;
    VkDescriptorPool imguiPool = VK_NULL_HANDLE;

    FrameSlot& current() { return frames[frame]; }
    void defer(std::function<void()> fn) { current().deletions.push_back(std::move(fn)); }

    // Lookups return null for stale or empty handles.
    BufferSlot* buffer(BufferHandle h);
    PipelineSlot* pipelineSlot(PipelineHandle h);
    TargetSlot* target(RenderTargetHandle h);

    Result<VkRenderPass> renderPass(PassKind kind, std::uint32_t samples);
    Result<ImageResource> createImage(std::uint32_t w, std::uint32_t h, VkFormat format, VkImageUsageFlags usage,
                                      VkSampleCountFlagBits samples, VkImageAspectFlags aspect);
    void destroyImage(ImageResource& img);
    Result<std::pair<VkBuffer, Allocation>> createRawBuffer(VkDeviceSize bytes, VkBufferUsageFlags usage,
                                                            VkMemoryPropertyFlags props);
    /// Records with a one-off command buffer and waits for it.
    Status immediate(const std::function<void(VkCommandBuffer)>& record);

    Status createSwapchain();
    void destroySwapchain();
    Status recreateSwapchain();
};

/// Image layout barrier helper used by passes, blits and readbacks.
void imageBarrier(VkCommandBuffer cmd, VkImage image, VkImageAspectFlags aspect, VkImageLayout from, VkImageLayout to,
                  VkAccessFlags srcAccess, VkAccessFlags dstAccess, VkPipelineStageFlags srcStage,
                  VkPipelineStageFlags dstStage);

}  // namespace cd::gfx
