#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "content/quote_marks.hpp"

using namespace claimdeck;

namespace {

std::vector<std::string> texts_of(std::string_view text, const std::vector<Span>& spans) {
    std::vector<std::string> texts;
    for (Span span : spans) texts.emplace_back(text.substr(span.begin, span.end - span.begin));
    return texts;
}

}  // namespace

TEST_CASE("figures are digit runs with their separators and a trailing plus") {
    const std::string text = "over 50+ men, 1,000 rounds, 2.5 km, 80km north; in 2021.";
    CHECK(texts_of(text, find_numbers(text)) == std::vector<std::string>{"50+", "1,000", "2.5", "80", "2021"});
    CHECK(find_numbers("no figures here").empty());
}

TEST_CASE("figures that not every source gives are marked") {
    const std::string claim = "the Taliban lost over 50 men";
    const std::string first = "at least 40 Taliban fighters were killed and around 35 more injured";
    const std::string second = "Taliban has 350 casualties, more than 40 captured";
    auto marks = differing_numbers({claim, first, second});
    REQUIRE(marks.size() == 3);
    CHECK(texts_of(claim, marks[0]) == std::vector<std::string>{"50"});
    CHECK(texts_of(first, marks[1]) == std::vector<std::string>{"40", "35"});
    CHECK(texts_of(second, marks[2]) == std::vector<std::string>{"350", "40"});
}

TEST_CASE("a decimal point is part of a figure: 1.5 million and 15 million disagree") {
    const std::string first = "1.5 million people fled";
    const std::string second = "15 million people fled";
    auto marks = differing_numbers({first, second});
    REQUIRE(marks.size() == 2);
    CHECK(texts_of(first, marks[0]) == std::vector<std::string>{"1.5"});
    CHECK(texts_of(second, marks[1]) == std::vector<std::string>{"15"});
    const std::vector<std::string_view> quotes{first, second};
    CHECK(figures_across_sources(quotes, marks) == "1.5 million people \u00B7 15 million people");
}

TEST_CASE("figures every source agrees on, or that only one source gives, are not marked") {
    const std::string a = "The valley lies 80km north of Kabul.";
    const std::string b = "It is 80 kilometres from the capital.";
    const std::string c = "The capital is to the south.";
    for (const auto& marks : differing_numbers({a, b, c})) CHECK(marks.empty());
    for (const auto& marks : differing_numbers({a, c})) CHECK(marks.empty());
    CHECK(differing_numbers({"1,000 men"}).at(0).empty());
    CHECK(differing_numbers({"1,000 men", "1000 men"}).at(0).empty());
}

TEST_CASE("technique words are found wherever they occur, overlaps merged") {
    const std::string quote = "hyenas and more hyenas slaying hyenas";
    CHECK(texts_of(quote, find_words(quote, {"hyenas"})) == std::vector<std::string>{"hyenas", "hyenas", "hyenas"});
    CHECK(texts_of(quote, find_words(quote, {"more hyenas", "hyenas slaying"})) ==
          std::vector<std::string>{"more hyenas slaying"});
    CHECK(find_words(quote, {""}).empty());
}

TEST_CASE("the figures across sources name each marked figure with the word after it, source by source") {
    const std::string claim = "the Taliban lost over 50 men";
    const std::string first = "at least 40 Taliban fighters were killed and around 35 more injured";
    const std::string second = "Taliban has 350 casualties, more than 40 captured; 40 captured in all";
    const std::string silent = "no figures here";
    const std::vector<std::string_view> quotes{claim, first, silent, second};
    CHECK(figures_across_sources(quotes, differing_numbers(quotes)) ==
          "50 men \u00B7 40 Taliban fighters, 35 more injured \u00B7 350 casualties, 40 captured");
    CHECK(figures_across_sources({"80km north of Kabul", "a 50% share", "in 1996 and 2001"},
                                 {{{0, 2}}, {{2, 4}}, {{3, 7}, {12, 16}}}) ==
          "80km north \u00B7 50% share \u00B7 1996, 2001");
    CHECK(figures_across_sources({"80km north", "80 kilometres"}, differing_numbers({"80km north", "80 kilometres"}))
              .empty());
}
