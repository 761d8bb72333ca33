// The session store: round trips, the hash chain, crash safety and clear errors.
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>

#include "record/session_store.h"
#include "sample_session.h"

namespace fs = std::filesystem;
using namespace cd::record;

namespace {

// A fresh directory per test, removed afterwards.
class SessionStoreTest : public ::testing::Test {
protected:
    void SetUp() override {
        dir_ = fs::temp_directory_path() /
               ("cd_record_" + std::to_string(::getpid()) + "_" +
                ::testing::UnitTest::GetInstance()->current_test_info()->name());
        fs::remove_all(dir_);
        fs::create_directories(dir_);
    }
    void TearDown() override { fs::remove_all(dir_); }
    std::string file(const std::string& name) const { return (dir_ / name).string(); }

    static void rawSql(const std::string& path, const std::string& sql) {
        sqlite3* db = nullptr;
        ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
        char* err = nullptr;
        int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &err);
        std::string msg = err ? err : "";
        sqlite3_free(err);
        sqlite3_close(db);
        ASSERT_EQ(rc, SQLITE_OK) << msg;
    }
    static std::int64_t rawInt(const std::string& path, const std::string& sql) {
        sqlite3* db = nullptr;
        sqlite3_open(path.c_str(), &db);
        sqlite3_stmt* st = nullptr;
        sqlite3_prepare_v2(db, sql.c_str(), -1, &st, nullptr);
        std::int64_t v = -1;
        if (st && sqlite3_step(st) == SQLITE_ROW) v = sqlite3_column_int64(st, 0);
        sqlite3_finalize(st);
        sqlite3_close(db);
        return v;
    }

    fs::path dir_;
};

}  // namespace

TEST(ActionKindNames, EveryKindRoundTripsThroughItsSnakeCaseName) {
    for (const std::string& name : actionKindNames()) {
        ActionKind k;
        ASSERT_TRUE(parseActionKind(name, k)) << name;
        EXPECT_EQ(name, toString(k));
    }
    ActionKind k;
    EXPECT_FALSE(parseActionKind("fly", k));
    EXPECT_TRUE(parseActionKind("use_lift", k));
    EXPECT_EQ(k, ActionKind::UseLift);
}

