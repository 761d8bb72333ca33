#pragma once
// nlohmann::json keeps no source positions, so errors find the line of a field again by
// scanning the text along its path ("doors[3].roomB").
#include <string>

namespace cd::world::detail {

/// 1-based line where the value (or key) at `path` starts in `text`; 0 if not found.
int jsonLineOf(const std::string& text, const std::string& path);

}  // namespace cd::world::detail
