#include <doctest/doctest.h>

#include "base/json_library.hpp"  // before any rapidjson header: it configures rapidjson

#include <rapidjson/istreamwrapper.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <stdexcept>
#include <string>

#include "learning/fsrs.hpp"

using namespace claimdeck::fsrs;
using claimdeck::Confidence;

namespace {

constexpr double kTolerance = 1e-6;  // relative, on stability and difficulty

// tests/data/fsrs/fixtures.json, written by generate-fixtures.mjs from ts-fsrs v5.
rapidjson::Document load_fixtures() {
    std::ifstream file(CLAIMDECK_TEST_DATA_DIR "/fsrs/fixtures.json");
    REQUIRE(file.is_open());
    rapidjson::IStreamWrapper stream(file);
    rapidjson::Document fixtures;
    fixtures.ParseStream<rapidjson::kParseFullPrecisionFlag>(stream);
    REQUIRE_FALSE(fixtures.HasParseError());
    return fixtures;
}

double relative_error(double actual, double expected) { return std::abs(actual - expected) / std::abs(expected); }

Scheduler scheduler_with_retention(double desired_retention) {
    Parameters parameters;
    parameters.desired_retention = desired_retention;
    return Scheduler(parameters);
}

constexpr Rating kAllRatings[] = {Rating::Again, Rating::Hard, Rating::Good, Rating::Easy};

}  // namespace

TEST_CASE("every fixture step agrees with ts-fsrs") {
    const rapidjson::Document fixtures = load_fixtures();

    const auto& weights = fixtures["weights"].GetArray();
    REQUIRE(weights.Size() == kDefaultWeights.size());
    for (rapidjson::SizeType i = 0; i < weights.Size(); ++i) CHECK(weights[i].GetDouble() == kDefaultWeights[i]);

    int step_count = 0;
    double worst_error = 0;
    const auto& sequences = fixtures["sequences"].GetArray();
    CHECK(sequences.Size() >= 40);
    for (const auto& sequence : sequences) {
        Parameters parameters;
        parameters.desired_retention = sequence["desired_retention"].GetDouble();
        parameters.maximum_interval_days = sequence["maximum_interval"].GetInt();
        const Scheduler scheduler(parameters);
        const std::string name = sequence["name"].GetString();
        CAPTURE(name);

        MemoryState state;
        int index = 0;
        for (const auto& step : sequence["steps"].GetArray()) {
            CAPTURE(index);
            const auto rating = static_cast<Rating>(step["rating"].GetInt());
            const int elapsed_days = step["elapsed_days"].GetInt();
            state = index == 0 ? scheduler.first_review(rating) : scheduler.next_review(state, elapsed_days, rating);

            const double stability_error = relative_error(state.stability, step["stability"].GetDouble());
            const double difficulty_error = relative_error(state.difficulty, step["difficulty"].GetDouble());
            CHECK(stability_error <= kTolerance);
            CHECK(difficulty_error <= kTolerance);
            CHECK(scheduler.next_interval_days(state.stability) == step["interval_days"].GetInt());
            worst_error = std::max({worst_error, stability_error, difficulty_error});
            ++index;
            ++step_count;
        }
    }
    MESSAGE(step_count << " steps checked, largest relative error " << worst_error);
}

TEST_CASE("a first review's stability is the rating's weight, w0..w3") {
    const Scheduler scheduler;
    for (Rating rating : kAllRatings)
        CHECK(scheduler.first_review(rating).stability == kDefaultWeights[static_cast<int>(rating) - 1]);
}

TEST_CASE("a first review's difficulty is D0(G) = w4 - e^(w5 (G - 1)) + 1, clamped to [1, 10]") {
    const Scheduler scheduler;
    const auto& w = kDefaultWeights;
    CHECK(scheduler.first_review(Rating::Again).difficulty == doctest::Approx(w[4]));
    CHECK(scheduler.first_review(Rating::Hard).difficulty == doctest::Approx(w[4] - std::exp(w[5]) + 1));
    CHECK(scheduler.first_review(Rating::Good).difficulty == doctest::Approx(w[4] - std::exp(2 * w[5]) + 1));
    // Unclamped, D0(Easy) would be about -4.76.
    CHECK(scheduler.first_review(Rating::Easy).difficulty == kMinDifficulty);
}

