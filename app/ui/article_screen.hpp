// The article reader: an article in full with the deck's claims marked in
// it, coloured by verdict once the learner has answered them. A marked
// claim opens its reveal. Without an article chosen it lists them all.
// Opened to a paragraph found by "Check other sources", it marks that one
// paragraph only.
#pragma once

#include <optional>
#include <string>

#include "actions.hpp"
#include "widgets.hpp"

namespace claimdeck::ui {

struct ArticleView {
    std::string article_id;                  // empty: the list of articles
    std::optional<std::string> focus_claim;  // scrolled into view when the article opens
    bool scroll_to_focus = false;
    // A claim not answered yet that was tapped: a note says why it did not
    // open, until the next tap. Where the first such claim was drawn, for tests.
    bool unanswered_tapped = false;
    std::optional<ImRect> unanswered_claim;
    // Opened from "Check other sources" while a card waits for its answer:
    // the paragraph found is marked and scrolled to, and no claim is marked
    // or opens, so no verdict shows before the learner gives theirs.
    std::optional<Span> source_paragraph;
    int claims_marked = 0;  // in the article drawn last, for tests
};

// What the note says.
inline constexpr const char* kUnansweredNote =
    "Not answered yet: answer this claim in a study session, then it opens here with its verdict.";

Action draw_article_screen(const StudyApp& app, ArticleView& view);

}  // namespace claimdeck::ui
