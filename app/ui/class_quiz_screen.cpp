#include "class_quiz_screen.hpp"

#include <cmath>
#include <string>

#include "file_buttons.hpp"

namespace claimdeck::ui {
namespace {

std::string cards_line(const Quiz& quiz) {
    std::string line = std::to_string(quiz.claim_ids.size()) + (quiz.claim_ids.size() == 1 ? " card" : " cards");
    if (quiz.time_limit_seconds > 0) line += ", " + std::to_string(quiz.time_limit_seconds) + " seconds each";
    return line;
}

const char* reveal_line(RevealMode reveal) {
    return reveal == RevealMode::AfterEach ? "You see the true verdict after each card."
                                           : "You see the true verdicts once the whole quiz is done.";
}

void quiz_card(const QuizApp& quiz, bool typed_paths, const Column& column) {
    const float width = card_inner_width(column);
    begin_card(column);
    text_block(quiz.quiz()->title.empty() ? "Class quiz" : quiz.quiz()->title, fonts().heading, 0, width);
    text_block(cards_line(*quiz.quiz()), nullptr, 0, width);
    text_block(reveal_line(quiz.quiz()->reveal), nullptr, 0, width);
    if (quiz.quiz()->form == QuizForm::DelayedC) text_block(delayed_posttest_note(*quiz.quiz()), nullptr, 0, width);
    // In the browser the file is a copy of the one picked: its path says nothing.
    if (typed_paths) muted(quiz.quiz_file().u8string(), width);
    end_card();
}

Action start_card(const StudyApp& app, ClassQuizView& view, bool typed_paths, const Column& column) {
    const float width = card_inner_width(column);
    begin_card(column);
    if (!app.profile()) {
        text_block("Choose who is taking the quiz on Home first.", nullptr, 0, width);
        const bool home = primary_button("Home", width);
        end_card();
        return home ? Action(act::Go{Screen::Home}) : Action();
    }
    text_block(app.profile()->name, fonts().bold, 0, width);
    if (const QuizRun* run = app.class_quiz().run(); run && app.class_quiz().in_progress()) {
        // Starting again would ask (and log) the answered cards a second time.
        muted(std::to_string(run->answered()) + " of " + std::to_string(run->size()) + " cards answered.", width);
        vertical_space(0.4f);
        const bool resume = primary_button("Continue the quiz", width) || pressed(ImGuiKey_Enter);
        end_card();
        return resume ? Action(act::Go{Screen::Quiz}) : Action();
    }
    checkbox("Count towards my schedule", view.count_towards_schedule);
    muted("Otherwise your answers are kept for the teacher but your study cards stay as they are.", width);
    vertical_space(0.4f);
    PathField results;
    if (typed_paths) {
        text_block("Save the results to", fonts().bold, 0, width);
        results =
            path_field("##results", "the app's results folder", view.results_path, nullptr, "Save as\u2026", width);
        vertical_space(0.4f);
    }
    const bool start = primary_button("Start the quiz", width) || pressed(ImGuiKey_Enter);
    end_card();
    if (results.choose) return act::ChooseFile{FilePurpose::ResultsFile};
    return start ? Action(act::StartQuiz{view.count_towards_schedule, view.results_path}) : Action();
}

}  // namespace

Action quiz_file_field(std::string& path, float width) {
    const PathField field = path_field("##quizfile", "Path of a quiz file (.json)", path, "Open", "Open\u2026", width);
    if (field.choose) return act::ChooseFile{FilePurpose::OpenQuiz};
    // Enter in an empty field is not a request to open nothing.
    if (field.use && !path.empty()) return act::OpenQuiz{path};
    return {};
}

Action draw_class_quiz_screen(const StudyApp& app, ClassQuizView& view, bool typed_paths) {
    const QuizApp& quiz = app.class_quiz();
    if (!quiz.quiz()) return act::Go{Screen::Home};
    const Column column = page_column(36 * em());
    InColumn in(column);
    vertical_space(1.0f);
    quiz_card(quiz, typed_paths, column);
    Action action = start_card(app, view, typed_paths, column);
    vertical_space(1.0f);
    return action;
}

}  // namespace claimdeck::ui
