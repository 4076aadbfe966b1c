// A class quiz before it is taken: what the opened file holds (title, cards,
// time limit, when verdicts are shown), the learner's choices (count it
// towards their schedule, where to save the results), and Start. The field
// that opens a quiz file by its path is here too; Home shows it as well.
#pragma once

#include <string>

#include "actions.hpp"
#include "widgets.hpp"

namespace claimdeck::ui {

struct ClassQuizView {
    bool count_towards_schedule = false;
    std::string results_path;  // empty: the default place
};

// `typed_paths`: where the results go can be typed or chosen; without
// (the browser) they go to the app's results folder and leave as a download.
Action draw_class_quiz_screen(const StudyApp& app, ClassQuizView& view, bool typed_paths);

// A field for a quiz file's path with an Open button, and Open… for the
// system file chooser where there is one; the file can also be dropped on
// the window.
Action quiz_file_field(std::string& path, float width);

}  // namespace claimdeck::ui
