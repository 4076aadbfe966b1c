// The live store in PostgreSQL (libpq): several claimdeck-server processes
// share one database and keep no class state of their own. After each change
// commits, a NOTIFY claimdeck_live carrying the class's join code follows it;
// ChangeListener hears them, so a dashboard is live whichever process the
// pupil reached.
#pragma once

#include <atomic>
#include <functional>
#include <memory>
#include <string>
#include <thread>

#include "live/live_database.hpp"

namespace claimdeck::server {

// Whether `database` (a --database value) names PostgreSQL: a postgresql://
// or postgres:// URL, or a libpq "key=value ..." connection string.
bool is_postgresql(const std::string& database);
// Why libpq cannot read `connection` as a connection string, or "" when it can.
std::string connection_string_problem(const std::string& connection);

// Connects to PostgreSQL and migrates the live schema (several processes
// starting at once migrate it once). Throws when it cannot be reached, or
// when its schema is newer than this ClaimDeck's.
std::unique_ptr<live::LiveDatabase> open_postgres_live_database(const std::string& connection);

// LISTENs on its own connection and calls `on_change` with the class code
// of every change any process announced, and with "" (some class) once
// after each (re)connection, since changes made while it was away were not
// heard. It reconnects by itself after losing PostgreSQL.
class ChangeListener {
public:
    using OnChange = std::function<void(const std::string& class_code)>;
    ChangeListener(std::string connection, OnChange on_change);
    ~ChangeListener();
    ChangeListener(const ChangeListener&) = delete;
    ChangeListener& operator=(const ChangeListener&) = delete;

private:
    void listen_until_stopped();

    std::string connection_;
    OnChange on_change_;
    int stop_pipe_[2] = {-1, -1};
    std::atomic<bool> stopping_{false};
    std::thread thread_;
};

}  // namespace claimdeck::server
