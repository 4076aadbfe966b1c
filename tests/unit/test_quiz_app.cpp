#include <doctest/doctest.h>

#include "app/study_app.hpp"
#include "base/text_file.hpp"
#include "classroom/quiz_app.hpp"
#include "classroom_samples.hpp"
#include "temp_dir.hpp"

using namespace claimdeck;
using claimdeck::testing::make_class_deck;
using claimdeck::testing::TempDir;

namespace {

struct Fixture {
    TempDir dir;
    std::int64_t now = 1'630'000'000'000;
    StudyApp app{make_class_deck(2, 1), ProgressStore::open(dir / "progress.sqlite"), [this] { return now; },
                 dir.path()};

    std::filesystem::path quiz_file(int time_limit_seconds = 0, RevealMode reveal = RevealMode::AfterEach) {
        QuizSettings settings;
        settings.title = "Week 3";
        settings.time_limit_seconds = time_limit_seconds;
        settings.reveal = reveal;
        std::filesystem::path path = dir / "week3.json";
        REQUIRE(write_quiz_file(path, balanced_quiz(app.deck(), {}, 3, settings, 7)).empty());
        return path;
    }

    // Answers every card right, a few seconds each.
    void answer_all() {
        QuizApp& quiz = app.class_quiz();
        while (const Claim* claim = quiz.run()->current()) {
            now += 3000;
            quiz.answer(claim->verdict, Confidence::Ninety);
            quiz.next();
        }
    }
};

}  // namespace

TEST_CASE("a quiz taken in the app leaves a results file named after the quiz and the learner") {
    Fixture f;
    f.app.open_profile("Ada Lovelace");
    REQUIRE(f.app.class_quiz().open(f.quiz_file()));
    f.app.start_quiz(false);
    REQUIRE(f.app.class_quiz().run());
    f.answer_all();

    const QuizApp& quiz = f.app.class_quiz();
    const std::string& learner_id = quiz.run()->learner_id();
    const std::filesystem::path expected =
        f.dir / "results" / (quiz.quiz()->id + "-Ada-Lovelace-" + learner_id.substr(learner_id.size() - 6) + ".json");
    CHECK(quiz.results_path() == expected);
    CHECK(quiz.saved());
    CHECK(quiz.message() == "Saved to " + expected.string());
    ResultsLoadResult loaded = load_results(expected);
    REQUIRE(loaded.results);
    CHECK(loaded.results->answers.size() == 3);
    CHECK(loaded.results->profile == "Ada Lovelace");
}

TEST_CASE("two pupils of the same name on two devices hand in results files of different names") {
    // One teacher's folder takes both files: neither replaces the other.
    Fixture laptop;
    Fixture tablet;
    const std::filesystem::path handed_out = laptop.quiz_file();
    std::vector<std::filesystem::path> names;
    for (Fixture* device : {&laptop, &tablet}) {
        device->app.open_profile("Ana");
        REQUIRE(device->app.class_quiz().open(handed_out));
        device->app.start_quiz(false);
        device->answer_all();
        REQUIRE(device->app.class_quiz().saved());
        names.push_back(device->app.class_quiz().results_path().filename());
    }
    CHECK(names[0] != names[1]);
    CHECK(names[0].string().find("-Ana-") != std::string::npos);
}

TEST_CASE("results go to the path the learner chose") {
    Fixture f;
    f.app.open_profile("Ben");
    REQUIRE(f.app.class_quiz().open(f.quiz_file()));
    f.app.start_quiz(false);
    f.app.class_quiz().choose_results_path(f.dir / "handed-in" / "ben.json");
    f.answer_all();
    CHECK(load_results(f.dir / "handed-in" / "ben.json").results);
}

TEST_CASE("a bad quiz file is named in the message and leaves the open quiz and its run alone") {
    Fixture f;
    f.app.open_profile("Ada");
    REQUIRE(f.app.class_quiz().open(f.quiz_file()));
    f.app.start_quiz(false);
    f.now += 1000;
    f.app.class_quiz().answer(Verdict::Verified, Confidence::Fifty);
    f.app.class_quiz().next();

    const std::filesystem::path broken = f.dir.write("broken.json", "{ \"format\": \"claimdeck-quiz\"");
    CHECK_FALSE(f.app.class_quiz().open(broken));
    CHECK(f.app.class_quiz().message().find(broken.string()) != std::string::npos);
    REQUIRE(f.app.class_quiz().run());
    CHECK(f.app.class_quiz().run()->answered() == 1);
    const std::filesystem::path missing = f.dir / "missing.json";
    CHECK_FALSE(f.app.class_quiz().open(missing));
    // Named once: not "PATH: PATH does not exist".
    CHECK(f.app.class_quiz().message() ==
          "This quiz cannot be opened. " + missing.string() + ": does not exist or is not a file");
}

TEST_CASE("cards whose time runs out are saved as timed out") {
    Fixture f;
    f.app.open_profile("Ada");
    REQUIRE(f.app.class_quiz().open(f.quiz_file(10, RevealMode::AtEnd)));
    f.app.start_quiz(false);
    QuizApp& quiz = f.app.class_quiz();
    CHECK_FALSE(quiz.time_out_if_expired());
    for (int i = 0; i < 3; ++i) {
        f.now += 11'000;
        CHECK(quiz.time_out_if_expired());
    }
    CHECK(quiz.run()->finished());
    REQUIRE(quiz.saved());
    ResultsLoadResult loaded = load_results(quiz.results_path());
    REQUIRE(loaded.results);
    for (const QuizAnswer& answer : loaded.results->answers) CHECK(answer.timed_out());
}

