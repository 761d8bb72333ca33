// Render passes, offscreen colour/depth targets and their readback.
#include <cstring>

#include "device_impl.h"

namespace cd::gfx {

namespace {
constexpr VkFormat kSceneColor = VK_FORMAT_R8G8B8A8_SRGB;  // shaders write linear, hardware encodes
constexpr VkFormat kDepth = VK_FORMAT_D32_SFLOAT;
}  // namespace

void imageBarrier(VkCommandBuffer cmd, VkImage image, VkImageAspectFlags aspect, VkImageLayout from, VkImageLayout to,
                  VkAccessFlags srcAccess, VkAccessFlags dstAccess, VkPipelineStageFlags srcStage,
                  VkPipelineStageFlags dstStage) {
    VkImageMemoryBarrier b{VK_STRUCTURE_TYPE_IMAGE_MEMORY_BARRIER};
    b.srcAccessMask = srcAccess;
    b.dstAccessMask = dstAccess;
    b.oldLayout = from;
    b.newLayout = to;
    b.srcQueueFamilyIndex = b.dstQueueFamilyIndex = VK_QUEUE_FAMILY_IGNORED;
    b.image = image;
    b.subresourceRange = {aspect, 0, 1, 0, 1};
    vkCmdPipelineBarrier(cmd, srcStage, dstStage, 0, 0, nullptr, 0, nullptr, 1, &b);
}

Result<VkRenderPass> Device::Impl::renderPass(PassKind kind, std::uint32_t samples) {
    auto key = std::make_pair(static_cast<int>(kind), samples);
    if (auto it = renderPasses.find(key); it != renderPasses.end()) return it->second;
    std::vector<VkAttachmentDescription> att;
    VkAttachmentReference colorRef{0, VK_IMAGE_LAYOUT_COLOR_ATTACHMENT_OPTIMAL};
    VkAttachmentReference depthRef{0, VK_IMAGE_LAYOUT_DEPTH_STENCIL_ATTACHMENT_OPTIMAL};
    VkAttachmentReference resolveRef{0, VK_IMAGE_LAYOUT_COLOR_ATTACHMENT_OPTIMAL};
    VkSubpassDescription sub{};
    sub.pipelineBindPoint = VK_PIPELINE_BIND_POINT_GRAPHICS;
    VkSubpassDependency deps[2]{};
    if (kind == PassKind::Shadow) {
        VkAttachmentDescription d{};
        d.format = kDepth;
        d.samples = VK_SAMPLE_COUNT_1_BIT;
        d.loadOp = VK_ATTACHMENT_LOAD_OP_CLEAR;
        d.storeOp = VK_ATTACHMENT_STORE_OP_STORE;
        d.stencilLoadOp = VK_ATTACHMENT_LOAD_OP_DONT_CARE;
        d.stencilStoreOp = VK_ATTACHMENT_STORE_OP_DONT_CARE;
        d.initialLayout = VK_IMAGE_LAYOUT_UNDEFINED;
        d.finalLayout = VK_IMAGE_LAYOUT_SHADER_READ_ONLY_OPTIMAL;
        att.push_back(d);
        depthRef.attachment = 0;
        sub.pDepthStencilAttachment = &depthRef;
        deps[0] = {VK_SUBPASS_EXTERNAL, 0, VK_PIPELINE_STAGE_FRAGMENT_SHADER_BIT,
                   VK_PIPELINE_STAGE_EARLY_FRAGMENT_TESTS_BIT | VK_PIPELINE_STAGE_LATE_FRAGMENT_TESTS_BIT,
                   VK_ACCESS_SHADER_READ_BIT, VK_ACCESS_DEPTH_STENCIL_ATTACHMENT_WRITE_BIT, 0};
        deps[1] = {0, VK_SUBPASS_EXTERNAL, VK_PIPELINE_STAGE_LATE_FRAGMENT_TESTS_BIT,
                   VK_PIPELINE_STAGE_FRAGMENT_SHADER_BIT, VK_ACCESS_DEPTH_STENCIL_ATTACHMENT_WRITE_BIT,
                   VK_ACCESS_SHADER_READ_BIT, 0};
    } else {
        const VkSampleCountFlagBits s = static_cast<VkSampleCountFlagBits>(samples);
        VkAttachmentDescription c{};
        c.format = kSceneColor;
        c.samples = s;
        c.loadOp = VK_ATTACHMENT_LOAD_OP_CLEAR;
        c.storeOp = samples > 1 ? VK_ATTACHMENT_STORE_OP_DONT_CARE : VK_ATTACHMENT_STORE_OP_STORE;
        c.stencilLoadOp = VK_ATTACHMENT_LOAD_OP_DONT_CARE;
        c.stencilStoreOp = VK_ATTACHMENT_STORE_OP_DONT_CARE;
        c.initialLayout = VK_IMAGE_LAYOUT_UNDEFINED;
        c.finalLayout = samples > 1 ? VK_IMAGE_LAYOUT_COLOR_ATTACHMENT_OPTIMAL : VK_IMAGE_LAYOUT_TRANSFER_SRC_OPTIMAL;
        VkAttachmentDescription d = c;
        d.format = kDepth;
        d.storeOp = VK_ATTACHMENT_STORE_OP_DONT_CARE;
        d.finalLayout = VK_IMAGE_LAYOUT_DEPTH_STENCIL_ATTACHMENT_OPTIMAL;
        att.push_back(c);
        att.push_back(d);
        colorRef.attachment = 0;
        depthRef.attachment = 1;
        sub.colorAttachmentCount = 1;
        sub.pColorAttachments = &colorRef;
        sub.pDepthStencilAttachment = &depthRef;
        if (samples > 1) {
            VkAttachmentDescription r = c;
            r.samples = VK_SAMPLE_COUNT_1_BIT;
            r.loadOp = VK_ATTACHMENT_LOAD_OP_DONT_CARE;
            r.storeOp = VK_ATTACHMENT_STORE_OP_STORE;
            r.finalLayout = VK_IMAGE_LAYOUT_TRANSFER_SRC_OPTIMAL;
            att.push_back(r);
            resolveRef.attachment = 2;
            sub.pResolveAttachments = &resolveRef;
        }
        deps[0] = {VK_SUBPASS_EXTERNAL, 0, VK_PIPELINE_STAGE_TRANSFER_BIT | VK_PIPELINE_STAGE_COLOR_ATTACHMENT_OUTPUT_BIT,
                   VK_PIPELINE_STAGE_COLOR_ATTACHMENT_OUTPUT_BIT | VK_PIPELINE_STAGE_EARLY_FRAGMENT_TESTS_BIT,
                   VK_ACCESS_TRANSFER_READ_BIT,
                   VK_ACCESS_COLOR_ATTACHMENT_WRITE_BIT | VK_ACCESS_DEPTH_STENCIL_ATTACHMENT_WRITE_BIT, 0};
        deps[1] = {0, VK_SUBPASS_EXTERNAL, VK_PIPELINE_STAGE_COLOR_ATTACHMENT_OUTPUT_BIT, VK_PIPELINE_STAGE_TRANSFER_BIT,
                   VK_ACCESS_COLOR_ATTACHMENT_WRITE_BIT, VK_ACCESS_TRANSFER_READ_BIT, 0};
    }
    VkRenderPassCreateInfo rci{VK_STRUCTURE_TYPE_RENDER_PASS_CREATE_INFO};
    rci.attachmentCount = static_cast<std::uint32_t>(att.size());
    rci.pAttachments = att.data();
    rci.subpassCount = 1;
    rci.pSubpasses = &sub;
    rci.dependencyCount = 2;
    rci.pDependencies = deps;
    VkRenderPass rp = VK_NULL_HANDLE;
    CD_VK_TRY(vkCreateRenderPass(device, &rci, nullptr, &rp));
    renderPasses[key] = rp;
    return rp;
}

Result<ImageResource> Device::Impl::createImage(std::uint32_t w, std::uint32_t h, VkFormat format,
                                                VkImageUsageFlags usage, VkSampleCountFlagBits samples,
                                                VkImageAspectFlags aspect) {
    ImageResource img;
    VkImageCreateInfo ici{VK_STRUCTURE_TYPE_IMAGE_CREATE_INFO};
    ici.imageType = VK_IMAGE_TYPE_2D;
    ici.format = format;
    ici.extent = {w, h, 1};
    ici.mipLevels = 1;
    ici.arrayLayers = 1;
    ici.samples = samples;
    ici.tiling = VK_IMAGE_TILING_OPTIMAL;
    ici.usage = usage;
    ici.initialLayout = VK_IMAGE_LAYOUT_UNDEFINED;
    CD_VK_TRY(vkCreateImage(device, &ici, nullptr, &img.image));
    VkMemoryRequirements req;
    vkGetImageMemoryRequirements(device, img.image, &req);
    auto mem = allocator.allocate(req, VK_MEMORY_PROPERTY_DEVICE_LOCAL_BIT);
    if (!mem) return mem.error();
    img.memory = *mem;
    CD_VK_TRY(vkBindImageMemory(device, img.image, img.memory.memory, img.memory.offset));
    VkImageViewCreateInfo vci{VK_STRUCTURE_TYPE_IMAGE_VIEW_CREATE_INFO};
    vci.image = img.image;
    vci.viewType = VK_IMAGE_VIEW_TYPE_2D;
    vci.format = format;
    vci.subresourceRange = {aspect, 0, 1, 0, 1};
    CD_VK_TRY(vkCreateImageView(device, &vci, nullptr, &img.view));
    return img;
}

void Device::Impl::destroyImage(ImageResource& img) {
    if (img.view) vkDestroyImageView(device, img.view, nullptr);
    if (img.image) vkDestroyImage(device, img.image, nullptr);
    if (img.image) allocator.free(img.memory);
    img = {};
}

Result<RenderTargetHandle> Device::createRenderTarget(const RenderTargetDesc& desc) {
    Impl& d = *impl_;
    if (desc.width == 0 || desc.height == 0) return CD_GFX_FAIL("createRenderTarget: zero size");
    if (desc.samples != 1 && desc.samples != 2 && desc.samples != 4)
        return CD_GFX_FAIL("createRenderTarget: samples must be 1, 2 or 4");
    if (desc.samples > maxSamples()) return CD_GFX_FAIL("createRenderTarget: device does not support that many samples");
    TargetSlot t;
    t.desc = desc;
    auto rp = d.renderPass(desc.pass, desc.pass == PassKind::Shadow ? 1 : desc.samples);
    if (!rp) return rp.error();
    t.renderPass = *rp;
    std::vector<VkImageView> views;
    if (desc.pass == PassKind::Shadow) {
        auto depth = d.createImage(desc.width, desc.height, kDepth,
                                   VK_IMAGE_USAGE_DEPTH_STENCIL_ATTACHMENT_BIT | VK_IMAGE_USAGE_SAMPLED_BIT,
                                   VK_SAMPLE_COUNT_1_BIT, VK_IMAGE_ASPECT_DEPTH_BIT);
        if (!depth) return depth.error();
        t.depth = *depth;
        views.push_back(t.depth.view);
    } else {
        const auto s = static_cast<VkSampleCountFlagBits>(desc.samples);
        auto color = d.createImage(desc.width, desc.height, kSceneColor,
                                   VK_IMAGE_USAGE_COLOR_ATTACHMENT_BIT | VK_IMAGE_USAGE_TRANSFER_SRC_BIT,
                                   VK_SAMPLE_COUNT_1_BIT, VK_IMAGE_ASPECT_COLOR_BIT);
        if (!color) return color.error();
        t.color = *color;
        auto depth = d.createImage(desc.width, desc.height, kDepth, VK_IMAGE_USAGE_DEPTH_STENCIL_ATTACHMENT_BIT, s,
                                   VK_IMAGE_ASPECT_DEPTH_BIT);
        if (!depth) return depth.error();
        t.depth = *depth;
        if (desc.samples > 1) {
            auto msaa = d.createImage(desc.width, desc.height, kSceneColor, VK_IMAGE_USAGE_COLOR_ATTACHMENT_BIT, s,
                                      VK_IMAGE_ASPECT_COLOR_BIT);
            if (!msaa) return msaa.error();
            t.msaaColor = *msaa;
            views = {t.msaaColor.view, t.depth.view, t.color.view};
        } else {
            views = {t.color.view, t.depth.view};
        }
    }
    VkFramebufferCreateInfo fci{VK_STRUCTURE_TYPE_FRAMEBUFFER_CREATE_INFO};
    fci.renderPass = t.renderPass;
    fci.attachmentCount = static_cast<std::uint32_t>(views.size());
    fci.pAttachments = views.data();
    fci.width = desc.width;
    fci.height = desc.height;
    fci.layers = 1;
    CD_VK_TRY(vkCreateFramebuffer(d.device, &fci, nullptr, &t.framebuffer));

    std::uint32_t index = 0;
    for (std::uint32_t i = 1; i < d.targets.size(); ++i)
        if (!d.targets[i].live) { index = i; break; }
    if (!index) {
        index = static_cast<std::uint32_t>(d.targets.size());
        d.targets.emplace_back();
    }
    t.generation = d.targets[index].generation + 1;
    t.live = true;
    d.targets[index] = t;
    return RenderTargetHandle{index, t.generation};
}

void Device::destroy(RenderTargetHandle h) {
    Impl& d = *impl_;
    TargetSlot* t = d.target(h);
    if (!t) return;
    TargetSlot copy = *t;
    t->live = false;
    Impl* dp = &d;
    d.defer([dp, copy]() mutable {
        vkDestroyFramebuffer(dp->device, copy.framebuffer, nullptr);
        dp->destroyImage(copy.msaaColor);
        dp->destroyImage(copy.color);
        dp->destroyImage(copy.depth);
    });
}

std::uint32_t Device::width(RenderTargetHandle h) const {
    TargetSlot* t = impl_->target(h);
    return t ? t->desc.width : 0;
}
std::uint32_t Device::height(RenderTargetHandle h) const {
    TargetSlot* t = impl_->target(h);
    return t ? t->desc.height : 0;
}

Result<Image> Device::readback(RenderTargetHandle h) {
    Impl& d = *impl_;
    TargetSlot* t = d.target(h);
    if (!t) return CD_GFX_FAIL("readback: stale or empty render target handle");
    if (t->desc.pass != PassKind::Scene) return CD_GFX_FAIL("readback: only scene targets have colour");
    const std::uint32_t w = t->desc.width, hgt = t->desc.height;
    auto buf = d.createRawBuffer(VkDeviceSize(w) * hgt * 4, VK_BUFFER_USAGE_TRANSFER_DST_BIT,
                                 VK_MEMORY_PROPERTY_HOST_VISIBLE_BIT | VK_MEMORY_PROPERTY_HOST_COHERENT_BIT);
    if (!buf) return buf.error();
    VkImage image = t->color.image;
    // After a scene pass the resolved colour is in TRANSFER_SRC_OPTIMAL.
    Status st = d.immediate([&](VkCommandBuffer cmd) {
        VkBufferImageCopy region{};
        region.imageSubresource = {VK_IMAGE_ASPECT_COLOR_BIT, 0, 0, 1};
        region.imageExtent = {w, hgt, 1};
        vkCmdCopyImageToBuffer(cmd, image, VK_IMAGE_LAYOUT_TRANSFER_SRC_OPTIMAL, buf->first, 1, &region);
    });
    Image img;
    if (st) {
        img.width = w;
        img.height = hgt;
        img.rgba.resize(std::size_t(w) * hgt * 4);
        std::memcpy(img.rgba.data(), buf->second.mapped, img.rgba.size());
    }
    vkDestroyBuffer(d.device, buf->first, nullptr);
    d.allocator.free(buf->second);
    if (!st) return st.error();
    return img;
}

}  // namespace cd::gfx
