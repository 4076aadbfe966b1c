// Decks built in memory for tests and benchmarks.
#pragma once

#include <string>

#include "content/deck.hpp"

namespace claimdeck::testing {

// `count` claims c0, c1, ... from one article "a": claim i has the topic
// t<i % topics> and the verdict kAllVerdicts[(i / verdict_run) % 3], so
// verdict_run > 1 gives runs of one verdict across changing topics.
inline Deck sample_deck(int count, int topics = 3, int verdict_run = 1, std::string deck_id = "deck") {
    Deck deck;
    deck.id = std::move(deck_id);
    deck.articles.push_back({"a", "a.txt", "Article A", "", "", "text", "", ""});
    for (int i = 0; i < count; ++i) {
        Claim claim;
        claim.id = "c" + std::to_string(i);
        claim.article = "a";
        claim.text = "claim " + std::to_string(i);
        claim.topic = "t" + std::to_string(i % topics);
        claim.verdict = kAllVerdicts[static_cast<std::size_t>(i / verdict_run % 3)];
        deck.claims.push_back(claim);
    }
    deck.index();
    return deck;
}

}  // namespace claimdeck::testing
