// Wrapped text in which some byte ranges look different (a highlight, an
// underline, bold) and may be clicked: the quote with its technique words,
// figures that differ between sources, claims inside an article. ImGui 1.86
// has no rich text, so this lays the words out itself and draws them with
// the window's draw list; the text is never used as a format string.
#pragma once

#include <imgui.h>
#include <imgui_internal.h>  // ImRect

#include <map>
#include <string_view>
#include <vector>

#include "content/deck.hpp"

namespace claimdeck::ui {

struct TextStyle {
    ImU32 colour = 0;      // 0: the paragraph's colour
    ImU32 background = 0;  // 0: none
    ImU32 underline = 0;   // 0: none
    bool bold = false;
    int tag = -1;  // >= 0: the range reacts to the mouse and is reported by this tag
};

struct StyledRange {
    Span span;
    TextStyle style;
};

struct Paragraph {
    std::string_view text;
    std::vector<StyledRange> ranges;  // sorted by position, not overlapping
    ImFont* font = nullptr;           // null: the body font
    ImU32 colour = 0;                 // 0: the theme's text colour
    float line_height = 1.45f;        // in font sizes
    bool heading = false;             // a heading, whatever its font (else: when in the heading font)
};

struct RichTextResult {
    int hovered_tag = -1;
    int clicked_tag = -1;
    std::map<int, float> tag_top;         // screen y of each tag's first line
    std::map<int, ImRect> tag_first_box;  // where each tag's first word was drawn
};

// Draws `paragraph` at the cursor, wrapped to `width`, and advances the
// cursor past it.
RichTextResult rich_text(const Paragraph& paragraph, float width);

// How tall rich_text() would draw `paragraph` at `width`, without drawing it.
float paragraph_height(const Paragraph& paragraph, float width);

// The same with every range given one style.
std::vector<StyledRange> styled(const std::vector<Span>& spans, const TextStyle& style);
// Ranges drawn over others: where an `over` range covers an `under` one, the
// style fields `over` sets replace those of `under` (a bold figure inside a
// washed quote keeps the wash). Each list must be sorted and not overlap.
std::vector<StyledRange> layered(const std::vector<StyledRange>& under, const std::vector<StyledRange>& over);

}  // namespace claimdeck::ui
