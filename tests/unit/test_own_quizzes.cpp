#include <doctest/doctest.h>

#include "classroom/own_quizzes.hpp"
#include "classroom/results.hpp"
#include "classroom_samples.hpp"
#include "temp_dir.hpp"

using namespace claimdeck;
using claimdeck::testing::answer_of;
using claimdeck::testing::make_class_deck;
using claimdeck::testing::results_of;
using claimdeck::testing::TempDir;

namespace {

constexpr const char* kAda = "id-ada";
constexpr std::int64_t kDay = 86'400'000;

// Ada's answers to the deck's six claims (two topics, one claim of each
// verdict): `picked` holds one letter per claim, v, c or p, in deck order.
QuizResults ada_took(const Deck& deck, const std::string& picked, QuizForm form, std::int64_t finished_ms,
                     const std::string& learner = kAda) {
    std::vector<QuizAnswer> answers;
    for (std::size_t i = 0; i < deck.claims.size(); ++i) {
        const Verdict given = picked[i] == 'v'   ? Verdict::Verified
                              : picked[i] == 'c' ? Verdict::Contested
                                                 : Verdict::Propaganda;
        answers.push_back(answer_of(deck.claims[i].id, deck.claims[i].verdict, given, 70));
    }
    QuizResults results = results_of("Ada", answers, "quiz-" + std::string(to_string(form)) + "x", form);
    results.learner_id = learner;
    results.finished_ms = finished_ms;
    if (form == QuizForm::DelayedC) results.days_after_post = 14;
    return results;
}

void save(const TempDir& dir, const std::string& name, const QuizResults& results) {
    REQUIRE(write_results_file(dir / name, results).empty());
}

}  // namespace

TEST_CASE("a learner's own quizzes: pretest, posttest and delayed posttest, worded for them") {
    const Deck deck = make_class_deck(2, 1);  // v c p, v c p
    TempDir dir;
    const std::int64_t start = 1'630'000'000'000;
    // Before: everything taken for propaganda. After: all right. Two weeks on: all right still.
    save(dir, "a.json", ada_took(deck, "pppppp", QuizForm::PreA, start));
    save(dir, "b.json", ada_took(deck, "vcpvcp", QuizForm::PostB, start + kDay));
    save(dir, "c.json", ada_took(deck, "vcpvcp", QuizForm::DelayedC, start + 15 * kDay));

    const OwnQuizzes own = read_own_quizzes(dir.path(), kAda, deck);
    REQUIRE(own.forms.size() == 3);
    CHECK(own.forms[0].form == QuizForm::PreA);
    CHECK(describe_figures(own.forms[1].figures, Audience::Learner).rfind("100 % right, d\u2032 ", 0) == 0);
    CHECK(own.pre_post.rfind("Your accuracy went from 33 % to 100 %. You got better at telling propaganda", 0) == 0);
    CHECK(own.pre_post.find("pupil") == std::string::npos);
    CHECK(describe_studied_part(GroupFigures{}, true, Audience::Learner) == "Claims you had studied: none");
    CHECK(own.retention.find("What you learnt lasted: at the delayed posttest you were still better at") !=
          std::string::npos);
}

TEST_CASE("only the learner's files on this deck count, the latest of each form, and a damaged one is passed over") {
    const Deck deck = make_class_deck(2, 1);
    TempDir dir;
    const std::int64_t start = 1'630'000'000'000;
    save(dir, "old.json", ada_took(deck, "pppppp", QuizForm::Single, start));
    save(dir, "new.json", ada_took(deck, "vcpvcp", QuizForm::Single, start + kDay));
    save(dir, "bob.json", ada_took(deck, "vvvvvv", QuizForm::PreA, start, "id-bob"));
    QuizResults other_deck = ada_took(deck, "vvvvvv", QuizForm::PostB, start);
    other_deck.deck_version = 2;
    save(dir, "other-deck.json", other_deck);
    dir.write("broken.json", "{ not json");
    dir.write("notes.txt", "not a results file");

    const OwnQuizzes own = read_own_quizzes(dir.path(), kAda, deck);
    REQUIRE(own.forms.size() == 1);
    CHECK(own.forms[0].figures.right == 6);
    CHECK(own.pre_post.empty());
    CHECK(own.retention.empty());
}

TEST_CASE("a learner with no quiz, or no results folder, has no own quizzes") {
    const Deck deck = make_class_deck(2, 1);
    TempDir dir;
    CHECK(read_own_quizzes(dir / "missing", kAda, deck).empty());
    CHECK(read_own_quizzes(dir.path(), kAda, deck).empty());
    save(dir, "a.json", ada_took(deck, "pppppp", QuizForm::PreA, 1'630'000'000'000));
    CHECK(read_own_quizzes(dir.path(), "", deck).empty());
}