TEST_F(SessionStoreTest, ASessionRoundTripsEveryFieldExactly) {
    SessionLog log = cd::testdata::sampleSession();
    // Awkward text: separators, newlines, quotes and non-ASCII survive unchanged.
    log.events.push_back({123.456789012345, "trainee.note", "a|b", -1e-300, "line 1\nline 2 \"quoted\" 火災"});
    log.actions.push_back({0.1 + 0.2, "trainee 2", ActionKind::UseExtinguisher, "lab_fire", 1.0 / 3.0, -2.5, 3e10,
                           0.75, "co2"});
    log.meta.seed = 0xFFFFFFFFFFFFFFFFULL;  // largest seed, beyond what a signed column holds
    log.hashes.push_back({9999999999LL, 1e6, 0xFFFFFFFFFFFFFFFFULL});

    ASSERT_TRUE(saveSession(file("s.sqlite"), log).ok());
    auto back = loadSession(file("s.sqlite"));
    ASSERT_TRUE(back.ok()) << back.error().str();
    const SessionLog& b = *back;

    const SessionMeta& m = log.meta;
    EXPECT_EQ(b.meta.sessionId, m.sessionId);
    EXPECT_EQ(b.meta.scenarioId, m.scenarioId);
    EXPECT_EQ(b.meta.scenarioTitle, m.scenarioTitle);
    EXPECT_EQ(b.meta.scenarioPath, m.scenarioPath);
    EXPECT_EQ(b.meta.seed, m.seed);
    EXPECT_EQ(b.meta.startedAtUtc, m.startedAtUtc);
    EXPECT_EQ(b.meta.citydrillVersion, m.citydrillVersion);
    EXPECT_EQ(b.meta.traineeName, m.traineeName);
    EXPECT_EQ(b.meta.traineeRole, m.traineeRole);
    EXPECT_EQ(b.meta.input, m.input);
    EXPECT_EQ(b.meta.tickS, m.tickS);
    EXPECT_EQ(b.meta.durationS, m.durationS);

    ASSERT_EQ(b.actions.size(), log.actions.size());
    for (std::size_t i = 0; i < log.actions.size(); ++i) {
        const auto &x = log.actions[i], &y = b.actions[i];
        EXPECT_EQ(y.timeS, x.timeS);
        EXPECT_EQ(y.trainee, x.trainee);
        EXPECT_EQ(y.kind, x.kind);
        EXPECT_EQ(y.target, x.target);
        EXPECT_EQ(y.x, x.x);
        EXPECT_EQ(y.y, x.y);
        EXPECT_EQ(y.z, x.z);
        EXPECT_EQ(y.value, x.value);
        EXPECT_EQ(y.text, x.text);
    }
    ASSERT_EQ(b.events.size(), log.events.size());
    for (std::size_t i = 0; i < log.events.size(); ++i) {
        const auto &x = log.events[i], &y = b.events[i];
        EXPECT_EQ(y.timeS, x.timeS);
        EXPECT_EQ(y.kind, x.kind);
        EXPECT_EQ(y.subject, x.subject);
        EXPECT_EQ(y.value, x.value);
        EXPECT_EQ(y.text, x.text);
    }
    ASSERT_EQ(b.poses.size(), log.poses.size());
    for (std::size_t i = 0; i < log.poses.size(); ++i) {
        const auto &x = log.poses[i], &y = b.poses[i];
        EXPECT_EQ(y.timeS, x.timeS);
        EXPECT_EQ(y.trainee, x.trainee);
        EXPECT_EQ(y.x, x.x);
        EXPECT_EQ(y.y, x.y);
        EXPECT_EQ(y.z, x.z);
        EXPECT_EQ(y.yawDeg, x.yawDeg);
        EXPECT_EQ(y.pitchDeg, x.pitchDeg);
        EXPECT_EQ(y.room, x.room);
        EXPECT_EQ(y.fed, x.fed);
        EXPECT_EQ(y.visibilityM, x.visibilityM);
        EXPECT_EQ(y.temperatureC, x.temperatureC);
    }
    ASSERT_EQ(b.hashes.size(), log.hashes.size());
    for (std::size_t i = 0; i < log.hashes.size(); ++i) {
        EXPECT_EQ(b.hashes[i].tick, log.hashes[i].tick);
        EXPECT_EQ(b.hashes[i].timeS, log.hashes[i].timeS);
        EXPECT_EQ(b.hashes[i].hash, log.hashes[i].hash);
    }
}

TEST_F(SessionStoreTest, TheChainOfAnUntouchedSessionVerifiesAndEndsAtTheStoreHead) {
    SessionLog log = cd::testdata::sampleSession();
    auto store = SessionStore::create(file("s.sqlite"), log.meta);
    ASSERT_TRUE(store.ok()) << store.error().str();
    SessionStore& s = **store;
    ASSERT_TRUE(s.beginTick(1200).ok());
    ASSERT_TRUE(s.appendAction(log.actions[0]).ok());
    ASSERT_TRUE(s.appendEvent(log.events[1]).ok());
    ASSERT_TRUE(s.appendPose(log.poses[2]).ok());
    ASSERT_TRUE(s.appendHash(log.hashes[0]).ok());
    ASSERT_TRUE(s.commitTick().ok());
    ASSERT_TRUE(s.close(20.0).ok());
    std::string head = s.chainHead();
    EXPECT_EQ(s.rowCount(), 12 + 4 + 2);  // meta rows, the tick's rows, duration and closed
    EXPECT_NE(head, kChainGenesis);

    auto rep = verifyChain(file("s.sqlite"));
    ASSERT_TRUE(rep.ok()) << rep.error().str();
    EXPECT_TRUE(rep->intact) << rep->message;
    EXPECT_TRUE(rep->closed);
    EXPECT_EQ(rep->rows, 18);
    EXPECT_EQ(rep->head, head);
    // Rows appended inside beginTick(1200) carry that tick.
    EXPECT_EQ(rawInt(file("s.sqlite"), "SELECT tick FROM actions"), 1200);
    EXPECT_EQ(rawInt(file("s.sqlite"), "SELECT count(*) FROM poses WHERE tick = 1200"), 1);
    EXPECT_EQ(rawInt(file("s.sqlite"), "SELECT version FROM schema_version"), kSchemaVersion);
}

