#include "record/session_store.h"

#include <cmath>
#include <filesystem>
#include <utility>
#include <vector>

#include "core/hash.h"
#include "row_codec.h"
#include "sqlite_db.h"

namespace cd::record {

struct SessionStore::Impl {
    Database db;
    Statement insMeta, insAction, insEvent, insPose, insHash;
    std::string head = kChainGenesis;
    std::int64_t seq = 0;
    double tickS = 1.0 / 60.0;
    bool inTick = false;      ///< a transaction is open
    bool fixedTick = false;   ///< rows take `tick` rather than round(timeS / tickS)
    std::int64_t tick = 0;
    bool closed = false;

    std::int64_t tickFor(double timeS) const {
        if (inTick && fixedTick) return tick;
        return tickS > 0.0 ? static_cast<std::int64_t>(std::llround(timeS / tickS)) : 0;
    }

    Status ready() const {
        if (closed) return makeError("session store is closed", db.path());
        return Ok{};
    }

    // Runs one prepared insert. Outside a tick each row is its own transaction.
    Status run(Statement& st, const char* what) {
        int rc = st.step();
        st.reset();
        if (rc != SQLITE_DONE) return db.stepError(std::string("append ") + what);
        return Ok{};
    }

    Status appendMeta(const std::string& key, const std::string& value) {
        std::int64_t s = seq + 1;
        std::string chain = chainNext(head, canonicalMeta(s, key, value));
        insMeta.bind(1, s);
        insMeta.bind(2, key);
        insMeta.bind(3, value);
        insMeta.bind(4, chain);
        auto st = run(insMeta, "meta row");
        if (!st) return st;
        seq = s;
        head = std::move(chain);
        return Ok{};
    }
};

SessionStore::SessionStore(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

SessionStore::~SessionStore() {
    // A store dropped without close() keeps what was committed; pending rows of an open
    // tick are committed too, since the program did not crash.
    if (impl_ && !impl_->closed && impl_->inTick) (void)impl_->db.exec("COMMIT");
}

Result<std::unique_ptr<SessionStore>> SessionStore::create(const std::string& path,
                                                           const SessionMeta& meta) {
    std::error_code ec;
    if (std::filesystem::exists(path, ec))
        return makeError("session database already exists (sessions are never overwritten)", path);
    if (!(meta.tickS > 0.0) || !std::isfinite(meta.tickS))
        return makeError("tick length must be a positive number", path, 0, "meta.tickS");

    auto impl = std::make_unique<Impl>();
    impl->tickS = meta.tickS;
    if (auto st = impl->db.open(path, Database::Mode::CreateNew); !st) return st.error();
    // WAL + synchronous=NORMAL: commits survive a crash of the program (not of the OS,
    // which may lose the last commits); far faster than the default rollback journal.
    for (const char* pragma : {"PRAGMA journal_mode=WAL", "PRAGMA synchronous=NORMAL",
                               "PRAGMA foreign_keys=OFF", "PRAGMA temp_store=MEMORY"}) {
        if (auto st = impl->db.exec(pragma); !st) return st.error();
    }
    if (auto st = impl->db.exec(std::string("BEGIN;") + kSchemaSql +
                                "INSERT INTO schema_version VALUES (" + std::to_string(kSchemaVersion) + ");");
        !st)
        return st.error();

    auto prep = [&](Statement& out, const std::string& table, const char* cols, int n) -> Status {
        std::string sql = "INSERT INTO " + table + " (" + cols + ") VALUES (";
        for (int i = 0; i < n; ++i) sql += i ? ",?" : "?";
        sql += ")";
        auto st = impl->db.prepare(sql);
        if (!st) return st.error();
        out = std::move(st.value());
        return Ok{};
    };
    for (auto st : {prep(impl->insMeta, "meta", kMetaCols, 4), prep(impl->insAction, "actions", kActionCols, 12),
                    prep(impl->insEvent, "events", kEventCols, 8), prep(impl->insPose, "poses", kPoseCols, 14),
                    prep(impl->insHash, "hashes", kHashCols, 5)}) {
        if (!st) return st.error();
    }

    const std::pair<const char*, std::string> rows[] = {
        {"schema_version", std::to_string(kSchemaVersion)},
        {"session_id", meta.sessionId},
        {"scenario_id", meta.scenarioId},
        {"scenario_title", meta.scenarioTitle},
        {"scenario_path", meta.scenarioPath},
        {"seed", std::to_string(meta.seed)},
        {"started_at_utc", meta.startedAtUtc},
        {"citydrill_version", meta.citydrillVersion},
        {"trainee_name", meta.traineeName},
        {"trainee_role", meta.traineeRole},
        {"input", meta.input},
        {"tick_s", exactDouble(meta.tickS)},
    };
    for (const auto& [key, value] : rows) {
        if (auto st = impl->appendMeta(key, value); !st) return st.error();
    }
    if (auto st = impl->db.exec("COMMIT"); !st) return st.error();
    return std::unique_ptr<SessionStore>(new SessionStore(std::move(impl)));
}

Status SessionStore::beginTick(std::int64_t tick) {
    if (auto st = impl_->ready(); !st) return st;
    if (impl_->inTick) return makeError("beginTick() while tick " + std::to_string(impl_->tick) + " is open", impl_->db.path());
    if (auto st = impl_->db.exec("BEGIN"); !st) return st;
    impl_->inTick = true;
    impl_->fixedTick = true;
    impl_->tick = tick;
    return Ok{};
}

Status SessionStore::beginBatch() {
    if (auto st = impl_->ready(); !st) return st;
    if (impl_->inTick) return makeError("beginBatch() while a transaction is open", impl_->db.path());
    if (auto st = impl_->db.exec("BEGIN"); !st) return st;
    impl_->inTick = true;
    impl_->fixedTick = false;
    return Ok{};
}

Status SessionStore::commitTick() {
    if (auto st = impl_->ready(); !st) return st;
    if (!impl_->inTick) return makeError("commitTick() without beginTick()", impl_->db.path());
    impl_->inTick = false;
    return impl_->db.exec("COMMIT");
}

Status SessionStore::appendAction(const TraineeAction& a) {
    if (auto st = impl_->ready(); !st) return st;
    Impl& m = *impl_;
    std::int64_t s = m.seq + 1, tick = m.tickFor(a.timeS);
    std::string chain = chainNext(m.head, canonicalAction(s, tick, a));
    Statement& q = m.insAction;
    q.bind(1, s); q.bind(2, tick); q.bind(3, a.timeS); q.bind(4, a.trainee);
    q.bind(5, std::string_view(toString(a.kind))); q.bind(6, a.target);
    q.bind(7, a.x); q.bind(8, a.y); q.bind(9, a.z); q.bind(10, a.value); q.bind(11, a.text);
    q.bind(12, chain);
    if (auto st = m.run(q, "action"); !st) return st;
    m.seq = s;
    m.head = std::move(chain);
    return Ok{};
}

Status SessionStore::appendEvent(const SimEvent& e) {
    if (auto st = impl_->ready(); !st) return st;
    Impl& m = *impl_;
    std::int64_t s = m.seq + 1, tick = m.tickFor(e.timeS);
    std::string chain = chainNext(m.head, canonicalEvent(s, tick, e));
    Statement& q = m.insEvent;
    q.bind(1, s); q.bind(2, tick); q.bind(3, e.timeS); q.bind(4, e.kind); q.bind(5, e.subject);
    q.bind(6, e.value); q.bind(7, e.text); q.bind(8, chain);
    if (auto st = m.run(q, "event"); !st) return st;
    m.seq = s;
    m.head = std::move(chain);
    return Ok{};
}

Status SessionStore::appendPose(const PoseSample& p) {
    if (auto st = impl_->ready(); !st) return st;
    Impl& m = *impl_;
    std::int64_t s = m.seq + 1, tick = m.tickFor(p.timeS);
    std::string chain = chainNext(m.head, canonicalPose(s, tick, p));
    Statement& q = m.insPose;
    q.bind(1, s); q.bind(2, tick); q.bind(3, p.timeS); q.bind(4, p.trainee);
    q.bind(5, p.x); q.bind(6, p.y); q.bind(7, p.z); q.bind(8, p.yawDeg); q.bind(9, p.pitchDeg);
    q.bind(10, p.room); q.bind(11, p.fed); q.bind(12, p.visibilityM); q.bind(13, p.temperatureC);
    q.bind(14, chain);
    if (auto st = m.run(q, "pose"); !st) return st;
    m.seq = s;
    m.head = std::move(chain);
    return Ok{};
}

Status SessionStore::appendHash(const StateHash& h) {
    if (auto st = impl_->ready(); !st) return st;
    Impl& m = *impl_;
    std::int64_t s = m.seq + 1;
    std::string hex = toHex(h.hash);
    std::string chain = chainNext(m.head, canonicalHash(s, h.tick, h.timeS, hex));
    Statement& q = m.insHash;
    q.bind(1, s); q.bind(2, h.tick); q.bind(3, h.timeS); q.bind(4, hex); q.bind(5, chain);
    if (auto st = m.run(q, "state hash"); !st) return st;
    m.seq = s;
    m.head = std::move(chain);
    return Ok{};
}

Status SessionStore::close(double durationS) {
    if (auto st = impl_->ready(); !st) return st;
    Impl& m = *impl_;
    if (!m.inTick) {
        if (auto st = m.db.exec("BEGIN"); !st) return st;
    }
    m.inTick = false;
    if (auto st = m.appendMeta("duration_s", exactDouble(durationS)); !st) return st;
    if (auto st = m.appendMeta("closed", "yes"); !st) return st;
    if (auto st = m.db.exec("COMMIT"); !st) return st;
    // Fold the WAL back into the main file so the session is one self-contained file.
    (void)m.db.exec("PRAGMA wal_checkpoint(TRUNCATE)");
    (void)m.db.exec("PRAGMA journal_mode=DELETE");
    m.closed = true;
    m.insMeta = {}; m.insAction = {}; m.insEvent = {}; m.insPose = {}; m.insHash = {};
    return Ok{};
}

const std::string& SessionStore::path() const { return impl_->db.path(); }
const std::string& SessionStore::chainHead() const { return impl_->head; }
std::int64_t SessionStore::rowCount() const { return impl_->seq; }

Status saveSession(const std::string& path, const SessionLog& log) {
    auto store = SessionStore::create(path, log.meta);
    if (!store) return store.error();
    SessionStore& s = **store;
    // One transaction for the lot; rows go in time order across kinds, as a live run would.
    if (auto st = s.beginBatch(); !st) return st;
    for (const auto& a : log.actions) if (auto st = s.appendAction(a); !st) return st;
    for (const auto& e : log.events) if (auto st = s.appendEvent(e); !st) return st;
    for (const auto& p : log.poses) if (auto st = s.appendPose(p); !st) return st;
    for (const auto& h : log.hashes) if (auto st = s.appendHash(h); !st) return st;
    if (auto st = s.commitTick(); !st) return st;
    return s.close(log.meta.durationS);
}

}  // namespace cd::record
