#include <doctest/doctest.h>

#include <algorithm>
#include <deque>
#include <map>
#include <utility>

#include "live/pupil_client.hpp"
#include "temp_dir.hpp"

using namespace claimdeck;
using namespace claimdeck::live;
using namespace claimdeck::testing;

namespace {

// A transport whose exchanges the test finishes by hand, in any order.
class FakeTransport : public HttpTransport {
public:
    struct Sent {
        Ticket ticket;
        HttpRequest request;
    };
    std::deque<Sent>* sent = nullptr;
    std::vector<Finished>* finished = nullptr;

    Ticket send(HttpRequest request) override {
        sent->push_back({++last_, std::move(request)});
        return last_;
    }
    std::vector<Finished> take_finished() override { return std::exchange(*finished, {}); }
    bool busy() const override { return !sent->empty(); }

private:
    Ticket last_ = 0;
};

constexpr const char* kJoined =
    R"({"token":"t0k3n","nickname":"Ada","code":"ABC123","title":"Panjshir","pace":"teacher","current":0,"cards":3,"ended":false})";

std::string card_view(const char* card_id, bool answered) {
    return std::string(R"({"code":"ABC123","title":"Panjshir","pace":"teacher","current":0,"cards":3,"ended":false,)") +
           R"("position":0,"card":{"id":")" + card_id + R"(","text":"The valley fell."},"answered":)" +
           (answered ? "true" : "false") + "}";
}

struct Fixture {
    TempDir dir;
    std::unique_ptr<ProgressStore> store = ProgressStore::open(dir / "progress.sqlite");
    std::deque<FakeTransport::Sent> sent;  // not answered yet, oldest first
    std::vector<HttpTransport::Finished> finished;
    std::int64_t now = 1'000'000;
    std::unique_ptr<PupilClient> client = make_client();

    std::unique_ptr<PupilClient> make_client() {
        return std::make_unique<PupilClient>(
            *store,
            [this](const std::string&) {
                auto transport = std::make_unique<FakeTransport>();
                transport->sent = &sent;
                transport->finished = &finished;
                return transport;
            },
            now);
    }
    // Finishes the oldest exchange still open to `path`.
    HttpRequest reply(const std::string& path, int status, std::string body = "", int retry_after = 0) {
        const auto found =
            std::find_if(sent.begin(), sent.end(), [&](const auto& s) { return s.request.path == path; });
        REQUIRE(found != sent.end());
        FakeTransport::Sent oldest = *found;
        sent.erase(found);
        HttpResponse response;
        response.status = status;
        response.body = std::move(body);
        response.retry_after_seconds = retry_after;
        if (status == 0) response.failure = "the network is down";
        finished.push_back({oldest.ticket, response});
        client->update(now);
        return oldest.request;
    }
    void join_and_see_card() {
        REQUIRE_FALSE(client->join("", "abc123", "Ada"));
        reply("/api/join", 201, kJoined);
        reply("/api/classes/ABC123/card", 200, card_view("c1", false));
        REQUIRE(client->stage() == PupilStage::Card);
    }
    std::vector<std::string> answer_keys_sent() const {
        std::vector<std::string> keys;
        for (const auto& s : sent)
            if (s.request.path == "/api/answers") keys.push_back(s.request.body.substr(s.request.body.find("\"key\"")));
        return keys;
    }
    std::string sent_key() const { return answer_keys_sent().at(0); }
};

}  // namespace

TEST_CASE("a pupil's answer shows as saved only once the server confirms it with a 2xx") {
    Fixture f;
    f.join_and_see_card();
    f.client->answer(Verdict::Propaganda, Confidence::Seventy, f.now);
    REQUIRE(f.client->last_answer());
    CHECK(f.client->last_answer()->fate == AnswerFate::Sending);
    CHECK(f.client->stage() == PupilStage::Waiting);
    CHECK(f.store->live_answers().size() == 1);

    const HttpRequest request = f.reply("/api/answers", 200, R"({"committed":true})");
    CHECK(request.body.find(R"("verdict":"propaganda")") != std::string::npos);
    CHECK(request.body.find(R"("confidence":70)") != std::string::npos);
    CHECK(f.client->last_answer()->fate == AnswerFate::Saved);
    CHECK(f.store->live_answers().empty());
    CHECK(f.client->unconfirmed() == 0);
}

