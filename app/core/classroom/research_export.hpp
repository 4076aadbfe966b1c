// The research export: every answer in a class's results files as one CSV
// row, for a teacher's or a researcher's own analysis. Pupils appear only
// as pseudonymous ids; no name and no free text is written.
// docs/research-export.md is the codebook: it explains each column, in the
// order of kResearchColumns.
#pragma once

#include <array>
#include <string>
#include <vector>

#include "classroom/results.hpp"

namespace claimdeck {

// The header row, in order. Lateral reading is not recorded yet, so it has
// no column.
inline constexpr std::array<const char*, 10> kResearchColumns = {
    "learner",       "claim_id",   "quiz_id",     "form",      "true_verdict",
    "verdict_given", "confidence", "response_ms", "hint_used", "right"};

// How many hex digits of the hash a learner id keeps: 48 bits, so two
// pupils of a school sharing one is vanishingly unlikely.
inline constexpr std::size_t kLearnerIdDigits = 12;

// The first kLearnerIdDigits hex digits of SHA-256(salt, name). The same
// name and salt always give the same id, so a pupil's pretest and posttest
// rows link; another salt gives unrelated ids.
std::string pseudonymous_learner_id(const std::string& name, const std::string& salt);

// "single", "pre" or "post", as the codebook lists them.
std::string research_form_name(QuizForm form);

// The CSV: the header, then one row per answer, file by file in the order
// given and each file's answers in the order they were asked.
std::string research_csv(const std::vector<QuizResults>& results, const std::string& salt);

// A salt for when none was given: 32 random hex digits.
std::string random_salt();

}  // namespace claimdeck
