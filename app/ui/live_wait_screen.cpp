#include "live_wait_screen.hpp"

#include "live_card_screen.hpp"
#include "widgets.hpp"

namespace claimdeck::ui {
namespace {

void waiting(const live::PupilClient& pupil, float width) {
    if (pupil.stage() == live::PupilStage::Loading) {
        text_block("Opening class " + pupil.class_code() + "\u2026", fonts().heading, 0, width);
        return;
    }
    text_block("Waiting for your teacher to show the next card", fonts().heading, 0, width);
    muted("Keep this page open: the next card comes up by itself.", width);
}

}  // namespace

Action draw_live_wait_screen(const live::PupilClient& pupil) {
    const Column column = page_column(30 * em());
    InColumn in(column);
    const float width = card_inner_width(column);
    const bool ended = pupil.stage() == live::PupilStage::Ended;
    Action action;
    vertical_space(1.0f);
    begin_card(column);
    muted(pupil.class_title().empty() ? "Class " + pupil.class_code()
                                      : pupil.class_title() + " \u00B7 " + pupil.nickname(),
          width);
    if (ended) {
        text_block("The class has ended", fonts().heading, 0, width);
        muted("Thank you for taking part.", width);
    } else {
        waiting(pupil, width);
    }
    vertical_space(0.3f);
    live_answer_status(pupil, width);
    if (pupil.unconfirmed() > 1) muted(std::to_string(pupil.unconfirmed()) + " answers are waiting to be sent.", width);
    vertical_space(0.4f);
    if (ended ? primary_button("Done", width) : button("Leave the class", width)) take(action, act::LeaveLive{});
    end_card();
    return action;
}

}  // namespace claimdeck::ui
