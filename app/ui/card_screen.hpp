// The card: the claim, where it comes from, an optional look at its
// paragraph, and the answer buttons (verdict, then how sure).
#pragma once

#include <optional>

#include "actions.hpp"
#include "widgets.hpp"

namespace claimdeck::ui {

struct CardView {
    std::optional<Verdict> picked;  // set while the learner chooses how sure they are
    bool hint_shown = false;
    bool scroll_to_hint = false;  // the hint just opened: bring it into view
    ImRect claim_box;             // where the claim was drawn last, in screen units
    ImRect hint_box;              // where the hint was drawn last
};

Action draw_card_screen(const StudyApp& app, CardView& view);

// What is judged, said on every card: the claim's truth, not its source's
// honesty in reporting it ("The NRF tweeted 350 casualties" is not Verified
// just because they did tweet it).
inline constexpr const char* kJudgeTheClaim = "Judge what is claimed: is it true? Not: did the article say it?";

// The parts a class quiz's card shares with the study card: the claim with
// its source, and the verdict buttons (then confidence, once one is picked).
void draw_claim_card(const Deck& deck, const Claim& claim, const Column& column, CardView& view);
Action draw_answer_buttons(const CardView& view, const Column& column);
// Lateral reading: what the deck's other articles say, before answering
// (key S). `next_step`: drawn as the thing to do next, when a class quiz
// requires it before the answer. Nothing for a deck of one article.
Action draw_sources_button(const Deck& deck, const Column& column, bool next_step = false);

// Where the verdict's button was drawn this frame, for the tests.
std::optional<ImRect> verdict_button_this_frame(Verdict verdict);

// On a phone-width window the answer buttons are a bar fixed at the bottom,
// where the thumb rests, so they never scroll away under a long claim.
// Elsewhere they sit under the card and there is no footer.
bool answers_in_footer();
float card_footer_height(const CardView& view);
Action draw_card_footer(const CardView& view);

}  // namespace claimdeck::ui
