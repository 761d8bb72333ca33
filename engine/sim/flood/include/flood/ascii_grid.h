#pragma once
/// ESRI ASCII raster (.asc): the DEM, Manning-n and depth grids of a flood run.
/// Rows are stored south to north (row 0 = southernmost), the reverse of the file order.
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"

namespace cd::flood {

struct AsciiGrid {
    int ncols = 0;
    int nrows = 0;
    double xllCornerM = 0.0;  ///< west edge of the grid (xllcenter headers are converted)
    double yllCornerM = 0.0;  ///< south edge of the grid
    double cellSizeM = 1.0;
    std::optional<double> nodata;  ///< NODATA_value when the header has one
    std::vector<double> values;    ///< ncols * nrows, index row * ncols + col, row 0 = south

    double at(int col, int row) const { return values[static_cast<size_t>(row) * ncols + col]; }
    bool isNodata(int col, int row) const { return nodata && at(col, row) == *nodata; }
    /// Same shape and georeference (to a millionth of a cell).
    bool sameShapeAs(const AsciiGrid& o) const;
    /// Line in the file that holds data row `row` (south-up index), for error messages.
    int fileLineOfRow(int row) const { return headerLines + (nrows - 1 - row) + 1; }
    int headerLines = 0;
};

/// Parses ESRI ASCII text; `path` only names the source in errors ("path:line: field: message").
Result<AsciiGrid> parseAsciiGrid(const std::string& text, const std::string& path);
Result<AsciiGrid> readAsciiGrid(const std::string& path);
/// Writes with an xllcorner/yllcorner header, north row first.
std::string formatAsciiGrid(const AsciiGrid& grid, int precision = 6);

}  // namespace cd::flood
