#include "score/scorer.h"

#include <algorithm>
#include <cmath>
#include <cstdarg>
#include <cstdio>
#include <functional>
#include <map>

namespace cd::score {
namespace {

using record::ActionKind;
using record::PoseSample;
using record::SessionLog;
using record::TraineeAction;

std::string fmt(const char* f, ...) __attribute__((format(printf, 1, 2)));
std::string fmt(const char* f, ...) {
    char buf[512];
    va_list ap;
    va_start(ap, f);
    std::vsnprintf(buf, sizeof buf, f, ap);
    va_end(ap);
    return buf;
}

bool contains(const std::vector<std::string>& v, const std::string& s) {
    return std::find(v.begin(), v.end(), s) != v.end();
}

std::string joinIds(const std::vector<std::string>& v) {
    std::string s;
    for (const auto& x : v) s += (s.empty() ? "" : ", ") + x;
    return s;
}

// Full points at or before target, falling linearly to 0 at limit (limit == target: step).
double timeGrade(double t, double target, double limit, double points) {
    if (t <= target) return points;
    if (t >= limit) return 0.0;
    return points * (limit - t) / (limit - target);
}

std::string windowText(const RubricCriterion& c) {
    if (c.limitS > c.targetS) return fmt("target %.1f s, zero at %.1f s", c.targetS, c.limitS);
    return fmt("deadline %.1f s", c.targetS);
}

// Poses in time order (stable, so equal times keep recording order).
std::vector<const PoseSample*> posesInTime(const SessionLog& log) {
    std::vector<const PoseSample*> p;
    p.reserve(log.poses.size());
    for (const auto& s : log.poses) p.push_back(&s);
    std::stable_sort(p.begin(), p.end(), [](const PoseSample* a, const PoseSample* b) { return a->timeS < b->timeS; });
    return p;
}

// Seconds during which pred holds, treating each pose as holding until the next one (the
// last one until the end of the session). Also gives the first time it held.
struct Exposure {
    double seconds = 0.0;
    double firstS = -1.0;
};
Exposure exposure(const SessionLog& log, const std::function<bool(const PoseSample&)>& pred) {
    Exposure e;
    auto p = posesInTime(log);
    for (std::size_t i = 0; i < p.size(); ++i) {
        double end = i + 1 < p.size() ? p[i + 1]->timeS : std::max(p[i]->timeS, log.meta.durationS);
        if (!pred(*p[i])) continue;
        if (e.firstS < 0.0) e.firstS = p[i]->timeS;
        e.seconds += std::max(0.0, end - p[i]->timeS);
    }
    return e;
}

const TraineeAction* firstAction(const SessionLog& log, ActionKind kind, const std::string& target, int* count) {
    const TraineeAction* first = nullptr;
    int n = 0;
    for (const auto& a : log.actions) {
        if (a.kind != kind || (!target.empty() && a.target != target)) continue;
        ++n;
        if (!first || a.timeS < first->timeS) first = &a;
    }
    if (count) *count = n;
    return first;
}

std::string actionText(ActionKind kind, const std::string& target) {
    std::string s = record::toString(kind);
    if (!target.empty()) s += " (" + target + ")";
    return s;
}

void scoreEventTime(const SessionLog& log, const RubricCriterion& c, const char* eventKind, const char* what,
                    CriterionResult& r) {
    auto t = firstEventTime(log, eventKind, c.subject);
    if (!t) {
        r.evidence = fmt("never %s (no %s event%s in %.1f s; %s)", what, eventKind,
                         c.subject.empty() ? "" : (" for " + c.subject).c_str(), log.meta.durationS,
                         windowText(c).c_str());
        return;
    }
    r.points = timeGrade(*t, c.targetS, c.limitS, c.points);
    r.evidence = fmt("%s at %.1f s (%s)", what, *t, windowText(c).c_str());
}

void scoreMaxFed(const SessionLog& log, const RubricCriterion& c, CriterionResult& r) {
    FedPeak peak = peakFed(log);
    if (peak.fed <= c.fullBelow) r.points = c.points;
    else if (peak.fed >= c.zeroAt) r.points = 0.0;
    else r.points = c.points * (c.zeroAt - peak.fed) / (c.zeroAt - c.fullBelow);
    r.evidence = fmt("peak FED %.3f at %.1f s (full points at or below %.2f, none at %.2f)", peak.fed, peak.timeS,
                     c.fullBelow, c.zeroAt);
    if (peak.fed >= c.criticalFed) {
        r.criticalFailure = true;
        r.evidence += fmt("; FED reached %.2f: incapacitation (critical failure)", c.criticalFed);
    } else if (auto t = firstEventTime(log, "trainee.incapacitated")) {
        // The simulation may declare incapacitation by its own rule (heat, flood depth).
        r.points = 0.0;
        r.criticalFailure = true;
        r.evidence += fmt("; trainee.incapacitated at %.1f s (critical failure)", *t);
    }
}

void scoreExposure(const RubricCriterion& c, const Exposure& e, const std::string& what,
                   CriterionResult& r) {
    double counted = std::max(0.0, e.seconds - c.graceS);
    double penalty = std::min(c.points, counted * c.penaltyPerS);
    r.points = c.points - penalty;
    if (e.seconds <= 0.0) {
        r.evidence = "no time " + what;
        return;
    }
    r.evidence = fmt("%.1f s %s (first at %.1f s); %.1f s grace, penalty %.2f points/s = %.2f", e.seconds,
                     what.c_str(), e.firstS, c.graceS, c.penaltyPerS, penalty);
}

void scoreActionBefore(const SessionLog& log, const RubricCriterion& c, CriterionResult& r) {
    const TraineeAction* a = firstAction(log, c.action, c.target, nullptr);
    std::string name = actionText(c.action, c.target);
    if (!a) {
        r.evidence = fmt("no %s action in %.1f s (%s)", name.c_str(), log.meta.durationS, windowText(c).c_str());
        return;
    }
    r.points = timeGrade(a->timeS, c.targetS, c.limitS, c.points);
    const char* late = a->timeS > c.limitS ? ", too late" : (a->timeS > c.targetS ? ", late" : "");
    r.evidence = fmt("%s at %.1f s (%s%s)", name.c_str(), a->timeS, windowText(c).c_str(), late);
}

void scoreEventNever(const SessionLog& log, const RubricCriterion& c, CriterionResult& r) {
    int n = 0;
    const record::SimEvent* first = nullptr;
    for (const auto& e : log.events) {
        if (e.kind != c.event || (!c.subject.empty() && e.subject != c.subject)) continue;
        if (!first) first = &e;
        ++n;
    }
    const std::string name = c.event + (c.subject.empty() ? "" : " (" + c.subject + ")");
    if (!first) {
        r.points = c.points;
        r.evidence = "no " + name;
        return;
    }
    r.evidence = fmt("%s at %.1f s (%d time%s)", name.c_str(), first->timeS, n, n == 1 ? "" : "s");
}

void scoreActionNever(const SessionLog& log, const RubricCriterion& c, CriterionResult& r) {
    int n = 0;
    const TraineeAction* a = firstAction(log, c.action, c.target, &n);
    std::string name = actionText(c.action, c.target);
    if (!a) {
        r.points = c.points;
        r.evidence = "no " + name + " action";
        return;
    }
    r.evidence = fmt("forbidden %s at %.1f s (%d time%s)", name.c_str(), a->timeS, n, n == 1 ? "" : "s");
}

// Rooms and doors passed: pose rooms, trainee.enter_room / trainee.pass_door event subjects
// and open_door action targets, each with the first time it was seen.
std::map<std::string, double> placesPassed(const SessionLog& log) {
    std::map<std::string, double> first;
    auto note = [&](const std::string& id, double t) {
        if (id.empty()) return;
        auto [it, inserted] = first.emplace(id, t);
        if (!inserted) it->second = std::min(it->second, t);
    };
    for (const auto& p : log.poses) note(p.room, p.timeS);
    for (const auto& e : log.events)
        if (e.kind == "trainee.enter_room" || e.kind == "trainee.pass_door") note(e.subject, e.timeS);
    for (const auto& a : log.actions)
        if (a.kind == ActionKind::OpenDoor) note(a.target, a.timeS);
    return first;
}

void scoreRouteVia(const SessionLog& log, const RubricCriterion& c, CriterionResult& r) {
    auto passed = placesPassed(log);
    std::vector<std::string> good, bad;
    for (const auto& id : c.via)
        if (passed.count(id)) good.push_back(fmt("%s at %.1f s", id.c_str(), passed[id]));
    for (const auto& id : c.notVia)
        if (passed.count(id)) bad.push_back(fmt("%s at %.1f s", id.c_str(), passed[id]));
    if (!bad.empty()) {
        r.evidence = "went through unsafe " + joinIds(bad);
        if (!good.empty()) r.evidence += "; also via " + joinIds(good);
        return;
    }
    if (good.empty()) {
        r.evidence = "did not pass any of " + joinIds(c.via);
        return;
    }
    r.points = c.points;
    r.evidence = "via " + joinIds(good);
    if (!c.notVia.empty()) r.evidence += "; avoided " + joinIds(c.notVia);
}

}  // namespace

std::optional<double> firstEventTime(const SessionLog& log, const std::string& kind, const std::string& subject) {
    std::optional<double> t;
    for (const auto& e : log.events) {
        if (e.kind != kind || (!subject.empty() && e.subject != subject)) continue;
        if (!t || e.timeS < *t) t = e.timeS;
    }
    return t;
}

FedPeak peakFed(const SessionLog& log) {
    FedPeak peak;
    bool any = false;
    auto see = [&](double fed, double t) {
        if (!any || fed > peak.fed || (fed == peak.fed && t < peak.timeS)) {
            peak = {fed, t};
            any = true;
        }
    };
    for (const auto& p : log.poses) see(p.fed, p.timeS);
    for (const auto& e : log.events)
        if (e.kind == "trainee.fed") see(e.value, e.timeS);
    return peak;
}

CriterionResult scoreCriterion(const SessionLog& log, const RubricCriterion& c) {
    CriterionResult r;
    r.id = c.id;
    r.description = c.description;
    r.kind = c.kind;
    r.maxPoints = c.points;
    if (auto st = validateCriterion(c); !st) {
        r.maxPoints = std::isfinite(c.points) && c.points > 0.0 ? c.points : 0.0;
        r.evidence = "invalid criterion: " + st.error().str();
        return r;
    }
    switch (c.kind) {
        case CriterionKind::ReachAssembly: scoreEventTime(log, c, "trainee.reached_assembly", "reached the assembly point", r); break;
        case CriterionKind::LeaveBuildingBy: scoreEventTime(log, c, "trainee.left_building", "left the building", r); break;
        case CriterionKind::MaxFed: scoreMaxFed(log, c, r); break;
        case CriterionKind::AvoidRooms: {
            Exposure e = exposure(log, [&](const PoseSample& p) { return contains(c.rooms, p.room); });
            scoreExposure(c, e, "in " + joinIds(c.rooms), r);
            break;
        }
        case CriterionKind::AvoidSmoke: {
            Exposure e = exposure(log, [&](const PoseSample& p) {
                return (c.visibilityBelowM > 0.0 && p.visibilityM < c.visibilityBelowM) ||
                       (c.temperatureAboveC > 0.0 && p.temperatureC > c.temperatureAboveC);
            });
            std::string what;
            if (c.visibilityBelowM > 0.0) what = fmt("with visibility below %.1f m", c.visibilityBelowM);
            if (c.temperatureAboveC > 0.0)
                what += (what.empty() ? "" : " or ") + fmt("with gas above %.0f C", c.temperatureAboveC);
            scoreExposure(c, e, what, r);
            break;
        }
        case CriterionKind::ActionBefore: scoreActionBefore(log, c, r); break;
        case CriterionKind::ActionNever: scoreActionNever(log, c, r); break;
        case CriterionKind::RouteVia: scoreRouteVia(log, c, r); break;
        case CriterionKind::EventNever: scoreEventNever(log, c, r); break;
        case CriterionKind::EventBefore: scoreEventTime(log, c, c.event.c_str(), c.event.c_str(), r); break;
    }
    r.points = std::clamp(r.points, 0.0, r.maxPoints);
    r.met = r.points >= r.maxPoints - 1e-9;
    if (c.critical && r.points <= 0.0) {
        r.criticalFailure = true;
        r.evidence += " (critical criterion not met)";
    }
    return r;
}

ScoreResult scoreSession(const SessionLog& log, const Rubric& rubric) {
    ScoreResult s;
    s.rubricId = rubric.id;
    s.passMark = rubric.passMark;
    for (const auto& c : rubric.criteria) {
        CriterionResult r = scoreCriterion(log, c);
        s.points += r.points;
        s.maxPoints += r.maxPoints;
        if (r.criticalFailure) {
            s.criticalFailure = true;
            s.criticalReasons.push_back(r.id + ": " + r.evidence);
        }
        s.criteria.push_back(std::move(r));
    }
    s.percent = s.maxPoints > 0.0 ? 100.0 * s.points / s.maxPoints : 0.0;
    s.passed = !s.criticalFailure && s.maxPoints > 0.0 && s.percent >= s.passMark - 1e-9;
    return s;
}

record::XapiOutcome toXapiOutcome(const ScoreResult& score) {
    record::XapiOutcome o;
    o.rawPoints = score.points;
    o.maxPoints = score.maxPoints;
    o.passed = score.passed;
    o.criticalFailure = score.criticalFailure;
    return o;
}

}  // namespace cd::score
