#include "storage/sqlite.hpp"

namespace claimdeck::sql {

Database::Database(const std::filesystem::path& path, Mode mode, int busy_timeout_ms) {
    int flags = mode == Mode::ReadOnly    ? SQLITE_OPEN_READONLY
                : mode == Mode::ReadWrite ? SQLITE_OPEN_READWRITE
                                          : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
    int code = sqlite3_open_v2(path.u8string().c_str(), &db_, flags | SQLITE_OPEN_NOMUTEX, nullptr);
    if (code != SQLITE_OK) {
        std::string message = db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(code);
        sqlite3_close(db_);
        db_ = nullptr;
        throw Error(code, "cannot open " + path.u8string() + ": " + message);
    }
    sqlite3_extended_result_codes(db_, 1);
    sqlite3_busy_timeout(db_, busy_timeout_ms);
}

Database::~Database() { sqlite3_close_v2(db_); }

void Database::fail(int code, std::string_view doing) const {
    throw Error(code, std::string(doing) + ": " + sqlite3_errmsg(db_));
}

void Database::execute(const char* sql) {
    char* message = nullptr;
    int code = sqlite3_exec(db_, sql, nullptr, nullptr, &message);
    if (code != SQLITE_OK) {
        std::string text = message ? message : sqlite3_errstr(code);
        sqlite3_free(message);
        throw Error(code, text);
    }
}

Statement Database::prepare(const char* sql) {
    sqlite3_stmt* statement = nullptr;
    int code = sqlite3_prepare_v2(db_, sql, -1, &statement, nullptr);
    if (code != SQLITE_OK) fail(code, "preparing a statement");
    return Statement(statement, *this);
}

std::int64_t Database::last_insert_id() const { return sqlite3_last_insert_rowid(db_); }
int Database::changes() const { return sqlite3_changes(db_); }

Statement::~Statement() { sqlite3_finalize(statement_); }

Statement::Statement(Statement&& other) noexcept : statement_(other.statement_), db_(other.db_) {
    other.statement_ = nullptr;
}

Statement& Statement::bind(int index, std::int64_t value) {
    if (int code = sqlite3_bind_int64(statement_, index, value); code != SQLITE_OK) db_->fail(code, "binding");
    return *this;
}

Statement& Statement::bind(int index, double value) {
    if (int code = sqlite3_bind_double(statement_, index, value); code != SQLITE_OK) db_->fail(code, "binding");
    return *this;
}

Statement& Statement::bind(int index, std::string_view value) {
    int code = sqlite3_bind_text64(statement_, index, value.data(), value.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
    if (code != SQLITE_OK) db_->fail(code, "binding");
    return *this;
}

Statement& Statement::bind_null(int index) {
    if (int code = sqlite3_bind_null(statement_, index); code != SQLITE_OK) db_->fail(code, "binding");
    return *this;
}

bool Statement::step() {
    int code = sqlite3_step(statement_);
    if (code == SQLITE_ROW) return true;
    if (code == SQLITE_DONE) return false;
    sqlite3_reset(statement_);
    db_->fail(code, "running a statement");
}

void Statement::run() {
    while (step()) {
    }
}

void Statement::reset() {
    sqlite3_reset(statement_);
    sqlite3_clear_bindings(statement_);
}

std::int64_t Statement::column_int(int index) const { return sqlite3_column_int64(statement_, index); }
double Statement::column_double(int index) const { return sqlite3_column_double(statement_, index); }
bool Statement::column_is_null(int index) const { return sqlite3_column_type(statement_, index) == SQLITE_NULL; }

int Statement::column_count() const { return sqlite3_column_count(statement_); }

std::string Statement::column_text(int index) const {
    const unsigned char* text = sqlite3_column_text(statement_, index);
    int size = sqlite3_column_bytes(statement_, index);
    return text ? std::string(reinterpret_cast<const char*>(text), static_cast<std::size_t>(size)) : std::string();
}

Transaction::Transaction(Database& db, bool immediate) : db_(db) {
    db_.execute(immediate ? "BEGIN IMMEDIATE" : "BEGIN");
}

Transaction::~Transaction() {
    if (!open_) return;
    try {
        db_.execute("ROLLBACK");
    } catch (const Error&) {
        // Nothing more can be done in a destructor; SQLite rolls back on close.
    }
}

void Transaction::commit() {
    db_.execute("COMMIT");
    open_ = false;
}

void copy_database(const Database& source, Database& destination) {
    sqlite3_backup* backup = sqlite3_backup_init(destination.handle(), "main", source.handle(), "main");
    if (!backup) destination.fail(sqlite3_errcode(destination.handle()), "starting a copy");
    // -1: every page in one step, so the copy is one snapshot of the source.
    const int stepped = sqlite3_backup_step(backup, -1);
    const int finished = sqlite3_backup_finish(backup);
    if (stepped != SQLITE_DONE) throw Error(stepped, std::string("copying the database: ") + sqlite3_errstr(stepped));
    if (finished != SQLITE_OK) destination.fail(finished, "finishing a copy");
}

std::optional<std::string> quick_check(Database& db) {
    // The first three problems are enough to name the damage.
    auto check = db.prepare("PRAGMA quick_check(3)");
    std::string problems;
    while (check.step()) {
        std::string line = check.column_text(0);
        if (line == "ok") return std::nullopt;
        problems += (problems.empty() ? "" : "; ") + line;
    }
    return problems;
}

}  // namespace claimdeck::sql
