// The terminal conventions `study` and `quiz take` share: colours that
// --plain turns off, and one answer per line (1/2/3 for the verdict, then
// 1/2/3 for the confidence, q to quit), so scripts can drive both alike.
#pragma once

#include <optional>
#include <string>

#include "base/verdict.hpp"
#include "content/deck.hpp"

namespace claimdeck::cli {

class Terminal {
public:
    explicit Terminal(bool plain) : plain_(plain) {}
    bool plain() const { return plain_; }
    // Each makes `text` printable() first: it may come from a shared deck.
    std::string bold(const std::string& text) const;
    std::string dim(const std::string& text) const;
    // Each verdict in its own colour.
    std::string verdict(Verdict verdict, const std::string& text) const;

private:
    std::string styled(const char* code, const std::string& text) const;
    bool plain_;
};

// Reads one non-empty line, trimmed; nullopt at the end of input.
std::optional<std::string> read_choice();

// "1", "2", "3" or a verdict's name.
std::optional<Verdict> verdict_for(const std::string& choice);

// Asks for the confidence; nullopt when input ended or the learner quit.
std::optional<Confidence> ask_confidence();

// "s WORDS" on a card: lateral reading, as the app's Check other sources.
// True when `choice` is such a request; `words` is what follows the s.
bool is_source_search(const std::string& choice);
// Prints each paragraph of the other articles than `claim`'s that holds
// every word, whole, with its article, and never what it means for the
// claim. The caller notes the search in its lateral reading log.
void print_other_sources(const Terminal& term, const Deck& deck, const Claim& claim, const std::string& words);

}  // namespace claimdeck::cli
