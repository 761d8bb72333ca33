#pragma once
/// Where compiled SPIR-V lives: $CITYDRILL_SHADER_DIR if set, else the build's shaders folder.
#include <string>

namespace cd::gfx {

/// Folder holding *.spv files.
std::string shaderDirectory();
/// Full path of one compiled shader, e.g. shaderPath("lit.frag") -> ".../lit.frag.spv".
std::string shaderPath(const std::string& name);

}  // namespace cd::gfx
