#include <doctest/doctest.h>

#include "base/calendar.hpp"
#include "classroom/class_report.hpp"
#include "classroom/class_report_export.hpp"
#include "classroom_samples.hpp"
#include "temp_dir.hpp"

using namespace claimdeck;
using claimdeck::testing::answer_of;
using claimdeck::testing::read_file;
using claimdeck::testing::results_of;
using claimdeck::testing::TempDir;

namespace {

constexpr Verdict V = Verdict::Verified;
constexpr Verdict C = Verdict::Contested;
constexpr Verdict P = Verdict::Propaganda;

// A six-claim quiz: two of each verdict.
QuizResults pupil(const std::string& name, std::optional<Verdict> v1, std::optional<Verdict> v2,
                  std::optional<Verdict> c1, std::optional<Verdict> c2, std::optional<Verdict> p1,
                  std::optional<Verdict> p2, int confidence, const std::string& prefix = "",
                  QuizForm form = QuizForm::Single, const std::string& quiz_id = "quiz-1") {
    auto one = [&](const char* claim, Verdict truth, std::optional<Verdict> picked) {
        return answer_of(prefix + claim, truth, picked, picked ? confidence : 0);
    };
    return results_of(
        name,
        {one("v1", V, v1), one("v2", V, v2), one("c1", C, c1), one("c2", C, c2), one("p1", P, p1), one("p2", P, p2)},
        quiz_id, form);
}

// Ann is always right (90 %); Ben calls everything propaganda (50 %); Cat
// gets half right (70 % on verified and contested, 90 % on propaganda) and
// lets c2 time out.
QuizResults ann() { return pupil("Ann", V, V, C, C, P, P, 90); }
QuizResults ben() { return pupil("Ben", P, P, P, P, P, P, 50); }
QuizResults cat() {
    QuizResults results = pupil("Cat", V, C, C, std::nullopt, C, P, 70);
    results.answers[4].confidence = Confidence::Ninety;
    results.answers[5].confidence = Confidence::Ninety;
    return results;
}

struct ClassFiles {
    TempDir dir;
    std::vector<std::filesystem::path> paths;

    void add(const std::string& name, const QuizResults& results) {
        paths.push_back(dir / name);
        REQUIRE(write_results_file(paths.back(), results).empty());
    }
    void add_text(const std::string& name, const std::string& text) { paths.push_back(dir.write(name, text)); }
};

// The text of the CSV table `name`; empty when the export has none.
std::string csv_table(const ClassReport& report, const std::string& name) {
    for (const CsvTable& table : class_report_csv(report))
        if (table.name == name) return table.text;
    return "";
}

const SkippedFile* skipped_named(const ClassReport& report, const std::string& file_name) {
    for (const SkippedFile& skipped : report.skipped)
        if (std::filesystem::path(skipped.file).filename() == file_name) return &skipped;
    return nullptr;
}

}  // namespace

TEST_CASE("a class's figures, checked against hand-computed values") {
    ClassFiles files;
    files.add("ann.json", ann());
    files.add("ben.json", ben());
    files.add("cat.json", cat());
    const ClassReport report = build_class_report(files.paths);
    CHECK(report.skipped.empty());
    CHECK(report.deck_id == "class-deck");
    CHECK(report.deck_version == 1);
    CHECK_FALSE(report.pre_post);

    SUBCASE("per claim: share right and what fooled the class") {
        REQUIRE(report.claims.size() == 6);
        const ClaimFigures& v1 = report.claims[0];
        CHECK(v1.claim_id == "v1");
        CHECK(v1.truth == V);
        CHECK(v1.asked == 3);
        CHECK(v1.right == 2);
        CHECK(v1.share_right() == doctest::Approx(2.0 / 3));
        CHECK(v1.most_common_wrong() == P);
        // v2: Ben said propaganda, Cat contested: a tie goes to the first in
        // verified, contested, propaganda order.
        CHECK(report.claims[1].right == 1);
        CHECK(report.claims[1].most_common_wrong() == C);
        // c2: Ann right, Ben propaganda, Cat timed out.
        const ClaimFigures& c2 = report.claims[3];
        CHECK(c2.right == 1);
        CHECK(c2.timed_out == 1);
        CHECK(c2.picked == std::array<int, 3>{0, 1, 1});
        CHECK(c2.most_common_wrong() == P);
        CHECK(report.claims[4].most_common_wrong() == C);  // p1: Cat said contested
        CHECK(report.claims[5].right == 3);                // p2: nobody fooled
        CHECK_FALSE(report.claims[5].most_common_wrong());
    }

    SUBCASE("per pupil: accuracy, d′ and c for propaganda, Brier") {
        REQUIRE(report.students.size() == 3);
        const StudentFigures& a = report.students[0];
        CHECK(a.profile == "Ann");
        CHECK(a.accuracy() == doctest::Approx(1.0));
        // Propaganda: 2 hits, 0 misses, 0 false alarms, 4 correct rejections.
        // H = 2.5/3, F = 0.5/5; d′ = z(0.8333) − z(0.1) = 0.96742 + 1.28155.
        CHECK(a.propaganda().d_prime == doctest::Approx(2.248973131646302));
        CHECK(a.propaganda().criterion == doctest::Approx(0.15706499972144972));
        CHECK(*a.scorecard.brier == doctest::Approx(0.01));  // (1 − 0.9)² on every card

        const StudentFigures& b = report.students[1];
        CHECK(b.accuracy() == doctest::Approx(2.0 / 6));
        // 2 hits, 0 misses, 4 false alarms: F = 4.5/5.
        CHECK(b.propaganda().d_prime == doctest::Approx(-0.31412999944289943));
        CHECK(b.propaganda().criterion == doctest::Approx(-1.124486565823151));
        CHECK(*b.scorecard.brier == doctest::Approx(0.25));

        const StudentFigures& c = report.students[2];
        CHECK(c.cards == 6);
        CHECK(c.right == 3);
        CHECK(c.timed_out == 1);
        CHECK(c.accuracy() == doctest::Approx(0.5));  // the time-out counts as wrong
        // Over the 5 answered cards: 1 hit, 1 miss, 0 false alarms, 3 correct
        // rejections. H = 0.5, F = 0.5/4.
        CHECK(c.propaganda().d_prime == doctest::Approx(1.1503493803760079));
        CHECK(c.propaganda().criterion == doctest::Approx(0.5751746901880039));
        // 0.09 + 0.49 + 0.09 + 0.81 + 0.01 over 5.
        CHECK(*c.scorecard.brier == doctest::Approx(0.298));
    }

    SUBCASE("class totals") {
        const GroupFigures& all = report.totals;
        CHECK(all.students == 3);
        CHECK(all.files == 3);
        CHECK(all.cards == 18);
        CHECK(all.right == 11);
        CHECK(all.timed_out == 1);
        CHECK(all.accuracy() == doctest::Approx(11.0 / 18));
        CHECK(all.mean_d_prime == doctest::Approx(1.0283975041931368));
        CHECK(all.mean_criterion == doctest::Approx(-0.13074895863789915));
        CHECK(*all.pooled.brier == doctest::Approx(3.05 / 17));  // 0.06 + 1.5 + 1.49 over 17 stated
    }
}

