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
    std::string find_in_article;  // "Find words" typed under each reader
    std::string find_in_quote;
    std::string find_in_evidence;
    std::string not_found;         // the words the last search did not find
    bool focus_find = false;       // Ctrl+F: the tab's "Find words" takes the keyboard
    int stance = 0;                // corroborates, contradicts, qualifies
    std::string new_topic;         // typed, not yet applied
    bool editing_article = false;  // the reader is an editor
    // The deck's and the article's fields, or one row each that opens them (see draw_articles_tab).
    std::optional<bool> deck_details_shown;  // decided when the deck is first drawn
    bool details_shown = true;
    std::string details_decided_for;  // the article they were last shown or folded for
    std::string focus_field;          // a check was clicked: this field takes the keyboard
    CardView try_card;
    std::string status;  // what the last save or restore did
    // A file operation waiting for a typed path: there is no system file
    // chooser, or it could not start.
    std::optional<FilePurpose> typing_for;
    std::string typed_path;
};

// `files`: the platform has files to open and keep (by path on the desktop,
// the browser's picker and downloads on the web), so Open…, Open article
// file…, Save as… and Export package… are offered.
Action draw_studio_screen(const StudioApp& studio, StudioView& view, bool files);

}  // namespace claimdeck::ui
