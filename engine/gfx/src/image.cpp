// PNG in and out through stb (Debian's libstb provides the implementations).
#include "gfx/image.h"

#include <stb_image.h>
#include <stb_image_write.h>

#include <cassert>
#include <cstring>

namespace cd::gfx {

const std::uint8_t* Image::at(std::uint32_t x, std::uint32_t y) const {
    assert(x < width && y < height);
    return rgba.data() + (std::size_t(y) * width + x) * 4;
}

Status writePng(const Image& image, const std::string& path) {
    if (image.width == 0 || image.height == 0 || image.rgba.size() != std::size_t(image.width) * image.height * 4)
        return makeError("image is empty or its pixel buffer has the wrong size", path, 0, "png");
    int ok = stbi_write_png(path.c_str(), int(image.width), int(image.height), 4, image.rgba.data(),
                            int(image.width * 4));
    if (!ok) return makeError("cannot write PNG file", path, 0, "png");
    return Ok{};
}

Result<Image> readPng(const std::string& path) {
    int w = 0, h = 0, n = 0;
    stbi_uc* data = stbi_load(path.c_str(), &w, &h, &n, 4);
    if (!data) return makeError(std::string("cannot read image: ") + stbi_failure_reason(), path, 0, "png");
    Image img;
    img.width = std::uint32_t(w);
    img.height = std::uint32_t(h);
    img.rgba.assign(data, data + std::size_t(w) * h * 4);
    stbi_image_free(data);
    return img;
}

}  // namespace cd::gfx