TEST_CASE(
    "an answer the server did not take is sent again with the same key after a lost connection, a 503 and a 429") {
    Fixture f;
    f.join_and_see_card();
    f.client->answer(Verdict::Verified, Confidence::Unstated, f.now);
    const std::string key = f.sent_key();

    f.reply("/api/answers", 0);
    CHECK(f.client->last_answer()->fate == AnswerFate::Sending);
    CHECK_FALSE(f.client->connection_problem().empty());
    CHECK(f.answer_keys_sent().empty());  // not at once: it waits a moment
    f.now += kFirstRetryMs;
    f.client->update(f.now);
    CHECK(f.answer_keys_sent() == std::vector<std::string>{key});

    f.reply("/api/answers", 503, R"({"error":"the database cannot be reached just now"})", 5);
    f.now += 4000;
    f.client->update(f.now);
    CHECK(f.answer_keys_sent().empty());  // Retry-After: 5 is honoured
    f.now += 1000;
    f.client->update(f.now);
    CHECK(f.answer_keys_sent() == std::vector<std::string>{key});

    f.reply("/api/answers", 429, R"({"error":"too many requests"})", 1);
    f.now += 60'000;
    f.client->update(f.now);
    CHECK(f.answer_keys_sent() == std::vector<std::string>{key});
    f.reply("/api/answers", 200, R"({"committed":true})");
    CHECK(f.client->last_answer()->fate == AnswerFate::Saved);
    CHECK(f.client->connection_problem().empty());
}

TEST_CASE("answers not confirmed survive the store being closed and opened again, and are sent with their keys") {
    Fixture f;
    f.join_and_see_card();
    f.client->answer(Verdict::Contested, Confidence::Ninety, f.now);
    const std::string key = f.sent_key();
    f.client.reset();  // the tab is closed mid-send
    f.store.reset();
    f.sent.clear();

    f.store = ProgressStore::open(f.dir / "progress.sqlite");
    f.client = f.make_client();
    CHECK(f.client->unconfirmed() == 1);
    CHECK(f.client->stage() == PupilStage::Loading);  // back in the class it was in
    f.client->update(f.now);
    CHECK(f.answer_keys_sent() == std::vector<std::string>{key});
    const HttpRequest request = f.reply("/api/answers", 200, R"({"committed":true})");
    CHECK(request.body.find(R"("token":"t0k3n")") != std::string::npos);
    // The card it answered is not shown again while the server still has it unanswered.
    f.reply("/api/classes/ABC123/card", 200, card_view("c1", true));
    CHECK(f.client->stage() == PupilStage::Waiting);
    CHECK(f.store->live_answers().empty());
}

TEST_CASE("a join the server refuses with a 4xx shows the words of its JSON error") {
    Fixture f;
    REQUIRE_FALSE(f.client->join("", "ZZZ999", "Ada"));
    f.reply("/api/join", 404, R"({"error":"no class has the code ZZZ999"})");
    CHECK(f.client->stage() == PupilStage::Out);
    CHECK(f.client->problem() == "No class has the code ZZZ999 \u2014 check the code on the board");

    REQUIRE_FALSE(f.client->join("", "ABC123", "Ada"));
    f.reply("/api/join", 409, R"({"error":"someone in this class already has the nickname \"Ada\""})");
    CHECK(f.client->problem() == "Someone in this class already has the nickname \"Ada\".");
}

TEST_CASE("an answer refused with a 4xx says why and is no longer kept") {
    Fixture f;
    f.join_and_see_card();
    f.client->answer(Verdict::Verified, Confidence::Unstated, f.now);
    f.reply("/api/answers", 410, R"({"error":"the class ABC123 has ended"})");
    CHECK(f.client->problem() == "The class ABC123 has ended.");
    CHECK(f.client->last_answer()->fate == AnswerFate::Refused);
    CHECK(f.store->live_answers().empty());
}

