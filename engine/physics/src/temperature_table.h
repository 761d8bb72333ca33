#pragma once
// A material property tabulated against temperature (the Eurocodes' tables).
#include <iterator>

namespace cd::physics {

template <typename T>
struct TemperatureRow {
    T tempC;
    T value;
};

/// Linear between the rows, held at the first row's value below it (and for NaN) and at the
/// last's above it; two rows at one temperature make a step there.
template <typename Rows, typename T>
T interpolateTable(const Rows& rows, T t) {
    const auto n = std::size(rows);
    if (!(t > rows[0].tempC)) return rows[0].value;
    for (decltype(std::size(rows)) i = 1; i < n; ++i)
        if (t <= rows[i].tempC) {
            const auto& a = rows[i - 1];
            const auto& b = rows[i];
            return b.tempC > a.tempC ? a.value + (t - a.tempC) / (b.tempC - a.tempC) * (b.value - a.value) : b.value;
        }
    return rows[n - 1].value;
}

}  // namespace cd::physics
