#pragma once
// Where a room's sprinkler heads go: a grid under its ceiling after NFPA 13 (2022) for light
// hazard occupancies (schools, offices): heads at most spacingM apart (15 ft, 4.6 m, at most) and
// at most half that from a wall, each protecting at most 20.9 m^2 (225 ft^2).

namespace cd::app {

/// Light hazard's largest protection area per head, m^2 (NFPA 13: 225 ft^2, hydraulically calculated).
inline constexpr double kSprinklerMaxAreaM2 = 20.9;
/// The deflector below a smooth ceiling (NFPA 13: 1 to 12 in).
inline constexpr double kSprinklerBelowCeilingM = 0.1;

struct SprinklerGrid {
    int nx = 1, ny = 1;  ///< heads along x and y; head (i, j) at ((i + 1/2) Lx / nx, (j + 1/2) Ly / ny)
};

/// The fewest heads in a regular grid over an lengthXM x lengthYM room that keep the spacing and
/// the area per head: nx = ceil(Lx / s), ny = ceil(Ly / s), then one more row or column along the
/// longer cell side until each cell is within the area.
SprinklerGrid sprinklerGrid(double lengthXM, double lengthYM, double spacingM);

}  // namespace cd::app