TEST_F(SessionStoreTest, EditingOneRowWithRawSqlBreaksTheChainAtThatRow) {
    ASSERT_TRUE(saveSession(file("s.sqlite"), cd::testdata::sampleSession()).ok());
    std::int64_t seq = rawInt(file("s.sqlite"), "SELECT seq FROM events WHERE kind = 'alarm.sound'");
    rawSql(file("s.sqlite"), "UPDATE events SET time_s = 12.0 WHERE kind = 'alarm.sound'");
    auto rep = verifyChain(file("s.sqlite"));
    ASSERT_TRUE(rep.ok());
    EXPECT_FALSE(rep->intact);
    EXPECT_EQ(rep->firstBrokenTable, "events");
    EXPECT_EQ(rep->firstBrokenSeq, seq);
    EXPECT_NE(rep->message.find("events row seq " + std::to_string(seq)), std::string::npos) << rep->message;
}

TEST_F(SessionStoreTest, EditingTheChainColumnToMatchStillBreaksTheNextRow) {
    ASSERT_TRUE(saveSession(file("s.sqlite"), cd::testdata::sampleSession()).ok());
    // A forger who edits a pose's FED and copies a plausible chain value still breaks the
    // row itself (its chain is recomputed from the content).
    rawSql(file("s.sqlite"), "UPDATE poses SET fed = 0.0, chain = (SELECT chain FROM poses WHERE seq = "
                             "(SELECT min(seq) FROM poses)) WHERE seq = (SELECT max(seq) FROM poses)");
    auto rep = verifyChain(file("s.sqlite"));
    ASSERT_TRUE(rep.ok());
    EXPECT_FALSE(rep->intact);
    EXPECT_EQ(rep->firstBrokenTable, "poses");
}

TEST_F(SessionStoreTest, DeletingOrReorderingRowsBreaksTheChain) {
    ASSERT_TRUE(saveSession(file("a.sqlite"), cd::testdata::sampleSession()).ok());
    std::int64_t seq = rawInt(file("a.sqlite"), "SELECT seq FROM actions WHERE kind = 'pull_alarm'");
    rawSql(file("a.sqlite"), "DELETE FROM actions WHERE kind = 'pull_alarm'");
    auto rep = verifyChain(file("a.sqlite"));
    ASSERT_TRUE(rep.ok());
    EXPECT_FALSE(rep->intact);
    EXPECT_EQ(rep->firstBrokenSeq, seq + 1);
    EXPECT_NE(rep->message.find("deleted"), std::string::npos) << rep->message;

    ASSERT_TRUE(saveSession(file("b.sqlite"), cd::testdata::sampleSession()).ok());
    // Swap the sequence numbers of two poses: the content moves, the chains no longer match.
    std::int64_t a = rawInt(file("b.sqlite"), "SELECT min(seq) FROM poses");
    std::int64_t b = rawInt(file("b.sqlite"), "SELECT min(seq) FROM poses WHERE seq > (SELECT min(seq) FROM poses)");
    rawSql(file("b.sqlite"), "UPDATE poses SET seq = -1 WHERE seq = " + std::to_string(a) + ";" +
                                 "UPDATE poses SET seq = " + std::to_string(a) + " WHERE seq = " + std::to_string(b) + ";" +
                                 "UPDATE poses SET seq = " + std::to_string(b) + " WHERE seq = -1;");
    rep = verifyChain(file("b.sqlite"));
    ASSERT_TRUE(rep.ok());
    EXPECT_FALSE(rep->intact) << rep->message;
    EXPECT_EQ(rep->firstBrokenSeq, a);
}

