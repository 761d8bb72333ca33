#pragma once
/// Scenario hooks in Lua 5.4, sandboxed: a script may define on_start(), on_tick(time_s) and
/// on_event(kind, subject, value, time_s), and act through the `citydrill` table (alarm,
/// message, ignite, open_door, close_door, open_window, close_window, end_scenario). No io, os, require or load; each
/// call has an instruction budget and the state a memory cap, so a hostile or broken script
/// ends with an error naming its file and line instead of hanging or crashing the session.
#include <memory>
#include <string>
#include <vector>

#include "core/result.h"
#include "scenario/scenario_rules.h"

namespace cd::scenario {

struct LuaLimits {
    long long instructionsPerCall = 2'000'000;
    std::size_t memoryBytes = 16u << 20;
};

class LuaHooks {
public:
    /// Loads and runs the script's top level; errors name the file and line.
    static Result<std::unique_ptr<LuaHooks>> load(const std::string& path, const LuaLimits& limits = {});
    static Result<std::unique_ptr<LuaHooks>> fromSource(const std::string& source, const std::string& chunkName,
                                                        const LuaLimits& limits = {});
    ~LuaHooks();

    /// Each call appends the commands the script issued. After an error the hooks stay off.
    Status onStart(std::vector<HazardCommand>& out);
    Status onTick(double timeS, std::vector<HazardCommand>& out);
    Status onEvent(const std::string& kind, const std::string& subject, double value, double timeS,
                   std::vector<HazardCommand>& out);
    bool disabled() const;

    struct Impl;

private:
    explicit LuaHooks(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

}  // namespace cd::scenario
