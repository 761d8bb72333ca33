#pragma once
/// The after-action report: a self-contained HTML page (inline CSS and SVG, no scripts, no
/// external files) and a JSON document holding the same facts under stable keys
/// (docs/records.md lists them).
#include <string>

#include <nlohmann/json.hpp>

#include "core/result.h"
#include "record/session_log.h"
#include "report/report_extras.h"
#include "score/score_result.h"

namespace cd::report {

/// The JSON report as a value.
nlohmann::json buildReportJson(const record::SessionLog& log, const score::ScoreResult& score,
                               const ReportExtras& extras);
/// The HTML report as text.
std::string renderReportHtml(const record::SessionLog& log, const score::ScoreResult& score,
                             const ReportExtras& extras);

/// Write them to a file (pretty JSON with 2-space indent); errors name the path.
Status writeReportJson(const std::string& path, const record::SessionLog& log, const score::ScoreResult& score,
                       const ReportExtras& extras);
Status writeReportHtml(const std::string& path, const record::SessionLog& log, const score::ScoreResult& score,
                       const ReportExtras& extras);

/// RFC 4648 base64 (with padding), for data URIs.
std::string base64Encode(const std::uint8_t* data, std::size_t size);

/// Escapes &, <, >, " and ' for HTML text and attribute values.
std::string htmlEscape(const std::string& text);

}  // namespace cd::report
