#include <doctest/doctest.h>

#include <map>

#include "learning/pending_answers.hpp"
#include "store_samples.hpp"
#include "temp_dir.hpp"

using namespace claimdeck;
using namespace claimdeck::testing;

namespace {

struct Fixture {
    TempDir dir;
    std::unique_ptr<ProgressStore> store = ProgressStore::open(dir / "progress.sqlite");
    Profile profile = store->create_profile("Ada");
    PendingAnswers pending{*store};
    std::map<std::string, std::int64_t> saved;  // uid -> review id, as reported
    PendingAnswers::SavedCallback note = [this](const std::string& uid, std::int64_t id) { saved[uid] = id; };

    Review answer(int minute) {
        return sample_review(profile.id, "c" + std::to_string(minute), kSampleTime + minute * 60'000);
    }
    // `PRAGMA query_only` stands in for a store that refuses writes: chmod
    // does not stop root, who runs CI.
    void refuse_writes(bool refuse) { store->set_query_only(refuse); }
};

}  // namespace

TEST_CASE("an answer is written at once when the store takes it") {
    Fixture f;
    const Review review = f.answer(0);
    const std::int64_t id = f.pending.save(review, std::nullopt, f.note);
    CHECK(id > 0);
    CHECK(f.saved.at(review.uid) == id);
    CHECK(f.pending.size() == 0);
    CHECK(f.pending.error().empty());
}

TEST_CASE("answers the store refuses wait, in order, and are written once it takes them again") {
    Fixture f;
    f.refuse_writes(true);
    const Review first = f.answer(0);
    const Review second = f.answer(1);
    CHECK(f.pending.save(first, std::nullopt, f.note) == 0);
    CHECK(f.pending.save(second, std::nullopt, f.note) == 0);
    CHECK(f.pending.size() == 2);
    CHECK_FALSE(f.pending.error().empty());
    CHECK(f.store->review_count(f.profile.id) == 0);

    f.refuse_writes(false);
    const Review third = f.answer(2);
    const std::int64_t third_id = f.pending.save(third, std::nullopt, f.note);
    CHECK(third_id > 0);
    CHECK(f.pending.size() == 0);
    CHECK(f.pending.error().empty());
    // Written oldest first, so the log keeps time order.
    CHECK(f.saved.at(first.uid) < f.saved.at(second.uid));
    CHECK(f.saved.at(second.uid) < third_id);
    std::vector<Review> log = f.store->reviews(f.profile.id);
    REQUIRE(log.size() == 3);
    CHECK(log[0].uid == first.uid);
}

TEST_CASE("a waiting answer can be discarded, and only a waiting one") {
    Fixture f;
    f.refuse_writes(true);
    const Review review = f.answer(0);
    f.pending.save(review, std::nullopt);
    CHECK(f.pending.discard(review.uid));
    CHECK(f.pending.size() == 0);
    CHECK(f.pending.error().empty());
    CHECK_FALSE(f.pending.discard(review.uid));
    f.refuse_writes(false);
    CHECK(f.pending.retry());
    CHECK(f.store->review_count(f.profile.id) == 0);
}
