#include "gfx/shader_path.h"

#include <cstdlib>

namespace cd::gfx {

std::string shaderDirectory() {
    if (const char* env = std::getenv("CITYDRILL_SHADER_DIR"); env && *env) return env;
    return CITYDRILL_SHADER_DIR_DEFAULT;
}

std::string shaderPath(const std::string& name) { return shaderDirectory() + "/" + name + ".spv"; }

}  // namespace cd::gfx
