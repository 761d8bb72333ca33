#pragma once
// The campus as a glTF 2.0 model (school_campus.gltf + .bin).
#include <string>

#include "campus.h"
#include "core/result.h"
#include "gltf_writer.h"

namespace cd::districtgen {

Result<GltfStats> writeCampusModel(const Campus& campus, const std::string& dir);

}  // namespace cd::districtgen