TEST_F(SessionStoreTest, ACrashMidTickKeepsEveryCommittedTickAndLosesOnlyTheOpenOne) {
    SessionLog log = cd::testdata::sampleSession();
    pid_t pid = ::fork();
    ASSERT_GE(pid, 0);
    if (pid == 0) {
        auto store = SessionStore::create(file("crash.sqlite"), log.meta);
        if (!store) ::_exit(2);
        SessionStore& s = **store;
        (void)s.beginTick(1);
        (void)s.appendEvent(log.events[0]);
        (void)s.appendPose(log.poses[0]);
        (void)s.commitTick();
        (void)s.beginTick(2);
        (void)s.appendEvent(log.events[1]);
        ::_exit(0);  // dies without committing tick 2 and without closing
    }
    int status = 0;
    ::waitpid(pid, &status, 0);
    ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);

    auto back = loadSession(file("crash.sqlite"));
    ASSERT_TRUE(back.ok()) << back.error().str();
    ASSERT_EQ(back->events.size(), 1u);
    EXPECT_EQ(back->events[0].kind, "scenario.start");
    EXPECT_EQ(back->poses.size(), 1u);
    auto rep = verifyChain(file("crash.sqlite"));
    ASSERT_TRUE(rep.ok());
    EXPECT_TRUE(rep->intact) << rep->message;
    EXPECT_FALSE(rep->closed);
}

TEST_F(SessionStoreTest, MissingCorruptOrExistingFilesGiveErrorsNamingTheFile) {
    auto missing = loadSession(file("nope.sqlite"));
    ASSERT_FALSE(missing.ok());
    EXPECT_NE(missing.error().str().find("nope.sqlite"), std::string::npos);
    EXPECT_NE(missing.error().str().find("not found"), std::string::npos) << missing.error().str();

    std::ofstream(file("junk.sqlite")) << "this is not a database, just some text that is long enough\n";
    auto junk = loadSession(file("junk.sqlite"));
    ASSERT_FALSE(junk.ok());
    EXPECT_NE(junk.error().str().find("junk.sqlite"), std::string::npos);
    EXPECT_NE(junk.error().str().find("not a CityDrill session database"), std::string::npos) << junk.error().str();
    auto junkChain = verifyChain(file("junk.sqlite"));
    ASSERT_FALSE(junkChain.ok());

    // A SQLite file of some other program.
    rawSql(file("other.sqlite"), "CREATE TABLE t (a INTEGER)");
    auto other = loadSession(file("other.sqlite"));
    ASSERT_FALSE(other.ok());
    EXPECT_NE(other.error().str().find("not a CityDrill session database"), std::string::npos);

    auto exists = SessionStore::create(file("junk.sqlite"), SessionMeta{});
    ASSERT_FALSE(exists.ok());
    EXPECT_NE(exists.error().str().find("already exists"), std::string::npos);

    auto noDir = SessionStore::create(file("no/such/dir/s.sqlite"), SessionMeta{});
    ASSERT_FALSE(noDir.ok());
    EXPECT_NE(noDir.error().str().find("s.sqlite"), std::string::npos) << noDir.error().str();
}

