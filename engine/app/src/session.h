#pragma once
// One training session: the fixed-step tick of ARCHITECTURE.md. Input arrives as
// TraineeActions; scenario rules emit hazard commands; hazards step; events are pulled;
// the recorder appends actions, events, poses (4 Hz) and state hashes (1 Hz).
#include <deque>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "breathing_apparatus.h"
#include "breathing_rate.h"
#include "core/fixed_clock.h"
#include "core/result.h"
#include "crowd_population.h"
#include "debris_rescue.h"
#include "earthquake_hazard.h"
#include "felt_shaking.h"
#include "fire_hazard.h"
#include "flood_hazard.h"
#include "record/session_log.h"
#include "record/session_store.h"
#include "scenario/scenario_def.h"
#include "scenario/scenario_rules.h"
#include "trainee_body.h"
#include "trainee_capsule.h"
#include "world/district.h"
#include "world/walk_graph.h"

namespace cd::app {

struct SessionSetup {
    const scenario::ScenarioDef* scenario = nullptr;
    const world::District* district = nullptr;
    std::uint64_t seed = 1;
    double durationS = 300.0;
    std::string input = "desktop";  ///< "desktop", "bot:<path>", "replay"
    std::string databasePath;       ///< session.db to create
    std::string sessionId;
    std::string startedAtUtc;
};

/// A line of text for the HUD and the report: alarms, radio messages, warnings.
struct SessionMessage {
    double timeS = 0.0;
    std::string kind;  ///< "alarm", "message", "warning"
    std::string text;
};

/// What the trainee met besides smoke, sampled with the poses (for the report's plots).
struct HazardTracePoint {
    double timeS = 0.0;
    float waterDepthM = 0.0f;     ///< at the feet (0 indoors or without a flood)
    float waterSpeedMS = 0.0f;
    float hazardRating = 0.0f;    ///< Defra FD2321 hazard rating
    float groundAccelMS2 = 0.0f;  ///< peak horizontal ground acceleration since the last sample
    float shakingIntensity = 0.0f;  ///< JMA instrumental intensity felt (FeltShaking)
    float baPressureBar = 0.0f;     ///< the breathing apparatus's cylinder (0 without one)
    float baLMin = 0.0f;            ///< air drawn from it now
    float breathingLMin = 0.0f;     ///< air the trainee breathes now (BreathingRate)
    float floorAccelMS2 = 0.0f;     ///< peak horizontal acceleration of the trainee's floor since the last sample
    float storeyDriftPct = 0.0f;    ///< a swaying building's largest storey drift ratio now, %
};

class Session {
public:
    static Result<std::unique_ptr<Session>> start(const SessionSetup& setup);

    /// Queues an action for the next tick (stamped with that tick's time).
    void act(record::TraineeAction action);
    /// Desktop walking: a direction in the ground plane (unit or zero) and whether running;
    /// recorded as a Move action when it changes.
    void setWalkIntent(float dirX, float dirY, bool run);
    /// Runs one fixed step.
    void tick();
    /// Closes the record; call once at the end.
    Status finish();

