// What a learner consults among the deck's other articles before answering
// one card ("Check other sources"). A study session and a class quiz each
// keep one, so an answer carries the same record wherever it was given.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "storage/store.hpp"

namespace claimdeck {

class LateralReadingLog {
public:
    // The learner went to the other sources, at `now_ms`.
    void begin(std::int64_t now_ms);
    // The results of a search were looked at (a paragraph opened from them,
    // or left on screen going back). The same words again count once.
    void note_search(const std::string& words);
    void note_passage_read() { ++consulted_.passages_read; }
    // Back to the card, at `now_ms`: the time among the sources is added.
    void end(std::int64_t now_ms);
    // A new card: nothing consulted yet.
    void clear() { *this = LateralReadingLog(); }

    const LateralReading& consulted() const { return consulted_; }

private:
    LateralReading consulted_;
    std::optional<std::int64_t> since_ms_;  // among the other sources since then
    std::string last_search_;               // its words, as search_words() reads them
};

}  // namespace claimdeck
