#include <doctest/doctest.h>

#include "base/text_file.hpp"
#include "classroom/quiz_builder.hpp"
#include "classroom_samples.hpp"
#include "temp_dir.hpp"

using namespace claimdeck;
using claimdeck::testing::make_class_deck;
using claimdeck::testing::TempDir;

namespace {

struct Fixture {
    // 3 topics x 3 verdicts x `per_cell` claims: 18 by default, 6 per verdict.
    explicit Fixture(int per_cell = 2) : deck(make_class_deck(3, per_cell)) {}

    TempDir dir;
    Deck deck;
    std::int64_t now = 1'630'000'000'000;
    QuizBuilder builder{deck, [this] { return now; }, dir / "quizzes"};

    void plan(QuizKind kind, int count, ClaimFilter filter = {}) {
        QuizPlan plan = builder.plan();
        plan.kind = kind;
        plan.count = count;
        plan.filter = std::move(filter);
        plan.settings.title = "Week 3";
        plan.settings.time_limit_seconds = 20;
        plan.settings.reveal = RevealMode::AtEnd;
        builder.set_plan(plan);
    }
};

}  // namespace

TEST_CASE("a balanced plan draws one quiz with the teacher's settings, ready to preview") {
    Fixture f;
    f.plan(QuizKind::Balanced, 6);
    REQUIRE(f.builder.quizzes().size() == 1);
    const Quiz& quiz = f.builder.quizzes()[0];
    CHECK(quiz.claim_ids.size() == 6);
    CHECK(quiz.title == "Week 3");
    CHECK(quiz.time_limit_seconds == 20);
    CHECK(quiz.reveal == RevealMode::AtEnd);
    CHECK(quiz.created_ms == f.now);
    CHECK(f.builder.problem().empty());
}

TEST_CASE("the previewed quiz is the one saved, and it stays until the plan changes") {
    Fixture f;
    f.plan(QuizKind::Matching, 0, {"t1", "", std::nullopt});
    const Quiz previewed = f.builder.quizzes().at(0);
    CHECK(previewed.claim_ids.size() == 6);  // every claim of topic t1

    f.plan(QuizKind::Matching, 0, {"t1", "", std::nullopt});  // the same plan again: no new draw
    CHECK(f.builder.quizzes().at(0) == previewed);

    REQUIRE(f.builder.save(f.builder.default_path()));
    CHECK(f.builder.default_path() == f.dir / "quizzes" / "Week-3.json");
    QuizLoadResult loaded = load_quiz(f.builder.default_path());
    REQUIRE(loaded.quiz);
    CHECK(*loaded.quiz == previewed);
    CHECK(f.builder.message().find("Week-3.json") != std::string::npos);
}

TEST_CASE("drawing again gives another quiz from the same choices") {
    Fixture f;
    f.plan(QuizKind::Balanced, 6);
    const Quiz first = f.builder.quizzes().at(0);
    QuizPlan again = f.builder.plan();
    ++again.seed;
    f.builder.set_plan(again);
    CHECK(f.builder.quizzes().at(0).id != first.id);
}

TEST_CASE("a pretest and posttest plan saves two parallel forms beside each other") {
    Fixture f;
    f.plan(QuizKind::PrePost, 3);
    REQUIRE(f.builder.quizzes().size() == 2);
    CHECK(f.builder.quizzes()[0].form == QuizForm::PreA);
    CHECK(f.builder.quizzes()[1].form == QuizForm::PostB);

    REQUIRE(f.builder.save(f.dir / "out" / "term.json"));
    const QuizLoadResult pre = load_quiz(f.dir / "out" / "term-A.json");
    const QuizLoadResult post = load_quiz(f.dir / "out" / "term-B.json");
    REQUIRE(pre.quiz);
    REQUIRE(post.quiz);
    CHECK(pre.quiz->form == QuizForm::PreA);
    CHECK(post.quiz->form == QuizForm::PostB);
    CHECK(f.builder.message().find("term-A.json and ") != std::string::npos);
    CHECK(f.builder.saved_files() ==
          std::vector<std::filesystem::path>{f.dir / "out" / "term-A.json", f.dir / "out" / "term-B.json"});
}

