// What only PostgreSQL makes possible, and what only it can do to a server:
// several server processes on one database, and the database restarting
// under a running lesson. Run with CLAIMDECK_TEST_DATABASE=postgresql (ctest
// sets it); each test starts its own throwaway cluster.
#include "live_server_harness.hpp"

TEST_CASE("two server processes share one PostgreSQL: a pupil answers on one, the other's dashboard stream sees it") {
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
    const std::string received = events_until_answered(second.port(), first.port(), first.teacher_key(), live, token);
    CHECK(received.find(R"("nickname":"Ana","answered":0)") != std::string::npos);
    CHECK(received.find(R"("nickname":"Ana","answered":1)") != std::string::npos);
}

TEST_CASE("an answer sent to two processes many times at once is confirmed the same by both and counted once") {
    TestDatabase database;
    database.cluster();
    TempDir data;
    ServerProcess first(data / "first", database.args({"--rate-limit", "0"}));
    ServerProcess second(data / "second", database.args({"--rate-limit", "0"}));
    Client client(first.port());
    client.wait_until_healthy(database);
    Client(second.port()).wait_until_healthy(database);
    const LiveClass live = start_class(client, first.teacher_key(), R"({"count":1})");
    const std::string token = join(client, live.code, "Ana");
    const int ports[] = {first.port(), second.port()};
    const auto replies = all_at_once(16, [&](int i) {
        return Client(ports[i % 2]).post("/api/answers", answer_body(token, live.cards[0], "verified", "once"));
    });
    for (const auto& [status, body] : replies) {
        CHECK_MESSAGE(status == 200, body);
        CHECK(body == replies[0].second);
    }
    auto [status, board] = answered(client.get("/api/classes/" + live.code + "/dashboard", first.teacher_key()));
    REQUIRE(status == 200);
    CHECK(json_of(board)["totals"][0]["answered"].GetInt() == 1);
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

TEST_CASE("two processes starting together on an empty PostgreSQL make its tables once and one teacher key for both") {
    TestDatabase database;
    database.cluster();
    TempDir data;
    ServerProcess first(data / "first", database.args(), ServerProcess::Banner::Later);
    ServerProcess second(data / "second", database.args(), ServerProcess::Banner::Later);
    first.read_banner();
    second.read_banner();
    const std::string key = first.teacher_key().empty() ? second.teacher_key() : first.teacher_key();
    CHECK(first.teacher_key().empty() != second.teacher_key().empty());  // shown by exactly one
    for (const ServerProcess* server : {&first, &second}) {
        Client client(server->port());
        client.wait_until_healthy(database);
        auto [status, body] = answered(client.post("/api/classes", R"({"count":1})", key));
        CHECK_MESSAGE(status == 201, body);
    }
}
