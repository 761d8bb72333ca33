#pragma once
/// SessionStore: writes a session as a SQLite database while it runs, row by row, each row
/// chained by SHA-256 to the one before so that editing, deleting or reordering rows shows.
/// Reading back: loadSession() for re-scoring and replay, verifyChain() for the seal.
/// The schema and the chain are described in docs/records.md.
#include <cstdint>
#include <memory>
#include <string>

#include "core/result.h"
#include "record/session_log.h"
#include "record/session_sink.h"

namespace cd::record {

/// Version of the tables written by this code; loadSession() refuses newer ones.
inline constexpr int kSchemaVersion = 1;

/// The chain value before the first row: 64 zeros.
inline const std::string kChainGenesis(64, '0');

/// One writer, one thread. Destroying a store without close() commits an open tick but
/// writes no end rows, so the session reads as not closed (like a crash).
class SessionStore final : public SessionSink {
public:
    /// Creates a new database at path (fails if the file exists: sessions are never
    /// overwritten) and writes the meta rows. WAL journal, synchronous=NORMAL: a crash of
    /// the program loses at most the tick not yet committed.
    static Result<std::unique_ptr<SessionStore>> create(const std::string& path,
                                                        const SessionMeta& meta);
    ~SessionStore() override;
    SessionStore(const SessionStore&) = delete;
    SessionStore& operator=(const SessionStore&) = delete;

    /// Opens one transaction for the rows of a tick; rows appended until commitTick() carry
    /// this tick number. Without beginTick(), each append commits on its own and its tick
    /// is round(timeS / meta.tickS).
    Status beginTick(std::int64_t tick) override;
    /// Opens one transaction whose rows take their tick from round(timeS / tickS)
    /// (bulk writes, bots). Closed by commitTick().
    Status beginBatch();
    /// Commits the rows of the open tick or batch (one WAL commit, no fsync).
    Status commitTick() override;

    Status appendAction(const TraineeAction& action) override;
    Status appendEvent(const SimEvent& event) override;
    Status appendPose(const PoseSample& pose) override;
    Status appendHash(const StateHash& hash) override;

    /// Records the end: appends meta rows duration_s and closed = "yes" (chained like the
    /// rest), commits anything pending and closes the file. Further appends fail.
    Status close(double durationS) override;

    const std::string& path() const;
    /// SHA-256 chain value of the last row written (kChainGenesis before any).
    const std::string& chainHead() const;
    /// Rows written so far, meta rows included.
    std::int64_t rowCount() const;

    struct Impl;

private:
    explicit SessionStore(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

/// Writes a whole in-memory log as a new database (tests, conversions, bots). Ticks come
/// from round(timeS / tickS).
Status saveSession(const std::string& path, const SessionLog& log);

/// Reads a session back. Does not verify the chain (a tampered log can still be reviewed);
/// call verifyChain() for that. meta.durationS is the last duration_s row, or the latest
/// row time when the session never closed (a crash).
Result<SessionLog> loadSession(const std::string& path);

/// Outcome of walking the chain. A broken chain is not an error of the call: ok() of the
/// Result means the file could be read; intact says whether the chain holds.
struct ChainReport {
    bool intact = false;
    bool closed = false;        ///< the session recorded its end (false after a crash or truncation)
    std::int64_t rows = 0;      ///< rows walked
    std::string head;           ///< chain value of the last row
    std::string firstBrokenTable;  ///< "" when intact
    std::int64_t firstBrokenSeq = 0;
    std::string message;        ///< e.g. "actions row seq 17: chain mismatch (row edited, deleted or reordered)"
};
Result<ChainReport> verifyChain(const std::string& path);

}  // namespace cd::record