TEST_CASE("a plan with a delayed posttest saves form C beside A and B, with its days") {
    Fixture f(3);  // a claim of each verdict and topic for each form
    f.plan(QuizKind::PrePost, 3);
    QuizPlan delayed = f.builder.plan();
    delayed.delayed = true;
    delayed.days_after_post = 21;
    f.builder.set_plan(delayed);
    REQUIRE(f.builder.quizzes().size() == 3);
    CHECK(f.builder.quizzes()[2].form == QuizForm::DelayedC);

    REQUIRE(f.builder.save(f.dir / "out" / "term.json"));
    const QuizLoadResult form_c = load_quiz(f.dir / "out" / "term-C.json");
    REQUIRE(form_c.quiz);
    CHECK(form_c.quiz->form == QuizForm::DelayedC);
    CHECK(form_c.quiz->days_after_post == 21);
    CHECK(f.builder.message().find("term-A.json, ") != std::string::npos);
    CHECK(f.builder.message().find("term-B.json and ") != std::string::npos);
    CHECK(f.builder.saved_files().size() == 3);
}

TEST_CASE("a plan the deck cannot meet says why in a sentence, and nothing is saved") {
    Fixture f;
    f.plan(QuizKind::Balanced, 50);
    CHECK(f.builder.quizzes().empty());
    CHECK(f.builder.problem() == "Asked for 50 but only 18 claims fit.");
    CHECK_FALSE(f.builder.save(f.builder.default_path()));
    CHECK_FALSE(std::filesystem::exists(f.builder.default_path()));
    CHECK(f.builder.message() == f.builder.problem());

    f.plan(QuizKind::Matching, 0, {"", "", Verdict::Verified});  // a plan that works clears the problem
    CHECK(f.builder.problem().empty());
    CHECK(f.builder.quizzes().at(0).claim_ids.size() == 6);
}

TEST_CASE("a quiz that cannot be written leaves a message naming the file") {
    Fixture f;
    f.plan(QuizKind::Balanced, 3);
    const std::filesystem::path blocked = f.dir / "a-file";
    REQUIRE(write_text_file(blocked, "not a folder").empty());
    CHECK_FALSE(f.builder.save(blocked / "quiz.json"));
    CHECK(f.builder.message().rfind("Could not save the quiz: ", 0) == 0);
    CHECK(f.builder.saved_files().empty());
    CHECK(f.builder.message().find((blocked / "quiz.json").string()) != std::string::npos);
}

TEST_CASE("quiz files for a pair get -A and -B before the extension") {
    CHECK(quiz_file_paths("q.json", 1) == std::vector<std::filesystem::path>{"q.json"});
    CHECK(quiz_file_paths("dir/q.json", 2) == std::vector<std::filesystem::path>{"dir/q-A.json", "dir/q-B.json"});
    CHECK(quiz_file_paths("dir/q", 2) == std::vector<std::filesystem::path>{"dir/q-A.json", "dir/q-B.json"});
    CHECK(quiz_file_paths("q.json", 3) == std::vector<std::filesystem::path>{"q-A.json", "q-B.json", "q-C.json"});
}

TEST_CASE("choosing pretest + posttest shows the verdicts only at the end, until the teacher changes it") {
    Fixture f;
    QuizPlan plan = f.builder.plan();
    REQUIRE(plan.settings.reveal == RevealMode::AfterEach);
    plan.kind = QuizKind::PrePost;
    plan.count = 3;
    f.builder.set_plan(plan);
    CHECK(f.builder.plan().settings.reveal == RevealMode::AtEnd);
    REQUIRE(f.builder.quizzes().size() == 2);
    CHECK(f.builder.quizzes()[0].reveal == RevealMode::AtEnd);

    plan = f.builder.plan();
    plan.settings.reveal = RevealMode::AfterEach;
    f.builder.set_plan(plan);
    CHECK(f.builder.quizzes()[0].reveal == RevealMode::AfterEach);
}
