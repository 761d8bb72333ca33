#pragma once
/// Where the tick loop sends what it records. SessionStore (SQLite) is the default; the
/// seam lets a central store (PostgreSQL, an LRS relay) or an in-memory log stand in.
#include <cstdint>
#include <utility>

#include "core/result.h"
#include "record/session_log.h"

namespace cd::record {

class SessionSink {
public:
    virtual ~SessionSink() = default;
    /// Opens the rows of one tick (one transaction in a database).
    virtual Status beginTick(std::int64_t tick) = 0;
    virtual Status appendAction(const TraineeAction& action) = 0;
    virtual Status appendEvent(const SimEvent& event) = 0;
    virtual Status appendPose(const PoseSample& pose) = 0;
    virtual Status appendHash(const StateHash& hash) = 0;
    /// Makes the tick's rows durable.
    virtual Status commitTick() = 0;
    /// Records the end of the session; no appends after it.
    virtual Status close(double durationS) = 0;
};

/// Keeps everything in a SessionLog (tests, headless what-if runs that only need a score).
class MemorySessionSink final : public SessionSink {
public:
    explicit MemorySessionSink(SessionMeta meta) { log_.meta = std::move(meta); }
    Status beginTick(std::int64_t) override { return Ok{}; }
    Status appendAction(const TraineeAction& a) override { return push(log_.actions, a); }
    Status appendEvent(const SimEvent& e) override { return push(log_.events, e); }
    Status appendPose(const PoseSample& p) override { return push(log_.poses, p); }
    Status appendHash(const StateHash& h) override { return push(log_.hashes, h); }
    Status commitTick() override { return Ok{}; }
    Status close(double durationS) override {
        log_.meta.durationS = durationS;
        closed_ = true;
        return Ok{};
    }
    const SessionLog& log() const { return log_; }

private:
    template <class V, class T>
    Status push(V& v, const T& x) {
        if (closed_) return makeError("session sink is closed");
        v.push_back(x);
        return Ok{};
    }
    SessionLog log_;
    bool closed_ = false;
};

}  // namespace cd::record
