// Bonds: chunks that come loose together fall together. When a load-flow pass (after a scripted
// collapse, fire weakening, shaking or an impact) releases several chunks at once, the links
// between them that did not fail themselves keep the chunks together as a falling cluster, held
// by Bullet breakable constraints (BondConstraint, a lean fixed joint, with btTypedConstraint::
// setBreakingImpulseThreshold: Bullet's sequential impulse solver clamps each constraint row's
// impulse at the threshold and disables the constraint once a row reaches it). A falling slab
// piece or wall panel therefore moves as one and breaks up where its impact exceeds the
// material's strength. Links to the ground or to a chunk still attached (static) break at
// release, as do all links of crushed (rubble) chunks.
//
// Cost and stiffness: a cluster is at most kMaxClusterChunks chunks, grown strongest link first
// (Kruskal, ties by link index); released links between clusters tear at release. Inside a
// cluster only a spanning tree (chunks - 1 links) become constraints; each bond's threshold is
// scaled by the cluster's total link capacity over its tree's (the cluster keeps its strength,
// spread over fewer bonds), and the other links ride along and break once the bonds joining their
// two chunks are gone. Measured on bench_collapse (pancake, 2 120 chunks, 10 iterations): a
// constraint for every link (4 886) cost 20 ms of CPU per step against 11.6 ms without bonds, and
// an uncapped tree over a 100-chunk floor (a chain of constraints too long for 10 iterations)
// crept on the rubble for 20 s without settling; capped trees stay stiff and cheap.
#include <algorithm>
#include <limits>
#include <numeric>

#include "bond_constraint.h"
#include "world_impl.h"

