#pragma once
// A tiny device-memory allocator: 64 MiB blocks per memory type, first-fit free lists that
// coalesce on free. Enough for a district's static buffers plus per-frame rings; avoids one
// vkAllocateMemory per resource (drivers cap the count, ~4096).
#include <vulkan/vulkan.h>

#include <cstdint>
#include <vector>

#include "core/result.h"

namespace cd::gfx {

struct Allocation {
    VkDeviceMemory memory = VK_NULL_HANDLE;
    VkDeviceSize offset = 0;
    VkDeviceSize size = 0;
    void* mapped = nullptr;  // host-visible blocks stay persistently mapped
    std::uint32_t block = UINT32_MAX;
};

class MemoryAllocator {
public:
    void init(VkPhysicalDevice physical, VkDevice device);
    void shutdown();
    Result<Allocation> allocate(const VkMemoryRequirements& req, VkMemoryPropertyFlags props);
    void free(const Allocation& a);

private:
    struct Range { VkDeviceSize offset, size; };
    struct Block {
        VkDeviceMemory memory = VK_NULL_HANDLE;
        std::uint32_t typeIndex = 0;
        VkDeviceSize size = 0;
        void* mapped = nullptr;
        std::vector<Range> freeRanges;  // sorted by offset
    };
    VkPhysicalDevice physical_ = VK_NULL_HANDLE;
    VkDevice device_ = VK_NULL_HANDLE;
    VkPhysicalDeviceMemoryProperties props_{};
    std::vector<Block> blocks_;
};

}  // namespace cd::gfx
