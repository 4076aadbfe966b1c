#include "done_screen.hpp"

#include <string>

namespace claimdeck::ui {
namespace {

std::string session_summary(const Tally& tally) {
    if (tally.answered == 0) return "Nothing is due right now, and today's new cards are done.";
    return "You answered " + std::to_string(tally.answered) + (tally.answered == 1 ? " card" : " cards") + " and got " +
           std::to_string(tally.right) + " right.";
}

std::string deck_summary(const DeckCounts& counts) {
    return std::to_string(counts.learned) + " learned and not due yet \u00B7 " + std::to_string(counts.due) +
           " due \u00B7 " + std::to_string(counts.fresh) + " never seen";
}

}  // namespace

Action draw_done_screen(const StudyApp& app) {
    const Column column = page_column(36 * em());
    InColumn in(column);
    const float width = card_inner_width(column);
    Action action;
    vertical_space(1.5f);
    begin_card(column);
    heading("Session done");
    vertical_space(0.3f);
    text_block(session_summary(app.session_tally()), nullptr, 0, width);
    muted(deck_summary(app.counts()), width);
    end_card();
    if (primary_button("Home", column.width) || pressed(ImGuiKey_Enter)) take(action, act::Go{Screen::Home});
    if (button("Statistics", column.width)) take(action, act::Go{Screen::Stats});
    return action;
}

}  // namespace claimdeck::ui
