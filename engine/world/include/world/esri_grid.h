#pragma once
/// ESRI ASCII raster (".asc") reading and writing for terrain grids (DEMs): the plain-text
/// format flood tools (LISFLOOD-FP, HEC-RAS import, GDAL's AAIGrid driver) exchange.
#include <string>

#include "core/result.h"
#include "world/district.h"

namespace cd::world {

/// Reads an ESRI ASCII grid. The file's first data row is the NORTH edge; Terrain row 0 is
/// the south edge, so rows are flipped. NODATA cells are an error (a terrain has no holes).
Result<Terrain> loadEsriAsciiGrid(const std::string& path);
/// Parses grid text; sourcePath names the file in errors (line numbers are 1-based).
Result<Terrain> parseEsriAsciiGrid(const std::string& text, const std::string& sourcePath);
/// Writes a grid with `decimals` digits after the point (fixed, locale-free, deterministic).
std::string formatEsriAsciiGrid(const Terrain& terrain, int decimals = 2);

}  // namespace cd::world
