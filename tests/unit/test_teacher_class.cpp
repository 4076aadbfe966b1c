#include <doctest/doctest.h>

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "live/class_figures.hpp"
#include "live/class_results.hpp"
#include "live/live_json.hpp"
#include "live/teacher_class.hpp"
#include "temp_dir.hpp"

using namespace claimdeck;
using namespace claimdeck::live;

namespace {

// Keeps what the client sent; the test answers each exchange when it likes.
struct FakeWire {
    std::string address;
    std::vector<std::pair<HttpTransport::Ticket, HttpRequest>> sent;
    std::vector<HttpTransport::Finished> finished;
    HttpTransport::Ticket next_ticket = 1;

    // Answers the oldest exchange still open that went to `path`.
    void answer(const std::string& path, int status, std::string body) {
        for (auto it = sent.begin(); it != sent.end(); ++it)
            if (it->second.path == path) {
                finished.push_back({it->first, {status, std::move(body), "", 0}});
                sent.erase(it);
                return;
            }
        FAIL("nothing was sent to " << path);
    }
    bool asked(const std::string& method, const std::string& path) const {
        for (const auto& [ticket, request] : sent)
            if (request.method == method && request.path == path) return true;
        return false;
    }
};

class FakeTransport : public HttpTransport {
public:
    explicit FakeTransport(FakeWire& wire) : wire_(wire) {}
    Ticket send(HttpRequest request) override {
        wire_.sent.emplace_back(wire_.next_ticket, std::move(request));
        return wire_.next_ticket++;
    }
    std::vector<Finished> take_finished() override { return std::exchange(wire_.finished, {}); }
    bool busy() const override { return !wire_.sent.empty(); }

private:
    FakeWire& wire_;
};

struct FakeServer : LocalServer {
    std::optional<ServerAccess> ready;
    std::string why;
    bool* stopped;
    explicit FakeServer(bool* stopped_flag) : stopped(stopped_flag) {}
    ~FakeServer() override { *stopped = true; }
    std::optional<ServerAccess> access() override { return ready; }
    std::string failure() override { return why; }
};

Connect connect_to(FakeWire& wire) {
    return [&wire](const std::string& address) {
        wire.address = address;
        return std::make_unique<FakeTransport>(wire);
    };
}

const ServerAccess kNamed{"http://127.0.0.1:9000", "http://192.168.1.5:9000", "KEY", "", ""};

ClassState state(bool ended = false, int current = 0) { return {"ABC123", "Week 3", Pace::Teacher, current, 2, ended}; }

Dashboard two_card_dashboard() {
    Dashboard dashboard{state(), {{"Ana", 2, 1}, {"Ben", 2, 0}}, {}};
    CardTotals first{{"c1", "Claim one", Verdict::Verified}, {}, 2, 1};
    first.by_verdict = {1, 0, 1};
    CardTotals second{{"c2", "Claim two", Verdict::Propaganda}, {}, 2, 0};
    second.by_verdict = {0, 2, 0};
    dashboard.cards = {first, second};
    return dashboard;
}

}  // namespace

