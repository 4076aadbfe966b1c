// What the live server tests share: the real claimdeck-server as a child
// process on 127.0.0.1 and a free port, the database it runs on (SQLite, or
// with CLAIMDECK_TEST_DATABASE=postgresql a throwaway PostgreSQL cluster per
// test), and HTTP clients that act as the pupils and the teacher do. Every
// wait is bounded: reading the server's first lines has a deadline and
// /api/health is polled a fixed number of times. Included by one source file
// per test program.
#pragma once

#include <doctest/doctest.h>
#include <httplib.h>

#include <chrono>
#include <cstdlib>
#include <functional>
#include <future>
#include <map>
#include <optional>
#include <regex>
#include <string>
#include <thread>
#include <vector>

#include "base/json_library.hpp"
#include "postgres_cluster.hpp"
#include "server_process.hpp"
#include "temp_dir.hpp"

namespace {

using claimdeck::testing::PostgresCluster;
using claimdeck::testing::ServerProcess;
using claimdeck::testing::TempDir;

bool on_postgresql() {
    const char* chosen = std::getenv("CLAIMDECK_TEST_DATABASE");
    return chosen && std::string(chosen) == "postgresql";
}

// The database this run's servers use: nothing to set up for SQLite (a file
// in each server's data folder), a cluster of the test's own for PostgreSQL.
class TestDatabase {
public:
    TestDatabase() {
        if (on_postgresql()) cluster_.emplace();
    }
    std::string kind() const { return cluster_ ? "postgresql" : "sqlite"; }
    // The server's command line for it, with `more` after.
    std::vector<std::string> args(std::vector<std::string> more = {}) const {
        if (cluster_) more.insert(more.begin(), {"--database", cluster_->connection()});
        return more;
    }
    PostgresCluster& cluster() {
        REQUIRE_MESSAGE(cluster_, "this test needs PostgreSQL: run it with CLAIMDECK_TEST_DATABASE=postgresql");
        return *cluster_;
    }

private:
    std::optional<PostgresCluster> cluster_;
};

rapidjson::Document json_of(const std::string& body) {
    rapidjson::Document document;
    document.Parse(body.c_str());
    REQUIRE_MESSAGE(document.IsObject(), "not a JSON object: " << body);
    return document;
}

class Client {
public:
    explicit Client(int port) : http_("127.0.0.1", port) {
        http_.set_connection_timeout(2);
        http_.set_read_timeout(5);
    }
    // Polls /api/health up to 100 times; each try is bounded by the timeouts.
    void wait_until_healthy(const TestDatabase& database) {
        for (int attempt = 0; attempt < 100; ++attempt) {
            httplib::Result result = http_.Get("/api/health");
            if (result && result->status == 200) {
                CHECK(result->body == R"({"status":"ok","database":")" + database.kind() + "\"}");
                return;
            }
        }
        FAIL("the server never answered /api/health");
    }
    httplib::Result post(const std::string& path, const std::string& body, const std::string& bearer = "") {
        return http_.Post(path.c_str(), headers(bearer), body, "application/json");
    }
    httplib::Result get(const std::string& path, const std::string& bearer = "") {
        return http_.Get(path.c_str(), headers(bearer));
    }

private:
    static httplib::Headers headers(const std::string& bearer) {
        if (bearer.empty()) return {};
        return {{"Authorization", "Bearer " + bearer}};
    }
    httplib::Client http_;
};

// Status and body of a request that must have been answered.
std::pair<int, std::string> answered(httplib::Result result) {
    REQUIRE(result);
    return {result->status, result->body};
}

struct LiveClass {
    std::string code;
    std::vector<std::string> cards;
};

LiveClass start_class(Client& teacher, const std::string& key, const std::string& body) {
    auto [status, created] = answered(teacher.post("/api/classes", body, key));
    REQUIRE_MESSAGE(status == 201, created);
    LiveClass made{json_of(created)["join_code"].GetString(), {}};
    auto [board_status, board] = answered(teacher.get("/api/classes/" + made.code + "/dashboard", key));
    REQUIRE(board_status == 200);
    // Named, so the document outlives the loop over its array.
    const rapidjson::Document dashboard = json_of(board);
    for (const auto& card : dashboard["totals"].GetArray()) made.cards.emplace_back(card["card"].GetString());
    return made;
}

std::string join(Client& pupil, const std::string& code, const std::string& nickname) {
    auto [status, body] =
        answered(pupil.post("/api/join", R"({"code":")" + code + R"(","nickname":")" + nickname + "\"}"));
    REQUIRE_MESSAGE(status == 201, body);
    return json_of(body)["token"].GetString();
}

std::string answer_body(const std::string& token, const std::string& card, const std::string& verdict,
                        const std::string& key) {
    return R"({"token":")" + token + R"(","card":")" + card + R"(","verdict":")" + verdict +
           R"(","confidence":70,"key":")" + key + "\"}";
}

