// Window presentation: swapchain (recreated on resize), scene blit, ImGui overlay pass,
// and a host copy of each composed frame for screenshots.
#define GLFW_INCLUDE_VULKAN
#include <GLFW/glfw3.h>
#include <imgui.h>
#include <backends/imgui_impl_vulkan.h>

#include <algorithm>
#include <cstring>

#include "core/log.h"
#include "device_impl.h"

namespace cd::gfx {

namespace {
void imguiCheck(VkResult r) {
    if (r != VK_SUCCESS) CD_LOG_ERROR("gfx: ImGui Vulkan backend call failed with %s", vkResultName(r));
}
}  // namespace

Status Device::Impl::createSwapchain() {
    VkSurfaceCapabilitiesKHR caps;
    CD_VK_TRY(vkGetPhysicalDeviceSurfaceCapabilitiesKHR(physical, swap.surface, &caps));
    std::uint32_t n = 0;
    CD_VK_TRY(vkGetPhysicalDeviceSurfaceFormatsKHR(physical, swap.surface, &n, nullptr));
    std::vector<VkSurfaceFormatKHR> formats(n);
    CD_VK_TRY(vkGetPhysicalDeviceSurfaceFormatsKHR(physical, swap.surface, &n, formats.data()));
    if (formats.empty()) return CD_GFX_FAIL("the window surface offers no formats");
    // sRGB so the blit from the sRGB scene target keeps the encoding.
    VkSurfaceFormatKHR chosen = formats[0];
    for (auto f : formats)
        if (f.format == VK_FORMAT_B8G8R8A8_SRGB || f.format == VK_FORMAT_R8G8B8A8_SRGB) { chosen = f; break; }
    if (chosen.format != VK_FORMAT_B8G8R8A8_SRGB && chosen.format != VK_FORMAT_R8G8B8A8_SRGB)
        CD_LOG_WARN("gfx: no sRGB swapchain format; the window will look darker than offscreen renders");
    VkExtent2D extent = caps.currentExtent;
    if (extent.width == UINT32_MAX) {
        int w = 0, h = 0;
        glfwGetFramebufferSize(static_cast<GLFWwindow*>(desc.window), &w, &h);
        extent = {std::clamp(std::uint32_t(w), caps.minImageExtent.width, caps.maxImageExtent.width),
                  std::clamp(std::uint32_t(h), caps.minImageExtent.height, caps.maxImageExtent.height)};
    }
    if (extent.width == 0 || extent.height == 0) {
        swap.extent = extent;
        return Ok{};  // minimised: no swapchain until it has a size again
    }
    std::uint32_t imageCount = std::max(caps.minImageCount, 2u);
    if (caps.maxImageCount) imageCount = std::min(imageCount + 1, caps.maxImageCount);
    VkSwapchainCreateInfoKHR sci{VK_STRUCTURE_TYPE_SWAPCHAIN_CREATE_INFO_KHR};
    sci.surface = swap.surface;
    sci.minImageCount = imageCount;
    sci.imageFormat = chosen.format;
    sci.imageColorSpace = chosen.colorSpace;
    sci.imageExtent = extent;
    sci.imageArrayLayers = 1;
    sci.imageUsage = VK_IMAGE_USAGE_COLOR_ATTACHMENT_BIT | VK_IMAGE_USAGE_TRANSFER_DST_BIT |
                     (caps.supportedUsageFlags & VK_IMAGE_USAGE_TRANSFER_SRC_BIT);
    sci.imageSharingMode = VK_SHARING_MODE_EXCLUSIVE;
    sci.preTransform = caps.currentTransform;
    sci.compositeAlpha = (caps.supportedCompositeAlpha & VK_COMPOSITE_ALPHA_OPAQUE_BIT_KHR)
                             ? VK_COMPOSITE_ALPHA_OPAQUE_BIT_KHR
                             : static_cast<VkCompositeAlphaFlagBitsKHR>(caps.supportedCompositeAlpha & -caps.supportedCompositeAlpha);
    sci.presentMode = VK_PRESENT_MODE_FIFO_KHR;
    sci.clipped = VK_TRUE;
    CD_VK_TRY(vkCreateSwapchainKHR(device, &sci, nullptr, &swap.swapchain));
    swap.format = chosen.format;
    swap.extent = extent;
    CD_VK_TRY(vkGetSwapchainImagesKHR(device, swap.swapchain, &n, nullptr));
    swap.images.resize(n);
    CD_VK_TRY(vkGetSwapchainImagesKHR(device, swap.swapchain, &n, swap.images.data()));

    if (!swap.overlayPass) {
        VkAttachmentDescription a{};
        a.format = swap.format;
        a.samples = VK_SAMPLE_COUNT_1_BIT;
        a.loadOp = VK_ATTACHMENT_LOAD_OP_LOAD;
        a.storeOp = VK_ATTACHMENT_STORE_OP_STORE;
        a.stencilLoadOp = VK_ATTACHMENT_LOAD_OP_DONT_CARE;
        a.stencilStoreOp = VK_ATTACHMENT_STORE_OP_DONT_CARE;
        a.initialLayout = VK_IMAGE_LAYOUT_COLOR_ATTACHMENT_OPTIMAL;
        a.finalLayout = VK_IMAGE_LAYOUT_TRANSFER_SRC_OPTIMAL;
        VkAttachmentReference ref{0, VK_IMAGE_LAYOUT_COLOR_ATTACHMENT_OPTIMAL};
        VkSubpassDescription sub{};
        sub.pipelineBindPoint = VK_PIPELINE_BIND_POINT_GRAPHICS;
        sub.colorAttachmentCount = 1;
        sub.pColorAttachments = &ref;
        VkSubpassDependency dep{0, VK_SUBPASS_EXTERNAL, VK_PIPELINE_STAGE_COLOR_ATTACHMENT_OUTPUT_BIT,
                                VK_PIPELINE_STAGE_TRANSFER_BIT, VK_ACCESS_COLOR_ATTACHMENT_WRITE_BIT,
                                VK_ACCESS_TRANSFER_READ_BIT, 0};
        VkRenderPassCreateInfo rci{VK_STRUCTURE_TYPE_RENDER_PASS_CREATE_INFO};
        rci.attachmentCount = 1;
        rci.pAttachments = &a;
        rci.subpassCount = 1;
        rci.pSubpasses = &sub;
        rci.dependencyCount = 1;
        rci.pDependencies = &dep;
        CD_VK_TRY(vkCreateRenderPass(device, &rci, nullptr, &swap.overlayPass));
    }
    for (VkImage img : swap.images) {
        VkImageViewCreateInfo vci{VK_STRUCTURE_TYPE_IMAGE_VIEW_CREATE_INFO};
        vci.image = img;
        vci.viewType = VK_IMAGE_VIEW_TYPE_2D;
        vci.format = swap.format;
        vci.subresourceRange = {VK_IMAGE_ASPECT_COLOR_BIT, 0, 1, 0, 1};
        VkImageView view;
        CD_VK_TRY(vkCreateImageView(device, &vci, nullptr, &view));
        swap.views.push_back(view);
        VkFramebufferCreateInfo fci{VK_STRUCTURE_TYPE_FRAMEBUFFER_CREATE_INFO};
        fci.renderPass = swap.overlayPass;
        fci.attachmentCount = 1;
        fci.pAttachments = &view;
        fci.width = extent.width;
        fci.height = extent.height;
        fci.layers = 1;
        VkFramebuffer fb;
        CD_VK_TRY(vkCreateFramebuffer(device, &fci, nullptr, &fb));
        swap.framebuffers.push_back(fb);
    }
    for (std::uint32_t i = 0; i < kFramesInFlight; ++i) {
        auto buf = createRawBuffer(VkDeviceSize(extent.width) * extent.height * 4, VK_BUFFER_USAGE_TRANSFER_DST_BIT,
                                   VK_MEMORY_PROPERTY_HOST_VISIBLE_BIT | VK_MEMORY_PROPERTY_HOST_COHERENT_BIT);
        if (!buf) return buf.error();
        swap.copies[i] = *buf;
        swap.copyExtent[i] = {0, 0};
    }
    swap.lastCopyFrame = UINT32_MAX;
    return Ok{};
}

void Device::Impl::destroySwapchain() {
    for (auto fb : swap.framebuffers) vkDestroyFramebuffer(device, fb, nullptr);
    for (auto v : swap.views) vkDestroyImageView(device, v, nullptr);
    swap.framebuffers.clear();
    swap.views.clear();
    swap.images.clear();
    for (auto& c : swap.copies) {
        if (c.first) {
            vkDestroyBuffer(device, c.first, nullptr);
            allocator.free(c.second);
        }
        c = {};
    }
    if (swap.swapchain) vkDestroySwapchainKHR(device, swap.swapchain, nullptr);
    swap.swapchain = VK_NULL_HANDLE;
}

Status Device::Impl::recreateSwapchain() {
    vkDeviceWaitIdle(device);
    destroySwapchain();
    return createSwapchain();
}

Result<bool> Device::acquireNextImage() {
    Impl& d = *impl_;
    if (!d.swap.surface) return CD_GFX_FAIL("acquireNextImage: device has no window");
    if (!d.recording) return CD_GFX_FAIL("acquireNextImage: call between beginFrame and endFrame");
    if (!d.swap.swapchain) {
        if (auto s = d.recreateSwapchain(); !s) return s.error();
        if (!d.swap.swapchain) return false;
    }
    FrameSlot& f = d.current();
    for (int attempt = 0; attempt < 2; ++attempt) {
        VkResult r = vkAcquireNextImageKHR(d.device, d.swap.swapchain, UINT64_MAX, f.imageAcquired, VK_NULL_HANDLE,
                                           &d.swap.imageIndex);
        if (r == VK_SUCCESS || r == VK_SUBOPTIMAL_KHR) {
            f.acquired = true;
            return true;
        }
        if (r != VK_ERROR_OUT_OF_DATE_KHR) return vkError(r, "vkAcquireNextImageKHR", __FILE__, __LINE__);
        if (auto s = d.recreateSwapchain(); !s) return s.error();
        if (!d.swap.swapchain) return false;
    }
    return false;
}

void CommandList::presentTarget(RenderTargetHandle target, ImDrawData* overlay) {
    Device::Impl& d = device_->impl();
    FrameSlot& f = d.current();
    TargetSlot* t = d.target(target);
    if (!f.acquired || !t || t->desc.pass != PassKind::Scene) return;
    VkCommandBuffer cmd = static_cast<VkCommandBuffer>(cmd_);
    VkImage dst = d.swap.images[d.swap.imageIndex];
    imageBarrier(cmd, dst, VK_IMAGE_ASPECT_COLOR_BIT, VK_IMAGE_LAYOUT_UNDEFINED, VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL, 0,
                 VK_ACCESS_TRANSFER_WRITE_BIT, VK_PIPELINE_STAGE_TRANSFER_BIT, VK_PIPELINE_STAGE_TRANSFER_BIT);
    VkImageBlit blit{};
    blit.srcSubresource = {VK_IMAGE_ASPECT_COLOR_BIT, 0, 0, 1};
    blit.srcOffsets[1] = {int(t->desc.width), int(t->desc.height), 1};
    blit.dstSubresource = {VK_IMAGE_ASPECT_COLOR_BIT, 0, 0, 1};
    blit.dstOffsets[1] = {int(d.swap.extent.width), int(d.swap.extent.height), 1};
    vkCmdBlitImage(cmd, t->color.image, VK_IMAGE_LAYOUT_TRANSFER_SRC_OPTIMAL, dst, VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL, 1,
                   &blit, VK_FILTER_LINEAR);
    imageBarrier(cmd, dst, VK_IMAGE_ASPECT_COLOR_BIT, VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL,
                 VK_IMAGE_LAYOUT_COLOR_ATTACHMENT_OPTIMAL, VK_ACCESS_TRANSFER_WRITE_BIT,
                 VK_ACCESS_COLOR_ATTACHMENT_READ_BIT | VK_ACCESS_COLOR_ATTACHMENT_WRITE_BIT, VK_PIPELINE_STAGE_TRANSFER_BIT,
                 VK_PIPELINE_STAGE_COLOR_ATTACHMENT_OUTPUT_BIT);
    VkRenderPassBeginInfo bi{VK_STRUCTURE_TYPE_RENDER_PASS_BEGIN_INFO};
    bi.renderPass = d.swap.overlayPass;
    bi.framebuffer = d.swap.framebuffers[d.swap.imageIndex];
    bi.renderArea = {{0, 0}, d.swap.extent};
    vkCmdBeginRenderPass(cmd, &bi, VK_SUBPASS_CONTENTS_INLINE);
    if (overlay && d.imguiReady) ImGui_ImplVulkan_RenderDrawData(overlay, cmd);
    vkCmdEndRenderPass(cmd);
    // The overlay pass leaves the image in TRANSFER_SRC: keep a host copy for screenshots.
    auto& copy = d.swap.copies[d.frame];
    VkBufferImageCopy region{};
    region.imageSubresource = {VK_IMAGE_ASPECT_COLOR_BIT, 0, 0, 1};
    region.imageExtent = {d.swap.extent.width, d.swap.extent.height, 1};
    vkCmdCopyImageToBuffer(cmd, dst, VK_IMAGE_LAYOUT_TRANSFER_SRC_OPTIMAL, copy.first, 1, &region);
    d.swap.copyExtent[d.frame] = d.swap.extent;
    d.swap.lastCopyFrame = d.frame;
    imageBarrier(cmd, dst, VK_IMAGE_ASPECT_COLOR_BIT, VK_IMAGE_LAYOUT_TRANSFER_SRC_OPTIMAL, VK_IMAGE_LAYOUT_PRESENT_SRC_KHR,
                 VK_ACCESS_TRANSFER_READ_BIT, 0, VK_PIPELINE_STAGE_TRANSFER_BIT, VK_PIPELINE_STAGE_BOTTOM_OF_PIPE_BIT);
}

Status Device::present() {
    Impl& d = *impl_;
    FrameSlot& f = d.current();
    if (!f.acquired) return Ok{};  // nothing acquired (minimised): endFrame already advanced
    f.acquired = false;
    VkPresentInfoKHR pi{VK_STRUCTURE_TYPE_PRESENT_INFO_KHR};
    pi.waitSemaphoreCount = 1;
    pi.pWaitSemaphores = &f.renderFinished;
    pi.swapchainCount = 1;
    pi.pSwapchains = &d.swap.swapchain;
    pi.pImageIndices = &d.swap.imageIndex;
    VkResult r = vkQueuePresentKHR(d.queue, &pi);
    d.swap.lastPresented = d.swap.imageIndex;
    d.frame = (d.frame + 1) % kFramesInFlight;
    if (r == VK_ERROR_OUT_OF_DATE_KHR || r == VK_SUBOPTIMAL_KHR) return d.recreateSwapchain();
    if (r != VK_SUCCESS) return vkError(r, "vkQueuePresentKHR", __FILE__, __LINE__);
    return Ok{};
}

Result<Image> Device::readbackLastPresented() {
    Impl& d = *impl_;
    if (d.swap.lastCopyFrame == UINT32_MAX) return CD_GFX_FAIL("no frame has been presented yet");
    vkDeviceWaitIdle(d.device);
    const auto& copy = d.swap.copies[d.swap.lastCopyFrame];
    VkExtent2D e = d.swap.copyExtent[d.swap.lastCopyFrame];
    Image img;
    img.width = e.width;
    img.height = e.height;
    img.rgba.resize(std::size_t(e.width) * e.height * 4);
    std::memcpy(img.rgba.data(), copy.second.mapped, img.rgba.size());
    const bool bgra = d.swap.format == VK_FORMAT_B8G8R8A8_SRGB || d.swap.format == VK_FORMAT_B8G8R8A8_UNORM;
    for (std::size_t i = 0; i < img.rgba.size(); i += 4) {
        if (bgra) std::swap(img.rgba[i], img.rgba[i + 2]);
        img.rgba[i + 3] = 255;
    }
    return img;
}

Status Device::initImGui() {
    Impl& d = *impl_;
    if (!d.swap.surface) return CD_GFX_FAIL("initImGui: device has no window");
    if (d.imguiReady) return Ok{};
    VkDescriptorPoolSize sizes[1] = {{VK_DESCRIPTOR_TYPE_COMBINED_IMAGE_SAMPLER, 16}};
    VkDescriptorPoolCreateInfo dpi{VK_STRUCTURE_TYPE_DESCRIPTOR_POOL_CREATE_INFO};
    dpi.flags = VK_DESCRIPTOR_POOL_CREATE_FREE_DESCRIPTOR_SET_BIT;
    dpi.maxSets = 16;
    dpi.poolSizeCount = 1;
    dpi.pPoolSizes = sizes;
    CD_VK_TRY(vkCreateDescriptorPool(d.device, &dpi, nullptr, &d.imguiPool));
    if (!d.swap.overlayPass) return CD_GFX_FAIL("initImGui: the swapchain has not been created (window minimised?)");
    ImGui_ImplVulkan_InitInfo info{};
    info.Instance = d.instance;
    info.PhysicalDevice = d.physical;
    info.Device = d.device;
    info.QueueFamily = d.queueFamily;
    info.Queue = d.queue;
    info.DescriptorPool = d.imguiPool;
    info.Subpass = 0;
    info.MinImageCount = 2;
    info.ImageCount = static_cast<std::uint32_t>(std::max<std::size_t>(d.swap.images.size(), 2));
    info.MSAASamples = VK_SAMPLE_COUNT_1_BIT;
    info.CheckVkResultFn = imguiCheck;
    if (!ImGui_ImplVulkan_Init(&info, d.swap.overlayPass)) return CD_GFX_FAIL("ImGui_ImplVulkan_Init failed");
    Status st = d.immediate([](VkCommandBuffer cmd) { ImGui_ImplVulkan_CreateFontsTexture(cmd); });
    ImGui_ImplVulkan_DestroyFontUploadObjects();
    if (!st) return st;
    d.imguiReady = true;
    return Ok{};
}

void Device::shutdownImGui() {
    Impl& d = *impl_;
    if (!d.imguiReady) {
        if (d.imguiPool) vkDestroyDescriptorPool(d.device, d.imguiPool, nullptr);
        d.imguiPool = VK_NULL_HANDLE;
        return;
    }
    vkDeviceWaitIdle(d.device);
    ImGui_ImplVulkan_Shutdown();
    vkDestroyDescriptorPool(d.device, d.imguiPool, nullptr);
    d.imguiPool = VK_NULL_HANDLE;
    d.imguiReady = false;
}

void Device::imGuiNewFrame() {
    if (impl_->imguiReady) ImGui_ImplVulkan_NewFrame();
}

}  // namespace cd::gfx
