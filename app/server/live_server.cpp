#include "live_server.hpp"

#include <sys/socket.h>

#include <chrono>
#include <functional>

#include "live/live_json.hpp"

namespace claimdeck::server {
namespace {

using httplib::Request;
using httplib::Response;
using live::Refusal;

constexpr auto kKeepAliveEvery = std::chrono::seconds(15);
// A class's answers come in bursts: those that arrive within this time of a
// dashboard event go out together in the next, so a class of thirty does
// not rebuild its dashboard (three queries) for every answer, and a teacher
// still sees them within half a second.
constexpr auto kEventGap = std::chrono::milliseconds(500);
// httplib serves each connection on a worker thread until it closes, and a
// dashboard's event stream stays open all lesson: with httplib's default of
// 8 workers, 8 teachers watching left no thread for any pupil. So there are
// many workers, streams may take at most 3 in 4 of them, and an idle
// keep-alive connection (a phone between two answers) gives its worker back
// after a second.
constexpr std::size_t kWorkerThreads = 128;
constexpr int kMaxEventStreams = 96;
constexpr time_t kIdleConnectionSeconds = 1;
const char* const kJson = "application/json";

std::int64_t now_ms() {
    using namespace std::chrono;
    return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

int status_of(Refusal refusal) {
    switch (refusal) {
        case Refusal::Invalid: return 400;
        case Refusal::Unauthorized: return 401;
        case Refusal::NotFound: return 404;
        case Refusal::Conflict: return 409;
        case Refusal::Gone: return 410;
    }
    return 400;
}

void reply(Response& response, int status, const std::string& json) {
    response.status = status;
    response.set_content(json, kJson);
}

void reply_error(Response& response, int status, const std::string& message) {
    reply(response, status, live::error_json(message));
}

// "Bearer KEY" from the Authorization header, or "" when there is none.
std::string bearer(const Request& request) {
    const std::string header = request.get_header_value("Authorization");
    const std::string prefix = "Bearer ";
    return header.rfind(prefix, 0) == 0 ? header.substr(prefix.size()) : std::string();
}

// A JSON body, or a 415 saying what is expected.
bool has_json_body(const Request& request, Response& response) {
    const std::string type = request.get_header_value("Content-Type");
    if (type.rfind(kJson, 0) == 0) return true;
    reply_error(response, 415, "send the request body as JSON with Content-Type: application/json");
    return false;
}

const char* reason_for(int status) {
    switch (status) {
        case 404: return "there is nothing at this address";
        case 405: return "this address does not take that method";
        case 413: return "the request body is larger than the limit of 64 KiB";
        case 414: return "the address is too long";
        default: return "the request could not be read";
    }
}

}  // namespace

std::uint64_t ChangeFeed::version_locked(const std::string& class_code) const {
    const auto found = class_versions_.find(class_code);
    return all_version_ + (found == class_versions_.end() ? 0 : found->second);
}

std::uint64_t ChangeFeed::version(const std::string& class_code) {
    std::lock_guard<std::mutex> lock(mutex_);
    return version_locked(class_code);
}

void ChangeFeed::announce(const std::string& class_code) {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        ++class_versions_[class_code];
    }
    changed_.notify_all();
}

void ChangeFeed::announce_all() {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        ++all_version_;
    }
    changed_.notify_all();
}

void ChangeFeed::close() {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        closed_ = true;
    }
    changed_.notify_all();
}

bool ChangeFeed::wait_past(const std::string& class_code, std::uint64_t seen, std::chrono::seconds timeout) {
    std::unique_lock<std::mutex> lock(mutex_);
    changed_.wait_for(lock, timeout, [&] { return closed_ || version_locked(class_code) > seen; });
    return !closed_;
}

bool ChangeFeed::hold(std::chrono::steady_clock::duration pause) {
    std::unique_lock<std::mutex> lock(mutex_);
    return !changed_.wait_for(lock, pause, [&] { return closed_; });
}

