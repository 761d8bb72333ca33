// Smoke fronts along corridors (smoke_front.h). The zone model keeps one layer per room; in a
// corridor the layer's gas is held to the part its front has covered, spread evenly over it
// (Huppert & Simpson's box model), until it has reached both ends. Each source feeds a span
// from where it enters: an opening through which the upper layer of the room beyond flows in
// hotter than the corridor's air, or a fire burning in the corridor. Each source's current
// cools as it runs (smoke_front.h): the layer's temperature falls away from the sources, its
// mean the zone's; the layer's own exchange along its depth evens that fall out where the feed
// is weak (a shut, filled corridor). The fronts change what the queries, detectors, sprinklers and items see,
// not the zone's flows or balances (as CFAST 6's corridor model, which delayed and cooled only
// what its detectors and targets saw).
#include <algorithm>
#include <cmath>

#include "fire/radiant_heat.h"
#include "fire/smoke_front.h"
#include "fire_model_impl.h"

namespace cd::fire {

namespace {
constexpr double kFeedKgS = 1e-5;  // an upper-layer inflow below this feeds no front
constexpr double kFeedExcessK = 1.0;  // nor one within this of the corridor's air
}  // namespace

void FireModel::Impl::buildSmokeFronts() {
    corridorAxis.assign(n, -1);
    corridorFilled.assign(n, 0);
    corridorCover.assign(n, 0.0);
    corridorProfile.assign(n, CorridorProfile{});
    const int nv = static_cast<int>(va.size());
    ventSpan.assign(2 * nv, FrontSpan{});
    ventSpanAt.assign(2 * nv, std::nan(""));
    frontSlotStart.assign(n + 1, 0);
    frontSlots.clear();
    for (int r = 0; r < n; ++r) {
        if (def.rooms[static_cast<std::size_t>(r)].corridor) corridorAxis[r] = x1[r] - x0[r] >= y1[r] - y0[r] ? 0 : 1;
        frontSlotStart[r] = static_cast<int>(frontSlots.size());
        if (corridorAxis[r] < 0) continue;
        const bool alongX = corridorAxis[r] == 0;
        const double lo = alongX ? x0[r] : y0[r], hi = alongX ? x1[r] : y1[r];
        for (int v = 0; v < nv; ++v) {
            for (int side = 0; side < 2; ++side) {
                const int room = side == 0 ? vb[v] : va[v], other = side == 0 ? va[v] : vb[v];
                if (room != r || other == r) continue;
                // Where it lies: a placed wall opening's place; between two rooms the middle of
                // their shared extent along the corridor (the other room's centre when they
                // share none); unknown for leaks and unplaced openings to outside.
                const OpeningDef* o = v < nOpen && !vceiling[v] ? &def.openings[static_cast<std::size_t>(v)] : nullptr;
                if (o && o->placed) {
                    ventSpanAt[2 * v + side] = std::clamp(alongX ? o->centerXM : o->centerYM, lo, hi) - lo;
                } else if (other >= 0) {
                    const double olo = alongX ? x0[other] : y0[other], ohi = alongX ? x1[other] : y1[other];
                    const double a = std::max(lo, olo), b = std::min(hi, ohi);
                    ventSpanAt[2 * v + side] = std::clamp(a <= b ? 0.5 * (a + b) : 0.5 * (olo + ohi), lo, hi) - lo;
                }
                if (other < 0) continue;  // outside feeds no smoke
                frontSlots.push_back(2 * v + side);
            }
        }
    }
    frontSlotStart[n] = static_cast<int>(frontSlots.size());
    coverSpans.assign(n, {});
    for (int r = 0; r < n; ++r)
        if (corridorAxis[r] >= 0) coverSpans[r].reserve(frontSlotStart[r + 1] - frontSlotStart[r] + 4);
}

void FireModel::Impl::mergeSpans(int r) {
    std::vector<FrontSpan>& out = coverSpans[r];
    out.clear();
    for (int k = frontSlotStart[r]; k < frontSlotStart[r + 1]; ++k)
        if (const FrontSpan& s = ventSpan[frontSlots[k]]; s.started) out.push_back(s);
    for (const auto& f : fires)
        if (f.room == r && f.front.started) out.push_back(f.front);
    std::sort(out.begin(), out.end(), [](const FrontSpan& a, const FrontSpan& b) { return a.lo < b.lo; });
    std::size_t m = 0;
    for (const FrontSpan& s : out) {
        if (m > 0 && s.lo <= out[m - 1].hi) {
            out[m - 1].hi = std::max(out[m - 1].hi, s.hi);
        } else {
            out[m++] = s;
        }
    }
    out.resize(m);
    corridorCover[r] = 0;
    for (const FrontSpan& s : out) corridorCover[r] += s.hi - s.lo;
}

double FireModel::Impl::frontDepthM(int r) const {
    const double width = corridorAxis[r] == 0 ? y1[r] - y0[r] : x1[r] - x0[r];
    return std::min(volU[r] / (width * std::max(corridorCover[r], 1e-6)), height[r]);
}

void FireModel::Impl::advanceSmokeFronts(double dt) {
    for (int r = 0; r < n; ++r) {
        if (corridorAxis[r] < 0) continue;
        const bool alongX = corridorAxis[r] == 0;
        const double length = alongX ? x1[r] - x0[r] : y1[r] - y0[r];
        // New sources: a span as wide as the opening (a fire: its diameter) where it enters.
        auto start = [&](FrontSpan& s, double at, double halfWidth, double sourceK) {
            s.started = true;
            s.atM = std::clamp(at, 0.0, length);
            s.lo = std::max(0.0, s.atM - halfWidth);
            s.hi = std::min(length, s.atM + halfWidth);
            s.sourceK = sourceK;
        };
        for (int k = frontSlotStart[r]; k < frontSlotStart[r + 1]; ++k) {
            const int slot = frontSlots[k], v = slot / 2;
            FrontSpan& s = ventSpan[slot];
            if (s.started) continue;
            const int other = slot % 2 == 0 ? va[v] : vb[v];
            const double feed = slot % 2 == 0 ? vflow[v].fromAUpper : vflow[v].fromBUpper;
            if (feed > kFeedKgS && tU[other] > tL[r] + kFeedExcessK)
                start(s, ventSpanAt[slot], 0.5 * (vceiling[v] ? std::sqrt(vw[v]) : vw[v]), tU[other]);
        }
        for (auto& f : fires) {
            if (f.room != r || f.front.started || !f.ignited || f.hrrKw <= 0) continue;
            start(f.front, (alongX ? f.def.positionM.x - x0[r] : f.def.positionM.y - y0[r]), 0.5 * f.diameterM, 0.0);
        }
        if (frontMoving(r)) {
            mergeSpans(r);
            if (!coverSpans[r].empty()) {
                // Every front moves at the box model's speed: the layer spread over the covered floor.
                const double step = frontSpeedMS(r) * dt;
                auto grow = [&](FrontSpan& s) {
                    if (!s.started) return;
                    s.lo = std::max(0.0, s.lo - step);
                    s.hi = std::min(length, s.hi + step);
                };
                for (int k = frontSlotStart[r]; k < frontSlotStart[r + 1]; ++k) grow(ventSpan[frontSlots[k]]);
                for (auto& f : fires)
                    if (f.room == r) grow(f.front);
                mergeSpans(r);
                if (corridorCover[r] >= length * (1.0 - 1e-9)) {
                    corridorFilled[r] = 1;
                    pushEvent(FireEventType::CorridorFilled, r, -1, -1, length);
                }
            }
        }
        updateCorridorDecay(r, dt);
    }
}

double FireModel::Impl::frontSpeedMS(int r) const {
    if (!frontMoving(r) || coverSpans[r].empty()) return 0.0;
    const double gPrime = kGravity * std::max(0.0, tU[r] - tL[r]) / tU[r];
    return gravityCurrentSpeedMS(frontDepthM(r), height[r], gPrime);
}

double FireModel::Impl::corridorShape(int r, double s) const {
    double shape = 0;
    bool any = false;
    auto take = [&](const FrontSpan& f) {
        if (!f.started) return;
        any = true;
        shape = std::max(shape, f.weight * std::exp(-std::fabs(s - f.atM) * f.decayPerM));
    };
    for (int k = frontSlotStart[r]; k < frontSlotStart[r + 1]; ++k) take(ventSpan[frontSlots[k]]);
    for (const auto& f : fires)
        if (f.room == r) take(f.front);
    return any ? shape : 1.0;
}

void FireModel::Impl::updateCorridorDecay(int r, double dt) {
    const bool alongX = corridorAxis[r] == 0;
    const double length = alongX ? x1[r] - x0[r] : y1[r] - y0[r], width = alongX ? y1[r] - y0[r] : x1[r] - x0[r];
    const double depth = frontMoving(r) ? frontDepthM(r) : ceilZ[r] - zInt[r];
    const double surfaceK = wallU[static_cast<size_t>(r) * kWallNodes], floorK = wallL[static_cast<size_t>(r) * kWallNodes];
    const double loss = currentHeatLossWPerM(width, depth, tU[r], surfaceK, floorK,
                                             convectiveCoefficientWM2K(tU[r], surfaceK), emissU[r]);
    const double excess = tU[r] - tL[r];
    CorridorProfile& p = corridorProfile[r];
    p.hottestFedK = 0;
    bool fed = false, fireFed = false;
    // The layer's gas runs along at the larger of two flows: its source's feed, or the exchange
    // its own difference along the stretch drives (layerExchangeSpeedMS, from the last step's
    // shape: the hotter gas over the cooler in each half of its depth). They are the same kind
    // of buoyant flow under the ceiling, not two to add: a strong feed keeps the fall its loss
    // gives, a weak one (a shut, filled corridor) leaves the layer to even out. A source's
    // current takes the decay that flow gives over the time it needs to replace the layer;
    // without a feed the exchange evens the layer out over that time.
    const double alongK = p.shapeMean > 0 ? excess * (p.shapeMax - p.shapeMin) / p.shapeMean : 0.0;
    const double exchangeKgS = volU[r] <= 0 ? 0.0 : mU[r] / volU[r] * width * 0.5 * depth * layerExchangeSpeedMS(depth, tU[r], alongK);
    auto relax = [&](FrontSpan& s, double feedKgS) {
        if (!s.started) return;
        fed = true;
        const bool feeds = feedKgS > kFeedKgS && excess > kFeedExcessK;
        const double flowKgS = std::max(feeds ? feedKgS : 0.0, exchangeKgS);
        if (flowKgS <= kFeedKgS) return;
        const double target = feeds ? 1.0 / currentDecayLengthM(flowKgS, excess, loss) : 0.0;
        s.decayPerM += (target - s.decayPerM) * std::min(1.0, dt * flowKgS / std::max(mU[r], 1e-12));
    };
    for (int k = frontSlotStart[r]; k < frontSlotStart[r + 1]; ++k) {
        const int slot = frontSlots[k], v = slot / 2;
        FrontSpan& s = ventSpan[slot];
        relax(s, slot % 2 == 0 ? vflow[v].fromAUpper : vflow[v].fromBUpper);
        if (!s.started) continue;
        s.sourceK = tU[slot % 2 == 0 ? va[v] : vb[v]];
        p.hottestFedK = std::max(p.hottestFedK, s.sourceK);
    }
    for (auto& f : fires) {
        if (f.room != r) continue;
        relax(f.front, f.plumeKgS);
        fireFed |= f.front.started;
    }
    // A source's excess over the lower layer against the hottest source's (a fire in the corridor
    // counts as at least the layer's mean): a room filled from the corridor and giving some of
    // its cooler layer back (a dead-end room off it) does not heat the corridor at its door as
    // the fire room's door does.
    const double hottestK = fireFed ? std::max(p.hottestFedK, tU[r]) : p.hottestFedK;
    for (int k = frontSlotStart[r]; k < frontSlotStart[r + 1]; ++k) {
        FrontSpan& s = ventSpan[frontSlots[k]];
        s.weight = hottestK > tL[r] ? std::clamp((s.sourceK - tL[r]) / (hottestK - tL[r]), 0.0, 1.0) : 1.0;
    }
    if (fireFed) p.hottestFedK = 0;
    p.shapeMean = 0;
    if (!fed) return;
    // The shape's mean over the layer: the covered spans while the front moves, then the whole
    // corridor (midpoint rule, 32 points per span).
    constexpr int kPoints = 32;
    double sum = 0, covered = 0;
    p.shapeMax = 0;
    p.shapeMin = 1;
    auto integrate = [&](double a, double b) {
        const double h = (b - a) / kPoints;
        for (int i = 0; i < kPoints; ++i) {
            const double shape = corridorShape(r, a + (i + 0.5) * h);
            sum += shape * h;
            p.shapeMax = std::max(p.shapeMax, shape);
            p.shapeMin = std::min(p.shapeMin, shape);
        }
        covered += b - a;
    };
    if (frontMoving(r)) {
        for (const FrontSpan& span : coverSpans[r]) integrate(span.lo, span.hi);
    } else {
        integrate(0.0, length);
    }
    p.shapeMean = covered > 0 ? sum / covered : 0.0;
}

double FireModel::Impl::layerTempAtK(int r, double px, double py) const {
    const CorridorProfile& p = corridorProfile[r];
    if (corridorAxis[r] < 0 || std::isnan(px) || !(p.shapeMean > 0)) return tU[r];
    const double s = corridorAxis[r] == 0 ? px - x0[r] : py - y0[r];
    const double k = tL[r] + (tU[r] - tL[r]) * corridorShape(r, s) / p.shapeMean;
    return p.hottestFedK > 0 ? std::min(k, std::max(p.hottestFedK, tU[r])) : k;
}

double FireModel::Impl::layerFluxWM2(int r, double layerK) const {
    const double a4 = std::pow(ambientK, 4), tw = wallU[static_cast<size_t>(r) * kWallNodes];
    return kStefanBoltzmann * (emissU[r] * (std::pow(layerK, 4) - a4) + (1.0 - emissU[r]) * (std::pow(tw, 4) - a4));
}

double FireModel::Impl::openingInterfaceZ(int slot, double zoneZ) const {
    const int v = slot / 2, r = slot % 2 == 0 ? vb[v] : va[v];
    if (r < 0 || vceiling[v] || !frontMoving(r) || std::isnan(ventSpanAt[slot])) return zoneZ;
    const double s = ventSpanAt[slot];
    for (const FrontSpan& span : coverSpans[r])
        if (s >= span.lo && s <= span.hi) return ceilZ[r] - frontDepthM(r);
    return 1e30;
}

double FireModel::Impl::interfaceAtZ(int r, double px, double py) const {
    if (!frontMoving(r) || std::isnan(px)) return zInt[r];
    const bool alongX = corridorAxis[r] == 0;
    const double s = alongX ? px - x0[r] : py - y0[r];
    for (const FrontSpan& span : coverSpans[r])
        if (s >= span.lo && s <= span.hi) return ceilZ[r] - frontDepthM(r);
    return ceilZ[r];
}

double FireModel::Impl::layerViewFactor(int r, double px, double py, double z) const {
    if (!frontMoving(r) || std::isnan(px))
        return viewFactorToParallelRectangle(x0[r], x1[r], y0[r], y1[r], px, py, zInt[r] - z);
    const bool alongX = corridorAxis[r] == 0;
    const double layerZ = ceilZ[r] - frontDepthM(r);
    double f = 0;
    for (const FrontSpan& span : coverSpans[r]) {
        const double a = (alongX ? x0[r] : y0[r]) + span.lo, b = (alongX ? x0[r] : y0[r]) + span.hi;
        f += alongX ? viewFactorToParallelRectangle(a, b, y0[r], y1[r], px, py, layerZ - z)
                    : viewFactorToParallelRectangle(x0[r], x1[r], a, b, px, py, layerZ - z);
    }
    return f;
}

std::vector<SmokeCover> FireModel::smokeCover(int r) const {
    const auto& m = *impl_;
    std::vector<SmokeCover> out;
    if (r < 0 || r >= m.n) return out;
    if (!m.frontMoving(r)) {
        out.push_back({m.x0[r], m.y0[r], m.x1[r], m.y1[r], m.zInt[r] - m.floorZ[r]});
        return out;
    }
    const double layer = m.height[r] - m.frontDepthM(r);
    for (const FrontSpan& s : m.coverSpans[r]) {
        if (m.corridorAxis[r] == 0)
            out.push_back({m.x0[r] + s.lo, m.y0[r], m.x0[r] + s.hi, m.y1[r], layer});
        else
            out.push_back({m.x0[r], m.y0[r] + s.lo, m.x1[r], m.y0[r] + s.hi, layer});
    }
    return out;
}

bool FireModel::isCorridor(int r) const { return r >= 0 && r < impl_->n && impl_->corridorAxis[r] >= 0; }

double FireModel::smokeCoverM(int r) const {
    const auto& m = *impl_;
    if (r < 0 || r >= m.n) return 0.0;
    if (m.corridorAxis[r] < 0) return 0.0;
    return m.corridorFilled[r] ? (m.corridorAxis[r] == 0 ? m.x1[r] - m.x0[r] : m.y1[r] - m.y0[r]) : m.corridorCover[r];
}

}  // namespace cd::fire
