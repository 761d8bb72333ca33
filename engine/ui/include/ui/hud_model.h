#pragma once
/// What the HUD shows, as plain already-translated strings and numbers (no ImGui types).
#include <string>
#include <vector>

namespace cd::ui {

enum class MessageKind { Info, Alarm, Radio };

struct HudMessage {
    MessageKind kind = MessageKind::Info;
    std::string text;
};

/// Trainee status panel.
struct TraineeStatus {
    std::string room;              ///< where the trainee is ("Classroom 2.04")
    bool hasSmoke = true;          ///< FED, visibility and temperature are shown (the scenario has a fire)
    float fed = 0.0f;              ///< fractional effective dose (ISO 13571); marks at 0.3 and 1.0
    float visibilityM = 30.0f;
    float temperatureC = 20.0f;
    /// Radiant heat on the trainee, kW/m2 (hot layer and flames): shown from 0.5, amber from
    /// radiantWarnKwM2, where it starts to count in the FED.
    float radiantFluxKwM2 = 0.0f;
    float radiantWarnKwM2 = 2.5f;
    // The breathing apparatus's gauge, shown when the trainee wears one.
    bool hasBreathingApparatus = false;
    float baPressureBar = 0.0f;
    float baWhistleBar = 55.0f;  ///< the gauge turns amber here
    float baMinutesLeft = 0.0f;  ///< at the rate the wearer breathes now
    float baConsumptionLMin = 40.0f;
    // The water where the trainee stands, shown when the scenario has a flood.
    bool hasFlood = false;
    float waterDepthM = 0.0f;
    float waterSpeedMs = 0.0f;
    float floodHazardRating = 0.0f;  ///< HR = d (v + 0.5) + DF (Defra FD2321/TR1)
    int floodHazardClass = 0;        ///< 0 low, 1 danger for some, 2 danger for most, 3 danger for all
    // The shaking the trainee feels, shown when the scenario has an earthquake.
    bool hasQuake = false;
    float shakingIntensity = 0.0f;   ///< JMA instrumental intensity felt
    std::string shakingClass;        ///< its JMA class: "0".."4", "5-", "5+", "6-", "6+", "7"
    std::string prompt;              ///< what a key does here ("E: open the door"); empty: nothing
    // A long task under way (lifting debris off a casualty): shown as a labelled progress bar.
    std::string task;                ///< empty: none
    float taskDone = 0.0f;           ///< fraction of the current step done, 0..1
};

/// Labels for fixed HUD text, translated by the caller. Defaults are English.
struct HudLabels {
    std::string clock = "Time";
    std::string room = "Room";
    std::string fed = "FED";
    std::string visibility = "Visibility";
    std::string temperature = "Temperature";
    std::string radiantHeat = "Radiant heat";
    std::string messages = "Messages";
    std::string paused = "Paused";
    std::string resume = "Resume";
    std::string quit = "Quit";
    std::string breathingApparatus = "BA";
    std::string minutesLeft = "min left";
    std::string waterDepth = "Water depth";
    std::string waterSpeed = "Water speed";
    std::string floodHazard = "Flood hazard";
    std::string shaking = "Shaking";
    /// By shakingIntensity: below 5.0, 5.0 to 5.5 (JMA 5 upper), from 5.5 (6 lower).
    std::string shakingClasses[3] = {"", "hard to walk", "hard to stand"};
    /// Defra FD2321/TR1 Table 3.2 classes, by floodHazardClass.
    std::string floodClasses[4] = {"low", "danger for some", "danger for most", "danger for all"};
};

struct HudModel {
    std::string language = "en";  ///< "zh" needs the CJK font (see DesktopViewDesc::language)
    std::string title;
    std::vector<std::string> instructions;  ///< one line each
    double clockS = 0.0;                    ///< scenario clock, shown as mm:ss
    TraineeStatus trainee;
    std::vector<HudMessage> messages;       ///< newest last; the last 6 are shown
    bool paused = false;                    ///< shows the pause menu
    HudLabels labels;
};

/// What the user chose in the HUD this frame.
struct UiChoices {
    bool resume = false;
    bool quit = false;
};

}  // namespace cd::ui
