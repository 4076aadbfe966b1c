// "Check other sources": lateral reading before answering. The learner
// searches the deck's other articles by words and reads the paragraphs that
// hold them, each with its article, which opens in the reader. Nothing here
// says what a paragraph means for the claim. Going back returns to the card,
// its answer still to give.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "actions.hpp"
#include "content/source_search.hpp"
#include "widgets.hpp"

namespace claimdeck::ui {

struct SourcesView {
    std::string claim_id;  // the card the search is for: another card starts a new one
    CardAwaiting card = CardAwaiting::Study;
    std::string words;
    bool focus_field = true;
    // The results for `searched`, kept until the words change: a frame
    // draws them and searches again only after a keystroke. They point into
    // the deck, so the shell clears them each time the screen opens.
    std::optional<std::string> searched;
    std::vector<SourcePassage> found;
};

Action draw_sources_screen(const StudyApp& app, SourcesView& view);

}  // namespace claimdeck::ui
