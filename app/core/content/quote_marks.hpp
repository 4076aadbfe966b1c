// Which parts of a quote the reveal makes stand out: the words that carry a
// propaganda technique, and the figures on which the sources disagree.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "content/deck.hpp"

namespace claimdeck {

// Every occurrence of each of `words` in `text`, sorted, overlaps merged.
std::vector<Span> find_words(std::string_view text, const std::vector<std::string>& words);

// The figures in a text: runs of digits, with the separators inside them
// ("1,000", "2.5"), plus a directly following "+" ("50+").
std::vector<Span> find_numbers(std::string_view text);

// For each quote, the figures whose value is missing from another quote that
// gives figures: "over 50" beside "at least 40" marks both, "80km" beside
// "80 kilometres" marks neither, and a quote with no figures disagrees with
// nothing. Fewer than two quotes with figures: nothing is marked.
std::vector<std::vector<Span>> differing_numbers(const std::vector<std::string_view>& quotes);

// The figures `marks` picks out of `quotes`, each with the words after it
// that say what it counts, one group a quote in order: "50 men · 40 Taliban
// fighters, 35 more injured · 350 casualties". Empty when nothing is marked.
std::string figures_across_sources(const std::vector<std::string_view>& quotes,
                                   const std::vector<std::vector<Span>>& marks);

// The quotes of a claim, its own first and then its evidence in order.
std::vector<std::string_view> quotes_of(const Claim& claim);

}  // namespace claimdeck
