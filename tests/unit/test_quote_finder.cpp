#include <doctest/doctest.h>

#include <string>

#include "content/quote_finder.hpp"

using namespace claimdeck;

namespace {

bool spans_equal(const std::optional<Span>& span, std::size_t begin, std::size_t end) {
    return span && span->begin == begin && span->end == end;
}

}  // namespace

TEST_CASE("A quote that occurs once is placed at its bytes") {
    const QuoteLocation found = locate_quote("Head\n\nThe \u201cvalley\u201d is far.\n", "is far");
    CHECK(spans_equal(found.span, 23, 29));
    CHECK(found.exact_quote == "is far");
    CHECK(found.note == "");
}

TEST_CASE("A quote found twice keeps its previous span when that is one of the places, else takes the first") {
    const std::string text = "go north, go north";
    CHECK(spans_equal(locate_quote(text, "go north", {10, 18}).span, 10, 18));
    const QuoteLocation first = locate_quote(text, "go north", {0, 0});
    CHECK(spans_equal(first.span, 0, 8));
    CHECK(first.note == "the quote occurs more than once; took the first (make it longer to be sure)");
}

TEST_CASE("A quote that is not in the article word for word is not placed") {
    const QuoteLocation found = locate_quote("The valley", "the valley");
    CHECK_FALSE(found.span);
    CHECK(found.note == "the quote is not in the article word for word");
    CHECK(locate_quote("The valley", "").note == "the quote is empty");
}

TEST_CASE("Loose matching takes the article's own spaces, quotation marks and dashes") {
    const std::string text = "He said \u201cnever\u201d\u00a0\u2013 twice.";
    const QuoteLocation found = locate_quote(text, "said \"never\" - twice", {}, QuoteMatching::Loose);
    REQUIRE(found.span);
    CHECK(found.exact_quote == "said \u201cnever\u201d\u00a0\u2013 twice");
    CHECK(found.span->begin == 3);
    CHECK(found.span->end == text.size() - 1);
    CHECK_FALSE(locate_quote(text, "said \"never\" - twice").span);
}

TEST_CASE("A loose quote that matches two places is not placed, and an exact match needs no loose one") {
    CHECK(locate_quote("it\u2019s it's", "it's", {}, QuoteMatching::Loose).span);  // the exact one wins
    CHECK(locate_quote("x\u2019s and x\u2018s", "x's", {}, QuoteMatching::Loose).note ==
          "the quote matches several places loosely; make it longer");
}

TEST_CASE("Filling a deck's spans fixes wrong ones, counts them, and names quotes that are not there") {
    Deck deck;
    deck.articles.push_back({"a", "a.txt", "Head", "", "", "Head\n\nThe valley is far.\n", "", ""});
    deck.articles.push_back({"b", "b.txt", "Other", "", "", "Other\n\nIt is near.\n", "", ""});
    Claim claim;
    claim.id = "c1";
    claim.article = "a";
    claim.quote = "valley is far";
    claim.evidence.push_back({"b", "is near", {0, 0}, Stance::Contradicts});
    deck.claims.push_back(claim);
    claim.id = "c2";
    claim.quote = "valley is close";
    claim.evidence.clear();
    deck.claims.push_back(claim);
    const SpanRepair repair = fill_spans(deck, "d.json");
    CHECK(repair.changed == 2);
    CHECK(deck.claims[0].span.begin == 10);
    CHECK(deck.claims[0].span.end == 23);
    CHECK(deck.claims[0].evidence[0].span.begin == 10);
    REQUIRE(repair.problems.size() == 1);
    CHECK(repair.problems[0].describe() ==
          "d.json: claim \"c2\", field \"quote\": the quote is not in the article word for word");
    CHECK(fill_spans(deck, "d.json").changed == 0);
}
