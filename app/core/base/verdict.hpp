// The vocabulary every part of ClaimDeck shares: the three verdicts a claim can
// carry, the confidence a learner states with an answer, and a tally of
// answers right out of answered.
#pragma once

#include <array>
#include <optional>
#include <string_view>

namespace claimdeck {

enum class Verdict { Verified = 0, Contested = 1, Propaganda = 2 };

inline constexpr std::array<Verdict, 3> kAllVerdicts = {Verdict::Verified, Verdict::Contested, Verdict::Propaganda};

// The lower-case name used in deck files, the store and the command line.
std::string_view to_string(Verdict verdict);
// Capitalised, for display.
std::string_view display_name(Verdict verdict);
std::optional<Verdict> parse_verdict(std::string_view text);

inline constexpr std::size_t index_of(Verdict verdict) { return static_cast<std::size_t>(verdict); }

// "The chance I am right", as the learner states it. The numeric value is the
// percentage so it can be stored and scored directly.
enum class Confidence { Unstated = 0, Fifty = 50, Seventy = 70, Ninety = 90 };

inline constexpr std::array<Confidence, 3> kStatedConfidences = {Confidence::Fifty, Confidence::Seventy,
                                                                 Confidence::Ninety};

inline constexpr int percent(Confidence c) { return static_cast<int>(c); }
std::optional<Confidence> confidence_from_percent(int value);

// How many answers, and how many of them right: per day in the store, per
// verdict and overall in the scorecard.
struct Tally {
    int answered = 0;
    int right = 0;

    // Share right in [0, 1]; 0 when nothing was answered (check `answered`
    // before showing it).
    double accuracy() const;
};

}  // namespace claimdeck
