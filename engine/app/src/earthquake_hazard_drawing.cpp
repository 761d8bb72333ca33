// The earthquake hazard as the renderer and the report see it: the bodies to draw, the shut
// doors, the structure that fell (cut away from the district's model) and the edges of the hole
// it left, and the figures of the shaking and its damage.
#include <algorithm>

#include <glm/common.hpp>
#include <glm/geometric.hpp>
#include <glm/vector_relational.hpp>

#include "earthquake_hazard.h"
#include "earthquake_hazard_impl.h"
#include "physics/seismic_intensity.h"

namespace cd::app {

std::vector<render::BoxInstance> EarthquakeHazard::shutDoors() const {
    std::vector<render::BoxInstance> out;
    for (physics::BodyId p : impl_->panels) {
        if (!impl_->world->doorPanelShut(p)) continue;
        const physics::BodyState s = impl_->world->bodyState(p);
        out.push_back({s.positionM, s.halfExtentsM, s.orientation, kDoorColor});
    }
    return out;
}

render::BoxInstance EarthquakeHazard::bodyBox(std::size_t i) const {
    const physics::BodyState s = impl_->world->bodyState(impl_->movable.at(i));
    return {s.positionM, s.halfExtentsM, s.orientation, impl_->colors.at(i)};
}

std::vector<render::BoxInstance> EarthquakeHazard::boxesToDraw() const {
    const physics::PhysicsWorld& w = *impl_->world;
    constexpr float kTopHalfM = 0.015f, kLegHalfM = 0.02f, kLegInsetM = 0.03f;
    std::vector<render::BoxInstance> out;
    for (std::size_t i = 0; i < impl_->movable.size(); ++i) {
        const physics::BodyState s = w.bodyState(impl_->movable[i]);
        if (s.massKg <= 0.0f || s.removed) continue;
        const glm::vec3 h = s.halfExtentsM, c = impl_->colors[i];
        if (!impl_->desk[i]) {
            out.push_back({s.positionM, h, s.orientation, c});
            const glm::vec3 d = impl_->tieDir[i];
            if (d != glm::vec3(0.0f)) {
                // Its wall tie, an L-bracket: a flange on the top over the gap to the wall, and
                // one up the wall (the wall is 3 cm behind; a body tied along one of its axes).
                constexpr float kFlangeM = 0.03f, kPlateM = 0.0025f, kGapM = 0.03f;
                const glm::vec3 across(std::abs(d.y), std::abs(d.x), 0.0f), along(std::abs(d.x), std::abs(d.y), 0.0f);
                const float reach = glm::dot(along, h);
                const glm::vec3 top = d * (reach + 0.5f * kGapM - 0.5f * kFlangeM) + glm::vec3(0.0f, 0.0f, h.z + kPlateM);
                const glm::vec3 up = d * (reach + kGapM - kPlateM) + glm::vec3(0.0f, 0.0f, h.z + kFlangeM);
                out.push_back({s.positionM + s.orientation * top, across * kFlangeM + along * (0.5f * (kFlangeM + kGapM)) + glm::vec3(0.0f, 0.0f, kPlateM),
                               s.orientation, kBracketColor});
                out.push_back({s.positionM + s.orientation * up, across * kFlangeM + along * kPlateM + glm::vec3(0.0f, 0.0f, kFlangeM),
                               s.orientation, kBracketColor});
            }
            continue;
        }
        out.push_back({s.positionM + s.orientation * glm::vec3(0.0f, 0.0f, h.z - kTopHalfM), glm::vec3(h.x, h.y, kTopHalfM), s.orientation, c});
        for (int k = 0; k < 4; ++k) {
            const glm::vec3 leg((k & 1 ? 1.0f : -1.0f) * (h.x - kLegInsetM), (k & 2 ? 1.0f : -1.0f) * (h.y - kLegInsetM), -kTopHalfM);
            out.push_back({s.positionM + s.orientation * leg, glm::vec3(kLegHalfM, kLegHalfM, h.z - kTopHalfM), s.orientation, c * 0.6f});
        }
    }
    return out;
}

std::vector<render::BoxInstance> EarthquakeHazard::boxes() const {
    const physics::PhysicsWorld& w = *impl_->world;
    std::vector<render::BoxInstance> out;
    for (std::size_t i = 0; i < impl_->movable.size(); ++i) {
        const physics::BodyState s = w.bodyState(impl_->movable[i]);
        if (s.massKg <= 0.0f || s.removed) continue;  // intact structure (the district model draws it), carried away
        out.push_back({s.positionM, s.halfExtentsM, s.orientation, impl_->colors[i]});
    }
    return out;
}

std::vector<render::BoxInstance> EarthquakeHazard::holeSides(const std::vector<render::Aabb>& hidden) const {
    const Impl& im = *impl_;
    std::vector<render::BoxInstance> out;
    constexpr float kThickM = 0.02f, kProbeM = 0.05f;
    if (!im.roofSlabBottomZ) return out;  // no roof in the structure: no hole in it
    const float z0 = *im.roofSlabBottomZ, z1 = im.buildingMax.z;
    auto standing = [&](const glm::vec3& p) {  // roof still there: in the building, in no cutaway
        if (p.x <= im.buildingMin.x || p.x >= im.buildingMax.x || p.y <= im.buildingMin.y || p.y >= im.buildingMax.y) return false;
        for (const render::Aabb& h : hidden)
            if (glm::all(glm::greaterThanEqual(p, h.min)) && glm::all(glm::lessThanEqual(p, h.max))) return false;
        return true;
    };
    for (const render::Aabb& b : hidden) {
        if (b.max.z <= z1 || z1 <= z0) continue;  // not up through the roof
        const float midZ = 0.5f * (z0 + z1);
        for (int axis = 0; axis < 2; ++axis)
            for (int side = 0; side < 2; ++side) {
                const int across = 1 - axis;
                glm::vec3 lo = b.min, hi = b.max;
                lo.z = z0;
                hi.z = z1;
                lo[across] = std::max(lo[across], im.buildingMin[across]);
                hi[across] = std::min(hi[across], im.buildingMax[across]);
                if (hi[across] <= lo[across]) continue;
                const float face = side == 0 ? b.min[axis] : b.max[axis];
                glm::vec3 probe(0.0f, 0.0f, midZ);
                probe[axis] = face + (side == 0 ? -kProbeM : kProbeM);
                probe[across] = 0.5f * (lo[across] + hi[across]);
                if (!standing(probe)) continue;
                lo[axis] = side == 0 ? face : face - kThickM;
                hi[axis] = side == 0 ? face + kThickM : face;
                render::BoxInstance cap;
                cap.center = 0.5f * (lo + hi);
                cap.halfExtents = 0.5f * (hi - lo);
                cap.color = kConcreteColor;
                out.push_back(cap);
            }
    }
    return out;
}

std::vector<render::Aabb> EarthquakeHazard::fallenStructure() const {
    const Impl& im = *impl_;
    std::vector<render::Aabb> out;
    if (!im.structure.valid() || im.chunkDefs.empty()) return out;
    const auto chunks = im.world->structureChunks(im.structure);
    std::vector<int> memberOf;  // index into out per member
    for (std::size_t i = 0; i < chunks.size() && i < im.chunkDefs.size(); ++i) {
        if (im.world->bodyState(chunks[i]).massKg <= 0.0f) continue;  // still standing
        const physics::ChunkDef& c = im.chunkDefs[i];
        render::Aabb b{c.centerM - c.halfExtentsM, c.centerM + c.halfExtentsM};
        b.min.z = std::max(b.min.z, im.structureGroundZ + 0.05f);  // keep the floor under it
        // A piece of the roof slab takes the roof build-up and parapet above it (drawn with the
        // building, not in the physics) with it: left, they hung over the hole as a dark skin.
        if (c.kind == physics::MemberKind::Slab && c.storey == im.roofStorey) b.max.z = std::max(b.max.z, im.buildingMax.z + 0.05f);
        if (static_cast<std::size_t>(c.member) >= memberOf.size()) memberOf.resize(static_cast<std::size_t>(c.member) + 1, -1);
        int& k = memberOf[static_cast<std::size_t>(c.member)];
        if (k < 0) {
            k = static_cast<int>(out.size());
            out.push_back(b);
        } else {
            out[static_cast<std::size_t>(k)].min = glm::min(out[static_cast<std::size_t>(k)].min, b.min);
            out[static_cast<std::size_t>(k)].max = glm::max(out[static_cast<std::size_t>(k)].max, b.max);
        }
    }
    // Too many for the renderer: merge the pair whose union grows least, until they fit.
    auto volume = [](const render::Aabb& b) { return (b.max.x - b.min.x) * (b.max.y - b.min.y) * (b.max.z - b.min.z); };
    while (out.size() > render::kMaxHiddenBoxes) {
        std::size_t bi = 0, bj = 1;
        float best = 1e30f;
        for (std::size_t i = 0; i < out.size(); ++i)
            for (std::size_t j = i + 1; j < out.size(); ++j) {
                const render::Aabb u{glm::min(out[i].min, out[j].min), glm::max(out[i].max, out[j].max)};
                const float grow = volume(u) - volume(out[i]) - volume(out[j]);
                if (grow < best) {
                    best = grow;
                    bi = i;
                    bj = j;
                }
            }
        out[bi] = {glm::min(out[bi].min, out[bj].min), glm::max(out[bi].max, out[bj].max)};
        out.erase(out.begin() + static_cast<std::ptrdiff_t>(bj));
    }
    return out;
}

EarthquakeFigures EarthquakeHazard::figures() const {
    const Impl& im = *impl_;
    EarthquakeFigures f;
    f.startS = im.def->atS;
    if (!im.motions.empty()) {
        f.durationS = im.motions.front().durationS();
        f.pgaMS2 = im.motions.front().peakHorizontalMS2();
        f.jmaIntensity = im.intensity.front().instrumental;
        f.jmaClass = im.intensity.front().jmaClass;
    }
    f.aftershocks = static_cast<int>(im.motions.size()) - (im.motions.empty() ? 0 : 1);
    f.buildingPeriodS = im.buildingPeriodS;
    f.peakRoofMS2 = im.peakRoofMS2;
    f.storeyFailed = im.storeyFailed;
    f.storeyFailedS = im.storeyFailedS;
    f.storeyFailedModelled = im.storeyFailedModelled;
    if (const physics::BuildingSway* sway = im.world ? im.world->buildingSway() : nullptr; sway && sway->yields())
        for (int st = 1; st <= sway->storeys(); ++st) {
            if (sway->ductility(st) > f.ductility) {
                f.ductility = sway->ductility(st);
                f.yieldStorey = st;
            }
            f.permanentDriftM = std::max(f.permanentDriftM, static_cast<double>(glm::length(sway->plasticDriftM(st))));
        }
    if (const physics::BuildingSway* sway = im.world ? im.world->buildingSway() : nullptr; sway && im.damageThresholds) {
        f.damageModel = "HAZUS " + im.def->buildingType + " " + im.def->seismicDesign + "-code";
        for (int st = 1; st <= sway->storeys(); ++st) {
            const double ratio = sway->peakDriftM(st) / sway->storeyHeightM();
            f.storeyPeakDriftRatio.push_back(ratio);
            f.storeyDamage.push_back(physics::damageStateName(physics::damageStateAt(ratio, *im.damageThresholds)));
        }
    }
    if (!im.feltFloors.empty())
        for (const physics::GroundMotion& floor : im.feltFloors.front()) f.storeyJma.push_back(physics::jmaIntensityOfFiltered(floor).instrumental);
    f.itemsFallen = im.itemsFallen;
    f.ties = im.ties;
    f.tiesTorn = im.tiesTorn;
    for (std::size_t i = 0; i < im.movable.size(); ++i) {
        if (!im.furniture[i]) continue;
        const physics::BodyState b = im.world->bodyState(im.movable[i]);
        ++f.furniture;
        f.furnitureMoved += glm::length(b.positionM - im.startM[i]) > 0.05f;
        f.furnitureToppled += (b.orientation * glm::vec3(0.0f, 0.0f, 1.0f)).z < 0.7071f;
    }
    f.casualties = static_cast<int>(im.casualtyIds.size());
    f.casualtiesTrapped = im.trapped;
    if (im.structure.valid()) {
        const physics::StructureStats st = im.world->structureStats(im.structure);
        f.chunks = st.chunks;
        f.chunksLoose = st.chunksLoose;
        f.joints = st.joints;
        f.jointsBroken = st.jointsBroken;
    }
    f.blockedDoors.assign(blocked_.begin(), blocked_.end());
    return f;
}

}  // namespace cd::app
