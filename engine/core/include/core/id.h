#pragma once
/// Typed ids (index + generation) instead of pointers across systems.
#include <cstdint>
#include <functional>

namespace cd {

template <class Tag>
struct Id {
    std::uint32_t index = 0xffffffffu;
    std::uint32_t generation = 0;

    bool valid() const { return index != 0xffffffffu; }
    friend bool operator==(Id a, Id b) { return a.index == b.index && a.generation == b.generation; }
    friend bool operator!=(Id a, Id b) { return !(a == b); }
    friend bool operator<(Id a, Id b) { return a.index < b.index || (a.index == b.index && a.generation < b.generation); }
};

}  // namespace cd
