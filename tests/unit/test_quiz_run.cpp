#include <doctest/doctest.h>

#include <set>

#include "classroom/quiz_run.hpp"
#include "classroom_samples.hpp"
#include "temp_dir.hpp"

using namespace claimdeck;
using claimdeck::testing::make_class_deck;
using claimdeck::testing::TempDir;

namespace {

struct Fixture {
    Deck deck = make_class_deck(2, 1);  // 6 claims
    TempDir dir;
    std::unique_ptr<ProgressStore> store = ProgressStore::open(dir / "progress.sqlite");
    Profile profile = store->create_profile("Ada");
    std::int64_t now = 1'630'000'000'000;
    Clock clock = [this] { return now; };

    Quiz make_quiz(RevealMode reveal, int time_limit_seconds = 0, OtherSources other_sources = OtherSources::Off) {
        QuizSettings settings;
        settings.reveal = reveal;
        settings.time_limit_seconds = time_limit_seconds;
        settings.other_sources = other_sources;
        return quiz_of_matching_claims(deck, {}, settings, 1);
    }
};

// Answers every card right at 70 %, a few seconds each.
void answer_all(QuizRun& run, std::int64_t& now) {
    while (const Claim* claim = run.current()) {
        now += 4000;
        run.answer(claim->verdict, Confidence::Seventy);
        run.next();
    }
}

}  // namespace

TEST_CASE("quiz answers are logged as quiz reviews and leave card states alone") {
    Fixture f;
    const Quiz quiz = f.make_quiz(RevealMode::AtEnd);
    QuizRun run(quiz, f.deck, *f.store, f.profile, {}, f.clock);
    answer_all(run, f.now);
    CHECK(run.finished());
    CHECK(f.store->card_states(f.profile.id, f.deck.id).empty());
    const std::vector<Review> reviews = f.store->reviews(f.profile.id);
    REQUIRE(reviews.size() == 6);
    for (const Review& review : reviews) {
        CHECK(review.kind == ReviewKind::Quiz);
        CHECK(review.correct);
        CHECK(review.response_ms == 4000);
    }
}

TEST_CASE("a learner who opts in has quiz answers move their schedule") {
    Fixture f;
    const Quiz quiz = f.make_quiz(RevealMode::AtEnd);
    QuizRunOptions options;
    options.count_towards_schedule = true;
    QuizRun run(quiz, f.deck, *f.store, f.profile, options, f.clock);
    answer_all(run, f.now);
    const auto states = f.store->card_states(f.profile.id, f.deck.id);
    REQUIRE(states.size() == 6);
    for (const auto& [id, state] : states) {
        CHECK(state.reps == 1);
        CHECK(state.due_ms > f.now);
    }
}

TEST_CASE("each answer says whether the learner had the claim in their schedule when the quiz began") {
    Fixture f;
    const Quiz quiz = f.make_quiz(RevealMode::AtEnd);
    std::set<std::string> scheduled;
    {  // Two claims come into the learner's schedule (a quiz they let count, left half-way).
        QuizRunOptions options;
        options.count_towards_schedule = true;
        QuizRun practice(quiz, f.deck, *f.store, f.profile, options, f.clock);
        for (int i = 0; i < 2; ++i) {
            scheduled.insert(practice.current()->id);
            practice.answer(practice.current()->verdict, Confidence::Seventy);
        }
    }
    QuizRun run(quiz, f.deck, *f.store, f.profile, {}, f.clock);
    answer_all(run, f.now);
    const QuizResults results = run.results();
    REQUIRE(results.answers.size() == 6);
    for (const QuizAnswer& answer : results.answers) {
        CAPTURE(answer.claim_id);
        CHECK(answer.studied == (scheduled.count(answer.claim_id) > 0));
    }
    CHECK(results.format_version() == 3);
}

TEST_CASE("reveal after each card pauses the run until next()") {
    Fixture f;
    const Quiz quiz = f.make_quiz(RevealMode::AfterEach);
    QuizRun run(quiz, f.deck, *f.store, f.profile, {}, f.clock);
    const Claim* first = run.current();
    REQUIRE(first);
    const QuizAnswer* answer = run.answer(Verdict::Propaganda, Confidence::Ninety);
    REQUIRE(answer);
    CHECK(run.revealing());
    CHECK(run.current() == nullptr);
    CHECK(run.last_answer()->claim_id == first->id);
    CHECK(run.answer(Verdict::Verified, Confidence::Fifty) == nullptr);  // nothing asked while revealing

    SUBCASE("time spent on the reveal is not counted against the next card") {
        f.now += 60'000;
        run.next();
        f.now += 2000;
        CHECK(run.elapsed_ms() == 2000);
        CHECK(run.answer(Verdict::Verified, Confidence::Fifty)->response_ms == 2000);
    }
    SUBCASE("reveal_all is for at-end quizzes only") {
        run.next();
        answer_all(run, f.now);
        CHECK(run.finished());
        CHECK_FALSE(run.reveal_all());
    }
}