TEST_CASE("a nickname or code that cannot be used is named before anything is sent") {
    Fixture f;
    CHECK(f.client->join("", "ABC123", "") == std::optional<std::string>("Type a nickname first."));
    CHECK(f.client->join("", "  ", "Ada") == std::optional<std::string>("Type the class code from the board first."));
    CHECK(f.sent.empty());
}

TEST_CASE("a waiting pupil asks again on a gentle timer and is shown the card once the teacher moves on") {
    Fixture f;
    f.join_and_see_card();
    f.client->answer(Verdict::Verified, Confidence::Unstated, f.now);
    f.reply("/api/answers", 200, R"({"committed":true})");
    f.reply("/api/classes/ABC123/card", 200, card_view("c1", true));
    CHECK(f.client->stage() == PupilStage::Waiting);
    CHECK(f.sent.empty());  // not asked again at once
    f.now += kPollEveryMs;
    f.client->update(f.now);
    f.reply("/api/classes/ABC123/card", 200, card_view("c2", false));
    CHECK(f.client->stage() == PupilStage::Card);
    CHECK(f.client->card()->id == "c2");
}

TEST_CASE(
    "a card view sent before the answer was committed, arriving after its confirmation, does not show the card again") {
    Fixture f;
    f.join_and_see_card();
    // The pupil takes longer than the poll's gap to answer, so the card is
    // asked for again beside the answer, as the web app's parallel fetches do.
    f.now += kPollEveryMs + 1000;
    f.client->answer(Verdict::Verified, Confidence::Unstated, f.now);
    f.client->update(f.now);
    REQUIRE(f.sent.size() == 2);
    f.reply("/api/answers", 200, R"({"committed":true})");
    f.reply("/api/classes/ABC123/card", 200, card_view("c1", false));  // read before the answer was committed
    CHECK(f.client->stage() == PupilStage::Waiting);
    CHECK(f.client->last_answer()->fate == AnswerFate::Saved);
}

TEST_CASE("the join link pasted whole where the server is asked gives the server and, when none is typed, the code") {
    CHECK(read_join_link(" http://192.168.1.20:8765/?join=abc123 ")->server == "http://192.168.1.20:8765");
    CHECK(read_join_link("http://192.168.1.20:8765/?join=abc123")->code == "ABC123");
    CHECK(read_join_link("school.example:8765?lang=es&join=XYZ789#top")->server == "school.example:8765");
    CHECK(read_join_link("school.example:8765?lang=es&join=XYZ789#top")->code == "XYZ789");
    CHECK_FALSE(read_join_link("192.168.1.20:8765"));
    CHECK_FALSE(read_join_link("http://192.168.1.20:8765/?join="));
    CHECK_FALSE(read_join_link("http://192.168.1.20:8765/?rejoin=ABC123"));

    Fixture f;
    std::vector<std::string> connected_to;
    f.client = std::make_unique<PupilClient>(
        *f.store,
        [&](const std::string& server) {
            connected_to.push_back(server);
            auto transport = std::make_unique<FakeTransport>();
            transport->sent = &f.sent;
            transport->finished = &f.finished;
            return transport;
        },
        f.now);
    REQUIRE_FALSE(f.client->join("http://192.168.1.20:8765/?join=ABC123", "", "Ada"));
    CHECK(connected_to == std::vector<std::string>{"http://192.168.1.20:8765"});
    CHECK(f.sent.at(0).request.body.find(R"("code":"ABC123")") != std::string::npos);

    // A code typed by hand is the one the pupil meant.
    f.sent.clear();
    REQUIRE_FALSE(f.client->join("http://192.168.1.20:8765/?join=ABC123", "xyz789", "Ada"));
    CHECK(f.sent.at(0).request.body.find(R"("code":"XYZ789")") != std::string::npos);
}
