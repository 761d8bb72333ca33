#pragma once
/// A thin RAII wrapper over the SQLite C API, private to cd_record (the only module that
/// includes sqlite3.h). Every failure becomes a cd::Error naming the database file.
#include <sqlite3.h>

#include <cstdint>
#include <string>
#include <string_view>

#include "core/result.h"

namespace cd::record {

class Statement {
public:
    Statement() = default;
    Statement(sqlite3* db, sqlite3_stmt* stmt) : db_(db), stmt_(stmt) {}
    ~Statement() { if (stmt_) sqlite3_finalize(stmt_); }
    Statement(Statement&& o) noexcept : db_(o.db_), stmt_(o.stmt_) { o.stmt_ = nullptr; }
    Statement& operator=(Statement&& o) noexcept {
        if (this != &o) {
            if (stmt_) sqlite3_finalize(stmt_);
            db_ = o.db_;
            stmt_ = o.stmt_;
            o.stmt_ = nullptr;
        }
        return *this;
    }
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;

    void reset() { sqlite3_reset(stmt_); sqlite3_clear_bindings(stmt_); }
    void bind(int i, std::int64_t v) { sqlite3_bind_int64(stmt_, i, v); }
    void bind(int i, double v) { sqlite3_bind_double(stmt_, i, v); }
    void bind(int i, std::string_view v) {
        sqlite3_bind_text(stmt_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
    }
    /// SQLITE_ROW, SQLITE_DONE or an error code.
    int step() { return sqlite3_step(stmt_); }

    std::int64_t int64(int col) const { return sqlite3_column_int64(stmt_, col); }
    double real(int col) const { return sqlite3_column_double(stmt_, col); }
    std::string text(int col) const {
        const auto* p = sqlite3_column_text(stmt_, col);
        int n = sqlite3_column_bytes(stmt_, col);
        return p ? std::string(reinterpret_cast<const char*>(p), static_cast<std::size_t>(n)) : std::string();
    }

private:
    sqlite3* db_ = nullptr;
    sqlite3_stmt* stmt_ = nullptr;
};

class Database {
public:
    enum class Mode { CreateNew, ReadExisting };

    ~Database() { if (db_) sqlite3_close_v2(db_); }
    Database() = default;
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    Status open(const std::string& path, Mode mode) {
        path_ = path;
        // ReadExisting opens read-write without create: SQLite may then replay the WAL of
        // a session that crashed, which a read-only handle cannot always do.
        int flags = mode == Mode::ReadExisting ? SQLITE_OPEN_READWRITE
                                               : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
        int rc = sqlite3_open_v2(path.c_str(), &db_, flags, nullptr);
        if (rc != SQLITE_OK) {
            std::string msg = std::string("cannot open session database: ") +
                              (db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(rc));
            return makeError(msg, path_);
        }
        sqlite3_extended_result_codes(db_, 1);
        return Ok{};
    }

    Status exec(const std::string& sql) {
        char* err = nullptr;
        if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
            std::string msg = err ? err : "unknown SQLite error";
            sqlite3_free(err);
            return makeError("SQLite: " + msg + " (in: " + sql.substr(0, 60) + ")", path_);
        }
        return Ok{};
    }

    Result<Statement> prepare(const std::string& sql) {
        sqlite3_stmt* s = nullptr;
        if (sqlite3_prepare_v2(db_, sql.c_str(), -1, &s, nullptr) != SQLITE_OK)
            return makeError(std::string("SQLite: ") + sqlite3_errmsg(db_) + " (in: " + sql.substr(0, 60) + ")", path_);
        return Statement(db_, s);
    }

    Error stepError(const std::string& what) const {
        return makeError("SQLite: " + what + ": " + sqlite3_errmsg(db_), path_);
    }

    const std::string& path() const { return path_; }
    sqlite3* handle() const { return db_; }

private:
    sqlite3* db_ = nullptr;
    std::string path_;
};

}  // namespace cd::record
