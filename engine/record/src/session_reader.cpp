// Reading a session database back: loadSession() and verifyChain().
#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <string_view>

#include "record/session_store.h"
#include "row_codec.h"
#include "sqlite_db.h"

namespace cd::record {
namespace {

Status openSession(Database& db, const std::string& path) {
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) return makeError("session database not found", path);
    if (auto st = db.open(path, Database::Mode::ReadExisting); !st) return st;
    auto q = db.prepare("SELECT version FROM schema_version");
    if (!q) {
        return makeError("not a CityDrill session database (" + q.error().message + ")", path);
    }
    if (q->step() != SQLITE_ROW) return makeError("schema_version table is empty", path, 0, "schema_version");
    std::int64_t v = q->int64(0);
    if (v > kSchemaVersion || v < 1)
        return makeError("schema version " + std::to_string(v) + " is not supported (this build reads up to " +
                             std::to_string(kSchemaVersion) + ")",
                         path, 0, "schema_version");
    return Ok{};
}

std::string rowWhere(const char* table, std::int64_t seq) {
    return std::string(table) + " row seq " + std::to_string(seq);
}

// One row of any table as the chain sees it.
struct ChainRow {
    std::int64_t seq = 0;
    const char* table = "";
    std::string canonical;
    std::string chain;
};

// Reads every row of a table generically: `types` gives the kind of each column between
// seq and chain ('i' integer, 'r' real, 's' text), in the canonical order.
Status collectRows(Database& db, const char* table, const char* cols, std::string_view types,
                   std::vector<ChainRow>& out) {
    auto q = db.prepare(std::string("SELECT ") + cols + " FROM " + table + " ORDER BY seq");
    if (!q) return q.error();
    int rc;
    while ((rc = q->step()) == SQLITE_ROW) {
        ChainRow row;
        row.seq = q->int64(0);
        row.table = table;
        CanonicalRow c(table, row.seq);
        for (std::size_t i = 0; i < types.size(); ++i) {
            int col = static_cast<int>(i) + 1;
            switch (types[i]) {
                case 'i': c.add(q->int64(col)); break;
                case 'r': c.add(q->real(col)); break;
                default: c.add(std::string_view(q->text(col))); break;
            }
        }
        row.canonical = c.text();
        row.chain = q->text(static_cast<int>(types.size()) + 1);
        out.push_back(std::move(row));
    }
    if (rc != SQLITE_DONE) return db.stepError(std::string("read ") + table);
    return Ok{};
}

Result<double> parseReal(const std::string& text, const std::string& path, const std::string& field) {
    errno = 0;
    char* end = nullptr;
    double v = std::strtod(text.c_str(), &end);
    if (text.empty() || *end != '\0' || errno == ERANGE)
        return makeError("not a number: '" + text + "'", path, 0, field);
    return v;
}

}  // namespace

Result<ChainReport> verifyChain(const std::string& path) {
    Database db;
    if (auto st = openSession(db, path); !st) return st.error();
    std::vector<ChainRow> rows;
    const struct { const char* table; const char* cols; const char* types; } tables[] = {
        {"meta", kMetaCols, "ss"},
        {"actions", kActionCols, "irsssrrrrs"},
        {"events", kEventCols, "irssrs"},
        {"poses", kPoseCols, "irsrrrrrsrrr"},
        {"hashes", kHashCols, "irs"},
    };
    for (const auto& t : tables) {
        if (auto st = collectRows(db, t.table, t.cols, t.types, rows); !st) return st.error();
    }
    std::sort(rows.begin(), rows.end(), [](const ChainRow& a, const ChainRow& b) { return a.seq < b.seq; });

    ChainReport rep;
    std::string head = kChainGenesis;
    std::int64_t expectSeq = 1;
    for (const ChainRow& r : rows) {
        if (r.seq != expectSeq) {
            rep.firstBrokenTable = r.table;
            rep.firstBrokenSeq = r.seq;
            rep.message = rowWhere(r.table, r.seq) + ": expected seq " + std::to_string(expectSeq) +
                          (r.seq > expectSeq ? " (rows deleted before it)" : " (duplicate sequence number)");
            rep.head = head;
            return rep;
        }
        std::string next = chainNext(head, r.canonical);
        if (next != r.chain) {
            rep.firstBrokenTable = r.table;
            rep.firstBrokenSeq = r.seq;
            rep.message = rowWhere(r.table, r.seq) + ": chain mismatch (row edited, deleted or reordered)";
            rep.head = head;
            return rep;
        }
        head = std::move(next);
        ++rep.rows;
        ++expectSeq;
        if (std::string_view(r.table) == "meta" && r.canonical.ends_with("|6:closed|3:yes")) rep.closed = true;
        else rep.closed = false;  // rows after a close would be appended by someone else
    }
    rep.intact = true;
    rep.head = head;
    rep.message = "chain intact over " + std::to_string(rep.rows) + " rows" +
                  (rep.closed ? "" : "; session not closed (crash or truncated end)");
    return rep;
}