TEST_CASE("bad files are left out, each with its reason, and the rest still counts") {
    ClassFiles files;
    files.add("ann.json", ann());
    files.add("ben.json", ben());
    files.add("cat.json", cat());
    files.add_text("malformed.json", "{ this is not json }");
    const std::string dee = results_to_json(pupil("Dee", V, V, C, C, P, P, 70));
    files.add_text("truncated.json", dee.substr(0, dee.size() - 40));
    std::string edited = results_to_json(pupil("Eve", V, V, C, C, P, C, 70));
    edited.replace(edited.rfind("\"picked\": \"contested\""), 21, "\"picked\": \"propaganda\"");
    files.add_text("tampered.json", edited);
    files.add("other-quiz.json", pupil("Fay", V, V, C, C, P, P, 70, "", QuizForm::Single, "quiz-2"));
    QuizResults other_deck = pupil("Gus", V, V, C, C, P, P, 70);
    other_deck.deck_version = 2;
    files.add("other-deck.json", other_deck);
    files.paths.push_back(files.paths[0]);  // ann.json given twice
    files.add("ben-again.json", pupil("Ben", V, V, C, C, P, P, 90));

    const ClassReport report = build_class_report(files.paths);
    REQUIRE(report.skipped.size() == 7);
    CHECK(skipped_named(report, "malformed.json")->reason.find("not valid JSON") != std::string::npos);
    CHECK(skipped_named(report, "truncated.json")->reason.find("truncated") != std::string::npos);
    CHECK(skipped_named(report, "tampered.json")->reason.find("checksum") != std::string::npos);
    CHECK(skipped_named(report, "other-quiz.json")->reason ==
          "wrong quiz: these results are for quiz \"quiz-2\", the class's are for quiz \"quiz-1\"");
    CHECK(skipped_named(report, "other-deck.json")->reason ==
          "wrong deck: these results are for deck \"class-deck\" version 2, the class's are for deck "
          "\"class-deck\" version 1");
    CHECK(skipped_named(report, "ann.json")->reason.find("duplicate: the same results as ") == 0);
    CHECK(skipped_named(report, "ben-again.json")->reason.find("\"Ben\" already has results for this quiz") !=
          std::string::npos);

    // Ann counts once, Ben with his first file.
    REQUIRE(report.students.size() == 3);
    CHECK(report.totals.right == 11);
    CHECK(report.students[1].accuracy() == doctest::Approx(2.0 / 6));
}

TEST_CASE("on a one-to-one split of quizzes or decks, the first file's group counts") {
    // The first file's quiz id sorts after the second's, so neither "the
    // last file" nor "the smallest id" passes for "the first file".
    SUBCASE("two quizzes") {
        ClassFiles files;
        files.add("1-first.json", pupil("Ann", V, V, C, C, P, P, 90, "", QuizForm::Single, "quiz-b"));
        files.add("2-second.json", pupil("Ben", V, V, C, C, P, P, 90, "", QuizForm::Single, "quiz-a"));
        const ClassReport report = build_class_report(files.paths);
        REQUIRE(report.students.size() == 1);
        CHECK(report.students[0].profile == "Ann");
        REQUIRE(report.skipped.size() == 1);
        REQUIRE(skipped_named(report, "2-second.json") != nullptr);
        CHECK(skipped_named(report, "2-second.json")->reason ==
              "wrong quiz: these results are for quiz \"quiz-a\", the class's are for quiz \"quiz-b\"");
    }
    SUBCASE("two versions of the deck") {
        ClassFiles files;
        QuizResults newer = pupil("Ann", V, V, C, C, P, P, 90);
        newer.deck_version = 2;
        files.add("1-first.json", newer);
        files.add("2-second.json", pupil("Ben", V, V, C, C, P, P, 90));
        const ClassReport report = build_class_report(files.paths);
        CHECK(report.deck_version == 2);
        REQUIRE(report.students.size() == 1);
        CHECK(report.students[0].profile == "Ann");
        REQUIRE(report.skipped.size() == 1);
        REQUIRE(skipped_named(report, "2-second.json") != nullptr);
        CHECK(skipped_named(report, "2-second.json")->reason.find("wrong deck") == 0);
    }
}

