// A learner's scorecard, read from the store: the one loader the app's
// statistics and `claimdeck-cli stats` share.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "learning/scoring.hpp"
#include "storage/store.hpp"

namespace claimdeck {

// Every answer scored, and the same answers split by whether the learner
// checked other sources first (LateralReading::used), to show whether
// lateral reading helps them tell true from false.
struct LearnerScores {
    ScoreAccumulator all;
    ScoreAccumulator with_lateral_reading;
    ScoreAccumulator without_lateral_reading;

    void add(const ScoredAnswer& answer, bool lateral_reading, int times = 1);
    // Undoes an add(); throws std::invalid_argument as ScoreAccumulator::remove does.
    void remove(const ScoredAnswer& answer, bool lateral_reading);
};

// The comparison says nothing until each side has this many answers.
inline constexpr int kMinAnswersToCompare = 5;
// Accuracies closer than this (a share: 0.1 is ten points) are "about as often".
inline constexpr double kClearAccuracyDifference = 0.1;

// One sentence on whether the learner is right more often after checking
// other sources, e.g. "You are right more often after checking other
// sources: 80 % against 55 % without." A learner who never checked is told
// how to.
std::string describe_lateral_reading(const Scorecard& with, const Scorecard& without);

// Scores every answer the profile gave (study and quiz alike) on one deck,
// or on every deck. Read from grouped counts, so a long history costs a few
// hundred rows, not one per answer.
LearnerScores load_scores(const ProgressStore& store, std::int64_t profile_id,
                          const std::optional<std::string>& deck_id = std::nullopt);

}  // namespace claimdeck
