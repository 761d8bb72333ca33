#include "sparse_lu.h"

#include <algorithm>
#include <cmath>
#include <set>

namespace cd::fire {

namespace {
std::uint64_t key(int i, int j) { return (std::uint64_t(std::uint32_t(i)) << 32) | std::uint32_t(j); }
}  // namespace

void SparseLu::build(int n, const std::vector<std::pair<int, int>>& edges) {
    n_ = n;
    std::vector<std::set<int>> adj(n);
    for (auto [i, j] : edges) {
        if (i == j) continue;
        adj[i].insert(j);
        adj[j].insert(i);
    }
    // Greedy minimum degree (ties by index, so the ordering is deterministic). Eliminating a
    // node joins all its remaining neighbours: the fill of the factor.
    std::vector<char> done(n, 0);
    std::set<std::pair<int, int>> byDegree;
    for (int i = 0; i < n; ++i) byDegree.insert({static_cast<int>(adj[i].size()), i});
    std::vector<std::pair<std::uint64_t, int>> slots;
    auto addSlot = [&](int i, int j) { slots.push_back({key(i, j), 0}); };
    for (int i = 0; i < n; ++i) addSlot(i, i);
    steps_.clear();
    later_.clear();
    while (!byDegree.empty()) {
        int p = byDegree.begin()->second;
        byDegree.erase(byDegree.begin());
        done[p] = 1;
        Step s{p, 0, static_cast<int>(later_.size()), 0};
        std::vector<int> nb(adj[p].begin(), adj[p].end());
        for (int j : nb) later_.push_back(j);
        s.laterEnd = static_cast<int>(later_.size());
        steps_.push_back(s);
        for (int j : nb) {
            addSlot(j, p);
            addSlot(p, j);
            byDegree.erase({static_cast<int>(adj[j].size()), j});
            adj[j].erase(p);
        }
        for (int j : nb)
            for (int k : nb)
                if (j != k) {
                    adj[j].insert(k);
                    addSlot(j, k);
                }
        for (int j : nb) byDegree.insert({static_cast<int>(adj[j].size()), j});
    }
    std::sort(slots.begin(), slots.end());
    slots.erase(std::unique(slots.begin(), slots.end(),
                            [](const auto& a, const auto& b) { return a.first == b.first; }),
                slots.end());
    for (size_t i = 0; i < slots.size(); ++i) slots[i].second = static_cast<int>(i);
    slotIndex_ = std::move(slots);
    values_.assign(slotIndex_.size(), 0.0);
    lowerSlot_.assign(later_.size(), 0);
    upperSlot_.assign(later_.size(), 0);
    updates_.clear();
    updateBegin_.assign(steps_.size() + 1, 0);
    for (size_t si = 0; si < steps_.size(); ++si) {
        Step& s = steps_[si];
        s.pivot = slot(s.node, s.node);
        for (int a = s.laterBegin; a < s.laterEnd; ++a) {
            lowerSlot_[a] = slot(later_[a], s.node);
            upperSlot_[a] = slot(s.node, later_[a]);
        }
        updateBegin_[si] = static_cast<int>(updates_.size());
        for (int a = s.laterBegin; a < s.laterEnd; ++a)
            for (int b = s.laterBegin; b < s.laterEnd; ++b)
                updates_.push_back({slot(later_[a], later_[b]), lowerSlot_[a], upperSlot_[b]});
    }
    updateBegin_[steps_.size()] = static_cast<int>(updates_.size());
}

int SparseLu::slot(int i, int j) const {
    auto it = std::lower_bound(slotIndex_.begin(), slotIndex_.end(), std::make_pair(key(i, j), -1));
    return (it != slotIndex_.end() && it->first == key(i, j)) ? it->second : -1;
}

void SparseLu::clear() { std::fill(values_.begin(), values_.end(), 0.0); }

bool SparseLu::factor() {
    double* v = values_.data();
    for (size_t si = 0; si < steps_.size(); ++si) {
        const Step& s = steps_[si];
        double piv = v[s.pivot];
        if (!(std::fabs(piv) > 0) || !std::isfinite(piv)) return false;
        for (int a = s.laterBegin; a < s.laterEnd; ++a) v[lowerSlot_[a]] /= piv;
        for (int u = updateBegin_[si]; u < updateBegin_[si + 1]; ++u) {
            const Update& up = updates_[u];
            v[up.target] -= v[up.left] * v[up.right];
        }
    }
    return true;
}

void SparseLu::solve(double* b) const {
    const double* v = values_.data();
    for (const Step& s : steps_)
        for (int a = s.laterBegin; a < s.laterEnd; ++a) b[later_[a]] -= v[lowerSlot_[a]] * b[s.node];
    for (auto it = steps_.rbegin(); it != steps_.rend(); ++it) {
        const Step& s = *it;
        double x = b[s.node];
        for (int a = s.laterBegin; a < s.laterEnd; ++a) x -= v[upperSlot_[a]] * b[later_[a]];
        b[s.node] = x / v[s.pivot];
    }
}

}  // namespace cd::fire
