// Test-only: notes every SQLite connection that commits a transaction, so a
// test can ask each of them for its settings (PRAGMA synchronous, …).
//
// Every connection the process opens while a CommittingConnections lives gets
// a commit hook (through sqlite3_auto_extension, so the code under test needs
// no hook of its own). A commit hook may not run SQL on its connection, so the
// hook only notes it; the test queries it afterwards, while it is still open.
// Call clear() right before the calls under test, so only connections that
// committed during them (and are open after) are listed.
#pragma once

#include <sqlite3.h>

#include <set>
#include <string>

namespace claimdeck::testing {

class CommittingConnections {
public:
    CommittingConnections() { sqlite3_auto_extension(reinterpret_cast<void (*)()>(&watch)); }
    ~CommittingConnections() {
        sqlite3_cancel_auto_extension(reinterpret_cast<void (*)()>(&watch));
        clear();
    }
    CommittingConnections(const CommittingConnections&) = delete;
    CommittingConnections& operator=(const CommittingConnections&) = delete;

    void clear() { committed().clear(); }
    const std::set<sqlite3*>& list() const { return committed(); }

    // The first column of the first row of `sql` on `db`, as text.
    static std::string query(sqlite3* db, const char* sql) {
        sqlite3_stmt* statement = nullptr;
        std::string result;
        if (sqlite3_prepare_v2(db, sql, -1, &statement, nullptr) == SQLITE_OK && sqlite3_step(statement) == SQLITE_ROW)
            if (const unsigned char* text = sqlite3_column_text(statement, 0))
                result = reinterpret_cast<const char*>(text);
        sqlite3_finalize(statement);
        return result;
    }

private:
    static std::set<sqlite3*>& committed() {
        static std::set<sqlite3*> connections;
        return connections;
    }
    static int on_commit(void* db) {
        committed().insert(static_cast<sqlite3*>(db));
        return 0;  // 0: let the commit go ahead
    }
    static int watch(sqlite3* db, const char**, const void*) {
        sqlite3_commit_hook(db, &on_commit, db);
        return SQLITE_OK;
    }
};

}  // namespace claimdeck::testing
