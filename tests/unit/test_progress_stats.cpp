#include <doctest/doctest.h>

#include "learning/progress_stats.hpp"
#include "store_samples.hpp"
#include "temp_dir.hpp"

using namespace claimdeck;
using namespace claimdeck::testing;

TEST_CASE("a history scored from grouped counts equals scoring every review") {
    TempDir dir;
    auto store = ProgressStore::open(dir / "progress.sqlite");
    const Profile ada = store->create_profile("Ada");
    const Profile bob = store->create_profile("Bob");
    const Verdict verdicts[] = {Verdict::Verified, Verdict::Contested, Verdict::Propaganda};
    for (int i = 0; i < 60; ++i) {
        Review review = sample_review(ada.id, "c" + std::to_string(i % 7), kSampleTime + i * 1000);
        review.article_id = i % 2 ? "a" : "b";
        review.truth = verdicts[i % 3];
        review.picked = verdicts[(i / 3) % 3];
        review.correct = review.truth == review.picked;
        review.confidence = kStatedConfidences[static_cast<std::size_t>(i / 9 % 3)];
        store->record_review(review, std::nullopt);
    }
    store->record_review(sample_review(bob.id, "c0", kSampleTime), std::nullopt);

    ScoreAccumulator one_by_one;
    for (const Review& review : store->reviews(ada.id))
        one_by_one.add({review.article_id, review.truth, review.picked, review.confidence});
    const Scorecard expected = one_by_one.scorecard();
    const Scorecard grouped = load_scores(*store, ada.id).all.scorecard();

    CHECK(grouped.overall.answered == 60);
    CHECK(grouped.confusion == expected.confusion);
    CHECK(grouped.per_article.at("a").right == expected.per_article.at("a").right);
    CHECK(grouped.per_article.at("b").answered == expected.per_article.at("b").answered);
    for (std::size_t level = 0; level < 3; ++level)
        CHECK(grouped.calibration[level].right == expected.calibration[level].right);
    CHECK(*grouped.brier == doctest::Approx(*expected.brier));
}

TEST_CASE("answers with and without lateral reading are scored apart, and together make the whole") {
    TempDir dir;
    auto store = ProgressStore::open(dir / "progress.sqlite");
    const Profile ada = store->create_profile("Ada");
    for (int i = 0; i < 10; ++i) {
        Review review = sample_review(ada.id, "c" + std::to_string(i), kSampleTime + i * 1000);
        const bool checked = i < 4;  // four checked, each right; six not, one right
        review.lateral.searches = checked ? 1 + i : 0;
        review.picked = checked || i == 9 ? review.truth : Verdict::Propaganda;
        review.correct = review.picked == review.truth;
        store->record_review(review, std::nullopt);
    }
    LearnerScores scores = load_scores(*store, ada.id);
    CHECK(scores.with_lateral_reading.scorecard().overall.answered == 4);
    CHECK(scores.with_lateral_reading.scorecard().overall.right == 4);
    CHECK(scores.without_lateral_reading.scorecard().overall.answered == 6);
    CHECK(scores.without_lateral_reading.scorecard().overall.right == 1);
    CHECK(scores.all.scorecard().overall.answered == 10);

    SUBCASE("removing an answer takes it from its side and the whole") {
        scores.remove({"a", Verdict::Contested, Verdict::Contested, Confidence::Seventy}, true);
        CHECK(scores.with_lateral_reading.scorecard().overall.answered == 3);
        CHECK(scores.all.scorecard().overall.answered == 9);
        CHECK_THROWS_AS(scores.remove({"a", Verdict::Verified, Verdict::Verified, Confidence::Ninety}, true),
                        std::invalid_argument);
        CHECK(scores.all.scorecard().overall.answered == 9);  // a refused removal changes nothing
    }
}

namespace {

Scorecard right_of(int right, int answered) {
    ScoreAccumulator score;
    for (int i = 0; i < answered; ++i)
        score.add({"a", Verdict::Verified, i < right ? Verdict::Verified : Verdict::Contested, Confidence::Seventy});
    return score.scorecard();
}

}  // namespace

TEST_CASE("the lateral reading sentence compares accuracy only with enough answers each way, and by a clear margin") {
    CHECK(describe_lateral_reading(right_of(0, 0), right_of(9, 20)) ==
          "None of your answers followed a look at other sources yet. On a card, Check other sources (S) shows what "
          "the deck's other articles say before you answer.");
    CHECK(describe_lateral_reading(right_of(4, 4), right_of(9, 20)) ==
          "Answer at least 5 cards each way, with and without checking other sources, to compare them.");
    CHECK(describe_lateral_reading(right_of(4, 5), right_of(11, 20)) ==
          "You are right more often after checking other sources: 80 % against 55 % without.");
    CHECK(describe_lateral_reading(right_of(2, 5), right_of(11, 20)) ==
          "You are right less often after checking other sources: 40 % against 55 % without.");
    // Nine points apart is within the margin.
    CHECK(describe_lateral_reading(right_of(16, 25), right_of(11, 20)) ==
          "You are right about as often after checking other sources: 64 % against 55 % without.");
}
