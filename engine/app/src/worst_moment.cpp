#include "worst_moment.h"

#include "scene_view.h"

namespace cd::app {

void WorstMoment::observe(const Session& s) {
    const double t = s.timeS(), fed = s.fed();
    const double dt = t - lastTimeS_;
    const double rate = dt > 0.0 ? (fed - lastFed_) / dt * 60.0 : 0.0;
    lastFed_ = fed;
    lastTimeS_ = t;
    // A new worst only when the rate beats the kept one by a tenth: while a fire grows the rate
    // rises every tick, and each kept scene copies the smoke, flames and bodies.
    if (rate < kMinFedPerMin || (seen_ && rate < 1.1 * fedPerMin_)) return;
    seen_ = true;
    timeS_ = t;
    fedPerMin_ = rate;
    temperatureC_ = s.lastSample().temperatureC;
    visibilityM_ = s.lastSample().visibilityM;
    snapshot_ = hazardSnapshot(s);
    snapshot_.views = {eyeView(s, width_, height_)};
}

}  // namespace cd::app
