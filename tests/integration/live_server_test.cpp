// The real claimdeck-server, started on 127.0.0.1 with a free port and driven
// over HTTP as the clients will: pupils join, answer and retry; the teacher
// reads the dashboard; the server is killed with SIGKILL mid-run and started
// again. Every wait is bounded: reading the server's first lines has a
// deadline and /api/health is polled a fixed number of times.
//
// ctest runs the whole suite twice: on SQLite, and with
// CLAIMDECK_TEST_DATABASE=postgresql on a throwaway PostgreSQL cluster per
// test, where the tests of the "postgresql" suite (several processes, a
// PostgreSQL restart) run too.
#include <doctest/doctest.h>
#include <httplib.h>
#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <future>
#include <map>
#include <optional>
#include <regex>
#include <string>
#include <thread>
#include <vector>

#include "base/json_library.hpp"
#include "postgres_cluster.hpp"
#include "temp_dir.hpp"

namespace {

using claimdeck::testing::PostgresCluster;
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

// A claimdeck-server child process; SIGTERM and reaped when it goes out of scope.
class ServerProcess {
public:
    ServerProcess(const std::filesystem::path& data_dir, std::vector<std::string> extra = {}) {
        std::vector<std::string> words = {CLAIMDECK_SERVER, "--port", "0", "--data-dir", data_dir.string()};
        words.insert(words.end(), extra.begin(), extra.end());
        int out[2];
        REQUIRE(pipe(out) == 0);
        const pid_t test_process = getpid();
        pid_ = fork();
        REQUIRE(pid_ >= 0);
        if (pid_ == 0) {
            // A test that dies mid-way (a failed REQUIRE, a sanitizer report)
            // must not leave the server running and ctest waiting on it.
            prctl(PR_SET_PDEATHSIG, SIGKILL);
            if (getppid() != test_process) _exit(127);  // died before the line above
            dup2(out[1], STDOUT_FILENO);
            close(out[0]);
            std::vector<char*> argv;
            for (std::string& word : words) argv.push_back(word.data());
            argv.push_back(nullptr);
            execv(argv[0], argv.data());
            _exit(127);
        }
        close(out[1]);
        output_ = out[0];
        read_banner();
    }
    ~ServerProcess() {
        if (pid_ > 0) {
            kill(pid_, SIGTERM);
            waitpid(pid_, nullptr, 0);
        }
        close(output_);
    }
    ServerProcess(const ServerProcess&) = delete;
    ServerProcess& operator=(const ServerProcess&) = delete;

    void kill_hard() {
        kill(pid_, SIGKILL);
        waitpid(pid_, nullptr, 0);
        pid_ = -1;
    }
    int port() const { return port_; }
    const std::string& teacher_key() const { return key_; }

private:
    // Reads stdout until the address line, for at most 20 seconds.
    void read_banner() {
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
        std::string text;
        const std::regex address(R"(server on http://127\.0\.0\.1:([0-9]+)/)");
        std::smatch found;
        while (!std::regex_search(text, found, address)) {
            const auto left =
                std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
            pollfd ready{output_, POLLIN, 0};
            REQUIRE_MESSAGE(left.count() > 0, "the server printed no address: " << text);
            REQUIRE(poll(&ready, 1, static_cast<int>(left.count())) >= 0);
            char buffer[256];
            const ssize_t got = read(output_, buffer, sizeof buffer);
            REQUIRE_MESSAGE(got > 0, "the server stopped before printing its address: " << text);
            text.append(buffer, static_cast<std::size_t>(got));
        }
        port_ = std::stoi(found[1]);
        std::smatch key;
        if (std::regex_search(text, key, std::regex("Teacher key: ([0-9a-f]{32})"))) key_ = key[1];
    }

