// The reveal: right or wrong, the true verdict and why, the techniques at
// work, what the other articles say, what is known now, and when the card
// comes back. Wide windows put the evidence beside the claim.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "actions.hpp"
#include "widgets.hpp"

namespace claimdeck::ui {

struct RevealView {
    const Claim* claim = nullptr;
    std::optional<AnswerOutcome> outcome;  // absent when the claim was opened from the article reader
};

Action draw_reveal_screen(const StudyApp& app, const RevealView& view);

// The parts a class quiz's reveal shares with this one: the banner in the
// true verdict's colour (a headline and an optional note under it), and
// the card that says why.
void draw_verdict_banner(const Claim& claim, const std::string& headline, const std::string& note,
                         const Column& column);
void draw_reasons_card(const Claim& claim, const Column& column);
// For a claim that lists a technique but is not Propaganda: why not (the
// verdict judges what is claimed, not its wording). Empty for the others.
std::string why_not_propaganda(const Claim& claim);
// "TRUTH" in capitals, as the banners name it.
std::string upper(std::string_view text);
// "✓  Right — it is VERIFIED" or "✗  You said Contested — it is VERIFIED".
std::string answer_headline(Verdict truth, Verdict picked);
// "You were 70 % sure.", or "" when the learner was not asked.
std::string sure_note(Confidence confidence);

// The bar fixed under the page, so moving on never needs a scroll: when the
// card comes back, and the buttons Next and Undo (or Back, for a lookup).
float reveal_footer_height(const StudyApp& app, const RevealView& view);
Action draw_reveal_footer(const StudyApp& app, const RevealView& view);

}  // namespace claimdeck::ui