namespace cd::physics {
namespace {

/// Union-find over chunk indices (path halving), for the spanning forest and for splits.
struct ChunkSets {
    std::vector<int> parent;
    explicit ChunkSets(std::size_t n) : parent(n) { std::iota(parent.begin(), parent.end(), 0); }
    int find(int x) {
        while (parent[static_cast<std::size_t>(x)] != x) {
            parent[static_cast<std::size_t>(x)] = parent[static_cast<std::size_t>(parent[static_cast<std::size_t>(x)])];
            x = parent[static_cast<std::size_t>(x)];
        }
        return x;
    }
    std::vector<int> size;
    explicit ChunkSets(std::size_t n, bool) : ChunkSets(n) { size.assign(n, 1); }
    bool unite(int a, int b, int maxSize = std::numeric_limits<int>::max()) {
        a = find(a), b = find(b);
        if (a == b) return false;
        const auto lo = static_cast<std::size_t>(std::min(a, b)), hi = static_cast<std::size_t>(std::max(a, b));
        if (!size.empty()) {
            if (size[lo] + size[hi] > maxSize) return false;
            size[lo] += size[hi];
        }
        parent[hi] = static_cast<int>(lo);  // deterministic root
        return true;
    }
};

// A bay of slab (5 x 5 m) or a storey-high wall panel at 1.5 m chunks; see the cost note above.
constexpr int kMaxClusterChunks = 16;

/// The force a link carries before it fails, as the load flow judges it (tension and shear).
float linkCapacityN(const LinkRecord& l) {
    return l.capacityN <= 0.0f ? std::numeric_limits<float>::infinity() : l.capacityN * l.designScale * l.fireFactor;
}

}  // namespace

// The bond's breaking impulse is the force the load flow lets the link carry (its capacity in
// tension and shear, f A, raised by its design scale and lowered by fire) over one step: Bullet
// compares the impulse a constraint row applies in one step against it, so a sustained force
// above that capacity, or an impact whose impulse within the contact step exceeds it, breaks the
// bond. Bullet's threshold is symmetric, so the lower (tension/shear) capacity governs; bearing
// (10 f A in the load flow) is not given its extra strength, which errs towards breaking up.
// Bullet applies the same threshold to the angular rows (N m s against N s): a moment capacity of
// f A x 1 m, about 4x a 1.5 m deep section's elastic f A h / 6. A capacity of 0 is unbreakable.
float WorldImpl::bondImpulseNs(const LinkRecord& l) const { return linkCapacityN(l) * stepS; }

void WorldImpl::releaseChunks(StructureRecord& s, const std::vector<std::size_t>& chunks) {
    for (std::size_t c : chunks) makeDynamic(s, c);
    const auto si = static_cast<int>(&s - structures.data());
    // The links among the released chunks, in a fixed order (chunk order, then each chunk's
    // link order); the others tear as the chunk falls.
    std::vector<int> inner;
    for (std::size_t c : chunks) {
        for (int li : s.linksOf[c]) {
            LinkRecord& l = s.links[static_cast<std::size_t>(li)];
            if (l.broken || l.bond >= 0 || l.riding) continue;
            const int other = l.a == static_cast<int>(c) ? l.b : l.a;
            if (other < 0 || s.attached[static_cast<std::size_t>(other)] || !s.bondLooseChunks) {
                breakLink(s, li);  // to the ground or to a chunk still standing
                continue;
            }
            // Both came loose in this pass (a chunk released earlier lost its links to the ones
            // then attached); each such link is met twice, once from each chunk.
            if (static_cast<std::size_t>(other) > c) inner.push_back(li);
        }
    }
    if (inner.empty()) return;
    // Maximum spanning forest: strongest links first, ties by link index.
    std::vector<int> byStrength = inner;
    std::stable_sort(byStrength.begin(), byStrength.end(), [&](int x, int y) {
        const float cx = linkCapacityN(s.links[static_cast<std::size_t>(x)]);
        const float cy = linkCapacityN(s.links[static_cast<std::size_t>(y)]);
        return cx > cy || (cx == cy && x < y);
    });
    ChunkSets sets(s.chunks.size(), true);
    std::vector<std::uint8_t> inTree(s.links.size(), 0);
    for (int li : byStrength) {
        const LinkRecord& l = s.links[static_cast<std::size_t>(li)];
        if (sets.unite(l.a, l.b, kMaxClusterChunks)) inTree[static_cast<std::size_t>(li)] = 1;
    }
    // Links between clusters the cap kept apart tear now.
    std::vector<int> kept;
    for (int li : inner) {
        const LinkRecord& l = s.links[static_cast<std::size_t>(li)];
        if (sets.find(l.a) == sets.find(l.b)) kept.push_back(li);
        else breakLink(s, li);
    }
    inner.swap(kept);
    // Per cluster (root chunk): the capacity of all its links and of its tree's breakable links.
    std::vector<double> allN(s.chunks.size(), 0.0), treeN(s.chunks.size(), 0.0);
    for (int li : inner) {
        const LinkRecord& l = s.links[static_cast<std::size_t>(li)];
        if (l.capacityN <= 0.0f) continue;
        const auto root = static_cast<std::size_t>(sets.find(l.a));
        allN[root] += linkCapacityN(l);
        if (inTree[static_cast<std::size_t>(li)]) treeN[root] += linkCapacityN(l);
    }
    for (int li : inner) {
        LinkRecord& l = s.links[static_cast<std::size_t>(li)];
        if (!inTree[static_cast<std::size_t>(li)]) {
            l.riding = true;
            s.ridingLinks.push_back(li);
            continue;
        }
        const auto root = static_cast<std::size_t>(sets.find(l.a));
        const float scale = treeN[root] > 0.0 ? static_cast<float>(allN[root] / treeN[root]) : 1.0f;
        btRigidBody* a = bodies[s.chunks[static_cast<std::size_t>(l.a)].index].body;
        btRigidBody* b = bodies[s.chunks[static_cast<std::size_t>(l.b)].index].body;
        // Held at the centre of their shared face, where they stand now.
        btTransform face;
        face.setIdentity();
        face.setOrigin(bt(l.pointM));
        auto fixed = std::make_unique<BondConstraint>(*a, *b, a->getWorldTransform().inverse() * face,
                                                      b->getWorldTransform().inverse() * face);
        fixed->setBreakingImpulseThreshold(bondImpulseNs(l) * scale);
        // Bonded chunks do not collide with each other: the crack holds their faces 4 mm apart
        // anyway, and the pairs would cost broadphase and narrowphase time.
        world->addConstraint(fixed.get(), true);
        l.bond = static_cast<int>(bonds.size());
        bonds.push_back(BondRecord{std::move(fixed), si, li, scale, false});
    }
}

void WorldImpl::updateBonds() {
    std::vector<std::uint8_t> split(structures.size(), 0);
    for (BondRecord& bd : bonds) {
        if (bd.broken) continue;
        StructureRecord& s = structures[static_cast<std::size_t>(bd.structure)];
        const LinkRecord& l = s.links[static_cast<std::size_t>(bd.link)];
        // A chunk carried away (removeBody, which takes its constraints out too) ends its bonds.
        const bool carried = bodies[s.chunks[static_cast<std::size_t>(l.a)].index].removed ||
                             bodies[s.chunks[static_cast<std::size_t>(l.b)].index].removed;
        if (!carried && bd.constraint->isEnabled()) continue;
        bd.broken = true;
        world->removeConstraint(bd.constraint.get());  // a no-op when removeBody took it out
        breakLink(s, bd.link);
        split[static_cast<std::size_t>(bd.structure)] = 1;
    }
    for (std::size_t si = 0; si < structures.size(); ++si)
        if (split[si]) splitRidingLinks(structures[si]);
}

// A riding link breaks once no chain of holding bonds joins its two chunks.
void WorldImpl::splitRidingLinks(StructureRecord& s) {
    if (s.ridingLinks.empty()) return;
    ChunkSets sets(s.chunks.size());
    for (const BondRecord& bd : bonds)
        if (!bd.broken && &structures[static_cast<std::size_t>(bd.structure)] == &s) {
            const LinkRecord& l = s.links[static_cast<std::size_t>(bd.link)];
            sets.unite(l.a, l.b);
        }
    std::vector<int> still;
    for (int li : s.ridingLinks) {
        const LinkRecord& l = s.links[static_cast<std::size_t>(li)];
        if (sets.find(l.a) == sets.find(l.b)) {
            still.push_back(li);
            continue;
        }
        breakLink(s, li);
    }
    s.ridingLinks.swap(still);
}

}  // namespace cd::physics