    pid_t pid_ = -1;
    int output_ = -1;
    int port_ = 0;
    std::string key_;
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

// Opens the class's dashboard event stream on the server at `stream_port`,
// and once its first event is in, has the pupil answer the first card on the
// server at `answer_port`; returns what the stream sent until the answer
// showed (or its read timeout ended it).
std::string events_until_answered(int stream_port, int answer_port, const std::string& teacher_key,
                                  const LiveClass& live, const std::string& token) {
    std::promise<void> first_event;
    std::thread pupil([&, seen = first_event.get_future()] {
        // Bounded: the stream's own read timeout ends the test if this never runs.
        if (seen.wait_for(std::chrono::seconds(10)) != std::future_status::ready) return;
        Client answering(answer_port);
        answering.post("/api/answers", answer_body(token, live.cards[0], "verified", "k"));
    });
    httplib::Client stream("127.0.0.1", stream_port);
    stream.set_read_timeout(5);
    std::string received;
    bool told = false;
    // Stops reading (and so closes the stream) once the answer shows.
    stream.Get(("/api/classes/" + live.code + "/events").c_str(),
               httplib::Headers{{"Authorization", "Bearer " + teacher_key}}, [&](const char* data, std::size_t size) {
                   received.append(data, size);
                   if (!told && received.find("\n\n") != std::string::npos) {
                       told = true;
                       first_event.set_value();
                   }
                   return received.find(R"("answered":1)") == std::string::npos;
               });
    if (!told) first_event.set_value();
    pupil.join();
    return received;
}

}  // namespace

TEST_CASE("three pupils join, answer, and the dashboard counts each answer once however often it is sent") {
    TestDatabase database;
    TempDir data;
    ServerProcess server(data.path(), database.args());
    REQUIRE(server.teacher_key().size() == 32);
    Client client(server.port());
    client.wait_until_healthy(database);
    const LiveClass live = start_class(client, server.teacher_key(), R"({"count":2})");
    REQUIRE(live.cards.size() == 2);
    const std::vector<std::string> tokens = {join(client, live.code, "Ana"), join(client, live.code, "Ben"),
                                             join(client, live.code.substr(0, 3) + "-" + live.code.substr(3), "Cy")};

    const char* verdicts[] = {"verified", "propaganda", "verified"};
    std::string first_confirmation;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        auto [card_status, card] = answered(client.get("/api/classes/" + live.code + "/card", tokens[i]));
        REQUIRE(card_status == 200);
        CHECK(std::string(json_of(card)["card"]["id"].GetString()) == live.cards[0]);
        CHECK_FALSE(json_of(card)["card"].HasMember("verdict"));
        for (int send = 0; send < 3; ++send) {
            auto [status, body] = answered(client.post(
                "/api/answers", answer_body(tokens[i], live.cards[0], verdicts[i], "key-" + std::to_string(i))));
            REQUIRE_MESSAGE(status == 200, body);
            if (i == 0 && send == 0) first_confirmation = body;
            if (i == 0) CHECK(body == first_confirmation);  // the same confirmation every time
        }
    }
    auto [status, board] = answered(client.get("/api/classes/" + live.code + "/dashboard", server.teacher_key()));
    REQUIRE(status == 200);
    const rapidjson::Document dashboard = json_of(board);
    CHECK(dashboard["pupils"].Size() == 3);
    CHECK(dashboard["totals"][0]["answered"].GetInt() == 3);
    CHECK(dashboard["totals"][0]["by_verdict"]["verified"].GetInt() == 2);
    CHECK(dashboard["totals"][0]["by_verdict"]["propaganda"].GetInt() == 1);
    CHECK(dashboard["totals"][1]["answered"].GetInt() == 0);

    auto [next_status, next] = answered(client.post("/api/classes/" + live.code + "/next", "", server.teacher_key()));
    CHECK(next_status == 200);
    CHECK(json_of(next)["current"].GetInt() == 1);
    auto [end_status, ended] = answered(client.post("/api/classes/" + live.code + "/end", "", server.teacher_key()));
    CHECK(end_status == 200);
    CHECK(json_of(ended)["ended"].GetBool());
    auto [late_status, late] =
        answered(client.post("/api/join", R"({"code":")" + live.code + R"(","nickname":"Dee"})"));
    CHECK(late_status == 410);
    CHECK(std::string(json_of(late)["error"].GetString()).find("has ended") != std::string::npos);
}

TEST_CASE("every bad request gets a 4xx with a JSON error that says what was wrong") {
    TestDatabase database;
    TempDir data;
    ServerProcess server(data.path(), database.args());
    Client client(server.port());
    client.wait_until_healthy(database);
    const LiveClass live = start_class(client, server.teacher_key(), R"({"count":1})");
    const std::string token = join(client, live.code, "Ana");
    auto expect = [](httplib::Result result, int status, const std::string& words) {
        auto [got, body] = answered(std::move(result));
        CHECK_MESSAGE(got == status, body);
        const rapidjson::Document error = json_of(body);
        REQUIRE(error.HasMember("error"));
        CHECK_MESSAGE(std::string(error["error"].GetString()).find(words) != std::string::npos, body);
    };
    expect(client.post("/api/classes", "{}", "wrong-key"), 401, "teacher key");
    expect(client.get("/api/classes/" + live.code + "/dashboard"), 401, "teacher key");
    expect(client.post("/api/answers", R"({"token":"t","card":"c","verdict":"maybe","key":"k"})"), 400, "verdict");
    expect(client.post("/api/answers", "{\"token\": ", ""), 400, "line 1");
    expect(client.post("/api/answers", answer_body("forged", live.cards[0], "verified", "k")), 401, "token");
    expect(client.post("/api/answers", answer_body(token, "no-such-card", "verified", "k")), 404, "no-such-card");
    expect(client.post("/api/join", R"({"code":"AAAAAA","nickname":"Ana"})"), 404, "AAAAAA");
    expect(client.post("/api/join", R"({"code":")" + live.code + R"(","nickname":"ana"})"), 409, "nickname");
    expect(client.post("/api/join", std::string(70000, ' ')), 413, "64 KiB");
    expect(client.get("/api/nothing-here"), 404, "nothing");
}

