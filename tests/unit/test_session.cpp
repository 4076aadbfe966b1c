#include <doctest/doctest.h>

#include <set>

#include "base/calendar.hpp"
#include "deck_samples.hpp"
#include "learning/card_schedule.hpp"
#include "learning/session.hpp"
#include "store_samples.hpp"
#include "sync_counting_vfs.hpp"
#include "temp_dir.hpp"

using namespace claimdeck;
using claimdeck::testing::SyncCountingVfs;
using claimdeck::testing::TempDir;

namespace {

// Runs of three claims share a verdict while the topic changes, so ordering
// has something to interleave.
Deck make_deck(int count) { return claimdeck::testing::sample_deck(count, 3, 3, "test-deck"); }

struct Fixture {
    TempDir dir;
    std::unique_ptr<ProgressStore> store = ProgressStore::open(dir / "progress.sqlite");
    Profile profile = store->create_profile("Ada");
    std::int64_t now = 1'630'000'000'000;  // 2021-08-26, a fixed clock
    Clock clock = [this] { return now; };
};

Verdict wrong_for(Verdict truth) { return truth == Verdict::Verified ? Verdict::Propaganda : Verdict::Verified; }

}  // namespace

TEST_CASE("a session offers new cards up to the daily limit, never the same card twice") {
    Deck deck = make_deck(30);
    Fixture f;
    StudySettings settings;
    settings.new_cards_per_day = 10;
    StudySession session(deck, *f.store, f.profile, settings, f.clock, 1);
    CHECK(session.planned() == 10);
    std::set<std::string> seen;
    while (const Claim* claim = session.current()) {
        CHECK(seen.insert(claim->id).second);
        session.answer(claim->verdict, Confidence::Seventy);
    }
    CHECK(seen.size() == 10);
    CHECK(f.store->review_count(f.profile.id) == 10);

    SUBCASE("the limit counts cards introduced earlier the same day") {
        StudySession later(deck, *f.store, f.profile, settings, f.clock, 2);
        CHECK(later.finished());
    }
    SUBCASE("the next day brings new cards and nothing is due yet") {
        f.now += kMsPerDay;
        StudySession next_day(deck, *f.store, f.profile, settings, f.clock, 3);
        CHECK(next_day.planned() == 10);
    }
}

TEST_CASE("neighbouring cards differ in topic and verdict when the deck allows it") {
    Deck deck = make_deck(18);
    std::vector<std::size_t> all(deck.claims.size());
    for (std::size_t i = 0; i < all.size(); ++i) all[i] = i;
    std::vector<std::size_t> ordered = interleave(deck, all);
    REQUIRE(ordered.size() == all.size());
    for (std::size_t i = 1; i < ordered.size(); ++i) {
        CHECK(deck.claims[ordered[i]].topic != deck.claims[ordered[i - 1]].topic);
        CHECK(deck.claims[ordered[i]].verdict != deck.claims[ordered[i - 1]].verdict);
    }
}

TEST_CASE("a wrong answer brings the card back later in the same session") {
    Deck deck = make_deck(9);
    Fixture f;
    StudySession session(deck, *f.store, f.profile, {}, f.clock, 7);
    const Claim first = *session.current();
    AnswerOutcome outcome = session.answer(wrong_for(first.verdict), Confidence::Ninety);
    CHECK_FALSE(outcome.correct);
    CHECK(outcome.grade == fsrs::Rating::Again);
    CHECK(outcome.comes_back_this_session);
    CHECK(session.planned() == 10);
    for (int i = 0; i < 3; ++i) {
        REQUIRE(session.current()->id != first.id);
        session.answer(session.current()->verdict, Confidence::Seventy);
    }
    CHECK(session.current()->id == first.id);
}

TEST_CASE("answers are graded from correctness and confidence and stored before answer() returns") {
    Deck deck = make_deck(6);
    Fixture f;
    StudySession session(deck, *f.store, f.profile, {}, f.clock, 3);
    const Claim claim = *session.current();
    session.use_hint();
    f.now += 4200;
    AnswerOutcome outcome = session.answer(claim.verdict, Confidence::Fifty);
    CHECK(outcome.grade == fsrs::Rating::Hard);
    REQUIRE(outcome.review_id > 0);
    std::vector<Review> log = f.store->reviews(f.profile.id);
    REQUIRE(log.size() == 1);
    CHECK(log[0].card_id == claim.id);
    CHECK(log[0].response_ms == 4200);
    CHECK(log[0].hint_used);
    CHECK(log[0].confidence == Confidence::Fifty);
    CHECK(log[0].correct);
    CHECK(log[0].grade == 2);
    CHECK(f.store->card_states(f.profile.id, deck.id).at(claim.id).due_ms == outcome.new_state.due_ms);
}

TEST_CASE("an answer is committed and synced to the disk before answer() returns, so before the reveal") {
    // The reveal (and the CLI's "saved" line) comes after answer() returns:
    // by then the answer must be readable by another connection and the
    // write-ahead log fsynced (see sync_counting_vfs.hpp).
    SyncCountingVfs syncs;
    Deck deck = make_deck(3);
    Fixture f;
    StudySession session(deck, *f.store, f.profile, {}, f.clock, 5);
    const int before = syncs.wal();
    const AnswerOutcome outcome = session.answer(session.current()->verdict, Confidence::Seventy);
    CHECK(syncs.wal() > before);
    CHECK(claimdeck::testing::query_file(f.dir / "progress.sqlite", "SELECT MAX(id) FROM reviews") ==
          std::to_string(outcome.review_id));
}