LiveServer::LiveServer(const Options& options, live::LiveClasses& classes, Deck deck)
    : options_(options), classes_(classes), deck_(std::move(deck)), limiter_(options.rate_per_second) {
    http_.set_payload_max_length(live::kMaxRequestBytes);
    http_.new_task_queue = [] { return new httplib::ThreadPool(kWorkerThreads); };
    http_.set_keep_alive_timeout(kIdleConnectionSeconds);
    http_.set_pre_routing_handler([this](const Request& request, Response& response) {
        if (limiter_.allow(request.remote_addr)) return httplib::Server::HandlerResponse::Unhandled;
        response.set_header("Retry-After", "1");
        reply_error(response, 429, "too many requests from this address; try again in a second");
        return httplib::Server::HandlerResponse::Handled;
    });
    // Statuses httplib sets itself (404, 413, ...) get a JSON reason too.
    http_.set_error_handler([](const Request& request, Response& response) {
        if (!response.body.empty() || request.path.rfind("/api/", 0) != 0) return;
        reply_error(response, response.status, reason_for(response.status));
    });
    http_.set_exception_handler([](const Request&, Response& response, std::exception_ptr error) {
        try {
            std::rethrow_exception(error);
        } catch (const live::DatabaseUnavailable&) {
            // Nothing unconfirmed is kept: the client sends it again, with its key.
            response.set_header("Retry-After", "1");
            reply_error(response, 503, "the database cannot be reached just now; send the request again");
        } catch (...) {
            reply_error(response, 500, "the server failed to answer; nothing was changed");
        }
    });
    add_routes();
}

void LiveServer::wake_dashboards(const std::string& class_code) {
    if (class_code.empty()) return feed_.announce_all();
    feed_.announce(class_code);
}

// After a request: "" when it changed nothing (it was refused).
void LiveServer::wake_dashboards_of(const std::string& changed_class) {
    if (!changed_class.empty()) feed_.announce(changed_class);
}

bool LiveServer::is_teacher(const Request& request) {
    const std::string key = bearer(request);
    return !key.empty() && classes_.is_teacher_key(key);
}

void LiveServer::add_routes() {
    http_.Get("/api/health", [this](const Request&, Response& response) {
        reply(response, 200, R"({"status":"ok","database":")" + std::string(classes_.database_kind()) + "\"}");
    });
    add_teacher_routes();
    add_pupil_routes();
    add_web_app();
}

// Runs `action` on the store, replying with its JSON or with the refusal's
// status and message.
template <class Action>
void answer_with(Response& response, int status, Action&& action) {
    try {
        reply(response, status, action());
    } catch (const live::LiveError& error) {
        reply_error(response, status_of(error.refusal()), error.what());
    }
}

void LiveServer::add_teacher_routes() {
    auto teacher_only = [this](std::function<void(const Request&, Response&)> handler) {
        return [this, handler](const Request& request, Response& response) {
            if (is_teacher(request)) return handler(request, response);
            reply_error(response, 401, "this needs the teacher key: send \"Authorization: Bearer KEY\"");
        };
    };
    http_.Post("/api/classes", teacher_only([this](const Request& request, Response& response) {
                   if (!has_json_body(request, response)) return;
                   const auto parsed = live::parse_class_request(request.body);
                   if (!parsed.request) return reply(response, 400, live::problems_json(parsed.problems));
                   answer_with(response, 201, [&] {
                       const std::string code =
                           classes_.create_class(live::class_on_deck(*parsed.request, deck_), now_ms());
                       return live::class_created_json(code, classes_.dashboard(code).state);
                   });
               }));
    http_.Get(R"(/api/classes/([^/]+)/dashboard)", teacher_only([this](const Request& request, Response& response) {
                  answer_with(response, 200,
                              [&] { return live::dashboard_json(classes_.dashboard(request.matches[1].str())); });
              }));
    http_.Get(R"(/api/classes/([^/]+)/answers)", teacher_only([this](const Request& request, Response& response) {
                  answer_with(response, 200, [&] {
                      return live::class_answers_json(classes_.answers_by_pupil(request.matches[1].str()));
                  });
              }));
    http_.Get(R"(/api/classes/([^/]+)/events)",
              teacher_only([this](const Request& request, Response& response) { answer_events(request, response); }));
    auto change = [this](std::function<live::ClassState(const std::string&)> act) {
        return [this, act](const Request& request, Response& response) {
            std::string changed;
            answer_with(response, 200, [&] {
                const live::ClassState state = act(request.matches[1].str());
                changed = state.code;
                return live::class_state_json(state);
            });
            wake_dashboards_of(changed);
        };
    };
    http_.Post(R"(/api/classes/([^/]+)/next)",
               teacher_only(change([this](const std::string& code) { return classes_.move_on(code); })));
    http_.Post(R"(/api/classes/([^/]+)/end)",
               teacher_only(change([this](const std::string& code) { return classes_.end(code); })));
}

