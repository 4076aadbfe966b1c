#include "live_join_screen.hpp"

namespace claimdeck::ui {

Action draw_live_join_screen(const live::PupilClient& pupil, LiveJoinView& view, bool ask_server) {
    const Column column = page_column(30 * em());
    InColumn in(column);
    const float width = card_inner_width(column);
    const bool joining = pupil.stage() == live::PupilStage::Joining;
    Action action;
    vertical_space(1.0f);
    begin_card(column);
    text_block("Join a live class", fonts().heading, 0, width);
    muted(ask_server ? "Paste the join link your teacher shows, or type its server address and code, and a nickname "
                       "the class will see. Nothing else is asked."
                     : "Type the code your teacher shows, and a nickname the class will see. Nothing else is asked.",
          width);
    vertical_space(0.4f);
    bool entered = false;
    if (ask_server) {
        text_block("Join link, or the server address", fonts().bold, 0, width);
        entered |= text_field("##liveserver", "e.g. 192.168.1.20:8765", view.server, width);
    }
    text_block(ask_server ? "Class code (not needed with the join link)" : "Class code", fonts().bold, 0, width);
    entered |= text_field("##livecode", "e.g. ABC123", view.code, width, ImGuiInputTextFlags_CharsUppercase);
    text_block("Nickname", fonts().bold, 0, width);
    entered |= text_field("##nickname", "e.g. Ada", view.nickname, width);
    vertical_space(0.3f);
    const std::string& problem = !view.problem.empty() ? view.problem : pupil.problem();
    if (!problem.empty()) text_block(problem, nullptr, palette().error_text, width);
    if (joining) {
        muted("Joining\u2026", width);
    } else if (primary_button("Join", width) || entered) {
        take(action, act::JoinLive{view.server, view.code, view.nickname});
    }
    end_card();
    return action;
}

}  // namespace claimdeck::ui
