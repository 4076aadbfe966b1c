#include "postgres_live_database.hpp"

#include <libpq-fe.h>
#include <poll.h>
#include <unistd.h>

#include <cerrno>
#include <condition_variable>
#include <cstring>
#include <mutex>
#include <set>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "live/connection_pool.hpp"

namespace claimdeck::server {
namespace {

using live::SqlRow;
using live::SqlRows;
using live::SqlValue;

const char* const kChannel = "claimdeck_live";
// Held while migrating, so processes starting together migrate once: a
// session lock, taken before the transaction and held until it committed.
constexpr const char* kMigrationLock = "SELECT pg_advisory_lock(4242190019)";
constexpr const char* kMigrationUnlock = "SELECT pg_advisory_unlock(4242190019)";
// A transaction that deadlocked with a concurrent one is run again up to this often.
constexpr int kMaxAttempts = 20;
// Connections per server process, each serving one request's statement or
// transaction at a time. The server has 128 request threads, but a
// statement is short and two processes' connections share the database's
// cores: more connections would only queue inside PostgreSQL.
constexpr std::size_t kPoolSize = 12;

// One step per schema version, never edited once shipped; the steps run are
// listed in live_schema_steps. The same tables as the SQLite store, in
// PostgreSQL's words (identity columns, a case-blind nickname index).
const char* const kMigrations[] = {
    // 0 -> 1: the first schema.
    R"sql(
    CREATE TABLE settings(name TEXT PRIMARY KEY, value TEXT NOT NULL);
    CREATE TABLE classes(
        id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        code TEXT NOT NULL,
        title TEXT NOT NULL,
        pace TEXT NOT NULL,
        current INTEGER NOT NULL DEFAULT 0,
        ended INTEGER NOT NULL DEFAULT 0,
        created_ms BIGINT NOT NULL);
    -- A code names one running class; an ended class's code may come again.
    CREATE UNIQUE INDEX live_codes ON classes(code) WHERE ended = 0;
    CREATE TABLE class_cards(
        class_id BIGINT NOT NULL REFERENCES classes(id),
        position INTEGER NOT NULL,
        card_id TEXT NOT NULL,
        text TEXT NOT NULL,
        verdict TEXT NOT NULL,
        PRIMARY KEY(class_id, position),
        UNIQUE(class_id, card_id));
    CREATE TABLE pupils(
        id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        class_id BIGINT NOT NULL REFERENCES classes(id),
        nickname TEXT NOT NULL,
        token_hash TEXT NOT NULL UNIQUE,
        joined_ms BIGINT NOT NULL);
    CREATE UNIQUE INDEX pupil_nicknames ON pupils(class_id, lower(nickname));
    CREATE TABLE answers(
        id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        pupil_id BIGINT NOT NULL REFERENCES pupils(id),
        position INTEGER NOT NULL,
        verdict TEXT NOT NULL,
        confidence INTEGER NOT NULL,
        answer_key TEXT NOT NULL,
        committed_ms BIGINT NOT NULL,
        UNIQUE(pupil_id, answer_key),
        UNIQUE(pupil_id, position));
    )sql",
};
static_assert(std::size(kMigrations) == live::kLiveSchemaVersion, "one migration per schema version");

using Result = std::unique_ptr<PGresult, decltype(&PQclear)>;
using Connection = std::unique_ptr<PGconn, decltype(&PQfinish)>;

// libpq's messages end in a newline and may run over several lines.
std::string first_line(const char* message) {
    const std::string text = message ? message : "";
    return text.substr(0, text.find('\n'));
}

// A statement PostgreSQL refused, with its SQLSTATE.
class PostgresError : public std::runtime_error {
public:
    PostgresError(std::string state, const std::string& what) : std::runtime_error(what), state_(std::move(state)) {}
    // A serialization failure or a deadlock: the transaction may simply run again.
    bool is_clash() const { return state_ == "40001" || state_ == "40P01"; }

private:
    std::string state_;
};

// SQLSTATE classes 08 (connection exception) and 57P (the server shutting
// down or starting up), or none at all: libpq's own "server closed the
// connection unexpectedly", which it may report before it marks the
// connection bad. The statement did not run to completion.
bool is_connection_lost(std::string_view state) {
    return state.empty() || state.rfind("08", 0) == 0 || state.rfind("57P", 0) == 0;
}

std::string text_of(const SqlValue& value) {
    if (const auto* number = std::get_if<std::int64_t>(&value)) return std::to_string(*number);
    return std::get<std::string>(value);
}

SqlRows rows_of(const PGresult* result) {
    SqlRows rows;
    for (int row = 0; row < PQntuples(result); ++row) {
        std::vector<std::optional<std::string>> columns;
        for (int column = 0; column < PQnfields(result); ++column)
            columns.push_back(PQgetisnull(result, row, column)
                                  ? std::nullopt
                                  : std::optional<std::string>(std::string(PQgetvalue(result, row, column),
                                                                           PQgetlength(result, row, column))));
        rows.emplace_back(std::move(columns));
    }
    return rows;
}

// One connection to PostgreSQL, used by one thread at a time.
class PgConnection {
public:
    // Connects, or stays unconnected until its first statement tries again.
    explicit PgConnection(const std::string& connection) : conn_(PQconnectdb(connection.c_str()), &PQfinish) {
        // Our own notices ("relation already exists, skipping") are not news.
        PQsetNoticeProcessor(
            conn_.get(), [](void*, const char*) {}, nullptr);
    }

