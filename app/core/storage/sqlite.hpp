// A thin RAII layer over SQLite's C API: a connection and prepared statements
// with bound parameters. Every statement that touches user text goes through
// bind(), never through string building.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace claimdeck::sql {

// An SQLite failure, with the result code kept so callers can tell a full
// disk or a locked database from other faults.
class Error : public std::runtime_error {
public:
    Error(int code, const std::string& what) : std::runtime_error(what), code_(code) {}
    int code() const { return code_; }
    int primary_code() const { return code_ & 0xff; }

private:
    int code_;
};

class Statement;

class Database {
public:
    enum class Mode { ReadOnly, ReadWrite, ReadWriteCreate };

    // A statement that finds the file locked by another connection retries
    // for up to `busy_timeout_ms` before failing with SQLITE_BUSY.
    Database(const std::filesystem::path& path, Mode mode, int busy_timeout_ms = 2000);
    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    void execute(const char* sql);  // for fixed SQL only
    Statement prepare(const char* sql);
    std::int64_t last_insert_id() const;
    int changes() const;
    sqlite3* handle() const { return db_; }
    [[noreturn]] void fail(int code, std::string_view doing) const;

private:
    sqlite3* db_ = nullptr;
};

class Statement {
public:
    Statement(sqlite3_stmt* statement, const Database& db) : statement_(statement), db_(&db) {}
    ~Statement();
    Statement(Statement&& other) noexcept;
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;
    Statement& operator=(Statement&&) = delete;

    Statement& bind(int index, std::int64_t value);
    Statement& bind(int index, int value) { return bind(index, static_cast<std::int64_t>(value)); }
    Statement& bind(int index, double value);
    Statement& bind(int index, std::string_view value);
    Statement& bind_null(int index);

    // Steps once: true while a row is available.
    bool step();
    // Steps to completion, for statements that return no rows.
    void run();
    void reset();

    std::int64_t column_int(int index) const;
    double column_double(int index) const;
    std::string column_text(int index) const;
    bool column_is_null(int index) const;
    int column_count() const;
    // Whether running it can change nothing in the database.
    bool read_only() const { return sqlite3_stmt_readonly(statement_) != 0; }

private:
    sqlite3_stmt* statement_;
    const Database* db_;
};

// Begins a transaction on construction and rolls it back on destruction
// unless commit() succeeded, so an exception never leaves one open.
class Transaction {
public:
    explicit Transaction(Database& db, bool immediate = true);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    void commit();

private:
    Database& db_;
    bool open_ = true;
};

// Copies the whole of `source` into `destination` with SQLite's online backup
// API, which reads one consistent snapshot even while other connections write.
void copy_database(const Database& source, Database& destination);

// Runs PRAGMA quick_check: nullopt when SQLite finds the file sound, otherwise
// the first problems it lists. A file too damaged to be read at all throws.
std::optional<std::string> quick_check(Database& db);

}  // namespace claimdeck::sql
