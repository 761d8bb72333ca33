#include "core/files.h"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace cd {

Result<std::string> readTextFile(const std::string& path) {
    // A directory opens as an empty stream on Linux: say so, not "missing [bot]" of its text.
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) return makeError("is a directory, not a file", path);
    std::ifstream in(path, std::ios::binary);
    if (!in) return makeError(std::string("cannot open file: ") + std::strerror(errno), path);
    std::ostringstream ss;
    ss << in.rdbuf();
    if (in.bad()) return makeError("read failed", path);
    return ss.str();
}

Status writeTextFile(const std::string& path, const std::string& text) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    if (!out) return makeError(std::string("cannot write file: ") + std::strerror(errno), path);
    out << text;
    out.close();
    if (!out) return makeError("write failed", path);
    return Ok{};
}

Status makeDirectories(const std::string& path) {
    std::error_code ec;
    std::filesystem::create_directories(path, ec);
    if (ec) return makeError("cannot create directory: " + ec.message(), path);
    return Ok{};
}

std::string parentPath(const std::string& path) {
    return std::filesystem::path(path).parent_path().string();
}

std::string joinPath(const std::string& base, const std::string& rel) {
    std::filesystem::path r(rel);
    if (r.is_absolute() || base.empty()) return rel;
    return (std::filesystem::path(base) / r).lexically_normal().string();
}

}  // namespace cd
