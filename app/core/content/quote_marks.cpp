#include "content/quote_marks.hpp"

#include <algorithm>
#include <set>

namespace claimdeck {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

std::vector<Span> sorted_and_merged(std::vector<Span> spans) {
    std::sort(spans.begin(), spans.end(), [](Span a, Span b) { return a.begin < b.begin; });
    std::vector<Span> merged;
    for (Span span : spans) {
        if (!merged.empty() && span.begin <= merged.back().end)
            merged.back().end = std::max(merged.back().end, span.end);
        else
            merged.push_back(span);
    }
    return merged;
}

// The value a figure stands for, so "1,000" and "1000" compare equal.
std::string value_of(std::string_view text, Span span) {
    std::string value;
    for (std::size_t i = span.begin; i < span.end; ++i)
        if (is_digit(text[i]) || text[i] == '.') value += text[i];
    return value;
}

std::set<std::string> values_in(std::string_view text) {
    std::set<std::string> values;
    for (Span span : find_numbers(text)) values.insert(value_of(text, span));
    return values;
}

bool is_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// Words that end a figure's phrase rather than say what it counts.
bool is_linking_word(std::string_view word) {
    static const std::set<std::string_view> linking = {
        "a",     "after", "against", "an",  "and",  "are", "as",   "at",   "before", "by",
        "for",   "from",  "had",     "has", "have", "in",  "is",   "of",   "on",     "or",
        "since", "than",  "that",    "the", "to",   "was", "were", "when", "with"};
    std::string lower(word);
    for (char& c : lower) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    return linking.count(lower) > 0;
}

// "40 Taliban fighters" from "at least 40 Taliban fighters were killed": the
// figure and up to two words that say what it counts, written with or
// without a space ("80km"); a percent sign is kept ("50%").
std::string figure_phrase(std::string_view text, Span figure) {
    constexpr int kMostWords = 2;
    std::size_t end = figure.end;
    if (end < text.size() && text[end] == '%') ++end;
    for (int words = 0; words < kMostWords && end < text.size(); ++words) {
        const std::size_t word = text[end] == ' ' ? end + 1 : end;
        std::size_t word_end = word;
        while (word_end < text.size() && (is_letter(text[word_end]) || text[word_end] == '-')) ++word_end;
        if (word_end == word || is_linking_word(text.substr(word, word_end - word))) break;
        end = word_end;
    }
    return std::string(text.substr(figure.begin, end - figure.begin));
}

}  // namespace

std::vector<Span> find_words(std::string_view text, const std::vector<std::string>& words) {
    std::vector<Span> spans;
    for (const std::string& word : words) {
        if (word.empty()) continue;
        for (std::size_t at = text.find(word); at != std::string_view::npos; at = text.find(word, at + word.size()))
            spans.push_back({at, at + word.size()});
    }
    return sorted_and_merged(std::move(spans));
}

std::vector<Span> find_numbers(std::string_view text) {
    std::vector<Span> spans;
    std::size_t i = 0;
    while (i < text.size()) {
        if (!is_digit(text[i])) {
            ++i;
            continue;
        }
        Span span{i, i};
        while (i < text.size() && (is_digit(text[i]) || ((text[i] == ',' || text[i] == '.') && i + 1 < text.size() &&
                                                         is_digit(text[i + 1]))))
            ++i;
        if (i < text.size() && text[i] == '+') ++i;
        span.end = i;
        spans.push_back(span);
    }
    return spans;
}

std::vector<std::vector<Span>> differing_numbers(const std::vector<std::string_view>& quotes) {
    // Only quotes that give figures take part: a source that names no number
    // does not disagree with one that does.
    std::vector<std::set<std::string>> stated;
    for (std::string_view quote : quotes)
        if (auto values = values_in(quote); !values.empty()) stated.push_back(std::move(values));

    std::vector<std::vector<Span>> marks(quotes.size());
    if (stated.size() < 2) return marks;
    for (std::size_t q = 0; q < quotes.size(); ++q) {
        for (Span span : find_numbers(quotes[q])) {
            const std::string value = value_of(quotes[q], span);
            bool everywhere = std::all_of(stated.begin(), stated.end(),
                                          [&](const std::set<std::string>& other) { return other.count(value) > 0; });
            if (!everywhere) marks[q].push_back(span);
        }
    }
    return marks;
}

std::string figures_across_sources(const std::vector<std::string_view>& quotes,
                                   const std::vector<std::vector<Span>>& marks) {
    std::string line;
    for (std::size_t q = 0; q < quotes.size() && q < marks.size(); ++q) {
        std::vector<std::string> figures;
        for (Span span : marks[q]) {
            std::string figure = figure_phrase(quotes[q], span);
            if (std::find(figures.begin(), figures.end(), figure) == figures.end()) figures.push_back(figure);
        }
        if (figures.empty()) continue;
        line += line.empty() ? "" : " \u00B7 ";
        for (std::size_t i = 0; i < figures.size(); ++i) line += (i == 0 ? "" : ", ") + figures[i];
    }
    return line;
}

std::vector<std::string_view> quotes_of(const Claim& claim) {
    std::vector<std::string_view> quotes{claim.quote};
    for (const Evidence& evidence : claim.evidence) quotes.push_back(evidence.quote);
    return quotes;
}

}  // namespace claimdeck
