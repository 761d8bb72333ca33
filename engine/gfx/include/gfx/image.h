#pragma once
/// CPU-side RGBA8 pictures: render readback, PNG files.
#include <cstdint>
#include <string>
#include <vector>

#include "core/result.h"

namespace cd::gfx {

/// Tightly packed RGBA8 rows, top row first, sRGB-encoded like a PNG.
struct Image {
    std::uint32_t width = 0;
    std::uint32_t height = 0;
    std::vector<std::uint8_t> rgba;

    /// Pointer to pixel (x, y); no bounds check beyond an assert.
    const std::uint8_t* at(std::uint32_t x, std::uint32_t y) const;
};

/// Writes a PNG; an error names the path if the file cannot be written.
Status writePng(const Image& image, const std::string& path);
/// Reads any PNG into RGBA8.
Result<Image> readPng(const std::string& path);

}  // namespace cd::gfx
