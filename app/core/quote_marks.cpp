#include "quote_marks.hpp"

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

std::vector<std::string_view> quotes_of(const Claim& claim) {
    std::vector<std::string_view> quotes{claim.quote};
    for (const Evidence& evidence : claim.evidence) quotes.push_back(evidence.quote);
    return quotes;
}

}  // namespace claimdeck
