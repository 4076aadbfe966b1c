#include "content/source_search.hpp"

#include <algorithm>

namespace claimdeck {
namespace {

bool is_word_byte(unsigned char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || c >= 0x80; }

unsigned char lower(unsigned char c) { return c >= 'A' && c <= 'Z' ? static_cast<unsigned char>(c - 'A' + 'a') : c; }

std::string lowered(std::string_view text) {
    std::string result(text);
    std::transform(result.begin(), result.end(), result.begin(),
                   [](char c) { return static_cast<char>(lower(static_cast<unsigned char>(c))); });
    return result;
}

// Each paragraph of `text` (separated by blank lines), as a span.
std::vector<Span> paragraphs(std::string_view text) {
    std::vector<Span> found;
    std::size_t begin = 0;
    while (begin < text.size()) {
        std::size_t end = text.find("\n\n", begin);
        if (end == std::string_view::npos) end = text.size();
        if (end > begin) found.push_back({begin, end});
        begin = end + 2;
    }
    return found;
}

bool holds_every_word(std::string_view lowered_text, const std::vector<std::string>& words) {
    return std::all_of(words.begin(), words.end(),
                       [&](const std::string& word) { return lowered_text.find(word) != std::string_view::npos; });
}

// Typographic punctuation is UTF-8 of two or three bytes, which would
// otherwise be read as letters: a pasted “pass” would then look for the
// quotes too. U+2000 to U+206F (dashes, curly quotes, the ellipsis), and
// the no-break space and guillemets, become spaces.
std::string without_typographic_punctuation(std::string_view text) {
    std::string kept;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto byte = [&](std::size_t at) { return at < text.size() ? static_cast<unsigned char>(text[at]) : 0; };
        if (byte(i) == 0xE2 && (byte(i + 1) == 0x80 || byte(i + 1) == 0x81)) {
            kept += ' ';
            i += 2;
        } else if (byte(i) == 0xC2 && (byte(i + 1) == 0xA0 || byte(i + 1) == 0xAB || byte(i + 1) == 0xBB)) {
            kept += ' ';
            i += 1;
        } else {
            kept += text[i];
        }
    }
    return kept;
}

}  // namespace

std::vector<std::string> search_words(std::string_view typed) {
    std::vector<std::string> words;
    std::string word;
    for (char c : lowered(without_typographic_punctuation(typed))) {
        if (is_word_byte(static_cast<unsigned char>(c))) {
            word += c;
            continue;
        }
        if (word.size() > 1) words.push_back(word);
        word.clear();
    }
    if (word.size() > 1) words.push_back(word);
    return words;
}

std::vector<SourcePassage> search_sources(const Deck& deck, std::string_view typed, std::string_view left_out) {
    const std::vector<std::string> words = search_words(typed);
    std::vector<SourcePassage> passages;
    if (words.empty()) return passages;
    for (const Article& article : deck.articles) {
        if (article.id == left_out) continue;
        const std::string text = lowered(article.text);
        for (const Span& paragraph : paragraphs(text)) {
            if (!holds_every_word(std::string_view(text).substr(paragraph.begin, paragraph.end - paragraph.begin),
                                  words))
                continue;
            passages.push_back({&article, paragraph});
            if (passages.size() == kMostSourcePassages) return passages;
        }
    }
    return passages;
}

}  // namespace claimdeck
