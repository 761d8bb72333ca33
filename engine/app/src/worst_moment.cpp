#include "worst_moment.h"

#include <cstdio>

#include "scene_view.h"

namespace cd::app {

void WorstMoment::keep(const Session& s, double value) {
    seen_ = true;
    timeS_ = s.timeS();
    value_ = value;
    snapshot_ = hazardSnapshot(s);
    snapshot_.views = {eyeView(s, width_, height_)};
}

void WorstMoment::observe(const Session& s) {
    if (!s.scenario().fires.empty()) {
        kind_ = Kind::Dose;
        const double t = s.timeS(), fed = s.fed();
        const double dt = t - lastTimeS_;
        const double rate = dt > 0.0 ? (fed - lastFed_) / dt * 60.0 : 0.0;
        lastFed_ = fed;
        lastTimeS_ = t;
        // A new worst only when the rate beats the kept one by a tenth: while a fire grows the
        // rate rises every tick, and each kept scene copies the smoke, flames and bodies.
        if (rate < kMinFedPerMin || (seen_ && rate < 1.1 * value_)) return;
        keep(s, rate);
        detailA_ = s.lastSample().temperatureC;
        detailB_ = s.lastSample().visibilityM;
        return;
    }
    // Water and shaking are sampled with the poses (Session::hazardTrace).
    const auto& trace = s.hazardTrace();
    if (trace.size() == traceSeen_) return;
    traceSeen_ = trace.size();
    const HazardTracePoint& p = trace.back();
    if (s.flood()) {
        kind_ = Kind::Flood;
        if (p.hazardRating < kMinHazardRating || (seen_ && p.hazardRating <= value_ + 0.05)) return;
        keep(s, p.hazardRating);
        detailA_ = p.waterDepthM;
        detailB_ = p.waterSpeedMS;
    } else if (s.groundShakes()) {
        kind_ = Kind::Shaking;
        if (p.shakingIntensity < kMinIntensity || (seen_ && p.shakingIntensity <= value_ + 0.05)) return;
        keep(s, p.shakingIntensity);
    }
}

std::string WorstMoment::caption() const {
    char text[224];
    switch (kind_) {
        case Kind::Dose:
            std::snprintf(text, sizeof text,
                          "The trainee's view when their dose rose fastest: %.0f s, FED rising %.2f a minute (%.0f C at the"
                          " head, visibility %.1f m)",
                          timeS_, value_, detailA_, detailB_);
            break;
        case Kind::Flood:
            std::snprintf(text, sizeof text,
                          "The trainee's view in the most dangerous water they met: %.0f s, hazard rating %.2f (%.2f m deep,"
                          " %.2f m/s)",
                          timeS_, value_, detailA_, detailB_);
            break;
        case Kind::Shaking:
            std::snprintf(text, sizeof text, "The trainee's view in the strongest shaking they felt: %.0f s, JMA intensity %.1f",
                          timeS_, value_);
            break;
    }
    return text;
}

}  // namespace cd::app
