#pragma once
/// A storey's structural damage from the greatest drift it reached: HAZUS's damage states (FEMA,
/// "Multi-hazard Loss Estimation Methodology, Earthquake Model, HAZUS-MH MR4 Technical Manual",
/// 2003, sec. 5.3.1 and Tables 5.9a-d). For each model building type and seismic design level
/// HAZUS gives the interstorey drift ratio at the threshold of Slight, Moderate, Extensive and
/// Complete structural damage (the median of each state's fragility; the lognormal spread is
/// not used here): a storey is in the worst state whose threshold its peak drift ratio reached.
/// For a concrete moment frame, e.g.: Slight, hairline cracks near some beam-column joints;
/// Moderate, hairline cracks in most beams and columns, some yielding; Extensive, some members
/// at their ultimate capacity, large cracks, spalling, buckled bars; Complete, collapsed or about
/// to (sec. 5.3.1).
#include <optional>
#include <string>
#include <string_view>

namespace cd::physics {

enum class DamageState { None, Slight, Moderate, Extensive, Complete };

/// HAZUS's seismic design levels: the code the building was designed to.
enum class SeismicDesign { High, Moderate, Low, Pre };

/// Interstorey drift ratios (drift over storey height) at the thresholds of the four states.
struct DriftThresholds {
    double slight = 0, moderate = 0, extensive = 0, complete = 0;
};

/// "high", "moderate", "low", "pre" (HAZUS's high-code, moderate-code, low-code, pre-code).
std::optional<SeismicDesign> seismicDesignNamed(std::string_view name);
const char* seismicDesignName(SeismicDesign design);

/// The thresholds of a model building type ("C1M": a mid-rise concrete moment frame; HAZUS Table
/// 3.1's labels) at a design level. None for a type not in the table here, or one HAZUS gives
/// no thresholds for at that level (unreinforced masonry and concrete frames with masonry
/// infill are not built to the high or moderate codes).
std::optional<DriftThresholds> hazusDriftThresholds(std::string_view buildingType, SeismicDesign design);

/// The types in the table here, comma-separated (for error messages).
std::string hazusBuildingTypes();

/// The worst state whose threshold driftRatio reached.
DamageState damageStateAt(double driftRatio, const DriftThresholds& thresholds);

/// "none", "slight", "moderate", "extensive", "complete".
const char* damageStateName(DamageState state);

}  // namespace cd::physics
