// A learner's scorecard, read from the store: the one loader the app's
// statistics and `claimdeck-cli stats` share.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "learning/scoring.hpp"
#include "storage/store.hpp"

namespace claimdeck {

// Scores every answer the profile gave (study and quiz alike) on one deck,
// or on every deck. Read from grouped counts, so a long history costs a few
// hundred rows, not one per answer.
ScoreAccumulator load_score(const ProgressStore& store, std::int64_t profile_id,
                            const std::optional<std::string>& deck_id = std::nullopt);

}  // namespace claimdeck
