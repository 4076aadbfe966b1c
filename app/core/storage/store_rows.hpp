// Rows of the store's tables as the core's types, for the store and for
// reading back a damaged one (salvage.cpp). Internal to app/core/storage.
#pragma once

#include "storage/sqlite.hpp"
#include "storage/store.hpp"

namespace claimdeck {

// The columns read_review() reads, in its order.
inline constexpr const char* kReviewColumns =
    "id, uid, profile_id, session_id, deck_id, card_id, article_id, kind, reviewed_ms, truth, picked, confidence, "
    "correct, response_ms, hint_used, grade, stability, difficulty, due_ms";
Review read_review(const sql::Statement& row);

// The columns of a card state from `first` on, in the order
// card_id, stability, difficulty, due_ms, last_review_ms, first_review_ms, reps, lapses.
CardState read_card_state(const sql::Statement& row, int first);

}  // namespace claimdeck
