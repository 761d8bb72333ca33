// Graphics pipelines from SPIR-V files (PipelineBuilder in the vkguide spirit).
#include <cstddef>
#include <fstream>
#include <iterator>

#include "device_impl.h"

namespace cd::gfx {

namespace {

Result<VkShaderModule> loadShader(VkDevice device, const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return makeError("cannot open SPIR-V file (build the shaders or set CITYDRILL_SHADER_DIR)", path, 0, "shader");
    std::vector<char> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (bytes.size() < 20 || bytes.size() % 4 != 0) return makeError("not a SPIR-V file", path, 0, "shader");
    VkShaderModuleCreateInfo ci{VK_STRUCTURE_TYPE_SHADER_MODULE_CREATE_INFO};
    ci.codeSize = bytes.size();
    ci.pCode = reinterpret_cast<const std::uint32_t*>(bytes.data());
    VkShaderModule m = VK_NULL_HANDLE;
    CD_VK_TRY(vkCreateShaderModule(device, &ci, nullptr, &m));
    return m;
}

}  // namespace

Result<PipelineHandle> Device::createPipeline(const PipelineDesc& desc) {
    Impl& d = *impl_;
    auto rp = d.renderPass(desc.pass, desc.pass == PassKind::Shadow ? 1 : desc.samples);
    if (!rp) return rp.error();
    auto vs = loadShader(d.device, desc.vertexShader);
    if (!vs) return vs.error();
    VkShaderModule fs = VK_NULL_HANDLE;
    if (!desc.fragmentShader.empty()) {
        auto f = loadShader(d.device, desc.fragmentShader);
        if (!f) {
            vkDestroyShaderModule(d.device, *vs, nullptr);
            return f.error();
        }
        fs = *f;
    }
    VkPipelineShaderStageCreateInfo stages[2]{};
    stages[0] = {VK_STRUCTURE_TYPE_PIPELINE_SHADER_STAGE_CREATE_INFO, nullptr, 0, VK_SHADER_STAGE_VERTEX_BIT, *vs, "main", nullptr};
    stages[1] = {VK_STRUCTURE_TYPE_PIPELINE_SHADER_STAGE_CREATE_INFO, nullptr, 0, VK_SHADER_STAGE_FRAGMENT_BIT, fs, "main", nullptr};

    VkVertexInputBindingDescription binding{0, sizeof(LitVertex), VK_VERTEX_INPUT_RATE_VERTEX};
    VkVertexInputAttributeDescription attrs[4] = {
        {0, 0, VK_FORMAT_R32G32B32_SFLOAT, offsetof(LitVertex, position)},
        {1, 0, VK_FORMAT_R32G32B32_SFLOAT, offsetof(LitVertex, normal)},
        {2, 0, VK_FORMAT_R32G32_SFLOAT, offsetof(LitVertex, uv)},
        {3, 0, VK_FORMAT_R8G8B8A8_UNORM, offsetof(LitVertex, colorRgba8)},
    };
    VkPipelineVertexInputStateCreateInfo vin{VK_STRUCTURE_TYPE_PIPELINE_VERTEX_INPUT_STATE_CREATE_INFO};
    if (desc.vertexLayout == VertexLayout::Lit) {
        vin.vertexBindingDescriptionCount = 1;
        vin.pVertexBindingDescriptions = &binding;
        vin.vertexAttributeDescriptionCount = 4;
        vin.pVertexAttributeDescriptions = attrs;
    }
    VkPipelineInputAssemblyStateCreateInfo ia{VK_STRUCTURE_TYPE_PIPELINE_INPUT_ASSEMBLY_STATE_CREATE_INFO};
    ia.topology = VK_PRIMITIVE_TOPOLOGY_TRIANGLE_LIST;
    VkPipelineViewportStateCreateInfo vp{VK_STRUCTURE_TYPE_PIPELINE_VIEWPORT_STATE_CREATE_INFO};
    vp.viewportCount = 1;
    vp.scissorCount = 1;
    VkPipelineRasterizationStateCreateInfo rs{VK_STRUCTURE_TYPE_PIPELINE_RASTERIZATION_STATE_CREATE_INFO};
    rs.polygonMode = VK_POLYGON_MODE_FILL;
    rs.cullMode = desc.cullBackFaces ? VK_CULL_MODE_BACK_BIT : VK_CULL_MODE_NONE;
    rs.frontFace = VK_FRONT_FACE_COUNTER_CLOCKWISE;
    rs.lineWidth = 1.0f;
    if (desc.depthBias) {
        rs.depthBiasEnable = VK_TRUE;
        rs.depthBiasConstantFactor = 1.5f;
        rs.depthBiasSlopeFactor = 2.0f;
    }
    VkPipelineMultisampleStateCreateInfo ms{VK_STRUCTURE_TYPE_PIPELINE_MULTISAMPLE_STATE_CREATE_INFO};
    ms.rasterizationSamples =
        static_cast<VkSampleCountFlagBits>(desc.pass == PassKind::Shadow ? 1u : desc.samples);
    VkPipelineDepthStencilStateCreateInfo ds{VK_STRUCTURE_TYPE_PIPELINE_DEPTH_STENCIL_STATE_CREATE_INFO};
    ds.depthTestEnable = desc.depthTest;
    ds.depthWriteEnable = desc.depthWrite;
    ds.depthCompareOp = desc.depthEqual ? VK_COMPARE_OP_EQUAL : VK_COMPARE_OP_LESS_OR_EQUAL;
    VkPipelineColorBlendAttachmentState blend{};
    blend.colorWriteMask = desc.colorWrite ? (VK_COLOR_COMPONENT_R_BIT | VK_COLOR_COMPONENT_G_BIT |
                                              VK_COLOR_COMPONENT_B_BIT | VK_COLOR_COMPONENT_A_BIT)
                                           : 0;
    if (desc.blend != BlendMode::Opaque) {
        blend.blendEnable = VK_TRUE;
        blend.srcColorBlendFactor = desc.blend == BlendMode::Alpha ? VK_BLEND_FACTOR_SRC_ALPHA : VK_BLEND_FACTOR_ONE;
        blend.dstColorBlendFactor = desc.blend == BlendMode::Alpha ? VK_BLEND_FACTOR_ONE_MINUS_SRC_ALPHA : VK_BLEND_FACTOR_ONE;
        blend.colorBlendOp = VK_BLEND_OP_ADD;
        blend.srcAlphaBlendFactor = VK_BLEND_FACTOR_ZERO;
        blend.dstAlphaBlendFactor = VK_BLEND_FACTOR_ONE;
        blend.alphaBlendOp = VK_BLEND_OP_ADD;
    }
    VkPipelineColorBlendStateCreateInfo cb{VK_STRUCTURE_TYPE_PIPELINE_COLOR_BLEND_STATE_CREATE_INFO};
    cb.attachmentCount = desc.pass == PassKind::Shadow ? 0 : 1;
    cb.pAttachments = &blend;
    VkDynamicState dyn[2] = {VK_DYNAMIC_STATE_VIEWPORT, VK_DYNAMIC_STATE_SCISSOR};
    VkPipelineDynamicStateCreateInfo dy{VK_STRUCTURE_TYPE_PIPELINE_DYNAMIC_STATE_CREATE_INFO};
    dy.dynamicStateCount = 2;
    dy.pDynamicStates = dyn;

    VkGraphicsPipelineCreateInfo pci{VK_STRUCTURE_TYPE_GRAPHICS_PIPELINE_CREATE_INFO};
    pci.stageCount = fs ? 2 : 1;
    pci.pStages = stages;
    pci.pVertexInputState = &vin;
    pci.pInputAssemblyState = &ia;
    pci.pViewportState = &vp;
    pci.pRasterizationState = &rs;
    pci.pMultisampleState = &ms;
    pci.pDepthStencilState = &ds;
    pci.pColorBlendState = &cb;
    pci.pDynamicState = &dy;
    pci.layout = d.pipelineLayout;
    pci.renderPass = *rp;
    VkPipeline pipeline = VK_NULL_HANDLE;
    VkResult r = vkCreateGraphicsPipelines(d.device, VK_NULL_HANDLE, 1, &pci, nullptr, &pipeline);
    vkDestroyShaderModule(d.device, *vs, nullptr);
    if (fs) vkDestroyShaderModule(d.device, fs, nullptr);
    if (r != VK_SUCCESS)
        return makeError(std::string("vkCreateGraphicsPipelines failed with ") + vkResultName(r) + " for " +
                             desc.vertexShader + " + " + desc.fragmentShader,
                         __FILE__, __LINE__, "vulkan");

    std::uint32_t index = 0;
    for (std::uint32_t i = 1; i < d.pipelines.size(); ++i)
        if (!d.pipelines[i].live) { index = i; break; }
    if (!index) {
        index = static_cast<std::uint32_t>(d.pipelines.size());
        d.pipelines.emplace_back();
    }
    PipelineSlot& s = d.pipelines[index];
    s.pipeline = pipeline;
    s.generation++;
    s.live = true;
    return PipelineHandle{index, s.generation};
}

void Device::destroy(PipelineHandle h) {
    Impl& d = *impl_;
    PipelineSlot* s = d.pipelineSlot(h);
    if (!s) return;
    VkPipeline p = s->pipeline;
    s->live = false;
    Impl* dp = &d;
    d.defer([dp, p] { vkDestroyPipeline(dp->device, p, nullptr); });
}

}  // namespace cd::gfx
