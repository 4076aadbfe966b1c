// The live store in one SQLite file: no set-up, one server process.
#include <sqlite3.h>

#include <atomic>
#include <condition_variable>
#include <exception>
#include <memory>
#include <mutex>
#include <string>

#include "live/connection_pool.hpp"
#include "live/live_database.hpp"
#include "storage/sqlite.hpp"

namespace claimdeck::live {
namespace {

// One step per schema version, each in its own transaction; shipped steps
// are never edited (as in storage/store.cpp). The version is kept in
// PRAGMA user_version, SQLite's own slot for it.
const char* const kMigrations[] = {
    // 0 -> 1: the first schema.
    R"sql(
    CREATE TABLE settings(name TEXT PRIMARY KEY, value TEXT NOT NULL);
    CREATE TABLE classes(
        id INTEGER PRIMARY KEY,
        code TEXT NOT NULL,
        title TEXT NOT NULL,
        pace TEXT NOT NULL,
        current INTEGER NOT NULL DEFAULT 0,
        ended INTEGER NOT NULL DEFAULT 0,
        created_ms INTEGER NOT NULL);
    -- A code names one running class; an ended class's code may come again.
    CREATE UNIQUE INDEX live_codes ON classes(code) WHERE ended = 0;
    CREATE TABLE class_cards(
        class_id INTEGER NOT NULL REFERENCES classes(id),
        position INTEGER NOT NULL,
        card_id TEXT NOT NULL,
        text TEXT NOT NULL,
        verdict TEXT NOT NULL,
        PRIMARY KEY(class_id, position),
        UNIQUE(class_id, card_id));
    CREATE TABLE pupils(
        id INTEGER PRIMARY KEY,
        class_id INTEGER NOT NULL REFERENCES classes(id),
        nickname TEXT NOT NULL COLLATE NOCASE,
        token_hash TEXT NOT NULL UNIQUE,
        joined_ms INTEGER NOT NULL,
        UNIQUE(class_id, nickname));
    CREATE TABLE answers(
        id INTEGER PRIMARY KEY,
        pupil_id INTEGER NOT NULL REFERENCES pupils(id),
        position INTEGER NOT NULL,
        verdict TEXT NOT NULL,
        confidence INTEGER NOT NULL,
        answer_key TEXT NOT NULL,
        committed_ms INTEGER NOT NULL,
        UNIQUE(pupil_id, answer_key),
        UNIQUE(pupil_id, position));
    )sql",
};
static_assert(std::size(kMigrations) == kLiveSchemaVersion, "one migration per schema version");

int user_version(sql::Database& db) {
    auto query = db.prepare("PRAGMA user_version");
    query.step();
    return static_cast<int>(query.column_int(0));
}

void migrate(sql::Database& db, const std::filesystem::path& path) {
    if (int version = user_version(db); version > kLiveSchemaVersion)
        throw std::runtime_error(path.u8string() + " was written by a newer ClaimDeck (live store version " +
                                 std::to_string(version) + "); it was left untouched.");
    for (int version = user_version(db); version < kLiveSchemaVersion; version = user_version(db)) {
        sql::Transaction transaction(db);
        if (user_version(db) != version) continue;
        db.execute(kMigrations[version]);
        // A number of ours, not user text: PRAGMA takes no bound parameters.
        db.execute(("PRAGMA user_version = " + std::to_string(version + 1)).c_str());
        transaction.commit();
    }
}

// SQLite numbers its parameters ?1, ?2, ...: the same places as $1, $2.
std::string numbered_for_sqlite(std::string sql) {
    for (char& c : sql)
        if (c == '$') c = '?';
    return sql;
}

void bind_all(sql::Statement& statement, const std::vector<SqlValue>& params) {
    for (std::size_t i = 0; i < params.size(); ++i) {
        const int index = static_cast<int>(i + 1);
        if (const auto* number = std::get_if<std::int64_t>(&params[i]))
            statement.bind(index, *number);
        else
            statement.bind(index, std::get<std::string>(params[i]));
    }
}

SqlRow row_of(const sql::Statement& statement) {
    std::vector<std::optional<std::string>> columns;
    for (int i = 0; i < statement.column_count(); ++i)
        columns.push_back(statement.column_is_null(i) ? std::nullopt
                                                      : std::optional<std::string>(statement.column_text(i)));
    return SqlRow(std::move(columns));
}

SqlRows run(sql::Statement& statement, const std::vector<SqlValue>& params) {
    bind_all(statement, params);
    SqlRows rows;
    while (statement.step()) rows.push_back(row_of(statement));
    return rows;
}

SqlRows run(sql::Database& db, const std::string& text, const std::vector<SqlValue>& params) {
    sql::Statement statement = db.prepare(text.c_str());
    return run(statement, params);
}

// Readers besides the one writer. WAL lets each read its own committed
// snapshot while the writer commits, so a pupil asking for a card or a
// dashboard being rebuilt does not wait behind an answer's fsync.
constexpr std::size_t kReaders = 4;
// At most this many transactions wait for one commit, so a steady queue
// still commits in bounded time.
constexpr int kMaxGroup = 32;

class SqliteLiveDatabase : public LiveDatabase {
public:
    explicit SqliteLiveDatabase(const std::filesystem::path& path)
        : writer_(path, sql::Database::Mode::ReadWriteCreate),
          has_readers_(path != ":memory:"),  // a second connection to ":memory:" is another database
          readers_(kReaders, [path] { return std::make_unique<sql::Database>(path, sql::Database::Mode::ReadWrite); }) {
        // WAL lets the dashboard read while an answer is written; FULL makes a
        // "committed" confirmation survive a power cut, not only a killed process.
        if (path != ":memory:") writer_.execute("PRAGMA journal_mode = WAL");
        writer_.execute("PRAGMA synchronous = FULL");
        writer_.execute("PRAGMA foreign_keys = ON");
        migrate(writer_, path);
    }