    bool ended() const { return ended_; }
    double timeS() const { return clock_.timeS(); }
    double stepS() const { return clock_.stepS(); }
    std::int64_t tickIndex() const { return clock_.tick(); }
    const record::SessionLog& log() const { return log_; }
    const TraineeBody& body() const { return body_; }
    float eyeHeightM() const;
    const FireHazard& fire() const { return *fire_; }
    /// The scenario's flood; nullptr when the scenario has no [flood].
    const FloodHazard* flood() const { return flood_.get(); }
    /// The water where the trainee stands (all zero without a flood).
    const FloodPointSample& lastFloodSample() const { return lastFlood_; }
    /// Highest flood hazard rating the trainee stood in, and whether the water swept them off their feet.
    double maxFloodHazardRating() const { return maxFloodHr_; }
    bool sweptByFlood() const { return swept_; }
    const std::vector<SessionMessage>& messages() const { return messages_; }
    const std::vector<HazardTracePoint>& hazardTrace() const { return trace_; }
    double fed() const { return fed_.fed(); }
    double heatFed() const { return fed_.heatFed(); }
    /// How hard the trainee breathes (the CO of the smoke they take up; the air their set gives).
    const BreathingRate& breathingRate() const { return breathingRate_; }
    /// The breathing apparatus the trainee wears, or nullptr.
    const BreathingApparatus* breathingApparatus() const { return breathing_ ? &*breathing_ : nullptr; }
    const HazardSample& lastSample() const { return lastSample_; }
    bool reachedAssembly() const { return reachedAssemblyS_.has_value(); }
    const std::string& chainHead() const;
    std::uint64_t lastStateHash() const { return lastHash_; }
    /// Whether the bot/desktop move target has been reached (no move pending).
    bool idle() const { return !moveTarget_ && walkDir_ == glm::vec3(0.0f); }
    const scenario::ScenarioDef& scenario() const { return *setup_.scenario; }
    const world::District& district() const { return *setup_.district; }
    /// The scenario's earthquake; nullptr when the scenario has no [earthquake].
    /// The scenario's earthquake (its [earthquake] table), nullptr without one, even when the
    /// session runs a still physics world for the trainee's body.
    const EarthquakeHazard* earthquake() const { return stillScenario_ ? nullptr : quake_.get(); }
    /// Whether the scenario's ground shakes (an [earthquake] with ground motion).
    bool groundShakes() const { return earthquake() && setup_.scenario->earthquake->groundMotion; }
    /// The shut doors of the building the trainee's body is modelled in, for drawing.
    std::vector<render::BoxInstance> shutDoors() const { return quake_ ? quake_->shutDoors() : std::vector<render::BoxInstance>{}; }
    /// Struck down by debris (seriously injured, incapacitated).
    bool struckByDebris() const { return struck_; }
    /// Struck by debris that hurt but did not stop them (and not struck down since).
    bool hurtByDebris() const { return hurtBy_ >= 0 && !struck_; }
    /// Whether the trainee is under a desk holding on (not while still crawling to it).
    bool underDesk() const { return shelter_ && shelter_->under; }
    /// The trainee's work lifting debris off casualties (nullptr without an earthquake).
    const DebrisRescue* rescue() const { return rescue_ ? &*rescue_ : nullptr; }
    /// The shaking the trainee feels (JMA instrumental intensity of the last 3 s) and its a0.
    const FeltShaking& feltShaking() const { return felt_; }
    /// The district's walk graph with the doors debris has blocked (bots route over it).
    const world::WalkGraph& walkGraph() const { return graph_; }
    /// The scenario's crowd (classmates, teachers); nullptr when the scenario has none.
    const CrowdPopulation* crowd() const { return crowd_.get(); }
    /// People to draw (empty without a crowd): classmates blue, teachers green, overcome red.
    std::vector<CrowdPersonView> crowdPeople() const;
    /// Whether the trainee has discharged their extinguisher of that agent (the hose never runs dry).
    bool extinguisherEmpty(const std::string& agent) const { return agent != "hose" && emptied_.count(agent) > 0; }
    /// People out, last out, max FED (all zero without a crowd).
    CrowdFigures crowdFigures() const;

private:
    explicit Session(const SessionSetup& setup);
    Status init();
    void applyAction(const record::TraineeAction& a);
    void applyCommand(const scenario::HazardCommand& c);
    void moveBody();
    void openDoorPressedOn();
    void followPassedDoors(double now);
    /// The trainee's capsule (earthquake sessions): this tick's steering, before the physics steps.
    void steerCapsule();
    /// Speed of walking now, of the gait's speed: shaking and wading slow it.
    float speedFactor() const;
    /// A scripted move's speed in smoke, of the gait's (Frantzich & Nilsson, as the crowd).
    float scriptedSmokeFactor() const;
    void senseHazards();
    void coolGas(double pulseS);  ///< session_extinguisher.cpp
    void breathe();  ///< at the pace they moved; the breathing apparatus runs down: whistle, empty
    void senseFlood();
    void senseEarthquake();
    /// Drop, cover, hold on (session_shelter.cpp): the nearest free place under a desk within
    /// reach that the trainee fits under, false if none; crawling there, holding on to it; out
    /// from under it when the trainee stands or moves.
    bool takeShelter();
    void followShelter(float dtS);
    void leaveShelter();
    /// Where the trainee is, or is crawling to under a desk (the crowd leaves that place to them).
    glm::vec3 claimedSpot() const;
    /// Top of the body on hands and knees (the crowd's proportion of the trainee's height), and
    /// the eye there, a little under the back.
    float crawlHeightM() const;
    float shelterEyeHeightM() const;
    void applyQuakeEvent(const HazardEvent& e);
    /// The trainee turns an extinguisher or hose on a fire (session_extinguisher.cpp): fireId
    /// empty for the nearest one burning in their room, agent empty for the one they carry.
    void useExtinguisher(const std::string& fireId, const std::string& agent);
    /// HUD messages for what an agent did (out, flare-up, shock hazard, no use).
    void reportAgentEvent(const HazardEvent& e);
    void startRescue(const std::string& casualtyId);
    void continueRescue();
    /// A HUD message in the scenario's language.
    std::string tr(const struct SessionText& t) const;
    void emit(const std::string& kind, const std::string& subject, double value, const std::string& text);
    std::uint64_t stateHash() const;
    void recordStatus(const Status& s);

