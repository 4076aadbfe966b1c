#include <doctest/doctest.h>

#include "content/source_search.hpp"

using namespace claimdeck;

namespace {

Deck three_articles() {
    Deck deck;
    deck.articles.push_back(
        {"own", "own.txt", "The card's own", "", "", "The valley held out.\n\nNo pass fell.", "", ""});
    deck.articles.push_back({"wire", "wire.txt", "Wire report", "", "",
                             "Taliban fighters entered the Panjshir Valley.\n\nThe Khawak Pass was taken on "
                             "Monday.\n\nResistance leaders denied it.",
                             "", ""});
    deck.articles.push_back({"blog", "blog.txt", "A blog", "", "",
                             "Fighters at the Khawak pass did not advance even a kilometre.", "", ""});
    deck.index();
    return deck;
}

std::string quoted(const SourcePassage& passage) {
    return passage.article->text.substr(passage.span.begin, passage.span.end - passage.span.begin);
}

}  // namespace

TEST_CASE("a search finds each paragraph of the other articles holding every word, in any case") {
    const Deck deck = three_articles();
    const std::vector<SourcePassage> found = search_sources(deck, "khawak PASS", "own");
    REQUIRE(found.size() == 2);
    CHECK(found[0].article->id == "wire");
    CHECK(quoted(found[0]) == "The Khawak Pass was taken on Monday.");
    CHECK(found[1].article->id == "blog");
    CHECK(quoted(found[1]) == "Fighters at the Khawak pass did not advance even a kilometre.");
}

TEST_CASE("a paragraph missing one of the words is not found, nor is the card's own article") {
    const Deck deck = three_articles();
    CHECK(search_sources(deck, "Khawak Monday denied", "own").empty());
    // "pass" is in the card's own article too, which the hint already shows.
    for (const SourcePassage& passage : search_sources(deck, "pass", "own")) CHECK(passage.article->id != "own");
    CHECK(search_sources(deck, "pass", "").front().article->id == "own");
}

TEST_CASE("a search with no word of two letters or more finds nothing") {
    const Deck deck = three_articles();
    CHECK(search_words("  a , ? ").empty());
    CHECK(search_sources(deck, "a ?", "").empty());
    CHECK(search_words("Panjshir's 50-km \u201cpass\u201d") ==
          std::vector<std::string>{"panjshir", "50", "km", "pass"});
    CHECK(search_words("Pa\u00f1jshir \u2014 caf\u00e9") == std::vector<std::string>{"pa\u00f1jshir", "caf\u00e9"});
}

TEST_CASE("a search as wide as a single common word stops at the most passages shown") {
    Deck deck;
    std::string text;
    for (std::size_t i = 0; i < kMostSourcePassages + 10; ++i) text += "the valley " + std::to_string(i) + "\n\n";
    deck.articles.push_back({"long", "long.txt", "Long", "", "", text, "", ""});
    deck.index();
    const std::vector<SourcePassage> found = search_sources(deck, "the", "");
    REQUIRE(found.size() == kMostSourcePassages);
    CHECK(quoted(found.front()) == "the valley 0");
}
