// A live class's answers as results files, one per pupil, so the teacher's
// class report (classroom/report_app.hpp) reads a live class exactly as it
// reads a class that handed in files: the same figures, CSV and HTML export.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "classroom/results.hpp"
#include "content/deck.hpp"
#include "live/live_classes.hpp"

namespace claimdeck::live {

// Each pupil's results for the class `state` on `deck`, ended at `ended_ms`.
// Pupils are told apart by their number in the class, not by nickname.
std::vector<QuizResults> live_class_results(const ClassState& state, const Deck& deck,
                                            const std::vector<PupilAnswers>& pupils, std::int64_t ended_ms);

struct SavedResults {
    std::filesystem::path folder;  // where the files went
    std::string problem;           // empty, or a sentence naming the file that failed
};

// Writes them into a folder of their own under `results_dir`:
// live-<CODE>-<ended_ms>/<NN>-<nickname>.json.
SavedResults save_live_class_results(const std::filesystem::path& results_dir, const ClassState& state,
                                     const Deck& deck, const std::vector<PupilAnswers>& pupils, std::int64_t ended_ms);

}  // namespace claimdeck::live
