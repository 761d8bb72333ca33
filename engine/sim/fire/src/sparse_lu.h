#pragma once
// Sparse LU factorisation for the room-pressure Jacobian. The sparsity pattern is the room
// graph (an entry wherever an opening joins two rooms), fixed at build time, so the ordering
// (greedy minimum degree), the fill and the whole elimination "program" are computed once;
// each Newton iteration then only refills the values, factorises and solves without
// allocating. No pivoting: the pressure Jacobian is diagonally dominant (an M-matrix up to
// sign), for which Gaussian elimination is stable in any order (Golub & Van Loan, sec. 4.1).
#include <cstdint>
#include <utility>
#include <vector>

namespace cd::fire {

class SparseLu {
public:
    /// n unknowns, undirected edges (i, j), i != j.
    void build(int n, const std::vector<std::pair<int, int>>& edges);

    /// Value slot of entry (row i, column j); i == j or (i, j) an edge given to build().
    int slot(int i, int j) const;

    void clear();
    double& at(int slot) { return values_[slot]; }

    /// Factorises in place; false if a pivot is zero or not finite.
    bool factor();
    /// Solves A x = b in place (after factor()).
    void solve(double* b) const;

private:
    struct Step {
        int node;
        int pivot;                 // slot (node, node)
        int laterBegin, laterEnd;  // range in later_: nodes eliminated after this one
    };
    struct Update {
        int target, left, right;   // A[target] -= A[left] * A[right]
    };
    int n_ = 0;
    std::vector<Step> steps_;
    std::vector<int> later_;        // neighbour node of each step
    std::vector<int> lowerSlot_;    // slot (later, node): the multiplier L
    std::vector<int> upperSlot_;    // slot (node, later): the row of U
    std::vector<int> updateBegin_;  // per step, range in updates_
    std::vector<Update> updates_;
    std::vector<double> values_;
    std::vector<std::pair<std::uint64_t, int>> slotIndex_;  // sorted (key, slot) for slot()
};

}  // namespace cd::fire
