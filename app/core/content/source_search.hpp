// Lateral reading inside a deck: before answering a card, the learner looks
// up what the deck's other articles say, as a fact-checker leaves the page
// to read what other sources say about it. A search finds the paragraphs
// that hold every word typed; a result names its article and quotes the
// paragraph, and never says what it means for any claim (no stance, no
// verdict), so looking gives no answer away.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "content/deck.hpp"

namespace claimdeck {

struct SourcePassage {
    const Article* article = nullptr;  // into the deck searched
    Span span;                         // the paragraph, as bytes of the article's text
};

// At most this many passages come back: a search as vague as "the" should
// be narrowed, not scrolled through.
inline constexpr std::size_t kMostSourcePassages = 25;

// The words of a search, lower-cased (ASCII letters only; other UTF-8 is
// kept as typed). A word is a run of letters, digits and non-ASCII
// characters other than punctuation; words of one character are dropped,
// as they match nearly everything.
std::vector<std::string> search_words(std::string_view typed);

// The paragraphs of every article but `left_out` (the card's own, whose
// paragraph the hint shows) that contain every word of `typed`, in the
// deck's order of articles, then of paragraphs. Empty when `typed` has no
// words.
std::vector<SourcePassage> search_sources(const Deck& deck, std::string_view typed, std::string_view left_out);

}  // namespace claimdeck
