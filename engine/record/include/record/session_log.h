#pragma once
/// What a session records: the trainee's actions, hazard and scenario events, poses at a
/// lower rate, and periodic state hashes. A SessionLog is the in-memory form; SessionStore
/// (session_store.h) writes and reads it as SQLite. Scoring is a pure function of it.
#include <cstdint>
#include <string>
#include <vector>

namespace cd::record {

/// The trainee action vocabulary, shared by desktop input, XR, bots and replay.
enum class ActionKind {
    Move,             ///< walk towards (x, y, z); text may name a waypoint
    Look,             ///< set view yaw (value, degrees) and pitch (z, degrees)
    Crouch,           ///< lower the eyes below the smoke layer
    Stand,
    OpenDoor,         ///< target = door id
    CloseDoor,        ///< target = door id
    PullAlarm,        ///< target = call point id (or empty)
    UseExtinguisher,  ///< target = fire id; text = agent ("water", "co2", "foam", "powder", "wet_chemical")
    CallEmergency,    ///< text = what was said
    Report,           ///< radio or verbal report; text = content
    TagCasualty,      ///< target = casualty id; text = triage category
    LeadGroup,        ///< target = group id; text = exit or door id
    DropCoverHold,    ///< earthquake protective action
    Pause,
    Resume,
    UseLift,          ///< target = lift id (added by record: rubrics forbid it in a fire)
    ClearDebris,      ///< target = casualty id: lift the debris off them, piece by piece
    CoolGas,          ///< a fog pulse from the hose into the hot layer overhead; value = seconds (1 if 0)
    OpenWindow,       ///< target = window id (within reach)
    CloseWindow,      ///< target = window id (within reach)
};

const char* toString(ActionKind kind);
/// Parses the snake_case name ("open_door"); false if unknown.
bool parseActionKind(const std::string& name, ActionKind& out);
/// Every snake_case action name, in enum order (for error messages and docs).
std::vector<std::string> actionKindNames();

struct TraineeAction {
    double timeS = 0.0;
    std::string trainee = "trainee";
    ActionKind kind = ActionKind::Move;
    std::string target;
    double x = 0.0, y = 0.0, z = 0.0;
    double value = 0.0;
    std::string text;
};

/// A hazard or scenario event, e.g. kind "fire.ignite", "alarm.sound", "door.open",
/// "trainee.enter_room", "trainee.fed_threshold", "trainee.reached_assembly", "scenario.end".
struct SimEvent {
    double timeS = 0.0;
    std::string kind;
    std::string subject;  ///< what it is about: a room, door, fire or trainee id
    double value = 0.0;
    std::string text;     ///< human-readable detail for the report
};

/// The trainee's state, sampled at a lower rate than the tick (e.g. 4 Hz).
struct PoseSample {
    double timeS = 0.0;
    std::string trainee = "trainee";
    double x = 0.0, y = 0.0, z = 0.0;  ///< feet position, metres, Z up
    double yawDeg = 0.0;
    double pitchDeg = 0.0;
    std::string room;          ///< room id, or "outside"
    double fed = 0.0;          ///< accumulated fractional effective dose (ISO 13571)
    double visibilityM = 0.0;  ///< at eye height
    double temperatureC = 20.0;  ///< gas temperature at eye height
};

/// A hash of the whole simulation state every N ticks: same scenario, seed and actions
/// give the same hashes (replay and tests rely on it).
struct StateHash {
    std::int64_t tick = 0;
    double timeS = 0.0;
    std::uint64_t hash = 0;
};

struct SessionMeta {
    std::string sessionId;      ///< unique, e.g. date-time plus seed
    std::string scenarioId;
    std::string scenarioTitle;
    std::string scenarioPath;
    std::uint64_t seed = 0;
    std::string startedAtUtc;   ///< ISO 8601
    std::string citydrillVersion;
    std::string traineeName = "trainee";
    std::string traineeRole;    ///< "student", "teacher", "responder"
    std::string input;          ///< "desktop", "xr", "bot:<path>", "replay"
    double tickS = 1.0 / 60.0;
    double durationS = 0.0;     ///< simulated seconds actually run
};

struct SessionLog {
    SessionMeta meta;
    std::vector<TraineeAction> actions;
    std::vector<SimEvent> events;
    std::vector<PoseSample> poses;
    std::vector<StateHash> hashes;
};

}  // namespace cd::record
