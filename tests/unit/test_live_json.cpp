#include <doctest/doctest.h>

#include <string>

#include "content/deck.hpp"
#include "live/live_json.hpp"

using namespace claimdeck;
using namespace claimdeck::live;

namespace {

std::string first_problem(const std::vector<Problem>& problems) {
    return problems.empty() ? "" : problems_json(problems);
}

Deck two_claim_deck() {
    Deck deck;
    deck.id = "mini";
    deck.title = "Mini";
    deck.claims.resize(2);
    deck.claims[0].id = "a";
    deck.claims[0].text = "Claim A";
    deck.claims[0].verdict = Verdict::Verified;
    deck.claims[1].id = "b";
    deck.claims[1].text = "Claim B";
    deck.claims[1].verdict = Verdict::Propaganda;
    deck.index();
    return deck;
}

}  // namespace

TEST_CASE("an answer request is read with every field") {
    const auto parsed =
        parse_answer_request(R"({"token":"t","card":"c1","verdict":"propaganda","confidence":90,"key":"k-1"})");
    REQUIRE(parsed.request);
    CHECK(parsed.request->token == "t");
    CHECK(parsed.request->card == "c1");
    CHECK(parsed.request->verdict == Verdict::Propaganda);
    CHECK(parsed.request->confidence == Confidence::Ninety);
    CHECK(parsed.request->key == "k-1");
}

TEST_CASE("a bad answer request names each wrong field") {
    const auto parsed = parse_answer_request(R"({"token":"t","card":"c1","verdict":"true","confidence":60})");
    CHECK_FALSE(parsed.request);
    const std::string message = first_problem(parsed.problems);
    CHECK(message.find("verdict") != std::string::npos);
    CHECK(message.find("confidence") != std::string::npos);
    CHECK(message.find("key") != std::string::npos);
}

TEST_CASE("a request body that is not a JSON object is refused with where it went wrong") {
    CHECK(first_problem(parse_join_request("[1,2]").problems).find("not a list") != std::string::npos);
    CHECK(first_problem(parse_join_request("{\"code\": ").problems).find("line 1") != std::string::npos);
    CHECK_FALSE(parse_join_request("").request);
}

TEST_CASE("a join request checks the nickname as the store would") {
    CHECK(parse_join_request(R"({"code":"ACKDHX","nickname":"Ana"})").request);
    CHECK(first_problem(parse_join_request(R"({"code":"ACKDHX","nickname":"  "})").problems).find("nickname") !=
          std::string::npos);
}

TEST_CASE("a class request reads pace and count and rejects an unknown pace") {
    const auto own = parse_class_request(R"({"pace":"own","count":1})");
    REQUIRE(own.request);
    CHECK(own.request->pace == Pace::Own);
    CHECK(own.request->count == std::optional<std::size_t>(1));
    CHECK(first_problem(parse_class_request(R"({"pace":"fast"})").problems).find("pace") != std::string::npos);
    CHECK(parse_class_request("{}").request);
}

TEST_CASE("a class on a deck takes the quiz's claims in order, or the deck's first cards") {
    const Deck deck = two_claim_deck();
    ClassRequest request;
    request.claims = {"b", "a"};
    const NewClass quiz_class = class_on_deck(request, deck);
    REQUIRE(quiz_class.cards.size() == 2);
    CHECK(quiz_class.cards[0].id == "b");
    CHECK(quiz_class.cards[0].verdict == Verdict::Propaganda);
    CHECK(quiz_class.title == "Mini");

    ClassRequest first_one;
    first_one.count = 1;
    CHECK(class_on_deck(first_one, deck).cards.size() == 1);

    request.claims = {"z"};
    CHECK_THROWS_WITH(class_on_deck(request, deck), doctest::Contains("\"z\" is not in the deck"));
    ClassRequest other_deck;
    other_deck.deck_id = "other";
    CHECK_THROWS_AS(class_on_deck(other_deck, deck), LiveError);
}

TEST_CASE("the dashboard JSON carries the totals per card and per pupil") {
    Dashboard board;
    board.state = {"ACKDHX", "T", Pace::Teacher, 0, 1, false};
    board.pupils = {{"Ana", 1, 1}};
    board.cards = {{{"c1", "Text \"quoted\"", Verdict::Verified}, {1, 0, 0}, 1, 1}};
    const std::string json = dashboard_json(board);
    CHECK(json.find(R"("nickname":"Ana","answered":1,"right":1)") != std::string::npos);
    CHECK(json.find(R"("text":"Text \"quoted\"")") != std::string::npos);
    CHECK(json.find(R"("by_verdict":{"verified":1,"contested":0,"propaganda":0})") != std::string::npos);
}
