// The live store in one SQLite file: no set-up, one server process.
#include <string>

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

class SqliteLiveDatabase : public LiveDatabase {
public:
    explicit SqliteLiveDatabase(const std::filesystem::path& path) : db_(path, sql::Database::Mode::ReadWriteCreate) {
        // WAL lets the dashboard read while an answer is written; FULL makes a
        // "committed" confirmation survive a power cut, not only a killed process.
        if (path != ":memory:") db_.execute("PRAGMA journal_mode = WAL");
        db_.execute("PRAGMA synchronous = FULL");
        db_.execute("PRAGMA foreign_keys = ON");
        migrate(db_, path);
    }

    std::string_view kind() const override { return "sqlite"; }

    SqlRows query(const char* text, const std::vector<SqlValue>& params) override {
        sql::Statement statement = db_.prepare(numbered_for_sqlite(text).c_str());
        bind_all(statement, params);
        SqlRows rows;
        while (statement.step()) rows.push_back(row_of(statement));
        return rows;
    }

    void transact(const std::function<void()>& work) override {
        sql::Transaction transaction(db_);
        work();
        transaction.commit();
    }

    void announce_change(const std::string&) override {}

private:
    sql::Database db_;
};

}  // namespace

std::unique_ptr<LiveDatabase> open_sqlite_live_database(const std::filesystem::path& path) {
    return std::make_unique<SqliteLiveDatabase>(path);
}

}  // namespace claimdeck::live
