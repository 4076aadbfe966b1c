#include <doctest/doctest.h>

#include <map>
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
    CHECK(session.size() == 10);
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
        CHECK(next_day.size() == 10);
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
    CHECK(session.size() == 9);
    CHECK(session.comebacks_waiting() == 1);
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

TEST_CASE("an answer records the searches looked at, the paragraphs opened and the time among other sources") {
    Deck deck = make_deck(6);
    Fixture f;
    StudySession session(deck, *f.store, f.profile, {}, f.clock, 3);
    const Claim claim = *session.current();
    f.now += 1000;
    session.begin_lateral_reading();
    f.now += 20'000;
    session.note_search("Khawak pass");
    session.note_passage_read();
    session.note_search("khawak  PASS");  // the same words again: one search
    session.note_passage_read();
    session.note_search("Taliban");
    session.end_lateral_reading();
    f.now += 5000;  // back on the card, deciding
    session.begin_lateral_reading();
    f.now += 7000;
    // No end: answering ends it.
    AnswerOutcome outcome = session.answer(claim.verdict, Confidence::Seventy);
    CHECK(outcome.lateral.used());
    const Review logged = f.store->reviews(f.profile.id).front();
    CHECK(logged.lateral.searches == 2);
    CHECK(logged.lateral.passages_read == 2);
    CHECK(logged.lateral.ms == 27'000);
    CHECK(logged.response_ms == 33'000);

    SUBCASE("the next card starts with none") {
        CHECK(session.lateral_reading().ms == 0);
        session.answer(session.current()->verdict, Confidence::Seventy);
        CHECK_FALSE(f.store->reviews(f.profile.id).back().lateral.used());
    }
    SUBCASE("undo starts the card again with none") {
        session.undo();
        CHECK(session.lateral_reading().searches == 0);
        CHECK(session.lateral_reading().passages_read == 0);
    }
}

TEST_CASE("opening the other sources and coming back without a search is no lateral reading") {
    Deck deck = make_deck(3);
    Fixture f;
    StudySession session(deck, *f.store, f.profile, {}, f.clock, 3);
    session.begin_lateral_reading();
    session.note_search(" , a ");  // no word a search can use
    f.now += 3000;
    session.end_lateral_reading();
    session.answer(session.current()->verdict, Confidence::Seventy);
    const Review logged = f.store->reviews(f.profile.id).front();
    CHECK_FALSE(logged.lateral.used());
    CHECK(logged.lateral.ms == 3000);
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
    CHECK(session.done() == 0);
    CHECK(session.comebacks_waiting() == 0);
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
    REQUIRE(session.size() == 2);
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

TEST_CASE("the session's goal stays fixed while wrong answers come back, each card at most twice") {
    Deck deck = make_deck(4);
    Fixture f;
    StudySession session(deck, *f.store, f.profile, {}, f.clock, 5);
    REQUIRE(session.size() == 4);
    CHECK(progress_text(session, true) == "1 / 4");
    // Every answer wrong: each card is shown once and comes back twice, then no more.
    std::map<std::string, int> shown;
    while (const Claim* claim = session.current()) {
        ++shown[claim->id];
        session.answer(wrong_for(claim->verdict), Confidence::Fifty);
        CHECK(session.size() == 4);
    }
    CHECK(session.answered() == 4 * (1 + kMaxComebacks));
    CHECK(session.done() == 4);
    for (const auto& [id, times] : shown) CHECK(times == 1 + kMaxComebacks);
}

TEST_CASE("the count shows a card that came back apart from the goal") {
    Deck deck = make_deck(6);
    Fixture f;
    StudySession session(deck, *f.store, f.profile, {}, f.clock, 5);
    session.answer(wrong_for(session.current()->verdict), Confidence::Fifty);
    CHECK(progress_text(session, false) == "1 / 6 \u00B7 +1 again");
    CHECK(progress_text(session, true) == "2 / 6 \u00B7 +1 again");
    for (int i = 0; i < 3; ++i) session.answer(session.current()->verdict, Confidence::Fifty);
    REQUIRE(session.current_is_comeback());
    CHECK(progress_text(session, true) == "again \u00B7 4 / 6");
    session.answer(session.current()->verdict, Confidence::Fifty);
    CHECK(progress_text(session, true) == "5 / 6");

    SUBCASE("undoing the answer to a comeback puts it back in front, still a comeback") {
        session.undo();
        CHECK(session.current_is_comeback());
        CHECK(session.done() == 4);
    }
}

TEST_CASE("undo of a wrong answer takes its comeback out of the queue") {
    Deck deck = make_deck(6);
    Fixture f;
    StudySession session(deck, *f.store, f.profile, {}, f.clock, 5);
    session.answer(wrong_for(session.current()->verdict), Confidence::Fifty);
    REQUIRE(session.comebacks_waiting() == 1);
    session.undo();
    CHECK(session.comebacks_waiting() == 0);
    CHECK_FALSE(session.current_is_comeback());
    // Still allowed its two comebacks after the undo.
    int comebacks = 0;
    const std::string first = session.current()->id;
    while (const Claim* claim = session.current()) {
        if (claim->id == first && session.current_is_comeback()) ++comebacks;
        session.answer(claim->id == first ? wrong_for(claim->verdict) : claim->verdict, Confidence::Fifty);
    }
    CHECK(comebacks == kMaxComebacks);
}

TEST_CASE("ending a session now leaves the cards still queued for the next one") {
    Deck deck = make_deck(6);
    Fixture f;
    StudySession session(deck, *f.store, f.profile, {}, f.clock, 5);
    session.answer(session.current()->verdict, Confidence::Fifty);
    session.stop();
    CHECK(session.finished());
    StudySession next(deck, *f.store, f.profile, {}, f.clock, 6);
    CHECK(next.size() == 5);
}

TEST_CASE("once the day's new cards are done, more can be asked for, and without a limit all come at once") {
    Deck deck = make_deck(30);
    Fixture f;
    StudySettings settings;
    settings.new_cards_per_day = 10;
    {
        StudySession today(deck, *f.store, f.profile, settings, f.clock, 1);
        while (const Claim* claim = today.current()) today.answer(claim->verdict, Confidence::Seventy);
    }
    const auto states = f.store->card_states(f.profile.id, deck.id);
    CHECK(new_cards_left_today(settings, states, 20, f.now) == 0);
    CHECK(choose_session_cards(deck, states, settings, SessionKind::Today, f.now, 1).size() == 0);
    CHECK(choose_session_cards(deck, states, settings, SessionKind::MoreNew, f.now, 1).fresh.size() ==
          static_cast<std::size_t>(kMoreNewCards));
    settings.daily_limit = false;
    CHECK(new_cards_left_today(settings, states, 20, f.now) == 20);
    StudySession workshop(deck, *f.store, f.profile, settings, f.clock, 2);
    CHECK(workshop.size() == 20);
    CHECK(new_cards_left_today(StudySettings{}, states, 20, f.now + kMsPerDay) == 15);
}

TEST_CASE("practice asks about seen cards and changes neither their schedule nor the log") {
    Deck deck = make_deck(12);
    Fixture f;
    StudySettings settings;
    {
        StudySession today(deck, *f.store, f.profile, settings, f.clock, 1);
        while (const Claim* claim = today.current()) today.answer(claim->verdict, Confidence::Seventy);
    }
    const auto before = f.store->card_states(f.profile.id, deck.id);
    const std::int64_t reviews_before = f.store->review_count(f.profile.id);
    StudySession practice(deck, *f.store, f.profile, settings, f.clock, 2, SessionKind::Practice);
    CHECK(practice.size() == kPracticeCards);
    while (const Claim* claim = practice.current()) {
        CHECK(before.count(claim->id) == 1);
        const AnswerOutcome outcome = practice.answer(wrong_for(claim->verdict), Confidence::Ninety);
        CHECK(outcome.new_state.due_ms == before.at(claim->id).due_ms);
        if (practice.can_undo() && practice.answered() == 1) {
            practice.undo();
            practice.answer(wrong_for(claim->verdict), Confidence::Ninety);
        }
    }
    CHECK(f.store->review_count(f.profile.id) == reviews_before);
    const auto after = f.store->card_states(f.profile.id, deck.id);
    for (const auto& [id, state] : before) {
        CHECK(after.at(id).due_ms == state.due_ms);
        CHECK(after.at(id).reps == state.reps);
    }
}
