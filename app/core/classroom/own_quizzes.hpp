// A learner's own class quizzes, for their Statistics: the results files
// this device saved for them in its results folder (where a quiz's results
// go unless the learner chose another place), read as a class report of one
// pupil and worded for them. Of several quizzes of one form, the latest
// counts, so a pretest, its posttest and its delayed posttest, taken weeks
// apart, are compared as the teacher's report compares them.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "classroom/class_report.hpp"
#include "content/deck.hpp"

namespace claimdeck {

struct OwnQuizzes {
    std::vector<FormFigures> forms;  // pretest, posttest, delayed posttest, or the latest single quiz
    std::string pre_post;            // "Your accuracy went from ...", when both forms were taken; else empty
    std::string retention;           // "... What you learnt lasted ...", when all three were; else empty

    bool empty() const { return forms.empty(); }
};

// Only files of `learner_id` on `deck` (its id and version) count; a file
// that cannot be read is passed over, as the teacher's report would leave
// it out. At most kMostOwnResultsFiles files are looked at.
OwnQuizzes read_own_quizzes(const std::filesystem::path& results_dir, const std::string& learner_id, const Deck& deck);
inline constexpr std::size_t kMostOwnResultsFiles = 2000;

}  // namespace claimdeck
