#include "done_screen.hpp"

#include <string>

namespace claimdeck::ui {
namespace {

std::string cards(int count) { return std::to_string(count) + (count == 1 ? " card" : " cards"); }

std::string session_summary(const StudyApp& app) {
    const Tally& tally = app.session_tally();
    if (tally.answered == 0) return "No cards were answered in this session.";
    std::string summary =
        "You answered " + cards(tally.answered) + " and got " + std::to_string(tally.right) + " right.";
    if (app.session() && app.session()->practice()) summary += " This was practice: your schedule is as it was.";
    return summary;
}

std::string deck_summary(const DeckCounts& counts) {
    return std::to_string(counts.due) + " due \u00B7 " + std::to_string(counts.fresh) + " never seen \u00B7 " +
           std::to_string(counts.learned) + " resting until they are due";
}

std::string tomorrow_text(const StudyApp& app) {
    const int due = app.due_tomorrow();
    const int fresh = app.new_tomorrow();
    if (due == 0 && fresh == 0) return "Nothing is planned for tomorrow: every card is resting.";
    std::string text = "Tomorrow: ";
    if (due > 0) text += cards(due) + " to review";
    if (due > 0 && fresh > 0) text += " and ";
    if (fresh > 0) text += std::to_string(fresh) + " new";
    return text + ".";
}

// The claims answered wrongly, each with what was said and what it is, so
// the learner sees what to think about again.
void mistakes_card(const StudyApp& app, const Column& column) {
    const std::vector<StudyApp::Mistake> mistakes = app.session_mistakes();
    if (mistakes.empty()) return;
    const float width = card_inner_width(column);
    begin_card(column);
    text_block(mistakes.size() == 1 ? "Your mistake" : "Your mistakes", fonts().heading, 0, width);
    for (const StudyApp::Mistake& mistake : mistakes) {
        vertical_space(0.4f);
        text_block(mistake.claim->text, nullptr, 0, width);
        const Verdict truth = mistake.claim->verdict;
        const std::string it_is = std::string(verdict_symbol(truth)) + " " + std::string(display_name(truth));
        chip(it_is, verdict_colour(truth), on_verdict_colour(truth));
        ImGui::SameLine();
        muted("you said " + std::string(display_name(mistake.picked)),
              width - chip_size(it_is).x - ImGui::GetStyle().ItemSpacing.x);
    }
    end_card();
}

}  // namespace

Action draw_day_done(const StudyApp& app, float width) {
    Action action;
    text_block("Done for today", fonts().bold, 0, width);
    muted(tomorrow_text(app), width);
    vertical_space(0.3f);
    const int more = app.next_session(SessionKind::MoreNew).size();
    if (more > 0 && button(("Study " + std::to_string(more) + " more new cards now").c_str(), width))
        take(action, act::StartStudy{SessionKind::MoreNew});
    const int practice = app.next_session(SessionKind::Practice).size();
    if (practice > 0) {
        if (button(("Practise " + cards(practice)).c_str(), width))
            take(action, act::StartStudy{SessionKind::Practice});
        muted("Practice asks about cards you have seen and leaves your schedule as it is.", width);
    }
    if (app.study_settings().daily_limit)
        muted("For a workshop, turn off the daily limit in Settings to study every new card now.", width);
    return action;
}

Action draw_done_screen(const StudyApp& app) {
    const Column column = page_column(36 * em());
    InColumn in(column);
    const float width = card_inner_width(column);
    Action action;
    vertical_space(1.5f);
    begin_card(column);
    heading("Session done");
    vertical_space(0.3f);
    text_block(session_summary(app), nullptr, 0, width);
    muted(deck_summary(app.counts()), width);
    vertical_space(0.4f);
    const int left_today = app.next_session(SessionKind::Today).size();
    if (left_today > 0) {
        if (button(("Go on: " + cards(left_today) + " left for today").c_str(), width)) take(action, act::StartStudy{});
    } else {
        take(action, draw_day_done(app, width));
    }
    end_card();
    mistakes_card(app, column);
    if (primary_button("Home", column.width) || pressed(ImGuiKey_Enter)) take(action, act::Go{Screen::Home});
    if (button("Statistics", column.width)) take(action, act::Go{Screen::Stats});
    return action;
}

}  // namespace claimdeck::ui
