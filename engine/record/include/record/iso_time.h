#pragma once
/// ISO 8601 times for the record: session start times, xAPI timestamps and durations.
#include <cstdint>
#include <string>

#include "core/result.h"

namespace cd::record {

/// Parses "YYYY-MM-DDTHH:MM:SS[.fraction][Z|+HH:MM|-HH:MM]" (a space may stand for the T)
/// into milliseconds since 1970-01-01T00:00:00Z. A missing zone means UTC.
Result<std::int64_t> parseIso8601Ms(const std::string& text);

/// "2026-11-29T02:14:19.250Z" for milliseconds since the epoch.
std::string formatIso8601Ms(std::int64_t ms);

/// start + offsetS, as formatIso8601Ms would write it; "" when start does not parse.
std::string isoTimeAfter(const std::string& start, double offsetS);

/// ISO 8601 duration of seconds, e.g. "PT75.5S" (xAPI result.duration), to 0.01 s.
std::string isoDuration(double seconds);

}  // namespace cd::record
