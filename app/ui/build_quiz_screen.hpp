// Build quiz, the teacher's screen: which claims (a balanced set, every
// claim a filter lets through, or a pretest and posttest pair), the clock
// and when verdicts show, a preview of exactly the quiz that will be saved,
// and where to save it for the class.
#pragma once

#include <string>

#include "actions.hpp"
#include "widgets.hpp"

namespace claimdeck::ui {

struct BuildQuizView {
    std::string save_path;  // empty: the default place, shown as the field's hint
};

Action draw_build_quiz_screen(const StudyApp& app, BuildQuizView& view);

}  // namespace claimdeck::ui
