// The research export: every answer in a class's results files, and every
// study answer in a progress store, as one CSV row each, for a teacher's or
// a researcher's own analysis. Pupils appear only as pseudonymous ids; no
// name and no free text is written.
// docs/research-export.md is the codebook: it explains each column, in the
// order of kResearchColumns.
#pragma once

#include <array>
#include <string>
#include <vector>

#include "classroom/results.hpp"
#include "storage/store.hpp"

namespace claimdeck {

// The header row, in order.
inline constexpr std::array<const char*, 14> kResearchColumns = {
    "learner",          "claim_id",   "quiz_id",     "form",          "true_verdict",
    "verdict_given",    "confidence", "response_ms", "hint_used",     "lateral_searches",
    "lateral_passages", "lateral_ms", "right",       "studied_before"};

// How many hex digits of the hash a learner id keeps: 48 bits, so two
// pupils of a school sharing one is vanishingly unlikely.
inline constexpr std::size_t kLearnerIdDigits = 12;

// The first kLearnerIdDigits hex digits of SHA-256(salt, name). The same
// name and salt always give the same id, so a pupil's pretest and posttest
// rows link; another salt gives unrelated ids.
std::string pseudonymous_learner_id(const std::string& name, const std::string& salt);

// "single", "pre" or "post", as the codebook lists them.
std::string research_form_name(QuizForm form);
// The form of a study answer's row: it answers no quiz.
inline constexpr const char* kStudyFormName = "study";

// One learner's study answers from a progress store, by the name they
// study under.
struct StudyHistory {
    std::string learner;
    std::vector<Review> answers;
};
// The study answers among a learner's `reviews`. Answers to a quiz taken in
// the app are left out: its results file is where they are exported, with
// their quiz and form.
StudyHistory study_history(std::string learner, const std::vector<Review>& reviews);

// The CSV: the header, then one row per answer: results file by file in the
// order given, each file's answers in the order they were asked; then each
// learner's study answers in the order given.
std::string research_csv(const std::vector<QuizResults>& results, const std::vector<StudyHistory>& studied,
                         const std::string& salt);

// A salt for when none was given: 32 random hex digits.
std::string random_salt();

}  // namespace claimdeck
