// The live class's HTTP API on top of live::LiveClasses: JSON in and out,
// teacher endpoints behind the teacher key, live dashboard updates as
// server-sent events. The store is used by one request at a time (one
// database connection per process); answers are few and small, so this is not
// the bottleneck. All class state is in the store: with PostgreSQL, several
// processes serve the same classes.
#pragma once

#include <httplib.h>

#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>

#include "content/deck.hpp"
#include "live/live_classes.hpp"
#include "rate_limit.hpp"
#include "server_options.hpp"

namespace claimdeck::server {

// Wakes the dashboards' event streams when anything in a class changed.
class ChangeFeed {
public:
    std::uint64_t version();
    void announce();
    void close();
    // Waits until the version passes `seen`, for at most `timeout`; returns
    // false once the feed is closed (the server is stopping).
    bool wait_past(std::uint64_t seen, std::chrono::seconds timeout);

private:
    std::mutex mutex_;
    std::condition_variable changed_;
    std::uint64_t version_ = 0;
    bool closed_ = false;
};

class LiveServer {
public:
    LiveServer(const Options& options, live::LiveClasses& classes, Deck deck);

    // Binds the address; returns the port (the one chosen for --port 0).
    int bind();
    // Serves until stop().
    void run();
    void stop();
    // Sends every open dashboard stream the class again if it changed
    // (another process announced a change).
    void wake_dashboards() { feed_.announce(); }

private:
    void add_routes();
    void add_teacher_routes();
    void add_pupil_routes();
    void add_web_app();
    bool is_teacher(const httplib::Request& request);
    void answer_events(const httplib::Request& request, httplib::Response& response);

    const Options& options_;
    live::LiveClasses& classes_;
    std::mutex classes_mutex_;
    Deck deck_;
    RateLimiter limiter_;
    ChangeFeed feed_;
    httplib::Server http_;
};

}  // namespace claimdeck::server