TEST_F(SessionStoreTest, AppendsAfterCloseAreRefusedAndAnUnknownActionKindIsNamed) {
    auto store = SessionStore::create(file("s.sqlite"), SessionMeta{});
    ASSERT_TRUE(store.ok());
    ASSERT_TRUE((*store)->close(1.0).ok());
    EXPECT_FALSE((*store)->appendEvent({}).ok());

    rawSql(file("s.sqlite"), "INSERT INTO actions VALUES (99, 0, 1.0, 't', 'fly', '', 0, 0, 0, 0, '', 'x')");
    auto back = loadSession(file("s.sqlite"));
    ASSERT_FALSE(back.ok());
    EXPECT_NE(back.error().str().find("actions row seq 99"), std::string::npos) << back.error().str();
    EXPECT_NE(back.error().str().find("fly"), std::string::npos);
}

TEST_F(SessionStoreTest, ATypicalSessionWritesQuicklyInPerTickTransactions) {
    // 10 minutes at 60 Hz: an event every tick, a pose every 15 ticks, a hash every 60.
    SessionMeta meta;
    auto store = SessionStore::create(file("perf.sqlite"), meta);
    ASSERT_TRUE(store.ok());
    SessionStore& s = **store;
    auto t0 = std::chrono::steady_clock::now();
    const int ticks = 36000;
    for (int t = 0; t < ticks; ++t) {
        ASSERT_TRUE(s.beginTick(t).ok());
        double time = t / 60.0;
        ASSERT_TRUE(s.appendEvent({time, "fire.spread", "lab", 1.0, ""}).ok());
        if (t % 15 == 0) {
            ASSERT_TRUE(s.appendPose({time, "trainee", 1, 2, 0, 0, 0, "lab", 0.01, 20, 21}).ok());
        }
        if (t % 60 == 0) {
            ASSERT_TRUE(s.appendHash({t, time, static_cast<std::uint64_t>(t)}).ok());
        }
        ASSERT_TRUE(s.commitTick().ok());
    }
    ASSERT_TRUE(s.close(ticks / 60.0).ok());
    double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    std::printf("[ perf ] %d ticks, %lld rows: %.0f ms (%.1f us per tick)\n", ticks,
                static_cast<long long>(s.rowCount()), ms, 1000.0 * ms / ticks);
    auto t1 = std::chrono::steady_clock::now();
    auto rep = verifyChain(file("perf.sqlite"));
    double vms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t1).count();
    std::printf("[ perf ] verifyChain: %.0f ms\n", vms);
    ASSERT_TRUE(rep.ok());
    EXPECT_TRUE(rep->intact);
    // Generous bound: a tick's record must not eat a 16.7 ms frame.
    EXPECT_LT(ms / ticks, 2.0);
}

TEST_F(SessionStoreTest, TheSqliteStoreAndTheMemorySinkRecordTheSameLogThroughTheSinkInterface) {
    SessionLog log = cd::testdata::sampleSession();
    auto store = SessionStore::create(file("s.sqlite"), log.meta);
    ASSERT_TRUE(store.ok());
    MemorySessionSink memory(log.meta);
    for (SessionSink* sink : {static_cast<SessionSink*>(store->get()), static_cast<SessionSink*>(&memory)}) {
        ASSERT_TRUE(sink->beginTick(0).ok());
        for (const auto& e : log.events) ASSERT_TRUE(sink->appendEvent(e).ok());
        for (const auto& p : log.poses) ASSERT_TRUE(sink->appendPose(p).ok());
        ASSERT_TRUE(sink->commitTick().ok());
        ASSERT_TRUE(sink->close(log.meta.durationS).ok());
    }
    auto back = loadSession(file("s.sqlite"));
    ASSERT_TRUE(back.ok());
    ASSERT_EQ(back->events.size(), memory.log().events.size());
    for (std::size_t i = 0; i < back->events.size(); ++i) EXPECT_EQ(back->events[i].kind, memory.log().events[i].kind);
    EXPECT_EQ(back->poses.size(), memory.log().poses.size());
    EXPECT_EQ(back->meta.durationS, memory.log().meta.durationS);
    EXPECT_FALSE(memory.appendEvent({}).ok());
}
