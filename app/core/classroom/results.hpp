// A pupil's results for one quiz: the file they hand in and the teacher's
// report reads.
//
//   { "format": "claimdeck-results", "format_version": 2,
//     "quiz_id": "quiz-...", "form": "", "deck_id": "panjshir-2021", "deck_version": 1,
//     "profile": "Ada", "learner_id": "0190a1b2c3d4e-5f6a...", "quiz_title": "Week 3",
//     "app_version": "0.1.0", "finished_ms": 1630000000000,
//     "answers": [ { "claim": "lions-350", "truth": "propaganda", "picked": "contested",
//                    "confidence": 70, "response_ms": 5120, "timed_out": false },
//                  { "claim": "punjir-12", "truth": "verified", "picked": "",
//                    "confidence": 0, "response_ms": 30004, "timed_out": true } ],
//     "checksum": "fnv1a64:8c1f0e3a7b5d2c94" }
//
// Each answer carries the true verdict, so the report needs no deck. A timed
// out card has no verdict ("") and no confidence (0).
//
// The learner id is made once per learner on each device (store.hpp,
// learner_id()): two pupils who both typed "Ana" stay two pupils in the
// report. Format version 1, from before learner ids and quiz titles, has
// neither field and is still read.
//
// Format version 3 adds what the report needs to tell lasting and transferred
// learning apart: each answer's "studied" (whether the pupil had the claim in
// their study schedule on that device when the quiz began), and for a delayed
// posttest (form "C") the quiz's "days_after_post" after "quiz_title". A file
// with neither is still written as version 2, which older apps read.
//
// Format version 4 adds, for a quiz that offered the other sources, what
// each answer's pupil consulted first: "lateral_searches",
// "lateral_passages" and "lateral_ms", as the progress log keeps them.
//
// The checksum is FNV-1a 64 over a canonical text of every other field (see
// results.cpp). It catches accidental edits, damage in transit and casual
// tampering (changing a verdict in a text editor). It is NOT a signature:
// anyone who reads this comment can recompute it, so it does not stop a
// determined forger.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/problems.hpp"
#include "base/verdict.hpp"
#include "classroom/quiz.hpp"
#include "storage/store.hpp"

namespace claimdeck {

// A card shown for longer than a day was not being answered: a results
// file with such a response is refused as damaged.
inline constexpr std::int64_t kMaxResponseMs = 86'400'000;

struct QuizAnswer {
    std::string claim_id;
    Verdict truth = Verdict::Verified;
    std::optional<Verdict> picked;  // nullopt: the time limit ran out first
    Confidence confidence = Confidence::Unstated;
    std::int64_t response_ms = 0;
    // Version 3 on: whether the pupil had studied this claim before the quiz;
    // nullopt in older files, which do not say.
    std::optional<bool> studied;
    // Version 4 on: what the pupil consulted among the other sources before
    // answering; nullopt when the quiz did not offer them.
    std::optional<LateralReading> lateral;

    bool timed_out() const { return !picked; }
    bool correct() const { return picked == truth; }
    bool operator==(const QuizAnswer& other) const;
};

struct QuizResults {
    std::string quiz_id;
    QuizForm form = QuizForm::Single;
    std::string deck_id;
    int deck_version = 0;
    std::string profile;
    std::string learner_id;  // empty only in a version 1 file
    std::string quiz_title;  // version 2 on; may be empty
    std::string app_version = CLAIMDECK_VERSION;
    std::int64_t finished_ms = 0;
    std::vector<QuizAnswer> answers;  // in the order they were asked
    int days_after_post = 0;          // form C (version 3) only, from the quiz

    bool operator==(const QuizResults& other) const;
    // 4 for answers that say what was consulted among the other sources, 3
    // for a delayed posttest or answers that say whether they were studied,
    // else 2, or 1 for results from before learner ids (read from an old
    // file).
    int format_version() const {
        if (says_what_was_consulted()) return 4;
        if (form == QuizForm::DelayedC || says_what_was_studied()) return 3;
        return learner_id.empty() ? 1 : 2;
    }
    bool says_what_was_studied() const;
    bool says_what_was_consulted() const;
};

// "fnv1a64:" and 16 lower-case hex digits.
std::string results_checksum(const QuizResults& results);

// The file's text, checksum included.
std::string results_to_json(const QuizResults& results);
// Empty on success, otherwise a sentence naming the file.
std::string write_results_file(const std::filesystem::path& path, const QuizResults& results);

// Results files come from pupils' machines: they are read with a size cap
// and a shape check first, every field is validated, and a checksum that
// does not match is a problem like any other.
struct ResultsLoadResult {
    std::optional<QuizResults> results;  // set only when there are no problems
    std::vector<Problem> problems;
};
ResultsLoadResult parse_results(std::string_view json, const std::string& file_name);
ResultsLoadResult load_results(const std::filesystem::path& path);

}  // namespace claimdeck