TEST_CASE("pre/post: a class that only grew more sceptical is told so") {
    ClassFiles files;
    // Pretest: one propaganda claim missed. Posttest: every propaganda claim
    // caught, but a contested one called propaganda too.
    for (const char* name : {"Dee", "Eve"}) {
        files.add(std::string(name) + "-a.json", pupil(name, V, V, C, C, P, C, 70, "a-", QuizForm::PreA, "quiz-a"));
        files.add(std::string(name) + "-b.json", pupil(name, V, V, C, P, P, P, 70, "b-", QuizForm::PostB, "quiz-b"));
    }
    // Fay took only the pretest, so she is left out of the comparison.
    files.add("fay-a.json", pupil("Fay", C, C, V, V, C, C, 50, "a-", QuizForm::PreA, "quiz-a"));

    const ClassReport report = build_class_report(files.paths);
    CHECK(report.skipped.empty());
    CHECK(report.totals.students == 3);
    CHECK(report.claims.size() == 12);
    REQUIRE(report.pre_post);
    const PrePostChange& change = *report.pre_post;
    CHECK(change.pre.students == 2);
    CHECK(change.pre.accuracy() == doctest::Approx(5.0 / 6));
    CHECK(change.post.accuracy() == doctest::Approx(5.0 / 6));
    // Pre: H = 1.5/3, F = 0.5/5. Post: H = 2.5/3, F = 1.5/5.
    CHECK(change.pre.mean_d_prime == doctest::Approx(1.2815515655446008));
    CHECK(change.pre.mean_criterion == doctest::Approx(0.6407757827723004));
    CHECK(change.post.mean_d_prime == doctest::Approx(1.491822078809742));
    CHECK(change.post.mean_criterion == doctest::Approx(-0.22151052669683036));
    CHECK(change.summary ==
          "Accuracy stayed at 83 % (2 pupils took both forms). The class did not get better at telling propaganda "
          "from true and contested claims (d\u2032 1.3 \u2192 1.5); it just calls more claims propaganda "
          "(c 0.6 \u2192 \u22120.2): more sceptical of everything, not more discerning.");
}

TEST_CASE("the pre/post sentence tells better discrimination from a shifted lean") {
    GroupFigures pre;
    pre.students = 12;
    pre.cards = 100;
    pre.right = 52;
    pre.mean_d_prime = 0.6;
    pre.mean_criterion = 0.3;
    GroupFigures post = pre;
    post.right = 61;

    SUBCASE("d′ up") {
        post.mean_d_prime = 1.4;
        CHECK(describe_pre_post(pre, post) ==
              "Accuracy went from 52 % to 61 % (12 pupils took both forms). The class got better at telling "
              "propaganda from true and contested claims (d\u2032 0.6 \u2192 1.4).");
    }
    SUBCASE("d′ up and c down") {
        post.mean_d_prime = 1.4;
        post.mean_criterion = -0.2;
        CHECK(describe_pre_post(pre, post).find(", and also calls claims propaganda more readily (c 0.3 \u2192 "
                                                "\u22120.2).") != std::string::npos);
    }
    SUBCASE("d′ flat, c up") {
        post.mean_criterion = 0.9;
        CHECK(describe_pre_post(pre, post).find("it just calls fewer claims propaganda (c 0.3 \u2192 0.9): more "
                                                "trusting, not more discerning.") != std::string::npos);
    }
    SUBCASE("d′ down") {
        post.mean_d_prime = 0.1;
        CHECK(describe_pre_post(pre, post).find("The class got worse at telling") != std::string::npos);
    }
    SUBCASE("nothing clear") {
        post.mean_d_prime = 0.7;
        post.mean_criterion = 0.2;
        CHECK(describe_pre_post(pre, post).find("No clear change") != std::string::npos);
    }
}

