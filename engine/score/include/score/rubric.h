#pragma once
/// A rubric: the criteria a session is scored on. The scenario loader fills it from the
/// scenario file, through makeCriterion() (which validates parameters by name) or by
/// filling RubricCriterion directly and calling validateRubric(). The kinds, their
/// parameters and the evidence each uses are listed in docs/records.md.
#include <map>
#include <string>
#include <variant>
#include <vector>

#include "core/result.h"
#include "record/session_log.h"

namespace cd::score {

enum class CriterionKind {
    ReachAssembly,    ///< "reach_assembly": event trainee.reached_assembly, time vs target/limit
    LeaveBuildingBy,  ///< "leave_building_by": event trainee.left_building, time vs target/limit
    MaxFed,           ///< "max_fed": peak FED from poses and trainee.fed events
    AvoidRooms,       ///< "avoid_rooms": seconds spent in listed rooms (poses)
    AvoidSmoke,       ///< "avoid_smoke": seconds in low visibility / high temperature (poses)
    ActionBefore,     ///< "action_before": an action (optionally on a target) by a time
    ActionNever,      ///< "action_never": a forbidden action, at any time
    RouteVia,         ///< "route_via": passed through one of the safe rooms/doors, none of the unsafe
    EventNever,       ///< "event_never": a simulation event that must not happen (struck by debris, swept by water)
    EventBefore,      ///< "event_before": a simulation event that must happen by a time (a casualty freed)
};

const char* toString(CriterionKind kind);
bool parseCriterionKind(const std::string& name, CriterionKind& out);
/// All kind names, in enum order.
std::vector<std::string> criterionKindNames();

/// One criterion. Which fields matter depends on kind (the others are ignored); the
/// parameter names in the comments are the keys makeCriterion() accepts.
struct RubricCriterion {
    std::string id;           ///< "id": unique within the rubric, shown in the report
    std::string description;  ///< "description": what the trainee should do
    CriterionKind kind = CriterionKind::ReachAssembly;
    double points = 1.0;      ///< "points": maximum points, > 0
    /// "critical": earning 0 points on this criterion is a critical failure (fails the
    /// session whatever the total).
    bool critical = false;

    // reach_assembly, leave_building_by, action_before, event_before: full points at or before targetS,
    // falling linearly to 0 at limitS (limitS == targetS gives all or nothing).
    double targetS = 0.0;     ///< "target_s"
    double limitS = 0.0;      ///< "limit_s" (defaults to target_s)
    std::string subject;      ///< "subject": reach_assembly/leave_building_by/event_* only count events with this subject ("" = any)

    // max_fed: full points at or below fullBelow, 0 at or above zeroAt, linear between;
    // a peak at or above criticalFed is a critical failure.
    double fullBelow = 0.1;   ///< "full_below"
    double zeroAt = 0.3;      ///< "zero_at"
    double criticalFed = 1.0; ///< "critical_fed"

    // avoid_rooms, avoid_smoke: penalty of penaltyPerS points per second beyond graceS.
    std::vector<std::string> rooms;  ///< "rooms": avoid_rooms: the rooms to stay out of
    double penaltyPerS = 0.1;        ///< "penalty_per_s"
    double graceS = 0.0;             ///< "grace_s"
    /// "visibility_below_m": avoid_smoke counts time with visibility below this (0 = off).
    double visibilityBelowM = 0.0;
    /// "temperature_above_c": avoid_smoke counts time with gas temperature above this (0 = off).
    double temperatureAboveC = 0.0;

    // action_before, action_never
    record::ActionKind action = record::ActionKind::PullAlarm;  ///< "action": snake_case name
    std::string target;       ///< "target": only actions on this target count ("" = any)

    // route_via: full points when any of via was passed and none of notVia.
    std::vector<std::string> via;     ///< "via": room or door ids of the safe route
    std::vector<std::string> notVia;  ///< "not_via": room or door ids of unsafe routes

    // event_never: full points when no event of this kind (with subject, if given) was recorded;
    // event_before: the first such event, graded by target_s and limit_s.
    std::string event;                ///< "event": the event kind, e.g. "trainee.struck_by_debris"
};

struct Rubric {
    std::string id;
    std::vector<RubricCriterion> criteria;
    /// Percent of the maximum points (0..100) needed to pass, with no critical failure.
    double passMark = 60.0;
};

/// A parameter value as the scenario file gives it.
using ParamValue = std::variant<bool, double, std::string, std::vector<std::string>>;
using CriterionParams = std::map<std::string, ParamValue>;

/// Builds and validates a criterion of a kind ("reach_assembly", ...) from named
/// parameters. "id" is required; unknown keys, wrong types and out-of-range values are
/// errors whose field names the parameter (the loader adds file and line).
Result<RubricCriterion> makeCriterion(const std::string& kind, const CriterionParams& params);

/// Checks one criterion's values for its kind; the error field is the parameter name.
Status validateCriterion(const RubricCriterion& c);
/// Checks every criterion, that ids are unique and that passMark is within 0..100; error
/// fields read "criteria[2].target_s" or "pass_mark".
Status validateRubric(const Rubric& rubric);

}  // namespace cd::score
