#pragma once
// The windowed session: first-person walking (WASD + mouse), the HUD, Esc to pause.
#include "core/result.h"
#include "session.h"
#include "worst_moment.h"

namespace cd::app {

class BotDriver;

struct DesktopLoopOptions {
    int width = 1280, height = 720;
    std::string screenshotPath;  ///< save the last frame here when the loop ends (empty: none)
    WorstMoment* worst = nullptr;  ///< shown every tick, for the report's picture of it
};

/// Runs the session in a window until it ends or the user quits. Fails (and leaves the session
/// untouched) when no window can be opened, so the caller can run headless instead.
Status runDesktopLoop(Session& session, BotDriver* bot, const DesktopLoopOptions& options);

}  // namespace cd::app
