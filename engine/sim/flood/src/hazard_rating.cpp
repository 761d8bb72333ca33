#include "flood/hazard_rating.h"

namespace cd::flood {

double debrisFactor(double d, double v, LandUse use) {
    // FD2321/TR1 (Defra/EA 2006) Table 3.1.
    if (d <= 0.25) return 0.0;
    const bool deepOrFast = d > 0.75 || v > 2.0;
    switch (use) {
        case LandUse::PastureArable: return deepOrFast ? 0.5 : 0.0;
        case LandUse::Woodland: return deepOrFast ? 1.0 : 0.5;
        case LandUse::Urban: return 1.0;
    }
    return 1.0;
}

double hazardRating(double d, double v, LandUse use) {
    if (!(d > 0.0)) return 0.0;
    return d * (v + 0.5) + debrisFactor(d, v, use);  // FD2320/TR2 eq. 13.1, FD2321/TR1 eq. 3.1
}

HazardClass hazardClass(double hr) {
    if (hr < 0.75) return HazardClass::Low;
    if (hr < 1.25) return HazardClass::Moderate;
    if (hr < 2.0) return HazardClass::Significant;
    return HazardClass::Extreme;
}

const char* hazardClassName(HazardClass c) {
    switch (c) {
        case HazardClass::Low: return "low";
        case HazardClass::Moderate: return "moderate (danger for some)";
        case HazardClass::Significant: return "significant (danger for most)";
        case HazardClass::Extreme: return "extreme (danger for all)";
    }
    return "?";
}

}  // namespace cd::flood