TEST_CASE("a card seen again on a later day is scheduled from its stored state") {
    Deck deck = make_deck(3);
    Fixture f;
    StudySettings settings;
    {
        StudySession day_one(deck, *f.store, f.profile, settings, f.clock, 1);
        while (const Claim* claim = day_one.current()) day_one.answer(claim->verdict, Confidence::Seventy);
    }
    CardState before = f.store->card_states(f.profile.id, deck.id).at("c0");
    f.now = before.due_ms;
    StudySession later(deck, *f.store, f.profile, settings, f.clock, 1);
    REQUIRE_FALSE(later.finished());
    while (later.current()->id != "c0") later.answer(later.current()->verdict, Confidence::Seventy);
    AnswerOutcome outcome = later.answer(later.current()->verdict, Confidence::Seventy);
    fsrs::Scheduler scheduler;
    fsrs::MemoryState expected = scheduler.next_review(
        {before.stability, before.difficulty}, calendar_days_between(before.last_review_ms, f.now), fsrs::Rating::Good);
    CHECK(outcome.new_state.stability == doctest::Approx(expected.stability));
    CHECK(outcome.new_state.reps == 2);
}

TEST_CASE("undo removes the log entry and restores the card") {
    Deck deck = make_deck(6);
    Fixture f;
    StudySession session(deck, *f.store, f.profile, {}, f.clock, 11);
    const std::string first_id = session.current()->id;
    session.answer(wrong_for(session.current()->verdict), Confidence::Seventy);
    REQUIRE(session.can_undo());
    session.undo();
    CHECK(session.current()->id == first_id);
    CHECK(session.answered() == 0);
    CHECK(session.planned() == 6);
    CHECK(f.store->review_count(f.profile.id) == 0);
    CHECK(f.store->card_states(f.profile.id, deck.id).count(first_id) == 0);
    CHECK_FALSE(session.state_of(first_id).has_value());
}

TEST_CASE("the most overdue card comes first, whatever its place in the deck") {
    // c0 is one day overdue, c1 five: the deck order and the due order differ,
    // so neither "deck order" nor "least overdue first" passes.
    Deck deck = make_deck(2);
    Fixture f;
    for (auto [card, days_overdue] : {std::pair{"c0", 1}, std::pair{"c1", 5}}) {
        const std::int64_t reviewed = f.now - (days_overdue + 3) * kMsPerDay;
        Review review = claimdeck::testing::sample_review(f.profile.id, card, reviewed);
        review.deck_id = deck.id;
        f.store->record_review(review, claimdeck::testing::sample_state(card, reviewed));
    }
    StudySession session(deck, *f.store, f.profile, {}, f.clock, 1);
    REQUIRE(session.planned() == 2);
    CHECK(session.current()->id == "c1");
    session.answer(session.current()->verdict, Confidence::Seventy);
    CHECK(session.current()->id == "c0");
}

TEST_CASE("a lapse is a wrong answer about a card once known, not a new card's first wrong answer") {
    const fsrs::Scheduler scheduler;
    const std::int64_t day_one = 1'630'000'000'000;
    CardState first = schedule_card(scheduler, "c0", std::nullopt, fsrs::Rating::Again, day_one);
    CHECK(first.lapses == 0);
    CHECK(first.reps == 1);
    CardState second = schedule_card(scheduler, "c0", first, fsrs::Rating::Again, day_one + kMsPerDay);
    CHECK(second.lapses == 1);
    CardState third = schedule_card(scheduler, "c0", second, fsrs::Rating::Good, day_one + 2 * kMsPerDay);
    CHECK(third.lapses == 1);
    CHECK(third.reps == 3);
}

TEST_CASE("a scheduled card is due its interval in whole days after the answer, and keeps the day it was first seen") {
    const fsrs::Scheduler scheduler;
    const std::int64_t day_one = 1'630'000'000'000;
    const CardState first = schedule_card(scheduler, "c0", std::nullopt, fsrs::Rating::Good, day_one);
    CHECK(first.first_review_ms == day_one);
    CHECK(first.last_review_ms == day_one);
    CHECK(first.due_ms == day_one + scheduler.next_interval_days(first.stability) * kMsPerDay);
    const std::int64_t later = first.due_ms + 3600'000;
    const CardState second = schedule_card(scheduler, "c0", first, fsrs::Rating::Good, later);
    CHECK(second.first_review_ms == day_one);  // not counted as a new card again
    CHECK(second.last_review_ms == later);
    CHECK(second.due_ms == later + scheduler.next_interval_days(second.stability) * kMsPerDay);
    CHECK(second.due_ms > first.due_ms);
}

TEST_CASE("the learner's desired retention sets the session's intervals") {
    // A new card answered right at 90 %: Easy, stability 8.2956, due in 8
    // days at the default retention of 0.9 and in 28 at 0.8 (as ts-fsrs
    // gives, see test_replay).
    Deck deck = make_deck(1);
    for (auto [retention, days] : {std::pair{0.9, 8}, std::pair{0.8, 28}}) {
        CAPTURE(retention);
        Fixture f;
        StudySettings settings;
        settings.desired_retention = retention;
        StudySession session(deck, *f.store, f.profile, settings, f.clock, 1);
        const AnswerOutcome outcome = session.answer(session.current()->verdict, Confidence::Ninety);
        CHECK(outcome.grade == fsrs::Rating::Easy);
        CHECK(outcome.new_state.due_ms - f.now == days * kMsPerDay);
    }
}
