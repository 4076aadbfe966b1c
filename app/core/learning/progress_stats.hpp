// A learner's scorecard over their whole history, read from the store.
#pragma once

#include <cstdint>

#include "learning/scoring.hpp"
#include "storage/store.hpp"

namespace claimdeck {

// Scores every answer the profile ever gave (study and quiz alike).
ScoreAccumulator load_score(ProgressStore& store, std::int64_t profile_id);

}  // namespace claimdeck
