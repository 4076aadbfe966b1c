// Rows of the store's tables as the core's types, for the store and for
// reading back a damaged one (salvage.cpp). Internal to app/core/storage.
#pragma once

#include <string>

#include "storage/sqlite.hpp"
#include "storage/store.hpp"

namespace claimdeck {

// The columns read_review() reads, in its order. A store older than
// version 3 kept no lateral reading: there `lateral_columns` false reads it
// as none (salvage reads a damaged store as it is, without migrating it).
std::string review_columns(bool lateral_columns = true);
Review read_review(const sql::Statement& row);

// The same for a technique card's answer (from version 4 on), its id first.
extern const char* const kTechniqueReviewColumns;
TechniqueReview read_technique_review(const sql::Statement& row);

// The columns of a card state from `first` on, in the order
// card_id, stability, difficulty, due_ms, last_review_ms, first_review_ms, reps, lapses.
CardState read_card_state(const sql::Statement& row, int first);

}  // namespace claimdeck
