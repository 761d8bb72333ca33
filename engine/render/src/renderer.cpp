// Renderer: pipelines, the static world's buffers, and the per-frame recording for N views.
#include "render/renderer.h"

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <map>
#include <string>

#include <glm/geometric.hpp>
#include <glm/mat4x4.hpp>
#include <glm/matrix.hpp>

#include "core/log.h"
#include "frame_uniforms.h"
#include "gfx/shader_path.h"
#include "overlay_geometry.h"
#include "view_math.h"
#include "world_batches.h"

namespace cd::render {

namespace {

static_assert(kMaxHidden == int(kMaxHiddenBoxes), "the uniform block holds every cutaway box the snapshot promises");

/// The near sun cascade covers the eye's first metres (a room, a corridor) with fine texels.
constexpr float kNearCascadeM = 20.0f;
/// The cover map spans this much around the eye each way: a building or two.
constexpr float kCoverHalfSizeM = 48.0f;
/// Meshes wider than two of these (terrain, roads) are culled in tiles of this size.
constexpr float kCullTileM = 32.0f;

/// Host-visible buffers written every frame (one set per frame in flight), grown on demand.
struct FrameBuffers {
    gfx::BufferHandle uniforms{};
    std::uint64_t uniformBytes = 0;
    gfx::BufferHandle vertices{};
    std::uint64_t vertexBytes = 0;
    gfx::BufferHandle indices{};
    std::uint64_t indexBytes = 0;
};

std::uint64_t alignUp(std::uint64_t v, std::uint64_t a) { return (v + a - 1) / a * a; }

/// Texels from one atlas region's left edge to the next one's, and the atlas width.
std::uint32_t regionPitch(std::uint32_t side) { return side + std::uint32_t(kRegionGap * float(side)); }
std::uint32_t atlasWidth(std::uint32_t side) { return regionPitch(side) * (kRegionCount - 1) + side; }

}  // namespace

struct Renderer::Impl {
    gfx::Device& device;
    RendererDesc desc;
    std::uint32_t samples = 1;
    gfx::PipelineHandle lit, litAfterPrepass, depthPrepass, depthPrepassCutaway, shadow, shadowClipped, sky, water, fire,
        glass;
    bool prepass = true;
    gfx::RenderTargetHandle shadowMap{};
    gfx::BufferHandle worldVertices{}, worldIndices{};
    std::vector<WorldBatch> worldBatches;
    glm::vec3 worldMin{0.0f}, worldMax{0.0f};
    std::vector<FrameBuffers> frames;
    OverlayGeometry overlay;
    std::map<std::pair<std::uint32_t, std::uint32_t>, gfx::RenderTargetHandle> imageTargets;
    RenderStats stats;
    gfx::PipelineDesc depthPrepassCutawayDesc, glassDesc;  // for the pipelines built on demand
    bool warnedHidden = false;
    ViewDrawList viewList;    // reused every frame, so culling allocates only when a list grows
    AtlasDrawList atlasList;

    explicit Impl(gfx::Device& d) : device(d) {}

    Status ensurePipeline(gfx::PipelineHandle& h, const gfx::PipelineDesc& desc) {
        if (h.valid()) return Ok{};
        auto p = device.createPipeline(desc);
        if (!p) return p.error();
        h = *p;
        return Ok{};
    }

    Status ensureBuffer(gfx::BufferHandle& h, std::uint64_t& cap, std::uint64_t need, gfx::BufferUsage usage) {
        if (h.valid() && cap >= need) return Ok{};
        if (h.valid()) device.destroy(h);
        cap = std::max<std::uint64_t>(need + need / 2, 4096);
        auto b = device.createBuffer(gfx::BufferDesc{cap, usage, true});
        if (!b) return b.error();
        h = *b;
        return Ok{};
    }

