// The article reader: an article in full with the deck's claims marked in
// it, coloured by verdict once the learner has answered them. A marked
// claim opens its reveal. Without an article chosen it lists them all.
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
};

Action draw_article_screen(const StudyApp& app, ArticleView& view);

}  // namespace claimdeck::ui