TEST_CASE("choosing another learner ends the quiz run") {
    Fixture f;
    f.app.open_profile("Ada");
    REQUIRE(f.app.class_quiz().open(f.quiz_file()));
    f.app.start_quiz(false);
    f.app.open_profile("Ben");
    CHECK_FALSE(f.app.class_quiz().run());
    CHECK(f.app.class_quiz().quiz());
}

TEST_CASE("profile names become safe file names") {
    CHECK(file_name_part("Ada") == "Ada");
    CHECK(file_name_part("../ Zoë  O'Neil/") == "Zo-O-Neil");
    CHECK(file_name_part("///") == "learner");
}

TEST_CASE("a run left half-way is still in progress, and the cards answered are logged once") {
    Fixture f;
    f.app.open_profile("Cleo");
    REQUIRE(f.app.class_quiz().open(f.quiz_file()));
    f.app.start_quiz(false);
    QuizApp& quiz = f.app.class_quiz();
    CHECK(quiz.in_progress());
    const Claim* first = quiz.run()->current();
    quiz.answer(first->verdict, Confidence::Seventy);
    quiz.next();
    CHECK(quiz.in_progress());
    CHECK(quiz.run()->answered() == 1);

    f.answer_all();  // continues from the second card
    CHECK_FALSE(quiz.in_progress());
    ResultsLoadResult loaded = load_results(quiz.results_path());
    REQUIRE(loaded.results);
    CHECK(loaded.results->answers.size() == 3);
    CHECK(loaded.results->answers.front().claim_id == first->id);
}

TEST_CASE("results that could not be written are kept and saved on a retry, to another place if need be") {
    Fixture f;
    f.app.open_profile("Dev");
    REQUIRE(f.app.class_quiz().open(f.quiz_file()));
    f.app.start_quiz(false);
    QuizApp& quiz = f.app.class_quiz();
    const std::filesystem::path not_a_folder = f.dir / "not-a-folder";
    REQUIRE(write_text_file(not_a_folder, "a file").empty());
    quiz.choose_results_path(not_a_folder / "dev.json");
    f.answer_all();
    CHECK_FALSE(quiz.saved());
    CHECK(quiz.message().rfind("Your answers are not saved yet: ", 0) == 0);
    CHECK(quiz.message().find((not_a_folder / "dev.json").string()) != std::string::npos);

    CHECK_FALSE(quiz.save_results());  // the same place still fails, and says so again
    quiz.choose_results_path(f.dir / "elsewhere" / "dev.json");
    CHECK(quiz.save_results());
    CHECK(quiz.saved());
    ResultsLoadResult loaded = load_results(f.dir / "elsewhere" / "dev.json");
    REQUIRE(loaded.results);
    CHECK(loaded.results->answers.size() == 3);
}

TEST_CASE("a quiz whose id climbs out of the results folder is refused and nothing is written") {
    Fixture f;
    f.app.open_profile("Pupil");
    for (const std::string hostile : {"../../escaped", "/tmp/claimdeck-escaped", "a/b", "..", "x\\u001b[2J"}) {
        CAPTURE(hostile);
        const Quiz quiz = balanced_quiz(f.app.deck(), {}, 3, {}, 7);
        std::string json = quiz_to_json(quiz);
        json.replace(json.find(quiz.id), quiz.id.size(), hostile);
        const auto file = f.dir.write("hostile.json", json);
        CHECK_FALSE(f.app.class_quiz().open(file));
        CHECK(f.app.class_quiz().message().find("field \"id\"") != std::string::npos);
        CHECK(f.app.class_quiz().quiz() == nullptr);
    }
    CHECK_FALSE(std::filesystem::exists(f.dir / "escaped-Pupil.json"));
    CHECK_FALSE(std::filesystem::exists("/tmp/claimdeck-escaped-Pupil.json"));
}

TEST_CASE("a results file already there is never overwritten, the new one goes beside it") {
    Fixture f;
    f.app.open_profile("Eve");
    REQUIRE(f.app.class_quiz().open(f.quiz_file()));
    f.app.start_quiz(false);
    QuizApp& quiz = f.app.class_quiz();
    const std::filesystem::path taken = quiz.results_path();
    f.dir.write(std::filesystem::relative(taken, f.dir.path()).string(), "IMPORTANT USER DATA");
    f.answer_all();
    REQUIRE(quiz.saved());
    CHECK(claimdeck::testing::read_file(taken) == "IMPORTANT USER DATA");
    const std::filesystem::path beside = taken.parent_path() / (taken.stem().string() + "-2.json");
    CHECK(quiz.results_path() == beside);
    CHECK(quiz.message() == "Saved to " + beside.string());
    CHECK(load_results(beside).results);
}

TEST_CASE("opening an empty path asks for a path instead of naming an empty file") {
    Fixture f;
    CHECK_FALSE(f.app.class_quiz().open(""));
    CHECK(f.app.class_quiz().message() ==
          "Type or paste the path of the quiz file first, or drop the file on the window.");
}
