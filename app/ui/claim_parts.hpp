// Pieces of a claim that the card, the reveal and the article reader all
// draw: where it comes from, and its quote inside its paragraph.
#pragma once

#include <string>
#include <vector>

#include "content/deck.hpp"
#include "rich_text.hpp"

namespace claimdeck::ui {

// The three verdicts, each after its badge with its one-sentence meaning:
// Home's "Three verdicts", and one press away on the card and the reveal.
void verdict_definitions(float width);

// "Title — Byline", or just the title.
std::string source_line(const Article& article);

// The paragraph around the claim's quote, with the quote washed in the mark
// colour and `quote_marks` (offsets into the quote) drawn over it.
void quote_in_paragraph(const Article& article, const Claim& claim, const std::vector<StyledRange>& quote_marks,
                        float width);

// The words that carry each of the claim's techniques, as offsets into its quote.
std::vector<StyledRange> technique_marks(const Claim& claim);
// Figures the sources disagree on: bold and underlined.
std::vector<StyledRange> figure_marks(const std::vector<Span>& figures);

}  // namespace claimdeck::ui
