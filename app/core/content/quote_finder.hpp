// Finding a quote in its article: how spans are filled in, never counted by
// hand (FORMAT.md, "Spans"). `claimdeck-cli deck spans` and the importers use
// it; an editor writes the quote and this finds where it stands.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/problems.hpp"

#include "content/deck.hpp"

namespace claimdeck {

struct QuoteLocation {
    std::optional<Span> span;  // unset when the quote could not be placed
    std::string exact_quote;   // the article's own bytes at the span
    std::string note;          // why it was not placed, or what to look at; "" when neither
};

enum class QuoteMatching {
    Exact,
    // Also a quote that differs from the article only in runs of spaces
    // (ordinary or no-break), straight or curly quotation marks and
    // apostrophes, or hyphens and dashes: a retyped quote.
    Loose,
};

// Where `quote` stands in `text`. A quote found more than once keeps
// `previous` when that is one of the places, otherwise takes the first and
// says so.
QuoteLocation locate_quote(std::string_view text, std::string_view quote, Span previous = {},
                           QuoteMatching matching = QuoteMatching::Exact);

struct SpanRepair {
    int changed = 0;                // quotes and spans rewritten
    std::vector<Problem> problems;  // quotes that could not be placed
    std::vector<Problem> notes;     // placed, but worth a look
};

// Places every quote of the deck (claims' and evidence's) in its article and
// sets its span, and with Loose matching its quote to the article's bytes.
// Article texts must be filled in.
SpanRepair fill_spans(Deck& deck, const std::string& file, QuoteMatching matching = QuoteMatching::Exact);

}  // namespace claimdeck