TEST_CASE("reveal at the end moves straight on and shows everything once done") {
    Fixture f;
    const Quiz quiz = f.make_quiz(RevealMode::AtEnd);
    QuizRun run(quiz, f.deck, *f.store, f.profile, {}, f.clock);
    run.answer(Verdict::Verified, Confidence::Fifty);
    CHECK_FALSE(run.revealing());
    CHECK(run.current() != nullptr);
    CHECK_FALSE(run.reveal_all());
    answer_all(run, f.now);
    CHECK(run.reveal_all());
}

TEST_CASE("a card whose time runs out is recorded as timed out") {
    Fixture f;
    const Quiz quiz = f.make_quiz(RevealMode::AtEnd, 10);
    QuizRun run(quiz, f.deck, *f.store, f.profile, {}, f.clock);
    f.now += 4000;
    CHECK(run.remaining_ms() == std::optional<std::int64_t>(6000));
    CHECK_FALSE(run.time_out_if_expired());

    SUBCASE("the frame loop notices the limit") {
        f.now += 6000;
        CHECK(run.remaining_ms() == std::optional<std::int64_t>(0));
        CHECK(run.time_out_if_expired());
        const QuizAnswer& answer = run.answers().back();
        CHECK(answer.timed_out());
        CHECK_FALSE(answer.correct());
        CHECK(answer.confidence == Confidence::Unstated);
        CHECK(answer.response_ms == 10000);
    }
    SUBCASE("an answer after the limit counts as timed out") {
        f.now += 7000;
        const Claim* claim = run.current();
        CHECK(run.answer(claim->verdict, Confidence::Ninety)->timed_out());
    }
    // A timed-out card has no verdict to log.
    CHECK(f.store->reviews(f.profile.id).empty());
    CHECK(run.answered() == 1);
}

TEST_CASE("a quiz that requires the other sources takes no answer before a search, then records what was consulted") {
    Fixture f;
    const Quiz quiz = f.make_quiz(RevealMode::AtEnd, 0, OtherSources::Required);
    QuizRun run(quiz, f.deck, *f.store, f.profile, {}, f.clock);
    const Claim* first = run.current();
    CHECK(run.sources_still_required());
    CHECK(run.answer(first->verdict, Confidence::Seventy) == nullptr);
    // Going to the sources and back without a search is not the step.
    run.begin_lateral_reading();
    f.now += 2000;
    run.end_lateral_reading();
    CHECK(run.sources_still_required());
    CHECK(run.answer(first->verdict, Confidence::Seventy) == nullptr);

    run.begin_lateral_reading();
    run.note_search("Khawak Pass");
    run.note_passage_read();
    f.now += 8000;
    run.end_lateral_reading();
    CHECK_FALSE(run.sources_still_required());
    const QuizAnswer* answer = run.answer(first->verdict, Confidence::Seventy);
    REQUIRE(answer);
    CHECK(answer->lateral == std::optional<LateralReading>(LateralReading{1, 1, 10000}));
    // The next card starts afresh, and the progress log has the answer's record too.
    CHECK(run.sources_still_required());
    const std::vector<Review> reviews = f.store->reviews(f.profile.id);
    REQUIRE(reviews.size() == 1);
    CHECK(reviews[0].lateral == LateralReading{1, 1, 10000});
    CHECK(run.results().format_version() == 4);
}

TEST_CASE("a required search never keeps a card from timing out") {
    Fixture f;
    const Quiz quiz = f.make_quiz(RevealMode::AtEnd, 10, OtherSources::Required);
    QuizRun run(quiz, f.deck, *f.store, f.profile, {}, f.clock);
    f.now += 10000;
    CHECK(run.time_out_if_expired());
    CHECK(run.answers().back().timed_out());
    CHECK(run.answers().back().lateral == std::optional<LateralReading>(LateralReading{}));
}

