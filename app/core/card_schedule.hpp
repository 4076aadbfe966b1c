// What one graded answer does to a card's schedule. Shared by study sessions
// and by quizzes the learner lets count towards their schedule, so both move
// cards the same way.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "fsrs.hpp"
#include "store.hpp"

namespace claimdeck {

// The card's state after an answer graded `grade` at `now_ms`; `before` is
// its state until then (nullopt: a new card).
CardState schedule_card(const fsrs::Scheduler& scheduler, const std::string& card_id,
                        const std::optional<CardState>& before, fsrs::Rating grade, std::int64_t now_ms);

}  // namespace claimdeck
