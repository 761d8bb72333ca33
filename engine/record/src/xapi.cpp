#include "record/xapi.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>

#include "core/hash.h"
#include "record/iso_time.h"

namespace cd::record {
namespace {

using nlohmann::json;

constexpr const char* kVerbBase = "http://adlnet.gov/expapi/verbs/";

json verb(const char* name) {
    return {{"id", std::string(kVerbBase) + name}, {"display", {{"en-US", name}}}};
}

// Deterministic statement ids: a SHA-256 of the session and the statement's place, laid
// out as an RFC 4122 version-4 UUID (the version and variant bits set, the rest derived),
// so exporting a session twice gives the same ids and an LRS de-duplicates them.
std::string uuidFrom(const std::string& seed) {
    std::string hex = Sha256::hex(seed).substr(0, 32);
    hex[12] = '4';
    static const char* variant = "89ab";
    hex[16] = variant[(hex[16] >= 'a' ? hex[16] - 'a' + 10 : hex[16] - '0') & 3];
    return hex.substr(0, 8) + "-" + hex.substr(8, 4) + "-" + hex.substr(12, 4) + "-" + hex.substr(16, 4) + "-" +
           hex.substr(20, 12);
}

bool absoluteIri(const std::string& s) {
    auto colon = s.find(':');
    if (colon == std::string::npos || colon == 0) return false;
    if (!std::isalpha(static_cast<unsigned char>(s[0]))) return false;
    for (std::size_t i = 0; i < colon; ++i) {
        char c = s[i];
        if (!std::isalnum(static_cast<unsigned char>(c)) && c != '+' && c != '-' && c != '.') return false;
    }
    return colon + 1 < s.size() && s.find(' ') == std::string::npos;
}

std::string ext(const char* name) { return std::string(kXapiExtensionBase) + name; }

}  // namespace

Result<nlohmann::json> toXapiStatements(const SessionLog& log, const XapiOptions& o) {
    if (o.actorName.empty()) return makeError("actor name is empty", "", 0, "actorName");
    if (!absoluteIri(o.activityIri))
        return makeError("activity id must be an absolute IRI: '" + o.activityIri + "'", "", 0, "activityIri");
    if (!absoluteIri(o.accountHomePage))
        return makeError("account home page must be an absolute IRI: '" + o.accountHomePage + "'", "", 0,
                         "accountHomePage");
    auto start = parseIso8601Ms(log.meta.startedAtUtc);
    if (!start) return makeError(start.error().message, "", 0, "meta.startedAtUtc");
    auto at = [&](double s) { return formatIso8601Ms(*start + static_cast<std::int64_t>(std::llround(s * 1000.0))); };

    const std::string sessionKey = log.meta.sessionId + "|" + log.meta.startedAtUtc + "|" + o.actorName;
    const json actor = {{"objectType", "Agent"},
                        {"name", o.actorName},
                        {"account", {{"homePage", o.accountHomePage}, {"name", o.actorName}}}};
    const std::string title = log.meta.scenarioTitle.empty() ? log.meta.scenarioId : log.meta.scenarioTitle;
    json activity = {{"objectType", "Activity"},
                     {"id", o.activityIri},
                     {"definition",
                      {{"type", "http://adlnet.gov/expapi/activities/simulation"},
                       {"name", {{"en-US", title.empty() ? o.activityIri : title}}}}}};
    json context = {{"registration", uuidFrom(sessionKey + "|registration")},
                    {"platform", "CityDrill"},
                    {"extensions",
                     {{ext("session-id"), log.meta.sessionId},
                      {ext("seed"), std::to_string(log.meta.seed)},
                      {ext("input"), log.meta.input}}}};
    // "revision" would name a revision of the activity (the scenario), not of the program.
    if (!log.meta.citydrillVersion.empty()) context["extensions"][ext("citydrill-version")] = log.meta.citydrillVersion;

    json out = json::array();
    int index = 0;
    auto statement = [&](const json& v, const json& object, double timeS) {
        json s = {{"id", uuidFrom(sessionKey + "|" + std::to_string(index++))},
                  {"version", "1.0.3"},
                  {"actor", actor},
                  {"verb", v},
                  {"object", object},
                  {"context", context},
                  {"timestamp", at(timeS)}};
        return s;
    };

    out.push_back(statement(verb("attempted"), activity, 0.0));

    if (o.includeActions) {
        std::vector<const TraineeAction*> acts;
        for (const auto& a : log.actions) acts.push_back(&a);
        std::stable_sort(acts.begin(), acts.end(),
                         [](const TraineeAction* a, const TraineeAction* b) { return a->timeS < b->timeS; });
        json childContext = context;
        childContext["contextActivities"] = {{"parent", json::array({{{"objectType", "Activity"}, {"id", o.activityIri}}})}};
        for (const TraineeAction* a : acts) {
            const std::string kind = toString(a->kind);
            json object = {{"objectType", "Activity"},
                           {"id", o.activityIri + "/actions/" + kind},
                           {"definition",
                            {{"type", "http://adlnet.gov/expapi/activities/interaction"},
                             {"name", {{"en-US", kind}}}}}};
            json s = statement(verb("interacted"), object, a->timeS);
            s["context"] = childContext;
            json e = {{ext("time-s"), a->timeS}, {ext("position-m"), json::array({a->x, a->y, a->z})}};
            if (!a->target.empty()) e[ext("target")] = a->target;
            if (!a->text.empty()) e[ext("text")] = a->text;
            if (a->value != 0.0) e[ext("value")] = a->value;
            s["result"] = {{"extensions", e}};
            out.push_back(std::move(s));
        }
    }

    json completed = statement(verb("completed"), activity, log.meta.durationS);
    completed["result"] = {{"completion", true}, {"duration", isoDuration(log.meta.durationS)}};
    out.push_back(std::move(completed));

    if (o.outcome) {
        const XapiOutcome& r = *o.outcome;
        double maxP = std::max(r.maxPoints, 0.0);
        double raw = std::clamp(r.rawPoints, 0.0, maxP);
        double scaled = maxP > 0.0 ? raw / maxP : 0.0;
        json s = statement(verb(r.passed ? "passed" : "failed"), activity, log.meta.durationS);
        s["result"] = {{"score", {{"scaled", scaled}, {"raw", raw}, {"min", 0.0}, {"max", maxP}}},
                       {"success", r.passed},
                       {"completion", true},
                       {"duration", isoDuration(log.meta.durationS)}};
        if (r.criticalFailure) s["result"]["extensions"] = {{ext("critical-failure"), true}};
        out.push_back(std::move(s));
    }
    return out;
}

Result<nlohmann::json> toXapiStatements(const SessionLog& log, const std::string& actorName,
                                        const std::string& activityIri, const std::optional<XapiOutcome>& outcome) {
    XapiOptions o;
    o.actorName = actorName;
    o.activityIri = activityIri;
    o.outcome = outcome;
    return toXapiStatements(log, o);
}

}  // namespace cd::record
