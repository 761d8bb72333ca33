// Device lifecycle: instance, GPU choice, logical device, frames, buffers.
#define GLFW_INCLUDE_VULKAN
#include <GLFW/glfw3.h>

#include <cstdlib>
#include <cstring>
#include <string>

#include "core/log.h"
#include "device_impl.h"

namespace cd::gfx {

const char* vkResultName(VkResult r) {
    switch (r) {
#define CD_CASE(x) case x: return #x;
        CD_CASE(VK_SUCCESS) CD_CASE(VK_NOT_READY) CD_CASE(VK_TIMEOUT) CD_CASE(VK_INCOMPLETE)
        CD_CASE(VK_ERROR_OUT_OF_HOST_MEMORY) CD_CASE(VK_ERROR_OUT_OF_DEVICE_MEMORY)
        CD_CASE(VK_ERROR_INITIALIZATION_FAILED) CD_CASE(VK_ERROR_DEVICE_LOST) CD_CASE(VK_ERROR_MEMORY_MAP_FAILED)
        CD_CASE(VK_ERROR_LAYER_NOT_PRESENT) CD_CASE(VK_ERROR_EXTENSION_NOT_PRESENT)
        CD_CASE(VK_ERROR_FEATURE_NOT_PRESENT) CD_CASE(VK_ERROR_INCOMPATIBLE_DRIVER)
        CD_CASE(VK_ERROR_FORMAT_NOT_SUPPORTED) CD_CASE(VK_ERROR_SURFACE_LOST_KHR)
        CD_CASE(VK_ERROR_NATIVE_WINDOW_IN_USE_KHR) CD_CASE(VK_SUBOPTIMAL_KHR) CD_CASE(VK_ERROR_OUT_OF_DATE_KHR)
#undef CD_CASE
        default: return "VkResult(other)";
    }
}

namespace {

bool envIs(const char* name, const char* value) {
    const char* v = std::getenv(name);
    return v && std::strcmp(v, value) == 0;
}

VKAPI_ATTR VkBool32 VKAPI_CALL debugCallback(VkDebugUtilsMessageSeverityFlagBitsEXT severity,
                                             VkDebugUtilsMessageTypeFlagsEXT, const VkDebugUtilsMessengerCallbackDataEXT* data,
                                             void*) {
    if (severity >= VK_DEBUG_UTILS_MESSAGE_SEVERITY_ERROR_BIT_EXT)
        CD_LOG_ERROR("vulkan: %s", data->pMessage);
    else if (severity >= VK_DEBUG_UTILS_MESSAGE_SEVERITY_WARNING_BIT_EXT)
        CD_LOG_WARN("vulkan: %s", data->pMessage);
    return VK_FALSE;
}

bool hasLayer(const char* name) {
    std::uint32_t n = 0;
    vkEnumerateInstanceLayerProperties(&n, nullptr);
    std::vector<VkLayerProperties> layers(n);
    vkEnumerateInstanceLayerProperties(&n, layers.data());
    for (auto& l : layers)
        if (std::strcmp(l.layerName, name) == 0) return true;
    return false;
}

bool isCpuName(const char* name) { return std::strstr(name, "llvmpipe") || std::strstr(name, "lavapipe"); }

}  // namespace

BufferSlot* Device::Impl::buffer(BufferHandle h) {
    if (!h.valid() || h.index >= buffers.size()) return nullptr;
    BufferSlot& s = buffers[h.index];
    return s.live && s.generation == h.generation ? &s : nullptr;
}
PipelineSlot* Device::Impl::pipelineSlot(PipelineHandle h) {
    if (!h.valid() || h.index >= pipelines.size()) return nullptr;
    PipelineSlot& s = pipelines[h.index];
    return s.live && s.generation == h.generation ? &s : nullptr;
}
TargetSlot* Device::Impl::target(RenderTargetHandle h) {
    if (!h.valid() || h.index >= targets.size()) return nullptr;
    TargetSlot& s = targets[h.index];
    return s.live && s.generation == h.generation ? &s : nullptr;
}

Device::Device(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

Device::~Device() {
    if (!impl_ || !impl_->device) {
        if (impl_ && impl_->instance) vkDestroyInstance(impl_->instance, nullptr);
        return;
    }
    Impl& d = *impl_;
    vkDeviceWaitIdle(d.device);
    shutdownImGui();
    for (auto& f : d.frames) {
        for (auto it = f.deletions.rbegin(); it != f.deletions.rend(); ++it) (*it)();
        f.deletions.clear();
    }
    for (std::uint32_t i = 1; i < d.targets.size(); ++i)
        if (d.targets[i].live) destroy(RenderTargetHandle{i, d.targets[i].generation});
    for (std::uint32_t i = 1; i < d.pipelines.size(); ++i)
        if (d.pipelines[i].live) destroy(PipelineHandle{i, d.pipelines[i].generation});
    for (std::uint32_t i = 1; i < d.buffers.size(); ++i)
        if (d.buffers[i].live) destroy(BufferHandle{i, d.buffers[i].generation});
    for (auto& f : d.frames) {
        for (auto it = f.deletions.rbegin(); it != f.deletions.rend(); ++it) (*it)();
        f.deletions.clear();
    }
    d.destroySwapchain();
    if (d.swap.overlayPass) vkDestroyRenderPass(d.device, d.swap.overlayPass, nullptr);
    if (d.swap.surface) vkDestroySurfaceKHR(d.instance, d.swap.surface, nullptr);
    for (auto& f : d.frames) {
        vkDestroyDescriptorPool(d.device, f.descriptors, nullptr);
        vkDestroySemaphore(d.device, f.imageAcquired, nullptr);
        vkDestroySemaphore(d.device, f.renderFinished, nullptr);
        vkDestroyFence(d.device, f.fence, nullptr);
        vkDestroyCommandPool(d.device, f.pool, nullptr);
    }
    for (auto& [k, rp] : d.renderPasses) vkDestroyRenderPass(d.device, rp, nullptr);
    vkDestroySampler(d.device, d.shadowSampler, nullptr);
    vkDestroyPipelineLayout(d.device, d.pipelineLayout, nullptr);
    vkDestroyDescriptorSetLayout(d.device, d.globalsLayout, nullptr);
    vkDestroyCommandPool(d.device, d.transientPool, nullptr);
    d.allocator.shutdown();
    vkDestroyDevice(d.device, nullptr);
    if (d.messenger) {
        auto fn = reinterpret_cast<PFN_vkDestroyDebugUtilsMessengerEXT>(
            vkGetInstanceProcAddr(d.instance, "vkDestroyDebugUtilsMessengerEXT"));
        if (fn) fn(d.instance, d.messenger, nullptr);
    }
    vkDestroyInstance(d.instance, nullptr);
}

Result<std::unique_ptr<Device>> Device::create(const DeviceDesc& descIn) {
    auto impl = std::make_unique<Impl>();
    Impl& d = *impl;
    d.desc = descIn;
    if (envIs("CITYDRILL_VALIDATE", "1")) d.desc.validation = true;
    if (envIs("CITYDRILL_GPU", "cpu")) d.desc.forceCpu = true;
    std::unique_ptr<Device> dev(new Device(std::move(impl)));

    // Instance.
    std::vector<const char*> extensions;
    std::vector<const char*> layers;
    if (d.desc.window) {
        std::uint32_t n = 0;
        const char** glfwExt = glfwGetRequiredInstanceExtensions(&n);
        if (!glfwExt) return CD_GFX_FAIL("GLFW reports no Vulkan surface support (glfwGetRequiredInstanceExtensions)");
        extensions.assign(glfwExt, glfwExt + n);
    }
    if (d.desc.validation) {
        if (hasLayer("VK_LAYER_KHRONOS_validation")) {
            layers.push_back("VK_LAYER_KHRONOS_validation");
            extensions.push_back(VK_EXT_DEBUG_UTILS_EXTENSION_NAME);
        } else {
            CD_LOG_WARN("gfx: validation requested but VK_LAYER_KHRONOS_validation is not installed");
            d.desc.validation = false;
        }
    }
    VkApplicationInfo app{VK_STRUCTURE_TYPE_APPLICATION_INFO};
    app.pApplicationName = d.desc.appName.c_str();
    app.pEngineName = "CityDrill";
    app.apiVersion = VK_API_VERSION_1_1;
    VkInstanceCreateInfo ici{VK_STRUCTURE_TYPE_INSTANCE_CREATE_INFO};
    ici.pApplicationInfo = &app;
    ici.enabledExtensionCount = static_cast<std::uint32_t>(extensions.size());
    ici.ppEnabledExtensionNames = extensions.data();
    ici.enabledLayerCount = static_cast<std::uint32_t>(layers.size());
    ici.ppEnabledLayerNames = layers.data();
    CD_VK_TRY(vkCreateInstance(&ici, nullptr, &d.instance));
    if (d.desc.validation) {
        VkDebugUtilsMessengerCreateInfoEXT mci{VK_STRUCTURE_TYPE_DEBUG_UTILS_MESSENGER_CREATE_INFO_EXT};
        mci.messageSeverity = VK_DEBUG_UTILS_MESSAGE_SEVERITY_WARNING_BIT_EXT | VK_DEBUG_UTILS_MESSAGE_SEVERITY_ERROR_BIT_EXT;
        mci.messageType = VK_DEBUG_UTILS_MESSAGE_TYPE_GENERAL_BIT_EXT | VK_DEBUG_UTILS_MESSAGE_TYPE_VALIDATION_BIT_EXT;  // performance notes (unused varyings) are noise here
        mci.pfnUserCallback = debugCallback;
        auto fn = reinterpret_cast<PFN_vkCreateDebugUtilsMessengerEXT>(
            vkGetInstanceProcAddr(d.instance, "vkCreateDebugUtilsMessengerEXT"));
        if (fn) CD_VK_TRY(fn(d.instance, &mci, nullptr, &d.messenger));
    }
    if (d.desc.window) {
        CD_VK_TRY(glfwCreateWindowSurface(d.instance, static_cast<GLFWwindow*>(d.desc.window), nullptr, &d.swap.surface));
    }

    // Physical device: discrete, then integrated, then anything else (lavapipe last unless forced).
    std::uint32_t count = 0;
    CD_VK_TRY(vkEnumeratePhysicalDevices(d.instance, &count, nullptr));
    std::vector<VkPhysicalDevice> gpus(count);
    CD_VK_TRY(vkEnumeratePhysicalDevices(d.instance, &count, gpus.data()));
    int bestScore = -1;
    for (VkPhysicalDevice gpu : gpus) {
        VkPhysicalDeviceProperties p;
        vkGetPhysicalDeviceProperties(gpu, &p);
        const bool cpu = p.deviceType == VK_PHYSICAL_DEVICE_TYPE_CPU || isCpuName(p.deviceName);
        if (d.desc.forceCpu && !cpu) continue;
        // A queue family with graphics (and present, when windowed).
        std::uint32_t qn = 0;
        vkGetPhysicalDeviceQueueFamilyProperties(gpu, &qn, nullptr);
        std::vector<VkQueueFamilyProperties> qf(qn);
        vkGetPhysicalDeviceQueueFamilyProperties(gpu, &qn, qf.data());
        int family = -1;
        for (std::uint32_t i = 0; i < qn; ++i) {
            if (!(qf[i].queueFlags & VK_QUEUE_GRAPHICS_BIT)) continue;
            if (d.swap.surface) {
                VkBool32 present = VK_FALSE;
                vkGetPhysicalDeviceSurfaceSupportKHR(gpu, i, d.swap.surface, &present);
                if (!present) continue;
            }
            family = static_cast<int>(i);
            break;
        }
        if (family < 0) continue;
        int score = p.deviceType == VK_PHYSICAL_DEVICE_TYPE_DISCRETE_GPU     ? 3
                    : p.deviceType == VK_PHYSICAL_DEVICE_TYPE_INTEGRATED_GPU ? 2
                    : cpu                                                    ? 0
                                                                             : 1;
        if (score > bestScore) {
            bestScore = score;
            d.physical = gpu;
            d.props = p;
            d.queueFamily = static_cast<std::uint32_t>(family);
        }
    }
    if (!d.physical)
        return CD_GFX_FAIL(d.desc.forceCpu ? "no lavapipe (llvmpipe) Vulkan device found (CITYDRILL_GPU=cpu)"
                                           : "no Vulkan device with a graphics queue found");
    CD_LOG_INFO("gfx: using %s", d.props.deviceName);

    // Logical device.
    float priority = 1.0f;
    VkDeviceQueueCreateInfo qci{VK_STRUCTURE_TYPE_DEVICE_QUEUE_CREATE_INFO};
    qci.queueFamilyIndex = d.queueFamily;
    qci.queueCount = 1;
    qci.pQueuePriorities = &priority;
    std::vector<const char*> devExt;
    if (d.swap.surface) devExt.push_back(VK_KHR_SWAPCHAIN_EXTENSION_NAME);
    VkPhysicalDeviceFeatures features{};
    VkDeviceCreateInfo dci{VK_STRUCTURE_TYPE_DEVICE_CREATE_INFO};
    dci.queueCreateInfoCount = 1;
    dci.pQueueCreateInfos = &qci;
    dci.enabledExtensionCount = static_cast<std::uint32_t>(devExt.size());
    dci.ppEnabledExtensionNames = devExt.data();
    dci.pEnabledFeatures = &features;
    CD_VK_TRY(vkCreateDevice(d.physical, &dci, nullptr, &d.device));
    vkGetDeviceQueue(d.device, d.queueFamily, 0, &d.queue);
    d.allocator.init(d.physical, d.device);

    VkCommandPoolCreateInfo pci{VK_STRUCTURE_TYPE_COMMAND_POOL_CREATE_INFO};
    pci.queueFamilyIndex = d.queueFamily;
    pci.flags = VK_COMMAND_POOL_CREATE_TRANSIENT_BIT;
    CD_VK_TRY(vkCreateCommandPool(d.device, &pci, nullptr, &d.transientPool));

    // Shared pipeline layout: set 0 = {uniform block, shadow map}, 128 bytes of push constants.
    VkDescriptorSetLayoutBinding bindings[2]{};
    bindings[0].binding = 0;
    bindings[0].descriptorType = VK_DESCRIPTOR_TYPE_UNIFORM_BUFFER;
    bindings[0].descriptorCount = 1;
    bindings[0].stageFlags = VK_SHADER_STAGE_VERTEX_BIT | VK_SHADER_STAGE_FRAGMENT_BIT;
    bindings[1].binding = 1;
    bindings[1].descriptorType = VK_DESCRIPTOR_TYPE_COMBINED_IMAGE_SAMPLER;
    bindings[1].descriptorCount = 1;
    bindings[1].stageFlags = VK_SHADER_STAGE_FRAGMENT_BIT;
    VkDescriptorSetLayoutCreateInfo lci{VK_STRUCTURE_TYPE_DESCRIPTOR_SET_LAYOUT_CREATE_INFO};
    lci.bindingCount = 2;
    lci.pBindings = bindings;
    CD_VK_TRY(vkCreateDescriptorSetLayout(d.device, &lci, nullptr, &d.globalsLayout));
    VkPushConstantRange pcr{VK_SHADER_STAGE_VERTEX_BIT | VK_SHADER_STAGE_FRAGMENT_BIT, 0, kPushConstantBytes};
    VkPipelineLayoutCreateInfo plci{VK_STRUCTURE_TYPE_PIPELINE_LAYOUT_CREATE_INFO};
    plci.setLayoutCount = 1;
    plci.pSetLayouts = &d.globalsLayout;
    plci.pushConstantRangeCount = 1;
    plci.pPushConstantRanges = &pcr;
    CD_VK_TRY(vkCreatePipelineLayout(d.device, &plci, nullptr, &d.pipelineLayout));

    VkSamplerCreateInfo sci{VK_STRUCTURE_TYPE_SAMPLER_CREATE_INFO};
    sci.magFilter = VK_FILTER_LINEAR;
    sci.minFilter = VK_FILTER_LINEAR;
    sci.addressModeU = sci.addressModeV = sci.addressModeW = VK_SAMPLER_ADDRESS_MODE_CLAMP_TO_BORDER;
    sci.borderColor = VK_BORDER_COLOR_FLOAT_OPAQUE_WHITE;  // outside the shadow map = lit
    sci.compareEnable = VK_TRUE;
    sci.compareOp = VK_COMPARE_OP_LESS_OR_EQUAL;
    sci.maxLod = 0.0f;
    CD_VK_TRY(vkCreateSampler(d.device, &sci, nullptr, &d.shadowSampler));

    for (auto& f : d.frames) {
        VkCommandPoolCreateInfo fp{VK_STRUCTURE_TYPE_COMMAND_POOL_CREATE_INFO};
        fp.queueFamilyIndex = d.queueFamily;
        fp.flags = VK_COMMAND_POOL_CREATE_RESET_COMMAND_BUFFER_BIT;
        CD_VK_TRY(vkCreateCommandPool(d.device, &fp, nullptr, &f.pool));
        VkCommandBufferAllocateInfo cai{VK_STRUCTURE_TYPE_COMMAND_BUFFER_ALLOCATE_INFO};
        cai.commandPool = f.pool;
        cai.level = VK_COMMAND_BUFFER_LEVEL_PRIMARY;
        cai.commandBufferCount = 1;
        CD_VK_TRY(vkAllocateCommandBuffers(d.device, &cai, &f.cmd));
        VkFenceCreateInfo fci{VK_STRUCTURE_TYPE_FENCE_CREATE_INFO};
        fci.flags = VK_FENCE_CREATE_SIGNALED_BIT;
        CD_VK_TRY(vkCreateFence(d.device, &fci, nullptr, &f.fence));
        VkSemaphoreCreateInfo smi{VK_STRUCTURE_TYPE_SEMAPHORE_CREATE_INFO};
        CD_VK_TRY(vkCreateSemaphore(d.device, &smi, nullptr, &f.imageAcquired));
        CD_VK_TRY(vkCreateSemaphore(d.device, &smi, nullptr, &f.renderFinished));
        VkDescriptorPoolSize sizes[2] = {{VK_DESCRIPTOR_TYPE_UNIFORM_BUFFER, 512},
                                         {VK_DESCRIPTOR_TYPE_COMBINED_IMAGE_SAMPLER, 512}};
        VkDescriptorPoolCreateInfo dpi{VK_STRUCTURE_TYPE_DESCRIPTOR_POOL_CREATE_INFO};
        dpi.maxSets = 512;
        dpi.poolSizeCount = 2;
        dpi.pPoolSizes = sizes;
        CD_VK_TRY(vkCreateDescriptorPool(d.device, &dpi, nullptr, &f.descriptors));
    }
    d.commandList.device_ = dev.get();

    // A 1x1 shadow map cleared to "far" for draws without a sun shadow.
    auto dummy = dev->createRenderTarget(RenderTargetDesc{1, 1, PassKind::Shadow, 1});
    if (!dummy) return dummy.error();
    d.dummyShadow = *dummy;
    auto cl = dev->beginFrame();
    if (!cl) return cl.error();
    (*cl)->beginPass(d.dummyShadow, ClearValues{});
    (*cl)->endPass();
    if (auto s = dev->endFrame(true); !s) return s.error();

    if (d.swap.surface) {
        if (auto s = d.createSwapchain(); !s) return s.error();
    }
    return dev;
}

std::string Device::deviceName() const { return impl_->props.deviceName; }
bool Device::isCpuDevice() const {
    return impl_->props.deviceType == VK_PHYSICAL_DEVICE_TYPE_CPU || isCpuName(impl_->props.deviceName);
}
std::uint32_t Device::framesInFlight() const { return kFramesInFlight; }
std::uint32_t Device::frameIndex() const { return impl_->frame; }
std::uint32_t Device::uniformAlignment() const {
    return static_cast<std::uint32_t>(impl_->props.limits.minUniformBufferOffsetAlignment);
}
std::uint32_t Device::maxSamples() const {
    VkSampleCountFlags f = impl_->props.limits.framebufferColorSampleCounts & impl_->props.limits.framebufferDepthSampleCounts;
    return (f & VK_SAMPLE_COUNT_4_BIT) ? 4 : (f & VK_SAMPLE_COUNT_2_BIT) ? 2 : 1;
}

Result<std::pair<VkBuffer, Allocation>> Device::Impl::createRawBuffer(VkDeviceSize bytes, VkBufferUsageFlags usage,
                                                                      VkMemoryPropertyFlags memProps) {
    VkBufferCreateInfo bci{VK_STRUCTURE_TYPE_BUFFER_CREATE_INFO};
    bci.size = bytes;
    bci.usage = usage;
    bci.sharingMode = VK_SHARING_MODE_EXCLUSIVE;
    VkBuffer buf = VK_NULL_HANDLE;
    CD_VK_TRY(vkCreateBuffer(device, &bci, nullptr, &buf));
    VkMemoryRequirements req;
    vkGetBufferMemoryRequirements(device, buf, &req);
    auto mem = allocator.allocate(req, memProps);
    if (!mem) {
        vkDestroyBuffer(device, buf, nullptr);
        return mem.error();
    }
    CD_VK_TRY(vkBindBufferMemory(device, buf, mem->memory, mem->offset));
    return std::make_pair(buf, *mem);
}

Result<BufferHandle> Device::createBuffer(const BufferDesc& desc) {
    Impl& d = *impl_;
    if (desc.bytes == 0) return CD_GFX_FAIL("createBuffer: zero bytes");
    VkBufferUsageFlags usage = desc.usage == BufferUsage::Vertex  ? VK_BUFFER_USAGE_VERTEX_BUFFER_BIT
                               : desc.usage == BufferUsage::Index ? VK_BUFFER_USAGE_INDEX_BUFFER_BIT
                                                                  : VK_BUFFER_USAGE_UNIFORM_BUFFER_BIT;
    VkMemoryPropertyFlags props = desc.hostVisible
                                      ? (VK_MEMORY_PROPERTY_HOST_VISIBLE_BIT | VK_MEMORY_PROPERTY_HOST_COHERENT_BIT)
                                      : VK_MEMORY_PROPERTY_DEVICE_LOCAL_BIT;
    if (!desc.hostVisible) usage |= VK_BUFFER_USAGE_TRANSFER_DST_BIT;
    auto raw = d.createRawBuffer(desc.bytes, usage, props);
    if (!raw) return raw.error();
    std::uint32_t index = 0;
    for (std::uint32_t i = 1; i < d.buffers.size(); ++i)
        if (!d.buffers[i].live) { index = i; break; }
    if (!index) {
        index = static_cast<std::uint32_t>(d.buffers.size());
        d.buffers.emplace_back();
    }
    BufferSlot& s = d.buffers[index];
    s.buffer = raw->first;
    s.memory = raw->second;
    s.bytes = desc.bytes;
    s.generation++;
    s.live = true;
    return BufferHandle{index, s.generation};
}

void* Device::mapped(BufferHandle h) {
    BufferSlot* s = impl_->buffer(h);
    return s ? s->memory.mapped : nullptr;
}

Status Device::Impl::immediate(const std::function<void(VkCommandBuffer)>& record) {
    VkCommandBufferAllocateInfo cai{VK_STRUCTURE_TYPE_COMMAND_BUFFER_ALLOCATE_INFO};
    cai.commandPool = transientPool;
    cai.level = VK_COMMAND_BUFFER_LEVEL_PRIMARY;
    cai.commandBufferCount = 1;
    VkCommandBuffer cmd;
    CD_VK_TRY(vkAllocateCommandBuffers(device, &cai, &cmd));
    VkCommandBufferBeginInfo bi{VK_STRUCTURE_TYPE_COMMAND_BUFFER_BEGIN_INFO};
    bi.flags = VK_COMMAND_BUFFER_USAGE_ONE_TIME_SUBMIT_BIT;
    vkBeginCommandBuffer(cmd, &bi);
    record(cmd);
    vkEndCommandBuffer(cmd);
    VkSubmitInfo si{VK_STRUCTURE_TYPE_SUBMIT_INFO};
    si.commandBufferCount = 1;
    si.pCommandBuffers = &cmd;
    VkResult r = vkQueueSubmit(queue, 1, &si, VK_NULL_HANDLE);
    if (r == VK_SUCCESS) r = vkQueueWaitIdle(queue);
    vkFreeCommandBuffers(device, transientPool, 1, &cmd);
    if (r != VK_SUCCESS) return vkError(r, "vkQueueSubmit/vkQueueWaitIdle (immediate)", __FILE__, __LINE__);
    return Ok{};
}

Status Device::upload(BufferHandle h, const void* data, std::uint64_t bytes, std::uint64_t offset) {
    Impl& d = *impl_;
    BufferSlot* s = d.buffer(h);
    if (!s) return CD_GFX_FAIL("upload: stale or empty buffer handle");
    if (offset + bytes > s->bytes) return CD_GFX_FAIL("upload: data larger than the buffer");
    if (s->memory.mapped) {
        std::memcpy(static_cast<char*>(s->memory.mapped) + offset, data, bytes);
        return Ok{};
    }
    auto staging = d.createRawBuffer(bytes, VK_BUFFER_USAGE_TRANSFER_SRC_BIT,
                                     VK_MEMORY_PROPERTY_HOST_VISIBLE_BIT | VK_MEMORY_PROPERTY_HOST_COHERENT_BIT);
    if (!staging) return staging.error();
    std::memcpy(staging->second.mapped, data, bytes);
    VkBuffer dst = s->buffer;
    Status st = d.immediate([&](VkCommandBuffer cmd) {
        VkBufferCopy region{0, offset, bytes};
        vkCmdCopyBuffer(cmd, staging->first, dst, 1, &region);
    });
    vkDestroyBuffer(d.device, staging->first, nullptr);
    d.allocator.free(staging->second);
    return st;
}

void Device::destroy(BufferHandle h) {
    Impl& d = *impl_;
    BufferSlot* s = d.buffer(h);
    if (!s) return;
    VkBuffer b = s->buffer;
    Allocation a = s->memory;
    s->live = false;
    s->buffer = VK_NULL_HANDLE;
    Impl* dp = &d;
    d.defer([dp, b, a] {
        vkDestroyBuffer(dp->device, b, nullptr);
        dp->allocator.free(a);
    });
}

Result<CommandList*> Device::beginFrame() {
    Impl& d = *impl_;
    if (d.recording) return CD_GFX_FAIL("beginFrame called twice without endFrame");
    FrameSlot& f = d.current();
    CD_VK_TRY(vkWaitForFences(d.device, 1, &f.fence, VK_TRUE, UINT64_MAX));
    for (auto it = f.deletions.rbegin(); it != f.deletions.rend(); ++it) (*it)();
    f.deletions.clear();
    CD_VK_TRY(vkResetDescriptorPool(d.device, f.descriptors, 0));
    CD_VK_TRY(vkResetCommandBuffer(f.cmd, 0));
    VkCommandBufferBeginInfo bi{VK_STRUCTURE_TYPE_COMMAND_BUFFER_BEGIN_INFO};
    bi.flags = VK_COMMAND_BUFFER_USAGE_ONE_TIME_SUBMIT_BIT;
    CD_VK_TRY(vkBeginCommandBuffer(f.cmd, &bi));
    f.acquired = false;
    f.submitted = false;
    d.recording = true;
    d.commandList.cmd_ = f.cmd;
    d.commandList.current_ = {};
    return &d.commandList;
}

Status Device::endFrame(bool wait) {
    Impl& d = *impl_;
    if (!d.recording) return CD_GFX_FAIL("endFrame without beginFrame");
    d.recording = false;
    FrameSlot& f = d.current();
    CD_VK_TRY(vkEndCommandBuffer(f.cmd));
    CD_VK_TRY(vkResetFences(d.device, 1, &f.fence));
    VkSubmitInfo si{VK_STRUCTURE_TYPE_SUBMIT_INFO};
    VkPipelineStageFlags waitStage = VK_PIPELINE_STAGE_TRANSFER_BIT | VK_PIPELINE_STAGE_COLOR_ATTACHMENT_OUTPUT_BIT;
    if (f.acquired) {
        si.waitSemaphoreCount = 1;
        si.pWaitSemaphores = &f.imageAcquired;
        si.pWaitDstStageMask = &waitStage;
        si.signalSemaphoreCount = 1;
        si.pSignalSemaphores = &f.renderFinished;
    }
    si.commandBufferCount = 1;
    si.pCommandBuffers = &f.cmd;
    CD_VK_TRY(vkQueueSubmit(d.queue, 1, &si, f.fence));
    f.submitted = true;
    if (wait) CD_VK_TRY(vkWaitForFences(d.device, 1, &f.fence, VK_TRUE, UINT64_MAX));
    if (!f.acquired) d.frame = (d.frame + 1) % kFramesInFlight;  // else present() advances
    return Ok{};
}

void Device::waitIdle() {
    if (impl_->device) vkDeviceWaitIdle(impl_->device);
}

}  // namespace cd::gfx