    bool connected() const { return PQstatus(conn_.get()) == CONNECTION_OK; }
    std::string problem() const { return first_line(PQerrorMessage(conn_.get())); }

    Result run(const char* sql, const std::vector<SqlValue>& params = {}) {
        if (params.empty())
            return check(Result(PQexecParams(conn_.get(), sql, 0, nullptr, nullptr, nullptr, nullptr, 0), &PQclear));
        std::vector<std::string> texts;
        for (const SqlValue& value : params) texts.push_back(text_of(value));
        std::vector<const char*> values;
        for (const std::string& text : texts) values.push_back(text.c_str());
        const std::string& name = prepared(sql);
        return check(Result(PQexecPrepared(conn_.get(), name.c_str(), static_cast<int>(values.size()), values.data(),
                                           nullptr, nullptr, 0),
                            &PQclear));
    }

    // For the fixed migration scripts: several statements, no parameters.
    void run_script(const char* sql) { check(Result(PQexec(conn_.get(), sql), &PQclear)); }

    // A statement that did nothing yet when the connection turned out lost
    // (PostgreSQL restarted since the last one) goes again on a new one.
    Result run_alone(const char* sql, const std::vector<SqlValue>& params = {}) {
        if (!connected()) reconnect();
        try {
            return run(sql, params);
        } catch (const live::DatabaseUnavailable&) {
            reconnect();
            return run(sql, params);
        }
    }

    void roll_back() {
        if (connected()) Result(PQexec(conn_.get(), "ROLLBACK"), &PQclear);
    }

private:
    // The name of `sql` prepared on this connection. A statement with
    // parameters (each request's) is parsed and planned once a connection,
    // not on every request: under load that was much of PostgreSQL's work.
    const std::string& prepared(const char* sql) {
        if (const auto found = prepared_.find(sql); found != prepared_.end()) return found->second;
        std::string name = "claimdeck_" + std::to_string(prepared_.size());
        check(Result(PQprepare(conn_.get(), name.c_str(), sql, 0, nullptr), &PQclear));
        return prepared_.emplace(sql, std::move(name)).first->second;
    }

    Result check(Result result) {
        const ExecStatusType status = PQresultStatus(result.get());
        if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK) return result;
        const char* state = PQresultErrorField(result.get(), PG_DIAG_SQLSTATE);
        // A shutdown's farewell can arrive before libpq sees the connection close.
        if (!connected() || is_connection_lost(state ? state : "")) throw live::DatabaseUnavailable(unavailable());
        throw PostgresError(state ? state : "", "PostgreSQL: " + first_line(PQresultErrorMessage(result.get())));
    }

    void reconnect() {
        prepared_.clear();  // a new session has none
        PQreset(conn_.get());
        if (!connected()) throw live::DatabaseUnavailable(unavailable());
    }

    std::string unavailable() const { return "PostgreSQL cannot be reached just now (" + problem() + ")"; }

    Connection conn_;
    std::unordered_map<std::string, std::string> prepared_;  // SQL -> statement name
};

// Sends the NOTIFYs that tell every process's dashboards a class changed,
// on a connection and a thread of its own, so that an answer is confirmed
// as soon as it is committed rather than after one more round trip. Each
// NOTIFY stands in a statement of its own, after the commit it announces:
// PostgreSQL commits transactions that NOTIFY one at a time (it holds a
// lock from their NOTIFY to the end of their commit), so at 1,000 pupils
// answers that notified inside their transaction queued for the disk.
// Changes to one class that arrive while a NOTIFY is on its way are sent
// as one: a dashboard rebuilds from the database, not from the message.
// Should a NOTIFY fail, the change still stands committed; the other
// processes' dashboards then show it with the next one.
class Announcer {
public:
    explicit Announcer(const std::string& connection) : connection_(connection) {
        thread_ = std::thread([this] { send_until_stopped(); });
    }