TEST_CASE("stability stays within [S_MIN, S_MAX] and difficulty within [1, 10]") {
    const Scheduler scheduler;

    SUBCASE("same-day lapses drive stability down to the floor, difficulty towards 10") {
        MemoryState state = scheduler.first_review(Rating::Again);
        for (int i = 0; i < 30; ++i) {
            state = scheduler.next_review(state, 0, Rating::Again);
            CHECK(state.stability >= kMinStability);
            CHECK(state.difficulty <= kMaxDifficulty);
        }
        CHECK(state.stability == kMinStability);
    }
    SUBCASE("easy answers after long absences drive stability up to the ceiling, difficulty to 1") {
        MemoryState state = scheduler.first_review(Rating::Easy);
        for (int i = 0; i < 30; ++i) {
            state = scheduler.next_review(state, 36500, Rating::Easy);
            CHECK(state.stability <= kMaxStability);
            CHECK(state.difficulty >= kMinDifficulty);
        }
        CHECK(state.stability == kMaxStability);
        CHECK(state.difficulty == kMinDifficulty);
    }
    SUBCASE("a same-day pass never lowers stability") {
        const MemoryState state{50, 5};
        for (Rating rating : {Rating::Hard, Rating::Good, Rating::Easy})
            CHECK(scheduler.next_review(state, 0, rating).stability >= state.stability);
    }
}

TEST_CASE("the interval is at least 1 day and at most the maximum") {
    CHECK(Scheduler().next_interval_days(kMinStability) == 1);
    CHECK(Scheduler().next_interval_days(kMaxStability) == 36500);
    // At 80 % retention the interval is about 3.3 S, still capped.
    CHECK(scheduler_with_retention(0.8).next_interval_days(kMaxStability) == 36500);

    Parameters short_maximum;
    short_maximum.maximum_interval_days = 100;
    CHECK(Scheduler(short_maximum).next_interval_days(1000) == 100);
}

TEST_CASE("at 90 % desired retention the interval is the stability, rounded") {
    // Stability is by definition the time for R to fall to 90 %.
    const Scheduler scheduler;
    for (double stability : {1.4, 2.6, 10.0, 123.4, 4000.0}) {
        CAPTURE(stability);
        CHECK(scheduler.next_interval_days(stability) == std::lround(stability));
        CHECK(scheduler.retrievability({stability, 5}, stability) == doctest::Approx(0.9));
    }
}

TEST_CASE("a lower desired retention gives longer intervals") {
    const double stability = 20;
    CHECK(scheduler_with_retention(0.8).next_interval_days(stability) > Scheduler().next_interval_days(stability));
    CHECK(scheduler_with_retention(0.95).next_interval_days(stability) < Scheduler().next_interval_days(stability));
}

TEST_CASE("the scheduler refuses what ts-fsrs refuses") {
    CHECK_THROWS_AS(scheduler_with_retention(0), std::invalid_argument);
    CHECK_THROWS_AS(scheduler_with_retention(1.5), std::invalid_argument);
    CHECK_THROWS_AS(scheduler_with_retention(std::nan("")), std::invalid_argument);
    Parameters no_interval;
    no_interval.maximum_interval_days = 0;
    CHECK_THROWS_AS(Scheduler{no_interval}, std::invalid_argument);

    const Scheduler scheduler;
    const MemoryState state = scheduler.first_review(Rating::Good);
    CHECK_THROWS_AS(scheduler.next_review(state, -1, Rating::Good), std::invalid_argument);
    CHECK_THROWS_AS(scheduler.next_review(MemoryState{}, 1, Rating::Good), std::invalid_argument);
    CHECK_THROWS_AS(scheduler.next_review(state, 1, static_cast<Rating>(5)), std::invalid_argument);
}

TEST_CASE("answers map to ratings by correctness and stated confidence") {
    CHECK(grade_for(false, Confidence::Ninety) == Rating::Again);
    CHECK(grade_for(false, Confidence::Unstated) == Rating::Again);
    CHECK(grade_for(true, Confidence::Fifty) == Rating::Hard);
    CHECK(grade_for(true, Confidence::Seventy) == Rating::Good);
    CHECK(grade_for(true, Confidence::Ninety) == Rating::Easy);
    CHECK(grade_for(true, Confidence::Unstated) == Rating::Good);
}
