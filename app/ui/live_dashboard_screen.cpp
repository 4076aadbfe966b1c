#include "live_dashboard_screen.hpp"

#include "live/class_figures.hpp"
#include "live_projector_screen.hpp"
#include "number_text.hpp"

namespace claimdeck::ui {
namespace {

// "2 verified · 1 contested · 0 propaganda": the class's verdicts on a card.
std::string verdicts_given(const ClaimFigures& claim) {
    std::string text;
    for (Verdict verdict : kAllVerdicts)
        text += (text.empty() ? "" : "  \u00B7  ") + std::to_string(claim.picked[index_of(verdict)]) + " " +
                std::string(to_string(verdict));
    return text;
}

void class_card(const live::Dashboard& dashboard, const live::LiveFigures& figures, const Column& column) {
    const float width = card_inner_width(column);
    begin_card(column);
    text_block(dashboard.state.title + (dashboard.state.ended ? ": the class has ended" : ": live"), fonts().heading, 0,
               width);
    muted("Join code " + dashboard.state.code, width);
    text_block(count_of(static_cast<int>(dashboard.pupils.size()), "pupil") + " joined  \u00B7  " +
                   count_of(figures.answered, "answer"),
               fonts().claim, 0, width);
    if (figures.answered > 0) {
        text_block(std::to_string(figures.right) + " of " + count_of(figures.answered, "answer") + " right (" +
                       percent_text(figures.accuracy()) + ")",
                   nullptr, 0, width);
        text_block("Telling propaganda from the rest: d\u2032 " + signed_number(figures.propaganda().d_prime) +
                       "  \u00B7  c " + signed_number(figures.propaganda().criterion),
                   nullptr, 0, width);
        muted(
            "Worked out over every answer of the class together; c below 0 means calling claims propaganda too "
            "readily, above 0 too rarely.",
            width);
    }
    end_card();
}

// Teacher pace: the card the class is on, its answers so far, and the way on.
Action current_card(const live::Dashboard& dashboard, const live::LiveFigures& figures, const Column& column) {
    const live::ClassState& state = dashboard.state;
    if (state.pace != live::Pace::Teacher || state.ended) return {};
    const float width = card_inner_width(column);
    Action action;
    begin_card(column);
    if (state.current < static_cast<int>(figures.claims.size())) {
        const ClaimFigures& claim = figures.claims[static_cast<std::size_t>(state.current)];
        text_block("Card " + std::to_string(state.current + 1) + " of " + std::to_string(state.card_count),
                   fonts().heading, 0, width);
        text_block(claim.text, fonts().claim, 0, width);
        text_block(std::to_string(claim.asked) + " of " + count_of(static_cast<int>(dashboard.pupils.size()), "pupil") +
                       " answered",
                   fonts().bold, 0, width);
        muted(verdicts_given(claim), width);
        if (primary_button(state.current + 1 < state.card_count ? "Next card" : "Close the last card", width))
            take(action, act::MoveLiveClassOn{});
    } else {
        text_block("Every card has been shown.", fonts().heading, 0, width);
    }
    end_card();
    return action;
}

void cards_card(const live::LiveFigures& figures, const Column& column) {
    const float width = card_inner_width(column);
    begin_card(column);
    text_block("Each card", fonts().heading, 0, width);
    int listed = 0;
    for (const ClaimFigures& claim : figures.claims) {
        if (claim.asked == 0) continue;
        ++listed;
        vertical_space(0.3f);
        text_block(claim.text, fonts().bold, 0, width);
        muted("It is " + std::string(to_string(claim.truth)) + ".  " + std::to_string(claim.right) + " of " +
                  count_of(claim.asked, "answer") + " right  \u00B7  " + verdicts_given(claim),
              width);
        if (std::optional<Verdict> fooled = claim.most_common_wrong())
            text_block(
                "What fooled the class: most wrong answers said \u201c" + std::string(to_string(*fooled)) + "\u201d.",
                nullptr, palette().error_text, width);
    }
    if (listed == 0) muted("No answers yet: they appear here as pupils give them.", width);
    end_card();
}

void pupils_card(const live::Dashboard& dashboard, const Column& column) {
    const float width = card_inner_width(column);
    begin_card(column);
    text_block("Pupils", fonts().heading, 0, width);
    if (dashboard.pupils.empty()) muted("No one has joined yet.", width);
    for (const live::PupilTotals& pupil : dashboard.pupils)
        text_block(pupil.nickname + ": " + std::to_string(pupil.right) + " of " + count_of(pupil.answered, "answer") +
                       " right",
                   nullptr, 0, width);
    end_card();
}

// Once ended: where the results files went, and the class report on them.
Action ended_card(const live::TeacherClass& live, const live::SavedResults& saved, const Column& column) {
    const float width = card_inner_width(column);
    Action action;
    begin_card(column);
    text_block("The class report", fonts().heading, 0, width);
    if (!saved.problem.empty())
        text_block(saved.problem, nullptr, palette().error_text, width);
    else if (!saved.folder.empty())
        muted("Each pupil's answers are saved as a results file in " + saved.folder.u8string() + ".", width);
    else if (live.answers())
        muted("No one answered, so there is nothing to report.", width);
    const float half = (width - ImGui::GetStyle().ItemSpacing.x) / 2;
    if (!saved.folder.empty() && saved.problem.empty()) {
        if (primary_button("Open the class report", half)) take(action, act::OpenLiveClassReport{});
        ImGui::SameLine();
    }
    if (button("Back to Home", half)) take(action, act::Go{Screen::Home});
    end_card();
    return action;
}

Action closing_buttons(const live::TeacherClass& live, const Column& column) {
    Action action;
    const float width = column.width;
    const float half = (width - ImGui::GetStyle().ItemSpacing.x) / 2;
    if (button("Show the join code", half)) take(action, act::Go{Screen::LiveProjector});
    ImGui::SameLine();
    if (button(live.stage() == live::TeacherStage::Ending ? "Ending the class\u2026" : "End class", half))
        take(action, act::EndLiveClass{});
    return action;
}

}  // namespace

Action draw_live_dashboard_screen(const live::TeacherClass& live, const live::SavedResults& saved) {
    const Column column = page_column(48 * em());
    Action action;
    vertical_space(1.0f);
    InColumn in(column);
    if (!live.dashboard()) {
        begin_card(column);
        take(action, draw_live_class_not_running(live, card_inner_width(column)));
        if (live.state()) muted("Waiting for the class's first figures\u2026", card_inner_width(column));
        end_card();
        return action;
    }
    const live::Dashboard& dashboard = *live.dashboard();
    const live::LiveFigures figures = live::live_figures(dashboard);
    if (!live.problem().empty()) text_block(live.problem(), nullptr, palette().error_text, column.width);
    class_card(dashboard, figures, column);
    take(action, current_card(dashboard, figures, column));
    if (live.stage() == live::TeacherStage::Ended)
        take(action, ended_card(live, saved, column));
    else
        take(action, closing_buttons(live, column));
    vertical_space(0.5f);
    cards_card(figures, column);
    pupils_card(dashboard, column);
    vertical_space(1.0f);
    return action;
}

}  // namespace claimdeck::ui