    std::string_view kind() const override { return "sqlite"; }

    // Inside this thread's transaction a statement is part of it; outside,
    // a read goes to a reader and a write is a transaction of its own.
    SqlRows query(const char* text, const std::vector<SqlValue>& params) override {
        const std::string sqlite_text = numbered_for_sqlite(text);
        if (open_transaction_ == this) return run(writer_, sqlite_text, params);
        if (has_readers_) {
            Readers::Lease reader = readers_.borrow();
            sql::Statement statement = reader->prepare(sqlite_text.c_str());
            if (statement.read_only()) return run(statement, params);
        }
        return in_transaction(*this, [&] { return run(writer_, sqlite_text, params); });
    }

    // SQLite has one writer, and each commit waits for the disk
    // (synchronous=FULL: a confirmed answer survives a power cut). So the
    // transactions that queue while one commits share the next commit: each
    // runs in a savepoint of one open transaction, so a refused one undoes
    // only its own changes, and the last of the queue commits for all, one
    // wait for the disk instead of one each. None returns before the commit
    // that holds its work.
    void transact(const std::function<void()>& work) override {
        ++queued_;
        std::unique_lock<std::mutex> lock(writer_mutex_);
        --queued_;
        const std::shared_ptr<Group> group = group_;
        const std::exception_ptr refused = run_in_group(work);
        if (queued_ > 0 && ++group->members < kMaxGroup)
            committed_.wait(lock, [&] { return group->done; });  // a later one commits it
        else
            commit_group();
        if (refused) std::rethrow_exception(refused);
        if (!group->failure.empty()) throw sql::Error(SQLITE_IOERR, group->failure);
    }

    void announce_change(const std::string&) override {}

private:
    using Readers = ConnectionPool<sql::Database>;

    // Transactions that share one commit.
    struct Group {
        int members = 0;    // waiting for the commit
        bool done = false;  // committed, or failed with `failure`
        std::string failure;
    };

    // Runs `work` in a savepoint of the group's transaction (begun by the
    // group's first); returns what it threw, its changes undone.
    std::exception_ptr run_in_group(const std::function<void()>& work) {
        try {
            if (sqlite3_get_autocommit(writer_.handle())) writer_.execute("BEGIN IMMEDIATE");
            writer_.execute("SAVEPOINT work");
            open_transaction_ = this;
            try {
                work();
            } catch (...) {
                open_transaction_ = nullptr;
                writer_.execute("ROLLBACK TO work");
                writer_.execute("RELEASE work");
                throw;
            }
            open_transaction_ = nullptr;
            writer_.execute("RELEASE work");
            return nullptr;
        } catch (...) {
            return std::current_exception();
        }
    }

    // Commits the group (with writer_mutex_ held) and wakes its members.
    void commit_group() {
        try {
            if (!sqlite3_get_autocommit(writer_.handle())) writer_.execute("COMMIT");
        } catch (const std::exception& error) {
            group_->failure = error.what();
        }
        // A failed COMMIT can leave the transaction open: the next group begins afresh.
        if (!sqlite3_get_autocommit(writer_.handle()))
            sqlite3_exec(writer_.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
        group_->done = true;
        group_ = std::make_shared<Group>();
        committed_.notify_all();
    }

    sql::Database writer_;
    std::mutex writer_mutex_;
    std::condition_variable committed_;
    std::atomic<int> queued_{0};                                // transactions waiting for writer_mutex_
    std::shared_ptr<Group> group_ = std::make_shared<Group>();  // the one now open, or next to open
    const bool has_readers_;
    Readers readers_;
    static thread_local const SqliteLiveDatabase* open_transaction_;
};

thread_local const SqliteLiveDatabase* SqliteLiveDatabase::open_transaction_ = nullptr;

}  // namespace

std::unique_ptr<LiveDatabase> open_sqlite_live_database(const std::filesystem::path& path) {
    return std::make_unique<SqliteLiveDatabase>(path);
}

}  // namespace claimdeck::live
