#include <doctest/doctest.h>

#include "classroom/quiz.hpp"
#include "classroom/report_app.hpp"
#include "classroom_samples.hpp"
#include "temp_dir.hpp"

using namespace claimdeck;
using claimdeck::testing::answer_of;
using claimdeck::testing::read_file;
using claimdeck::testing::results_of;
using claimdeck::testing::TempDir;

namespace {

namespace fs = std::filesystem;

constexpr Verdict V = Verdict::Verified;
constexpr Verdict C = Verdict::Contested;
constexpr Verdict P = Verdict::Propaganda;

// A three-claim quiz, one claim of each verdict, answered with `picked` in order.
QuizResults pupil(const std::string& name, Verdict v1, Verdict c1, Verdict p1) {
    return results_of(name, {answer_of("v1", V, v1, 70), answer_of("c1", C, c1, 70), answer_of("p1", P, p1, 70)});
}

// A class folder: Ann gets all three right, Ben calls everything propaganda,
// Cat gets the verified claim wrong. Beside them, files the report must not
// pick up from the folder: a note and a pupil in a subfolder.
struct ClassFolder {
    TempDir dir;
    fs::path folder = dir / "class";

    ClassFolder() {
        write("class/cat.json", pupil("Cat", C, C, P));
        write("class/ann.json", pupil("Ann", V, C, P));
        write("class/ben.json", pupil("Ben", P, P, P));
        write("class/later/dan.json", pupil("Dan", V, C, P));
        dir.write("class/notes.txt", "bring pens");
    }
    fs::path write(const std::string& relative, const QuizResults& results) const {
        fs::path path = dir / relative;
        fs::create_directories(path.parent_path());
        REQUIRE(write_results_file(path, results).empty());
        return path;
    }
};

std::vector<std::string> file_names(const ReportApp& report) {
    std::vector<std::string> names;
    for (const fs::path& file : report.files()) names.push_back(file.filename().string());
    return names;
}

std::vector<std::string> pupil_names(const ReportApp& report) {
    std::vector<std::string> names;
    for (const StudentFigures& student : report.report().students) names.push_back(student.pupil);
    return names;
}

}  // namespace

TEST_CASE("a folder adds every results file directly inside it, in name order") {
    ClassFolder files;
    ReportApp report(files.dir / "results", files.dir / "reports");
    REQUIRE(report.add(files.folder));
    CHECK(file_names(report) == std::vector<std::string>{"ann.json", "ben.json", "cat.json"});
    CHECK(report.message().empty());
    // The report is built from them at once: 6 of 9 answers right.
    CHECK(pupil_names(report) == std::vector<std::string>{"Ann", "Ben", "Cat"});
    CHECK(report.report().totals.files == 3);
    CHECK(report.report().totals.right == 6);
    CHECK(report.report().totals.cards == 9);
    CHECK(report.report().skipped.empty());
}

TEST_CASE("the same file added twice is kept once") {
    ClassFolder files;
    ReportApp report(files.dir / "results", files.dir / "reports");
    REQUIRE(report.add(files.folder / "ann.json"));
    REQUIRE(report.add(files.folder / "." / "ann.json"));
    REQUIRE(report.add(files.folder / "later" / ".." / "ann.json"));
    CHECK(file_names(report) == std::vector<std::string>{"ann.json"});
    // The folder then adds only the files not there yet, after the first.
    REQUIRE(report.add(files.folder));
    CHECK(file_names(report) == std::vector<std::string>{"ann.json", "ben.json", "cat.json"});
    CHECK(report.report().totals.files == 3);
    CHECK(report.report().skipped.empty());
}

TEST_CASE("a path that does not exist is named and changes nothing") {
    ClassFolder files;
    ReportApp report(files.dir / "results", files.dir / "reports");
    REQUIRE(report.add(files.folder / "ann.json"));
    const fs::path missing = files.dir / "class" / "zoe.json";
    CHECK_FALSE(report.add(missing));
    CHECK(report.message() == "There is no results file or folder " + missing.string() + ".");
    CHECK(file_names(report) == std::vector<std::string>{"ann.json"});
    CHECK(pupil_names(report) == std::vector<std::string>{"Ann"});

    SUBCASE("and the next change clears the message") {
        REQUIRE(report.add(files.folder / "ben.json"));
        CHECK(report.message().empty());
    }
}

TEST_CASE("a folder without results files is named and changes nothing") {
    TempDir dir;
    dir.write("empty/notes.txt", "no results here");
    ReportApp report(dir / "results", dir / "reports");
    CHECK_FALSE(report.add(dir / "empty"));
    CHECK(report.message() == "The folder " + (dir / "empty").string() + " holds no results files (.json).");
    CHECK(report.files().empty());
}

