#include "hud.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>

#include "core/log.h"

namespace cd::ui {

namespace {

constexpr const char* kCjkFont = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc";

// ImGui colours are authored in sRGB; our swapchain encodes, so decode them first.
float toLinear(float c) { return c <= 0.04045f ? c / 12.92f : std::pow((c + 0.055f) / 1.055f, 2.4f); }
ImVec4 lin(float r, float g, float b, float a = 1.0f) { return {toLinear(r), toLinear(g), toLinear(b), a}; }

void fedBar(float fed, float widthPx) {
    // Bar spans FED 0..1.2 so the 1.0 (incapacitation) mark sits inside it.
    constexpr float kMax = 1.2f;
    const float frac = std::clamp(fed / kMax, 0.0f, 1.0f);
    ImVec4 color = fed >= 1.0f ? lin(0.9f, 0.15f, 0.1f) : fed >= 0.3f ? lin(0.95f, 0.65f, 0.1f) : lin(0.2f, 0.75f, 0.3f);
    ImGui::PushStyleColor(ImGuiCol_PlotHistogram, color);
    char text[32];
    std::snprintf(text, sizeof text, "%.2f", fed);
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const float h = ImGui::GetFrameHeight();
    ImGui::ProgressBar(frac, ImVec2(widthPx, h), text);
    ImGui::PopStyleColor();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    for (float mark : {0.3f, 1.0f}) {
        const float x = pos.x + widthPx * (mark / kMax);
        dl->AddLine(ImVec2(x, pos.y - 2), ImVec2(x, pos.y + h + 2), ImGui::GetColorU32(lin(1, 1, 1)), 2.0f);
    }
}

// The water at the trainee's feet, the hazard class coloured as the Defra hazard maps are
// (green low, amber danger for some, orange danger for most, red danger for all).
void floodLines(const TraineeStatus& t, const HudLabels& labels) {
    ImGui::Text("%s: %.2f m", labels.waterDepth.c_str(), t.waterDepthM);
    ImGui::Text("%s: %.1f m/s", labels.waterSpeed.c_str(), t.waterSpeedMs);
    const int c = std::clamp(t.floodHazardClass, 0, 3);
    static const ImVec4 kColors[4] = {lin(0.3f, 0.8f, 0.35f), lin(0.95f, 0.75f, 0.1f), lin(1.0f, 0.45f, 0.1f), lin(1.0f, 0.15f, 0.1f)};
    ImGui::TextUnformatted((labels.floodHazard + ":").c_str());
    ImGui::SameLine();
    ImGui::PushStyleColor(ImGuiCol_Text, kColors[c]);
    ImGui::Text("%s (HR %.2f)", labels.floodClasses[c].c_str(), t.floodHazardRating);
    ImGui::PopStyleColor();
}

// The shaking as its JMA intensity class, coloured by what it does to a person (the levels the
// session slows walking by).
void quakeLines(const TraineeStatus& t, const HudLabels& labels) {
    const int c = t.shakingIntensity >= 5.5f ? 2 : (t.shakingIntensity >= 5.0f ? 1 : 0);
    static const ImVec4 kColors[3] = {lin(0.9f, 0.9f, 0.9f), lin(1.0f, 0.65f, 0.1f), lin(1.0f, 0.2f, 0.15f)};
    ImGui::TextUnformatted((labels.shaking + ":").c_str());
    ImGui::SameLine();
    ImGui::PushStyleColor(ImGuiCol_Text, kColors[c]);
    if (labels.shakingClasses[c].empty()) ImGui::Text("JMA %s", t.shakingClass.c_str());
    else ImGui::Text("JMA %s, %s", t.shakingClass.c_str(), labels.shakingClasses[c].c_str());
    ImGui::PopStyleColor();
}

}  // namespace

void loadHudFonts(const std::string& language, float sizePx, const std::string& glyphText) {
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    if (language == "zh") {
        if (std::filesystem::exists(kCjkFont)) {
            ImFontConfig cfg;
            cfg.OversampleH = 1;  // keeps the 2500-glyph atlas small and fast to build
            cfg.OversampleV = 1;
            // The atlas keeps a pointer to the ranges until it is built: they live as long as the program.
            static ImVector<ImWchar> ranges;
            ranges.clear();
            ImFontGlyphRangesBuilder builder;
            builder.AddRanges(io.Fonts->GetGlyphRangesChineseSimplifiedCommon());
            builder.AddText(glyphText.c_str());
            builder.BuildRanges(&ranges);
            if (io.Fonts->AddFontFromFileTTF(kCjkFont, sizePx, &cfg, ranges.Data)) return;
        }
        CD_LOG_WARN("ui: CJK font %s not found; Chinese text will show as '?'", kCjkFont);
    }
    ImFontConfig cfg;
    cfg.SizePixels = sizePx;
    io.Fonts->AddFontDefault(&cfg);
}

void applyHudStyle() {
    ImGuiStyle& style = ImGui::GetStyle();
    ImGui::StyleColorsDark(&style);
    for (ImVec4& c : style.Colors) c = ImVec4(toLinear(c.x), toLinear(c.y), toLinear(c.z), c.w);
    style.WindowRounding = 6.0f;
    style.FrameRounding = 4.0f;
    // Blending happens in linear space, where a 0.78 alpha looked milky; 0.9 reads as a dark panel.
    style.Colors[ImGuiCol_WindowBg] = lin(0.05f, 0.06f, 0.08f, 0.9f);
}

std::string formatClock(double seconds) {
    const long s = std::lround(std::max(seconds, 0.0));
    char buf[32];
    if (s >= 3600)
        std::snprintf(buf, sizeof buf, "%ld:%02ld:%02ld", s / 3600, (s / 60) % 60, s % 60);
    else
        std::snprintf(buf, sizeof buf, "%02ld:%02ld", s / 60, s % 60);
    return buf;
}

UiChoices drawHud(const HudModel& m, float w, float h) {
    UiChoices choices;
    const ImGuiWindowFlags panel = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize |
                                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoFocusOnAppearing |
                                   ImGuiWindowFlags_NoNav | ImGuiWindowFlags_NoMove;
    const float pad = 12.0f;

    // Scenario: title and instructions, top left.
    ImGui::SetNextWindowPos(ImVec2(pad, pad));
    ImGui::SetNextWindowSizeConstraints(ImVec2(0, 0), ImVec2(w * 0.45f, h * 0.5f));
    if (ImGui::Begin("##scenario", nullptr, panel)) {
        ImGui::PushTextWrapPos(w * 0.45f - 2 * pad);
        ImGui::PushStyleColor(ImGuiCol_Text, lin(1.0f, 0.85f, 0.3f));
        ImGui::TextWrapped("%s", m.title.c_str());
        ImGui::PopStyleColor();
        ImGui::Separator();
        for (const auto& line : m.instructions) ImGui::TextWrapped("%s", line.c_str());
        ImGui::PopTextWrapPos();
    }
    ImGui::End();

    // Clock, top right.
    ImGui::SetNextWindowPos(ImVec2(w - pad, pad), 0, ImVec2(1.0f, 0.0f));
    if (ImGui::Begin("##clock", nullptr, panel)) {
        ImGui::Text("%s  %s", m.labels.clock.c_str(), formatClock(m.clockS).c_str());
    }
    ImGui::End();

    // Trainee status, bottom left.
    ImGui::SetNextWindowPos(ImVec2(pad, h - pad), 0, ImVec2(0.0f, 1.0f));
    if (ImGui::Begin("##status", nullptr, panel)) {
        ImGui::Text("%s: %s", m.labels.room.c_str(), m.trainee.room.c_str());
        if (m.trainee.hasSmoke) {
            ImGui::TextUnformatted(m.labels.fed.c_str());
            ImGui::SameLine();
            fedBar(m.trainee.fed, 180.0f);
            ImGui::Text("%s: %.0f m", m.labels.visibility.c_str(), m.trainee.visibilityM);
            ImGui::Text("%s: %.0f \xC2\xB0" "C", m.labels.temperature.c_str(), m.trainee.temperatureC);
            if (m.trainee.radiantFluxKwM2 >= 0.5f) {
                const float q = m.trainee.radiantFluxKwM2;
                const ImVec4 c = q >= m.trainee.radiantWarnKwM2 ? lin(1.0f, 0.7f, 0.2f) : lin(0.85f, 0.85f, 0.85f);
                ImGui::TextColored(c, "%s: %.1f kW/m\xC2\xB2", m.labels.radiantHeat.c_str(), q);
            }
        }
        if (m.trainee.hasBreathingApparatus) {
            // The gauge: amber from the whistle (EN 137: 55 bar), red when empty.
            const float p = m.trainee.baPressureBar;
            const ImVec4 c = p <= 0.0f ? lin(1.0f, 0.3f, 0.3f) : p <= m.trainee.baWhistleBar ? lin(1.0f, 0.7f, 0.2f) : lin(0.85f, 0.85f, 0.85f);
            ImGui::TextColored(c, "%s: %.0f bar (%.0f %s, %.0f L/min)", m.labels.breathingApparatus.c_str(), p,
                               m.trainee.baMinutesLeft, m.labels.minutesLeft.c_str(), m.trainee.baConsumptionLMin);
        }
        if (m.trainee.hasFlood) floodLines(m.trainee, m.labels);
        if (m.trainee.hasQuake) quakeLines(m.trainee, m.labels);
        if (!m.trainee.prompt.empty()) ImGui::TextColored(lin(0.55f, 0.85f, 1.0f), "%s", m.trainee.prompt.c_str());
        if (!m.trainee.task.empty()) ImGui::ProgressBar(std::clamp(m.trainee.taskDone, 0.0f, 1.0f), ImVec2(ImGui::CalcTextSize(m.trainee.task.c_str()).x + 24.0f, 0.0f), m.trainee.task.c_str());
    }
    ImGui::End();

    // Messages, bottom right: alarms red, radio cyan.
    if (!m.messages.empty()) {
        ImGui::SetNextWindowPos(ImVec2(w - pad, h - pad), 0, ImVec2(1.0f, 1.0f));
        ImGui::SetNextWindowSizeConstraints(ImVec2(0, 0), ImVec2(w * 0.4f, h * 0.4f));
        if (ImGui::Begin("##messages", nullptr, panel)) {
            ImGui::TextUnformatted(m.labels.messages.c_str());
            ImGui::Separator();
            const std::size_t first = m.messages.size() > 6 ? m.messages.size() - 6 : 0;
            ImGui::PushTextWrapPos(w * 0.4f - 2 * pad);
            for (std::size_t i = first; i < m.messages.size(); ++i) {
                const HudMessage& msg = m.messages[i];
                ImVec4 c = msg.kind == MessageKind::Alarm   ? lin(1.0f, 0.3f, 0.25f)
                           : msg.kind == MessageKind::Radio ? lin(0.4f, 0.85f, 1.0f)
                                                            : lin(0.9f, 0.9f, 0.9f);
                ImGui::PushStyleColor(ImGuiCol_Text, c);
                ImGui::TextWrapped("%s", msg.text.c_str());
                ImGui::PopStyleColor();
            }
            ImGui::PopTextWrapPos();
        }
        ImGui::End();
    }

    // Pause menu, centred, over a dimmed screen.
    if (m.paused) {
        ImGui::GetBackgroundDrawList()->AddRectFilled(ImVec2(0, 0), ImVec2(w, h), IM_COL32(0, 0, 0, 110));
        ImGui::SetNextWindowPos(ImVec2(w * 0.5f, h * 0.5f), 0, ImVec2(0.5f, 0.5f));
        if (ImGui::Begin("##pause", nullptr, panel & ~ImGuiWindowFlags_NoNav)) {
            ImGui::TextUnformatted(m.labels.paused.c_str());
            ImGui::Separator();
            if (ImGui::Button(m.labels.resume.c_str(), ImVec2(160, 0))) choices.resume = true;
            if (ImGui::Button(m.labels.quit.c_str(), ImVec2(160, 0))) choices.quit = true;
        }
        ImGui::End();
    }
    return choices;
}

}  // namespace cd::ui
