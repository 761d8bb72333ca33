#pragma once
/// xAPI 1.0.3 export of a session (IEEE 9274.1.1 / ADL xAPI 1.0.3), for learning record
/// stores. Verbs come from the ADL vocabulary (http://adlnet.gov/expapi/verbs/...).
/// Mapping (docs/records.md): attempted at the start, interacted per trainee action,
/// completed at the end, then passed or failed when a score is given.
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "core/result.h"
#include "record/session_log.h"

namespace cd::record {

/// The scored outcome, filled by the caller from score::ScoreResult (record does not
/// depend on score; see score::toXapiOutcome).
struct XapiOutcome {
    double rawPoints = 0.0;
    double maxPoints = 0.0;
    bool passed = false;
    bool criticalFailure = false;
};

struct XapiOptions {
    std::string actorName;                 ///< display name, also the account name
    std::string accountHomePage = "https://citydrill.org";  ///< the system holding the trainee account
    std::string activityIri;               ///< the scenario activity, e.g. https://citydrill.org/scenarios/school_fire
    bool includeActions = true;            ///< one "interacted" statement per trainee action
    std::optional<XapiOutcome> outcome;    ///< adds result.score and passed/failed
};

/// Base of the extension IRIs used in context and result extensions.
inline constexpr const char* kXapiExtensionBase = "https://citydrill.org/xapi/extensions/";

/// Statements in time order. Fails (naming the field) when the activity IRI is not an
/// absolute IRI, the actor name is empty or meta.startedAtUtc is not ISO 8601.
Result<nlohmann::json> toXapiStatements(const SessionLog& log, const XapiOptions& options);

/// Short form: toXapiStatements(log, {actorName, default home page, activityIri}).
Result<nlohmann::json> toXapiStatements(const SessionLog& log, const std::string& actorName,
                                        const std::string& activityIri,
                                        const std::optional<XapiOutcome>& outcome = std::nullopt);

}  // namespace cd::record