TEST_CASE("removing a file rebuilds the report without it") {
    ClassFolder files;
    ReportApp report(files.dir / "results", files.dir / "reports");
    REQUIRE(report.add(files.folder));
    report.remove(1);  // ben.json
    CHECK(file_names(report) == std::vector<std::string>{"ann.json", "cat.json"});
    CHECK(pupil_names(report) == std::vector<std::string>{"Ann", "Cat"});
    CHECK(report.report().totals.right == 5);

    report.remove(7);  // no such row: nothing happens
    CHECK(report.files().size() == 2);

    report.clear();
    CHECK(report.files().empty());
    CHECK(report.report().students.empty());
    CHECK(report.report().claims.empty());
}

TEST_CASE("a damaged file is listed as skipped with its reason, the rest still reports") {
    ClassFolder files;
    std::string edited = results_to_json(pupil("Eve", V, C, C));
    edited.replace(edited.rfind("\"picked\": \"contested\""), 21, "\"picked\": \"propaganda\"");
    files.dir.write("class/eve.json", edited);
    files.dir.write("class/broken.json", "{");

    ReportApp report(files.dir / "results", files.dir / "reports");
    REQUIRE(report.add(files.folder));
    CHECK(file_names(report) ==
          std::vector<std::string>{"ann.json", "ben.json", "broken.json", "cat.json", "eve.json"});
    const std::vector<SkippedFile>& skipped = report.report().skipped;
    REQUIRE(skipped.size() == 2);
    CHECK(fs::path(skipped[0].file).filename() == "broken.json");
    CHECK(skipped[0].reason.find("not valid JSON") != std::string::npos);
    CHECK(fs::path(skipped[1].file).filename() == "eve.json");
    CHECK(skipped[1].reason.find("checksum") != std::string::npos);
    CHECK(pupil_names(report) == std::vector<std::string>{"Ann", "Ben", "Cat"});
}

TEST_CASE("exports are written where asked, with the report's figures") {
    ClassFolder files;
    ReportApp report(files.dir / "results", files.dir / "reports");
    REQUIRE(report.add(files.folder));

    SUBCASE("CSV, into a folder that does not exist yet") {
        const fs::path csv = files.dir / "exports" / "week 3" / "class.csv";
        REQUIRE(report.export_csv(csv));
        CHECK(report.saved());
        const fs::path claims = files.dir / "exports" / "week 3" / "class-claims.csv";
        CHECK(report.message() == "Saved to " + claims.string() + " and 2 more files beside it, one per table");
        CHECK(report.saved_paths() == std::vector<fs::path>{claims,
                                                            files.dir / "exports" / "week 3" / "class-pupils.csv",
                                                            files.dir / "exports" / "week 3" / "class-class.csv"});
        const std::string text = read_file(claims);
        // v1: Ann right, Ben said propaganda, Cat said contested; the tie goes to contested.
        CHECK(text.find("v1,verified,3,1,0.333,0,contested,1\n") != std::string::npos);
        CHECK(text.find("p1,propaganda,3,3,1.000,0,,0\n") != std::string::npos);
        CHECK(read_file(report.saved_paths()[1]).find(",Ben,,,3,1,0.333,") != std::string::npos);

        // The saved file no longer matches once the list changes.
        report.remove(0);
        CHECK_FALSE(report.saved());
        CHECK(report.message().empty());
    }
    SUBCASE("HTML") {
        const fs::path html = report.export_path(ReportFormat::Html);
        // The quiz was not built here: named after its id, and the day it was taken.
        CHECK(html == files.dir / "reports" / "quiz-1-2021-08-26.html");
        REQUIRE(report.export_html(html));
        const std::string text = read_file(html);
        CHECK(text.find("<svg") != std::string::npos);
        CHECK(text.find("Ann") != std::string::npos);
        CHECK(text.find("Ben") != std::string::npos);
    }
}

TEST_CASE("an export that cannot be written says so and names the file") {
    ClassFolder files;
    ReportApp report(files.dir / "results", files.dir / "reports");

    SUBCASE("nothing to report yet") {
        const fs::path csv = files.dir / "class.csv";
        CHECK_FALSE(report.export_csv(csv));
        CHECK(report.message().find("nothing to save") != std::string::npos);
        CHECK_FALSE(fs::exists(csv));
    }
    SUBCASE("only damaged files") {
        REQUIRE(report.add(files.dir.write("bad/broken.json", "{")));
        CHECK_FALSE(report.export_html(files.dir / "class.html"));
        CHECK(report.message().find("nothing to save") != std::string::npos);
    }
    SUBCASE("a folder in the way is a file") {
        REQUIRE(report.add(files.folder));
        const fs::path blocked = files.folder / "ann.json" / "class.csv";
        CHECK_FALSE(report.export_csv(blocked));
        CHECK_FALSE(report.saved());
        CHECK(report.message().find((files.folder / "ann.json").string()) != std::string::npos);
    }
}

TEST_CASE("the export path: the reports folder by default, the chosen name with the format's extension") {
    TempDir dir;
    ReportApp report(dir / "results", dir / "reports");
    CHECK(report.export_path(ReportFormat::Csv) == dir / "reports" / "class-report.csv");
    CHECK(report.export_path(ReportFormat::Html) == dir / "reports" / "class-report.html");
    CHECK(report.export_path(ReportFormat::Csv, dir / "week3") == dir / "week3.csv");
    CHECK(report.export_path(ReportFormat::Html, dir / "week3.csv") == dir / "week3.html");
    // A folder: the default name inside it.
    CHECK(report.export_path(ReportFormat::Csv, dir.path()) == dir / "class-report.csv");
    CHECK(report.export_path(ReportFormat::Html, "out/") == fs::path("out/") / "class-report.html");
}

