#include "content/quote_finder.hpp"

#include <vector>

#include "base/text_file.hpp"

namespace claimdeck {

namespace {

// What one character of a quote matches when matching loosely.
enum class Loose { Literal, Spaces, SingleQuote, DoubleQuote, Dash };

struct LooseToken {
    Loose kind = Loose::Literal;
    std::string_view bytes;  // the character itself, for Literal
};

std::size_t utf8_length(unsigned char lead) {
    if (lead >= 0xf0) return 4;
    if (lead >= 0xe0) return 3;
    if (lead >= 0xc0) return 2;
    return 1;
}

std::string_view character_at(std::string_view text, std::size_t at) {
    return text.substr(at, utf8_length(static_cast<unsigned char>(text[at])));
}

Loose kind_of(std::string_view character) {
    if (character == " " || character == "\u00a0") return Loose::Spaces;
    if (character == "'" || character == "\u2018" || character == "\u2019") return Loose::SingleQuote;
    if (character == "\"" || character == "\u201c" || character == "\u201d") return Loose::DoubleQuote;
    if (character == "-" || character == "\u2013" || character == "\u2014") return Loose::Dash;
    return Loose::Literal;
}

// A run of spaces in the quote becomes one token that matches any run.
std::vector<LooseToken> loose_tokens(std::string_view quote) {
    std::vector<LooseToken> tokens;
    for (std::size_t at = 0; at < quote.size();) {
        const std::string_view character = character_at(quote, at);
        at += character.size();
        const Loose kind = kind_of(character);
        if (kind == Loose::Spaces && !tokens.empty() && tokens.back().kind == Loose::Spaces) continue;
        tokens.push_back({kind, character});
    }
    return tokens;
}

// The end of the match of `tokens` at `at`, or npos. Greedy runs of spaces
// need no backtracking: the token after a run is never a space.
std::size_t loose_match_end(std::string_view text, std::size_t at, const std::vector<LooseToken>& tokens) {
    for (const LooseToken& token : tokens) {
        if (at >= text.size()) return std::string_view::npos;
        std::string_view character = character_at(text, at);
        if (token.kind == Loose::Literal ? character != token.bytes : kind_of(character) != token.kind)
            return std::string_view::npos;
        at += character.size();
        while (token.kind == Loose::Spaces && at < text.size() && kind_of(character_at(text, at)) == Loose::Spaces)
            at += character_at(text, at).size();
    }
    return at;
}

bool is_character_start(std::string_view text, std::size_t at) {
    return (static_cast<unsigned char>(text[at]) & 0xc0) != 0x80;
}

QuoteLocation locate_loosely(std::string_view text, std::string_view quote) {
    const std::vector<LooseToken> tokens = loose_tokens(quote);
    std::optional<Span> first;
    int matches = 0;
    for (std::size_t at = 0; at < text.size() && matches < 2; ++at) {
        if (!is_character_start(text, at)) continue;
        const std::size_t end = loose_match_end(text, at, tokens);
        if (end == std::string_view::npos) continue;
        if (!first) first = Span{at, end};
        ++matches;
        at = end - 1;
    }
    if (matches == 0)
        return {std::nullopt, "", "the quote is not in the article, even allowing for spaces and quote marks"};
    if (matches > 1) return {std::nullopt, "", "the quote matches several places loosely; make it longer"};
    return {first, std::string(text.substr(first->begin, first->end - first->begin)),
            "the quote was retyped; it now has the article's own characters"};
}

bool stands_at(std::string_view text, std::string_view quote, std::size_t at) {
    return at <= text.size() && text.substr(at, quote.size()) == quote;
}

}  // namespace

QuoteLocation locate_quote(std::string_view text, std::string_view quote, Span previous, QuoteMatching matching) {
    if (quote.empty()) return {std::nullopt, "", "the quote is empty"};
    const std::size_t first = find_text(text, quote);
    if (first == std::string_view::npos) {
        if (matching == QuoteMatching::Loose) return locate_loosely(text, quote);
        return {std::nullopt, "", "the quote is not in the article word for word"};
    }
    const bool again = find_text(text.substr(first + 1), quote) != std::string_view::npos;
    if (!again) return {Span{first, first + quote.size()}, std::string(quote), ""};
    if (stands_at(text, quote, previous.begin) && previous.end == previous.begin + quote.size())
        return {previous, std::string(quote), ""};
    return {Span{first, first + quote.size()}, std::string(quote),
            "the quote occurs more than once; took the first (make it longer to be sure)"};
}

namespace {

class SpanFiller {
public:
    SpanFiller(const Deck& deck, std::string file, QuoteMatching matching)
        : deck_(deck), file_(std::move(file)), matching_(matching) {}

    void fill(const std::string& place, const std::string& article_id, std::string& quote, Span& span) {
        const Article* article = deck_.article(article_id);
        if (!article) {
            add_problem(repair_.problems, {file_, place, "\"" + article_id + "\" is not an article of this deck"});
            return;
        }
        QuoteLocation found = locate_quote(article->text, quote, span, matching_);
        if (!found.span) {
            add_problem(repair_.problems, {file_, place, found.note});
            return;
        }
        if (!found.note.empty()) add_problem(repair_.notes, {file_, place, found.note});
        if (found.span->begin == span.begin && found.span->end == span.end && found.exact_quote == quote) return;
        ++repair_.changed;
        span = *found.span;
        quote = std::move(found.exact_quote);
    }

    SpanRepair result() { return std::move(repair_); }

private:
    const Deck& deck_;
    std::string file_;
    QuoteMatching matching_;
    SpanRepair repair_;
};

std::string claim_place(const Claim& claim, const std::string& field) {
    return "claim \"" + claim.id + "\", field \"" + field + "\"";
}

}  // namespace

SpanRepair fill_spans(Deck& deck, const std::string& file, QuoteMatching matching) {
    deck.index();
    SpanFiller filler(deck, file, matching);
    for (Claim& claim : deck.claims) {
        filler.fill(claim_place(claim, "quote"), claim.article, claim.quote, claim.span);
        for (std::size_t i = 0; i < claim.evidence.size(); ++i) {
            Evidence& evidence = claim.evidence[i];
            filler.fill(claim_place(claim, "evidence[" + std::to_string(i) + "]"), evidence.article, evidence.quote,
                        evidence.span);
        }
    }
    return filler.result();
}

}  // namespace claimdeck
