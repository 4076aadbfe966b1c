#include "quiz_screen.hpp"

#include <cmath>
#include <string>

#include "file_buttons.hpp"
#include "reveal_screen.hpp"

namespace claimdeck::ui {
namespace {

// "Card 2 of 10", and the clock, above the card.
void card_header(const QuizRun& run, const Column& column) {
    text_block(
        run.quiz().title + "  \u00B7  card " + std::to_string(run.answered() + 1) + " of " + std::to_string(run.size()),
        fonts().bold, palette().text_muted, column.width);
    const std::optional<std::int64_t> remaining = run.remaining_ms();
    if (!remaining) return;
    text_block(time_left_label(*remaining), fonts().heading, 0, column.width);
    const float limit_ms = static_cast<float>(run.quiz().time_limit_seconds) * 1000;
    const ImU32 fill = *remaining < 5000 ? palette().error : palette().accent;
    progress_bar(static_cast<float>(*remaining) / limit_ms, column.width, fill);
    vertical_space(0.4f);
}

// With the verdicts at the end nothing else would tell the pupil that the
// card before moved on because its time ran out, not by their answer.
void time_ran_out_note(const QuizRun& run, const Column& column) {
    const QuizAnswer* last = run.last_answer();
    if (run.quiz().reveal != RevealMode::AtEnd || !last || !last->timed_out()) return;
    text_block("\u231B  Time ran out on card " + std::to_string(run.answered()) +
                   ": it counts as not answered. This is the next card.",
               fonts().bold, palette().error_text, column.width);
    vertical_space(0.3f);
}

// A quiz that requires the other sources asks for a search before the
// verdict buttons appear: the step comes first, as the teacher wanted.
Action required_sources_step(const StudyApp& app, const QuizRun& run, const Column& column) {
    const bool searched_before = run.lateral_reading().ms > 0;
    muted(searched_before ? "Search the other sources for a word or two, then come back to answer."
                          : "This quiz asks you to check the other sources first: search them for the claim's "
                            "people, places or numbers, then come back to answer.",
          column.width);
    vertical_space(0.3f);
    return draw_sources_button(app.deck(), column, true);
}

Action asked_card(const StudyApp& app, const QuizRun& run, const Claim& claim, QuizView& view) {
    const Column column = page_column(36 * em());
    InColumn in(column);
    vertical_space(1.0f);
    card_header(run, column);
    time_ran_out_note(run, column);
    // No context button: a hint would make one pupil's test easier than another's.
    draw_claim_card(app.deck(), claim, column, view.card);
    vertical_space(0.6f);
    if (run.sources_still_required()) return required_sources_step(app, run, column);
    Action action;
    if (run.quiz().other_sources == OtherSources::Offered) {
        take(action, draw_sources_button(app.deck(), column));
        vertical_space(0.6f);
    }
    if (!answers_in_footer()) take(action, draw_answer_buttons(view.card, column));
    return action;
}

std::string quiz_answer_headline(const QuizAnswer& answer) {
    if (answer.timed_out()) return "\u231B  Time ran out \u2014 it is " + upper(display_name(answer.truth));
    return answer_headline(answer.truth, *answer.picked);
}

void answer_with_reasons(const Claim& claim, const QuizAnswer& answer, const Column& column) {
    draw_verdict_banner(claim, quiz_answer_headline(answer), answer.timed_out() ? "" : sure_note(answer.confidence),
                        column);
    InColumn in(column);
    begin_card(column);
    text_block(claim.text, fonts().claim, 0, card_inner_width(column));
    end_card();
    draw_reasons_card(claim, column);
}

Action revealed_card(const StudyApp& app, const QuizRun& run) {
    const Column column = page_column(36 * em());
    const QuizAnswer& answer = *run.last_answer();
    vertical_space(1.0f);
    if (const Claim* claim = app.deck().claim(answer.claim_id)) answer_with_reasons(*claim, answer, column);
    return {};
}

float reveal_footer_padding() { return std::round(0.6f * em()); }

Action next_bar(const QuizRun& run) {
    const float top = ImGui::GetCursorScreenPos().y;
    footer_background(touch_target() + 2 * reveal_footer_padding());
    const Column column = page_column(36 * em());
    ImGui::SetCursorScreenPos(ImVec2(column.x, top + reveal_footer_padding()));
    const bool last = run.answered() == run.size();
    const std::string label = with_key(last ? "See your score" : "Next card", "Space");
    if (primary_button(label.c_str(), column.width) || pressed(ImGuiKey_Space) || pressed(ImGuiKey_Enter) ||
        pressed(ImGuiKey_KeyPadEnter))
        return act::Next{};
    return {};
}

std::string score_line(const QuizRun& run) {
    int right = 0;
    int timed_out = 0;
    for (const QuizAnswer& answer : run.answers()) {
        right += answer.correct() ? 1 : 0;
        timed_out += answer.timed_out() ? 1 : 0;
    }
    std::string line = "You got " + std::to_string(right) + " of " + std::to_string(run.size()) + " right";
    if (timed_out > 0) line += "; time ran out on " + std::to_string(timed_out) + (timed_out == 1 ? " card" : " cards");
    return line + ".";
}

// Where the results went; when they could not be written, another try,
// to the same place or one the learner types.
Action results_file(const QuizApp& quiz, QuizView& view, float width) {
    vertical_space(0.3f);
    // In the browser the path means nothing: the file is the download.
    const std::string said =
        quiz.saved() && saved_files_download()
            ? "Your results are kept in this browser. Download the file and hand it to your teacher."
            : quiz.message();
    text_block(said, nullptr, quiz.saved() ? palette().text_muted : palette().error_text, width);
    if (quiz.saved()) return saved_file(quiz.results_path(), width);
    vertical_space(0.3f);
    const PathField field = path_field("##retry-path", quiz.results_path().u8string().c_str(), view.retry_path, nullptr,
                                       "Save as\u2026", width);
    if (field.choose) return act::ChooseFile{FilePurpose::RetryResults};
    if (primary_button("Save the results again", width) || field.use) return act::SaveResults{view.retry_path};
    return {};
}

Action summary(const StudyApp& app, const QuizRun& run, QuizView& view) {
    const Column column = page_column(36 * em());
    const float width = card_inner_width(column);
    Action action;
    vertical_space(1.0f);
    {
        InColumn in(column);
        begin_card(column);
        heading(run.quiz().title + " \u2014 done");
        text_block(score_line(run), nullptr, 0, width);
        action = results_file(app.class_quiz(), view, width);
        end_card();
    }
    if (run.reveal_all()) {
        InColumn in(column);
        heading("The verdicts");
        for (const QuizAnswer& answer : run.answers())
            if (const Claim* claim = app.deck().claim(answer.claim_id)) answer_with_reasons(*claim, answer, column);
    }
    InColumn in(column);
    if (primary_button("Home", column.width)) take(action, act::Go{Screen::Home});
    vertical_space(1.0f);
    return action;
}

}  // namespace

std::string time_left_label(std::int64_t remaining_ms) {
    const std::int64_t seconds = (remaining_ms + 999) / 1000;  // 0.2 s left still shows 0:01
    const std::int64_t part = seconds % 60;
    return std::to_string(seconds / 60) + ":" + (part < 10 ? "0" : "") + std::to_string(part) + " left";
}

float quiz_footer_height(const StudyApp& app, const QuizView& view) {
    const QuizRun* run = app.class_quiz().run();
    if (!run) return 0;
    if (run->revealing()) return std::round(touch_target() + 2 * reveal_footer_padding());
    return run->current() && !run->sources_still_required() && answers_in_footer() ? card_footer_height(view.card) : 0;
}

Action draw_quiz_footer(const StudyApp& app, const QuizView& view) {
    const QuizRun* run = app.class_quiz().run();
    if (!run) return {};
    if (run->revealing()) return next_bar(*run);
    return run->sources_still_required() ? Action() : draw_card_footer(view.card);
}

Action draw_quiz_screen(const StudyApp& app, QuizView& view) {
    const QuizRun* run = app.class_quiz().run();
    if (!run) return act::Go{Screen::Home};
    if (const Claim* claim = run->current()) return asked_card(app, *run, *claim, view);
    if (run->revealing()) return revealed_card(app, *run);
    return summary(app, *run, view);
}

}  // namespace claimdeck::ui
