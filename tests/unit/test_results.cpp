#include <doctest/doctest.h>

#include "classroom/results.hpp"
#include "classroom_samples.hpp"
#include "temp_dir.hpp"

using namespace claimdeck;
using claimdeck::testing::answer_of;
using claimdeck::testing::results_of;
using claimdeck::testing::TempDir;

namespace {

QuizResults sample() {
    QuizResults results = results_of("Ada",
                                     {answer_of("t0-verified-0", Verdict::Verified, Verdict::Verified, 90, 2500),
                                      answer_of("t0-propaganda-0", Verdict::Propaganda, Verdict::Contested, 50, 4100),
                                      answer_of("t1-contested-0", Verdict::Contested, std::nullopt, 0, 30000)},
                                     "quiz-abc", QuizForm::PreA);
    results.learner_id = "0190a1b2c3d4e-5f6a7b8c9d0e1f2a";
    results.quiz_title = "Week 3 (pretest, form A)";
    return results;
}

// A results file as ClaimDeck wrote them before learner ids (format 1),
// checksum and all, byte for byte.
constexpr const char* kVersion1File = R"({
    "format": "claimdeck-results",
    "format_version": 1,
    "quiz_id": "quiz-old",
    "form": "",
    "deck_id": "class-deck",
    "deck_version": 1,
    "profile": "Ann",
    "app_version": "0.1.0",
    "finished_ms": 1630000000000,
    "answers": [
        {
            "claim": "v1",
            "truth": "verified",
            "picked": "verified",
            "confidence": 90,
            "response_ms": 2500,
            "timed_out": false
        }
    ],
    "checksum": "fnv1a64:797e79e8f402f057"
}
)";

std::string problems_of(const std::string& json) { return describe_all(parse_results(json, "r.json").problems); }

std::string replace(std::string text, const std::string& from, const std::string& to) {
    const std::size_t at = text.find(from);
    REQUIRE(at != std::string::npos);
    return text.replace(at, from.size(), to);
}

// The file's text, once it has read back equal to `results`.
std::string written_and_read_back(const QuizResults& results) {
    const std::string json = results_to_json(results);
    const ResultsLoadResult loaded = parse_results(json, "r.json");
    CHECK(describe_all(loaded.problems) == "");
    REQUIRE(loaded.results);
    CHECK(*loaded.results == results);
    return json;
}

}  // namespace

TEST_CASE("a results file reads back equal to what was written") {
    TempDir dir;
    REQUIRE(write_results_file(dir / "ada.json", sample()).empty());
    ResultsLoadResult loaded = load_results(dir / "ada.json");
    CHECK(describe_all(loaded.problems) == "");
    REQUIRE(loaded.results);
    CHECK(*loaded.results == sample());
    CHECK(loaded.results->answers[2].timed_out());
    CHECK(loaded.results->app_version == CLAIMDECK_VERSION);
    CHECK(loaded.results->learner_id == "0190a1b2c3d4e-5f6a7b8c9d0e1f2a");
    CHECK(loaded.results->quiz_title == "Week 3 (pretest, form A)");
}

TEST_CASE("a results file from before learner ids still loads, with no learner id") {
    const ResultsLoadResult loaded = parse_results(kVersion1File, "old.json");
    CHECK(describe_all(loaded.problems) == "");
    REQUIRE(loaded.results);
    CHECK(loaded.results->profile == "Ann");
    CHECK(loaded.results->learner_id.empty());
    CHECK(loaded.results->format_version() == 1);
    // Written again, it is the same file: an old file keeps its old form.
    CHECK(results_to_json(*loaded.results).find(R"("format_version": 1,)") != std::string::npos);
    CHECK(results_to_json(*loaded.results).find("learner_id") == std::string::npos);
}

TEST_CASE("a version 2 results file must say who took it, with a plain learner id") {
    const std::string json = results_to_json(sample());
    CHECK(json.find(R"("format_version": 2,)") != std::string::npos);
    CHECK(problems_of(replace(json, R"("learner_id": "0190a1b2c3d4e-5f6a7b8c9d0e1f2a",)", ""))
              .find("field \"learner_id\"") != std::string::npos);
    CHECK(problems_of(replace(json, R"("learner_id": "0190a1b2c3d4e-5f6a7b8c9d0e1f2a")", R"("learner_id": "../x")"))
              .find("\"../x\" is not a learner id") != std::string::npos);
}

