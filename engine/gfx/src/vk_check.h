#pragma once
// CD_VK_TRY(call): on failure return an Error naming the call text, the VkResult, file and line
// (like hello_xr's CHECK_XRCMD). Use in functions returning Result<T>/Status.
#include <vulkan/vulkan.h>

#include <string>

#include "core/result.h"

namespace cd::gfx {

const char* vkResultName(VkResult r);

inline Error vkError(VkResult r, const char* call, const char* file, int line) {
    return makeError(std::string(call) + " failed with " + vkResultName(r), file, line, "vulkan");
}

}  // namespace cd::gfx

#define CD_VK_TRY(call)                                                        \
    do {                                                                       \
        VkResult cd_vk_r_ = (call);                                            \
        if (cd_vk_r_ != VK_SUCCESS) return ::cd::gfx::vkError(cd_vk_r_, #call, __FILE__, __LINE__); \
    } while (0)

#define CD_GFX_FAIL(msg) ::cd::makeError((msg), __FILE__, __LINE__, "gfx")
