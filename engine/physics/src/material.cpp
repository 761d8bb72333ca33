#include "physics/material.h"

#include <cmath>
#include <string>

namespace cd::physics {
namespace {

Status checkRange(float v, float lo, float hi, std::string_view field, const char* member, const std::string& file,
                  const char* why) {
    if (!std::isfinite(v) || v < lo || v > hi) {
        return makeError("value " + std::to_string(v) + " is outside [" + std::to_string(lo) + ", " +
                             std::to_string(hi) + "] (" + why + ")",
                         file, 0, std::string(field) + "." + member);
    }
    return Ok{};
}

}  // namespace

Status validateMaterial(const Material& m, std::string_view field, const std::string& file) {
    // Bounds are physical plausibility, not design values: friction above 5 or a density above
    // osmium's 22 590 kg/m^3 is a typo or a unit mistake, and restitution above 1 creates energy.
    if (auto s = checkRange(m.frictionCoeff, 0.0f, 5.0f, field, "frictionCoeff", file, "Coulomb coefficient"); !s)
        return s;
    if (auto s = checkRange(m.restitution, 0.0f, 1.0f, field, "restitution", file, "above 1 creates energy"); !s)
        return s;
    if (auto s = checkRange(m.densityKgM3, 1.0f, 23000.0f, field, "densityKgM3", file, "kg/m^3"); !s) return s;
    if (auto s = checkRange(m.jointStrengthPa, 0.0f, 2.0e9f, field, "jointStrengthPa", file, "Pa, 0 = unbreakable");
        !s)
        return s;
    if (auto s = checkRange(m.bearingRatio, 1.0f, 100.0f, field, "bearingRatio", file, "bearing over tension strength"); !s)
        return s;
    return Ok{};
}

namespace materials {

Material ground() { return {"ground", 0.8f, 0.1f, 2000.0f, 0.0f, FireCurve::None}; }
// Joint strengths are effective values for pre-cracked members (about half the design tensile
// strength of C25/30 concrete, a mortar bond of 0.2 MPa), chosen so a frame stands under gravity.
Material concrete() { return {"concrete", 0.7f, 0.1f, 2400.0f, 1.5e6f, FireCurve::ConcreteSiliceous, 10.0f}; }
Material masonry() { return {"masonry", 0.7f, 0.05f, 1800.0f, 0.2e6f, FireCurve::ConcreteSiliceous, 10.0f}; }
Material steel() { return {"steel", 0.5f, 0.3f, 7850.0f, 235.0e6f, FireCurve::Steel, 1.0f}; }
Material timber() { return {"timber", 0.5f, 0.2f, 500.0f, 2.0e6f, FireCurve::Timber, 1.5f}; }
Material furniture() { return {"furniture", 0.5f, 0.1f, 600.0f, 0.0f, FireCurve::None}; }

}  // namespace materials
}  // namespace cd::physics
