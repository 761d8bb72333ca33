// The trainee fighting a fire: an extinguisher or hose turned on a fire of their room. What the
// agent does is the fire model's (engine/sim/fire/extinguishing_agent.h: EN 3-7 / NFPA 10
// suitability by fire class, knock-down by the unit's rating, flare-up of cooking oil under
// water, shock hazard of water on live equipment); the session records the attempt and tells
// the trainee what happened.
#include <algorithm>
#include <cstdio>

#include "session.h"
#include "session_text.h"

namespace cd::app {

/// The agent as the HUD names it; an unknown id is returned as it is, pointing into `agent`.
SessionText say::agentName(const std::string& agent) {
    static const struct { const char* id; SessionText name; } kNames[] = {
        {"water", {"water", "水"}},           {"foam", {"foam", "泡沫"}},
        {"co2", {"CO2", "二氧化碳"}},        {"powder", {"dry powder", "干粉"}},
        {"wet_chemical", {"wet chemical", "湿化学"}}, {"hose", {"the hose", "水枪"}},
    };
    for (const auto& n : kNames)
        if (agent == n.id) return n.name;
    return {agent.c_str(), agent.c_str()};
}

void Session::useExtinguisher(const std::string& fireId, const std::string& agent) {
    if (incapacitated()) {
        messages_.push_back({timeS(), "warning", tr(say::kCannotUseAgent) + "you are incapacitated"});
        return;
    }
    const std::string what = agent.empty() ? setup_.scenario->trainee.extinguisher : agent;
    if (what.empty()) {
        messages_.push_back({timeS(), "warning", tr(say::kNoExtinguisher)});
        return;
    }
    // A portable unit is spent by one use, whether it reached the fire or not; the hose is not.
    if (extinguisherEmpty(what)) {
        messages_.push_back({timeS(), "warning", tr(say::kExtinguisherEmpty) + tr(say::agentName(what))});
        return;
    }
    const std::string fire = fireId.empty() ? fire_->nearestBurningFire(body_.feetM, body_.room) : fireId;
    if (fire.empty()) {
        messages_.push_back({timeS(), "warning", tr(say::kNoFireHere)});
        return;
    }
    auto distance = fire_->applyAgent(fire, what, body_.feetM, body_.room);
    if (!distance) {
        messages_.push_back({timeS(), "warning", tr(say::kCannotUseAgent) + distance.error().message});
        return;
    }
    if (what != "hose") emptied_.insert(what);
    else firefightingUntilS_ = std::max(firefightingUntilS_, timeS() + FireHazard::kHoseBurstS);
    char text[160];
    std::snprintf(text, sizeof text, "%s turned on %s from %.1f m", what.c_str(), fire.c_str(), *distance);
    emit("fire.agent_applied", fire, *distance, text);
    messages_.push_back({timeS(), "message", tr(say::kAgentOn) + tr(say::agentName(what)) + " (" + fire + ")"});
}

// Gas cooling: a short fog pulse from the hose into the hot layer overhead, as firefighters do
// advancing under a hot layer. What turns to steam takes its heat from the gas (the fire model's
// water_spray.h); the rest wets the ceiling.
void Session::coolGas(double pulseS) {
    if (incapacitated()) {
        messages_.push_back({timeS(), "warning", tr(say::kCannotUseAgent) + "you are incapacitated"});
        return;
    }
    if (setup_.scenario->trainee.extinguisher != "hose") {
        messages_.push_back({timeS(), "warning", tr(say::kNeedHose)});
        return;
    }
    pulseS = std::clamp(pulseS, 0.2, 10.0);
    // The nozzle at the shoulder: 0.3 m below the eyes.
    const double nozzleZ = body_.feetM.z + std::max(eyeHeightM() - 0.3, 0.3);
    auto steam = fire_->sprayIntoLayer(body_.room, nozzleZ, pulseS);
    if (!steam) {
        messages_.push_back({timeS(), "warning", tr(say::kCannotUseAgent) + steam.error().message});
        return;
    }
    firefightingUntilS_ = std::max(firefightingUntilS_, timeS() + pulseS);
    char text[128];
    std::snprintf(text, sizeof text, "%.1f s fog pulse into the layer: %.0f %% of the water turns to steam in it", pulseS,
                  100.0 * *steam);
    emit("fire.gas_cooling", body_.room->id, *steam, text);
    char pct[16];
    std::snprintf(pct, sizeof pct, "%.0f %%", 100.0 * *steam);
    messages_.push_back({timeS(), "message", *steam > 0.0 ? tr(say::kGasCooling) + pct : tr(say::kLayerNotHot)});
}

namespace {
/// What the trainee is told a fire is: an item's name in the scenario's language, else the id.
std::string fireName(const scenario::ScenarioDef& sc, const std::string& id) {
    for (const auto& it : sc.items) {
        if (it.fire.id != id) continue;
        const std::string& name = sc.language == "zh" && !it.nameZh.empty() ? it.nameZh : it.name;
        if (!name.empty()) return name;
    }
    return id;
}
}  // namespace

void Session::reportAgentEvent(const HazardEvent& e) {
    if (e.kind == "fire.extinguished") {
        const std::vector<std::string> still = fire_->burning();
        std::string names;
        for (const auto& id : still) names += (names.empty() ? "" : ", ") + fireName(*setup_.scenario, id);
        messages_.push_back({timeS(), "message", still.empty() ? tr(say::kFireOut) : tr(say::kOneFireOut) + names});
    } else if (e.kind == "fire.item_ignited") {
        messages_.push_back({timeS(), "alarm", tr(say::kFireSpread) + fireName(*setup_.scenario, e.subject)});
    } else if (e.kind == "fire.item_wetted") {
        messages_.push_back({timeS(), "message", tr(say::kItemWetted) + fireName(*setup_.scenario, e.subject)});
    } else if (e.kind == "fire.reignited") {
        messages_.push_back({timeS(), "alarm", tr(say::kReignited) + fireName(*setup_.scenario, e.subject)});
    } else if (e.kind == "fire.window_cracked") {
        messages_.push_back({timeS(), "warning", tr(say::kWindowCracked)});
    } else if (e.kind == "fire.external_flames") {
        // Said once for the windows of one room that flashed over together.
        const std::string text = tr(say::kExternalFlames);
        if (messages_.empty() || messages_.back().text != text || messages_.back().timeS != timeS())
            messages_.push_back({timeS(), "alarm", text});
    } else if (e.kind == "fire.sprinkler") {
        if (sprinklered_.insert(e.subject).second) messages_.push_back({timeS(), "warning", tr(say::kSprinklerOpened)});
    } else if (e.kind == "fire.window_broke") {
        messages_.push_back({timeS(), "alarm", tr(say::kWindowBroke)});
    } else if (e.kind == "fire.flare_up") messages_.push_back({timeS(), "alarm", tr(say::kFlareUp)});
    else if (e.kind == "fire.shock_hazard") messages_.push_back({timeS(), "alarm", tr(say::kShockHazard)});
    else if (e.kind == "fire.agent_ineffective") messages_.push_back({timeS(), "warning", tr(say::kAgentNoUse)});
}

}  // namespace cd::app
