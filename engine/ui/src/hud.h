#pragma once
// The HUD drawn with Dear ImGui: scenario panel, clock, trainee status, messages, pause menu.
#include <string>

#include "ui/hud_model.h"

namespace cd::ui {

/// Builds the font atlas: the default font, plus CJK glyphs when language is "zh".
/// Call after ImGui::CreateContext and before the renderer backend uploads fonts.
void loadHudFonts(const std::string& language, float sizePx, const std::string& glyphText = {});

/// Applies the HUD's colours (converted to linear, since the swapchain is sRGB).
void applyHudStyle();

/// Draws one frame's HUD between ImGui::NewFrame and ImGui::Render.
UiChoices drawHud(const HudModel& model, float widthPx, float heightPx);

/// "mm:ss" (or "h:mm:ss" past an hour).
std::string formatClock(double seconds);

}  // namespace cd::ui
