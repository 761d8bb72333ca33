#include "physics/structural_damage.h"

#include <array>

namespace cd::physics {
namespace {

struct TypeRow {
    const char* type;
    std::array<DriftThresholds, 4> byDesign;  // high, moderate, low, pre; all zero: not given
};

constexpr DriftThresholds kNone{};

// HAZUS-MH MR4 Technical Manual, Tables 5.9a (high-code), 5.9b (moderate-code), 5.9c (low-code)
// and 5.9d (pre-code): interstorey drift at the threshold of Slight, Moderate, Extensive and
// Complete structural damage. Wood light frame (W1), steel moment and braced frames (S1, S2),
// concrete moment frames (C1), shear walls (C2) and frames with masonry infill (C3), reinforced
// masonry with flexible and rigid diaphragms (RM1, RM2) and unreinforced masonry (URM); L, M, H
// low-rise (1-3 storeys), mid-rise (4-7) and high-rise (8 or more).
constexpr TypeRow kTable[] = {
    {"W1", {{{0.004, 0.012, 0.04, 0.1}, {0.004, 0.0099, 0.0306, 0.075}, {0.004, 0.0099, 0.0306, 0.075}, {0.0032, 0.0079, 0.0245, 0.06}}}},
    {"S1L", {{{0.006, 0.012, 0.03, 0.08}, {0.006, 0.0104, 0.0235, 0.06}, {0.006, 0.0096, 0.0203, 0.05}, {0.0048, 0.0076, 0.0162, 0.04}}}},
    {"S1M", {{{0.004, 0.008, 0.02, 0.0533}, {0.004, 0.0069, 0.0157, 0.04}, {0.004, 0.0064, 0.0135, 0.0333}, {0.0032, 0.0051, 0.0108, 0.0267}}}},
    {"S1H", {{{0.003, 0.006, 0.015, 0.04}, {0.003, 0.0052, 0.0118, 0.03}, {0.003, 0.0048, 0.0101, 0.025}, {0.0024, 0.0038, 0.0081, 0.02}}}},
    {"S2L", {{{0.005, 0.01, 0.03, 0.08}, {0.005, 0.0087, 0.0233, 0.06}, {0.005, 0.008, 0.02, 0.05}, {0.004, 0.0064, 0.016, 0.04}}}},
    {"S2M", {{{0.0033, 0.0067, 0.02, 0.0533}, {0.0033, 0.0058, 0.0156, 0.04}, {0.0033, 0.0053, 0.0133, 0.0333}, {0.0027, 0.0043, 0.0107, 0.0267}}}},
    {"S2H", {{{0.0025, 0.005, 0.015, 0.04}, {0.0025, 0.0043, 0.0117, 0.03}, {0.0025, 0.004, 0.01, 0.025}, {0.002, 0.0032, 0.008, 0.02}}}},
    {"C1L", {{{0.005, 0.01, 0.03, 0.08}, {0.005, 0.0087, 0.0233, 0.06}, {0.005, 0.008, 0.02, 0.05}, {0.004, 0.0064, 0.016, 0.04}}}},
    {"C1M", {{{0.0033, 0.0067, 0.02, 0.0533}, {0.0033, 0.0058, 0.0156, 0.04}, {0.0033, 0.0053, 0.0133, 0.0333}, {0.0027, 0.0043, 0.0107, 0.0267}}}},
    {"C1H", {{{0.0025, 0.005, 0.015, 0.04}, {0.0025, 0.0043, 0.0117, 0.03}, {0.0025, 0.004, 0.01, 0.025}, {0.002, 0.0032, 0.008, 0.02}}}},
    {"C2L", {{{0.004, 0.01, 0.03, 0.08}, {0.004, 0.0084, 0.0232, 0.06}, {0.004, 0.0076, 0.0197, 0.05}, {0.0032, 0.0061, 0.0158, 0.04}}}},
    {"C2M", {{{0.0027, 0.0067, 0.02, 0.0533}, {0.0027, 0.0056, 0.0154, 0.04}, {0.0027, 0.0051, 0.0132, 0.0333}, {0.0021, 0.0041, 0.0105, 0.0267}}}},
    {"C2H", {{{0.002, 0.005, 0.015, 0.04}, {0.002, 0.0042, 0.0116, 0.03}, {0.002, 0.0038, 0.0099, 0.025}, {0.0016, 0.0031, 0.0079, 0.02}}}},
    {"C3L", {{kNone, kNone, {0.003, 0.006, 0.015, 0.035}, {0.0024, 0.0048, 0.012, 0.028}}}},
    {"C3M", {{kNone, kNone, {0.002, 0.004, 0.01, 0.0233}, {0.0016, 0.0032, 0.008, 0.0187}}}},
    {"C3H", {{kNone, kNone, {0.0015, 0.003, 0.0075, 0.0175}, {0.0012, 0.0024, 0.006, 0.014}}}},
    {"RM1L", {{{0.004, 0.008, 0.024, 0.07}, {0.004, 0.0069, 0.0187, 0.0525}, {0.004, 0.0064, 0.0161, 0.0438}, {0.0032, 0.0051, 0.0128, 0.035}}}},
    {"RM1M", {{{0.0027, 0.0053, 0.016, 0.0467}, {0.0027, 0.0046, 0.0125, 0.035}, {0.0027, 0.0043, 0.0107, 0.0292}, {0.0021, 0.0034, 0.0086, 0.0233}}}},
    {"RM2L", {{{0.004, 0.008, 0.024, 0.07}, {0.004, 0.0069, 0.0187, 0.0525}, {0.004, 0.0064, 0.0161, 0.0438}, {0.0032, 0.0051, 0.0128, 0.035}}}},
    {"RM2M", {{{0.0027, 0.0053, 0.016, 0.0467}, {0.0027, 0.0046, 0.0125, 0.035}, {0.0027, 0.0043, 0.0107, 0.0292}, {0.0021, 0.0034, 0.0086, 0.0233}}}},
    {"RM2H", {{{0.002, 0.004, 0.012, 0.035}, {0.002, 0.0035, 0.0094, 0.0263}, {0.002, 0.0032, 0.008, 0.0219}, {0.0016, 0.0026, 0.0064, 0.0175}}}},
    {"URML", {{kNone, kNone, {0.003, 0.006, 0.015, 0.035}, {0.0024, 0.0048, 0.012, 0.028}}}},
    {"URMM", {{kNone, kNone, {0.002, 0.004, 0.01, 0.0233}, {0.0016, 0.0032, 0.008, 0.0187}}}},
};

}  // namespace

std::optional<SeismicDesign> seismicDesignNamed(std::string_view name) {
    if (name == "high") return SeismicDesign::High;
    if (name == "moderate") return SeismicDesign::Moderate;
    if (name == "low") return SeismicDesign::Low;
    if (name == "pre") return SeismicDesign::Pre;
    return std::nullopt;
}

const char* seismicDesignName(SeismicDesign design) {
    switch (design) {
        case SeismicDesign::High: return "high";
        case SeismicDesign::Moderate: return "moderate";
        case SeismicDesign::Low: return "low";
        case SeismicDesign::Pre: return "pre";
    }
    return "?";
}

std::optional<DriftThresholds> hazusDriftThresholds(std::string_view buildingType, SeismicDesign design) {
    for (const TypeRow& row : kTable) {
        if (buildingType != row.type) continue;
        const DriftThresholds& t = row.byDesign[static_cast<std::size_t>(design)];
        if (t.slight <= 0.0) return std::nullopt;
        return t;
    }
    return std::nullopt;
}

std::string hazusBuildingTypes() {
    std::string out;
    for (const TypeRow& row : kTable) out += (out.empty() ? "" : ", ") + std::string(row.type);
    return out;
}

DamageState damageStateAt(double driftRatio, const DriftThresholds& t) {
    if (driftRatio >= t.complete) return DamageState::Complete;
    if (driftRatio >= t.extensive) return DamageState::Extensive;
    if (driftRatio >= t.moderate) return DamageState::Moderate;
    if (driftRatio >= t.slight) return DamageState::Slight;
    return DamageState::None;
}

const char* damageStateName(DamageState state) {
    switch (state) {
        case DamageState::None: return "none";
        case DamageState::Slight: return "slight";
        case DamageState::Moderate: return "moderate";
        case DamageState::Extensive: return "extensive";
        case DamageState::Complete: return "complete";
    }
    return "?";
}

}  // namespace cd::physics
