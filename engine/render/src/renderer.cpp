// Renderer: pipelines, the static world's buffers, and the per-frame recording for N views.
#include "render/renderer.h"

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <map>

#include <glm/geometric.hpp>
#include <glm/mat4x4.hpp>
#include <glm/matrix.hpp>

#include "core/log.h"
#include "frame_uniforms.h"
#include "frustum.h"
#include "gfx/shader_path.h"
#include "overlay_geometry.h"
#include "view_math.h"

namespace cd::render {

namespace {

/// A mesh's index range and bounds inside its material batch, for culling.
struct MeshRange {
    std::uint32_t firstIndex = 0;
    std::uint32_t indexCount = 0;
    glm::vec3 lo{0.0f}, hi{0.0f};
};

struct WorldBatch {
    std::uint32_t firstIndex = 0;
    std::uint32_t indexCount = 0;
    std::vector<MeshRange> meshes;
    DrawConstants constants{};
};

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

}  // namespace

struct Renderer::Impl {
    gfx::Device& device;
    RendererDesc desc;
    std::uint32_t samples = 1;
    gfx::PipelineHandle lit, litAfterPrepass, depthPrepass, shadow, sky, water, fire;
    bool prepass = true;
    gfx::RenderTargetHandle shadowMap{};
    gfx::BufferHandle worldVertices{}, worldIndices{};
    std::vector<WorldBatch> worldBatches;
    glm::vec3 worldMin{0.0f}, worldMax{0.0f};
    std::vector<FrameBuffers> frames;
    OverlayGeometry overlay;
    std::map<std::pair<std::uint32_t, std::uint32_t>, gfx::RenderTargetHandle> imageTargets;
    RenderStats stats;

    explicit Impl(gfx::Device& d) : device(d) {}

    Status ensureBuffer(gfx::BufferHandle& h, std::uint64_t& cap, std::uint64_t need, gfx::BufferUsage usage) {
        if (h.valid() && cap >= need) return Ok{};
        if (h.valid()) device.destroy(h);
        cap = std::max<std::uint64_t>(need + need / 2, 4096);
        auto b = device.createBuffer(gfx::BufferDesc{cap, usage, true});
        if (!b) return b.error();
        h = *b;
        return Ok{};
    }