Result<SessionLog> loadSession(const std::string& path) {
    Database db;
    if (auto st = openSession(db, path); !st) return st.error();
    SessionLog log;
    double latest = 0.0;

    {
        auto q = db.prepare("SELECT key, value FROM meta ORDER BY seq");
        if (!q) return q.error();
        std::map<std::string, std::string> kv;  // later rows win (duration_s is appended at close)
        int rc;
        while ((rc = q->step()) == SQLITE_ROW) kv[q->text(0)] = q->text(1);
        if (rc != SQLITE_DONE) return db.stepError("read meta");
        SessionMeta& m = log.meta;
        m.sessionId = kv["session_id"];
        m.scenarioId = kv["scenario_id"];
        m.scenarioTitle = kv["scenario_title"];
        m.scenarioPath = kv["scenario_path"];
        m.startedAtUtc = kv["started_at_utc"];
        m.citydrillVersion = kv["citydrill_version"];
        m.traineeName = kv["trainee_name"];
        m.traineeRole = kv["trainee_role"];
        m.input = kv["input"];
        const std::string& seed = kv["seed"];
        char* end = nullptr;
        errno = 0;
        m.seed = std::strtoull(seed.c_str(), &end, 10);
        if (seed.empty() || *end != '\0' || errno == ERANGE)
            return makeError("seed is not an unsigned integer: '" + seed + "'", path, 0, "meta.seed");
        auto tick = parseReal(kv["tick_s"], path, "meta.tick_s");
        if (!tick) return tick.error();
        m.tickS = *tick;
        if (kv.count("duration_s")) {
            auto d = parseReal(kv["duration_s"], path, "meta.duration_s");
            if (!d) return d.error();
            m.durationS = *d;
        } else {
            m.durationS = -1.0;  // filled from the latest row below
        }
    }
    {
        auto q = db.prepare(std::string("SELECT ") + kActionCols + " FROM actions ORDER BY seq");
        if (!q) return q.error();
        int rc;
        while ((rc = q->step()) == SQLITE_ROW) {
            TraineeAction a;
            a.timeS = q->real(2);
            a.trainee = q->text(3);
            std::string kind = q->text(4);
            if (!parseActionKind(kind, a.kind))
                return makeError("unknown action kind '" + kind + "'", path, 0, rowWhere("actions", q->int64(0)) + ".kind");
            a.target = q->text(5);
            a.x = q->real(6); a.y = q->real(7); a.z = q->real(8);
            a.value = q->real(9);
            a.text = q->text(10);
            latest = std::max(latest, a.timeS);
            log.actions.push_back(std::move(a));
        }
        if (rc != SQLITE_DONE) return db.stepError("read actions");
    }
    {
        auto q = db.prepare(std::string("SELECT ") + kEventCols + " FROM events ORDER BY seq");
        if (!q) return q.error();
        int rc;
        while ((rc = q->step()) == SQLITE_ROW) {
            SimEvent e;
            e.timeS = q->real(2);
            e.kind = q->text(3);
            e.subject = q->text(4);
            e.value = q->real(5);
            e.text = q->text(6);
            latest = std::max(latest, e.timeS);
            log.events.push_back(std::move(e));
        }
        if (rc != SQLITE_DONE) return db.stepError("read events");
    }
    {
        auto q = db.prepare(std::string("SELECT ") + kPoseCols + " FROM poses ORDER BY seq");
        if (!q) return q.error();
        int rc;
        while ((rc = q->step()) == SQLITE_ROW) {
            PoseSample p;
            p.timeS = q->real(2);
            p.trainee = q->text(3);
            p.x = q->real(4); p.y = q->real(5); p.z = q->real(6);
            p.yawDeg = q->real(7); p.pitchDeg = q->real(8);
            p.room = q->text(9);
            p.fed = q->real(10);
            p.visibilityM = q->real(11);
            p.temperatureC = q->real(12);
            latest = std::max(latest, p.timeS);
            log.poses.push_back(std::move(p));
        }
        if (rc != SQLITE_DONE) return db.stepError("read poses");
    }
    {
        auto q = db.prepare(std::string("SELECT ") + kHashCols + " FROM hashes ORDER BY seq");
        if (!q) return q.error();
        int rc;
        while ((rc = q->step()) == SQLITE_ROW) {
            StateHash h;
            h.tick = q->int64(1);
            h.timeS = q->real(2);
            std::string hex = q->text(3);
            char* end = nullptr;
            errno = 0;
            h.hash = std::strtoull(hex.c_str(), &end, 16);
            if (hex.empty() || *end != '\0' || errno == ERANGE)
                return makeError("state hash is not hexadecimal: '" + hex + "'", path, 0,
                                 rowWhere("hashes", q->int64(0)) + ".hash");
            latest = std::max(latest, h.timeS);
            log.hashes.push_back(h);
        }
        if (rc != SQLITE_DONE) return db.stepError("read hashes");
    }
    if (log.meta.durationS < 0.0) log.meta.durationS = latest;
    return log;
}

}  // namespace cd::record