TEST_CASE("a timed-out answer is written with no verdict and no confidence") {
    const std::string json = results_to_json(sample());
    CHECK(json.find(R"("picked": "",)") != std::string::npos);
    CHECK(json.find(R"("timed_out": true)") != std::string::npos);
    CHECK(json.find(R"("checksum": "fnv1a64:)") != std::string::npos);
}

TEST_CASE("the checksum covers every field") {
    const std::string original = results_checksum(sample());
    CHECK(original.size() == 8 + 16);
    CHECK(results_checksum(sample()) == original);
    QuizResults changed = sample();
    SUBCASE("a verdict") { changed.answers[1].picked = Verdict::Propaganda; }
    SUBCASE("a confidence") { changed.answers[0].confidence = Confidence::Seventy; }
    SUBCASE("a time") { changed.answers[0].response_ms += 1; }
    SUBCASE("the truth") { changed.answers[1].truth = Verdict::Contested; }
    SUBCASE("the profile") { changed.profile = "Bob"; }
    SUBCASE("the learner id") { changed.learner_id = "0190a1b2c3d4e-5f6a7b8c9d0e1f2b"; }
    SUBCASE("the quiz title") { changed.quiz_title = "Week 4"; }
    SUBCASE("the form") { changed.form = QuizForm::PostB; }
    SUBCASE("the quiz") { changed.quiz_id = "quiz-abd"; }
    SUBCASE("an answer dropped") { changed.answers.pop_back(); }
    SUBCASE("what was consulted") { changed.answers[0].lateral = LateralReading{}; }
    CHECK(results_checksum(changed) != original);
}

TEST_CASE("answers that say whether the claim was studied make a version 3 file, under the checksum") {
    QuizResults results = sample();
    results.answers[0].studied = true;
    results.answers[1].studied = false;
    results.answers[2].studied = false;
    const std::string json = written_and_read_back(results);
    CHECK(json.find(R"("format_version": 3,)") != std::string::npos);
    CHECK(json.find(R"("studied": true)") != std::string::npos);
    CHECK(json.find("days_after_post") == std::string::npos);  // form C's alone
    CHECK(problems_of(replace(json, R"("studied": true)", R"("studied": false)")).find("field \"checksum\"") !=
          std::string::npos);
    // A version 2 file does not say; its answers read as unknown.
    const ResultsLoadResult older = parse_results(results_to_json(sample()), "old.json");
    REQUIRE(older.results);
    CHECK_FALSE(older.results->answers[0].studied.has_value());
}

TEST_CASE("results of a delayed posttest carry when it was meant to be taken, under the checksum") {
    QuizResults delayed = sample();
    delayed.form = QuizForm::DelayedC;
    delayed.days_after_post = 14;
    const std::string json = written_and_read_back(delayed);
    CHECK(json.find(R"("format_version": 3,)") != std::string::npos);
    CHECK(json.find(R"("days_after_post": 14,)") != std::string::npos);

    SUBCASE("the days changed by hand break the checksum") {
        CHECK(problems_of(replace(json, R"("days_after_post": 14,)", R"("days_after_post": 2,)"))
                  .find("field \"checksum\": does not match") != std::string::npos);
    }
    SUBCASE("without the days the file is refused") {
        CHECK(problems_of(replace(json, R"("days_after_post": 14,)", "")).find("field \"days_after_post\"") !=
              std::string::npos);
    }
    SUBCASE("other forms' files stay version 2, which older apps read") {
        CHECK(results_to_json(sample()).find("days_after_post") == std::string::npos);
    }
}

TEST_CASE("answers to a quiz that offered the other sources say what was consulted: version 4, under the checksum") {
    QuizResults results = sample();
    results.answers[0].lateral = LateralReading{2, 1, 15000};
    results.answers[1].lateral = LateralReading{};
    results.answers[2].lateral = LateralReading{1, 0, 4000};
    const std::string json = written_and_read_back(results);
    CHECK(json.find(R"("format_version": 4,)") != std::string::npos);
    CHECK(json.find(R"("lateral_searches": 2,)") != std::string::npos);
    CHECK(json.find(R"("lateral_passages": 1,)") != std::string::npos);
    CHECK(json.find(R"("lateral_ms": 15000)") != std::string::npos);

    SUBCASE("a search added by hand breaks the checksum") {
        CHECK(problems_of(replace(json, R"("lateral_searches": 0,)", R"("lateral_searches": 1,)"))
                  .find("field \"checksum\": does not match") != std::string::npos);
    }
    SUBCASE("a record cut short is refused, naming the answer and the field") {
        CHECK(problems_of(replace(json, R"("lateral_passages": 1,)", ""))
                  .find("answers[0], field \"lateral_passages\"") != std::string::npos);
    }
    SUBCASE("a negative count is refused") {
        CHECK(problems_of(replace(json, R"("lateral_searches": 2,)", R"("lateral_searches": -2,)"))
                  .find("field \"lateral_searches\"") != std::string::npos);
    }
    SUBCASE("results of a quiz without the other sources keep their older version and say nothing of them") {
        CHECK(results_to_json(sample()).find("lateral") == std::string::npos);
        CHECK_FALSE(parse_results(results_to_json(sample()), "r.json").results->answers[0].lateral);
    }
}

TEST_CASE("a results file edited after the quiz is refused as tampered") {
    const std::string json = results_to_json(sample());
    const std::string edited = replace(json, R"("picked": "contested")", R"("picked": "propaganda")");
    CHECK(problems_of(edited) ==
          "r.json: field \"checksum\": does not match the rest of the file: it was changed after the quiz "
          "(edited by hand or damaged)\n");
    // Layout is not content: re-indenting keeps the checksum valid.
    std::string reflowed = json;
    for (std::size_t at = reflowed.find("\n    "); at != std::string::npos; at = reflowed.find("\n    ", at))
        reflowed.replace(at, 5, "\n ");
    CHECK(problems_of(reflowed) == "");
}

TEST_CASE("a cut-off results file says it looks truncated") {
    const std::string json = results_to_json(sample());
    const std::string problems = problems_of(json.substr(0, json.size() / 2));
    CHECK(problems.find("r.json: line ") == 0);
    CHECK(problems.find("not valid JSON") != std::string::npos);
    CHECK(problems.find("truncated") != std::string::npos);
}

TEST_CASE("every field of a results file is checked") {
    const std::string json = results_to_json(sample());
    CHECK(problems_of(replace(json, R"("confidence": 90)", R"("confidence": 60)"))
              .find("field \"confidence\": is 60; it must be 0, 50, 70 or 90") != std::string::npos);
    CHECK(problems_of(replace(json, R"("timed_out": true)", R"("timed_out": false)"))
              .find("field \"timed_out\": is false but \"picked\" is empty") != std::string::npos);
    CHECK(problems_of(replace(json, R"("timed_out": true)", R"("timed_out": "yes")"))
              .find("field \"timed_out\": must be true or false") != std::string::npos);
    CHECK(problems_of(replace(json, R"("truth": "verified")", R"("truth": "true")"))
              .find("answers[0], field \"truth\": \"true\" is not one of verified, contested, propaganda") !=
          std::string::npos);
    CHECK(problems_of(replace(json, R"("profile": "Ada")", R"("profile": "")")).find("field \"profile\": is empty") !=
          std::string::npos);
    CHECK(problems_of(replace(json, R"("claim": "t0-propaganda-0")", R"("claim": "t0-verified-0")"))
              .find("holds two answers for claim \"t0-verified-0\"") != std::string::npos);
    CHECK(problems_of(replace(json, R"("format_version": 2)", R"("format_version": 5)"))
              .find("field \"format_version\": is 5; this version of ClaimDeck reads 1 to 4") != std::string::npos);
    CHECK(problems_of("[1, 2]").find("must hold one JSON object") != std::string::npos);
}

TEST_CASE("an oversized results file is refused unread") {
    TempDir dir;
    const auto path = dir.write("huge.json", std::string(5u << 20, ' '));
    ResultsLoadResult loaded = load_results(path);
    REQUIRE(loaded.problems.size() == 1);
    CHECK(loaded.problems[0].message.find("more than the limit") != std::string::npos);
}
