#include "flood/ascii_grid.h"

#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <sstream>

#include "core/files.h"
#include "core/parse_number.h"

namespace cd::flood {

namespace {

std::string lower(std::string s) {
    for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

std::vector<std::string> splitWords(const std::string& line) {
    std::vector<std::string> words;
    std::istringstream in(line);
    std::string w;
    while (in >> w) words.push_back(w);
    return words;
}

}  // namespace

bool AsciiGrid::sameShapeAs(const AsciiGrid& o) const {
    const double tol = 1e-6 * cellSizeM;
    return ncols == o.ncols && nrows == o.nrows && std::fabs(cellSizeM - o.cellSizeM) <= tol &&
           std::fabs(xllCornerM - o.xllCornerM) <= tol && std::fabs(yllCornerM - o.yllCornerM) <= tol;
}

Result<AsciiGrid> parseAsciiGrid(const std::string& text, const std::string& path) {
    std::vector<std::string> lines;
    {
        std::istringstream in(text);
        std::string line;
        while (std::getline(in, line)) {
            if (!line.empty() && line.back() == '\r') line.pop_back();
            lines.push_back(line);
        }
    }
    AsciiGrid g;
    bool haveCols = false, haveRows = false, haveX = false, haveY = false, haveSize = false;
    bool xCenter = false, yCenter = false;
    size_t li = 0;
    for (; li < lines.size(); ++li) {
        auto words = splitWords(lines[li]);
        if (words.empty()) continue;
        const std::string key = lower(words[0]);
        double firstValue;  // a number where a header key should be: the data has begun
        if (parseDouble(words[0], firstValue)) break;  // first data row
        const int lineNo = static_cast<int>(li) + 1;
        if (words.size() != 2) return makeError("expected 'key value'", path, lineNo, words[0]);
        double v;
        if (!parseDouble(words[1], v)) return makeError("not a number: '" + words[1] + "'", path, lineNo, words[0]);
        if (key == "ncols" || key == "nrows") {
            if (v < 1 || v != std::floor(v) || v > 1e6) return makeError("must be a positive whole number", path, lineNo, key);
            (key == "ncols" ? g.ncols : g.nrows) = static_cast<int>(v);
            (key == "ncols" ? haveCols : haveRows) = true;
        } else if (key == "xllcorner" || key == "xllcenter") {
            if (haveX) return makeError("given twice (xllcorner/xllcenter)", path, lineNo, key);
            g.xllCornerM = v; xCenter = key == "xllcenter"; haveX = true;
        } else if (key == "yllcorner" || key == "yllcenter") {
            if (haveY) return makeError("given twice (yllcorner/yllcenter)", path, lineNo, key);
            g.yllCornerM = v; yCenter = key == "yllcenter"; haveY = true;
        } else if (key == "cellsize") {
            if (!(v > 0)) return makeError("must be > 0", path, lineNo, key);
            g.cellSizeM = v; haveSize = true;
        } else if (key == "nodata_value") {
            g.nodata = v;
        } else if (key == "dx" || key == "dy") {
            return makeError("separate dx/dy cell sizes are not supported (square cells only)", path, lineNo, key);
        } else {
            return makeError("unknown header key", path, lineNo, words[0]);
        }
    }
    const int headerEnd = static_cast<int>(li);
    if (!haveCols) return makeError("missing header key", path, headerEnd + 1, "ncols");
    if (!haveRows) return makeError("missing header key", path, headerEnd + 1, "nrows");
    if (!haveX) return makeError("missing header key", path, headerEnd + 1, "xllcorner");
    if (!haveY) return makeError("missing header key", path, headerEnd + 1, "yllcorner");
    if (!haveSize) return makeError("missing header key", path, headerEnd + 1, "cellsize");
    if (xCenter) g.xllCornerM -= 0.5 * g.cellSizeM;
    if (yCenter) g.yllCornerM -= 0.5 * g.cellSizeM;
    g.headerLines = headerEnd;
    g.values.assign(static_cast<size_t>(g.ncols) * g.nrows, 0.0);
    // ESRI ASCII: one row per line, north first (values may also wrap; we require one row per line).
    int fileRow = 0;
    for (; li < lines.size(); ++li) {
        auto words = splitWords(lines[li]);
        const int lineNo = static_cast<int>(li) + 1;
        if (words.empty()) continue;
        if (fileRow >= g.nrows) return makeError("more data rows than nrows = " + std::to_string(g.nrows), path, lineNo, "nrows");
        if (static_cast<int>(words.size()) != g.ncols)
            return makeError("row has " + std::to_string(words.size()) + " values, ncols = " + std::to_string(g.ncols), path, lineNo, "ncols");
        const int row = g.nrows - 1 - fileRow;
        for (int c = 0; c < g.ncols; ++c) {
            double v;
            if (!parseDouble(words[c], v))
                return makeError("not a number: '" + words[c] + "'", path, lineNo, "column " + std::to_string(c + 1));
            g.values[static_cast<size_t>(row) * g.ncols + c] = v;
        }
        ++fileRow;
    }
    if (fileRow != g.nrows)
        return makeError("only " + std::to_string(fileRow) + " data rows, nrows = " + std::to_string(g.nrows), path,
                         static_cast<int>(lines.size()), "nrows");
    return g;
}

Result<AsciiGrid> readAsciiGrid(const std::string& path) {
    auto text = readTextFile(path);
    if (!text) return text.error();
    return parseAsciiGrid(*text, path);
}

std::string formatAsciiGrid(const AsciiGrid& g, int precision) {
    std::string out;
    char buf[128];
    std::snprintf(buf, sizeof buf, "ncols %d\nnrows %d\nxllcorner %.10g\nyllcorner %.10g\ncellsize %.10g\n", g.ncols, g.nrows,
                  g.xllCornerM, g.yllCornerM, g.cellSizeM);
    out += buf;
    if (g.nodata) {
        std::snprintf(buf, sizeof buf, "NODATA_value %.10g\n", *g.nodata);
        out += buf;
    }
    out.reserve(out.size() + g.values.size() * (precision + 4));
    for (int r = g.nrows - 1; r >= 0; --r) {
        for (int c = 0; c < g.ncols; ++c) {
            std::snprintf(buf, sizeof buf, c ? " %.*g" : "%.*g", precision, g.at(c, r));
            out += buf;
        }
        out += '\n';
    }
    return out;
}

}  // namespace cd::flood
