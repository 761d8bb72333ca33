#include "score/rubric.h"

#include <array>
#include <cmath>
#include <set>
#include <utility>

namespace cd::score {
namespace {

constexpr std::array<std::pair<CriterionKind, const char*>, 10> kKindNames{{
    {CriterionKind::ReachAssembly, "reach_assembly"},
    {CriterionKind::LeaveBuildingBy, "leave_building_by"},
    {CriterionKind::MaxFed, "max_fed"},
    {CriterionKind::AvoidRooms, "avoid_rooms"},
    {CriterionKind::AvoidSmoke, "avoid_smoke"},
    {CriterionKind::ActionBefore, "action_before"},
    {CriterionKind::ActionNever, "action_never"},
    {CriterionKind::RouteVia, "route_via"},
    {CriterionKind::EventNever, "event_never"},
    {CriterionKind::EventBefore, "event_before"},
}};

// Parameter keys each kind accepts besides the common ones.
std::set<std::string> kindKeys(CriterionKind k) {
    switch (k) {
        case CriterionKind::ReachAssembly:
        case CriterionKind::LeaveBuildingBy: return {"target_s", "limit_s", "subject"};
        case CriterionKind::MaxFed: return {"full_below", "zero_at", "critical_fed"};
        case CriterionKind::AvoidRooms: return {"rooms", "penalty_per_s", "grace_s"};
        case CriterionKind::AvoidSmoke: return {"visibility_below_m", "temperature_above_c", "penalty_per_s", "grace_s"};
        case CriterionKind::ActionBefore: return {"action", "target", "target_s", "limit_s"};
        case CriterionKind::ActionNever: return {"action", "target"};
        case CriterionKind::RouteVia: return {"via", "not_via"};
        case CriterionKind::EventNever: return {"event", "subject"};
        case CriterionKind::EventBefore: return {"event", "subject", "target_s", "limit_s"};
    }
    return {};
}

std::string join(const std::vector<std::string>& v) {
    std::string s;
    for (const auto& x : v) s += (s.empty() ? "" : ", ") + x;
    return s;
}

const char* typeName(const ParamValue& v) {
    switch (v.index()) {
        case 0: return "a boolean";
        case 1: return "a number";
        case 2: return "a string";
        default: return "a list of strings";
    }
}

Error fieldError(const std::string& field, const std::string& msg) { return makeError(msg, "", 0, field); }

bool finite(double v) { return std::isfinite(v); }

}  // namespace

const char* toString(CriterionKind kind) {
    for (const auto& [k, n] : kKindNames)
        if (k == kind) return n;
    return "unknown";
}

bool parseCriterionKind(const std::string& name, CriterionKind& out) {
    for (const auto& [k, n] : kKindNames) {
        if (name == n) {
            out = k;
            return true;
        }
    }
    return false;
}

std::vector<std::string> criterionKindNames() {
    std::vector<std::string> v;
    for (const auto& e : kKindNames) v.emplace_back(e.second);
    return v;
}

Result<RubricCriterion> makeCriterion(const std::string& kindName, const CriterionParams& params) {
    RubricCriterion c;
    if (!parseCriterionKind(kindName, c.kind))
        return fieldError("kind", "unknown criterion kind '" + kindName + "' (expected one of: " +
                                      join(criterionKindNames()) + ")");
    std::set<std::string> allowed = kindKeys(c.kind);
    allowed.insert({"id", "description", "points", "critical", "kind"});
    for (const auto& [key, value] : params) {
        (void)value;
        if (!allowed.count(key)) {
            std::vector<std::string> names(allowed.begin(), allowed.end());
            return fieldError(key, "not a parameter of " + kindName + " (accepted: " + join(names) + ")");
        }
    }

    auto number = [&](const char* key, double& out) -> Status {
        auto it = params.find(key);
        if (it == params.end()) return Ok{};
        if (const double* d = std::get_if<double>(&it->second)) {
            if (!finite(*d)) return fieldError(key, "must be a finite number");
            out = *d;
            return Ok{};
        }
        return fieldError(key, std::string("must be a number, not ") + typeName(it->second));
    };
    auto text = [&](const char* key, std::string& out) -> Status {
        auto it = params.find(key);
        if (it == params.end()) return Ok{};
        if (const auto* s = std::get_if<std::string>(&it->second)) {
            out = *s;
            return Ok{};
        }
        return fieldError(key, std::string("must be a string, not ") + typeName(it->second));
    };
    auto list = [&](const char* key, std::vector<std::string>& out) -> Status {
        auto it = params.find(key);
        if (it == params.end()) return Ok{};
        if (const auto* l = std::get_if<std::vector<std::string>>(&it->second)) {
            out = *l;
            return Ok{};
        }
        if (const auto* s = std::get_if<std::string>(&it->second)) {  // a single id is a list of one
            out = {*s};
            return Ok{};
        }
        return fieldError(key, std::string("must be a list of ids, not ") + typeName(it->second));
    };
    auto require = [&](const char* key) -> Status {
        if (!params.count(key)) return fieldError(key, std::string("is required for ") + kindName);
        return Ok{};
    };

    if (auto st = require("id"); !st) return st.error();
    std::string actionName;
    bool hasLimit = params.count("limit_s") > 0;
    for (Status st : {text("id", c.id), text("description", c.description), number("points", c.points),
                      number("target_s", c.targetS), number("limit_s", c.limitS), text("subject", c.subject),
                      number("full_below", c.fullBelow), number("zero_at", c.zeroAt),
                      number("critical_fed", c.criticalFed), list("rooms", c.rooms),
                      number("penalty_per_s", c.penaltyPerS), number("grace_s", c.graceS),
                      number("visibility_below_m", c.visibilityBelowM),
                      number("temperature_above_c", c.temperatureAboveC), text("action", actionName),
                      text("target", c.target), list("via", c.via), list("not_via", c.notVia),
                      text("event", c.event)}) {
        if (!st) return st.error();
    }
    if (auto it = params.find("critical"); it != params.end()) {
        const bool* b = std::get_if<bool>(&it->second);
        if (!b) return fieldError("critical", std::string("must be true or false, not ") + typeName(it->second));
        c.critical = *b;
    }

    switch (c.kind) {
        case CriterionKind::ReachAssembly:
        case CriterionKind::LeaveBuildingBy:
            if (auto st = require("target_s"); !st) return st.error();
            if (!hasLimit) c.limitS = c.targetS;
            break;
        case CriterionKind::ActionBefore:
            if (auto st = require("target_s"); !st) return st.error();
            if (!hasLimit) c.limitS = c.targetS;
            [[fallthrough]];
        case CriterionKind::ActionNever:
            if (auto st = require("action"); !st) return st.error();
            if (!record::parseActionKind(actionName, c.action))
                return fieldError("action", "unknown action '" + actionName + "' (expected one of: " +
                                                join(record::actionKindNames()) + ")");
            break;
        case CriterionKind::AvoidRooms:
            if (auto st = require("rooms"); !st) return st.error();
            break;
        case CriterionKind::RouteVia:
            if (auto st = require("via"); !st) return st.error();
            break;
        case CriterionKind::EventBefore:
            if (auto st = require("target_s"); !st) return st.error();
            if (!hasLimit) c.limitS = c.targetS;
            [[fallthrough]];
        case CriterionKind::EventNever:
            if (auto st = require("event"); !st) return st.error();
            break;
        default: break;
    }
    if (auto st = validateCriterion(c); !st) return st.error();
    return c;
}

Status validateCriterion(const RubricCriterion& c) {
    if (c.id.empty()) return fieldError("id", "must not be empty");
    if (!finite(c.points) || c.points <= 0.0) return fieldError("points", "must be greater than 0");
    switch (c.kind) {
        case CriterionKind::ReachAssembly:
        case CriterionKind::LeaveBuildingBy:
        case CriterionKind::ActionBefore:
            if (!finite(c.targetS) || c.targetS < 0.0) return fieldError("target_s", "must be 0 or more seconds");
            if (!finite(c.limitS) || c.limitS < c.targetS)
                return fieldError("limit_s", "must be at least target_s (" + std::to_string(c.targetS) + ")");
            break;
        case CriterionKind::MaxFed:
            if (!finite(c.fullBelow) || c.fullBelow < 0.0) return fieldError("full_below", "must be 0 or more");
            if (!finite(c.zeroAt) || c.zeroAt <= c.fullBelow)
                return fieldError("zero_at", "must be greater than full_below");
            if (!finite(c.criticalFed) || c.criticalFed <= 0.0) return fieldError("critical_fed", "must be greater than 0");
            break;
        case CriterionKind::AvoidRooms:
            if (c.rooms.empty()) return fieldError("rooms", "must list at least one room id");
            [[fallthrough]];
        case CriterionKind::AvoidSmoke:
            if (!finite(c.penaltyPerS) || c.penaltyPerS <= 0.0) return fieldError("penalty_per_s", "must be greater than 0");
            if (!finite(c.graceS) || c.graceS < 0.0) return fieldError("grace_s", "must be 0 or more seconds");
            if (c.kind == CriterionKind::AvoidSmoke) {
                if (!finite(c.visibilityBelowM) || c.visibilityBelowM < 0.0)
                    return fieldError("visibility_below_m", "must be 0 (off) or more metres");
                if (!finite(c.temperatureAboveC) || c.temperatureAboveC < 0.0)
                    return fieldError("temperature_above_c", "must be 0 (off) or more degrees C");
                if (c.visibilityBelowM <= 0.0 && c.temperatureAboveC <= 0.0)
                    return fieldError("visibility_below_m", "set visibility_below_m or temperature_above_c (or both)");
            }
            break;
        case CriterionKind::ActionNever: break;
        case CriterionKind::RouteVia:
            if (c.via.empty()) return fieldError("via", "must list at least one room or door id");
            break;
        case CriterionKind::EventBefore:
            if (!finite(c.targetS) || c.targetS < 0.0) return fieldError("target_s", "must be 0 or more seconds");
            if (!finite(c.limitS) || c.limitS < c.targetS)
                return fieldError("limit_s", "must be at least target_s (" + std::to_string(c.targetS) + ")");
            [[fallthrough]];
        case CriterionKind::EventNever:
            if (c.event.empty()) return fieldError("event", "must name an event kind");
            break;
    }
    return Ok{};
}

Status validateRubric(const Rubric& r) {
    if (!finite(r.passMark) || r.passMark < 0.0 || r.passMark > 100.0)
        return fieldError("pass_mark", "must be a percentage between 0 and 100");
    if (r.criteria.empty()) return fieldError("criteria", "a rubric needs at least one criterion");
    std::set<std::string> ids;
    for (std::size_t i = 0; i < r.criteria.size(); ++i) {
        std::string prefix = "criteria[" + std::to_string(i) + "].";
        if (auto st = validateCriterion(r.criteria[i]); !st) {
            Error e = st.error();
            e.field = prefix + e.field;
            return e;
        }
        if (!ids.insert(r.criteria[i].id).second)
            return fieldError(prefix + "id", "duplicate criterion id '" + r.criteria[i].id + "'");
    }
    return Ok{};
}

}  // namespace cd::score
