// A learner's technique cards on one deck (learning/technique_cards.hpp):
// when one comes into their study session, the card on screen, and what its
// answer does to its schedule and their figures. StudyApp keeps one for the
// chosen learner; it reads the store when made and writes each answer.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "content/deck.hpp"
#include "learning/session.hpp"
#include "learning/study_settings.hpp"
#include "learning/technique_cards.hpp"
#include "storage/store.hpp"

namespace claimdeck {

class TechniquePractice {
public:
    // Reads the learner's technique cards' states and figures. Throws StoreError.
    TechniquePractice(const Deck& deck, ProgressStore& store, Profile profile, Clock clock);

    // A claim of the deck was answered in a study session, or that answer
    // was undone.
    void claim_answered(const std::string& claim_id) { answered_since_last_card_.push_back(claim_id); }
    void claim_taken_back(const std::string& claim_id);
    // After a claim's reveal: puts a technique card on screen when the
    // settings allow one, the learner has seen enough claims, enough were
    // answered since the last one, and one is due or new. True when it did.
    bool offer(const StudySettings& settings, const std::map<std::string, CardState>& claim_states, std::uint64_t seed);
    // The card on screen, or nullptr.
    const TechniqueQuestion* question() const { return question_ ? &*question_ : nullptr; }
    // Grades the answer to the card on screen and writes it to the store.
    // Throws nothing on a store fault: the outcome says the answer was not
    // saved. Nothing happens (a default outcome) without a card on screen.
    TechniqueOutcome answer(std::string_view picked, const std::vector<bool>& picked_words);
    // The card on screen is put away unanswered (the session ended).
    void put_away() { question_.reset(); }

    TechniqueFigures figures() const { return technique_figures(tallies_); }

private:
    void count(const TechniqueOutcome& outcome);

    const Deck& deck_;
    ProgressStore& store_;
    Profile profile_;
    Clock clock_;
    std::vector<TechniqueCard> cards_;
    std::map<std::string, CardState> states_;
    std::vector<TechniqueTally> tallies_;
    std::optional<TechniqueQuestion> question_;
    double desired_retention_ = kDesiredRetention.fallback;
    std::int64_t shown_at_ms_ = 0;
    std::vector<std::string> answered_since_last_card_;  // claim ids, a claim twice if it came back
};

}  // namespace claimdeck
