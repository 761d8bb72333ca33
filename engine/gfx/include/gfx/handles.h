#pragma once
/// Typed handles to GPU objects owned by gfx::Device (index + generation, never raw pointers).
#include <cstdint>

namespace cd::gfx {

template <class Tag>
struct Handle {
    std::uint32_t index = 0;       ///< slot in the device's table, 0 = none
    std::uint32_t generation = 0;  ///< bumped when the slot is reused, so stale handles are caught
    bool valid() const { return index != 0; }
    friend bool operator==(Handle a, Handle b) { return a.index == b.index && a.generation == b.generation; }
};

struct BufferTag {};
struct PipelineTag {};
struct RenderTargetTag {};

using BufferHandle = Handle<BufferTag>;
using PipelineHandle = Handle<PipelineTag>;
using RenderTargetHandle = Handle<RenderTargetTag>;

}  // namespace cd::gfx
