// Technique cards: the second kind of card, made from the deck's own
// techniques data. A claim's quote comes back with two questions: which
// technique is at work here (four of the 18 names), and which words carry
// it (tapped in the quote, scored by their overlap with the deck's
// `words`). The definitions of the four names come after the answer.
//
// They train the techniques themselves, apart from the verdicts: knowing
// what loaded language looks like is what lets a learner spot it in the
// next article. Each is an FSRS card of its own, with its own log.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "content/deck.hpp"
#include "learning/fsrs.hpp"
#include "storage/store.hpp"

namespace claimdeck {

// One technique at work in one claim's quote, with the words that carry it.
struct TechniqueCard {
    std::string id;               // "<claim id>#<technique name>": the claim's verdict cards never look like it
    std::size_t claim_index = 0;  // into deck.claims
    std::size_t use_index = 0;    // into that claim's techniques
};
// Every technique use of the deck that names its words; a use without words
// cannot ask the second question, so it makes no card.
std::vector<TechniqueCard> technique_cards(const Deck& deck);

// A word of the quote as the learner taps it, split at white space:
// whether it is part of the words that carry the technique asked about, or
// of another technique at work in the same quote.
struct QuoteWord {
    Span span;  // byte offsets into the quote
    bool carries = false;
    bool carries_another = false;  // and not this one
};
std::vector<QuoteWord> quote_words(std::string_view quote, const std::vector<std::string>& carrying,
                                   const std::vector<std::string>& carrying_others = {});

// How well the words picked match the words that carry the technique: the
// F1 score of the two sets, 1 for exactly those, 0 for none of them. Both
// too few and too many cost: tapping every word is no way to score. Another
// technique's words count neither way: they do carry something, only not
// the technique asked about.
double words_overlap(const std::vector<QuoteWord>& words, const std::vector<bool>& picked);

inline constexpr std::size_t kTechniqueChoices = 4;

// A card as asked: the quote, four names in a shuffled order (the one at
// work and three that are not at work anywhere in this quote) and its words.
// The three are drawn as often as the deck uses them, so the commonest name
// is as likely to be a wrong choice as a right one; names the deck never
// uses fill up only when it uses too few.
struct TechniqueQuestion {
    const Claim* claim = nullptr;
    const TechniqueUse* use = nullptr;
    std::string card_id;
    std::vector<std::string_view> choices;
    std::vector<QuoteWord> words;
};
TechniqueQuestion technique_question(const Deck& deck, const TechniqueCard& card, std::uint64_t seed);

// Again for the wrong name; for the right one, Good when at least half the
// words were found (overlap 0.5 or more), Hard when fewer.
fsrs::Rating technique_grade(bool named, double overlap);

// What an answer produced, for the card's reveal.
struct TechniqueOutcome {
    std::string picked;
    bool named = false;
    double overlap = 0;
    std::vector<bool> picked_words;
    fsrs::Rating grade = fsrs::Rating::Good;
    CardState new_state;
    std::string save_error;  // the store refused it; empty when saved
};

// When technique cards come into study: once the learner has seen this many
// claims of the deck, one after every few claims answered in a session.
inline constexpr int kClaimsSeenBeforeTechniqueCards = 10;
inline constexpr int kClaimsBetweenTechniqueCards = 3;
// New technique cards a day, unless the daily limit is off (a workshop).
inline constexpr int kNewTechniqueCardsPerDay = 5;

// Which technique card comes next, as an index into `cards`: the most
// overdue one first; else a new one, of a claim the learner has already
// answered (a technique card never shows a claim before its verdict card
// does: it would tell that the quote has techniques at work); else none.
// Claims in `just_answered` are left out: their reveal, with the words that
// carry each technique marked, was on screen a moment ago.
std::optional<std::size_t> choose_technique_card(const std::vector<TechniqueCard>& cards, const Deck& deck,
                                                 const std::map<std::string, CardState>& technique_states,
                                                 const std::map<std::string, CardState>& claim_states,
                                                 const std::set<std::string>& just_answered, bool daily_limit,
                                                 std::int64_t now_ms, std::uint64_t seed);

// "Named it 7 of 9 times", "found 78 % of its words": a learner's figures for
// the technique cards, all techniques together and per technique.
struct TechniqueFigures {
    int answers = 0;
    int named = 0;
    double mean_overlap = 0;                    // 0..1
    std::vector<TechniqueTally> per_technique;  // the most answered first
};
TechniqueFigures technique_figures(std::vector<TechniqueTally> tallies);
// For the learner: "You named the technique in 7 of 9 technique cards
// (78 %). The words you tapped matched the words that carry it by 64 %, on
// average.", or when to expect the first card, without answers yet.
std::string describe_technique_figures(const TechniqueFigures& figures);
// "Loaded Language: named 4 of 5, words matched 70 %".
std::string describe_technique_tally(const TechniqueTally& tally);

}  // namespace claimdeck