TEST_CASE("offered other sources are the pupil's choice, and a quiz without them records nothing of them") {
    Fixture f;
    SUBCASE("offered") {
        const Quiz quiz = f.make_quiz(RevealMode::AtEnd, 0, OtherSources::Offered);
        QuizRun run(quiz, f.deck, *f.store, f.profile, {}, f.clock);
        CHECK_FALSE(run.sources_still_required());
        REQUIRE(run.answer(run.current()->verdict, Confidence::Seventy));
        CHECK(run.answers().back().lateral == std::optional<LateralReading>(LateralReading{}));
    }
    SUBCASE("off") {
        const Quiz quiz = f.make_quiz(RevealMode::AtEnd);
        QuizRun run(quiz, f.deck, *f.store, f.profile, {}, f.clock);
        run.begin_lateral_reading();
        run.note_search("anything");
        f.now += 3000;
        run.end_lateral_reading();
        REQUIRE(run.answer(run.current()->verdict, Confidence::Seventy));
        CHECK_FALSE(run.answers().back().lateral);
        CHECK(run.results().format_version() == 3);
    }
}

TEST_CASE("an answer a millisecond before the time limit counts") {
    Fixture f;
    const Quiz quiz = f.make_quiz(RevealMode::AtEnd, 10);
    QuizRun run(quiz, f.deck, *f.store, f.profile, {}, f.clock);
    f.now += 9999;
    CHECK(run.remaining_ms() == std::optional<std::int64_t>(1));
    CHECK_FALSE(run.time_out_if_expired());
    const QuizAnswer* answer = run.answer(run.current()->verdict, Confidence::Ninety);
    REQUIRE(answer != nullptr);
    CHECK_FALSE(answer->timed_out());
    CHECK(answer->correct());
    CHECK(answer->response_ms == 9999);
}

TEST_CASE("the results hold every answer, the quiz and the learner") {
    Fixture f;
    Quiz quiz = f.make_quiz(RevealMode::AtEnd);
    quiz.form = QuizForm::PostB;
    QuizRun run(quiz, f.deck, *f.store, f.profile, {}, f.clock);
    answer_all(run, f.now);
    const QuizResults results = run.results();
    CHECK(results.quiz_id == quiz.id);
    CHECK(results.form == QuizForm::PostB);
    CHECK(results.deck_id == "class-deck");
    CHECK(results.deck_version == 1);
    CHECK(results.profile == "Ada");
    CHECK(results.app_version == CLAIMDECK_VERSION);
    CHECK(results.finished_ms == f.now);
    REQUIRE(results.answers.size() == 6);
    for (std::size_t i = 0; i < 6; ++i) CHECK(results.answers[i].claim_id == quiz.claim_ids[i]);
}

TEST_CASE("a quiz does not run on another version of its deck") {
    Fixture f;
    const Quiz quiz = f.make_quiz(RevealMode::AtEnd);
    f.deck.version = 2;
    CHECK_THROWS_AS(QuizRun(quiz, f.deck, *f.store, f.profile, {}, f.clock), std::invalid_argument);
}

TEST_CASE("results carry the quiz's title and the learner's id on this device, the same for every quiz they take") {
    Fixture f;
    const Quiz quiz = f.make_quiz(RevealMode::AtEnd);
    QuizRun first(quiz, f.deck, *f.store, f.profile, {}, f.clock);
    const std::string learner_id = first.results().learner_id;
    CHECK(learner_id.size() > 16);
    CHECK(first.results().quiz_title == quiz.title);
    // Renamed, still the same learner.
    f.store->rename_profile(f.profile.id, "Ada L.");
    CHECK(QuizRun(quiz, f.deck, *f.store, f.profile, {}, f.clock).results().learner_id == learner_id);
    // Another learner who typed the same name on another device is another id.
    TempDir other_device;
    auto other_store = ProgressStore::open(other_device / "progress.sqlite");
    const Profile other_ada = other_store->create_profile("Ada");
    CHECK(QuizRun(quiz, f.deck, *other_store, other_ada, {}, f.clock).results().learner_id != learner_id);
    // Deleting the learner takes the id with it: a new "Ada" is someone new.
    f.store->delete_profile(f.profile.id);
    const Profile new_ada = f.store->create_profile("Ada");
    CHECK(QuizRun(quiz, f.deck, *f.store, new_ada, {}, f.clock).results().learner_id != learner_id);
}
