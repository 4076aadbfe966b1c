// Where the live classes are kept: an SQLite file (one server process) or
// PostgreSQL (a school's servers sharing one database). live::LiveClasses
// holds the rules and speaks SQL that both understand; a back end only runs
// it, keeps its own schema migrations and says when a change must wake the
// dashboards of every process. The PostgreSQL back end lives in app/server,
// so the core (and the web build) never links libpq.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace claimdeck::live {

// The live store's schema version; each back end has one migration step per
// version and records the steps it ran, so each runs once.
inline constexpr int kLiveSchemaVersion = 1;

// A value bound to a $1, $2, ... placeholder: SQL never holds request text.
using SqlValue = std::variant<std::int64_t, std::string>;

// One result row, each column as the database printed it (nullopt for NULL).
class SqlRow {
public:
    explicit SqlRow(std::vector<std::optional<std::string>> columns) : columns_(std::move(columns)) {}
    bool is_null(std::size_t column) const { return !columns_.at(column); }
    std::string text(std::size_t column) const { return columns_.at(column).value_or(""); }
    std::int64_t number(std::size_t column) const {  // 0 for NULL
        return columns_.at(column) ? std::stoll(*columns_.at(column)) : 0;
    }

private:
    std::vector<std::optional<std::string>> columns_;
};
using SqlRows = std::vector<SqlRow>;

// The database cannot be reached just now (PostgreSQL restarting, its
// network down). What was not confirmed may not be committed: the client
// sends it again with the same idempotency key.
class DatabaseUnavailable : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// Used by many request threads at once: each back end keeps a few
// connections and lends one to each statement or transaction.
class LiveDatabase {
public:
    virtual ~LiveDatabase() = default;

    // "sqlite" or "postgresql", as /api/health reports it.
    virtual std::string_view kind() const = 0;
    // Runs one statement whose parameters are written $1, $2, ... and
    // returns its rows. Called by `work` inside transact, on the same
    // thread, it is part of that transaction.
    virtual SqlRows query(const char* sql, const std::vector<SqlValue>& params = {}) = 0;
    // Runs `work` as one transaction: committed when it returns, rolled back
    // when it throws. Its isolation is READ COMMITTED's at least: each
    // statement sees what was committed before it ran, and a conditional
    // UPDATE waits for a concurrent writer of its row and then sees its
    // change. So a rule that spans statements is kept by unique keys and
    // conditional updates, never by reading first and writing after. (SQLite
    // has one writer at a time and gives more; PostgreSQL runs it at READ
    // COMMITTED, where concurrent answers cannot clash.) A back end may run
    // `work` again after a deadlock, so it must change nothing but the
    // database.
    virtual void transact(const std::function<void()>& work) = 0;
    // Inside a transaction: once it has committed, every server process on
    // this database wakes the event streams of that class's dashboards.
    // (One process: nothing to do, the server wakes its own.)
    virtual void announce_change(const std::string& class_code) = 0;
};

// Opens (creating and migrating) the SQLite live store at `path`; ":memory:"
// for tests. A store from a newer ClaimDeck is refused, untouched.
std::unique_ptr<LiveDatabase> open_sqlite_live_database(const std::filesystem::path& path);

// Runs `work` in one transaction of `db` and returns what it returned.
template <class Work>
auto in_transaction(LiveDatabase& db, Work&& work) -> decltype(work()) {
    decltype(work()) result{};
    db.transact([&] { result = work(); });
    return result;
}

}  // namespace claimdeck::live