TEST_CASE("with the class's deck, a file whose true verdicts were rewritten is left out") {
    ClassFolder files;
    QuizResults forged = pupil("Ben", P, P, P);
    for (QuizAnswer& answer : forged.answers) answer.truth = *answer.picked;
    files.write("class/ben.json", forged);
    Deck deck;
    deck.id = "class-deck";
    deck.version = 1;
    for (auto [id, verdict] : {std::pair{"v1", V}, {"c1", C}, {"p1", P}}) {
        deck.claims.emplace_back();
        deck.claims.back().id = id;
        deck.claims.back().verdict = verdict;
    }
    ReportApp report(files.dir / "results", files.dir / "reports", &deck);
    REQUIRE(report.add(files.folder));
    CHECK(pupil_names(report) == std::vector<std::string>{"Ann", "Cat"});
    REQUIRE(report.report().skipped.size() == 1);
    CHECK(report.report().skipped[0].reason.find("but the deck says verified") != std::string::npos);
}

TEST_CASE("an export is named after the quiz built on this device and the day it was taken") {
    ClassFolder files;
    Quiz quiz{"quiz-1", "Year 10: media literacy (A)", "class-deck", 1, {"v1", "c1", "p1"}};
    REQUIRE(write_quiz_file(files.dir / "quizzes" / "year-10.json", quiz).empty());
    ReportApp report(files.dir / "results", files.dir / "reports", nullptr, files.dir / "quizzes");
    CHECK(report.export_path(ReportFormat::Csv) == files.dir / "reports" / "class-report.csv");
    REQUIRE(report.add(files.folder));
    CHECK(report.export_path(ReportFormat::Csv) == files.dir / "reports" / "Year-10-media-literacy-A-2021-08-26.csv");
    CHECK(report.export_path(ReportFormat::Html, files.dir.path()) ==
          files.dir / "Year-10-media-literacy-A-2021-08-26.html");
}

TEST_CASE("an export never replaces a file unasked, and replaces it when told to") {
    ClassFolder files;
    ReportApp report(files.dir / "results", files.dir / "reports");
    REQUIRE(report.add(files.folder));
    const fs::path csv = files.dir / "class.csv";
    // One table of an earlier export is in the way; the others are not.
    const fs::path pupils = files.dir.write("class-pupils.csv", "the teacher's own notes\n");

    CHECK_FALSE(report.export_csv(csv));
    CHECK(report.waiting_to_replace() == csv);
    CHECK(report.message() == pupils.string() + " is already there.");
    CHECK(read_file(pupils) == "the teacher's own notes\n");
    CHECK_FALSE(fs::exists(files.dir / "class-claims.csv"));
    // "Save beside it": a name none of whose tables is there yet.
    CHECK(report.path_beside(ReportFormat::Csv, csv) == files.dir / "class-2.csv");
    CHECK(report.path_beside(ReportFormat::Html, csv) == csv);

    REQUIRE(report.export_csv(csv, true));
    CHECK(report.waiting_to_replace().empty());
    CHECK(report.saved_path() == files.dir / "class-claims.csv");
    CHECK(read_file(pupils).find(",Ben,,,3,1,0.333,") != std::string::npos);
}

TEST_CASE("two pupils who typed the same name are both counted, apart, until the teacher merges them") {
    ClassFolder files;
    QuizResults ann_at_home = pupil("Ann", P, P, P);
    ann_at_home.learner_id = "home-laptop";
    files.write("class/ann-home.json", ann_at_home);
    ReportApp report(files.dir / "results", files.dir / "reports");
    REQUIRE(report.add(files.folder));
    // The ClassFolder's Ann has no learner id (an older file): another learner.
    CHECK(pupil_names(report) == std::vector<std::string>{"Ann (1)", "Ann (2)", "Ben", "Cat"});
    REQUIRE(report.report().namesakes.size() == 1);
    CHECK(report.report().totals.students == 4);

    report.merge_pupils("Ann");
    CHECK(report.has_merges());
    CHECK(report.report().namesakes.empty());
    // One pupil now, with the first file: the second is named as a duplicate.
    CHECK(pupil_names(report) == std::vector<std::string>{"Ann", "Ben", "Cat"});
    REQUIRE(report.report().skipped.size() == 1);
    CHECK(report.report().skipped[0].reason.find("already has results for this quiz") != std::string::npos);
    // The merge outlives changes to the list; and it can be undone.
    report.remove(report.files().size() - 1);
    CHECK(pupil_names(report) == std::vector<std::string>{"Ann", "Ben"});
    report.keep_pupils_apart();
    CHECK(pupil_names(report) == std::vector<std::string>{"Ann (1)", "Ann (2)", "Ben"});
}
