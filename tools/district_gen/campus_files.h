#pragma once
// The campus manifest (school_campus.json, read by cd::world::loadDistrict) and the two
// ESRI ASCII DEMs: terrain only, and terrain with building footprints raised (obstacles).
#include <string>

#include "campus.h"
#include "core/result.h"

namespace cd::districtgen {

Status writeCampusManifest(const Campus& campus, const std::string& dir);
Status writeCampusDems(const Campus& campus, const std::string& dir);

}  // namespace cd::districtgen