TEST_CASE("pre/post/delayed: the report says whether what the class learnt lasted") {
    constexpr std::int64_t kDay = 86'400'000;
    ClassFiles files;
    // Results of a delayed posttest are written by apps with learner ids.
    const auto add = [&](const std::string& file, QuizResults results) {
        results.learner_id = "id-" + results.profile;
        files.add(file, results);
    };
    // Pretest: one propaganda claim missed. Posttest: all right. Fifteen days
    // later, the delayed posttest: the propaganda claim missed again.
    for (const char* name : {"Dee", "Eve"}) {
        add(std::string(name) + "-a.json", pupil(name, V, V, C, C, P, C, 70, "a-", QuizForm::PreA, "quiz-a"));
        add(std::string(name) + "-b.json", pupil(name, V, V, C, C, P, P, 70, "b-", QuizForm::PostB, "quiz-b"));
        QuizResults delayed = pupil(name, V, V, C, C, P, C, 70, "c-", QuizForm::DelayedC, "quiz-c");
        delayed.days_after_post = 14;
        delayed.finished_ms += 15 * kDay;
        add(std::string(name) + "-c.json", delayed);
    }
    // Fay skipped the delayed posttest: she counts before and after, not in whether it lasted.
    add("fay-a.json", pupil("Fay", C, C, V, V, C, C, 50, "a-", QuizForm::PreA, "quiz-a"));
    add("fay-b.json", pupil("Fay", V, V, C, C, P, P, 50, "b-", QuizForm::PostB, "quiz-b"));

    const ClassReport report = build_class_report(files.paths);
    CHECK(report.skipped.empty());
    REQUIRE(report.forms.size() == 3);
    CHECK(report.forms[2].form == QuizForm::DelayedC);
    CHECK(form_heading(QuizForm::DelayedC) == "Delayed posttest (form C)");
    REQUIRE(report.pre_post);
    CHECK(report.pre_post->pre.students == 3);
    REQUIRE(report.pre_post->pupils.size() == 3);
    CHECK(report.pre_post->pupils[0].delayed);
    CHECK(report.pre_post->pupils[0].post->quiz_id == "quiz-b");  // form C is not taken for the posttest
    CHECK_FALSE(report.pre_post->pupils[2].delayed);

    REQUIRE(report.retention);
    const Retention& kept = *report.retention;
    CHECK(kept.pre.students == 2);
    CHECK(kept.delayed.students == 2);
    CHECK(kept.days_meant == 14);
    CHECK(kept.median_days_taken == doctest::Approx(15.0));
    // Pre and delayed: H = 1.5/3, F = 0.5/5. Post: H = 2.5/3, F = 0.5/5.
    CHECK(kept.post.mean_d_prime == doctest::Approx(2.2490));
    CHECK(kept.summary ==
          "The delayed posttest was taken a median of 15 days after the posttest (meant: 14 days). What the class "
          "learnt did not last: by the delayed posttest it was no better at telling propaganda from true and "
          "contested claims than before training (d\u2032 1.3 \u2192 2.2 \u2192 1.3; c 0.6 \u2192 0.2 \u2192 0.6).");

    const std::string html = class_report_html(report);
    CHECK(html.find("<h2>Did it last?</h2>") != std::string::npos);
    CHECK(html.find("<tr><td>Delayed posttest (form C)</td><td>2</td><td>83 %</td><td>1.28</td>") != std::string::npos);
    CHECK(csv_table(report, "class").find("\"delayed posttest (form C), pupils who took all three\",2,") !=
          std::string::npos);
    // Each pupil's delayed posttest follows their change; Fay did not take it.
    CHECK(html.find("<th>change</th><th>delayed posttest</th><th>note</th>") != std::string::npos);
    CHECK(html.find("<tr><td>Dee</td><td>83 %</td><td>100 %</td><td>17 points</td><td>83 %</td>") != std::string::npos);
    CHECK(html.find("<tr><td>Fay</td><td>0 %</td><td>100 %</td><td>100 points</td><td>—</td>") != std::string::npos);
    CHECK(csv_table(report, "pupils-before-after").find("\nDee,0.833,1.000,0.167,0,0,no,0.833\n") != std::string::npos);
}

TEST_CASE("each form's answers are split by whether the pupil had studied the claim") {
    ClassFiles files;
    // Gus had studied the verdicts' first claims (v1, c1, p1) and got them
    // right; of the rest he got only v2 right.
    QuizResults gus = pupil("Gus", V, V, C, V, P, C, 70);
    for (QuizAnswer& answer : gus.answers) answer.studied = answer.claim_id.back() == '1';
    gus.learner_id = "id-gus";
    files.add("gus.json", gus);
    // Hal's file is from an app that did not say: he counts in the form, not in the split.
    files.add("hal.json", pupil("Hal", V, V, C, C, P, P, 70));

    const ClassReport report = build_class_report(files.paths);
    REQUIRE(report.forms.size() == 1);
    REQUIRE(report.forms[0].by_study);
    const StudiedSplit& split = *report.forms[0].by_study;
    CHECK(report.forms[0].figures.cards == 12);
    CHECK(split.studied.cards == 3);
    CHECK(split.studied.right == 3);
    CHECK(split.unstudied.cards == 3);
    CHECK(split.unstudied.right == 1);
    CHECK(split.unstudied.students == 1);
    // Unstudied, propaganda against the rest: p2 missed, no false alarm on v2
    // or c2, so H = 0.5/2 and F = 0.5/3 (the log-linear rule, scoring.hpp).
    CHECK(describe_studied_part(split.unstudied, false) ==
          "Claims they had not studied: 33 % right, mean d\u2032 0.3, mean c 0.8 (3 answers)");
    CHECK(describe_studied_part(GroupFigures{}, true) == "Claims they had studied: none");
    CHECK(class_report_html(report).find("<h2>Claims studied and not studied</h2>") != std::string::npos);
    CHECK(csv_table(report, "class").find("\"The class, claims not studied\",1,1,3,1,") != std::string::npos);

    SUBCASE("files that do not say give no split") {
        ClassFiles old;
        old.add("hal.json", pupil("Hal", V, V, C, C, P, P, 70));
        CHECK_FALSE(build_class_report(old.paths).forms[0].by_study);
    }
}

