// The Deck Studio: articles in, claims and evidence out. The editor pastes
// articles, selects words to make claims and evidence, fills in the verdict
// and its reasons, watches the live checks, tries a card as a learner and
// saves. Every change is a StudioChange the shell applies, so undo covers it.
#pragma once

#include <optional>
#include <string>

#include "actions.hpp"
#include "card_screen.hpp"
#include "studio/studio_app.hpp"
#include "widgets.hpp"

namespace claimdeck::ui {

enum class StudioTab { Articles, Claim, Evidence, Topics, Checks, Try };

struct StudioView {
    StudioTab tab = StudioTab::Articles;
    std::string article;              // in the reader
    std::optional<Span> selection;    // words selected in the reader
    std::string claim;                // the claim open in the editor
    std::optional<Span> quote_words;  // words selected in its quote
    int technique = 0;                // in propaganda_techniques()
    std::string evidence_article;     // the second article, beside the claim
    std::optional<Span> evidence_words;
    int stance = 0;                // corroborates, contradicts, qualifies
    std::string new_topic;         // typed, not yet applied
    bool editing_article = false;  // the reader is an editor
    std::string focus_field;       // a check was clicked: this field takes the keyboard
    CardView try_card;
    std::string status;  // what the last save or restore did
};

Action draw_studio_screen(const StudioApp& studio, StudioView& view);

}  // namespace claimdeck::ui
