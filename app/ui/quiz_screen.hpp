// Taking a class quiz: the card with the clock when the quiz has a time
// limit, the verdict and confidence buttons of the study card, then either
// the true verdict after each card or, at the end, all of them, and where
// the results file was saved.
#pragma once

#include <cstdint>
#include <string>

#include "actions.hpp"
#include "card_screen.hpp"
#include "widgets.hpp"

namespace claimdeck::ui {

struct QuizView {
    CardView card;
    std::string retry_path;  // typed when the results could not be saved
};

Action draw_quiz_screen(const StudyApp& app, QuizView& view);

// The bar fixed under the page, as in study: the answer buttons on a phone,
// and Next after a reveal, so moving on never needs a scroll. 0: no bar.
float quiz_footer_height(const StudyApp& app, const QuizView& view);
Action draw_quiz_footer(const StudyApp& app, const QuizView& view);

// "0:42 left" for the time left on a card.
std::string time_left_label(std::int64_t remaining_ms);

}  // namespace claimdeck::ui