    // Sends what is still waiting, then stops.
    ~Announcer() {
        {
            std::lock_guard<std::mutex> lock(mutex_);
            stopping_ = true;
        }
        wake_.notify_one();
        thread_.join();
    }

    Announcer(const Announcer&) = delete;
    Announcer& operator=(const Announcer&) = delete;

    void announce(const std::string& class_code) {
        {
            std::lock_guard<std::mutex> lock(mutex_);
            waiting_.insert(class_code);
        }
        wake_.notify_one();
    }

private:
    void send_until_stopped() {
        for (;;) {
            std::set<std::string> batch;
            {
                std::unique_lock<std::mutex> lock(mutex_);
                wake_.wait(lock, [this] { return stopping_ || !waiting_.empty(); });
                if (waiting_.empty()) return;  // stopping, and all sent
                batch = std::exchange(waiting_, {});
            }
            for (const std::string& class_code : batch) send(class_code);
        }
    }

    void send(const std::string& class_code) {
        try {
            connection_.run_alone("SELECT pg_notify($1, $2)", {std::string(kChannel), class_code});
        } catch (const std::runtime_error&) {
        }
    }

    PgConnection connection_;
    std::mutex mutex_;
    std::condition_variable wake_;
    std::set<std::string> waiting_;  // class codes
    bool stopping_ = false;
    std::thread thread_;
};

using Pool = live::ConnectionPool<PgConnection>;

class PostgresLiveDatabase : public live::LiveDatabase {
public:
    explicit PostgresLiveDatabase(const std::string& connection)
        : pool_(kPoolSize, [connection] { return std::make_unique<PgConnection>(connection); }),
          announcer_(connection) {
        if (Pool::Lease first = pool_.borrow(); !first->connected())
            throw std::runtime_error("cannot connect to PostgreSQL: " + first->problem());
    }

    std::string_view kind() const override { return "postgresql"; }

    // Inside a transaction a statement is part of it, on its connection.
    // Outside, each statement stands alone and is a read or an upsert, so
    // after a lost connection it is simply sent again.
    SqlRows query(const char* sql, const std::vector<SqlValue>& params) override {
        if (PgConnection* open = transaction_of_this_thread()) return rows_of(open->run(sql, params).get());
        return rows_of(pool_.borrow()->run_alone(sql, params).get());
    }

    void transact(const std::function<void()>& work) override {
        Pool::Lease lease = pool_.borrow();
        transact_on(*lease, work);
    }

    void announce_change(const std::string& class_code) override {
        if (open_transaction_.database == this) return open_transaction_.announced->push_back(class_code);
        announcer_.announce(class_code);
    }

    void migrate() {
        Pool::Lease lease = pool_.borrow();
        lease->run_alone(kMigrationLock);
        migrate_locked(*lease);  // on failure the process stops, and its lock goes with its connection
        lease->run(kMigrationUnlock);
    }

private:
    // Each request thread runs at most one transaction at a time; its
    // statements go to the connection that transaction was begun on.
    struct OpenTransaction {
        const PostgresLiveDatabase* database = nullptr;
        PgConnection* connection = nullptr;
        std::vector<std::string>* announced = nullptr;  // classes to announce once it commits
    };
    static thread_local OpenTransaction open_transaction_;

    PgConnection* transaction_of_this_thread() const {
        return open_transaction_.database == this ? open_transaction_.connection : nullptr;
    }

    // READ COMMITTED: each statement sees what was committed before it ran.
    // LiveClasses keeps its rules with unique keys and conditional updates,
    // which PostgreSQL applies to the latest row, so two processes' answers
    // never clash and need no retry. (SERIALIZABLE made them clash and run
    // again under load, and requests queued past their timeouts.) A
    // deadlock, should one ever happen, runs the transaction again.
    void transact_on(PgConnection& connection, const std::function<void()>& work) {
        for (int attempt = 1;; ++attempt) {
            try {
                std::vector<std::string> announced;
                connection.run_alone("BEGIN ISOLATION LEVEL READ COMMITTED");
                open_transaction_ = {this, &connection, &announced};
                work();
                open_transaction_ = {};
                connection.run("COMMIT");
                for (const std::string& class_code : announced) announcer_.announce(class_code);
                return;
            } catch (const PostgresError& error) {
                open_transaction_ = {};
                connection.roll_back();
                if (!error.is_clash() || attempt == kMaxAttempts) throw;
            } catch (...) {
                open_transaction_ = {};
                connection.roll_back();
                throw;
            }
        }
    }