    FrameUniforms uniformsFor(const RenderSnapshot& s, const ViewDesc& v, const glm::mat4& sunVP) const;
};

Renderer::Renderer(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

Renderer::~Renderer() {
    if (!impl_) return;
    Impl& r = *impl_;
    r.device.waitIdle();
    for (auto p : {r.lit, r.litAfterPrepass, r.depthPrepass, r.shadow, r.sky, r.water, r.fire}) r.device.destroy(p);
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

    auto sm = device.createRenderTarget(
        gfx::RenderTargetDesc{r.desc.shadowMapSize, r.desc.shadowMapSize, gfx::PassKind::Shadow, 1});
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
    std::vector<gfx::LitVertex> verts;
    std::vector<std::uint32_t> idx;
    glm::vec3 lo(1e30f), hi(-1e30f);
    const std::uint32_t white = packColor(glm::vec4(1.0f));
    for (std::size_t mat = 0; mat < byMaterial.size(); ++mat) {
        if (byMaterial[mat].empty()) continue;
        WorldBatch b;
        b.firstIndex = static_cast<std::uint32_t>(idx.size());
        for (const assets::Mesh* m : byMaterial[mat]) {
            const std::uint32_t base = static_cast<std::uint32_t>(verts.size());
            MeshRange range;
            range.firstIndex = static_cast<std::uint32_t>(idx.size());
            range.indexCount = static_cast<std::uint32_t>(m->indices.size());
            range.lo = glm::vec3(1e30f);
            range.hi = glm::vec3(-1e30f);
            for (const auto& v : m->vertices) {
                range.lo = glm::min(range.lo, v.position);
                range.hi = glm::max(range.hi, v.position);
                verts.push_back({{v.position.x, v.position.y, v.position.z},
                                 {v.normal.x, v.normal.y, v.normal.z},
                                 {v.uv.x, v.uv.y},
                                 white});
                lo = glm::min(lo, v.position);
                hi = glm::max(hi, v.position);
            }
            for (std::uint32_t i : m->indices) {
                if (i >= m->vertices.size())
                    return makeError("mesh index out of range", model.sourcePath, 0, "meshes." + m->name + ".indices");
                idx.push_back(base + i);
            }
            b.meshes.push_back(range);
        }
        b.indexCount = static_cast<std::uint32_t>(idx.size()) - b.firstIndex;
        if (mat < model.materials.size()) {
            const auto& m = model.materials[mat];
            const float smooth = 1.0f - std::clamp(m.roughness, 0.0f, 1.0f);
            b.constants.baseColor = m.baseColor;
            b.constants.emissive = glm::vec4(m.emissive, 0.08f + 0.9f * smooth * smooth);
        } else {
            b.constants.baseColor = glm::vec4(0.7f, 0.7f, 0.7f, 1.0f);
            b.constants.emissive = glm::vec4(0.0f, 0.0f, 0.0f, 0.1f);
        }
        r.worldBatches.push_back(b);
    }
    const auto textured = std::count_if(model.materials.begin(), model.materials.end(),
                                        [](const assets::Material& m) { return !m.baseColorTexture.empty(); });
    if (textured > 0)
        CD_LOG_INFO("render: %zu material(s) name a base colour texture; drawn with their base colour only",
                    static_cast<std::size_t>(textured));
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

FrameUniforms Renderer::Impl::uniformsFor(const RenderSnapshot& s, const ViewDesc& v, const glm::mat4& sunVP) const {
    FrameUniforms u{};
    const ViewMatrices m = viewMatrices(v);
    u.viewProj = m.viewProj;
    u.invViewProj = glm::inverse(m.viewProj);
    u.sunViewProj = sunVP;
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
    const glm::mat4 sunVP = sunViewProj(s.views[0], L, r.desc.shadowDistanceM, r.worldMin, r.worldMax, r.desc.shadowMapSize);
    auto* ubo = static_cast<std::uint8_t*>(r.device.mapped(fb.uniforms));
    for (std::size_t i = 0; i < nViews; ++i) {
        FrameUniforms u = r.uniformsFor(s, s.views[i], sunVP);
        std::memcpy(ubo + stride * i, &u, sizeof(u));
    }
    const auto uboRange = static_cast<std::uint32_t>(sizeof(FrameUniforms));
    const bool shadows = s.sun.shadows && L.z > 0.02f;

    // Visible index ranges per material batch for one frustum; neighbouring visible meshes merge,
    // so a fully visible batch is still one draw.
    std::vector<std::pair<std::uint32_t, std::uint32_t>> ranges;  // (first, count)
    std::vector<std::size_t> batchEnd;                             // ranges.size() after each batch
    auto cullWorld = [&](const glm::mat4& viewProj) {
        ranges.clear();
        batchEnd.clear();
        const Frustum f(viewProj);
        for (const WorldBatch& b : r.worldBatches) {
            for (const MeshRange& m : b.meshes) {
                if (!f.intersects(m.lo, m.hi)) continue;
                const bool extend = ranges.size() > (batchEnd.empty() ? 0 : batchEnd.back()) &&
                                    ranges.back().first + ranges.back().second == m.firstIndex;
                if (extend) ranges.back().second += m.indexCount;
                else ranges.push_back({m.firstIndex, m.indexCount});
            }
            batchEnd.push_back(ranges.size());
        }
    };
    auto drawWorld = [&](bool withConstants) {
        if (!r.worldIndices.valid()) return;
        cmd.bindVertexBuffer(r.worldVertices);
        cmd.bindIndexBuffer(r.worldIndices);
        std::size_t begin = 0;
        for (std::size_t bi = 0; bi < r.worldBatches.size(); ++bi) {
            const std::size_t end = batchEnd[bi];
            if (end > begin && withConstants)
                cmd.pushConstants(&r.worldBatches[bi].constants, sizeof(r.worldBatches[bi].constants));
            for (std::size_t i = begin; i < end; ++i) cmd.drawIndexed(ranges[i].second, ranges[i].first);
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
                DrawConstants c{b.baseColor, b.emissive};
                cmd.pushConstants(&c, sizeof(c));
            }
            cmd.drawIndexed(b.indexCount, b.firstIndex);
        }
    };
    auto hasOverlay = [&](OverlayPipeline which) {
        return std::any_of(r.overlay.batches.begin(), r.overlay.batches.end(),
                           [&](const OverlayBatch& b) { return b.pipeline == which; });
    };

    // 1. Sun shadow map.
    if (shadows) {  // else the views bind gfx's lit 1x1 dummy map instead
        cmd.beginPass(r.shadowMap, gfx::ClearValues{});
        cmd.bindPipeline(r.shadow);
        cmd.bindGlobals(fb.uniforms, 0, uboRange, {});
        cullWorld(sunVP);
        drawWorld(false);
        drawOverlay(OverlayPipeline::Lit, false);
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
        cullWorld(viewMatrices(s.views[i]).viewProj);
        if (r.prepass) {
            cmd.bindPipeline(r.depthPrepass);
            cmd.bindGlobals(fb.uniforms, offset, uboRange, shadows ? r.shadowMap : gfx::RenderTargetHandle{});
            drawWorld(false);
            cmd.bindPipeline(r.litAfterPrepass);
        } else {
            cmd.bindPipeline(r.lit);
        }
        cmd.bindGlobals(fb.uniforms, offset, uboRange, shadows ? r.shadowMap : gfx::RenderTargetHandle{});
        drawWorld(true);
        cmd.bindPipeline(r.lit);
        drawOverlay(OverlayPipeline::Lit, true);
        cmd.bindPipeline(r.sky);
        glm::vec4 viewport(float(r.device.width(targets[i])), float(r.device.height(targets[i])), 0.0f, 0.0f);
        cmd.pushConstants(&viewport, sizeof(viewport));
        cmd.draw(3);
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
