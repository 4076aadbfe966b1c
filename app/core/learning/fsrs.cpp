// FSRS-6, transcribed from ts-fsrs v5 (dist/index.mjs, class FSRSAlgorithm).
//
// Each expression keeps ts-fsrs's operation order and its rounding to 8
// decimals (roundTo(x, 8)) at the same places, so results agree with it to the
// last printed digit, not merely to the formulas' precision. w_i below is
// parameters_.weights[i]; G is the rating 1..4, S stability, D difficulty,
// R retrievability, t elapsed days.
#include "learning/fsrs.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <utility>

namespace claimdeck::fsrs {

namespace {

// JavaScript's Math.round: to the nearest integer, halves towards +infinity
// (std::round would take -2.5 to -3 where ts-fsrs gets -2).
double round_half_up(double x) {
    const double below = std::floor(x);
    return x - below >= 0.5 ? below + 1 : below;
}

// ts-fsrs's roundTo(x, 8).
double round8(double x) {
    constexpr double kScale = 1e8;
    return round_half_up(x * kScale) / kScale;
}

// The weight ranges ts-fsrs clips to (CLAMP_PARAMETERS with short-term
// scheduling on and its default single relearning step, so w17, w18 <= 2).
constexpr std::array<std::pair<double, double>, 21> kWeightRanges = {{
    {kMinStability, 100},  // w0
    {kMinStability, 100},  // w1
    {kMinStability, 100},  // w2
    {kMinStability, 100},  // w3
    {1, 10},               // w4
    {0.001, 4},            // w5
    {0.001, 4},            // w6
    {0.001, 0.75},         // w7
    {0, 4.5},              // w8
    {0, 0.8},              // w9
    {0.001, 3.5},          // w10
    {0.001, 5},            // w11
    {0.001, 0.25},         // w12
    {0.001, 0.9},          // w13
    {0, 4},                // w14
    {0, 1},                // w15
    {1, 6},                // w16
    {0, 2},                // w17
    {0, 2},                // w18
    {0.01, 0.8},           // w19
    {0.1, 0.8},            // w20
}};

Parameters checked_and_clipped(Parameters parameters) {
    for (std::size_t i = 0; i < parameters.weights.size(); ++i) {
        double& weight = parameters.weights[i];
        if (!std::isfinite(weight)) throw std::invalid_argument("FSRS weight is not a finite number");
        weight = std::clamp(weight, kWeightRanges[i].first, kWeightRanges[i].second);
    }
    const double retention = parameters.desired_retention;
    if (!(retention > 0 && retention <= 1)) throw std::invalid_argument("desired retention must be in (0, 1]");
    if (parameters.maximum_interval_days < 1) throw std::invalid_argument("maximum interval must be at least 1 day");
    return parameters;
}

// G as a number, refusing values outside the enum (a cast from bad input).
int grade(Rating rating) {
    const int g = static_cast<int>(rating);
    if (g < 1 || g > 4) throw std::invalid_argument("FSRS rating must be 1..4");
    return g;
}

}  // namespace

Rating grade_for(bool correct, claimdeck::Confidence confidence) {
    if (!correct) return Rating::Again;
    switch (confidence) {
        case claimdeck::Confidence::Fifty: return Rating::Hard;
        case claimdeck::Confidence::Ninety: return Rating::Easy;
        case claimdeck::Confidence::Seventy:
        case claimdeck::Confidence::Unstated: break;
    }
    return Rating::Good;
}

Scheduler::Scheduler(const Parameters& parameters) : parameters_(checked_and_clipped(parameters)) {
    // FSRS-6 forgetting curve R(t, S) = (1 + FACTOR * t / S)^DECAY with
    // DECAY = -w20 and FACTOR = 0.9^(1/DECAY) - 1, so that R(S, S) = 0.9.
    decay_ = -parameters_.weights[20];
    factor_ = round8(std::exp((1 / decay_) * std::log(0.9)) - 1);
    // Solving R(I, S) = r for I gives I = S * (r^(1/DECAY) - 1) / FACTOR.
    interval_modifier_ = round8((std::pow(parameters_.desired_retention, 1 / decay_) - 1) / factor_);
}

const Parameters& Scheduler::parameters() const { return parameters_; }

double Scheduler::retrievability(MemoryState state, double elapsed_days) const {
    return round8(std::pow(1 + factor_ * elapsed_days / state.stability, decay_));
}

int Scheduler::next_interval_days(double stability) const {
    // I = S * interval modifier, rounded, then clamped to [1, maximum]
    // (clamped as a double: a tiny retention makes the product huge).
    const double days = std::max(1.0, round_half_up(stability * interval_modifier_));
    return static_cast<int>(std::min(days, static_cast<double>(parameters_.maximum_interval_days)));
}

MemoryState Scheduler::first_review(Rating rating) const {
    // S0(G) = w_{G-1}, at least 0.1; D0(G) clamped to [1, 10].
    const double stability = std::max(parameters_.weights[static_cast<std::size_t>(grade(rating) - 1)], 0.1);
    const double difficulty = std::clamp(initial_difficulty(rating), kMinDifficulty, kMaxDifficulty);
    return {stability, difficulty};
}

MemoryState Scheduler::next_review(MemoryState state, int elapsed_days, Rating rating) const {
    grade(rating);  // throws for a rating outside Again..Easy
    if (elapsed_days < 0) throw std::invalid_argument("FSRS elapsed days must not be negative");
    if (state.difficulty < kMinDifficulty || state.stability < kMinStability)
        throw std::invalid_argument("FSRS memory state is not one the scheduler produced");

    // A same-day review (t = 0) follows the short-term rule whatever the
    // rating; R is not consulted, as it would be 1.
    double stability = 0;
    if (elapsed_days == 0) {
        stability = short_term_stability(state.stability, rating);
    } else {
        const double r = retrievability(state, elapsed_days);
        stability = rating == Rating::Again ? lapse_stability(state, r) : recall_stability(state, r, rating);
    }
    return {stability, next_difficulty(state.difficulty, rating)};
}

double Scheduler::initial_difficulty(Rating rating) const {
    // D0(G) = w4 - e^(w5 * (G - 1)) + 1, unclamped: next_difficulty reverts
    // towards D0(Easy), which is below 1 with the default weights.
    const auto& w = parameters_.weights;
    return round8(w[4] - std::exp((grade(rating) - 1) * w[5]) + 1);
}

double Scheduler::next_difficulty(double difficulty, Rating rating) const {
    // Linear damping: dD = -w6 * (G - 3) scaled by (10 - D) / 9, so the step
    // shrinks as D nears 10. Mean reversion: D'' = w7 * D0(4) + (1 - w7) * D'.
    const auto& w = parameters_.weights;
    const double delta = -w[6] * (grade(rating) - 3);
    const double damped = difficulty + round8(delta * (10 - difficulty) / 9);
    const double reverted = round8(w[7] * initial_difficulty(Rating::Easy) + (1 - w[7]) * damped);
    return std::clamp(reverted, kMinDifficulty, kMaxDifficulty);
}

double Scheduler::recall_stability(MemoryState state, double r, Rating rating) const {
    // S'_r = S * (1 + e^w8 * (11 - D) * S^-w9 * (e^(w10 * (1 - R)) - 1)
    //                * w15 (if Hard) * w16 (if Easy))
    const auto& w = parameters_.weights;
    const double hard_penalty = rating == Rating::Hard ? w[15] : 1;
    const double easy_bonus = rating == Rating::Easy ? w[16] : 1;
    const double s = state.stability;
    const double growth = std::exp(w[8]) * (11 - state.difficulty) * std::pow(s, -w[9]) *
                          (std::exp((1 - r) * w[10]) - 1) * hard_penalty * easy_bonus;
    return round8(std::clamp(s * (1 + growth), kMinStability, kMaxStability));
}

double Scheduler::forget_stability(MemoryState state, double r) const {
    // S'_f = w11 * D^-w12 * ((S + 1)^w13 - 1) * e^(w14 * (1 - R))
    const auto& w = parameters_.weights;
    const double s = w[11] * std::pow(state.difficulty, -w[12]) * (std::pow(state.stability + 1, w[13]) - 1) *
                     std::exp((1 - r) * w[14]);
    return round8(std::clamp(s, kMinStability, kMaxStability));
}

double Scheduler::lapse_stability(MemoryState state, double r) const {
    // S' = min(S'_f, S / e^(w17 * w18)), at least S_MIN. The cap keeps the
    // same-day Good that usually follows a lapse (short_term_stability, a
    // factor of about e^(w17 * w18)) from lifting S above its pre-lapse value.
    const auto& w = parameters_.weights;
    const double cap = round8(state.stability / std::exp(w[17] * w[18]));
    return std::clamp(cap, kMinStability, forget_stability(state, r));
}

double Scheduler::short_term_stability(double stability, Rating rating) const {
    // FSRS-6 same-day rule: SInc = S^-w19 * e^(w17 * (G - 3 + w18)), and a
    // pass (Hard or better) never lowers stability, so SInc >= 1 then.
    const auto& w = parameters_.weights;
    double increase = std::pow(stability, -w[19]) * std::exp(w[17] * (grade(rating) - 3 + w[18]));
    if (rating != Rating::Again) increase = std::max(increase, 1.0);
    return round8(std::clamp(stability * increase, kMinStability, kMaxStability));
}

}  // namespace claimdeck::fsrs
