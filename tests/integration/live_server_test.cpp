// The real claimdeck-server driven over HTTP as the clients will: pupils
// join, answer and retry; the teacher reads the dashboard; the server is
// killed with SIGKILL mid-run and started again. ctest runs this whole suite
// twice: on SQLite, and with CLAIMDECK_TEST_DATABASE=postgresql on a
// throwaway PostgreSQL cluster per test.
#include <algorithm>

#include "live_server_harness.hpp"

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
    // Each pupil's own answers, once, for the class report.
    auto [answers_status, answers_body] =
        answered(client.get("/api/classes/" + live.code + "/answers", server.teacher_key()));
    REQUIRE(answers_status == 200);
    const rapidjson::Document answers = json_of(answers_body);
    REQUIRE(answers["pupils"].Size() == 3);
    CHECK(std::string(answers["pupils"][1]["nickname"].GetString()) == "Ben");
    REQUIRE(answers["pupils"][1]["answers"].Size() == 1);
    CHECK(std::string(answers["pupils"][1]["answers"][0]["card"].GetString()) == live.cards[0]);
    CHECK(std::string(answers["pupils"][1]["answers"][0]["verdict"].GetString()) == "propaganda");

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
    expect(client.get("/api/classes/" + live.code + "/answers", token), 401, "teacher key");
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

TEST_CASE("an answer sent many times at once gets the same confirmation every time and is counted once") {
    TestDatabase database;
    TempDir data;
    ServerProcess server(data.path(), database.args({"--rate-limit", "0"}));
    Client client(server.port());
    client.wait_until_healthy(database);
    const LiveClass live = start_class(client, server.teacher_key(), R"({"count":1})");
    constexpr int kPupils = 6, kSends = 6;
    std::vector<std::string> tokens;
    for (int p = 0; p < kPupils; ++p) tokens.push_back(join(client, live.code, "P" + std::to_string(p)));
    const auto replies = all_at_once(kPupils * kSends, [&](int i) {
        return Client(server.port())
            .post("/api/answers", answer_body(tokens[i / kSends], live.cards[0], "verified", "once"));
    });
    for (int i = 0; i < kPupils * kSends; ++i) {
        CHECK_MESSAGE(replies[i].first == 200, replies[i].second);
        CHECK(replies[i].second == replies[i - i % kSends].second);  // the pupil's first send's confirmation
    }
    auto [status, board] = answered(client.get("/api/classes/" + live.code + "/dashboard", server.teacher_key()));
    REQUIRE(status == 200);
    CHECK(json_of(board)["totals"][0]["answered"].GetInt() == kPupils);
}

TEST_CASE("a teacher's presses sent at once move the class no further than its last card and end it once") {
    TestDatabase database;
    TempDir data;
    ServerProcess server(data.path(), database.args({"--rate-limit", "0"}));
    Client client(server.port());
    client.wait_until_healthy(database);
    const LiveClass live = start_class(client, server.teacher_key(), R"({"count":2})");
    auto count_of = [](const std::vector<std::pair<int, std::string>>& replies, int status) {
        return std::count_if(replies.begin(), replies.end(), [&](const auto& reply) { return reply.first == status; });
    };
    auto press = [&](const std::string& button, int times) {
        return all_at_once(times, [&](int) {
            return Client(server.port()).post("/api/classes/" + live.code + "/" + button, "", server.teacher_key());
        });
    };
    const auto nexts = press("next", 8);
    CHECK(count_of(nexts, 200) == 2);  // to the second card, then past the last
    CHECK(count_of(nexts, 409) == 6);
    const auto ends = press("end", 8);
    CHECK(count_of(ends, 200) == 1);
    CHECK(count_of(ends, 410) == 7);
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

TEST_CASE("a class's dashboard stream is sent its own answers, not another class's") {
    TestDatabase database;
    TempDir data;
    ServerProcess server(data.path(), database.args());
    Client client(server.port());
    client.wait_until_healthy(database);
    const LiveClass watched = start_class(client, server.teacher_key(), R"({"count":1})");
    const LiveClass other = start_class(client, server.teacher_key(), R"({"count":10,"pace":"own"})");
    const std::string token = join(client, watched.code, "Ana");
    const std::string other_token = join(client, other.code, "Ben");
    const std::string received =
        events_until_answered(server.port(), server.port(), server.teacher_key(), watched, token, [&] {
            for (const std::string& card : other.cards)
                CHECK(answered(client.post("/api/answers", answer_body(other_token, card, "verified", card))).first ==
                      200);
        });
    // The class when the stream opened, then once more with Ana's answer; on
    // PostgreSQL perhaps once more, when the server's listener connected (it
    // cannot know what it missed, so it wakes every stream), but not once
    // for each of the other class's ten answers.
    std::size_t events = 0;
    for (auto at = received.find("event: dashboard"); at != std::string::npos;
         at = received.find("event: dashboard", at + 1))
        ++events;
    CHECK(events >= 2);
    CHECK(events <= 3);
    CHECK(received.find(R"("nickname":"Ana","answered":1)") != std::string::npos);
}

TEST_CASE("a burst of a class's answers reaches its dashboard in events at least half a second apart") {
    TestDatabase database;
    TempDir data;
    ServerProcess server(data.path(), database.args());
    Client client(server.port());
    client.wait_until_healthy(database);
    const LiveClass live = start_class(client, server.teacher_key(), R"({"count":4,"pace":"own"})");
    const std::string token = join(client, live.code, "Ana");
    const auto times =
        watch_dashboard(server.port(), server.teacher_key(), live, R"("answered":4)", [&] {
            for (const std::string& card : live.cards)
                CHECK(answered(client.post("/api/answers", answer_body(token, card, "verified", card))).first == 200);
        }).event_times;
    // Four answers sent one after the other take milliseconds; without the
    // gap each would have rebuilt the dashboard and sent it at once.
    REQUIRE(times.size() >= 2);
    for (std::size_t i = 1; i < times.size(); ++i) {
        CAPTURE(i);
        CHECK(times[i] - times[i - 1] >= std::chrono::milliseconds(400));
    }
}

TEST_CASE("GET / serves the web app from --web-root, or says how to build it when that folder is missing") {
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
    ServerProcess missing(data / "store", database.args({"--web-root", (data / "no-site").string()}));
    Client client(missing.port());
    auto [status, note] = answered(client.get("/"));
    CHECK(status == 200);
    CHECK(note.find("no-site does not exist") != std::string::npos);
    CHECK(note.find("./dev web") != std::string::npos);
}
