#pragma once
// A top-down PNG plan (terrain shading, outdoor areas, one storey's rooms, doors, exits,
// assembly points) for checking a generated campus by eye.
#include <string>

#include "campus.h"
#include "core/result.h"

namespace cd::districtgen {

Status writePlanImage(const Campus& campus, const std::string& path, int storey, int pixelsPerM);

}  // namespace cd::districtgen
