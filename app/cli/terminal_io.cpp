#include "terminal_io.hpp"

#include <iostream>

#include "base/printable.hpp"
#include "content/source_search.hpp"

namespace claimdeck::cli {

std::string Terminal::bold(const std::string& text) const { return styled("1", text); }

std::string Terminal::dim(const std::string& text) const { return styled("2", text); }

std::string Terminal::verdict(Verdict verdict, const std::string& text) const {
    // Blue, orange-yellow and magenta: told apart with any common colour blindness.
    static const char* const codes[] = {"1;34", "1;33", "1;35"};
    return styled(codes[index_of(verdict)], text);
}

// The styled text comes from decks and quiz files, so it is made printable
// here, where our own escape sequences are added around it.
std::string Terminal::styled(const char* code, const std::string& text) const {
    const std::string shown = printable(text);
    return plain_ ? shown : "\x1b[" + std::string(code) + "m" + shown + "\x1b[0m";
}

std::optional<std::string> read_choice() {
    std::string line;
    while (std::getline(std::cin, line)) {
        auto start = line.find_first_not_of(" \t\r");
        if (start == std::string::npos) continue;
        auto end = line.find_last_not_of(" \t\r");
        return line.substr(start, end - start + 1);
    }
    return std::nullopt;
}

std::optional<Verdict> verdict_for(const std::string& choice) {
    if (choice == "1") return Verdict::Verified;
    if (choice == "2") return Verdict::Contested;
    if (choice == "3") return Verdict::Propaganda;
    return parse_verdict(choice);
}

std::optional<Confidence> ask_confidence() {
    std::cout << "How sure? 1 50 %  2 70 %  3 90 %\n" << std::flush;
    while (std::optional<std::string> choice = read_choice()) {
        if (*choice == "q") return std::nullopt;
        if (*choice == "1" || *choice == "2" || *choice == "3")
            return kStatedConfidences[static_cast<std::size_t>(choice->front() - '1')];
        std::cout << "Type 1, 2 or 3.\n" << std::flush;
    }
    return std::nullopt;
}

bool is_source_search(const std::string& choice) { return choice == "s" || choice.rfind("s ", 0) == 0; }

void print_other_sources(const Terminal& term, const Deck& deck, const Claim& claim, const std::string& words) {
    const std::vector<SourcePassage> found = search_sources(deck, words, claim.article);
    if (search_words(words).empty())
        std::cout << "Type s and a word or two, e.g. s Khawak Pass.\n";
    else if (found.empty())
        std::cout << "No paragraph of the other articles holds all of these words. Try fewer, or other ones.\n";
    for (const SourcePassage& passage : found)
        std::cout << "\n"
                  << term.bold(printable(passage.article->title)) << "\n"
                  << printable(passage.article->text.substr(passage.span.begin, passage.span.end - passage.span.begin))
                  << "\n";
    if (found.size() == kMostSourcePassages) std::cout << "(the first " << found.size() << " shown: add a word)\n";
    std::cout << std::flush;
}

}  // namespace claimdeck::cli
