#pragma once
/// Hashes. StateHasher: fast 64-bit FNV-1a over the bytes of simulation state, for
/// determinism checks. Sha256 (FIPS 180-4): for the record's tamper-evident chain.
#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <type_traits>

namespace cd {

class StateHasher {
public:
    void addBytes(const void* data, std::size_t size);
    template <class T>
    void add(const T& value) {
        static_assert(std::is_trivially_copyable_v<T>);
        addBytes(&value, sizeof(T));
    }
    void addString(std::string_view s) { add(s.size()); addBytes(s.data(), s.size()); }
    std::uint64_t value() const { return h_; }

private:
    std::uint64_t h_ = 0xcbf29ce484222325ULL;
};

/// Hex of a 64-bit hash, 16 lowercase digits.
std::string toHex(std::uint64_t v);

class Sha256 {
public:
    Sha256();
    void update(const void* data, std::size_t size);
    void update(std::string_view s) { update(s.data(), s.size()); }
    std::array<std::uint8_t, 32> finish();
    /// Digest of s as 64 lowercase hex digits.
    static std::string hex(std::string_view s);

private:
    void block(const std::uint8_t* p);
    std::array<std::uint32_t, 8> h_;
    std::array<std::uint8_t, 64> buf_{};
    std::size_t bufLen_ = 0;
    std::uint64_t totalBytes_ = 0;
};

}  // namespace cd
