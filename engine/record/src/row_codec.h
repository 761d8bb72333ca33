#pragma once
/// The canonical text of each row kind, which the hash chain covers, and the schema.
/// Writer and verifier share these so that they cannot drift apart.
///   chain(row) = hex SHA-256( chain(previous row) + "\n" + canonical(row) )
///   canonical  = table "|" seq "|" fields..., strings as <byte length>:<bytes>,
///                reals as %.17g (exact for binary64), integers in decimal.
#include <cstdint>
#include <string>
#include <string_view>

#include "record/session_log.h"

namespace cd::record {

inline constexpr const char* kSchemaSql = R"sql(
CREATE TABLE schema_version (version INTEGER NOT NULL);
CREATE TABLE meta (seq INTEGER PRIMARY KEY, key TEXT NOT NULL, value TEXT NOT NULL,
                   chain TEXT NOT NULL);
CREATE TABLE actions (seq INTEGER PRIMARY KEY, tick INTEGER NOT NULL, time_s REAL NOT NULL,
                      trainee TEXT NOT NULL, kind TEXT NOT NULL, target TEXT NOT NULL,
                      x REAL NOT NULL, y REAL NOT NULL, z REAL NOT NULL, value REAL NOT NULL,
                      text TEXT NOT NULL, chain TEXT NOT NULL);
CREATE TABLE events (seq INTEGER PRIMARY KEY, tick INTEGER NOT NULL, time_s REAL NOT NULL,
                     kind TEXT NOT NULL, subject TEXT NOT NULL, value REAL NOT NULL,
                     text TEXT NOT NULL, chain TEXT NOT NULL);
CREATE TABLE poses (seq INTEGER PRIMARY KEY, tick INTEGER NOT NULL, time_s REAL NOT NULL,
                    trainee TEXT NOT NULL, x REAL NOT NULL, y REAL NOT NULL, z REAL NOT NULL,
                    yaw_deg REAL NOT NULL, pitch_deg REAL NOT NULL, room TEXT NOT NULL,
                    fed REAL NOT NULL, visibility_m REAL NOT NULL, temperature_c REAL NOT NULL,
                    chain TEXT NOT NULL);
CREATE TABLE hashes (seq INTEGER PRIMARY KEY, tick INTEGER NOT NULL, time_s REAL NOT NULL,
                     hash TEXT NOT NULL, chain TEXT NOT NULL);
)sql";

/// Column lists in the order the canonical text uses (and the readers select).
inline constexpr const char* kMetaCols = "seq, key, value, chain";
inline constexpr const char* kActionCols = "seq, tick, time_s, trainee, kind, target, x, y, z, value, text, chain";
inline constexpr const char* kEventCols = "seq, tick, time_s, kind, subject, value, text, chain";
inline constexpr const char* kPoseCols =
    "seq, tick, time_s, trainee, x, y, z, yaw_deg, pitch_deg, room, fed, visibility_m, temperature_c, chain";
inline constexpr const char* kHashCols = "seq, tick, time_s, hash, chain";

/// Builds one canonical row text.
class CanonicalRow {
public:
    CanonicalRow(std::string_view table, std::int64_t seq);
    CanonicalRow& add(std::int64_t v);
    CanonicalRow& add(double v);
    CanonicalRow& add(std::string_view s);
    const std::string& text() const { return text_; }

private:
    std::string text_;
};

std::string canonicalMeta(std::int64_t seq, std::string_view key, std::string_view value);
std::string canonicalAction(std::int64_t seq, std::int64_t tick, const TraineeAction& a);
std::string canonicalEvent(std::int64_t seq, std::int64_t tick, const SimEvent& e);
std::string canonicalPose(std::int64_t seq, std::int64_t tick, const PoseSample& p);
std::string canonicalHash(std::int64_t seq, std::int64_t tick, double timeS, std::string_view hashHex);

/// Next chain value.
std::string chainNext(const std::string& previous, const std::string& canonical);

/// Shortest text that reads back to the same double (used for meta values).
std::string exactDouble(double v);

}  // namespace cd::record
