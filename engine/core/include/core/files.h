#pragma once
/// Whole-file reads and writes that report the path on failure.
#include <string>

#include "core/result.h"

namespace cd {

Result<std::string> readTextFile(const std::string& path);
Status writeTextFile(const std::string& path, const std::string& text);
/// Creates a directory and its parents; ok if it exists.
Status makeDirectories(const std::string& path);
/// Directory part of a path ("" for a bare file name).
std::string parentPath(const std::string& path);
/// Joins a base directory and a relative path; absolute paths are returned unchanged.
std::string joinPath(const std::string& base, const std::string& rel);

}  // namespace cd