TEST_CASE("each form's answers are split by whether the pupil checked the other sources first") {
    ClassFiles files;
    // Ida searched before the verdicts' first claims and got them right;
    // without searching she got only v2 right.
    QuizResults ida = pupil("Ida", V, V, C, V, P, C, 70);
    for (QuizAnswer& answer : ida.answers)
        answer.lateral = answer.claim_id.back() == '1' ? LateralReading{1, 1, 9000} : LateralReading{};
    ida.learner_id = "id-ida";
    files.add("ida.json", ida);
    // Jon's quiz did not offer the other sources: he counts in the form, not in the split.
    files.add("jon.json", pupil("Jon", V, V, C, C, P, P, 70));

    const ClassReport report = build_class_report(files.paths);
    REQUIRE(report.forms.size() == 1);
    REQUIRE(report.forms[0].by_lateral_reading);
    const LateralReadingSplit& split = *report.forms[0].by_lateral_reading;
    CHECK(split.after_checking.cards == 3);
    CHECK(split.after_checking.right == 3);
    CHECK(split.without_checking.cards == 3);
    CHECK(split.without_checking.right == 1);
    CHECK(describe_lateral_reading_part(split.without_checking, false) ==
          "Without checking other sources: 33 % right, mean d\u2032 0.3, mean c 0.8 (3 answers)");
    CHECK(describe_lateral_reading_part(GroupFigures{}, true) == "After checking other sources: none");
    CHECK(class_report_html(report).find("<h2>Checking other sources</h2>") != std::string::npos);
    CHECK(class_report_html(report).find("After checking other sources: 100 % right") != std::string::npos);
    CHECK(csv_table(report, "class").find("\"The class, after checking other sources\",1,1,3,3,") != std::string::npos);
    CHECK(csv_table(report, "class").find("\"The class, without checking other sources\",1,1,3,1,") !=
          std::string::npos);

    SUBCASE("quizzes without the other sources give no split and no section") {
        ClassFiles old;
        old.add("jon.json", pupil("Jon", V, V, C, C, P, P, 70));
        const ClassReport plain = build_class_report(old.paths);
        CHECK_FALSE(plain.forms[0].by_lateral_reading);
        CHECK(class_report_html(plain).find("Checking other sources") == std::string::npos);
    }
}

TEST_CASE("the retention sentence tells a lasting gain from a fading one and from none") {
    Retention kept;
    kept.pre.students = 12;
    kept.pre.mean_d_prime = 0.6;
    kept.post = kept.pre;
    kept.post.mean_d_prime = 1.4;
    kept.delayed = kept.post;
    kept.days_meant = 14;
    kept.median_days_taken = 13.6;

    SUBCASE("kept") {
        kept.delayed.mean_d_prime = 1.3;
        CHECK(describe_retention(kept) ==
              "The delayed posttest was taken a median of 14 days after the posttest (meant: 14 days). What the "
              "class learnt lasted: at the delayed posttest it was still better at telling propaganda from true and "
              "contested claims than before training (d\u2032 0.6 \u2192 1.4 \u2192 1.3; c 0.0 \u2192 0.0 "
              "\u2192 0.0).");
    }
    SUBCASE("partly kept") {
        kept.delayed.mean_d_prime = 1.0;
        CHECK(describe_retention(kept).find("What the class learnt partly lasted") != std::string::npos);
    }
    SUBCASE("lost") {
        kept.delayed.mean_d_prime = 0.8;
        CHECK(describe_retention(kept).find("What the class learnt did not last") != std::string::npos);
    }
    SUBCASE("nothing learnt to keep") {
        kept.post.mean_d_prime = 0.7;
        CHECK(describe_retention(kept).find("Training had not made the class clearly better") != std::string::npos);
    }
    SUBCASE("one pupil: no median") {
        kept.pre.students = 1;
        CHECK(describe_retention(kept).find("was taken 14 days after the posttest") != std::string::npos);
    }
    SUBCASE("taken before the posttest") {
        kept.median_days_taken = -2;
        CHECK(describe_retention(kept).find("Most pupils took the delayed posttest before the posttest") == 0);
    }
}

TEST_CASE("a pupil name with terminal escape sequences reaches the CSV as visible text") {
    ClassFiles files;
    files.add("ann.json", pupil("Ann\x1b]0;PWNED\x07\x1b[2J", V, V, C, C, P, P, 90));
    const std::string csv = csv_table(build_class_report(files.paths), "pupils");
    CHECK(csv.find('\x1b') == std::string::npos);
    CHECK(csv.find('\x07') == std::string::npos);
    CHECK(csv.find("Ann\\x1b]0;PWNED\\x07\\x1b[2J") != std::string::npos);
}

