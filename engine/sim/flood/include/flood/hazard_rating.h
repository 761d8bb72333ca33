#pragma once
/// Flood hazard rating for people, HR = d (v + 0.5) + DF, and its four classes.
/// Source: Defra/Environment Agency R&D Technical Reports FD2320/TR2 "Flood Risk Assessment
/// Guidance for New Development" (2005), Table 13.1, and FD2321/TR1 "Flood Risks to People
/// Phase 2" (2006), Table 3.1 (debris factor) and Table 3.2 (hazard classes).
#include <cstdint>

namespace cd::flood {

/// Land use of the debris-factor table (FD2321/TR1 Table 3.1).
enum class LandUse : std::uint8_t { PastureArable, Woodland, Urban };

/// Hazard classes from HR: < 0.75 low, 0.75-1.25 moderate, 1.25-2.0 significant, > 2.0 extreme.
enum class HazardClass : std::uint8_t {
    Low,          ///< HR < 0.75: "caution"
    Moderate,     ///< 0.75 <= HR < 1.25: "danger for some" (children, the elderly, the infirm)
    Significant,  ///< 1.25 <= HR < 2.0: "danger for most" (the general public)
    Extreme,      ///< HR >= 2.0: "danger for all" (including the emergency services)
};

/// Debris factor DF: 0 for d <= 0.25 m; for 0.25 < d <= 0.75 m 0 / 0.5 / 1 (pasture / woodland /
/// urban); for d > 0.75 m or v > 2 m/s 0.5 / 1 / 1.
double debrisFactor(double depthM, double speedMs, LandUse landUse);
/// HR = d (v + 0.5) + DF, with HR = 0 where the ground is dry (d = 0).
double hazardRating(double depthM, double speedMs, LandUse landUse = LandUse::Urban);
HazardClass hazardClass(double rating);
const char* hazardClassName(HazardClass c);

}  // namespace cd::flood
