#include "memory_allocator.h"

#include <algorithm>

#include "vk_check.h"

namespace cd::gfx {

namespace {
constexpr VkDeviceSize kBlockBytes = 64ull << 20;
VkDeviceSize alignUp(VkDeviceSize v, VkDeviceSize a) { return (v + a - 1) / a * a; }
}  // namespace

void MemoryAllocator::init(VkPhysicalDevice physical, VkDevice device) {
    physical_ = physical;
    device_ = device;
    vkGetPhysicalDeviceMemoryProperties(physical, &props_);
}

void MemoryAllocator::shutdown() {
    for (auto& b : blocks_) {
        if (b.memory) vkFreeMemory(device_, b.memory, nullptr);
    }
    blocks_.clear();
}

Result<Allocation> MemoryAllocator::allocate(const VkMemoryRequirements& req, VkMemoryPropertyFlags want) {
    std::uint32_t type = UINT32_MAX;
    for (std::uint32_t i = 0; i < props_.memoryTypeCount; ++i) {
        if ((req.memoryTypeBits & (1u << i)) && (props_.memoryTypes[i].propertyFlags & want) == want) {
            type = i;
            break;
        }
    }
    if (type == UINT32_MAX) return CD_GFX_FAIL("no memory type with the requested properties");
    // Blocks of host-visible types are always mapped, whatever the request asked for, since a
    // later host-visible request may land in a block first made for a device-local one.
    const bool host = (props_.memoryTypes[type].propertyFlags & VK_MEMORY_PROPERTY_HOST_VISIBLE_BIT) != 0;

    for (std::uint32_t bi = 0; bi < blocks_.size(); ++bi) {
        Block& b = blocks_[bi];
        if (b.typeIndex != type || !b.memory) continue;
        for (std::size_t ri = 0; ri < b.freeRanges.size(); ++ri) {
            Range r = b.freeRanges[ri];
            VkDeviceSize start = alignUp(r.offset, req.alignment);
            if (start + req.size > r.offset + r.size) continue;
            // Split the range into the part before (alignment padding) and after.
            std::vector<Range> repl;
            if (start > r.offset) repl.push_back({r.offset, start - r.offset});
            VkDeviceSize end = start + req.size;
            if (end < r.offset + r.size) repl.push_back({end, r.offset + r.size - end});
            b.freeRanges.erase(b.freeRanges.begin() + static_cast<std::ptrdiff_t>(ri));
            b.freeRanges.insert(b.freeRanges.begin() + static_cast<std::ptrdiff_t>(ri), repl.begin(), repl.end());
            Allocation a;
            a.memory = b.memory;
            a.offset = start;
            a.size = req.size;
            a.block = bi;
            a.mapped = b.mapped ? static_cast<char*>(b.mapped) + start : nullptr;
            return a;
        }
    }

    Block nb;
    nb.typeIndex = type;
    nb.size = std::max(kBlockBytes, alignUp(req.size, 1 << 16));
    VkMemoryAllocateInfo ai{VK_STRUCTURE_TYPE_MEMORY_ALLOCATE_INFO};
    ai.allocationSize = nb.size;
    ai.memoryTypeIndex = type;
    CD_VK_TRY(vkAllocateMemory(device_, &ai, nullptr, &nb.memory));
    if (host) CD_VK_TRY(vkMapMemory(device_, nb.memory, 0, VK_WHOLE_SIZE, 0, &nb.mapped));
    nb.freeRanges.push_back({req.size, nb.size - req.size});
    blocks_.push_back(std::move(nb));
    Allocation a;
    a.memory = blocks_.back().memory;
    a.offset = 0;
    a.size = req.size;
    a.block = static_cast<std::uint32_t>(blocks_.size() - 1);
    a.mapped = blocks_.back().mapped;
    return a;
}

void MemoryAllocator::free(const Allocation& a) {
    if (a.block >= blocks_.size()) return;
    Block& b = blocks_[a.block];
    auto it = std::lower_bound(b.freeRanges.begin(), b.freeRanges.end(), a.offset,
                               [](const Range& r, VkDeviceSize off) { return r.offset < off; });
    it = b.freeRanges.insert(it, Range{a.offset, a.size});
    // Coalesce with the next and previous ranges.
    auto next = it + 1;
    if (next != b.freeRanges.end() && it->offset + it->size == next->offset) {
        it->size += next->size;
        b.freeRanges.erase(next);
    }
    if (it != b.freeRanges.begin()) {
        auto prev = it - 1;
        if (prev->offset + prev->size == it->offset) {
            prev->size += it->size;
            b.freeRanges.erase(it);
        }
    }
}

}  // namespace cd::gfx