    FrameUniforms uniformsFor(const RenderSnapshot& s, const ViewDesc& v, const SunCascade& nearC, const SunCascade& farC,
                              const glm::mat4& coverVP) const;
};

Renderer::Renderer(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

Renderer::~Renderer() {
    if (!impl_) return;
    Impl& r = *impl_;
    r.device.waitIdle();
    for (auto p : {r.lit, r.litAfterPrepass, r.depthPrepass, r.depthPrepassCutaway, r.shadow, r.shadowClipped, r.sky,
                   r.water, r.fire, r.glass})
        r.device.destroy(p);
    r.device.destroy(r.shadowMap);
    r.device.destroy(r.worldVertices);
    r.device.destroy(r.worldIndices);
    for (auto& f : r.frames) {
        r.device.destroy(f.uniforms);
        r.device.destroy(f.vertices);
        r.device.destroy(f.indices);
    }
    for (auto& [k, t] : r.imageTargets) r.device.destroy(t);
}

Result<std::unique_ptr<Renderer>> Renderer::create(gfx::Device& device, const RendererDesc& descIn) {
    auto impl = std::make_unique<Impl>(device);
    Impl& r = *impl;
    r.desc = descIn;
    if (const char* env = std::getenv("CITYDRILL_MSAA"); env && *env) r.desc.msaaSamples = std::uint32_t(std::atoi(env));
    const std::uint32_t want = r.desc.msaaSamples == 0 ? (device.isCpuDevice() ? 1u : 4u) : r.desc.msaaSamples;
    r.samples = want >= 4 ? 4 : want >= 2 ? 2 : 1;
    r.samples = std::min(r.samples, device.maxSamples());
    if (r.desc.shadowMapSize == 0) r.desc.shadowMapSize = device.isCpuDevice() ? 1024 : 2048;

    using gfx::BlendMode;
    using gfx::PassKind;
    using gfx::PipelineDesc;
    auto make = [&](gfx::PipelineHandle& out, PipelineDesc d) -> Status {
        auto p = device.createPipeline(d);
        if (!p) return p.error();
        out = *p;
        return Ok{};
    };
    PipelineDesc d;
    d.vertexShader = gfx::shaderPath("lit.vert");
    d.fragmentShader = gfx::shaderPath("lit.frag");
    d.samples = r.samples;
    if (auto s = make(r.lit, d); !s) return s.error();

    // Depth pre-pass: the world's depth first, then shade only the visible fragment of each
    // pixel. On lavapipe shading dominates, and city views overdraw the ground 2-3 times.
    PipelineDesc pre = d;
    pre.fragmentShader.clear();
    pre.colorWrite = false;
    pre.vertexShader = gfx::shaderPath("depth.vert");
    if (auto s = make(r.depthPrepass, pre); !s) return s.error();
    // While cutaway boxes are active the pre-pass must discard inside them too (a fragment
    // shader, which costs a little; without boxes the plain depth-only pipeline runs).
    // Built on first use (each pipeline costs ~0.1 s of LLVM compile on lavapipe).
    r.depthPrepassCutawayDesc = pre;
    r.depthPrepassCutawayDesc.fragmentShader = gfx::shaderPath("depth_cutaway.frag");
    PipelineDesc after = d;
    after.depthWrite = false;
    after.depthEqual = true;
    if (auto s = make(r.litAfterPrepass, after); !s) return s.error();
    if (const char* env = std::getenv("CITYDRILL_DEPTH_PREPASS"); env && *env) r.prepass = std::atoi(env) != 0;

    PipelineDesc sh;
    sh.vertexShader = gfx::shaderPath("shadow.vert");
    sh.pass = PassKind::Shadow;
    sh.depthBias = true;
    if (auto s = make(r.shadow, sh); !s) return s.error();
    // The same with a fragment shader that keeps a draw inside its atlas region and out of
    // cutaways; only meshes that need it use it (on lavapipe a fragment shader in the shadow
    // pass costs about as much as the depth-only fill).
    PipelineDesc shClip = sh;
    shClip.fragmentShader = gfx::shaderPath("shadow.frag");
    if (auto s = make(r.shadowClipped, shClip); !s) return s.error();

    PipelineDesc sky;
    sky.vertexShader = gfx::shaderPath("sky.vert");
    sky.fragmentShader = gfx::shaderPath("sky.frag");
    sky.samples = r.samples;
    sky.vertexLayout = gfx::VertexLayout::None;
    sky.depthWrite = false;
    if (auto s = make(r.sky, sky); !s) return s.error();

    PipelineDesc water = d;
    water.fragmentShader = gfx::shaderPath("water.frag");
    water.blend = BlendMode::Alpha;
    water.depthWrite = false;
    if (auto s = make(r.water, water); !s) return s.error();

    PipelineDesc fire = d;
    fire.vertexShader = gfx::shaderPath("fire.vert");
    fire.fragmentShader = gfx::shaderPath("fire.frag");
    fire.blend = BlendMode::Additive;
    fire.depthWrite = false;
    if (auto s = make(r.fire, fire); !s) return s.error();

    r.glassDesc = d;  // built when a world with glass is set
    r.glassDesc.blend = BlendMode::Alpha;
    r.glassDesc.depthWrite = false;

    auto sm = device.createRenderTarget(
        gfx::RenderTargetDesc{atlasWidth(r.desc.shadowMapSize), r.desc.shadowMapSize, gfx::PassKind::Shadow, 1});
    if (!sm) return sm.error();
    r.shadowMap = *sm;
    r.frames.resize(device.framesInFlight());
    return std::unique_ptr<Renderer>(new Renderer(std::move(impl)));
}

Status Renderer::setWorld(const assets::Model& model) {
    Impl& r = *impl_;
    if (r.worldVertices.valid()) r.device.destroy(r.worldVertices);
    if (r.worldIndices.valid()) r.device.destroy(r.worldIndices);
    r.worldVertices = {};
    r.worldIndices = {};
    r.worldBatches.clear();
    r.stats = {};
    // One batch per material: meshes concatenated, indices rebased into one buffer.
    std::vector<std::vector<const assets::Mesh*>> byMaterial(std::max<std::size_t>(model.materials.size(), 1));
    for (const auto& m : model.meshes) {
        if (m.indices.empty()) continue;
        std::size_t mat = m.material < byMaterial.size() ? m.material : 0;
        byMaterial[mat].push_back(&m);
    }
    const bool districtNames = std::any_of(model.meshes.begin(), model.meshes.end(),
                                           [](const assets::Mesh& m) { return m.name.rfind("building", 0) == 0; });
    std::vector<gfx::LitVertex> verts;
    std::vector<std::uint32_t> idx, meshIndices;
    glm::vec3 lo(1e30f), hi(-1e30f);
    const std::uint32_t white = packColor(glm::vec4(1.0f));
    for (std::size_t mat = 0; mat < byMaterial.size(); ++mat) {
        if (byMaterial[mat].empty()) continue;
        WorldBatch b;
        b.firstIndex = static_cast<std::uint32_t>(idx.size());
        for (const assets::Mesh* m : byMaterial[mat]) {
            const std::uint32_t base = static_cast<std::uint32_t>(verts.size());
            for (const auto& v : m->vertices) {
                verts.push_back({{v.position.x, v.position.y, v.position.z},
                                 {v.normal.x, v.normal.y, v.normal.z},
                                 {v.uv.x, v.uv.y},
                                 white});
                lo = glm::min(lo, v.position);
                hi = glm::max(hi, v.position);
            }
            meshIndices.clear();
            for (std::uint32_t i : m->indices) {
                if (i >= m->vertices.size())
                    return makeError("mesh index out of range", model.sourcePath, 0, "meshes." + m->name + ".indices");
                meshIndices.push_back(base + i);
            }
            appendMeshRanges(verts, meshIndices, isCoverCaster(m->name, districtNames), kCullTileM, idx, b.meshes);
        }
        b.indexCount = static_cast<std::uint32_t>(idx.size()) - b.firstIndex;
        if (mat < model.materials.size()) {
            const auto& m = model.materials[mat];
            const float smooth = 1.0f - std::clamp(m.roughness, 0.0f, 1.0f);
            b.constants.baseColor = m.baseColor;
            b.constants.emissive = glm::vec4(m.emissive, 0.08f + 0.9f * smooth * smooth);
            b.translucent = m.baseColor.a < 0.99f;
        } else {
            b.constants.baseColor = glm::vec4(0.7f, 0.7f, 0.7f, 1.0f);
            b.constants.emissive = glm::vec4(0.0f, 0.0f, 0.0f, 0.1f);
        }
        b.constants.flags = glm::vec4(1.0f, 0.0f, 0.0f, 0.0f);
        r.worldBatches.push_back(b);
    }
    const auto textured = std::count_if(model.materials.begin(), model.materials.end(),
                                        [](const assets::Material& m) { return !m.baseColorTexture.empty(); });
    if (textured > 0)
        CD_LOG_INFO("render: %zu material(s) name a base colour texture; drawn with their base colour only",
                    static_cast<std::size_t>(textured));
    markGroundSheets(r.worldBatches, lo.z);
    if (std::any_of(r.worldBatches.begin(), r.worldBatches.end(), [](const WorldBatch& b) { return b.translucent; }))
        if (auto st = r.ensurePipeline(r.glass, r.glassDesc); !st) return st;
    if (idx.empty()) return Ok{};
    auto vb = r.device.createBuffer(gfx::BufferDesc{verts.size() * sizeof(gfx::LitVertex), gfx::BufferUsage::Vertex, false});
    if (!vb) return vb.error();
    r.worldVertices = *vb;
    if (auto s = r.device.upload(r.worldVertices, verts.data(), verts.size() * sizeof(gfx::LitVertex)); !s) return s;
    auto ib = r.device.createBuffer(gfx::BufferDesc{idx.size() * sizeof(std::uint32_t), gfx::BufferUsage::Index, false});
    if (!ib) return ib.error();
    r.worldIndices = *ib;
    if (auto s = r.device.upload(r.worldIndices, idx.data(), idx.size() * sizeof(std::uint32_t)); !s) return s;
    r.worldMin = lo;
    r.worldMax = hi;
    r.stats.worldTriangles = idx.size() / 3;
    r.stats.worldDrawCalls = static_cast<std::uint32_t>(r.worldBatches.size());
    return Ok{};
}

Result<gfx::RenderTargetHandle> Renderer::createViewTarget(std::uint32_t width, std::uint32_t height) {
    return impl_->device.createRenderTarget(gfx::RenderTargetDesc{width, height, gfx::PassKind::Scene, impl_->samples});
}

std::uint32_t Renderer::samples() const { return impl_->samples; }
const RenderStats& Renderer::stats() const { return impl_->stats; }

FrameUniforms Renderer::Impl::uniformsFor(const RenderSnapshot& s, const ViewDesc& v, const SunCascade& nearC,
                                          const SunCascade& farC, const glm::mat4& coverVP) const {
    FrameUniforms u{};
    const ViewMatrices m = viewMatrices(v);
    u.viewProj = m.viewProj;
    u.invViewProj = glm::inverse(m.viewProj);
    u.sunViewProj = farC.viewProj;
    u.sunViewProjNear = nearC.viewProj;
    u.coverViewProj = coverVP;
    u.shadowParams = glm::vec4(nearC.texelM, farC.texelM, nearC.depthRangeM, farC.depthRangeM);
    const int nHidden = std::min<int>(static_cast<int>(s.hiddenBoxes.size()), kMaxHidden);
    for (int i = 0; i < nHidden; ++i) {
        const Aabb& b = s.hiddenBoxes[std::size_t(i)];
        u.hiddenMin[i] = glm::vec4(glm::min(b.min, b.max), 0.0f);
        u.hiddenMax[i] = glm::vec4(glm::max(b.min, b.max), 0.0f);
    }
    const float side = float(desc.shadowMapSize);
    u.atlasParams = glm::vec4(side, 1.0f / side, float(nHidden), 2.0f * kCoverHalfSizeM / side);
    const float width = float(atlasWidth(desc.shadowMapSize)), pitch = float(regionPitch(desc.shadowMapSize));
    u.atlasLayout = glm::vec4(side / width, pitch / width, pitch, 0.0f);
    u.interiorLight = glm::vec4(s.interior.color * std::max(s.interior.intensity, 0.0f),
                                std::clamp(s.interior.skyFraction, 0.0f, 1.0f));
    u.interiorSurface = glm::vec4(std::clamp(s.interior.ceilingAlbedoMin, 0.0f, 1.0f), 0.0f, 0.0f, 0.0f);
    u.eyeTime = glm::vec4(v.eye, s.timeS);
    glm::vec3 L = glm::length(s.sun.direction) > 1e-6f ? glm::normalize(s.sun.direction) : glm::vec3(0, 0, 1);
    u.sunDir = glm::vec4(L, s.sun.intensity);
    u.sunColor = glm::vec4(s.sun.color, 1.0f);
    u.skyZenith = glm::vec4(s.sky.zenith, 1.0f);
    u.skyHorizon = glm::vec4(s.sky.horizon, 1.0f);
    u.groundColor = glm::vec4(s.sky.ground, s.sky.ambient);
    const bool shadows = s.sun.shadows && L.z > 0.02f;
    u.fog = glm::vec4(s.sky.fogDensityPerM, 0.02f, shadows ? 1.0f : 0.0f, 1.0f / float(desc.shadowMapSize));
    const int nSmoke = std::min<int>(static_cast<int>(s.smoke.size()), kMaxSmoke);
    for (int i = 0; i < nSmoke; ++i) {
        const SmokeVolume& sv = s.smoke[std::size_t(i)];
        u.smoke[i].boxMin = glm::vec4(glm::min(sv.boxMin, sv.boxMax), sv.interfaceZ);
        u.smoke[i].boxMax = glm::vec4(glm::max(sv.boxMin, sv.boxMax), std::max(sv.extinctionPerM, 0.0f));
        u.smoke[i].color = glm::vec4(sv.color, 1.0f);
    }
    // The largest fires light the scene.
    std::vector<const FireSource*> fires;
    for (const auto& f : s.fires) fires.push_back(&f);
    std::sort(fires.begin(), fires.end(), [](auto* a, auto* b) { return a->hrrKw > b->hrrKw; });
    const int nFires = std::min<int>(static_cast<int>(fires.size()), kMaxFireLights);
    for (int i = 0; i < nFires; ++i) {
        const FireSource& f = *fires[std::size_t(i)];
        // Light power grows with HRR; 1 MW gives a strong orange pool a few metres wide.
        const float power = 4.0f * std::sqrt(std::max(f.hrrKw, 0.0f) / 100.0f);
        u.fires[i].posRadius = glm::vec4(f.base + glm::vec3(0, 0, 0.4f * f.flameHeightM), f.radiusM);
        u.fires[i].color = glm::vec4(glm::vec3(1.0f, 0.45f, 0.12f) * power, 1.0f);
    }
    u.counts = glm::vec4(float(nSmoke), float(nFires), 0.0f, 0.0f);
    u.camRight = glm::vec4(m.right, 0.0f);
    u.camUp = glm::vec4(m.up, 0.0f);
    return u;
}

Status Renderer::record(gfx::CommandList& cmd, const RenderSnapshot& s, std::span<const gfx::RenderTargetHandle> targets) {
    Impl& r = *impl_;
    const std::size_t nViews = std::min(s.views.size(), targets.size());
    if (nViews == 0) return makeError("snapshot has no views or no targets were given", "", 0, "RenderSnapshot.views");
    FrameBuffers& fb = r.frames[r.device.frameIndex() % r.frames.size()];

    // Dynamic overlays, shared by all views.
    r.overlay.clear();
    r.overlay.addPeople(s.people);
    r.overlay.addBoxes(s.boxes);
    r.overlay.addRoutes(s.routes);
    for (const auto& w : s.water) r.overlay.addWater(w);
    r.overlay.addFires(s.fires);
    r.stats.dynamicTriangles = static_cast<std::uint32_t>(r.overlay.indices.size() / 3);
    if (!r.overlay.indices.empty()) {
        const std::uint64_t vb = r.overlay.vertices.size() * sizeof(gfx::LitVertex);
        const std::uint64_t ib = r.overlay.indices.size() * sizeof(std::uint32_t);
        if (auto st = r.ensureBuffer(fb.vertices, fb.vertexBytes, vb, gfx::BufferUsage::Vertex); !st) return st;
        if (auto st = r.ensureBuffer(fb.indices, fb.indexBytes, ib, gfx::BufferUsage::Index); !st) return st;
        std::memcpy(r.device.mapped(fb.vertices), r.overlay.vertices.data(), vb);
        std::memcpy(r.device.mapped(fb.indices), r.overlay.indices.data(), ib);
    }

    // Uniforms: one block per view. The sun's shadow map follows view 0.
    const std::uint64_t stride = alignUp(sizeof(FrameUniforms), r.device.uniformAlignment());
    if (auto st = r.ensureBuffer(fb.uniforms, fb.uniformBytes, stride * nViews, gfx::BufferUsage::Uniform); !st) return st;
    const glm::vec3 L = glm::length(s.sun.direction) > 1e-6f ? glm::normalize(s.sun.direction) : glm::vec3(0, 0, 1);
    const ViewDesc& v0 = s.views[0];
    const float farDist = std::min(r.desc.shadowDistanceM, v0.farM);
    const SunCascade nearC = sunCascade(v0, L, v0.nearM, std::min(kNearCascadeM, farDist), r.worldMin, r.worldMax,
                                        r.desc.shadowMapSize, false);
    const SunCascade farC = sunCascade(v0, L, v0.nearM, farDist, r.worldMin, r.worldMax, r.desc.shadowMapSize, true);
    const glm::mat4 coverVP = coverViewProj(v0, kCoverHalfSizeM, r.worldMin, r.worldMax, r.desc.shadowMapSize);
    if (s.hiddenBoxes.size() > kMaxHiddenBoxes && !r.warnedHidden) {
        CD_LOG_WARN("render: %zu cutaway boxes given; only the first %zu hide the world", s.hiddenBoxes.size(),
                    kMaxHiddenBoxes);
        r.warnedHidden = true;
    }
    const std::size_t nHidden = std::min(s.hiddenBoxes.size(), kMaxHiddenBoxes);
    if (nHidden > 0 && r.prepass)
        if (auto st = r.ensurePipeline(r.depthPrepassCutaway, r.depthPrepassCutawayDesc); !st) return st;
    auto* ubo = static_cast<std::uint8_t*>(r.device.mapped(fb.uniforms));
    for (std::size_t i = 0; i < nViews; ++i) {
        FrameUniforms u = r.uniformsFor(s, s.views[i], nearC, farC, coverVP);
        std::memcpy(ubo + stride * i, &u, sizeof(u));
    }
    const auto uboRange = static_cast<std::uint32_t>(sizeof(FrameUniforms));
    const bool shadows = s.sun.shadows && L.z > 0.02f;

    // World draw lists: per material batch for the views, depth-only or clipped for the atlas.
    const Cutaways cut(std::span<const Aabb>(s.hiddenBoxes.data(), nHidden));
    ViewDrawList& list = r.viewList;
    auto drawWorld = [&](bool withConstants) {
        if (!r.worldIndices.valid()) return;
        cmd.bindVertexBuffer(r.worldVertices);
        cmd.bindIndexBuffer(r.worldIndices);
        std::size_t begin = 0;
        for (std::size_t bi = 0; bi < r.worldBatches.size(); ++bi) {
            const std::size_t end = list.batchEnd[bi];
            if (end > begin && withConstants)
                cmd.pushConstants(&r.worldBatches[bi].constants, sizeof(r.worldBatches[bi].constants));
            for (std::size_t k = begin; k < end; ++k) cmd.drawIndexed(list.ranges[k].second, list.ranges[k].first);
            begin = end;
        }
    };
    auto drawOverlay = [&](OverlayPipeline which, bool withConstants) {
        bool bound = false;
        for (const OverlayBatch& b : r.overlay.batches) {
            if (b.pipeline != which) continue;
            if (!bound) {
                cmd.bindVertexBuffer(fb.vertices);
                cmd.bindIndexBuffer(fb.indices);
                bound = true;
            }
            if (withConstants) {
                DrawConstants c{b.baseColor, b.emissive, glm::vec4(0.0f)};
                cmd.pushConstants(&c, sizeof(c));
            }
            cmd.drawIndexed(b.indexCount, b.firstIndex);
        }
    };
    auto hasOverlay = [&](OverlayPipeline which) {
        return std::any_of(r.overlay.batches.begin(), r.overlay.batches.end(),
                           [&](const OverlayBatch& b) { return b.pipeline == which; });
    };

    // 1. The shadow atlas: two sun cascades (opaque world and solid overlays; glass lets the sun
    // through) and the top-down cover map (static world only), each kept in its region by
    // shadow.frag. The cover map is drawn even without sun: it tells the shaders what is indoors.
    {
        cmd.beginPass(r.shadowMap, gfx::ClearValues{});
        cmd.bindPipeline(r.shadow);
        cmd.bindGlobals(fb.uniforms, 0, uboRange, {});
        auto drawAtlasRegion = [&](const glm::mat4& viewProj, WorldPart part) {
            AtlasDrawList& atlas = r.atlasList;
            cullForAtlasRegion(r.worldBatches, viewProj, part, cut, atlas);
            if (!r.worldIndices.valid() || (atlas.depthOnly.empty() && atlas.clipped.empty())) return;
            cmd.bindVertexBuffer(r.worldVertices);
            cmd.bindIndexBuffer(r.worldIndices);
            cmd.bindPipeline(r.shadow);
            for (auto [first, count] : atlas.depthOnly) cmd.drawIndexed(count, first);
            cmd.bindPipeline(r.shadowClipped);
            for (auto [first, count] : atlas.clipped) cmd.drawIndexed(count, first);
        };
        auto region = [&](ShadowRegion which, bool world) {
            ShadowConstants c{glm::vec4(float(which), world ? 1.0f : 0.0f, 0.0f, 0.0f)};
            cmd.pushConstants(&c, sizeof(c));
        };
        if (shadows) {
            for (auto [which, cascade] : {std::pair{kRegionNearCascade, &nearC}, std::pair{kRegionFarCascade, &farC}}) {
                region(which, true);
                drawAtlasRegion(cascade->viewProj, WorldPart::Opaque);
                if (hasOverlay(OverlayPipeline::Lit)) {
                    region(which, false);
                    cmd.bindPipeline(r.shadowClipped);
                    drawOverlay(OverlayPipeline::Lit, false);
                }
            }
        }
        region(kRegionCover, true);
        drawAtlasRegion(coverVP, WorldPart::Cover);
        cmd.endPass();
    }

    // 2. Each view: opaque world and overlays, sky behind them, then water and flames.
    for (std::size_t i = 0; i < nViews; ++i) {
        gfx::ClearValues clear;
        clear.color[0] = s.sky.horizon.r;
        clear.color[1] = s.sky.horizon.g;
        clear.color[2] = s.sky.horizon.b;
        cmd.beginPass(targets[i], clear);
        const auto offset = static_cast<std::uint32_t>(stride * i);
        const glm::mat4 viewProj = viewMatrices(s.views[i]).viewProj;
        cullForView(r.worldBatches, viewProj, WorldPart::Opaque, cut, list);
        if (r.prepass) {
            cmd.bindPipeline(nHidden > 0 ? r.depthPrepassCutaway : r.depthPrepass);
            cmd.bindGlobals(fb.uniforms, offset, uboRange, r.shadowMap);
            drawWorld(false);
            cmd.bindPipeline(r.litAfterPrepass);
        } else {
            cmd.bindPipeline(r.lit);
        }
        cmd.bindGlobals(fb.uniforms, offset, uboRange, r.shadowMap);
        drawWorld(true);
        cmd.bindPipeline(r.lit);
        drawOverlay(OverlayPipeline::Lit, true);
        cmd.bindPipeline(r.sky);
        glm::vec4 viewport(float(r.device.width(targets[i])), float(r.device.height(targets[i])), 0.0f, 0.0f);
        cmd.pushConstants(&viewport, sizeof(viewport));
        cmd.draw(3);
        cullForView(r.worldBatches, viewProj, WorldPart::Translucent, cut, list);
        if (!list.ranges.empty()) {
            cmd.bindPipeline(r.glass);
            drawWorld(true);
        }
        if (hasOverlay(OverlayPipeline::Water)) {
            cmd.bindPipeline(r.water);
            drawOverlay(OverlayPipeline::Water, true);
        }
        if (hasOverlay(OverlayPipeline::Fire)) {
            cmd.bindPipeline(r.fire);
            drawOverlay(OverlayPipeline::Fire, false);
        }
        cmd.endPass();
    }
    return Ok{};
}

Status Renderer::render(const RenderSnapshot& s, std::span<const gfx::RenderTargetHandle> targets) {
    auto cmd = impl_->device.beginFrame();
    if (!cmd) return cmd.error();
    Status st = record(**cmd, s, targets);
    Status end = impl_->device.endFrame(true);
    if (!st) return st;
    return end;
}

Result<gfx::Image> Renderer::renderToImage(const RenderSnapshot& s, std::size_t viewIndex) {
    Impl& r = *impl_;
    if (viewIndex >= s.views.size()) return makeError("view index out of range", "", 0, "RenderSnapshot.views");
    const ViewDesc& v = s.views[viewIndex];
    auto key = std::make_pair(v.width, v.height);
    auto it = r.imageTargets.find(key);
    if (it == r.imageTargets.end()) {
        auto t = createViewTarget(v.width, v.height);
        if (!t) return t.error();
        it = r.imageTargets.emplace(key, *t).first;
    }
    RenderSnapshot one = s;
    one.views = {v};
    const gfx::RenderTargetHandle target = it->second;
    if (auto st = render(one, std::span<const gfx::RenderTargetHandle>(&target, 1)); !st) return st.error();
    return r.device.readback(target);
}

}  // namespace cd::render
