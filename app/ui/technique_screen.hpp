// A technique card (learning/technique_cards.hpp), between the claims of a
// study session: the quote, "which technique is at work here?" (four
// names), "which words carry it?" (the quote's words to tap), then on the
// same screen what was right, the words that carry it and the four
// definitions.
#pragma once

#include <optional>
#include <vector>

#include "actions.hpp"
#include "widgets.hpp"

namespace claimdeck::ui {

struct TechniqueView {
    std::optional<TechniqueQuestion> question;  // a copy: the app's is gone once answered
    std::optional<std::size_t> picked;          // into question->choices
    std::vector<bool> words;                    // tapped, per question->words
    std::optional<TechniqueOutcome> outcome;    // set once answered
};

Action draw_technique_screen(TechniqueView& view);

}  // namespace claimdeck::ui