TEST_CASE("after a SIGKILL mid-run and a restart, retried answers are each counted exactly once") {
    TestDatabase database;
    TempDir data;
    std::optional<Lesson> lesson;
    {
        ServerProcess server(data.path(), database.args());
        Client client(server.port());
        client.wait_until_healthy(database);
        lesson.emplace(client, server.teacher_key());
        lesson->answer_first(client, 5);
        // The sixth answer is in flight when the server dies: committed or
        // not, the client cannot know, and will send it again.
        std::thread in_flight([&] {
            Client racing(server.port());
            racing.post("/api/answers", lesson->planned[5].first);
        });
        server.kill_hard();
        in_flight.join();
    }
    ServerProcess restarted(data.path(), database.args());
    CHECK(restarted.teacher_key().empty());  // the key is not shown again; the old one still works
    Client client(restarted.port());
    client.wait_until_healthy(database);
    lesson->resend_all_and_check(client);
}

TEST_CASE("a client sending faster than the rate limit is told to slow down with a 429") {
    TestDatabase database;
    TempDir data;
    ServerProcess server(data.path(), database.args({"--rate-limit", "5"}));
    Client client(server.port());
    int refused = 0;
    std::string body;
    for (int i = 0; i < 40; ++i) {
        httplib::Result result = client.get("/api/health");
        REQUIRE(result);
        if (result->status == 429) {
            ++refused;
            body = result->body;
        }
    }
    CHECK(refused > 0);
    CHECK(body.find("too many requests") != std::string::npos);
}

TEST_CASE("the dashboard's event stream sends the class, then again when a pupil answers") {
    TestDatabase database;
    TempDir data;
    ServerProcess server(data.path(), database.args());
    Client client(server.port());
    client.wait_until_healthy(database);
    const LiveClass live = start_class(client, server.teacher_key(), R"({"count":1})");
    const std::string token = join(client, live.code, "Ana");
    const std::string received = events_until_answered(server.port(), server.port(), server.teacher_key(), live, token);
    CHECK(received.rfind("event: dashboard\ndata: {", 0) == 0);
    CHECK(received.find(R"("nickname":"Ana","answered":0)") != std::string::npos);
    CHECK(received.find(R"("nickname":"Ana","answered":1)") != std::string::npos);
}

TEST_CASE("GET / serves the web app from --web-root, or says how to build it") {
    TestDatabase database;
    TempDir data;
    data.write("site/index.html", "<title>ClaimDeck web</title>");
    {
        ServerProcess server(data / "store", database.args({"--web-root", (data / "site").string()}));
        Client client(server.port());
        auto [status, page] = answered(client.get("/"));
        CHECK(status == 200);
        CHECK(page == "<title>ClaimDeck web</title>");
    }
    ServerProcess bare(data / "store", database.args());
    Client client(bare.port());
    auto [status, note] = answered(client.get("/"));
    CHECK(status == 200);
    CHECK(note.find("./dev web") != std::string::npos);
}

TEST_SUITE("postgresql") {
    TEST_CASE(
        "two server processes share one PostgreSQL: a pupil answers on one, the other's dashboard stream sees it") {
        TestDatabase database;
        database.cluster();
        TempDir data;
        ServerProcess first(data / "first", database.args());
        ServerProcess second(data / "second", database.args());
        CHECK(second.teacher_key().empty());  // made once, by the first, for the whole database
        Client on_first(first.port()), on_second(second.port());
        on_first.wait_until_healthy(database);
        on_second.wait_until_healthy(database);
        const LiveClass live = start_class(on_second, first.teacher_key(), R"({"count":1})");
        const std::string token = join(on_first, live.code, "Ana");
        const std::string received =
            events_until_answered(second.port(), first.port(), first.teacher_key(), live, token);
        CHECK(received.find(R"("nickname":"Ana","answered":0)") != std::string::npos);
        CHECK(received.find(R"("nickname":"Ana","answered":1)") != std::string::npos);
    }

    TEST_CASE("PostgreSQL restarted mid-run loses no answer and counts none twice as clients retry") {
        TestDatabase database;
        TempDir data;
        ServerProcess server(data.path(), database.args({"--rate-limit", "0"}));
        Client client(server.port());
        client.wait_until_healthy(database);
        Lesson lesson(client, server.teacher_key());
        lesson.answer_first(client, 5);
        std::thread in_flight([&] {
            Client racing(server.port());
            racing.post("/api/answers", lesson.planned[5].first);
        });
        database.cluster().crash();
        in_flight.join();
        auto [status, refused] = answered(client.post("/api/answers", lesson.planned[6].first));
        CHECK(status == 503);
        CHECK(std::string(json_of(refused)["error"].GetString()).find("database") != std::string::npos);
        database.cluster().start();
        lesson.resend_all_and_check(client);
    }
}