    void migrate_locked(PgConnection& connection) {
        transact_on(connection, [&] {
            connection.run(
                "CREATE TABLE IF NOT EXISTS live_schema_steps("
                "version INTEGER PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())");
            const auto version = static_cast<int>(
                rows_of(connection.run("SELECT COALESCE(MAX(version), 0) FROM live_schema_steps").get())[0].number(0));
            if (version > live::kLiveSchemaVersion)
                throw std::runtime_error(
                    "the PostgreSQL database was written by a newer ClaimDeck (live store version " +
                    std::to_string(version) + "); it was left untouched.");
            for (int step = version; step < live::kLiveSchemaVersion; ++step) {
                connection.run_script(kMigrations[step]);
                connection.run("INSERT INTO live_schema_steps(version) VALUES($1)", {std::int64_t{step + 1}});
            }
        });
    }

    Pool pool_;
    Announcer announcer_;
};

thread_local PostgresLiveDatabase::OpenTransaction PostgresLiveDatabase::open_transaction_;

}  // namespace

bool is_postgresql(const std::string& database) {
    return database.rfind("postgresql://", 0) == 0 || database.rfind("postgres://", 0) == 0 ||
           database.find('=') != std::string::npos;
}

std::string connection_string_problem(const std::string& connection) {
    char* error = nullptr;
    PQconninfoOption* options = PQconninfoParse(connection.c_str(), &error);
    if (options) PQconninfoFree(options);
    std::string problem = error ? first_line(error) : "";
    if (error) PQfreemem(error);
    return problem;
}

std::unique_ptr<live::LiveDatabase> open_postgres_live_database(const std::string& connection) {
    auto database = std::make_unique<PostgresLiveDatabase>(connection);
    database->migrate();
    return database;
}

ChangeListener::ChangeListener(std::string connection, OnChange on_change)
    : connection_(std::move(connection)), on_change_(std::move(on_change)) {
    if (pipe(stop_pipe_) != 0) throw std::runtime_error(std::string("cannot make a pipe: ") + std::strerror(errno));
    thread_ = std::thread([this] { listen_until_stopped(); });
}

ChangeListener::~ChangeListener() {
    stopping_ = true;
    [[maybe_unused]] const ssize_t written = write(stop_pipe_[1], "x", 1);
    thread_.join();
    close(stop_pipe_[0]);
    close(stop_pipe_[1]);
}

namespace {

// Waits until `socket` can be read or the stop pipe is written, or for
// `timeout_ms` (-1: no limit); false when it is time to stop.
bool wait_unless_stopped(int socket, int stop, int timeout_ms) {
    pollfd ready[2] = {{stop, POLLIN, 0}, {socket, POLLIN, 0}};
    const int count = poll(ready, socket < 0 ? 1 : 2, timeout_ms);
    return !(count > 0 && ready[0].revents);
}

bool listen_on(PGconn* conn) {
    if (PQstatus(conn) != CONNECTION_OK) return false;
    const std::string listen = std::string("LISTEN ") + kChannel;
    return PQresultStatus(Result(PQexec(conn, listen.c_str()), &PQclear).get()) == PGRES_COMMAND_OK;
}

// Takes in what arrived; true while the connection is good.
bool take_notifications(PGconn* conn, const ChangeListener::OnChange& on_change) {
    if (!PQconsumeInput(conn)) return false;
    while (PGnotify* note = PQnotifies(conn)) {
        const std::string class_code = note->extra;
        PQfreemem(note);
        on_change(class_code);
    }
    return PQstatus(conn) == CONNECTION_OK;
}

}  // namespace

void ChangeListener::listen_until_stopped() {
    // While PostgreSQL is away, try again each second.
    constexpr int kRetryMs = 1000;
    while (!stopping_) {
        Connection conn(PQconnectdb(connection_.c_str()), &PQfinish);
        if (!listen_on(conn.get())) {
            wait_unless_stopped(-1, stop_pipe_[0], kRetryMs);
            continue;
        }
        on_change_("");  // whatever changed while nobody listened
        while (!stopping_ && wait_unless_stopped(PQsocket(conn.get()), stop_pipe_[0], -1) &&
               take_notifications(conn.get(), on_change_)) {
        }
    }
}

}  // namespace claimdeck::server