    SessionSetup setup_;
    FixedClock clock_;
    scenario::ScenarioRules rules_;
    TraineeMotion motion_;
    TraineeBody body_;
    std::unique_ptr<FireHazard> fire_;
    std::unique_ptr<CrowdPopulation> crowd_;
    std::unique_ptr<FloodHazard> flood_;
    /// Without an [earthquake]: the scenario plus a still one, for the trainee's body (quake_ keeps
    /// a pointer into it, so it is declared first and outlives it).
    std::unique_ptr<scenario::ScenarioDef> stillScenario_;
    /// The building's physics world: the scenario's earthquake, or the still one above.
    std::unique_ptr<EarthquakeHazard> quake_;
    std::optional<TraineeCapsule> capsule_;  ///< the trainee's body in the quake's physics world
    struct Shelter {
        int desk = -1;       ///< body index (EarthquakeHazard::bodyBox)
        int place = -1;      ///< of placesUnderDesk
        bool under = false;  ///< arrived: holding on
        double sinceS = 0.0; ///< when they got under it
    };
    std::optional<Shelter> shelter_;  ///< under, or crawling under, a desk
    struct DoorUse {
        double lastS = 0.0;       ///< last time someone was passing through
        const char* who = "";     ///< "the crowd" or "the trainee"
    };
    std::map<std::string, DoorUse> passedDoors_;  ///< shut doors pushed open by people passing through
    std::optional<glm::vec3> stepIn_;        ///< where a rescuer steps into the heap (DebrisRescue::stepIn)
    std::optional<DebrisRescue> rescue_;     ///< lifting debris off a trapped casualty (with a quake)
    world::WalkGraph graph_;
    FeltShaking felt_;
    bool radiantWarned_ = false;     ///< told the flames' heat is too much here (until it falls back)
    std::set<std::string> emptied_;  ///< portable extinguishers the trainee has discharged (by agent)
    std::set<std::string> sprinklered_;  ///< rooms where a sprinkler has opened (said once each)
    double shakePeakMS2_ = 0.0;  ///< highest ground acceleration since the last trace point
    double floorPeakMS2_ = 0.0;  ///< highest acceleration of the trainee's floor since then
    std::vector<HazardTracePoint> trace_;
    bool struck_ = false;      ///< struck down by debris (seriously injured: debris_strike.h)
    int hurtBy_ = -1;          ///< the body whose blow hurt but did not stop them (DebrisStrike::body), -1 none
    bool thrownDown_ = false;  ///< on the floor because the shaking is too strong to stand (JMA 6 upper)
    FloodPointSample lastFlood_;
    double maxFloodHr_ = 0.0;
    bool floodExposed_ = false, swept_ = false;
    FedDose fed_;
    BreathingRate breathingRate_{Breather{}};    ///< the trainee's ([trainee] body_mass_kg, load_kg, vo2max_ml_kg_min)
    std::optional<BreathingApparatus> breathing_;  ///< worn from the start ([trainee.breathing_apparatus])
    std::optional<glm::vec3> breathedAtM_;  ///< the feet at the last breath (the pace of breathing)
    double firefightingUntilS_ = -1.0;     ///< working the hose until then (the breathing's work, kFirefightingMets)
    HazardSample lastSample_;
    std::unique_ptr<record::SessionStore> store_;
    record::SessionLog log_;
    std::deque<record::TraineeAction> pending_;
    std::vector<SessionMessage> messages_;

    std::optional<glm::vec3> moveTarget_;
    bool moveRun_ = false;
    glm::vec3 walkDir_{0.0f};
    glm::vec3 intentDir_{0.0f};
    bool intentRun_ = false;
    bool walkRun_ = false;
    std::string lastRoomId_ = "?";
    bool leftBuilding_ = false;
    std::optional<double> reachedAssemblyS_;
    bool fedWarned_ = false, fedIncapacitated_ = false;
    /// Out of action: overcome by smoke, swept off their feet or struck down.
    bool incapacitated() const { return fedIncapacitated_ || swept_ || struck_; }
    bool ended_ = false;
    bool storeFailed_ = false;
    std::uint64_t lastHash_ = 0;
};

}  // namespace cd::app