TEST_CASE("a class on a named server is made with the teacher key, and its dashboard is asked for once a second") {
    FakeWire wire;
    ClassRequest request{"Week 3", Pace::Teacher, std::string("mini"), {"c1", "c2"}, std::nullopt};
    TeacherClass live(request, kNamed, connect_to(wire));
    CHECK(wire.address == "http://127.0.0.1:9000");
    REQUIRE(wire.sent.size() == 1);
    CHECK(wire.sent[0].second.method == "POST");
    CHECK(wire.sent[0].second.bearer == "KEY");
    const auto sent = parse_class_request(wire.sent[0].second.body);
    REQUIRE(sent.request);
    CHECK(sent.request->claims == std::vector<std::string>{"c1", "c2"});
    CHECK(sent.request->deck_id == std::optional<std::string>("mini"));

    wire.answer("/api/classes", 201, class_created_json("ABC123", state()));
    live.update(10'000);
    CHECK(live.stage() == TeacherStage::Running);
    CHECK(live.join_link() == "http://192.168.1.5:9000/?join=ABC123");
    CHECK(wire.asked("GET", "/api/classes/ABC123/dashboard"));

    live.update(10'500);  // one under way: not asked again
    CHECK(wire.sent.size() == 1);
    wire.answer("/api/classes/ABC123/dashboard", 200, dashboard_json(two_card_dashboard()));
    live.update(10'600);
    REQUIRE(live.dashboard());
    CHECK(live.dashboard()->pupils.size() == 2);
    CHECK(live.dashboard()->cards[1].by_verdict[index_of(Verdict::Contested)] == 2);
    CHECK(wire.sent.empty());  // not due yet
    live.update(11'000);
    CHECK(wire.asked("GET", "/api/classes/ABC123/dashboard"));
}

TEST_CASE("a class on a server started on this computer waits until the server says where it listens") {
    FakeWire wire;
    bool stopped = false;
    auto server = std::make_unique<FakeServer>(&stopped);
    FakeServer& started = *server;
    TeacherClass live({}, std::move(server), connect_to(wire));
    live.update(0);
    CHECK(live.stage() == TeacherStage::StartingServer);
    CHECK(wire.sent.empty());
    CHECK(live.busy());

    started.ready = kNamed;
    live.update(1);
    CHECK(live.stage() == TeacherStage::Creating);
    CHECK(wire.asked("POST", "/api/classes"));
    CHECK_FALSE(stopped);
}

TEST_CASE("a server that could not start is named as the reason, and is let go") {
    FakeWire wire;
    bool stopped = false;
    auto server = std::make_unique<FakeServer>(&stopped);
    server->why = "claimdeck-server was not found beside claimdeck";
    TeacherClass live({}, std::move(server), connect_to(wire));
    live.update(0);
    CHECK(live.stage() == TeacherStage::Failed);
    CHECK(live.problem() ==
          "The class server on this computer could not start: claimdeck-server was not found beside claimdeck");
    CHECK(stopped);
    CHECK_FALSE(live.busy());
}

TEST_CASE("a class the server refuses says the server's own reason") {
    FakeWire wire;
    TeacherClass live({}, kNamed, connect_to(wire));
    wire.answer("/api/classes", 401, error_json("this needs the teacher key: send \"Authorization: Bearer KEY\""));
    live.update(0);
    CHECK(live.stage() == TeacherStage::Failed);
    CHECK(live.problem() ==
          "The class could not be started: this needs the teacher key: send \"Authorization: Bearer KEY\"");
}

TEST_CASE("a dashboard that does not come keeps the last one and says it is trying again") {
    FakeWire wire;
    TeacherClass live({}, kNamed, connect_to(wire));
    wire.answer("/api/classes", 201, class_created_json("ABC123", state()));
    live.update(0);
    wire.answer("/api/classes/ABC123/dashboard", 200, dashboard_json(two_card_dashboard()));
    live.update(1);
    live.update(1000);
    wire.finished.push_back({wire.sent[0].first, {0, "", "the server did not answer", 0}});
    wire.sent.clear();
    live.update(1001);
    REQUIRE(live.dashboard());
    CHECK(live.stage() == TeacherStage::Running);
    CHECK(live.problem() ==
          "The class's answers could not be fetched just now (the server did not answer); trying again.");
}

TEST_CASE(
    "the teacher moves the class on, and ending it takes a last look at the dashboard, and the server stays up for the "
    "phones until the class is let go") {
    FakeWire wire;
    bool stopped = false;
    auto server = std::make_unique<FakeServer>(&stopped);
    server->ready = kNamed;
    {
        TeacherClass live({}, std::move(server), connect_to(wire));
        live.update(0);
        wire.answer("/api/classes", 201, class_created_json("ABC123", state()));
        live.update(0);
        wire.answer("/api/classes/ABC123/dashboard", 200, dashboard_json(two_card_dashboard()));
        live.update(1);

        live.move_on();
        wire.answer("/api/classes/ABC123/next", 200, class_state_json(state(false, 1)));
        live.update(2);
        CHECK(live.state()->current == 1);
        CHECK(wire.asked("GET", "/api/classes/ABC123/dashboard"));  // at once, not a second later
        wire.answer("/api/classes/ABC123/dashboard", 200, dashboard_json(two_card_dashboard()));
        live.update(3);

        live.end();
        CHECK(live.stage() == TeacherStage::Ending);
        wire.answer("/api/classes/ABC123/end", 200, class_state_json(state(true, 2)));
        live.update(4);
        CHECK_FALSE(stopped);
        Dashboard last = two_card_dashboard();
        last.state = state(true, 2);
        wire.answer("/api/classes/ABC123/dashboard", 200, dashboard_json(last));
        live.update(5);
        CHECK(live.stage() == TeacherStage::Ending);
        CHECK_FALSE(stopped);
        const std::vector<PupilAnswers> answers = {
            {1, "Ana", 100, {{"c1", Verdict::Verified, Verdict::Propaganda, Confidence::Seventy, 900}}}};
        wire.answer("/api/classes/ABC123/answers", 200, class_answers_json(answers));
        live.update(6);
        CHECK(live.stage() == TeacherStage::Ended);
        REQUIRE(live.answers());
        REQUIRE(live.answers()->size() == 1);
        CHECK(live.answers()->front().answers.front().picked == Verdict::Propaganda);
        CHECK(live.answers()->front().answers.front().confidence == Confidence::Seventy);
        CHECK(live.state()->ended);
        CHECK_FALSE(stopped);  // phones still asking are told the class has ended
        live.update(5000);
        CHECK(wire.sent.empty());  // an ended class is not asked about again
        // Then the teacher starts another class, or quits.
    }
    CHECK(stopped);
}

TEST_CASE("a dashboard survives its round trip through JSON") {
    const Dashboard sent = two_card_dashboard();
    const auto read = parse_dashboard_reply(dashboard_json(sent));
    REQUIRE(read.request);
    CHECK(read.request->state.code == "ABC123");
    CHECK(read.request->pupils[1].nickname == "Ben");
    CHECK(read.request->cards[0].card.verdict == Verdict::Verified);
    CHECK(read.request->cards[0].by_verdict == sent.cards[0].by_verdict);
    CHECK(read.request->cards[1].right == 0);
}

TEST_CASE("a reply in a shape this app does not know is named, not guessed at") {
    const auto read = parse_dashboard_reply(
        R"({"code":"A","title":"t","pace":"fast","current":0,"cards":1,"ended":false,"pupils":[],"totals":[]})");
    CHECK_FALSE(read.request);
    REQUIRE_FALSE(read.problems.empty());
    CHECK(read.problems[0].message.find("\"teacher\" or \"own\"") != std::string::npos);
    CHECK(error_message_of(error_json("no such class")) == "no such class");
    CHECK(error_message_of("<html>") == "");
}

TEST_CASE("the live figures say what fooled the class and score its pooled answers as the report does") {
    const LiveFigures figures = live_figures(two_card_dashboard());
    CHECK(figures.answered == 4);
    CHECK(figures.right == 1);
    CHECK(figures.accuracy() == doctest::Approx(0.25));
    REQUIRE(figures.claims.size() == 2);
    CHECK(figures.claims[1].most_common_wrong() == Verdict::Contested);
    CHECK(figures.claims[0].most_common_wrong() == Verdict::Propaganda);
    // Propaganda: 0 hits of 2, 1 false alarm of 2 others.
    const SignalDetection& propaganda = figures.propaganda();
    CHECK(propaganda.hits == 0);
    CHECK(propaganda.misses == 2);
    CHECK(propaganda.false_alarms == 1);
    CHECK(propaganda.d_prime == doctest::Approx(make_signal_detection(0, 2, 1, 1).d_prime));
}

TEST_CASE("a live class's answers become one results file per pupil, which the class report reads") {
    testing::TempDir dir;
    Deck deck;
    deck.id = "mini";
    deck.version = 3;
    const std::vector<PupilAnswers> pupils = {
        {1,
         "Ana",
         1000,
         {{"c1", Verdict::Verified, Verdict::Verified, Confidence::Ninety, 4000},
          {"c2", Verdict::Propaganda, Verdict::Contested, Confidence::Unstated, 9000}}},
        {2, "Ana/B", 2000, {{"c1", Verdict::Verified, Verdict::Propaganda, Confidence::Fifty, 5000}}}};
    const SavedResults saved = save_live_class_results(dir.path(), state(true), deck, pupils, 10'000);
    REQUIRE(saved.problem.empty());
    CHECK(saved.folder == dir.path() / "live-ABC123-10000");
    CHECK(std::filesystem::exists(saved.folder / "01-Ana.json"));
    CHECK(std::filesystem::exists(saved.folder / "02-Ana-B.json"));

    const ClassReport report = build_class_report({saved.folder / "01-Ana.json", saved.folder / "02-Ana-B.json"});
    CHECK(report.skipped.empty());
    CHECK(report.deck_id == "mini");
    REQUIRE(report.students.size() == 2);
    CHECK(report.students[0].profile == "Ana");
    CHECK(report.students[0].right == 1);
    CHECK(report.totals.cards == 3);
    REQUIRE(report.forms.size() == 1);
    CHECK(report.forms[0].quiz_title == "Week 3");

    const std::vector<QuizResults> results = live_class_results(state(true), deck, pupils, 10'000);
    CHECK(results[0].answers[0].response_ms == 3000);  // since the pupil joined
    CHECK(results[0].answers[1].response_ms == 5000);  // since their previous answer
    CHECK(results[1].learner_id != results[0].learner_id);
}
