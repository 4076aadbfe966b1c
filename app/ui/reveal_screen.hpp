// The reveal: right or wrong, the true verdict and why, the techniques at
// work, what the other articles say, what is known now, and when the card
// comes back. Wide windows put the evidence beside the claim.
#pragma once

#include <optional>

#include "actions.hpp"
#include "widgets.hpp"

namespace claimdeck::ui {

struct RevealView {
    const Claim* claim = nullptr;
    std::optional<AnswerOutcome> outcome;  // absent when the claim was opened from the article reader
};

Action draw_reveal_screen(const StudyApp& app, const RevealView& view);

// The bar fixed under the page, so moving on never needs a scroll: when the
// card comes back, and the buttons Next and Undo (or Back, for a lookup).
float reveal_footer_height(const StudyApp& app, const RevealView& view);
Action draw_reveal_footer(const StudyApp& app, const RevealView& view);

}  // namespace claimdeck::ui
