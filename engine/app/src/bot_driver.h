#pragma once
// Plays a bot script into a session: one step at a time, each turned into trainee actions.
// Move goals are resolved against the district and routed through its doors and stairs.
#include <deque>
#include <string>

#include <glm/vec3.hpp>

#include "core/result.h"
#include "scenario/bot_script.h"
#include "session.h"
#include "world/walk_graph.h"

namespace cd::app {

class BotDriver {
public:
    BotDriver(scenario::BotScript script, const world::District& district, const world::WalkGraph& graph);

    /// Checks every goal and target against the district; errors name the bot file's line.
    Status validate() const;
    /// Call before each tick: queues the actions of the step in progress.
    void update(Session& session);
    /// Routes over this graph from now on (the session's, where debris blocks doors).
    void useGraph(const world::WalkGraph& graph) { graph_ = &graph; }
    bool done() const { return next_ >= script_.steps.size() && waypoints_.empty() && !waiting_; }

private:
    Result<glm::vec3> goalPoint(const scenario::BotStep& step) const;
    void startStep(Session& session, const scenario::BotStep& step);
    /// Whether the event the current wait is for was recorded since it began.
    bool waitedForEventSeen(const Session& session);

    scenario::BotScript script_;
    const world::District& district_;
    const world::WalkGraph* graph_;
    std::size_t next_ = 0;
    std::deque<glm::vec3> waypoints_;
    bool run_ = false;
    bool waiting_ = false;
    double waitUntilS_ = 0.0;
    const scenario::BotStep* waitFor_ = nullptr;  // a wait that ends at its event (untilEvent)
    std::size_t eventsSeen_ = 0;                   // the session's events before the wait began
};

}  // namespace cd::app
