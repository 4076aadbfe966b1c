#include "learning/technique_practice.hpp"

#include <algorithm>
#include <iterator>
#include <set>

#include "learning/card_schedule.hpp"

namespace claimdeck {

TechniquePractice::TechniquePractice(const Deck& deck, ProgressStore& store, Profile profile, Clock clock)
    : deck_(deck),
      store_(store),
      profile_(std::move(profile)),
      clock_(std::move(clock)),
      cards_(technique_cards(deck)),
      states_(store.technique_states(profile_.id, deck.id)),
      tallies_(store.technique_tallies(profile_.id, deck.id)) {}

bool TechniquePractice::offer(const StudySettings& settings, const std::map<std::string, CardState>& claim_states,
                              std::uint64_t seed) {
    if (!settings.technique_cards || static_cast<int>(claim_states.size()) < kClaimsSeenBeforeTechniqueCards ||
        static_cast<int>(answered_since_last_card_.size()) < kClaimsBetweenTechniqueCards)
        return false;
    // The last few claims' reveals are fresh in mind: their technique cards wait.
    const std::set<std::string> just_answered(answered_since_last_card_.end() - kClaimsBetweenTechniqueCards,
                                              answered_since_last_card_.end());
    const std::optional<std::size_t> next = choose_technique_card(cards_, deck_, states_, claim_states, just_answered,
                                                                  settings.daily_limit, clock_(), seed);
    if (!next) return false;
    question_ = technique_question(deck_, cards_[*next], seed);
    desired_retention_ = settings.desired_retention;
    shown_at_ms_ = clock_();
    answered_since_last_card_.clear();
    return true;
}

void TechniquePractice::claim_taken_back(const std::string& claim_id) {
    const auto last = std::find(answered_since_last_card_.rbegin(), answered_since_last_card_.rend(), claim_id);
    if (last != answered_since_last_card_.rend()) answered_since_last_card_.erase(std::next(last).base());
}

TechniqueOutcome TechniquePractice::answer(std::string_view picked, const std::vector<bool>& picked_words) {
    TechniqueOutcome outcome;
    if (!question_) return outcome;
    const std::int64_t now = clock_();
    outcome.picked = std::string(picked);
    outcome.named = picked == question_->use->name;
    outcome.picked_words = picked_words;
    outcome.picked_words.resize(question_->words.size());
    outcome.overlap = words_overlap(question_->words, outcome.picked_words);
    outcome.grade = technique_grade(outcome.named, outcome.overlap);

    const fsrs::Scheduler scheduler = scheduler_for(desired_retention_);
    const auto before = states_.find(question_->card_id);
    outcome.new_state = schedule_card(scheduler, question_->card_id,
                                      before == states_.end() ? std::nullopt : std::optional<CardState>(before->second),
                                      outcome.grade, now);
    TechniqueReview review;
    review.profile_id = profile_.id;
    review.deck_id = deck_.id;
    review.card_id = question_->card_id;
    review.reviewed_ms = now;
    review.technique = question_->use->name;
    review.picked = outcome.picked;
    review.words_overlap = outcome.overlap;
    review.response_ms = now - shown_at_ms_;
    review.grade = static_cast<int>(outcome.grade);
    review.stability = outcome.new_state.stability;
    review.difficulty = outcome.new_state.difficulty;
    review.due_ms = outcome.new_state.due_ms;
    try {
        store_.record_technique_review(review, outcome.new_state);
        states_[question_->card_id] = outcome.new_state;
        count(outcome);
    } catch (const StoreError& error) {
        outcome.save_error = error.what();
    }
    question_.reset();
    return outcome;
}

void TechniquePractice::count(const TechniqueOutcome& outcome) {
    const std::string& technique = question_->use->name;
    auto tally = std::find_if(tallies_.begin(), tallies_.end(),
                              [&](const TechniqueTally& each) { return each.technique == technique; });
    if (tally == tallies_.end()) tally = tallies_.insert(tallies_.end(), TechniqueTally{technique, 0, 0, 0});
    ++tally->answers;
    if (outcome.named) ++tally->named;
    tally->words_overlap_sum += outcome.overlap;
}

}  // namespace claimdeck