TEST_CASE("CSV and HTML exports escape what pupils typed") {
    ClassFiles files;
    files.add("ann.json", pupil("=HYPERLINK(\"x\"), <script>alert(1)</script>", V, V, C, C, P, P, 90));
    files.add("ben.json", ben());
    files.add_text("broken<b>.json", "{");
    const ClassReport report = build_class_report(files.paths);

    CHECK(csv_table(report, "claims")
              .find("claim,claim id,true verdict,asked,right,share right,timed out,most common wrong answer,"
                    "picked by\nv1,v1,verified,2,1,0.500,0,propaganda,1\n") == 0);
    CHECK(csv_table(report, "pupils").find(",\"'=HYPERLINK(\"\"x\"\"), <script>alert(1)</script>\",,,6,6,1.000,") !=
          std::string::npos);
    CHECK(csv_table(report, "left-out").find("file,reason\n") == 0);

    const std::string html = class_report_html(report);
    CHECK(html.find("<script") == std::string::npos);
    CHECK(html.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
    CHECK(html.find("broken&lt;b&gt;.json") != std::string::npos);
    CHECK(html.find("<svg") != std::string::npos);
    // Self-contained: nothing is fetched from anywhere.
    for (const char* external : {"http:", "https:", "src=", "href=", "@import", "url("})
        CHECK(html.find(external) == std::string::npos);
}

namespace {

// Ben's file with the true verdicts rewritten to match his answers and the
// checksum recomputed, as quiz/forge.py in the reliability test did.
QuizResults forged_ben() {
    QuizResults results = ben();
    for (QuizAnswer& answer : results.answers) answer.truth = *answer.picked;
    return results;
}

// The six claims of pupil(), with their real verdicts.
Deck six_claim_deck() {
    Deck deck;
    deck.id = "class-deck";
    deck.version = 1;
    for (auto [id, verdict] : {std::pair{"v1", V}, {"v2", V}, {"c1", C}, {"c2", C}, {"p1", P}, {"p2", P}}) {
        Claim claim;
        claim.id = id;
        claim.verdict = verdict;
        claim.text = std::string("The words of claim ") + id + ", \"quoted\" & <b>";
        deck.claims.push_back(claim);
    }
    deck.index();
    return deck;
}

}  // namespace

TEST_CASE("a file whose true verdicts disagree with the other files is left out, with the claim named") {
    ClassFiles files;
    files.add("ann.json", ann());
    files.add("ben.json", forged_ben());
    files.add("cat.json", cat());
    const ClassReport report = build_class_report(files.paths);
    REQUIRE(skipped_named(report, "ben.json"));
    CHECK(skipped_named(report, "ben.json")->reason ==
          "claim \"v1\": this file gives the true verdict as propaganda, but the other files say verified (the file "
          "was changed after the quiz)");
    CHECK(report.students.size() == 2);
    CHECK_FALSE(report.checked_against_deck);
    for (const ClaimFigures& claim : report.claims)
        CHECK(claim.truth == (claim.claim_id[0] == 'v' ? V : claim.claim_id[0] == 'c' ? C : P));
}

TEST_CASE("two files that disagree cannot be settled without the deck, with it, the forged one is left out") {
    ClassFiles files;
    files.add("ben.json", forged_ben());
    files.add("ann.json", ann());

    const ClassReport without_deck = build_class_report(files.paths);
    CHECK(without_deck.students.empty());
    REQUIRE(skipped_named(without_deck, "ann.json"));
    CHECK(skipped_named(without_deck, "ann.json")->reason.find("the files disagree on its true verdict") !=
          std::string::npos);

    const Deck deck = six_claim_deck();
    const ClassReport with_deck = build_class_report(files.paths, &deck);
    CHECK(with_deck.checked_against_deck);
    REQUIRE(with_deck.students.size() == 1);
    CHECK(with_deck.students[0].profile == "Ann");
    REQUIRE(skipped_named(with_deck, "ben.json"));
    CHECK(skipped_named(with_deck, "ben.json")->reason.find("but the deck says verified") != std::string::npos);
}

TEST_CASE("a pretest and a posttest get a headline each, never one figure mixing them") {
    ClassFiles files;
    // Pretest: 3 of 6 right. Posttest: all 6 right. Mixed, it would read 75 %.
    files.add("gus-a.json", pupil("Gus", V, V, C, C, C, C, 70, "a-", QuizForm::PreA, "quiz-a"));
    files.add("gus-b.json", pupil("Gus", V, V, C, C, P, P, 70, "b-", QuizForm::PostB, "quiz-b"));
    files.add("hal-a.json", pupil("Hal", V, V, C, P, C, C, 70, "a-", QuizForm::PreA, "quiz-a"));

    const ClassReport report = build_class_report(files.paths);
    REQUIRE(report.forms.size() == 2);
    CHECK(report.forms[0].form == QuizForm::PreA);
    CHECK(report.forms[0].figures.students == 2);
    CHECK(report.forms[0].figures.accuracy() == doctest::Approx(7.0 / 12));
    CHECK(report.forms[1].form == QuizForm::PostB);
    CHECK(report.forms[1].figures.students == 1);
    CHECK(report.forms[1].figures.accuracy() == doctest::Approx(1.0));
    CHECK(form_heading(report.forms[0].form) == "Pretest (form A)");
    CHECK(form_heading(report.forms[1].form) == "Posttest (form B)");
}

TEST_CASE("a single quiz has one headline, the class's") {
    ClassFiles files;
    files.add("ann.json", ann());
    files.add("ben.json", ben());
    const ClassReport report = build_class_report(files.paths);
    REQUIRE(report.forms.size() == 1);
    CHECK(report.forms[0].figures.accuracy() == doctest::Approx(report.totals.accuracy()));
    CHECK(form_heading(report.forms[0].form) == "The class");
}

TEST_CASE("one row per pupil with pre, post and change, flagged where the gain is only more scepticism") {
    ClassFiles files;
    // Dee: d′ 1.3 → 1.5 (not clearly better), c 0.6 → −0.2: only more sceptical.
    files.add("dee-a.json", pupil("Dee", V, V, C, C, P, C, 70, "a-", QuizForm::PreA, "quiz-a"));
    // Gus misses both propaganda claims, then catches them: really better.
    files.add("gus-a.json", pupil("Gus", V, V, C, C, C, C, 70, "a-", QuizForm::PreA, "quiz-a"));
    files.add("dee-b.json", pupil("Dee", V, V, C, P, P, P, 70, "b-", QuizForm::PostB, "quiz-b"));
    files.add("gus-b.json", pupil("Gus", V, V, C, C, P, P, 70, "b-", QuizForm::PostB, "quiz-b"));
    // Fay took only the pretest.
    files.add("fay-a.json", pupil("Fay", C, C, V, V, C, C, 50, "a-", QuizForm::PreA, "quiz-a"));

    const ClassReport report = build_class_report(files.paths);
    REQUIRE(report.pre_post);
    const std::vector<PupilChange>& pupils = report.pre_post->pupils;
    REQUIRE(pupils.size() == 3);

    CHECK(pupils[0].pupil == "Dee");
    REQUIRE(pupils[0].accuracy_change());
    CHECK(*pupils[0].accuracy_change() == doctest::Approx(0.0));
    CHECK(pupils[0].only_more_sceptical());

    CHECK(pupils[1].pupil == "Gus");
    CHECK(pupils[1].pre->accuracy() == doctest::Approx(4.0 / 6));
    CHECK(pupils[1].post->accuracy() == doctest::Approx(1.0));
    CHECK(*pupils[1].accuracy_change() == doctest::Approx(2.0 / 6));
    CHECK_FALSE(pupils[1].only_more_sceptical());

    CHECK(pupils[2].pupil == "Fay");
    CHECK(pupils[2].pre);
    CHECK_FALSE(pupils[2].post);
    CHECK_FALSE(pupils[2].accuracy_change());
    CHECK_FALSE(pupils[2].only_more_sceptical());

    const std::string html = class_report_html(report);
    CHECK(html.find("<tr><td>Dee</td><td>83 %</td><td>83 %</td><td>0 points</td><td>only more sceptical") !=
          std::string::npos);
    CHECK(html.find("<tr><td>Gus</td><td>67 %</td><td>100 %</td><td>33 points</td><td></td></tr>") !=
          std::string::npos);
    CHECK(html.find("<tr><td>Fay</td><td>0 %</td><td>—</td><td>—</td><td></td></tr>") != std::string::npos);
}

TEST_CASE("a pupil who calls fewer claims propaganda without telling them apart better is not flagged as sceptical") {
    auto pupil_with = [](double d_prime, double criterion) {
        StudentFigures figures;
        figures.scorecard.detection[index_of(Verdict::Propaganda)].d_prime = d_prime;
        figures.scorecard.detection[index_of(Verdict::Propaganda)].criterion = criterion;
        return figures;
    };
    CHECK_FALSE(PupilChange{"Ivy", pupil_with(1.0, -0.8), pupil_with(1.0, 0.8), std::nullopt}.only_more_sceptical());
    CHECK(PupilChange{"Jo", pupil_with(1.0, 0.8), pupil_with(1.0, -0.8), std::nullopt}.only_more_sceptical());
}

TEST_CASE("with the class's deck, the CSV and HTML name each claim by its words, the id in a column of its own") {
    ClassFiles files;
    files.add("ann.json", ann());
    const Deck deck = six_claim_deck();
    const ClassReport report = build_class_report(files.paths, &deck);
    REQUIRE(report.claims.size() == 6);
    CHECK(report.claims[0].text == "The words of claim v1, \"quoted\" & <b>");

    const std::string csv = csv_table(report, "claims");
    CHECK(csv.find("\n\"The words of claim v1, \"\"quoted\"\" & <b>\",v1,verified,1,1,1.000,") != std::string::npos);
    const std::string html = class_report_html(report);
    CHECK(html.find("<td>The words of claim v1, &quot;quoted&quot; &amp; &lt;b&gt;</td><td>v1</td>") !=
          std::string::npos);
}

TEST_CASE("the HTML report fits a phone, uses the app's verdict colours and says when the class took the quiz") {
    ClassFiles files;
    files.add("ann.json", ann());
    const ClassReport report = build_class_report(files.paths);
    const std::string html = class_report_html(report);
    CHECK(html.find("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">") != std::string::npos);
    CHECK(html.find("<div class=\"scroll\"><svg") != std::string::npos);
    CHECK(html.find("<div class=\"scroll\"><table>") != std::string::npos);
    for (const char* colour : {"#004488", "#ddaa33", "#bb5566"}) CHECK(html.find(colour) != std::string::npos);
    CHECK(html.find("the last on " + utc_date(report.students[0].finished_ms)) != std::string::npos);
}

TEST_CASE("the HTML report carries the ROC plot with each verdict's AUC") {
    ClassFiles files;
    files.add("ann.json", ann());
    files.add("ben.json", ben());
    const std::string html = class_report_html(build_class_report(files.paths));
    // Seen from verified: Ann's two verified claims rate 5 (verified at 90 %),
    // Ben's two rate 2 (propaganda at 50 %); of the eight other answers Ann's
    // four rate 0 (another verdict at 90 %) and Ben's four rate 2. Each 5
    // beats all eight (16); each 2 beats four and ties four (6 + 6):
    // 28 of 32 pairs = 0.875.
    CHECK(html.find("<h2>Telling each verdict from the rest</h2>") != std::string::npos);
    CHECK(html.find("<title>ROC: each verdict told from the other two</title>") != std::string::npos);
    CHECK(html.find("Verified: AUC 0.88</text>") != std::string::npos);
    CHECK(html.find("stroke=\"#ddaa33\" stroke-width=\"3\" stroke-dasharray=\"9 5\"") != std::string::npos);
}

TEST_CASE("the HTML report is headed by the quiz's title and says when each form was taken") {
    ClassFiles files;
    QuizResults pre = pupil("Ann", V, V, C, C, P, P, 90, "a", QuizForm::PreA, "quiz-a");
    pre.learner_id = "ann-laptop";
    pre.quiz_title = "Year 10 <media> (pretest, form A)";
    QuizResults post = pupil("Ann", V, V, C, C, P, P, 90, "b", QuizForm::PostB, "quiz-b");
    post.learner_id = "ann-laptop";
    post.quiz_title = "Year 10 <media> (posttest, form B)";
    post.finished_ms += 2 * 86'400'000;
    files.add("pre.json", pre);
    files.add("post.json", post);
    const std::string html = class_report_html(build_class_report(files.paths));
    CHECK(html.find("<title>Year 10 &lt;media&gt; (pretest, form A): class report</title>") != std::string::npos);
    CHECK(html.find("<h1>Year 10 &lt;media&gt; (pretest, form A)</h1>") != std::string::npos);
    CHECK(html.find("Year 10 &lt;media&gt; (pretest, form A), taken by 1 pupil, the last on " +
                    utc_date(pre.finished_ms)) != std::string::npos);
    CHECK(html.find("Year 10 &lt;media&gt; (posttest, form B), taken by 1 pupil, the last on " +
                    utc_date(post.finished_ms)) != std::string::npos);
    // A file from before quiz titles: the quiz's id stands in.
    ClassFiles old;
    old.add("ann.json", ann());
    CHECK(class_report_html(build_class_report(old.paths)).find("<h1>quiz quiz-1</h1>") != std::string::npos);
}

TEST_CASE("every CSV table is a file of its own: its header row first, no blank lines, no titles") {
    ClassFiles files;
    files.add("ann-a.json", pupil("Ann", V, V, C, C, P, P, 90, "a", QuizForm::PreA, "quiz-a"));
    files.add("ann-b.json", pupil("Ann", V, V, C, C, P, P, 90, "b", QuizForm::PostB, "quiz-b"));
    files.add_text("broken.json", "{");
    std::vector<std::string> names;
    for (const CsvTable& table : class_report_csv(build_class_report(files.paths))) {
        CAPTURE(table.name);
        names.push_back(table.name);
        CHECK(table.text.find("\n\n") == std::string::npos);
        CHECK(table.text.back() == '\n');
    }
    CHECK(names == std::vector<std::string>{"claims", "pupils", "pupils-before-after", "class", "left-out"});
    const ClassReport report = build_class_report(files.paths);
    CHECK(csv_table(report, "pupils-before-after")
              .find("pupil,pretest accuracy,posttest accuracy,change,pretest timed out,posttest timed out,"
                    "only more sceptical,delayed posttest accuracy\nAnn,1.000,1.000,0.000,0,0,no,\n") == 0);
    CHECK(csv_table(report, "class").find("group,pupils,files,") == 0);
    CHECK(csv_table_path("out/week 3.csv", "claims") == std::filesystem::path("out/week 3-claims.csv"));
}

TEST_CASE("two pupils who typed the same name are both kept, shown apart, and matched pre to post by device") {
    ClassFiles files;
    auto on_device = [](QuizResults results, const std::string& learner_id) {
        results.learner_id = learner_id;
        return results;
    };
    // Two Sams, each on their own laptop, took both forms; an older file
    // (no learner id) is a third Sam.
    files.add("sam1-a.json", on_device(pupil("Sam", V, V, C, C, P, P, 90, "", QuizForm::PreA, "quiz-a"), "laptop-1"));
    files.add("sam2-a.json", on_device(pupil("Sam", P, P, P, P, P, P, 50, "", QuizForm::PreA, "quiz-a"), "laptop-2"));
    files.add("sam2-b.json", on_device(pupil("Sam", V, V, C, C, P, P, 70, "", QuizForm::PostB, "quiz-b"), "laptop-2"));
    files.add("sam1-b.json", on_device(pupil("Sam", V, V, C, C, P, C, 90, "", QuizForm::PostB, "quiz-b"), "laptop-1"));
    files.add("sam-old-b.json", pupil("Sam", V, V, C, C, P, P, 90, "", QuizForm::PostB, "quiz-b"));
    const ClassReport report = build_class_report(files.paths);
    CHECK(report.skipped.empty());
    REQUIRE(report.students.size() == 5);
    CHECK(report.students[0].pupil == "Sam (1)");
    CHECK(report.students[1].pupil == "Sam (2)");
    CHECK(report.students[2].pupil == "Sam (2)");
    CHECK(report.students[3].pupil == "Sam (1)");
    CHECK(report.students[4].pupil == "Sam (3)");
    REQUIRE(report.namesakes.size() == 1);
    CHECK(report.namesakes[0].pupil_keys == std::vector<std::string>{"id:laptop-1", "id:laptop-2", "name:Sam"});
    REQUIRE(report.pre_post);
    REQUIRE(report.pre_post->pupils.size() == 3);
    CHECK(report.pre_post->pupils[1].pupil == "Sam (2)");
    CHECK(report.pre_post->pupils[1].accuracy_change() == doctest::Approx(1.0 - 2.0 / 6));
    CHECK(report.pre_post->pre.students == 2);
    CHECK(csv_table(report, "pupils").find(",Sam (2),laptop-2,A,6,2,") != std::string::npos);

    // Merged, the three are one pupil: their first file of each form counts.
    const ClassReport merged =
        build_class_report(files.paths, nullptr, {{"id:laptop-2", "id:laptop-1"}, {"name:Sam", "id:laptop-1"}});
    CHECK(merged.namesakes.empty());
    CHECK(merged.students.size() == 2);
    CHECK(merged.students[0].pupil == "Sam");
    CHECK(merged.skipped.size() == 3);
}
