#include <doctest/doctest.h>

#include <fstream>
#include <regex>
#include <sstream>

#include "classroom/research_export.hpp"
#include "classroom_samples.hpp"

using namespace claimdeck;
using claimdeck::testing::answer_of;
using claimdeck::testing::results_of;

namespace {

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return lines;
}

// The codebook's column headings ("### `learner`"), in the order it gives them.
std::vector<std::string> codebook_columns() {
    std::ifstream in(std::string(CLAIMDECK_TEST_DATA_DIR) + "/../../docs/research-export.md");
    REQUIRE(in);
    std::vector<std::string> columns;
    const std::regex heading("^### `([a-z_]+)`");
    std::smatch match;
    for (std::string line; std::getline(in, line);)
        if (std::regex_search(line, match, heading)) columns.push_back(match[1]);
    return columns;
}

// Ada's pretest says which claims she had studied (v-1 only); the other
// files are from before results said.
std::vector<QuizResults> pre_and_post_of_ada_and_bob() {
    QuizResults ada_pre = results_of("Ada",
                                     {answer_of("v-1", Verdict::Verified, Verdict::Verified, 90, 2500),
                                      answer_of("p-1", Verdict::Propaganda, Verdict::Contested, 50, 4100)},
                                     "quiz-pre", QuizForm::PreA);
    ada_pre.answers[0].studied = true;
    ada_pre.answers[1].studied = false;
    return {
        ada_pre,
        results_of("Bob", {answer_of("c-1", Verdict::Contested, std::nullopt, 0, 30000)}, "quiz-pre", QuizForm::PreA),
        results_of("Ada", {answer_of("v-2", Verdict::Verified, Verdict::Propaganda, 70, 1200)}, "quiz-post",
                   QuizForm::PostB)};
}

}  // namespace

TEST_CASE("a learner id is the same for the same name and salt, and another with another salt") {
    const std::string ada = pseudonymous_learner_id("Ada", "salt-1");
    CHECK(ada.size() == kLearnerIdDigits);
    CHECK(ada.find_first_not_of("0123456789abcdef") == std::string::npos);
    CHECK(pseudonymous_learner_id("Ada", "salt-1") == ada);
    CHECK(pseudonymous_learner_id("Ada", "salt-2") != ada);
    CHECK(pseudonymous_learner_id("Bob", "salt-1") != ada);
    // The salt and the name cannot trade letters and give the same id.
    CHECK(pseudonymous_learner_id("bc", "a") != pseudonymous_learner_id("c", "ab"));
}

TEST_CASE("the research CSV has the header, then one row per answer, each pupil by id only") {
    const std::vector<std::string> lines = lines_of(research_csv(pre_and_post_of_ada_and_bob(), {}, "s"));
    REQUIRE(lines.size() == 5);
    CHECK(lines[0] ==
          "learner,claim_id,quiz_id,form,true_verdict,verdict_given,confidence,response_ms,hint_used,lateral_searches,"
          "lateral_passages,lateral_ms,right,studied_before");
    const std::string ada = pseudonymous_learner_id("Ada", "s");
    const std::string bob = pseudonymous_learner_id("Bob", "s");
    // Quizzes that did not offer the other sources leave the lateral
    // reading columns empty: nothing could be consulted.
    CHECK(lines[1] == ada + ",v-1,quiz-pre,pre,verified,verified,90,2500,0,,,,1,1");
    CHECK(lines[2] == ada + ",p-1,quiz-pre,pre,propaganda,contested,50,4100,0,,,,0,0");
    // A card whose time ran out: no verdict, no confidence, not right; a
    // file that does not say what was studied leaves studied_before empty.
    CHECK(lines[3] == bob + ",c-1,quiz-pre,pre,contested,,,30000,0,,,,0,");
    CHECK(lines[4] == ada + ",v-2,quiz-post,post,verified,propaganda,70,1200,0,,,,0,");
}

TEST_CASE("a quiz that offered the other sources gives what each answer's pupil consulted, nothing included") {
    std::vector<QuizResults> results = pre_and_post_of_ada_and_bob();
    results[0].answers[0].lateral = LateralReading{2, 1, 15000};
    results[0].answers[1].lateral = LateralReading{};
    const std::vector<std::string> lines = lines_of(research_csv(results, {}, "s"));
    const std::string ada = pseudonymous_learner_id("Ada", "s");
    CHECK(lines[1] == ada + ",v-1,quiz-pre,pre,verified,verified,90,2500,0,2,1,15000,1,1");
    CHECK(lines[2] == ada + ",p-1,quiz-pre,pre,propaganda,contested,50,4100,0,0,0,0,0,0");
}

namespace {

Review study_answer(const char* card, Verdict truth, Verdict picked, Confidence confidence, bool hint,
                    LateralReading lateral = {}, ReviewKind kind = ReviewKind::Study) {
    Review review;
    review.card_id = card;
    review.kind = kind;
    review.truth = truth;
    review.picked = picked;
    review.confidence = confidence;
    review.correct = truth == picked;
    review.response_ms = 6400;
    review.hint_used = hint;
    review.lateral = lateral;
    return review;
}

}  // namespace

TEST_CASE("a store's study answers follow the results files' rows, with the hint as used and no quiz") {
    const std::vector<Review> ada_in_store = {
        study_answer("lions-350", Verdict::Verified, Verdict::Verified, Confidence::Seventy, true, {2, 1, 21'000}),
        study_answer("v-1", Verdict::Verified, Verdict::Contested, Confidence::Ninety, false, {}, ReviewKind::Quiz),
        study_answer("punjir-12", Verdict::Propaganda, Verdict::Contested, Confidence::Unstated, false)};
    const std::vector<std::string> lines =
        lines_of(research_csv({results_of("Ada", {answer_of("v-1", Verdict::Verified, Verdict::Contested, 90, 2500)})},
                              {study_history("Ada", ada_in_store)}, "s"));
    const std::string ada = pseudonymous_learner_id("Ada", "s");
    // The quiz taken in the app is its results file's row, not a second one from the store.
    REQUIRE(lines.size() == 4);
    CHECK(lines[1] == ada + ",v-1,quiz-1,single,verified,contested,90,2500,0,,,,0,");
    // Checked two searches' results and read one paragraph, for 21 s.
    CHECK(lines[2] == ada + ",lions-350,,study,verified,verified,70,6400,1,2,1,21000,1,");
    // Studied without saying how sure: no confidence.
    CHECK(lines[3] == ada + ",punjir-12,,study,propaganda,contested,,6400,0,0,0,0,0,");
}

TEST_CASE("no learner's name appears in the research CSV") {
    std::vector<QuizResults> results = pre_and_post_of_ada_and_bob();
    results.push_back(results_of("Zoë \"Q\", Smith", {answer_of("v-1", Verdict::Verified, Verdict::Verified, 50)}));
    const std::string csv = research_csv(results, {}, "s");
    for (const char* name : {"Ada", "Bob", "Zo", "Smith"}) CHECK(csv.find(name) == std::string::npos);
}

TEST_CASE("a claim id with a comma or a quote is quoted as RFC 4180 says") {
    const std::string csv =
        research_csv({results_of("Ada", {answer_of("a,\"b\"", Verdict::Verified, Verdict::Verified, 50)})}, {}, "s");
    CHECK(lines_of(csv).at(1).find(",\"a,\"\"b\"\"\",") != std::string::npos);
}

TEST_CASE("the codebook explains every column, in the CSV's order") {
    CHECK(codebook_columns() == std::vector<std::string>(kResearchColumns.begin(), kResearchColumns.end()));
}
