#pragma once
// The worst moment the trainee met, kept for the debrief: the scene as it was then and the
// trainee's own view, rendered into the report with the other pictures (worst.png). What
// "worst" means follows the scenario's hazard: with fires, when the dose (FED) rose fastest;
// with a flood, the highest flood hazard rating at their feet; with shaking, the strongest
// shaking they felt.
#include <cstdint>
#include <string>

#include "render/render_snapshot.h"
#include "session.h"

namespace cd::app {

class WorstMoment {
public:
    WorstMoment(std::uint32_t width, std::uint32_t height) : width_(width), height_(height) {}

    /// After every tick; a new worst moment keeps the scene.
    void observe(const Session& session);

    bool seen() const { return seen_; }
    /// The scene then, with the trainee's view as its only view.
    const render::RenderSnapshot& snapshot() const { return snapshot_; }
    double timeS() const { return timeS_; }
    /// Whether smoke hid the view then (visibility under kHiddenBySmokeM at the eyes): the report
    /// adds the same view without the smoke, to show what was there.
    bool smokeHidTheView() const { return seen_ && kind_ == Kind::Dose && detailB_ < kHiddenBySmokeM; }
    static constexpr double kHiddenBySmokeM = 5.0;
    /// For the report: when, and what made it the worst.
    std::string caption() const;

    /// Below these a moment is not worth a picture: a whole FED over 100 minutes; Defra's
    /// "danger for some" hazard rating; JMA intensity 5 lower (furniture may topple).
    static constexpr double kMinFedPerMin = 0.01;
    static constexpr double kMinHazardRating = 0.75;
    static constexpr double kMinIntensity = 4.5;

private:
    void keep(const Session& s, double value);

    std::uint32_t width_, height_;
    double lastFed_ = 0.0, lastTimeS_ = 0.0;
    std::size_t traceSeen_ = 0;
    bool seen_ = false;
    render::RenderSnapshot snapshot_;
    double timeS_ = 0.0, value_ = 0.0;
    // What else was there: for a dose the temperature at the head and the visibility; for
    // water its depth and speed.
    double detailA_ = 0.0, detailB_ = 0.0;
    enum class Kind { Dose, Flood, Shaking } kind_ = Kind::Dose;
};

}  // namespace cd::app
