// A learner's study settings, kept in the progress store per profile, and
// the one range each of them may take: the settings screen, the loader and
// the command line all take their bounds from here.
#pragma once

#include <algorithm>
#include <cstdint>

#include "storage/store.hpp"

namespace claimdeck {

// Where a numeric setting starts, how far it may go, and how far one press of
// the settings screen's stepper moves it.
template <typename T>
struct SettingRange {
    T fallback;
    T min;
    T max;
    T step;

    constexpr bool contains(T value) const { return value >= min && value <= max; }
    constexpr T clamped(T value) const { return std::clamp(value, min, max); }
};

// Up to 9999: more than any deck holds, so "all of them" is always possible
// (the crash test studies a few hundred new cards in one day).
inline constexpr SettingRange<int> kNewCardsPerDay{15, 0, 9999, 5};

// FSRS's recommended range: below 0.70 too much is forgotten to be worth
// scheduling; above 0.97 the reviews a day grow steeply for little gain.
inline constexpr SettingRange<double> kDesiredRetention{0.9, 0.70, 0.97, 0.01};

struct StudySettings {
    int new_cards_per_day = kNewCardsPerDay.fallback;
    // Off for a workshop: every new card is on offer at once, however many
    // were studied today.
    bool daily_limit = true;
    double desired_retention = kDesiredRetention.fallback;
    bool ask_confidence = true;
    // Technique cards mixed into study (learning/technique_cards.hpp).
    bool technique_cards = true;
};

// Missing, unreadable or out-of-range values fall back to the defaults, so a
// hand-edited store cannot break a session.
StudySettings load_study_settings(ProgressStore& store, std::int64_t profile_id);
void save_study_settings(ProgressStore& store, std::int64_t profile_id, const StudySettings& settings);

}  // namespace claimdeck
