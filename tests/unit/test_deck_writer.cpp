#include <doctest/doctest.h>

#include "base/json_input.hpp"
#include "content/deck_writer.hpp"

using namespace claimdeck;

namespace {

const std::string kText = "Headline\n\nThe valley is 80km north of Kabul.\n";

// A deck that passes every check, with something unusual in every kind of field.
Deck unusual_deck() {
    Deck deck;
    deck.id = "unusual";
    deck.version = 4;
    deck.title = "Quotes \"inside\", a back\\slash,\ta tab, a no\u00a0break space and “curly” ones";
    deck.articles.push_back({"a", "a.txt", "Headline", "", "", kText, "https://example.org/a?x=1&y=2", "2021-09-06"});
    deck.articles.push_back({"b", "b.txt", "Other", "By Someone", "A blog", kText, "", ""});
    deck.topics.push_back({"distance", "Distance"});
    Claim claim;
    claim.id = "c1";
    claim.article = "a";
    claim.text = "The valley is 80 km from Kabul.";
    claim.quote = "The valley is 80km north of Kabul.";
    claim.span = {10, 44};
    claim.topic = "distance";
    claim.verdict = Verdict::Propaganda;
    claim.rationale = "Line one\nline two";
    claim.techniques.push_back({"Loaded Language", {"The valley", "80km"}});
    claim.evidence.push_back({"b", claim.quote, claim.span, Stance::Qualifies});
    claim.known_now = "Later reporting confirmed it.";
    deck.claims.push_back(claim);
    claim.id = "c2";
    claim.known_now.clear();
    claim.techniques.clear();
    claim.verdict = Verdict::Verified;
    deck.claims.push_back(claim);
    return deck;
}

}  // namespace

TEST_CASE("a written deck reads back to the same deck, unusual characters and optional fields included") {
    const Deck deck = unusual_deck();
    REQUIRE(check_deck(deck, "unusual.json").empty());
    const std::string json = write_deck_json(deck);
    CHECK(json.find("no\\u00a0break") != std::string::npos);  // the invisible space is shown escaped

    DeckLoadResult read = read_deck(json, "unusual.json", [](const std::string&) { return TextFileResult{kText, ""}; });
    REQUIRE_MESSAGE(read.problems.empty(), describe_all(read.problems));
    const Deck& back = *read.deck;
    CHECK(back.title == deck.title);
    CHECK(back.version == 4);
    CHECK(back.articles[0].url == deck.articles[0].url);
    CHECK(back.articles[0].published == "2021-09-06");
    CHECK(back.articles[1].byline == "By Someone");
    CHECK(back.claims[0].rationale == "Line one\nline two");
    CHECK(back.claims[0].techniques[0].words == deck.claims[0].techniques[0].words);
    CHECK(back.claims[0].evidence[0].stance == Stance::Qualifies);
    CHECK(back.claims[0].known_now == deck.claims[0].known_now);
    CHECK(back.claims[1].verdict == Verdict::Verified);
    CHECK(write_deck_json(back) == json);
}

TEST_CASE("an article without a url or date writes neither field, and a claim without known_now omits it") {
    const std::string json = write_deck_json(unusual_deck());
    CHECK(json.find("\"url\"") == json.rfind("\"url\""));  // only the first article's
    CHECK(json.find("\"known_now\"") == json.rfind("\"known_now\""));
}
