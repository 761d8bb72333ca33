// ESRI ASCII grid: six header lines (ncols, nrows, xllcorner|xllcenter, yllcorner|yllcenter,
// cellsize, optional NODATA_value) then nrows rows of ncols numbers, north row first.
#include "core/parse_number.h"
#include "world/esri_grid.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "core/files.h"

namespace cd::world {

namespace {

struct Tokenizer {
    const std::string& text;
    std::size_t pos = 0;
    int line = 1;

    /// Next whitespace-separated token; empty at the end.
    std::string next(int& tokenLine) {
        while (pos < text.size() && std::isspace(static_cast<unsigned char>(text[pos]))) {
            if (text[pos] == '\n') ++line;
            ++pos;
        }
        tokenLine = line;
        const std::size_t start = pos;
        while (pos < text.size() && !std::isspace(static_cast<unsigned char>(text[pos]))) ++pos;
        return text.substr(start, pos - start);
    }
};


std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    return s;
}

}  // namespace

Result<Terrain> parseEsriAsciiGrid(const std::string& text, const std::string& sourcePath) {
    Tokenizer tok{text};
    double ncols = -1, nrows = -1, xll = 0, yll = 0, cell = -1, nodata = -9999;
    bool haveX = false, haveY = false, centerX = false, centerY = false, haveNoData = false;
    int line = 0;
    // Header: key/value pairs until the first token that is a number.
    std::string key;
    std::size_t dataStart = 0;
    int dataLine = 1;
    while (true) {
        const std::size_t before = tok.pos;
        const int lineBefore = tok.line;
        key = tok.next(line);
        if (key.empty()) return makeError("grid has no data rows", sourcePath, line);
        double firstValue;  // a number where a header key should be: the data has begun
        if (cd::parseDouble(key, firstValue)) {
            dataStart = before;
            dataLine = lineBefore;
            break;
        }
        std::string valueText = tok.next(line);
        double v;
        if (!cd::parseDouble(valueText, v)) return makeError("header value '" + valueText + "' is not a number", sourcePath, line, key);
        const std::string k = lower(key);
        if (k == "ncols") ncols = v;
        else if (k == "nrows") nrows = v;
        else if (k == "xllcorner" || k == "xllcenter") { xll = v; haveX = true; centerX = k == "xllcenter"; }
        else if (k == "yllcorner" || k == "yllcenter") { yll = v; haveY = true; centerY = k == "yllcenter"; }
        else if (k == "cellsize") cell = v;
        else if (k == "nodata_value") { nodata = v; haveNoData = true; }
        else return makeError("unknown header key", sourcePath, line, key);
    }
    if (ncols < 1 || ncols != std::floor(ncols) || ncols > 100000) return makeError("must be a positive integer", sourcePath, 0, "ncols");
    if (nrows < 1 || nrows != std::floor(nrows) || nrows > 100000) return makeError("must be a positive integer", sourcePath, 0, "nrows");
    if (!(cell > 0)) return makeError("must be positive", sourcePath, 0, "cellsize");
    if (!haveX) return makeError("missing (xllcorner or xllcenter)", sourcePath, 0, "xllcorner");
    if (!haveY) return makeError("missing (yllcorner or yllcenter)", sourcePath, 0, "yllcorner");

    Terrain t;
    t.nx = int(ncols);
    t.ny = int(nrows);
    t.cellM = float(cell);
    t.originM = {float(centerX ? xll - cell / 2 : xll), float(centerY ? yll - cell / 2 : yll)};
    t.heightsM.assign(std::size_t(t.nx) * t.ny, 0.0f);
    tok.pos = dataStart;
    tok.line = dataLine;
    for (int r = 0; r < t.ny; ++r) {
        const int j = t.ny - 1 - r;  // first row in the file is the north edge
        for (int i = 0; i < t.nx; ++i) {
            const std::string s = tok.next(line);
            const std::string where = "row " + std::to_string(r + 1) + " column " + std::to_string(i + 1);
            if (s.empty()) return makeError("grid ends early at " + where + " (expected " + std::to_string(t.nx) + " x " + std::to_string(t.ny) + " values)", sourcePath, line);
            double v;
            if (!cd::parseDouble(s, v)) return makeError("value '" + s + "' at " + where + " is not a number", sourcePath, line);
            if (haveNoData && v == nodata) return makeError("NODATA at " + where + " (a terrain grid must be complete)", sourcePath, line);
            t.heightsM[std::size_t(j) * t.nx + i] = float(v);
        }
    }
    const std::string extra = tok.next(line);
    if (!extra.empty()) return makeError("more values than ncols x nrows", sourcePath, line);
    return t;
}

Result<Terrain> loadEsriAsciiGrid(const std::string& path) {
    auto text = readTextFile(path);
    if (!text) return text.error();
    return parseEsriAsciiGrid(*text, path);
}

std::string formatEsriAsciiGrid(const Terrain& terrain, int decimals) {
    std::string out;
    char buf[128];
    std::snprintf(buf, sizeof buf, "ncols %d\nnrows %d\nxllcorner %.6f\nyllcorner %.6f\ncellsize %.6f\nNODATA_value -9999\n",
                  terrain.nx, terrain.ny, double(terrain.originM.x), double(terrain.originM.y), double(terrain.cellM));
    out += buf;
    out.reserve(out.size() + terrain.heightsM.size() * std::size_t(decimals + 4));
    for (int j = terrain.ny - 1; j >= 0; --j) {
        for (int i = 0; i < terrain.nx; ++i) {
            double v = terrain.heightsM[std::size_t(j) * terrain.nx + i];
            const double scale = std::pow(10.0, decimals);
            v = std::round(v * scale) / scale;
            if (v == 0.0) v = 0.0;  // no "-0.00"
            std::snprintf(buf, sizeof buf, i == 0 ? "%.*f" : " %.*f", decimals, v);
            out += buf;
        }
        out += '\n';
    }
    return out;
}

}  // namespace cd::world
