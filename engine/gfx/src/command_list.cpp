// CommandList: thin recording calls over the frame's VkCommandBuffer.
#include "device_impl.h"

namespace cd::gfx {

namespace {
VkCommandBuffer vk(void* p) { return static_cast<VkCommandBuffer>(p); }
}  // namespace

void CommandList::beginPass(RenderTargetHandle target, const ClearValues& clear) {
    Device::Impl& d = device_->impl();
    TargetSlot* t = d.target(target);
    if (!t) return;
    current_ = target;
    VkClearValue cv[3]{};
    std::uint32_t n = 0;
    if (t->desc.pass == PassKind::Shadow) {
        cv[0].depthStencil = {clear.depth, 0};
        n = 1;
    } else {
        for (int i = 0; i < 4; ++i) cv[0].color.float32[i] = clear.color[i];
        cv[1].depthStencil = {clear.depth, 0};
        cv[2] = cv[0];
        n = t->desc.samples > 1 ? 3 : 2;
    }
    VkRenderPassBeginInfo bi{VK_STRUCTURE_TYPE_RENDER_PASS_BEGIN_INFO};
    bi.renderPass = t->renderPass;
    bi.framebuffer = t->framebuffer;
    bi.renderArea = {{0, 0}, {t->desc.width, t->desc.height}};
    bi.clearValueCount = n;
    bi.pClearValues = cv;
    vkCmdBeginRenderPass(vk(cmd_), &bi, VK_SUBPASS_CONTENTS_INLINE);
    VkViewport viewport{0.0f, 0.0f, float(t->desc.width), float(t->desc.height), 0.0f, 1.0f};
    VkRect2D scissor{{0, 0}, {t->desc.width, t->desc.height}};
    vkCmdSetViewport(vk(cmd_), 0, 1, &viewport);
    vkCmdSetScissor(vk(cmd_), 0, 1, &scissor);
}

void CommandList::endPass() {
    vkCmdEndRenderPass(vk(cmd_));
    current_ = {};
}

void CommandList::bindPipeline(PipelineHandle pipeline) {
    PipelineSlot* p = device_->impl().pipelineSlot(pipeline);
    if (p) vkCmdBindPipeline(vk(cmd_), VK_PIPELINE_BIND_POINT_GRAPHICS, p->pipeline);
}

void CommandList::bindGlobals(BufferHandle uniforms, std::uint32_t offset, std::uint32_t range,
                              RenderTargetHandle shadowMap) {
    Device::Impl& d = device_->impl();
    BufferSlot* b = d.buffer(uniforms);
    TargetSlot* s = d.target(shadowMap);
    if (!s || s->desc.pass != PassKind::Shadow) s = d.target(d.dummyShadow);
    if (!b || !s) return;
    VkDescriptorSetAllocateInfo ai{VK_STRUCTURE_TYPE_DESCRIPTOR_SET_ALLOCATE_INFO};
    ai.descriptorPool = d.current().descriptors;
    ai.descriptorSetCount = 1;
    ai.pSetLayouts = &d.globalsLayout;
    VkDescriptorSet set = VK_NULL_HANDLE;
    if (vkAllocateDescriptorSets(d.device, &ai, &set) != VK_SUCCESS) return;
    VkDescriptorBufferInfo bi{b->buffer, offset, range};
    VkDescriptorImageInfo ii{d.shadowSampler, s->depth.view, VK_IMAGE_LAYOUT_SHADER_READ_ONLY_OPTIMAL};
    VkWriteDescriptorSet w[2]{};
    w[0] = {VK_STRUCTURE_TYPE_WRITE_DESCRIPTOR_SET, nullptr, set, 0, 0, 1, VK_DESCRIPTOR_TYPE_UNIFORM_BUFFER, nullptr, &bi, nullptr};
    w[1] = {VK_STRUCTURE_TYPE_WRITE_DESCRIPTOR_SET, nullptr, set, 1, 0, 1, VK_DESCRIPTOR_TYPE_COMBINED_IMAGE_SAMPLER, &ii, nullptr, nullptr};
    vkUpdateDescriptorSets(d.device, 2, w, 0, nullptr);
    vkCmdBindDescriptorSets(vk(cmd_), VK_PIPELINE_BIND_POINT_GRAPHICS, d.pipelineLayout, 0, 1, &set, 0, nullptr);
}

void CommandList::bindVertexBuffer(BufferHandle buffer, std::uint64_t offset) {
    BufferSlot* b = device_->impl().buffer(buffer);
    if (!b) return;
    VkDeviceSize off = offset;
    vkCmdBindVertexBuffers(vk(cmd_), 0, 1, &b->buffer, &off);
}

void CommandList::bindIndexBuffer(BufferHandle buffer, std::uint64_t offset) {
    BufferSlot* b = device_->impl().buffer(buffer);
    if (b) vkCmdBindIndexBuffer(vk(cmd_), b->buffer, offset, VK_INDEX_TYPE_UINT32);
}

void CommandList::pushConstants(const void* data, std::uint32_t bytes) {
    if (bytes > kPushConstantBytes) bytes = kPushConstantBytes;
    vkCmdPushConstants(vk(cmd_), device_->impl().pipelineLayout, VK_SHADER_STAGE_VERTEX_BIT | VK_SHADER_STAGE_FRAGMENT_BIT,
                       0, bytes, data);
}

void CommandList::draw(std::uint32_t vertexCount, std::uint32_t firstVertex) {
    vkCmdDraw(vk(cmd_), vertexCount, 1, firstVertex, 0);
}

void CommandList::drawIndexed(std::uint32_t indexCount, std::uint32_t firstIndex, std::int32_t vertexOffset) {
    vkCmdDrawIndexed(vk(cmd_), indexCount, 1, firstIndex, vertexOffset, 0);
}

}  // namespace cd::gfx