void LiveServer::add_pupil_routes() {
    http_.Post("/api/join", [this](const Request& request, Response& response) {
        if (!has_json_body(request, response)) return;
        const auto parsed = live::parse_join_request(request.body);
        if (!parsed.request) return reply(response, 400, live::problems_json(parsed.problems));
        std::string changed;
        answer_with(response, 201, [&] {
            const live::Joined joined = classes_.join(parsed.request->code, parsed.request->nickname, now_ms());
            const live::ClassState state = classes_.dashboard(parsed.request->code).state;
            changed = state.code;
            return live::joined_json(joined, state);
        });
        wake_dashboards_of(changed);
    });
    http_.Get(R"(/api/classes/([^/]+)/card)", [this](const Request& request, Response& response) {
        const std::string token = bearer(request);
        if (token.empty()) return reply_error(response, 401, "send the pupil token: \"Authorization: Bearer TOKEN\"");
        answer_with(response, 200,
                    [&] { return live::pupil_view_json(classes_.next_card_for(request.matches[1].str(), token)); });
    });
    http_.Post("/api/answers", [this](const Request& request, Response& response) {
        if (!has_json_body(request, response)) return;
        const auto parsed = live::parse_answer_request(request.body);
        if (!parsed.request) return reply(response, 400, live::problems_json(parsed.problems));
        std::string changed;
        answer_with(response, 200, [&] {
            const live::Confirmation confirmation = classes_.answer(*parsed.request, now_ms());
            changed = confirmation.class_code;
            return live::confirmation_json(confirmation);
        });
        wake_dashboards_of(changed);
    });
}

// Each event carries the whole dashboard: a client that missed some simply
// shows the latest. A comment line every 15 s keeps proxies from closing it.
void LiveServer::answer_events(const Request& request, Response& response) {
    std::string code;  // as the store writes it, whatever case or spacing the address has
    try {
        code = classes_.dashboard(request.matches[1].str()).state.code;
    } catch (const live::LiveError& error) {
        return reply_error(response, status_of(error.refusal()), error.what());
    }
    if (++open_streams_ > kMaxEventStreams) {
        --open_streams_;
        response.set_header("Retry-After", "5");
        return reply_error(response, 503, "too many dashboards are open on this server; try again in a moment");
    }
    struct Stream {
        std::uint64_t seen = 0;
        bool started = false;
        std::chrono::steady_clock::time_point last_event;
    };
    auto stream = std::make_shared<Stream>();
    response.set_header("Cache-Control", "no-store");
    response.set_chunked_content_provider(
        "text/event-stream",
        [this, code, stream](std::size_t, httplib::DataSink& sink) {
            if (stream->started) {
                if (!feed_.wait_past(code, stream->seen, kKeepAliveEvery)) return false;
                const bool changed = feed_.version(code) != stream->seen;
                if (changed && !feed_.hold(stream->last_event + kEventGap - std::chrono::steady_clock::now()))
                    return false;
            }
            const std::uint64_t version = feed_.version(code);
            std::string event = ": still here\n\n";
            if (!stream->started || version != stream->seen) {
                // The database gone: end the stream; the browser's EventSource comes back.
                try {
                    event = "event: dashboard\ndata: " + live::dashboard_json(classes_.dashboard(code)) + "\n\n";
                } catch (const std::exception&) {
                    return false;
                }
                stream->last_event = std::chrono::steady_clock::now();
            }
            stream->started = true;
            stream->seen = version;
            return sink.write(event.data(), event.size());
        },
        [this](bool) { --open_streams_; });
}

void LiveServer::add_web_app() {
    if (options_.web_root && http_.set_mount_point("/", options_.web_root->string())) return;
    const std::string note = options_.web_root
                                 ? "The web app folder " + options_.web_root->string() + " does not exist."
                                 : std::string("No web app was found beside this server.");
    http_.Get("/", [note](const Request&, Response& response) {
        response.set_content(note +
                                 " Build the web app with ./dev web (its site folder is build-web/site) "
                                 "and start claimdeck-server again, or with --web-root DIR.\n",
                             "text/plain; charset=utf-8");
    });
}

// Debian's compiled httplib listens with a backlog of 5 connections: a room
// of phones connecting at once overflowed it, and each phone left out waited
// a second for the kernel to try again. So the socket is listened on again
// with the system's largest backlog, which Linux takes as the new length.
int LiveServer::bind() {
    int listening = -1;
    http_.set_socket_options([&listening](socket_t socket) {
        httplib::default_socket_options(socket);
        listening = socket;
    });
    const int port = options_.port == 0                                         ? http_.bind_to_any_port(options_.host)
                     : http_.bind_to_port(options_.host.c_str(), options_.port) ? options_.port
                                                                                : -1;
    if (port > 0) ::listen(listening, SOMAXCONN);
    return port;
}

void LiveServer::run() { http_.listen_after_bind(); }

void LiveServer::stop() {
    feed_.close();
    http_.stop();
}

}  // namespace claimdeck::server
