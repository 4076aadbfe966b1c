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
    const Scorecard grouped = load_score(*store, ada.id).scorecard();

    CHECK(grouped.overall.answered == 60);
    CHECK(grouped.confusion == expected.confusion);
    CHECK(grouped.per_article.at("a").right == expected.per_article.at("a").right);
    CHECK(grouped.per_article.at("b").answered == expected.per_article.at("b").answered);
    for (std::size_t level = 0; level < 3; ++level)
        CHECK(grouped.calibration[level].right == expected.calibration[level].right);
    CHECK(*grouped.brier == doctest::Approx(*expected.brier));
}
