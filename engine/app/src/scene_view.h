#pragma once
// What the trainee sees: a RenderSnapshot of the session for the renderer (first-person
// view, each room's smoke layer, the flames), and the HUD's model.
#include "render/render_snapshot.h"
#include "session.h"
#include "ui/hud_model.h"

namespace cd::app {

/// The hazards of the session, with no view (add the views you need).
render::RenderSnapshot hazardSnapshot(const Session& session);
/// The trainee's own view at their eye height.
render::ViewDesc eyeView(const Session& session, std::uint32_t width, std::uint32_t height);
ui::HudModel hudModel(const Session& session, bool paused);

}  // namespace cd::app
