#pragma once
/// Materials: contact properties and density for every body, joint strength for chunks.
#include <string>
#include <string_view>

#include "core/result.h"
#include "physics/fire_reduction.h"

namespace cd::physics {

struct Material {
    std::string name = "default";
    float frictionCoeff = 0.6f;    ///< Coulomb; Bullet combines two bodies by product
    float restitution = 0.1f;      ///< Bullet combines two bodies by product
    float densityKgM3 = 1000.0f;
    /// Effective strength of a joint between two chunks (tension/shear), 0 = unbreakable.
    float jointStrengthPa = 0.0f;
    FireCurve fireCurve = FireCurve::None;  ///< how heat weakens the joints
    /// A joint's strength in bearing (load going down through a horizontal face) over its
    /// tension/shear strength: concrete and masonry crush at about 10 x the tensile strength
    /// (fc ~ 10 fct); steel yields alike both ways (buckling not counted); timber parallel to the
    /// grain about 1.5 (EN 338 C24: fc,0,k 21 over ft,0,k 14.5 MPa).
    float bearingRatio = 1.0f;
};

/// Rejects NaN and absurd values; the error's field is "<field>.<member>".
Status validateMaterial(const Material& m, std::string_view field, const std::string& file = {});

namespace materials {
Material ground();       ///< soil/asphalt terrain
Material concrete();     ///< reinforced concrete slabs, columns
Material masonry();      ///< unreinforced brick/block infill walls
Material steel();
Material timber();       ///< doors, wooden furniture
Material furniture();    ///< desks, cabinets (particle board, steel legs)
}  // namespace materials

}  // namespace cd::physics