// Sends `count` requests at the same moment, each on a connection of its
// own as separate phones would, and returns their statuses and bodies in
// order. `send(i)` makes request i on a client of its own.
std::vector<std::pair<int, std::string>> all_at_once(int count, const std::function<httplib::Result(int)>& send) {
    std::promise<void> go;
    std::shared_future<void> started = go.get_future().share();
    std::vector<std::future<std::pair<int, std::string>>> replies;
    for (int i = 0; i < count; ++i)
        replies.push_back(std::async(std::launch::async, [&, i] {
            started.wait();
            httplib::Result result = send(i);
            return result ? std::make_pair(result->status, result->body) : std::make_pair(0, std::string("no reply"));
        }));
    go.set_value();
    std::vector<std::pair<int, std::string>> answers;
    for (auto& reply : replies) answers.push_back(reply.get());
    return answers;
}

// A lesson the server is to lose mid-way: three pupils each answer every
// card of an own-pace class, each answer with its idempotency key.
struct Lesson {
    std::string teacher_key;
    LiveClass live;
    std::vector<std::pair<std::string, std::string>> planned;  // body, key
    std::map<std::string, std::string> confirmed;              // key -> confirmation

    Lesson(Client& client, const std::string& key) : teacher_key(key) {
        live = start_class(client, key, R"({"count":4,"pace":"own"})");
        for (const char* name : {"Ana", "Ben", "Cy"}) {
            const std::string token = join(client, live.code, name);
            for (std::size_t c = 0; c < live.cards.size(); ++c) {
                const std::string answer_key = std::string(name) + "-c" + std::to_string(c);
                planned.emplace_back(answer_body(token, live.cards[c], c % 2 ? "verified" : "contested", answer_key),
                                     answer_key);
            }
        }
    }
    void answer_first(Client& client, std::size_t count) {
        for (std::size_t i = 0; i < count; ++i) {
            auto [status, body] = answered(client.post("/api/answers", planned[i].first));
            REQUIRE(status == 200);
            confirmed[planned[i].second] = body;
        }
    }
    // What every client does after a fault: send each unconfirmed answer
    // again (here all of them), with the same key, until it is confirmed;
    // then every answer is on the dashboard exactly once.
    void resend_all_and_check(Client& client) {
        for (const auto& [body, answer_key] : planned) {
            auto [status, confirmation] = answered(client.post("/api/answers", body));
            REQUIRE_MESSAGE(status == 200, confirmation);
            if (confirmed.count(answer_key)) CHECK(confirmation == confirmed[answer_key]);
        }
        auto [status, board] = answered(client.get("/api/classes/" + live.code + "/dashboard", teacher_key));
        REQUIRE(status == 200);
        const rapidjson::Document dashboard = json_of(board);
        int total = 0;
        for (const auto& card : dashboard["totals"].GetArray()) {
            CHECK(card["answered"].GetInt() == 3);
            total += card["answered"].GetInt();
        }
        CHECK(total == static_cast<int>(planned.size()));
        for (const auto& pupil : dashboard["pupils"].GetArray()) CHECK(pupil["answered"].GetInt() == 4);
    }
};

// What a class's dashboard event stream sent, and when each new
// "event: dashboard" of it arrived.
struct DashboardStream {
    std::string received;
    std::vector<std::chrono::steady_clock::time_point> event_times;
};

// Opens the class's dashboard event stream on the server at `port`, runs
// `meanwhile` once its first event is in, and reads it until it shows
// `until` (or its read timeout ends it).
DashboardStream watch_dashboard(int port, const std::string& teacher_key, const LiveClass& live,
                                const std::string& until, const std::function<void()>& meanwhile) {
    std::promise<void> first_event;
    std::thread other([&, seen = first_event.get_future()] {
        // Bounded: the stream's own read timeout ends the test if this never runs.
        if (seen.wait_for(std::chrono::seconds(10)) == std::future_status::ready) meanwhile();
    });
    httplib::Client stream("127.0.0.1", port);
    stream.set_read_timeout(5);
    DashboardStream watched;
    std::size_t counted_from = 0;
    bool told = false;
    // Stops reading (and so closes the stream) once `until` shows.
    stream.Get(("/api/classes/" + live.code + "/events").c_str(),
               httplib::Headers{{"Authorization", "Bearer " + teacher_key}}, [&](const char* data, std::size_t size) {
                   watched.received.append(data, size);
                   for (auto at = watched.received.find("event: dashboard", counted_from); at != std::string::npos;
                        at = watched.received.find("event: dashboard", at + 1)) {
                       watched.event_times.push_back(std::chrono::steady_clock::now());
                       counted_from = at + 1;
                   }
                   if (!told && watched.received.find("\n\n") != std::string::npos) {
                       told = true;
                       first_event.set_value();
                   }
                   return watched.received.find(until) == std::string::npos;
               });
    if (!told) first_event.set_value();
    other.join();
    return watched;
}

// Watches the class's dashboard on the server at `stream_port` and, once
// its first event is in, runs `meanwhile` and has the pupil answer the
// first card on the server at `answer_port`; returns what the stream sent
// until the answer showed.
std::string events_until_answered(
    int stream_port, int answer_port, const std::string& teacher_key, const LiveClass& live, const std::string& token,
    const std::function<void()>& meanwhile = [] {}) {
    return watch_dashboard(stream_port, teacher_key, live, R"("answered":1)",
                           [&] {
                               meanwhile();
                               Client answering(answer_port);
                               answering.post("/api/answers", answer_body(token, live.cards[0], "verified", "k"));
                           })
        .received;
}

}  // namespace
