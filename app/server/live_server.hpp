// The live class's HTTP API on top of live::LiveClasses: JSON in and out,
// teacher endpoints behind the teacher key, live dashboard updates as
// server-sent events. Requests use the store at once, each on a connection
// of its own (live_database.hpp). All class state is in the store: with
// PostgreSQL, several processes serve the same classes.
#pragma once

#include <httplib.h>

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>

#include "content/deck.hpp"
#include "live/live_classes.hpp"
#include "rate_limit.hpp"
#include "server_options.hpp"

namespace claimdeck::server {

// Wakes a class's dashboard event streams when that class changed. Only its
// own streams rebuild their dashboard: with 40 classes answering at once,
// waking every stream on every answer made 40 dashboards per answer.
class ChangeFeed {
public:
    // Grows with each change to the class, and with each change of unknown class.
    std::uint64_t version(const std::string& class_code);
    void announce(const std::string& class_code);
    // A change somewhere (another process that did not say where).
    void announce_all();
    void close();
    // Waits until the class's version passes `seen`, for at most `timeout`;
    // returns false once the feed is closed (the server is stopping).
    bool wait_past(const std::string& class_code, std::uint64_t seen, std::chrono::seconds timeout);
    // Waits `pause` unless the feed closes first; returns false once it is closed.
    bool hold(std::chrono::steady_clock::duration pause);

private:
    std::uint64_t version_locked(const std::string& class_code) const;

    std::mutex mutex_;
    std::condition_variable changed_;
    std::map<std::string, std::uint64_t> class_versions_;
    std::uint64_t all_version_ = 0;
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
    // Sends the class's open dashboard streams the class again (another
    // process announced a change to it; "": it did not say which class).
    void wake_dashboards(const std::string& class_code);

private:
    void add_routes();
    void add_teacher_routes();
    void add_pupil_routes();
    void add_web_app();
    bool is_teacher(const httplib::Request& request);
    void wake_dashboards_of(const std::string& changed_class);
    void answer_events(const httplib::Request& request, httplib::Response& response);

    const Options& options_;
    live::LiveClasses& classes_;
    Deck deck_;
    RateLimiter limiter_;
    ChangeFeed feed_;
    std::atomic<int> open_streams_{0};
    httplib::Server http_;
};

}  // namespace claimdeck::server
