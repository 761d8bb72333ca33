#pragma once
// The moment the trainee's dose rose fastest, kept for the debrief: the scene as it was then
// and the trainee's own view, rendered into the report with the rest of the pictures.
#include <cstdint>

#include "render/render_snapshot.h"
#include "session.h"

namespace cd::app {

class WorstMoment {
public:
    WorstMoment(std::uint32_t width, std::uint32_t height) : width_(width), height_(height) {}

    /// After every tick: the dose rate over the tick; a new worst moment keeps the scene.
    void observe(const Session& session);

    bool seen() const { return seen_; }
    /// The scene then, with the trainee's view as its only view.
    const render::RenderSnapshot& snapshot() const { return snapshot_; }
    double timeS() const { return timeS_; }
    double fedPerMin() const { return fedPerMin_; }
    double temperatureC() const { return temperatureC_; }
    double visibilityM() const { return visibilityM_; }

    /// Below this the dose is not worth a picture (a whole FED over 100 minutes).
    static constexpr double kMinFedPerMin = 0.01;

private:
    std::uint32_t width_, height_;
    double lastFed_ = 0.0, lastTimeS_ = 0.0;
    bool seen_ = false;
    render::RenderSnapshot snapshot_;
    double timeS_ = 0.0, fedPerMin_ = 0.0, temperatureC_ = 20.0, visibilityM_ = 30.0;
};

}  // namespace cd::app
