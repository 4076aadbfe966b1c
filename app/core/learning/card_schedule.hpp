// What one graded answer does to a card's schedule. Shared by study sessions
// and by quizzes the learner lets count towards their schedule, so both move
// cards the same way.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "content/deck.hpp"
#include "learning/fsrs.hpp"
#include "storage/store.hpp"

namespace claimdeck {

// The scheduler a learner's cards are moved by: FSRS-6's default weights
// and their desired retention.
fsrs::Scheduler scheduler_for(double desired_retention);

// The card's state after an answer graded `grade` at `now_ms`; `before` is
// its state until then (nullopt: a new card).
CardState schedule_card(const fsrs::Scheduler& scheduler, const std::string& card_id,
                        const std::optional<CardState>& before, fsrs::Rating grade, std::int64_t now_ms);

// The log entry for an answer about `claim`: whose, where, when, what was
// said and its grade. The caller adds timing, hint and the new card state.
Review review_of_answer(const Claim& claim, const std::string& deck_id, std::int64_t profile_id,
                        std::int64_t session_id, ReviewKind kind, std::int64_t now_ms, Verdict picked,
                        Confidence confidence);

}  // namespace claimdeck
